"""Publish stage: a whole board meeting at once — the batch build, the agenda pack and the register."""
