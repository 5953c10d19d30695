"""Gate on what is new: the findings of a model that an earlier audit (the baseline) lacked."""

from collections.abc import Iterable
from typing import Any

from ..model import Finding
from .diff import findings_without

__all__ = ["not_in_baseline"]


def not_in_baseline(findings: Iterable[Finding], baseline: list[dict[str, Any]]) -> list[Finding]:
    """The findings the baseline does not have, matched by (code, element) as `diff` does.

    Each baseline entry accepts one finding: two findings of one code on one element where
    the baseline had one leave one new.

    Examples
    --------
    >>> from spbe_arch.model import Severity
    >>> old = [{"code": "SPBE-X001", "element": "e-kir", "file": "a.yaml", "message": "m"}]
    >>> now = [Finding("SPBE-X001", Severity.warning, "m2", "e-kir"),
    ...        Finding("SPBE-X001", Severity.warning, "m", "e-perpus")]
    >>> [f.element for f in not_in_baseline(now, old)]
    ['e-perpus']
    """
    return findings_without(findings, map(_key, baseline))


def _key(entry: dict[str, Any]) -> tuple:
    if entry.get("element") is not None:
        return (entry["code"], entry["element"])
    # a baseline written before "about" was: its hint or message, in its language
    return (entry["code"], None, entry.get("file"),
            entry.get("about") or entry.get("hint") or entry.get("message"))
