"""The decision model: findings, the outline of a document, the profile, redaction and reference formats.

Plain data and pure functions that every stage shares; nothing here reads a file or knows Word.
"""
