"""notice-builder."""
