"""Load stage: read decision files and Word packages into memory, safely, with source positions."""

from notice_builder.load.decision_file import (
    DecisionSource,
    load_decision_file,
    parse_decision_text,
)

__all__ = ["DecisionSource", "load_decision_file", "parse_decision_text"]
