"""Audit and impact renderers: metrics as rows, text, JSON and Markdown. They never compute."""

from typing import TYPE_CHECKING, Any

from ..model.rules import listed
from .findings import finding_dict, findings_markdown

if TYPE_CHECKING:
    from ..audit import AuditResult, ImpactResult, Metrics, Share

__all__ = [
    "audit_dict",
    "audit_markdown",
    "impact_markdown",
    "impact_summary",
    "impact_text",
    "metrics_rows",
    "share_text",
]

_KIND_TITLES = (
    ("infrastructure", "infrastructure"),
    ("national", "national platforms"),
    ("applications", "applications"),
    ("services", "services"),
    ("business_processes", "business processes"),
    ("data", "data"),
    ("units", "units"),
)


def share_text(share: "Share") -> str:
    """'3 of 4 (75%)'; 'none of 0' when there is nothing to count.

    Examples
    --------
    >>> from spbe_arch.audit import Share
    >>> share_text(Share(1, 3)), share_text(Share(0, 0))
    ('1 of 3 (33%)', 'none of 0')
    """
    if share.value is None:
        return "none of 0"
    return f"{share.part} of {share.total} ({share.value:.0%})"


def metrics_rows(metrics: "Metrics") -> list[tuple[str, str]]:
    """The metrics as (label, value) rows, in the order the text table shows them.

    Long lists are cut (a pemda has up to ~60 units, a national model thousands); the JSON
    output lists everything.
    """
    per_unit = listed([f"{u} {n}" for u, n in metrics.applications_per_unit.items()], 60)
    used = ", ".join(
        f"{p} ({len(apps)}: {listed(list(apps), 5)})"
        for p, apps in metrics.aplikasi_umum_used.items()
    )
    return [
        ("active applications", str(metrics.applications)),
        ("integrations (active; manual, shared login excluded)", str(metrics.integrations)),
        ("integrations via SPLP", share_text(metrics.integrations_via_splp)),
        (
            "cross-unit integrations via SPLP",
            share_text(metrics.cross_unit_integrations_via_splp),
        ),
        ("units on JIP", share_text(metrics.units_on_jip)),
        ("services fully integrated", share_text(metrics.services_fully_integrated)),
        ("applications per unit", per_unit or "-"),
        ("aplikasi umum used", used or "-"),
        ("aplikasi umum not used", ", ".join(metrics.aplikasi_umum_unused) or "-"),
        ("data known (stated / of)", ", ".join(
            f"{key} {known.known}/{known.of}" for key, known in metrics.completeness.items()
            if known.of
        ) or "-"),
    ]


def audit_dict(result: "AuditResult") -> dict[str, Any]:
    """`{"metrics": {...}, "findings": [...]}`: the stable JSON of `spbe-arch audit`."""
    return {
        "metrics": result.metrics.as_dict(),
        "findings": [finding_dict(f) for f in result.findings],
    }


def audit_markdown(result: "AuditResult", *, title: str) -> str:
    """Findings table then metrics table, for pull-request comments."""
    lines = [findings_markdown(result.findings, title=title).rstrip("\n"), "", "#### Metrics", ""]
    lines += ["| metric | value |", "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in metrics_rows(result.metrics)]
    return "\n".join(lines) + "\n"


def _sections(result: "ImpactResult") -> list[tuple[str, dict[str, tuple[str, ...]]]]:
    return [
        ("stopped", result.stopped),
        ("degraded", result.degraded),
        ("integrations broken", result.integrations_broken),
        ("units affected", result.units_affected),
    ]


def _grouped(result: "ImpactResult", items: dict[str, tuple[str, ...]]):
    kinds = [k for k, _ in _KIND_TITLES]
    for kind, title in _KIND_TITLES:
        ids = [i for i in items if result.kinds.get(i) == kind]
        if ids:
            yield title, ids
    rest = [i for i in items if result.kinds.get(i) not in kinds]
    if rest:
        yield "other", rest


def _count(n: int, word: str) -> str:
    """'1 service', '2 services', '2 business processes'."""
    if n == 1:
        return f"1 {word}"
    return f"{n} {word}es" if word.endswith("s") else f"{n} {word}s"


def impact_summary(result: "ImpactResult") -> str:
    """One line: how much stops, degrades, breaks."""
    stopped = [
        _count(len(result.of_kind(kind)), word)
        for kind, word in (
            ("applications", "application"),
            ("services", "service"),
            ("business_processes", "business process"),
        )
    ]
    return (
        f"{', '.join(stopped)} stopped; {len(result.degraded)} degraded; "
        f"{_count(len(result.integrations_broken), 'integration')} broken; "
        f"{_count(len(result.units_affected), 'unit')} affected"
    )


def impact_text(result: "ImpactResult", *, name: str | None = None) -> list[str]:
    """Lines listing what stops and degrades, grouped by kind, each with its path."""
    label = f" ({name})" if name and name != result.element else ""
    lines = [f"impact of '{result.element}'{label} failing ({result.kind})"]
    for title, items in _sections(result):
        lines.append("")
        lines.append(f"{title}: {len(items)}")
        for group, ids in _grouped(result, items):
            if title not in ("integrations broken", "units affected"):
                lines.append(f"  {group}")
            indent = "    " if title not in ("integrations broken", "units affected") else "  "
            for element_id in ids:
                lines.append(f"{indent}{element_id}: {' -> '.join(items[element_id])}")
    lines += ["", impact_summary(result)]
    return lines


def impact_markdown(result: "ImpactResult", *, name: str | None = None) -> str:
    """The impact as Markdown: one table per section."""
    label = f" ({name})" if name and name != result.element else ""
    lines = [f"### Impact of `{result.element}`{label} failing", "", impact_summary(result)]
    for title, items in _sections(result):
        lines += ["", f"#### {title.capitalize()} ({len(items)})", ""]
        if not items:
            lines.append("none")
            continue
        lines += ["| id | kind | path |", "|---|---|---|"]
        for element_id, path in items.items():
            kind = result.kinds.get(element_id, "")
            lines.append(f"| {element_id} | {kind} | {' → '.join(path)} |")
    return "\n".join(lines) + "\n"
