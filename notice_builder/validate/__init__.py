"""Validate stage: check a decision against the JSON Schema and report every error at once."""

from notice_builder.validate.schema_validation import (
    bundled_schema,
    decision_schema,
    validate_against,
    validate_decision,
)

__all__ = ["bundled_schema", "decision_schema", "validate_against", "validate_decision"]
