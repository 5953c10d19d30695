"""The rule table: every finding code, declared once (`validation`, `audit`, `maturity`)."""

from . import audit, maturity, validation
from .table import DOC_HEADINGS, RULES, Hit, Rule, RuleStatus, finding, listed

__all__ = [
    "DOC_HEADINGS",
    "RULES",
    "Hit",
    "Rule",
    "RuleStatus",
    "audit",
    "finding",
    "listed",
    "maturity",
    "validation",
]
