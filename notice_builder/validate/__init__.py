"""Validate stage: check a decision against the JSON Schema and report every error at once."""

from notice_builder.validate.schema_validation import decision_schema, validate_decision

__all__ = ["decision_schema", "validate_decision"]
