"""Validation: the finding-code table, model loading with checks, severities, locations."""

from . import codes
from .check import ValidationResult, collector_paused, load_model
from .config import apply_overrides
from .locate import locate
from .registry import RULES, Rule, RuleStatus, finding, listed, register, rule

__all__ = [
    "RULES",
    "Rule",
    "RuleStatus",
    "ValidationResult",
    "apply_overrides",
    "codes",
    "collector_paused",
    "finding",
    "listed",
    "load_model",
    "locate",
    "register",
    "rule",
]
