"""Diff and roadmap renderers: text, JSON and Markdown (the diff's SARIF is its introduced
findings, written by `findings_sarif`). They never compute."""

from typing import TYPE_CHECKING, Any

from ..model.i18n import N_, decimal, plural
from ..model.i18n import gettext as _
from .audit import METRIC_LABELS, kind_word, metric_text, share_text
from .findings import cell, finding_dict, findings_markdown, findings_text
from .labels import shown_predikat

if TYPE_CHECKING:
    from ..audit import Share
    from ..change import (
        DiffResult,
        Downgrade,
        ElementChange,
        ElementRef,
        FieldChange,
        MetricChange,
        RoadmapResult,
        RoadmapYear,
    )
    from ..model import Finding

__all__ = [
    "diff_dict",
    "diff_markdown",
    "diff_text",
    "ref_name",
    "roadmap_dict",
    "roadmap_markdown",
    "roadmap_rows",
    "roadmap_text",
    "rupiah",
]

def _delta(change: "MetricChange") -> str:
    """How the value changed; for a share, how what it leaves unknown did too."""
    text = _value_delta(change)
    old, new = change.old, change.new
    if not isinstance(old, int) and not isinstance(new, int) and old.unknown != new.unknown:
        text += "; " + _("not known {old} -> {new}").format(old=old.unknown, new=new.unknown)
    return text


def _value_delta(change: "MetricChange") -> str:
    delta = change.delta
    if delta is None:  # a share with no total on one side or both
        old, new = change.old.value, change.new.value  # type: ignore[union-attr]
        if old is None and new is None:
            return "="
        return _("counted now") if old is None else _("no longer counted")
    if delta == 0:
        return "="
    if isinstance(change.old, int):
        return f"{delta:+d}"
    points = delta * 100  # a change under half a point is not '-0': shown as it needs
    digits = next((d for d in (0, 1, 2, 3) if abs(points) >= 0.5 * 10 ** -d), 4)
    return _("{delta} pts").format(delta=decimal(points, digits, sign=True))


def _row(*cells: str) -> str:
    """A Markdown table row, each cell as written (`findings.cell`)."""
    return "| " + " | ".join(map(cell, cells)) + " |"


def _plain(value: Any) -> str:
    """A field's value as the model's YAML writes it in flow style; '-' for none.

    >>> _plain([{"element": "sec-smki", "set": {"status": "active"}}]), _plain(None)
    ('[{element: sec-smki, set: {status: active}}]', '-')
    >>> _plain(175000000.0)  # a budget, a whole number however it is stored
    '175000000'
    """
    return "-" if value is None else _flow(value)


def field_change(change: "FieldChange", arrow: str = "->") -> str:
    """What changed in one field, as a reviewer reads it: of a list that keeps some items, the
    items added (+) and removed (-); of a mapping (`properties`), each key that changed; else
    old and new.

    >>> from spbe_arch.change import FieldChange
    >>> field_change(FieldChange("covers", ["a", "b", "c"], ["a", "c", "d"]))
    'covers: +d, -b'
    >>> field_change(FieldChange("covers", ["a", "b"], ["a", "b", "b"]))
    'covers: +b'
    >>> field_change(FieldChange("properties", {"rak": 6, "ups": "ada"}, {"rak": 8, "ups": "ada"}))
    'properties.rak: 6 -> 8'
    >>> field_change(FieldChange("description", "Satu.", "Satu.\\nDua."))
    'description: Satu. -> Satu. ↵ Dua.'
    """
    old, new = change.old, change.new
    if isinstance(old, list) and isinstance(new, list) and any(item in new for item in old):
        removed, added = list(old), []
        for item in new:  # each item once: a second of one is added
            if item in removed:
                removed.remove(item)
            else:
                added.append(item)
        if not added and not removed:
            return _("{field}: the same items, in another order").format(field=change.field)
        return f"{change.field}: " + ", ".join(
            [*(f"+{_flow(item)}" for item in added), *(f"-{_flow(item)}" for item in removed)])
    if isinstance(old, dict) and isinstance(new, dict):
        return "; ".join(f"{change.field}.{key}: {_plain(old.get(key))} {arrow} "
                         f"{_plain(new.get(key))}"
                         for key in {**old, **new} if old.get(key) != new.get(key))
    return f"{change.field}: {_plain(old)} {arrow} {_plain(new)}"


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ↵ ".join(str(value).splitlines()) if isinstance(value, str) else str(value)


def _summary(result: "DiffResult") -> str:
    parts = [
        _("{count} added").format(count=len(result.added)),
        _("{count} removed").format(count=len(result.removed)),
        _("{count} changed").format(count=len(result.changed)),
        *([_("{count} renamed").format(count=len(result.renamed))] if result.renamed else []),
        _("{count} rerouted").format(count=len(result.rerouted)),
        plural(len(result.introduced), N_("{count} finding introduced"),
               N_("{count} findings introduced")),
        _("{count} resolved").format(count=len(result.resolved)),
    ]
    if result.unread:
        parts.append(_("{count} not compared (in a file that could not be read)").format(
            count=len(result.unread)))
    if result.waived:
        parts.append(_("{count} newly waived").format(count=len(result.waived)))
    if result.unwaived:
        parts.append(_("{count} no longer waived").format(count=len(result.unwaived)))
    if result.silenced:
        parts.append(_("{count} no longer judged").format(count=len(result.silenced)))
    if result.reworded:
        parts.append(plural(len(result.reworded), N_("{count} finding changed"),
                            N_("{count} findings changed")))
    if result.downgraded:
        parts.append(_("{count} rated lower").format(count=len(result.downgraded)))
    if result.old_index is not None or result.new_index is not None:
        parts.append((_("index {old} -> {new}, provisional: a file could not be read")
                      if result.unread else _("index {old} -> {new}")).format(
            old=_decimal(result.old_index), new=_decimal(result.new_index)))
    return ", ".join(parts)


def _decimal(index: float | None) -> str:
    """An index, '-' for a version with no model (`DiffResult.absent`)."""
    return "-" if index is None else decimal(index)


def _predikat(index: float | None, predikat: str | None, none: str = "-") -> str:
    """'2.68 (Baik)'; an index with no predikat (few indicators rated) is provisional."""
    if index is None:
        return none
    return f"{decimal(index)} ({shown_predikat(predikat)})"


def _absent(result: "DiffResult") -> list[str]:
    """The line saying that one version has no model (the folder was not there), if so."""
    if result.absent is None:
        return []
    return [_("{version}: no model there (no folder, or no spbe.yaml in it): every element "
              "counts as {what}").format(version=result.absent, what=_("added") if (
                  result.absent == result.old) else _("removed"))]


def _code_and_element(found: "Finding") -> str:
    """'SPBE-A0NN `e-pbb`' in Markdown; the code alone of a finding about no element."""
    return f"{found.code} `{found.element}`" if found.element else found.code


def _downgrade(item: "Downgrade") -> str:
    """'SPBE-A0NN e-pbb: error -> info'."""
    found = item.finding
    about = found.element or found.subject or (found.location.file if found.location else "")
    return f"{found.code} {about}: {_(item.was.value)} -> {_(found.severity.value)}"


def ref_name(ref: "ElementRef | ElementChange") -> str:
    """What names an element of a diff: its name; an assessment entry, by its key
    ('11@2025'), 'indicator 11 (2025)' in the language in force."""
    if ref.kind != "assessment":
        return ref.name
    indicator, _at, rest = ref.id.partition("@")
    return _("indicator {id} ({year})").format(id=indicator, year=rest.partition("#")[0])


def diff_text(result: "DiffResult", *, old_prefix: str = "", new_prefix: str = "") -> list[str]:
    """The diff as lines: elements, reroutes, findings, metrics, index, then a summary."""
    lines = [f"diff {result.old} -> {result.new}", *_absent(result)]
    for title, refs, mark in ((_("added: {count}"), result.added, "+"),
                              (_("removed: {count}"), result.removed, "-")):
        lines += ["", title.format(count=len(refs))]
        lines += [f"  {mark} {r.id} ({kind_word(r.kind)}) {ref_name(r)}" for r in refs]
    if result.unread:
        lines += ["", _("not compared, written in a file that could not be read: "
                        "{count}").format(count=len(result.unread))]
        lines += [f"  ? {element_id}" for element_id in result.unread]
    if result.renamed:
        lines += ["", _("renamed (only ids changed): {count}").format(
            count=len(result.renamed))]
        lines += [f"  > {r.old} -> {r.new} ({kind_word(r.kind)}) {r.name}" for r in result.renamed]
    lines += ["", _("changed: {count}").format(count=len(result.changed))]
    for change in result.changed:
        lines.append(f"  ~ {change.id} ({kind_word(change.kind)})")
        lines += [f"      {field_change(c)}" for c in change.fields]
    lines += ["", _("rerouted: {count}").format(count=len(result.rerouted))]
    for r in result.rerouted:
        network = _(", network {old} -> {new}").format(
            old=r.old_network or "-", new=r.new_network or "-") if (
            r.old_network != r.new_network) else ""
        via = f"{r.old_via} -> {r.new_via}" if r.old_via != r.new_via else f"via {r.new_via}"
        lines.append(f"  {r.id} {r.source} -> {r.target}: {via}{network}")
    lines += ["", _("findings introduced: {count}").format(count=len(result.introduced))]
    lines += findings_text(result.introduced, prefix=new_prefix)
    lines += ["", _("findings resolved: {count}").format(count=len(result.resolved))]
    lines += findings_text(result.resolved, prefix=old_prefix)
    if result.waived:
        lines += ["", _("findings newly waived: {count}").format(count=len(result.waived))]
        lines += findings_text(result.waived, prefix=new_prefix)
    if result.unwaived:
        lines += ["", _("findings no longer waived (they count again): {count}").format(
            count=len(result.unwaived))]
        lines += findings_text(result.unwaived, prefix=new_prefix)
    if result.silenced:
        lines += ["", _("findings no longer judged (their rule turned off with `severity:`, or "
                        "their applications' integrations marked unknown): {count}").format(
            count=len(result.silenced))]
        lines += findings_text(result.silenced, prefix=old_prefix)
    if result.reworded:
        lines += ["", _("findings changed (the same problem, its message now; was: before): "
                        "{count}").format(count=len(result.reworded))]
        for item in result.reworded:
            lines += findings_text([item.finding], prefix=new_prefix)
            lines.append("    " + _("was: {message}").format(message=item.was))
    if result.downgraded:
        lines += ["", _("findings rated lower (their rule's severity lowered with `severity:`; "
                        "an error made a warning no longer fails a gate): {count}").format(
            count=len(result.downgraded))]
        lines += [f"  {_downgrade(d)}" for d in result.downgraded]
    provisional = _(" (provisional: a file could not be read)") if result.unread else ""
    lines += ["", _("metrics") + provisional]
    for change in result.metrics:
        lines.append(
            f"  {_(METRIC_LABELS[change.name])}: {metric_text(change.old)} -> "
            f"{metric_text(change.new)} ({_delta(change)})"
        )
    if result.index_change is None and (result.old_index, result.new_index) != (None, None):
        lines += ["", _("index: {old} -> {new}").format(
            old=_predikat(result.old_index, result.old_predikat, _("none (no model)")),
            new=_predikat(result.new_index, result.new_predikat, _("none (no model)")))]
    if result.index_change is not None:
        lines += [
            "",
            _("index: {old} ({old_predikat}) -> {new} ({new_predikat}), {change}").format(
                old=decimal(result.old_index),
                old_predikat=shown_predikat(result.old_predikat),
                new=decimal(result.new_index),
                new_predikat=shown_predikat(result.new_predikat),
                change=decimal(result.index_change, 3, sign=True)) + provisional,
        ]
        if result.old_year != result.new_year:
            lines.append("  " + _("of the year {old} in the old model, of {new} in the new: its "
                                  "latest assessment").format(old=result.old_year or "-",
                                                              new=result.new_year or "-"))
        lines += [
            "  " + _("indicator {id} {name}: {old} -> {new} ({change})").format(
                id=i.id, name=i.name, old=i.old_level or "-", new=i.new_level or "-",
                change=decimal(i.index_change, 3, sign=True))
            for i in result.indicators
        ]
    lines += ["", _summary(result)]
    return lines


def diff_dict(result: "DiffResult") -> dict[str, Any]:
    """The stable JSON of `spbe-arch diff --format json`."""

    def metric(value: "int | Share") -> Any:
        return value if isinstance(value, int) else value.as_dict()

    return {
        "old": result.old,
        "new": result.new,
        "added": [{"id": r.id, "kind": r.kind, "name": ref_name(r)} for r in result.added],
        "removed": [{"id": r.id, "kind": r.kind, "name": ref_name(r)} for r in result.removed],
        "renamed": [{"old": r.old, "new": r.new, "kind": r.kind, "name": r.name}
                    for r in result.renamed],
        "absent": result.absent,
        "unread": result.unread,
        "changed": [
            {"id": c.id, "kind": c.kind, "name": ref_name(c),
             "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in c.fields]}
            for c in result.changed
        ],
        "rerouted": [
            {"id": r.id, "source": r.source, "target": r.target, "old_via": r.old_via,
             "new_via": r.new_via, "old_network": r.old_network, "new_network": r.new_network}
            for r in result.rerouted
        ],
        "findings_introduced": [finding_dict(f) for f in result.introduced],
        "findings_resolved": [finding_dict(f) for f in result.resolved],
        "findings_waived": [finding_dict(f) for f in result.waived],
        "findings_unwaived": [finding_dict(f) for f in result.unwaived],
        "findings_silenced": [finding_dict(f) for f in result.silenced],
        "findings_downgraded": [{**finding_dict(d.finding), "was": d.was.value}
                                for d in result.downgraded],
        "findings_changed": [{**finding_dict(r.finding), "was": r.was}
                             for r in result.reworded],
        "metrics": {
            m.name: {"old": metric(m.old), "new": metric(m.new), "delta": m.delta}
            for m in result.metrics
        },
        "index": {
            "old": _exact(result.old_index), "new": _exact(result.new_index),
            "change": _exact(result.index_change),
            "old_predikat": result.old_predikat, "new_predikat": result.new_predikat,
            "old_year": result.old_year, "new_year": result.new_year,
            "provisional": bool(result.unread),
            "indicators": [
                {"id": i.id, "name": i.name, "old_level": i.old_level,
                 "new_level": i.new_level, "index_change": _exact(i.index_change)}
                for i in result.indicators
            ],
        },
    }


def _exact(value: float | None) -> float | None:
    """An index or its change without the binary noise of a sum (2.7510000000000003):
    weights have at most 4 decimals.

    >>> _exact(2.7510000000000003), _exact(0.07000000000000028), _exact(None)
    (2.751, 0.07, None)
    """
    return None if value is None else round(value, 6)


def diff_markdown(result: "DiffResult", *, prefix: str = "") -> str:
    """The diff for a pull-request comment: summary, tables, introduced findings."""
    lines = [f"### spbe-arch diff `{result.old}` → `{result.new}`", ""]
    lines += [*_absent(result), ""] if result.absent else []
    lines += [_summary(result), ""]
    if result.unread:
        lines += [_("Not compared, written in a file that could not be read: {ids}").format(
            ids=", ".join(f"`{i}`" for i in result.unread)), ""]
    if result.added or result.removed or result.changed or result.renamed:
        added, removed, changed = _("added"), _("removed"), _("changed")
        lines += [_row(_("change"), "id", _("kind"), _("what")), "|---|---|---|---|"]
        lines += [_row(added, r.id, kind_word(r.kind), ref_name(r)) for r in result.added]
        lines += [_row(removed, r.id, kind_word(r.kind), ref_name(r)) for r in result.removed]
        lines += [_row(_("renamed"), f"{r.old} → {r.new}", kind_word(r.kind), r.name)
                  for r in result.renamed]
        for c in result.changed:
            what = "; ".join(field_change(f, "→") for f in c.fields)
            lines.append(_row(changed, c.id, kind_word(c.kind), what))
        lines.append("")
    if result.rerouted:
        lines += [_row("id", _("from"), _("to"), _("mechanism"), _("network")),
                  "|---|---|---|---|---|"]
        lines += [_row(r.id, r.source, r.target, f"{r.old_via} → {r.new_via}",
                       r.new_network or "-" if r.old_network == r.new_network
                       else f"{r.old_network or '-'} → {r.new_network or '-'}")
                  for r in result.rerouted]
        lines.append("")
    provisional = _(" (provisional: a file could not be read)") if result.unread else ""
    lines += [_row(_("metric") + provisional, _("before"), _("after"), _("change")),
              "|---|---|---|---|"]
    lines += [
        f"| {_(METRIC_LABELS[m.name])} | {metric_text(m.old)} | {metric_text(m.new)} "
        f"| {_delta(m)} |" for m in result.metrics
    ]
    if (result.old_index, result.new_index) != (None, None):
        change, index = result.index_change, _("SPBE index")
        lines.append(
            f"| **{index}** | {_predikat(result.old_index, result.old_predikat)} | "
            f"{_predikat(result.new_index, result.new_predikat)} | "
            f"{'-' if change is None else decimal(change, 3, sign=True)} |"
        )
        lines += [  # why it moves: a reviewer sees which indicator, as the text says
            _row(_("indicator {id} {name}").format(id=i.id, name=i.name), str(i.old_level or "-"),
                 str(i.new_level or "-"), decimal(i.index_change, 3, sign=True))
            for i in result.indicators]
    lines.append("")
    lines.append(
        findings_markdown(result.introduced, title=_("Findings introduced"), scope=_("the change"),
                          prefix=prefix).rstrip("\n"))
    for found, title in ((result.resolved, N_("Resolved: {findings}")),
                         (result.waived, N_("Newly waived: {findings}")),
                         (result.unwaived, N_("No longer waived: {findings}")),
                         (result.silenced, N_("No longer judged: {findings}"))):
        if found:
            named = ", ".join(map(_code_and_element, found))
            lines += ["", _(title).format(findings=named)]
    if result.reworded:
        lines += ["", _("**Changed** (the same problem, its message now):"), ""]
        lines += [f"- {_code_and_element(r.finding)}: "
                  + _("{message} (was: {was})").format(
                      message=cell(r.finding.message), was=cell(r.was))
                  for r in result.reworded]
    if result.downgraded:
        lines += ["", _("**Rated lower** (`severity:` in spbe.yaml; an error made a warning no "
                        "longer fails a gate): {findings}").format(
            findings=", ".join(_downgrade(d) for d in result.downgraded))]
    return "\n".join(lines) + "\n"


def rupiah(amount: float | None) -> str:
    """'Rp 1.250.000.000' (Indonesian thousands separator); '-' when unknown."""
    if amount is None:
        return "-"
    return "Rp " + f"{amount:,.0f}".replace(",", ".")


def roadmap_rows(result: "RoadmapResult") -> list[tuple[str, ...]]:
    """The trajectory as table rows: year, items, index, predikat, metrics, errors, warnings."""

    def row(year: "RoadmapYear") -> tuple[str, ...]:
        m = year.metrics
        return (
            _("as-is") if year.year is None else str(year.year),
            str(len(year.items)) if year.year is not None else "-",
            decimal(year.index),
            shown_predikat(year.predikat, year.provisional),
            share_text(m.integrations_via_splp),
            share_text(m.cross_unit_integrations_via_splp),
            share_text(m.units_on_jip),
            share_text(m.services_fully_integrated),
            str(year.errors),
            str(year.warnings),
        )

    return [row(year) for year in result.years]


ROADMAP_COLUMNS = (
    N_("year"), N_("items"), N_("index"), N_("predikat"), N_("via SPLP"),
    N_("cross-unit via SPLP"), N_("units on JIP"), N_("services integrated"),
    N_("audit errors"), N_("audit warnings"),
)
"""Column titles of the trajectory (catalog messages: translate where shown): the findings of
the audit of each year's model (the plan's own, SPBE-P, are printed above it)."""


def _item_line(item) -> str:
    parts = []
    if item.adds:
        parts.append(_("adds {ids}").format(ids=", ".join(item.adds)))
    if item.changes:
        parts.append(_("changes {ids}").format(ids=", ".join(c.element for c in item.changes)))
    if item.retires:
        parts.append(_("retires {ids}").format(ids=", ".join(item.retires)))
    if item.depends_on:
        parts.append(_("after {ids}").format(ids=", ".join(item.depends_on)))
    who = f" [{item.unit or '-'}, {rupiah(item.budget)}]"
    return f"  {item.year} {item.id}: {item.name}{who}" + (
        f"\n      {'; '.join(parts)}" if parts else "")


def _undelivered_lines(result: "RoadmapResult") -> list[str]:
    gap = result.undelivered
    if gap is None:
        return []
    target = "" if result.target_index is None else (
        _(" (index {index}, provisional: a file of the target could not be read: {files})")
        if gap.unread else _(" (index {index})")).format(
            index=decimal(result.target_index), files=", ".join(gap.unread))
    count = len(gap.added) + len(gap.removed) + len(gap.changed)
    lines = ["", _("not delivered by any item, compared with {target}{index}: {count}").format(
        target=gap.target, index=target, count=count) + (
        "; " + plural(gap.errors, N_("the target has {count} error, so what it is said to lack "
                                     "may be wrong (spbe-arch validate {target})"),
                      N_("the target has {count} errors, so what it is said to lack may be "
                         "wrong (spbe-arch validate {target})"), target=gap.target)
        if gap.errors else "")]
    only, absent = _("in the target only"), _("not in the target")
    lines += [f"  + {r.id} ({kind_word(r.kind)}) {r.name}: {only}" for r in gap.added]
    lines += [f"  - {r.id} ({kind_word(r.kind)}) {r.name}: {absent}" for r in gap.removed]
    for c in gap.changed:
        fields = "; ".join(field_change(f) for f in c.fields)
        lines.append(f"  ~ {c.id} ({kind_word(c.kind)}) {fields}")
    return lines


def _moves_lines(result: "RoadmapResult") -> list[str]:
    """Why each year's index moves: the indicators its items move, or none."""
    lines = []
    for year in result.years[1:]:
        if not year.moved:
            lines.append("  " + _("{year}: no indicator's level moves").format(year=year.year))
            continue
        change = decimal(sum(m.index_change for m in year.moved), 3, sign=True)
        lines.append(f"  {year.year} {change}: " + "; ".join(
            _("indicator {id} {name}: {old} -> {new}").format(
                id=m.id, name=m.name, old=m.old_level or "-", new=m.new_level or "-")
            for m in year.moved))
    return [_("index moves by year:"), *lines] if lines else []


def _budget_line(result: "RoadmapResult") -> str | None:
    """'budget: 2025 Rp 1.500.000.000, 2026 -; total Rp 1.500.000.000' (a year whose items give
    no estimate: '-'); None when no item has one."""
    if not any(item.budget is not None for item in result.items):
        return None
    budget = result.budget
    return _("budget: {years}; total {total}").format(
        years=", ".join(f"{year} {rupiah(budget.get(year))}"
                        for year in sorted({item.year for item in result.items})),
        total=rupiah(sum(budget.values())))


def _assessed_line(result: "RoadmapResult") -> str:
    how = {True: _("verified"), False: _("estimate")}
    past = ", ".join(f"{a.year} {decimal(a.index)} ({a.predikat}, {how[a.verified]})"
                     for a in result.assessed)
    return _("assessed: {years}; as-is is the latest").format(years=past)


def roadmap_text(result: "RoadmapResult", console: Any, *, prefix: str = "") -> None:
    """Print the items, the trajectory table and what no item delivers on a rich console."""
    from rich.table import Table

    years = [y.year for y in result.years if y.year is not None]
    span = f" {years[0]}-{years[-1]}" if years else ""
    console.print(
        _("Peta Rencana SPBE: {instansi}, {count} items{span}").format(
            instansi=result.instansi or "-", count=len(result.items), span=span),
        markup=False, highlight=False, soft_wrap=True,
    )
    for line in findings_text(result.findings, prefix=prefix):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    if result.assessed:
        console.print(_assessed_line(result), markup=False, highlight=False, soft_wrap=True)
    console.print("\n" + (_("items") if result.items else _("items: none (a `roadmap:` "
                                                             "collection lists them)")),
                  markup=False)
    for item in result.items:
        console.print(_item_line(item), markup=False, highlight=False, soft_wrap=True)
    if budget := _budget_line(result):
        console.print(budget, markup=False, highlight=False, soft_wrap=True)
    table = Table(title=_("trajectory"), title_justify="left")
    for column in ROADMAP_COLUMNS:
        table.add_column(_(column), no_wrap=True)
    for row in roadmap_rows(result):
        table.add_row(*row)
    console.print(table)
    for line in _moves_lines(result):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    for line in _undelivered_lines(result):
        console.print(line, markup=False, highlight=False, soft_wrap=True)


def roadmap_dict(result: "RoadmapResult") -> dict[str, Any]:
    """The stable JSON of `spbe-arch roadmap --format json`."""
    gap = result.undelivered
    return {
        "instansi": result.instansi,
        "items": [
            {**item.model_dump(mode="json", exclude={"tags", "properties", "description"}),
             "order": n}
            for n, item in enumerate(result.items)
        ],
        "budget": {str(year): total for year, total in result.budget.items()},
        "years": [
            {"year": y.year, "items": list(y.items), "index": y.index, "predikat": y.predikat,
             "provisional": y.provisional,
             "errors": y.errors, "warnings": y.warnings, "metrics": y.metrics.as_dict(),
             "moved": [{"indicator": m.id, "name": m.name, "old": m.old_level,
                        "new": m.new_level, "index_change": m.index_change} for m in y.moved]}
            for y in result.years
        ],
        "assessed": [{"year": a.year, "index": a.index, "predikat": a.predikat,
                      "verified": a.verified} for a in result.assessed],
        "target_index": result.target_index,
        "undelivered": None if gap is None else {
            "target": gap.target,
            "unread": list(gap.unread),
            "errors": gap.errors,
            "added": [{"id": r.id, "kind": r.kind, "name": r.name} for r in gap.added],
            "removed": [{"id": r.id, "kind": r.kind, "name": r.name} for r in gap.removed],
            "changed": [
                {"id": c.id, "kind": c.kind,
                 "fields": [{"field": f.field, "now": f.old, "target": f.new} for f in c.fields]}
                for c in gap.changed
            ],
        },
        "findings": [finding_dict(f) for f in result.findings],
    }


def roadmap_markdown(result: "RoadmapResult", *, prefix: str = "") -> str:
    """The roadmap for a document or a pull request: items, trajectory, what is missing."""
    header = (_("year"), _("item"), _("unit"), _("budget"), _("adds"), _("changes"),
              _("retires"), _("depends on"))
    lines = [f"### Peta Rencana SPBE: {result.instansi or '-'}", "",
             "| " + " | ".join(header) + " |", "|---|---|---|---|---|---|---|---|"]
    for item in result.items:
        lines.append(
            f"| {item.year} | {item.id}: {item.name} | {item.unit or ''} | "
            f"{rupiah(item.budget)} | {', '.join(item.adds)} | "
            f"{', '.join(c.element for c in item.changes)} | {', '.join(item.retires)} | "
            f"{', '.join(item.depends_on)} |"
        )
    lines += ["", "| " + " | ".join(_(column) for column in ROADMAP_COLUMNS) + " |",
              "|" + "---|" * len(ROADMAP_COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in roadmap_rows(result)]
    if moves := _moves_lines(result):
        lines += ["", moves[0], ""] + ["- " + line.strip() for line in moves[1:]]
    if budget := _budget_line(result):
        lines += ["", budget]
    if result.assessed:
        lines += ["", _assessed_line(result)]
    undelivered = _undelivered_lines(result)
    if undelivered:  # a leading + or - escaped: not a nested list
        lines += ["", undelivered[1], ""] + [
            "- " + ("\\" if line.strip()[:1] in "+-" else "") + line.strip()
            for line in undelivered[2:]]
    if result.findings:
        lines += ["", findings_markdown(result.findings, title=_("Findings"),
                                        prefix=prefix).rstrip("\n")]
    return "\n".join(lines) + "\n"
