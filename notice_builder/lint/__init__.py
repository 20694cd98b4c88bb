"""Lint stage."""
