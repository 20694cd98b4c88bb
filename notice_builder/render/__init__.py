"""Render stage: merge a validated decision into the Word templates."""
