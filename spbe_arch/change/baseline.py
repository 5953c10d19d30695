"""Gate on what is new: the findings of a model that an earlier audit (the baseline) lacked."""

from collections.abc import Iterable
from typing import Any

from ..model import Finding
from .diff import findings_without

__all__ = ["not_in_baseline"]


def not_in_baseline(findings: Iterable[Finding], baseline: list[dict[str, Any]]) -> list[Finding]:
    """The findings the baseline does not have, matched by code, element and what about it
    (`Finding.about`) as `diff` does.

    Each baseline entry accepts one finding: two findings of one code on one element where
    the baseline had one leave one new. An entry about an element written before findings
    told what about it (no `about`) accepts any finding of its code on its element. An entry
    of a finding a waiver accepted then (`waived`) accepts it only while a waiver still does:
    once the waiver has expired or is removed, the finding counts again, as the waiver said.

    Examples
    --------
    >>> from spbe_arch.model import Severity
    >>> old = [{"code": "SPBE-X001", "element": "e-kir", "file": "a.yaml", "message": "m"}]
    >>> now = [Finding("SPBE-X001", Severity.warning, "m2", "e-kir"),
    ...        Finding("SPBE-X001", Severity.warning, "m", "e-perpus")]
    >>> [f.element for f in not_in_baseline(now, old)]
    ['e-perpus']
    """
    findings = list(findings)
    unwaived = [entry for entry in baseline if not entry.get("waived")]
    new = {id(item) for item in _unmatched([f for f in findings if f.waived], baseline)}
    new.update(id(item) for item in _unmatched([f for f in findings if not f.waived], unwaived))
    return [item for item in findings if id(item) in new]


def _unmatched(findings: list[Finding], baseline: list[dict[str, Any]]) -> list[Finding]:
    """`findings` less one for each baseline entry that matches one."""
    current: list[dict[str, Any]] = []
    older: list[dict[str, Any]] = []
    for entry in baseline:  # about an element, `about` null says nothing: any is accepted
        told = entry.get("about") is not None or ("about" in entry and entry.get("element") is None)
        (current if told else older).append(entry)
    return findings_without(findings_without(findings, map(_key, current)),
                            map(_older_key, older), key=_older_finding_key)


def _key(entry: dict[str, Any]) -> tuple:
    """The entry as `finding_key` makes a finding's key."""
    if entry.get("element") is not None:
        return (entry["code"], entry["element"], entry["about"])
    return (entry["code"], None, entry.get("file"), entry["about"])


def _older_key(entry: dict[str, Any]) -> tuple:
    """An entry that does not tell what about it: one about an element, known by its code and
    element; one about no element of a baseline written before findings had `about`, known
    by its hint, else its message (in the language the baseline was written in)."""
    if entry.get("element") is not None:
        return (entry["code"], entry["element"])
    return (entry["code"], None, entry.get("file"), entry.get("hint") or entry.get("message"))


def _older_finding_key(item: Finding) -> tuple:
    """A finding's key as an older baseline's entries are keyed (`_older_key`)."""
    if item.element is not None:
        return (item.code, item.element)
    return (item.code, None, item.location.file if item.location else None,
            item.hint or item.message)
