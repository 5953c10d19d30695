"""Which function checks which rule: the audit's half of the rule table."""

from collections.abc import Callable, Iterable

from ..graph import ArchGraph
from ..model import Finding
from ..model.rules import Hit, Rule

__all__ = ["CHECKS", "Check", "check", "run_checks"]

Check = Callable[[ArchGraph], Iterable[Hit]]

CHECKS: dict[str, tuple[Rule, Check]] = {}
"""Rule code -> (rule, the function that finds its hits)."""


def check(rule: Rule) -> Callable[[Check], Check]:
    """Register the decorated function as the check of `rule` (one check per rule)."""

    def decorate(func: Check) -> Check:
        if rule.code in CHECKS:
            raise ValueError(f"{rule.code} has two checks")
        CHECKS[rule.code] = (rule, func)
        return func

    return decorate


def run_checks(graph: ArchGraph, codes: Iterable[str] | None = None) -> list[Finding]:
    """The findings of every registered check (or of the checks of `codes`), in code order;
    no overrides, no locations."""
    found = []
    for code in sorted(CHECKS if codes is None else codes):
        rule, func = CHECKS[code]
        found += [rule.finding(hit) for hit in func(graph)]
    return found
