"""Which function checks which rule: the audit's half of the rule table."""

from collections.abc import Callable, Iterable

from ..graph import ArchGraph
from ..model import Finding
from ..model.rules import Hit, Rule

__all__ = ["CHECKS", "WHOLE_MODEL", "Check", "check", "codes_run", "run_checks"]

Check = Callable[[ArchGraph], Iterable[Hit]]

CHECKS: dict[str, tuple[Rule, Check]] = {}
"""Rule code -> (rule, the function that finds its hits)."""


WHOLE_MODEL: set[str] = set()
"""Codes of the checks that say something is absent from the whole model (a unit owning
nothing, an isolated application): not run while a file of the model cannot be read, since
what it holds is unknown, not absent."""


def check(rule: Rule, *, whole_model: bool = False) -> Callable[[Check], Check]:
    """Register the decorated function as the check of `rule` (one check per rule);
    `whole_model` when its findings need every file read (`WHOLE_MODEL`)."""

    def decorate(func: Check) -> Check:
        if rule.code in CHECKS:
            raise ValueError(f"{rule.code} has two checks")
        CHECKS[rule.code] = (rule, func)
        if whole_model:
            WHOLE_MODEL.add(rule.code)
        return func

    return decorate


def codes_run(graph: ArchGraph, codes: Iterable[str] | None = None) -> list[str]:
    """The codes of every registered check (or of `codes`) that run on this graph, sorted:
    the `WHOLE_MODEL` checks are left out while a file of the model cannot be read (what
    they would say is unknown, and no waiver of theirs is said to match nothing)."""
    return sorted(code for code in (CHECKS if codes is None else codes)
                  if not (graph.arch.unread and code in WHOLE_MODEL))


def run_checks(graph: ArchGraph, codes: Iterable[str] | None = None) -> list[Finding]:
    """The findings of the checks that run (`codes_run`), in code order; no overrides, no
    locations."""
    found = []
    for code in codes_run(graph, codes):
        rule, func = CHECKS[code]
        found += [rule.finding(hit) for hit in func(graph)]
    return found
