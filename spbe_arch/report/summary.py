"""The executive summary: one page of plain sentences a Bupati reads, written from the results.

It says where the instansi stands (index, predikat, gap to the target), which missing
integrations hurt most (data flows with no integration, ranked by the services they affect),
what a PDN or SPLP outage would stop (the impact analysis), the first steps of the plan, and
where the Peta Rencana leads (its items, years and the index at its end) when it has one.
A model with errors gets no headline index: the summary says what to fix first and marks the
index provisional. The sentences are gettext messages, in the report's language.
"""

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..io import SpbeError
from ..maturity.plan import paperwork_runs
from ..model.i18n import N_, decimal, plural
from ..model.i18n import gettext as _

if TYPE_CHECKING:
    from ..graph import ArchGraph
    from .roadmap import RoadmapSection
    from .sections import AuditSection, MaturitySection, PlanRow, RuleGroup

__all__ = [
    "EXPOSURE_LIMIT", "GAPS_SHOWN", "STEPS_SHOWN", "Exposure", "Gap", "Summary",
    "executive_summary",
]

EXPOSURE_LIMIT = 5000
"""Up to this many applications the summary computes what a PDN or SPLP outage would stop;
above, it gives the commands (a national PDN's impact takes the analysis over 30 s)."""
OWN_CENTRES_SHOWN = 2
"""The model's own data centres whose outage the summary tells, those hosting most first."""

GAPS_SHOWN = 3
"""The most harmful integration gaps the summary names."""

STEPS_SHOWN = 3
"""The first plan steps the summary names."""


@dataclass(frozen=True)
class Gap:
    """A data flow with no integration, and the services that suffer from it."""

    text: str
    services: int


@dataclass(frozen=True)
class Exposure:
    """What an outage of a data centre or a national platform would stop, in counts and first
    names; a count is None where the model does not record what it counts (unknown, not 0)."""

    platform: str
    text: str
    services: int | None
    applications: int | None
    integrations: int | None


@dataclass
class Summary:
    provisional: bool
    headline: str
    standing: str = ""
    fix_first: list[str] = field(default_factory=list)
    splp: str = ""
    gaps_intro: str = ""
    gaps: list[Gap] = field(default_factory=list)
    exposure: list[Exposure] = field(default_factory=list)
    exposure_unknown: str = ""
    """What no outage above could count, as the model records none of it."""
    steps: list[str] = field(default_factory=list)
    steps_planned: str = ""
    """The plan's steps left out of `steps` as the Peta Rencana takes them, said in one line."""
    roadmap: str = ""


def _num(value: float, digits: int = 2) -> str:
    return decimal(value, digits)


_CODE_ASIDE = re.compile(r"\s*\([^()`]*`[^`]*`[^()]*\)")
_CODE = re.compile(r"`([^`:]*):?\s*([^`]*)`")
_KEY_WORDS = {"evidence": N_("the list of bukti dukung")}
"""YAML keys a plan action names outside an aside, in words."""
_ID = re.compile(r"(?<![\w.-])[a-z0-9][a-z0-9_.-]*[a-z0-9](?![\w-])")


def plain_words(action: str, graph: "ArchGraph | None") -> str:
    """A plan action as leadership reads it: the elements by name, not by id, and without the
    YAML keys an architect edits (the plan table below keeps both).

    >>> plain_words("catat transaksi di satu-data (`writes:` datanya); set `level: optimum`", None)
    'catat transaksi di satu-data; set level optimum'
    >>> plain_words("an entry naming them under `evidence:`", None)
    'an entry naming them under the list of bukti dukung'
    """
    text = _CODE_ASIDE.sub("", action)
    text = _CODE.sub(lambda m: _(_KEY_WORDS[m[1]]) if m[1] in _KEY_WORDS and not m[2]
                     else " ".join(part for part in m.groups() if part), text)
    if graph is None:
        return text
    from ..graph import NATIONAL

    integrations = graph.arch.integrations

    def name(match: re.Match) -> str:
        found = match[0]
        if found in graph and graph.kind(found) != NATIONAL:  # 'splp' stays a word
            return graph.name(found)
        return (integrations[found].name or found) if found in integrations else found

    return _ID.sub(name, text)


def _names(graph: "ArchGraph", ids: list[str], limit: int = 3) -> str:
    from ..model.rules import listed

    return listed([graph.name(i) for i in ids], limit)


def executive_summary(
    graph: "ArchGraph | None",
    errors: int,
    validation: "list[RuleGroup]",
    audit: "AuditSection",
    maturity: "MaturitySection",
    roadmap: "RoadmapSection",
) -> Summary:
    """The summary of one model's results; `graph` is None when it could not be built."""
    provisional = errors > 0
    if provisional and maturity.available:
        headline = _(
            "The model has {count} errors: fix them first. Until then the index below is "
            "provisional."
        ).format(count=errors)
    elif provisional:  # no index to call provisional: say why there is none
        headline = _("The model has {count} errors: fix them first. The SPBE index could not "
                     "be estimated: {reason}").format(count=errors, reason=maturity.reason)
    elif maturity.available and maturity.few_rated:
        headline = _("Provisional estimated SPBE index {index}: only {rated} of {total} "
                     "indicators have a level of their own, the others count at the lowest "
                     "level; no predikat until at least half do").format(
            index=_num(maturity.index), rated=maturity.rated,
            total=maturity.rated + maturity.unrated)
    elif maturity.available:
        headline = _("Estimated SPBE index {index} ({predikat})").format(
            index=_num(maturity.index), predikat=maturity.predikat
        )
    else:
        headline = _("The SPBE index could not be estimated: {reason}").format(
            reason=maturity.reason
        )
    summary = Summary(provisional, headline)
    summary.fix_first = [
        _("{count} × {rule}: {first}").format(
            count=group.count, rule=group.title, first=", ".join(group.first)
        )
        for group in validation
        if group.severity == "error"
    ][:STEPS_SHOWN]
    if maturity.available:
        summary.standing = _standing(maturity, provisional)
        runs = paperwork_runs([step for step in maturity.plan if step.planned_in is None])
        # what can start now first: a step after a Peta Rencana step waits for its year
        runs.sort(key=lambda run: bool(_after_planned(run[0], maturity.plan)))
        summary.steps = [
            _("Indicator {indicator} ({name}): from level {start} to {end}, +{gain}").format(
                indicator=run[0].indicator, name=run[0].name, start=run[0].from_level,
                end=run[-1].to_level, gain=_num(sum(step.gain for step in run), 3),
            )
            + _after_planned(run[0], maturity.plan)
            + (f" — {plain_words(run[-1].actions[0], graph)}" if run[-1].actions else "")
            for run in runs[:STEPS_SHOWN]
        ]
        planned: dict[str, PlanRow] = {}  # indicator -> its last step the roadmap takes
        for step in maturity.plan:
            if step.planned_in is not None:
                planned[step.indicator] = step
        if planned:
            summary.steps_planned = _(
                "Left out, as the Peta Rencana takes them already: {steps}."
            ).format(steps=", ".join(
                _("indicator {indicator} to level {level} ({year})").format(
                    indicator=step.indicator, level=step.to_level, year=step.planned_in)
                for step in planned.values()))
        waiting = [run for run in runs[STEPS_SHOWN:] if _after_planned(run[0], maturity.plan)]
        if waiting:  # a step of the plan not shown above: said, not dropped
            summary.steps_planned = " ".join(filter(None, (summary.steps_planned, _(
                "Later, once the Peta Rencana's step before it is done: {steps}."
            ).format(steps=", ".join(
                _("indicator {indicator} to level {level}").format(
                    indicator=run[0].indicator, level=run[-1].to_level)
                for run in waiting)))))
    summary.roadmap = roadmap.summary
    if audit.available and audit.splp is not None and (audit.splp.total or audit.splp.unknown):
        splp = audit.splp
        summary.splp = " ".join(text for text in (
            _("{part} of {total} integrations go through SPLP ({percent}).").format(
                part=splp.part, total=splp.total, percent=splp.percent) if splp.total else "",
            plural(splp.unknown, N_(
                "The mechanism of {count} integration is not recorded: whether it goes through "
                "SPLP is not known."), N_(
                "The mechanism of {count} integrations is not recorded: whether they go through "
                "SPLP is not known.")) if splp.unknown else "",
        ) if text)
    if graph is not None:
        summary.gaps_intro, summary.gaps = _gaps(graph)
        summary.exposure = _exposure(graph)
        unrecorded = _unrecorded(graph)
        if summary.exposure and unrecorded:  # once for all the outages, not on each
            summary.exposure_unknown = _("Not counted in any of them: {unknown}.").format(
                unknown="; ".join(unrecorded))
    return summary


def _after_planned(first: "PlanRow", plan: "list[PlanRow]") -> str:
    """' (after the Peta Rencana's step to level 3, 2029)' for a first step that starts where
    a step the roadmap takes ends (the index of the model now is lower), else ''."""
    before = next((step for step in plan if step.indicator == first.indicator
                   and step.planned_in is not None and step.to_level == first.from_level), None)
    if before is None:
        return ""
    return _(" (after the Peta Rencana's step to level {level}, {year})").format(
        level=before.to_level, year=before.planned_in)


def _standing(maturity: "MaturitySection", provisional: bool) -> str:
    index, target, gap = maturity.index, maturity.target, maturity.gap
    parts = []
    if provisional and maturity.few_rated:
        parts.append(_("Provisional estimated index: {index}.").format(index=_num(index)))
    elif provisional:
        parts.append(_("Provisional estimated index: {index} ({predikat}).").format(
            index=_num(index), predikat=maturity.predikat
        ))
    verified = [row for row in maturity.trajectory if row.official and row.year != maturity.year]
    if verified and not provisional:  # the last result the evaluator published, beside it
        last = verified[-1]
        parts.append(_("The last verified result: {index} ({predikat}) in {year}.").format(
            index=_num(last.indices[-1].value), predikat=last.predikat,  # the counted column
            year=last.year))
    if target is None:
        parts.append(_("No target is set."))
    elif maturity.few_rated:
        parts.append(_(
            "The target is {target}; how far the instansi is from it is not known until more "
            "indicators have a level (a claim with its bukti dukung, or what the model shows)."
        ).format(target=_num(target)))
    elif gap:
        parts.append(_(
            "The target is {target}, {gap} short; {steps} of the improvement plan (the first "
            "of them below) would reach {reach} ({reach_predikat})."
        ).format(
            target=_num(target), gap=_num(gap), reach=_num(maturity.plan_reach),
            reach_predikat=maturity.plan_predikat,
            steps=plural(len(maturity.plan) + maturity.plan_more, N_("the {count} step"),
                         N_("the {count} steps")),
        ))
    else:
        parts.append(_("The index meets the target {target}.").format(target=_num(target)))
    return " ".join(parts)


def _gaps(graph: "ArchGraph") -> tuple[str, list[Gap]]:
    """The data flows with no integration, those behind the most services first; what is
    unknown is said so (a model that records no integration, or few reads and writes)."""
    from ..audit import integrations_recorded, known_facts

    if not graph.active_applications and not graph.arch.unread:  # else: they may be there
        return _("The model records no active application: no data flow between applications "
                 "to judge yet."), []
    if graph.active_applications and not integrations_recorded(graph):
        return _("Whether the data flows between applications are integrated is unknown: the "
                 "model records no integration."), []
    ranked = []
    for flow in graph.flow_gaps:
        services = sorted(graph.targets(flow.consumer, "realizes"))
        text = _("{data} from {producers} to {consumer}").format(
            data=graph.name(flow.data), producers=_names(graph, list(flow.producers)),
            consumer=graph.name(flow.consumer),
        )
        if services:
            text += " — " + _("affects {services}").format(services=_names(graph, services))
        ranked.append(Gap(text, len(services)))
    ranked.sort(key=lambda g: (-g.services, g.text))
    data = known_facts(graph)["applications.data"]
    if not ranked:
        if not data.known and data.of:  # no flow can show: nothing to say "none" about
            return _("Whether the data flows between applications are integrated is unknown: "
                     "which data the applications read and write is known for none of {of} "
                     "active applications.").format(of=data.of), []
        if data.known < data.of:
            return _("No data flow without integration among those the model records; which "
                     "data the applications read and write is known for {known} of {of} active "
                     "applications.").format(known=data.known, of=data.of), []
        if graph.arch.unread:  # what the file holds may read data with no integration
            return _("No data flow without integration among those the model records; a "
                     "file that could not be read may hold more."), []
        if graph.flows_unknown:  # an end whose integrations the source does not give
            ends = sorted(graph.integrations_unknown & {
                end for flow in graph.flows_unknown for end in (flow.consumer, *flow.producers)})
            return plural(len(graph.flows_unknown), N_(
                "No data flow is known to lack an integration; whether {count} is integrated "
                "is unknown: the integrations of {applications} are not recorded."), N_(
                "No data flow is known to lack an integration; whether {count} are integrated "
                "is unknown: the integrations of {applications} are not recorded."),
                applications=_names(graph, ends)), []
        return _("Every data flow between applications is integrated."), []
    if data.known < data.of:  # the count is of the flows the model records: say of how many
        intro = plural(len(ranked), N_(
            "{count} data flow between applications has no integration (of the flows the model "
            "records: which data the applications read and write is known for {known} of {of} "
            "active applications); the most harmful:"), N_(
            "{count} data flows between applications have no integration (of the flows the "
            "model records: which data the applications read and write is known for {known} of "
            "{of} active applications); the most harmful:"), known=data.known, of=data.of)
    else:
        intro = plural(len(ranked), N_(
            "{count} data flow between applications has no integration; the most harmful:"), N_(
            "{count} data flows between applications have no integration; the most harmful:"))
    return intro, ranked[:GAPS_SHOWN]


def _exposure(graph: "ArchGraph") -> list[Exposure]:
    """What an outage of the data centres other than PDN hosting the most applications (the
    pemda's own, a cloud's, a vendor's), of PDN and of SPLP would stop (the model's tenancies
    of PDN are part of the national `pdn` in the graph, so its impact covers them). A count
    the model cannot give (services or integrations it records none of) is said to be
    unknown, never 0."""
    if len(graph.nodes("applications")) > EXPOSURE_LIMIT:
        out = []
        for platform in ("PDN", "SPLP"):
            text = _("What an outage of {platform} would stop: `spbe-arch impact MODEL {id}`.")
            out.append(Exposure(platform, text.format(platform=platform, id=platform.lower()),
                                0, 0, 0))
        return out
    named = [*((centre, graph.name(centre)) for centre in _own_centres(graph)),
             ("pdn", "PDN"), ("splp", "SPLP")]
    return [_platform_exposure(graph, node, name) for node, name in named]


def _unrecorded(graph: "ArchGraph") -> list[str]:
    """What the model records none of, so that no outage can count it: said once for all."""
    from ..audit import integrations_recorded, services_recorded

    return [text for known, text in (
        (services_recorded(graph), _("the model records no service")),
        (integrations_recorded(graph), _("the model records no integration")),
    ) if not known]


def _own_centres(graph: "ArchGraph") -> list[str]:
    """The data centres of the model other than PDN and its tenancies (the pemda's own, a
    cloud's, a vendor's) hosting active applications, those hosting the most first."""
    hosted = {
        node: sum(graph.is_active(app) for app in graph.sources(node, "hosted_on"))
        for node in graph.nodes("infrastructure")
        # a part of a national platform (a PDN tenancy) is told with it
        if not graph.element(node).kind.is_network and not graph.targets(node, "part_of")
    }
    ranked = sorted((node for node, count in hosted.items() if count),
                    key=lambda node: (-hosted[node], node))
    return ranked[:OWN_CENTRES_SHOWN]


def _reach_unknown(graph: "ArchGraph", node: str) -> list[str]:
    """What an outage's reach depends on, where the model leaves some of it out."""
    from ..audit import known_facts

    facts = known_facts(graph)
    hosting, via = facts["applications.hosting"], facts["integrations.via"]
    realized = facts["services.applications"]
    out = []
    if node != "splp" and hosting.known < hosting.of:
        out.append(_("hosting is known for {known} of {of} active local applications").format(
            known=hosting.known, of=hosting.of))
    if node == "splp" and graph.active_applications and not graph.integrations:
        out.append(_("the model records no integration"))
    if node == "splp" and via.known < via.of:
        out.append(_("the integration mechanism is known for {known} of {of} active "
                     "integrations").format(known=via.known, of=via.of))
    if realized.known < realized.of:
        out.append(_("the applications delivering services are known for {known} of {of} "
                     "services").format(known=realized.known, of=realized.of))
    return out


def _platform_exposure(graph: "ArchGraph", node: str, platform: str) -> Exposure:
    """What an outage of `node` (a data centre, PDN or SPLP; named `platform`) would stop,
    in one or two sentences."""
    from ..audit import impact, integrations_recorded, services_recorded

    try:
        result = impact(graph, node)
    except SpbeError:  # not in this model
        result = None
    services = sorted(result.of_kind("services")) if result else []
    apps = sorted(result.of_kind("applications")) if result else []
    broken = result.integrations_broken if result else ()
    has_services, has_integrations = services_recorded(graph), integrations_recorded(graph)
    reach = _reach_unknown(graph, node)
    uncounted = [text for text in _unrecorded(graph) if text not in reach]
    if not (services or apps or broken):
        if reach or uncounted:
            text = _("Whether an outage of {platform} would stop services is unknown: "
                     "{unknown}.").format(platform=platform, unknown="; ".join(reach + uncounted))
            return Exposure(platform, text, None, None, None)
        text = _("An outage of {platform} would stop none of this model's services.")
        return Exposure(platform, text.format(platform=platform), 0, 0, 0)
    breaks = has_integrations and bool(broken)  # 'and break 0 integrations': left unsaid
    if not (services or apps):
        text = (_("An outage of {platform} would stop no service or application but break "
                  "{integrations}.") if has_services else
                _("An outage of {platform} would stop no application but break "
                  "{integrations}."))
    elif has_services and breaks:
        text = _("An outage of {platform} would stop {services} and {applications} and break "
                 "{integrations}.")
    elif has_services:
        text = _("An outage of {platform} would stop {services} and {applications}.")
    elif breaks:
        text = _("An outage of {platform} would stop {applications} and break "
                 "{integrations}.")
    else:
        text = _("An outage of {platform} would stop {applications}.")
    text = text.format(
        platform=platform,
        services=plural(len(services), N_("{count} service"), N_("{count} services")),
        applications=plural(len(apps), N_("{count} application"), N_("{count} applications")),
        integrations=plural(len(broken), N_("{count} integration"),
                            N_("{count} integrations")))
    if services:
        text += " " + _("Among them: {names}.").format(names=_names(graph, services))
    if reach:
        text += " " + _("It may stop more: {unknown}.").format(unknown="; ".join(reach))
    return Exposure(platform, text, len(services) if has_services else None, len(apps),
                    len(broken) if has_integrations else None)
