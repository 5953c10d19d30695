"""The one table of finding codes: every check, its default severity and its documentation."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module
from inspect import cleandoc

from ..model import Finding, Location, Severity

__all__ = [
    "RULES",
    "RULE_MODULES",
    "Rule",
    "RuleStatus",
    "all_rules",
    "finding",
    "listed",
    "register",
    "rule",
]

DOC_HEADINGS = ("## What it does", "## Why is this bad?", "## Example")


class RuleStatus(StrEnum):
    """Life cycle of a code: codes are never reused, retired ones stay listed."""

    stable = "stable"
    preview = "preview"
    deprecated = "deprecated"
    removed = "removed"


@dataclass(frozen=True)
class Rule:
    """A finding code with its name (the bad pattern), severity, status and documentation."""

    code: str
    name: str
    severity: Severity
    since: str
    doc: str
    status: RuleStatus = RuleStatus.stable
    overridable: bool = True
    check: Callable | None = None

    @property
    def summary(self) -> str:
        """The first sentence under 'What it does'."""
        body = self.doc.split("## What it does", 1)[-1].split("##", 1)[0]
        return " ".join(body.split()).split(". ")[0].rstrip(".")


RULES: dict[str, Rule] = {}

RULE_MODULES = ("spbe_arch.validate.codes", "spbe_arch.audit", "spbe_arch.maturity")
"""Modules whose import registers rules. Analyses register their own codes when imported; this
list lets the lower layers (severity overrides, docs) see every code without importing upward."""


def all_rules() -> dict[str, Rule]:
    """The whole table, with every rule module loaded."""
    for name in RULE_MODULES:
        import_module(name)
    return RULES


def register(entry: Rule) -> Rule:
    """Add a code to the table; a code is registered once."""
    if entry.code in RULES:
        raise ValueError(f"code {entry.code} registered twice")
    RULES[entry.code] = entry
    return entry


def rule(
    code: str,
    name: str,
    *,
    since: str,
    severity: Severity = Severity.warning,
    status: RuleStatus = RuleStatus.stable,
) -> Callable[[Callable], Callable]:
    """Register a check function under `code`; its docstring is the rule's documentation."""

    def decorate(func: Callable) -> Callable:
        register(
            Rule(
                code=code,
                name=name,
                severity=severity,
                since=since,
                doc=cleandoc(func.__doc__ or ""),
                status=status,
                check=func,
            )
        )
        return func

    return decorate


def finding(
    code: str,
    message: str,
    *,
    element: str | None = None,
    location: Location | None = None,
    hint: str | None = None,
    related: tuple[str, ...] = (),
) -> Finding:
    """A finding with the code's default severity."""
    return Finding(
        code=code,
        severity=RULES[code].severity,
        message=message,
        element=element,
        location=location,
        hint=hint,
        related=related,
    )


def listed(items: list[str], limit: int) -> str:
    """Up to `limit` items, comma-separated, and how many more there are: for messages.

    Examples
    --------
    >>> listed(["a", "b"], 3), listed(["a", "b", "c", "d", "e"], 3)
    ('a, b', 'a, b, c and 2 more')
    """
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")
