"""The report's sections as typed rows: validation findings, integration audit, maturity and
inventories. Each builder reads one analysis and returns what the templates show, no more.

A builder raises `SpbeError` when its analysis cannot run on this model (e.g. an unknown
framework); `context.gather` then marks the section unavailable. Any other exception is a bug
and fails the report.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from ..model import Finding, IntegrationDirection, Severity
from ..model.i18n import gettext as _
from ..model.rules import QUOTED
from ..model.types import DATA_CENTRE_KINDS, Status
from .chart import bar_chart
from .labels import EFFORT, HOSTING, METRICS, NETWORK_SHORT, SOURCE, STATUS, TEXT, VIA, word
from .maturity import why_with_evidence

if TYPE_CHECKING:
    from ..audit import Known
    from ..graph import ArchGraph
    from ..model import Architecture

__all__ = [
    "REPORT_PLAN_STEPS",
    "AppRow",
    "AuditSection",
    "ColumnIndex",
    "DomainRow",
    "FindingRow",
    "HostingRow",
    "IndicatorRow",
    "IntegrationRow",
    "MaturitySection",
    "MetricRow",
    "PlanRow",
    "RuleGroup",
    "UnitApps",
    "YearRow",
    "audit_section",
    "finding_row",
    "inventory",
    "maturity_section",
    "named",
    "rule_groups",
]


REPORT_PLAN_STEPS = 15
"""Plan steps the report shows: without a target the plan holds the next step of every
indicator (47 rows, pages of print for leadership); the rest are a command away."""


@dataclass(frozen=True)
class FindingRow:
    severity: str
    code: str
    where: str
    element: str
    message: str
    hint: str


@dataclass(frozen=True)
class RuleGroup:
    """The findings of one rule: its count and first elements up front, the rows folded."""

    code: str
    name: str
    summary: str
    severity: str
    rows: list[FindingRow]
    first: list[str] = field(default_factory=list)
    """The first elements concerned (at most `FIRST_SHOWN`), as the group's headline."""
    title: str = ""
    """The rule's title in the report's language."""

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class MetricRow:
    label: str
    sub: str
    part: int
    total: int
    percent: str
    unknown: int = 0
    """Left out of the total as unknown (`Share.unknown`): what the figure does not rest on."""


@dataclass
class AuditSection:
    """The audit as `spbe-arch audit` reports it: `counts` are its counts by severity
    (validation findings included, as the command prints them); `groups` hold the audit's
    own rules (the validation section shows the others)."""

    available: bool
    reason: str = ""
    metrics: list[MetricRow] = field(default_factory=list)
    groups: list[RuleGroup] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    splp: MetricRow | None = None
    by_code: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DomainRow:
    name: str
    weight: float
    score: float


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    name: str
    domain: str
    level: int
    level_name: str
    source: str
    self_level: str
    verified: str
    model: str
    why: str


@dataclass(frozen=True)
class ColumnIndex:
    label: str
    value: float | None
    rated: int = 0
    """How many of `of` indicators have a level in the column (the others count at the
    lowest level): shown where it is fewer than all."""
    of: int = 0


@dataclass(frozen=True)
class YearRow:
    year: int
    indices: list[ColumnIndex]
    predikat: str
    official: bool = False
    """Every indicator has the evaluator's verified level: the year's published result."""
    label: str = ""
    """The year as shown: a target architecture's year says whose claims it holds ('2029
    (klaim 2024)')."""

    @property
    def partial(self) -> bool:
        """True when some column's index rests on fewer than all indicators."""
        return any(column.rated < column.of for column in self.indices)


@dataclass(frozen=True)
class PlanRow:
    step: int
    indicator: str
    name: str
    from_level: int
    to_level: int
    to_level_name: str
    gain: float
    effort: str
    actions: tuple[str, ...]
    paperwork: bool = False
    planned_in: int | None = None
    """The year of the Peta Rencana whose model counts the step's level already, if any."""
    plain: tuple[str, ...] = ()
    """The actions as leadership reads them (`summary.plain_words`): names, not ids and keys;
    `spbe-arch maturity` gives the architect's own."""


@dataclass
class MaturitySection:
    available: bool
    reason: str = ""
    framework: str = ""
    year: int | None = None
    columns: list[ColumnIndex] = field(default_factory=list)
    lowest: int = 1
    """The level an indicator without a level in a column counts at there."""
    trajectory: list[YearRow] = field(default_factory=list)
    trajectory_svg: str = ""
    index: float = 0.0
    predikat: str = ""
    target: float | None = None
    gap: float | None = None
    domains: list[DomainRow] = field(default_factory=list)
    chart_svg: str = ""
    indicators: list[IndicatorRow] = field(default_factory=list)
    plan: list[PlanRow] = field(default_factory=list)
    plan_more: int = 0
    """Steps of the plan past the first `REPORT_PLAN_STEPS`, left to `spbe-arch maturity`."""
    plan_reach: float = 0.0
    plan_predikat: str = ""
    unrated: int = 0
    rated: int = 0
    few_rated: bool = False
    """Fewer than half of the indicators are rated: the index is provisional, no predikat."""
    claimed: int = 0
    """Indicators with a self-assessed (or service) level: none, and the index is the model's."""
    from_claims: int = 0
    """Indicators the index counts at a self-assessed level no evaluator verified."""

    @property
    def partial(self) -> bool:
        """True when some column's index rests on fewer than all indicators."""
        return any(column.rated < column.of for column in self.columns)


class AppRow(NamedTuple):
    id: str
    name: str
    kind: str
    platform: str
    status: str
    hosting: str


class UnitApps(NamedTuple):
    unit: str
    apps: list[AppRow]


class HostingRow(NamedTuple):
    id: str
    name: str
    kind: str
    provider: str
    networks: str
    apps: list[str]
    """Every application hosted, one not active marked with its status."""
    active: int
    """How many of them are active (what an outage stops)."""


class IntegrationRow(NamedTuple):
    id: str
    source: str
    target: str
    via: str
    network: str
    network_kind: str
    data: str
    status: str


FIRST_SHOWN = 5
"""How many elements a rule group names in its headline; the rest are in its folded table."""


def element_name(arch: "Architecture", element_id: str) -> str:
    """What the report calls an element: its name; an integration without one, its ends
    ('SIMPUS ↔ SATUSEHAT', an arrow where the direction is known: an import names none); a
    national platform, its catalog name; else the id as written."""
    from ..io import national_platforms
    from ..model import Integration

    if element_id not in arch.sources:
        platform = arch.platforms.get(element_id) or national_platforms().get(element_id)
        return platform.name if platform is not None else element_id
    element = arch.element(element_id)
    if isinstance(element, Integration) and not element.name:
        arrow = "↔" if element.direction is IntegrationDirection.unknown else "→"
        return (f"{element_name(arch, element.source)} {arrow} "
                f"{element_name(arch, element.target)}")
    return arch.name_of(element_id)


_CODED = {**{str(k): v for k, v in VIA.items()}, **HOSTING}
"""Coded values a rule's message quotes ('api_direct', 'on_premise'), said in words."""


def named(text: str, arch: "Architecture") -> str:
    """A finding's message as the report reads it: each quoted id by the element's name
    (`element_name`), each quoted coded value by its words; the element's id stays in the
    row's element column, the hint keeps the ids it says to edit, and the CLI's output keeps
    the ids an architect searches for.

    >>> from spbe_arch.model import Architecture
    >>> named("'x' is 'api_direct', hosted 'on_premise'", Architecture(root="."))
    "'x' is 'direct API', hosted 'on-premise server room'"
    """
    from ..io import national_platforms
    from ..model.i18n import language

    def plain(match: "re.Match[str]") -> str:
        found = match[1]
        if found in arch.sources or found in arch.platforms:  # an infrastructure 'cloud'
            return f"'{element_name(arch, found)}'"
        if found in _CODED:
            return f"'{word(_CODED, found, language())}'"
        if found in national_platforms():
            return f"'{element_name(arch, found)}'"
        return match[0]

    return QUOTED.sub(plain, text)


def finding_row(item: Finding, arch: "Architecture") -> FindingRow:
    loc = item.location
    where = f"{loc.file}:{loc.line}" if loc and loc.line else (loc.file if loc else "")
    element = ""
    if item.element:
        name = element_name(arch, item.element)
        element = item.element if name == item.element else f"{name} ({item.element})"
    hint = item.hint or ""
    if item.waived:  # shown, and said to be accepted, as in the text output
        hint = "; ".join(filter(None, (_("waived: {reason}").format(reason=item.waived), hint)))
    return FindingRow(item.severity.value, item.code, where, element, named(item.message, arch),
                      hint)  # a hint names the ids to edit


def rule_groups(findings: list[Finding], arch: "Architecture") -> list[RuleGroup]:
    """The findings grouped by rule, worst severity first, then by code."""
    from ..model.i18n import gettext
    from ..model.rules import RULES

    by_code: dict[str, list[Finding]] = defaultdict(list)
    for item in findings:
        by_code[item.code].append(item)
    groups = []
    for code, items in by_code.items():
        rule = RULES.get(code)
        worst = max(items, key=lambda f: f.severity.rank).severity
        rows = [finding_row(item, arch) for item in items]
        first: list[str] = []
        for item, row in zip(items, rows, strict=True):
            label = row.element or (  # a finding about no element: where, and its message
                (f"{row.where}: {row.message}" if row.where else row.message)
                if item.element is None else row.where)
            if label and label not in first:
                first.append(label)
            if len(first) == FIRST_SHOWN:
                break
        groups.append(
            RuleGroup(
                code,
                rule.name if rule else code,
                gettext(rule.summary) if rule else "",
                worst.value,
                rows,
                first,
                gettext(rule.name) if rule else code,
            )
        )
    groups.sort(key=lambda g: (-Severity(g.severity).rank, g.code))
    return groups


def _share(key: str, share: Any, lang: str) -> MetricRow:
    label_id, label_en = METRICS[key]
    label, sub = (label_id, label_en) if lang == "id" else (label_en, label_id)
    percent = f"{100 * share.part / share.total:.0f}%" if share.total else "-"
    return MetricRow(label, sub, share.part, share.total, percent, share.unknown)


def _facts_in_words(known: "dict[str, Known]") -> list[str]:
    """'penempatan (hosting) diketahui untuk 3 dari 6 aplikasi lokal aktif' for each fact some
    elements leave unknown, as the leadership pages say it (the incomplete-data findings name the
    YAML fields instead)."""
    from ..audit import ABOUT, WORDS

    return [_("{fact} known for {known} of {of} {about}").format(
        fact=_(WORDS[key]), known=k.known, of=k.of, about=_(ABOUT[key]))
        for key, k in known.items() if k.known < k.of]


def audit_section(
    graph: "ArchGraph", lang: str, validation: list[Finding] | None = None
) -> AuditSection:
    """The audit of `graph` with the model's `validation` findings, counted as the CLI does."""
    from ..audit import audit
    from ..model.rules import audit as audit_rules

    result = audit(graph, validation=validation or ())
    rows = [_share(key, getattr(result.metrics, key), lang) for key in METRICS]
    own = {getattr(audit_rules, name).code for name in audit_rules.__all__}
    counts = Counter(f.severity.value for f in result.findings)
    groups = [  # incomplete-data's headline in words: its findings name the fields
        replace(g, first=_facts_in_words(result.metrics.completeness))
        if g.code == audit_rules.INCOMPLETE_DATA.code else g
        for g in rule_groups([f for f in result.findings if f.code in own], graph.arch)
    ]
    return AuditSection(
        True,
        metrics=rows,
        groups=groups,
        counts={s.value: counts.get(s.value, 0) for s in Severity},
        splp=rows[0],
        by_code=dict(Counter(f.code for f in result.findings)),
    )


def maturity_section(graph: "ArchGraph", lang: str,
                     framework_ref: str | None = None) -> MaturitySection:
    from ..maturity import assess
    from .summary import plain_words

    result = assess(graph, framework_ref)
    framework = result.framework
    domain_names = {d.id: d.name if lang == "id" or not d.english else d.english
                    for d in framework.domains}
    domains = [DomainRow(domain_names[d.id], d.weight, d.score) for d in result.domains]
    index_label = "Indeks SPBE" if lang == "id" else "SPBE index"
    chart = bar_chart(
        [*((d.name, d.score) for d in domains), (index_label, result.index)],
        maximum=float(framework.max_level),
        target=result.target,
        title=TEXT["chart"][0 if lang == "id" else 1],
        highlight_last=True,
        axis=TEXT["index_axis"][0 if lang == "id" else 1].format(top=framework.max_level),
    )
    indicators = [
        IndicatorRow(
            r.id,
            r.name if lang == "id" or not r.english else r.english,
            domain_names.get(r.domain, str(r.domain)),
            r.level,
            r.level_name,
            word(SOURCE, str(r.source), lang),
            _level(r.self_level),
            _level(r.verified_level),
            _level(r.model_level),
            why_with_evidence(r),
        )
        for r in result.indicators
    ]
    first = 0 if lang == "id" else 1
    labels = {"self": TEXT["self"][first], "verified": TEXT["verified"][first],
              "model": TEXT["model_level"][first], "counted": TEXT["counted"][first]}

    def columns(indices) -> list[ColumnIndex]:
        return [ColumnIndex(labels[c], getattr(indices, c),
                            indices.rated[c] if indices.partial(c) else indices.of, indices.of)
                for c in labels]

    def year(t) -> str:  # the target's year holds the claims of the year assessed
        if result.to_be == t.year and result.year and result.year != t.year:
            return f"{t.year} ({TEXT['claims_of'][first].format(year=result.year)})"
        return str(t.year)

    trajectory = [YearRow(t.year, columns(t.indices), t.predikat, t.indices.official, year(t))
                  for t in result.trajectory]
    trajectory_svg = ""
    if len(trajectory) > 1:
        def label(t, column: str) -> str:  # the counted index: the evaluator's, or not
            shown = f"{year(t)} {labels[column]}"
            if t.indices.partial(column):  # a claim missing is no lower claim: say so
                shown += f" ({t.indices.rated[column]}/{t.indices.of})"
            if column != "counted":
                return shown
            how = TEXT["verified_year" if t.indices.official else "estimated_year"][first]
            return f"{shown} ({how})"

        trajectory_svg = bar_chart(
            [(label(t, c), getattr(t.indices, c)) for t in result.trajectory
             for c in ("self", "counted") if getattr(t.indices, c) is not None],
            maximum=float(framework.max_level),
            target=result.target,
            title=TEXT["trajectory"][first],
            axis=TEXT["index_axis"][first].format(top=framework.max_level),
        )
    names = {r.id: r.name if lang == "id" or not r.english else r.english
             for r in result.indicators}  # as the indicators' table names them
    plan = [
        PlanRow(
            number,
            step.indicator,
            names.get(step.indicator, step.name),
            step.from_level,
            step.to_level,
            step.to_level_name,
            step.index_gain,
            word(EFFORT, str(step.effort), lang),
            step.actions,
            step.paperwork,
            plain=tuple(plain_words(action, graph) for action in step.actions),
        )
        for number, step in enumerate(result.plan[:REPORT_PLAN_STEPS], start=1)
    ]
    return MaturitySection(
        True,
        framework=result.framework_name,
        year=result.year,
        columns=columns(result.indices),
        lowest=result.indices.lowest,
        trajectory=trajectory,
        trajectory_svg=trajectory_svg,
        index=result.index,
        predikat=result.predikat,
        target=result.target,
        gap=None if result.few_rated else result.gap,  # how far from the target: not known
        domains=domains,
        chart_svg=chart,
        indicators=indicators,
        plan=plan,
        plan_more=len(result.plan) - len(plan),
        plan_reach=result.plan_reach,
        plan_predikat=result.plan_predikat,
        unrated=len(result.unrated),
        rated=result.rated,
        few_rated=result.few_rated,
        claimed=sum(r.self_level is not None for r in result.indicators),
        from_claims=sum(r.source == "claim" for r in result.indicators),
    )


def _level(value: int | None) -> str:
    return "-" if value is None else str(value)


def inventory(arch: "Architecture", lang: str) -> dict[str, Any]:
    from ..io import national_platforms

    def status(value: Status) -> str:
        return STATUS[str(value)][0 if lang == "id" else 1]

    def network_kind(network: str | None) -> str:
        """JIP, internet, intranet or VPN: the kind of network, short, for tables."""
        element = arch.infrastructure.get(network or "")
        if element is not None:
            kind = str(element.kind)
            return NETWORK_SHORT.get(kind, kind)
        return "JIP" if network in national_platforms() else (network or "")

    def name(element_id: str | None) -> str:
        return element_name(arch, element_id) if element_id else ""

    by_unit: dict[str, list[AppRow]] = defaultdict(list)
    for app in arch.applications.values():
        by_unit[app.owner].append(
            AppRow(
                app.id,
                app.name,
                str(app.kind),
                name(app.platform),
                status(app.status),
                name(app.hosting),
            )
        )
    units = [
        UnitApps(
            f"{name(unit)}" if unit in arch.units else unit,
            sorted(rows, key=lambda r: (r.name.casefold(), r.id)),
        )
        for unit, rows in by_unit.items()
    ]
    units.sort(key=lambda u: u.unit.casefold())
    without = sorted((u.name for u in arch.units.values() if u.id not in by_unit), key=str.casefold)

    hosted: dict[str, list[str]] = defaultdict(list)
    active: Counter[str] = Counter()
    unhosted = []
    for app in arch.applications.values():
        if app.hosting:
            active[app.hosting] += app.status is Status.active
            hosted[app.hosting].append(app.name if app.status is Status.active
                                       else f"{app.name} ({status(app.status)})")
        elif app.status is Status.active and not app.platform:
            unhosted.append(app.name)
    hosting = []
    for infra in arch.infrastructure.values():
        if infra.kind in DATA_CENTRE_KINDS:
            hosting.append(
                HostingRow(
                    infra.id,
                    infra.name,
                    word(HOSTING, str(infra.kind), lang),
                    infra.provider or "",
                    ", ".join(name(n) for n in infra.networks),
                    sorted(hosted.get(infra.id, []), key=str.casefold),
                    active[infra.id],
                )
            )
    for host in sorted(set(hosted) - set(arch.infrastructure)):
        hosting.append(
            HostingRow(host, name(host), word(HOSTING, "national", lang), "", "",
                       sorted(hosted[host], key=str.casefold), active[host])
        )
    hosting.sort(key=lambda h: (-h.active, -len(h.apps), h.name.casefold()))

    integrations = sorted(
        (
            IntegrationRow(
                item.id,
                name(item.source),
                name(item.target),
                word(VIA, str(item.via), lang) + (
                    ", " + word(TEXT, "x_either_way", lang)
                    if item.direction is IntegrationDirection.unknown else ""),
                name(item.network) if item.network else "",
                network_kind(item.network),
                ", ".join(name(d) for d in item.data),
                status(item.status),
            )
            for item in arch.integrations.values()
        ),
        key=lambda r: (r.source.casefold(), r.target.casefold(), r.id),
    )
    return {
        "units": units,
        "units_without_apps": without,
        "hosting": hosting,
        "unhosted": sorted(unhosted, key=str.casefold),
        "integrations": integrations,
    }
