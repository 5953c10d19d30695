"""Audit and impact renderers: metrics as rows, text, JSON and Markdown. They never compute."""

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from ..model.i18n import N_, plural
from ..model.i18n import gettext as _
from ..model.rules import listed
from .findings import finding_dict, findings_markdown

if TYPE_CHECKING:
    from ..audit import AuditResult, ImpactResult, Metrics, Share

__all__ = [
    "METRIC_LABELS",
    "audit_dict",
    "audit_markdown",
    "impact_markdown",
    "impact_summary",
    "impact_text",
    "kind_word",
    "metric_text",
    "metrics_rows",
    "share_text",
]

_KIND_TITLES = (
    ("infrastructure", N_("infrastructure")),
    ("national", N_("national platforms")),
    ("applications", N_("applications")),
    ("services", N_("services")),
    ("business_processes", N_("business processes")),
    ("data", N_("data")),
    ("units", N_("units")),
)


_COLLECTION_KEYS = (
    N_("units"), N_("business_processes"), N_("services"), N_("data"), N_("applications"),
    N_("infrastructure"), N_("security"), N_("integrations"), N_("roadmap"),
    N_("archimate_elements"), N_("archimate_relationships"), N_("assessment"),
    N_("evaluations"), N_("waivers"),
)
"""Collection keys as catalog messages: English keeps the key, Indonesian says the word."""


def kind_word(kind: str) -> str:
    """An element's kind (its collection key) in the language in force.

    Examples
    --------
    >>> from spbe_arch.model.i18n import use_language
    >>> with use_language("id"):
    ...     kind_word("business_processes"), kind_word("national")
    ('proses bisnis', 'national')
    """
    return _(kind) if kind in _COLLECTION_KEYS else kind


_FAILED_KINDS = {
    "national": N_("national"), "infrastructure": N_("infrastructure"),
    "applications": N_("applications"), "integrations": N_("integrations"),
}
"""What an element that fails can be, in words (as `ImpactResult.kind` names it)."""


def share_text(share: "Share", empty: str = N_("none recorded")) -> str:
    """'3 of 4 (75%)'; 'none recorded' (or `empty`, a catalog message naming what: 'no
    services recorded') when there is nothing to count (the model may just not say: unknown,
    not none); with how many the model leaves unknown, which the share does not rest on.

    Examples
    --------
    >>> from spbe_arch.audit import Share
    >>> share_text(Share(1, 3)), share_text(Share(0, 0)), share_text(Share(1, 1, 24))
    ('1 of 3 (33%)', 'none recorded', '1 of 1 (100%); 24 not known')
    >>> share_text(Share(0, 0, 2))
    'not known for any of 2'
    """
    if share.value is None:
        if share.unknown:
            return _("not known for any of {count}").format(count=share.unknown)
        return _(empty)
    text = _("{part} of {total} ({percent})").format(
        part=share.part, total=share.total, percent=f"{share.value:.0%}")
    if share.unknown:
        text += "; " + _("{count} not known").format(count=share.unknown)
    return text


METRIC_LABELS = {
    "applications": N_("active applications"),
    "integrations": N_("active integrations (manual and shared login not counted)"),
    "integrations_via_splp": N_("integrations via SPLP"),
    "cross_unit_integrations_via_splp": N_("cross-unit and national integrations via SPLP"),
    "units_on_jip": N_("units on JIP"),
    "services_fully_integrated": N_("services fully integrated"),
}
"""Metric -> its label (a catalog message: translate where shown), in the metrics table and
in the changes of a diff or a roadmap alike."""


def metric_text(value: "int | Share") -> str:
    """A count as a number, a share as `share_text` writes it."""
    return str(value) if isinstance(value, int) else share_text(value)


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
        *((_(label), metric_text(getattr(metrics, name))) for name, label in METRIC_LABELS.items()),
        (_("applications per unit"), per_unit or "-"),
        (_("aplikasi umum used"), used or "-"),
        (_("aplikasi umum with no active use in the model"),
         ", ".join(metrics.aplikasi_umum_not_recorded) or "-"),
        (_("data known (stated / of)"), ", ".join(
            f"{key} {known.known}/{known.of}" for key, known in metrics.completeness.items()
            if known.of
        ) or "-"),
    ]


def audit_dict(result: "AuditResult", new: Collection[int] | None = None) -> dict[str, Any]:
    """`{"metrics": {...}, "findings": [...]}`: the stable JSON of `spbe-arch audit`; with
    `new` (`audit --baseline`), each finding says whether the baseline lacks it."""
    return {
        "metrics": result.metrics.as_dict(),
        "findings": [finding_dict(f, new) for f in result.findings],
    }


def audit_markdown(result: "AuditResult", *, title: str, prefix: str = "",
                   new: Collection[int] | None = None) -> str:
    """Findings table then metrics table, for pull-request comments; `new` marks the
    findings a baseline lacks."""
    lines = [findings_markdown(result.findings, title=title, prefix=prefix,
                               new=new).rstrip("\n"), "",
             "#### " + _("Metrics"), ""]
    lines += ["| " + _("metric") + " | " + _("value") + " |", "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in metrics_rows(result.metrics)]
    return "\n".join(lines) + "\n"


def _sections(result: "ImpactResult") -> list[tuple[str, str, dict[str, tuple[str, ...]]]]:
    """(key, title, items) of each section."""
    return [
        ("stopped", _("stopped"), result.stopped),
        ("degraded", _("degraded"), result.degraded),
        ("integrations", _("integrations broken"), result.integrations_broken),
        ("units", _("units affected"), result.units_affected),
    ]


def _grouped(result: "ImpactResult", items: dict[str, tuple[str, ...]]):
    kinds = [k for k, _title in _KIND_TITLES]
    for kind, title in _KIND_TITLES:
        ids = [i for i in items if result.kinds.get(i) == kind]
        if ids:
            yield _(title), ids
    rest = [i for i in items if result.kinds.get(i) not in kinds]
    if rest:
        yield _("other"), rest


def impact_summary(result: "ImpactResult") -> str:
    """One line: how much stops, degrades, breaks (services or business processes not known
    where the model records none: 0 would say none stops)."""
    template = {
        (True, True): N_("{applications} stopped, services and business processes not known; "
                         "{degraded} degraded; {integrations} broken; {units} affected"),
        (True, False): N_("{applications}, {processes} stopped, services not known; "
                          "{degraded} degraded; {integrations} broken; {units} affected"),
        (False, True): N_("{applications}, {services} stopped, business processes not known; "
                          "{degraded} degraded; {integrations} broken; {units} affected"),
        (False, False): N_("{applications}, {services}, {processes} stopped; {degraded} "
                           "degraded; {integrations} broken; {units} affected"),
    }[result.services_unknown, result.processes_unknown]
    return _(template).format(
        applications=plural(len(result.of_kind("applications")), N_("{count} application"),
                            N_("{count} applications")),
        services=plural(len(result.of_kind("services")), N_("{count} service"),
                        N_("{count} services")),
        processes=plural(len(result.of_kind("business_processes")),
                         N_("{count} business process"), N_("{count} business processes")),
        degraded=len(result.degraded),
        integrations=plural(len(result.integrations_broken), N_("{count} integration"),
                            N_("{count} integrations")),
        units=plural(len(result.units_affected), N_("{count} unit"), N_("{count} units")),
    )


def impact_text(result: "ImpactResult", *, name: str | None = None) -> list[str]:
    """Lines listing what stops and degrades, grouped by kind, each with its path."""
    label = f" ({name})" if name and name != result.element else ""
    lines = [_("impact of '{element}'{name} failing ({kind})").format(
        element=result.element, name=label,
        kind=_(_FAILED_KINDS.get(result.kind, result.kind)))]
    for key, title, items in _sections(result):
        lines.append("")
        lines.append(f"{title}: {len(items)}")
        grouped = key in ("stopped", "degraded")
        for group, ids in _grouped(result, items):
            if grouped:
                lines.append(f"  {group}")
            indent = "    " if grouped else "  "
            for element_id in ids:
                lines.append(f"{indent}{element_id}: {' -> '.join(items[element_id])}")
    lines += ["", impact_summary(result), *_unknowns(result)]
    return lines


def _unknowns(result: "ImpactResult") -> list[str]:
    """What the impact cannot tell: applications whose hosting, integrations whose network
    the model does not give, readers of data and services it does not record."""
    lines = []
    if result.hosting_unknown:
        lines.append(plural(result.hosting_unknown, N_(
            "the hosting of {count} active application is not recorded: the outage may stop "
            "it too"), N_("the hosting of {count} active applications is not recorded: the "
                          "outage may stop them too")))
    if result.network_unknown:
        lines.append(plural(result.network_unknown, N_(
            "the network of {count} active integration is not recorded: the outage may break "
            "it too"), N_("the network of {count} active integrations is not recorded: the "
                          "outage may break them too")))
    if result.via_unknown:
        lines.append(plural(result.via_unknown, N_(
            "the mechanism of {count} active integration is not recorded: the outage may "
            "break it too"), N_("the mechanism of {count} active integrations is not "
                                "recorded: the outage may break them too")))
    if result.integrations_unknown:
        lines.append(_("the model records no integration: which applications read data from "
                       "those that stop is not known"))
    if result.data_unknown:
        template = N_(
            "{count} application failing or stopping leaves out the data it reads and "
            "writes ({apps}): which applications lose data with it is not known"
        ) if result.data_unknown == 1 else N_(
            "{count} applications failing or stopping leave out the data they read and "
            "write ({apps}): which applications lose data with them is not known")
        lines.append(_(template).format(count=result.data_unknown,
                                        apps=listed(result.data_unstated, 5)))
    if result.readers_unknown:
        lines.append(plural(len(result.readers_unknown), N_(
            "{count} application reading data of what stops has integrations the model does "
            "not give ({apps}): whether it loses data too is not known"), N_(
            "{count} applications reading data of what stops have integrations the model does "
            "not give ({apps}): whether they lose data too is not known"),
            apps=listed(result.readers_unknown, 5)))
    if result.services_unknown:
        lines.append(_("the model records no service: which services stop is not known"))
    if result.kind == "units":
        lines.append(_("a unit does not fail as a system does: nothing runs on it; what stops "
                       "with one of its applications: spbe-arch impact MODEL APPLICATION "
                       "({apps})").format(apps=listed(result.owned, 5) or _("none active")))
    elif result.kind == "security":
        lines.append(_("a security control does not fail as a system does: nothing runs on "
                       "it; what stops with one of the elements it covers: spbe-arch impact "
                       "MODEL ELEMENT ({elements})").format(
                           elements=listed(result.owned, 5) or _("none")))
    return lines


def impact_markdown(result: "ImpactResult", *, name: str | None = None) -> str:
    """The impact as Markdown: one table per section."""
    label = f" ({name})" if name and name != result.element else ""
    lines = [_("### Impact of `{element}`{name} failing").format(
        element=result.element, name=label), "", impact_summary(result)]
    for line in _unknowns(result):
        lines += ["", line]
    for _key, title, items in _sections(result):
        lines += ["", f"#### {title.capitalize()} ({len(items)})", ""]
        if not items:
            lines.append(_("none"))
            continue
        lines += ["| id | " + _("kind") + " | " + _("path") + " |", "|---|---|---|"]
        for element_id, path in items.items():
            kind = kind_word(result.kinds.get(element_id, ""))
            lines.append(f"| {element_id} | {kind} | {' → '.join(path)} |")
    return "\n".join(lines) + "\n"
