"""The rule table: every finding code, declared once (`validation`, `audit`, `maturity`,
`roadmap`, `waiver`)."""

from . import audit, maturity, roadmap, validation, waiver
from .table import (
    DOC_HEADINGS,
    QUOTED,
    RULES,
    Hit,
    Rule,
    RuleStatus,
    codes_of,
    finding,
    listed,
)

__all__ = [
    "DOC_HEADINGS",
    "QUOTED",
    "RULES",
    "Hit",
    "Rule",
    "RuleStatus",
    "audit",
    "codes_of",
    "finding",
    "listed",
    "maturity",
    "roadmap",
    "validation",
    "waiver",
]
