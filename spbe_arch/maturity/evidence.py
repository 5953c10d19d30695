"""Evidence rules: the level (and its limit) an architecture model shows for an indicator.

A framework names, per indicator, the rule that reads the model (`evidence:` in the framework
file); indicators without one are rated by self-assessment only. Most rules are *ladders*: a
list of rungs, each a level with the elements that keep it unmet and the action that earns it,
read by one function (`climb`): the model shows the highest level whose rung and every rung
below it are met. Each rule returns a `Derivation`: the level the model shows, the highest
level the rule can ever show (its `ceiling`: a model cannot show continuous improvement, say),
the elements it looked at, why, and what would earn each higher level. Rules return None when
the model does not describe what they read at all (no applications, no data sets), so that an
undescribed part of the architecture never contradicts a self-assessment.

Rules read the one graph (`spbe_arch.graph`) through the audit's queries (isolated and
duplicate applications, SPLP bypasses, integrations over the internet), so the index and the
audit never disagree about what counts as integration.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..audit import (
    Known,
    duplicate_application_groups,
    integrations_over_internet,
    integrations_recorded,
    isolated_applications,
    khusus_duplicating_umum,
    known_facts,
    on_jip,
)
from ..graph import NATIONAL, ArchGraph
from ..io import national_platforms
from ..model import (
    Application,
    ApplicationKind,
    Classification,
    InfrastructureKind,
    IntegrationVia,
    PlatformKind,
    Service,
    ServiceLevel,
    Status,
)
from ..model.framework import EvidenceRule, Framework, Indicator
from ..model.i18n import N_, plural
from ..model.i18n import gettext as _
from ..model.rules import listed
from .services import (
    STRUCTURE_TOP,
    ServiceStructure,
    fits,
    fix_unread_first,
    service_structures,
    unread_applications,
)

__all__ = [
    "DERIVATIONS",
    "Derivation",
    "IntegrationFact",
    "ModelFacts",
    "Rung",
    "climb",
    "derive",
    "derives",
]

GOVERNMENT_DATA_CENTRES = frozenset({InfrastructureKind.pdn, InfrastructureKind.pusat_data_daerah})
AUDIT_KINDS = frozenset({"audit", "penetration", "pentest", "vulnerability", "vapt"})
"""A security control whose kind has one of these words is a security audit, unless it also
has one of `NOT_AUDIT_KINDS`."""
NOT_AUDIT_KINDS = frozenset({"trail", "trails", "log", "logs", "logging"})
"""Words of a kind that make 'audit' a record kept, not an audit done ('audit_trail')."""
ISMS_KINDS = frozenset({"isms", "smki"})
"""Words of a control kind that say an information security management system (SMKI)."""

_SHOWN = 12
"""How many element ids an action names before '... and N more'."""


@dataclass(frozen=True)
class Derivation:
    """What the model shows for one indicator, and how.

    `level` is the level the model shows; `ceiling` the highest level the rule can show, so a
    self-assessment above `level` contradicts the model only while `level < ceiling`.
    `actions` maps a higher level to the model changes that would earn it. `insufficient`:
    the model states too little of the facts the rule reads to show anything (level 1, as an
    evaluator rates it; the indicator counts as unrated, not as model evidence).
    """

    indicator: str
    rule: str
    level: int
    ceiling: int
    reason: str
    elements: tuple[str, ...] = ()
    actions: dict[int, tuple[str, ...]] = field(default_factory=dict)
    insufficient: bool = False


@dataclass(frozen=True)
class Rung:
    """One level of an evidence ladder.

    It is met when at most `tolerance` elements keep it unmet (`unmet`), or as `met` says for
    a rung that asks for something to exist; `actions` are what would earn it.
    """

    level: int
    actions: tuple[str, ...]
    unmet: tuple[str, ...] = ()
    tolerance: int = 0
    met: bool | None = None

    @property
    def reached(self) -> bool:
        return self.met if self.met is not None else len(self.unmet) <= self.tolerance


def climb(indicator: Indicator, rule: EvidenceRule, ladder: list[Rung], *, base: int = 1,
          ceiling: int, reason: str, elements: Iterable[str] = (),
          basis: tuple[str, Known] | None = None, insufficient: bool = False) -> Derivation:
    """The derivation a ladder gives: climb from `base` while rungs are met.

    The actions of a level above the one reached are those of every unmet rung up to it, in
    order and without repeats. `basis` names the fact the ladder rests on and how much of it
    the model states: resting on less than half of it, the evidence is *insufficient data*
    and shows level 1, as an evaluator would rate it, whatever the rungs say (`insufficient`
    says so of a ladder with no basis to count).

    Examples
    --------
    >>> from spbe_arch.maturity.framework import load_framework
    >>> indicator = load_framework().indicators[0]
    >>> ladder = [Rung(2, ("name a steward",), unmet=("d1",), tolerance=1),
    ...           Rung(3, ("name a steward",), unmet=("d1",))]
    >>> d = climb(indicator, EvidenceRule.data_management, ladder, ceiling=3, reason="")
    >>> d.level, d.actions
    (2, {3: ('name a steward',)})
    """
    if basis is not None and basis[1].known * 2 < basis[1].of:
        insufficient = True
        label, known = basis
        label = _(label)
        ladder = [Rung(2, (_("record {fact} in the model (known for {known} of {of})").format(
            fact=label, known=known.known, of=known.of),), met=False), *ladder]
        base = 1
        reason = _("insufficient data: {fact} known for {known} of {of}; {reason}").format(
            fact=label, known=known.known, of=known.of, reason=reason)
    level = base
    for rung in sorted(ladder, key=lambda r: r.level):
        if not rung.reached:
            break
        level = rung.level
    actions: dict[int, list[str]] = {}
    pending: list[str] = []
    for rung in sorted(ladder, key=lambda r: r.level):
        if rung.level <= level:
            continue
        if not rung.reached:
            pending += [a for a in rung.actions if a not in pending]
        if pending:
            actions[rung.level] = list(pending)
    return replace(_made(indicator, rule, level, ceiling, reason, elements, actions),
                   insufficient=insufficient)


@dataclass(frozen=True)
class IntegrationFact:
    """An integration link (`spbe_arch.graph`) with its scope.

    `scope` is `national` (the target is a national platform, or the instansi's instance of
    one from an application it runs: integration with another instansi), `cross_unit`
    (applications of different units) or `internal` (one unit), as the audit's
    `integration-bypassing-splp` rule reads them.
    """

    id: str
    source: str
    target: str
    via: IntegrationVia
    network: str | None
    scope: str

    @property
    def via_splp(self) -> bool:
        return self.via is IntegrationVia.splp


class ModelFacts:
    """Facts several rules read, from the one graph and the audit's queries."""

    def __init__(self, graph: ArchGraph, framework: Framework) -> None:
        self.graph = graph
        self.arch = graph.arch
        self.framework = framework

    @cached_property
    def active_apps(self) -> dict[str, Application]:
        return {a: self.graph.element(a) for a in self.graph.active_applications}

    @cached_property
    def own_apps(self) -> list[str]:
        """Active applications the instansi runs (`ArchGraph.runs_itself`): not local
        instances of a national aplikasi umum, which the national operator secures (and
        integrates)."""
        return [a for a in self.active_apps if self.graph.runs_itself(a)]

    @cached_property
    def integrations(self) -> list[IntegrationFact]:
        """Integration links with their scope, sorted by id."""
        out = []
        for link in self.graph.links:
            edge = self.graph.integrations[link]
            if self.graph.kind(edge.target) == NATIONAL or self.graph.to_instance(
                    edge.source, edge.target):  # to the pemda's SIAK is to SIAK (the audit's)
                scope = "national"
            elif self.graph.crosses_boundary(edge.source, edge.target):
                scope = "cross_unit"
            else:
                scope = "internal"
            out.append(IntegrationFact(link, edge.source, edge.target, IntegrationVia(edge.via),
                                       edge.network, scope))
        return out

    @cached_property
    def isolated(self) -> list[str]:
        """Active applications integrated with nothing (`isolated-application`)."""
        return list(isolated_applications(self.graph))

    @cached_property
    def over_internet(self) -> list[str]:
        """Integrations over the public internet (`integration-over-internet`)."""
        return sorted(edge.id for edge in integrations_over_internet(self.graph))

    @cached_property
    def duplicates(self) -> dict[str, str]:
        """Active aplikasi khusus to retire -> what they duplicate (the audit's duplicate rules)."""
        out: dict[str, str] = {}
        for app, (_rule, umum) in khusus_duplicating_umum(self.graph).items():
            out[app] = "aplikasi umum " + ", ".join(f"'{r}'" for r in sorted(umum))
        for group in duplicate_application_groups(self.graph):
            for other in group[1:]:
                out.setdefault(other, f"'{group[0]}'")
        return dict(sorted(out.items()))

    @cached_property
    def services(self) -> dict[str, ServiceStructure]:
        """Service id -> the level its structure shows (`spbe_arch.maturity.services`)."""
        return service_structures(self.graph)

    @cached_property
    def claimed_levels(self) -> dict[str, list[Service]]:
        """Indicator id -> the services of the kind it rates claiming a level for it (one pass
        over the services, not one per indicator)."""
        out: dict[str, list[Service]] = {}
        for service in self.arch.services.values():
            if service.indicator is not None and service.level is not None and fits(
                    self.framework, service):
                out.setdefault(service.indicator, []).append(service)
        return out

    @cached_property
    def known(self) -> dict[str, Known]:
        """How much of each fact the model states (`spbe_arch.audit.completeness`)."""
        return known_facts(self.graph)

    def basis(self, key: str, label: str) -> tuple[str, Known]:
        return label, self.known[key]

    @cached_property
    def active_controls(self):
        return {k: c for k, c in sorted(self.arch.security.items()) if c.status is Status.active}

    def covered_apps(self, controls: Iterable) -> set[str]:
        """Active applications a control covers directly, through its data centre or its unit."""
        covered = {element for control in controls for element in control.covers}
        return {
            app_id for app_id, app in self.active_apps.items()
            if app_id in covered or app.hosting in covered or app.owner in covered
        }


DERIVATIONS: dict[EvidenceRule, Callable[[ModelFacts, Indicator], Derivation | None]] = {}
"""Evidence rule (named by framework files) -> the function that applies it."""


def derives(rule: EvidenceRule):
    """Register the function that applies an evidence rule."""

    def decorate(func):
        if rule in DERIVATIONS:
            raise ValueError(f"evidence rule {rule} registered twice")
        DERIVATIONS[rule] = func
        return func

    return decorate


def derive(graph: ArchGraph, framework: Framework) -> dict[str, Derivation]:
    """Indicator id -> what the model shows, for every indicator whose rule finds evidence.

    Examples
    --------
    >>> from spbe_arch.graph import build_graph
    >>> from spbe_arch.model import Architecture
    >>> from spbe_arch.maturity.framework import load_framework
    >>> derive(build_graph(Architecture(root=".")), load_framework())
    {}
    """
    facts = ModelFacts(graph, framework)
    out = {}
    for indicator in framework.indicators:
        if indicator.evidence is None:
            continue
        derivation = DERIVATIONS[indicator.evidence](facts, indicator)
        if derivation is not None:
            out[indicator.id] = derivation
    return out


def _known_or_not(known: list[str], act: str, unknown: list[str],
                  record: str) -> tuple[str, ...]:
    """The actions for elements that keep a rung unmet: `act` on those the model shows
    falling short, `record` the fact for those it says nothing about (unknown, not absent)."""
    return tuple(_(template).format(ids=_ids(ids))
                 for template, ids in ((act, known), (record, unknown)) if ids)


def _known_of(count: int, total: int, unknown: list[str], plain: str, stated: str,
              unrecorded: str) -> str:
    """'2 of 3 units on JIP' when the model states the fact for all; else the share of those
    it states it for, and how many it leaves unknown (not counted as absent): '2 of 2 units
    that state their networks on JIP; networks not recorded: 1'."""
    if not unknown:
        return _(plain).format(count=count, total=total)
    return (_(stated).format(count=count, total=total - len(unknown)) + "; " + _(unrecorded)
            + f": {len(unknown)}")


def _ids(ids: Iterable[str]) -> str:
    return listed(sorted(ids), _SHOWN)


def _some(items: list) -> int:
    """The tolerance of a rung met by at least one of `items` being done."""
    return max(len(items) - 1, 0)


@derives(EvidenceRule.architecture)
def architecture(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Arsitektur SPBE: how many of the six architecture domains the model describes.

    Level 1: one or two domains; 2: three to five; 3: all six (proses bisnis, data, layanan,
    aplikasi, infrastruktur, keamanan); 4: all six and every process, service, data set and
    application carries its national reference-architecture code (RAB, RAL, RAD, RAA).
    Ceiling 4. None for an empty model.
    """
    arch = facts.arch
    domains = {
        "business_processes": arch.business_processes, "data": arch.data,
        "services": arch.services, "applications": arch.applications,
        "infrastructure": arch.infrastructure, "security": arch.security,
    }
    described = [name for name, items in domains.items() if items]
    if not described:
        return None
    missing = tuple(name for name in domains if name not in described)
    unreferenced = tuple(sorted(
        element.id
        for name in ("business_processes", "services", "data", "applications")
        for element in domains[name].values()
        if element.ref is None
    ))
    reason = _("{count} of 6 architecture domains described").format(count=len(described))
    if missing:
        reason += _(" (missing: {domains})").format(
            domains=", ".join(_(_DOMAIN_NAMES[name]) for name in missing))
    elif unreferenced:
        reason += _("; {count} elements without a reference-architecture code").format(
            count=len(unreferenced))
    add_domains = (_("describe the missing architecture domains: {domains}").format(
        domains=", ".join(f"{_(_DOMAIN_NAMES[name])} (`{name}:`)" for name in missing)),)
    add_refs = (_("add the RAB/RAL/RAD/RAA `ref` code to {count} elements: {ids}").format(
        count=len(unreferenced), ids=_ids(unreferenced)),)
    ladder = [
        Rung(2, add_domains, unmet=missing, tolerance=3),
        Rung(3, add_domains, unmet=missing),
        Rung(4, add_refs, unmet=unreferenced),
    ]
    return climb(indicator, EvidenceRule.architecture, ladder, ceiling=4, reason=reason,
                 elements=described)


_DOMAIN_NAMES = {
    "business_processes": N_("business processes"),
    "data": N_("data"),
    "services": N_("services"),
    "applications": N_("applications"),
    "infrastructure": N_("infrastructure"),
    "security": N_("security"),
}
"""The six architecture domains (the collections describing them), in words."""


@derives(EvidenceRule.roadmap)
def roadmap(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Peta Rencana SPBE: roadmap items and how they tie into the architecture.

    Level 2: roadmap items exist; 3: every item names the elements it changes; 4: also every
    planned or in-development application and integration is part of a roadmap item.
    Ceiling 4. None when the model has no roadmap (the assessment decides).
    """
    items = facts.arch.roadmap
    if not items:
        return None
    vague = tuple(sorted(i for i, item in items.items() if not item.touched))
    planned_ids = {e for item in items.values() for e in item.touched}
    pending = tuple(sorted(
        element_id
        for collection in (facts.arch.applications, facts.arch.integrations)
        for element_id, element in collection.items()
        if element.status in (Status.planned, Status.development) and element_id not in planned_ids
    ))
    reason = plural(len(items), N_("{count} roadmap item"), N_("{count} roadmap items"))
    if vague:
        reason += _("; naming no elements: {ids}").format(ids=_ids(vague))
    elif pending:
        reason += _("; planned or in development but on no roadmap item: {ids}").format(
            ids=_ids(pending))
    ladder = [
        Rung(3, (_("name the elements each roadmap item changes: {ids}").format(
            ids=_ids(vague)),), unmet=vague),
        Rung(4, (_("put the planned and in-development elements on a roadmap item: {ids}").format(
            ids=_ids(pending)),), unmet=pending),
    ]
    return climb(indicator, EvidenceRule.roadmap, ladder, base=2, ceiling=4, reason=reason,
                 elements=items)


@derives(EvidenceRule.business_process)
def business_process(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Inovasi proses bisnis: processes mapped to the national RAB and served electronically.

    Level 1: fewer than half the processes carry an RAB code; 2: at least half; 3: all; 4: all,
    and every process is supported by a service realized by an active application.
    Ceiling 4. None when the model has no business processes.
    """
    processes = facts.arch.business_processes
    if not processes:
        return None
    no_ref = tuple(sorted(p for p, process in processes.items() if process.ref is None))
    electronic = {
        service_id for service_id, service in facts.arch.services.items()
        if any(app in facts.active_apps for app in service.applications)
    }
    manual = tuple(sorted(
        p for p, process in processes.items() if not electronic.intersection(process.services)
    ))
    reason = _("{count} of {total} processes carry an RAB code").format(
        count=len(processes) - len(no_ref), total=len(processes))
    if not no_ref and manual:
        reason += _("; supported by no electronic service: {ids}").format(ids=_ids(manual))
    add_refs = (_("map processes to the national RAB (`ref: RAB...`): {ids}").format(
        ids=_ids(no_ref)),)
    ladder = [
        Rung(2, add_refs, unmet=no_ref, tolerance=len(processes) // 2),
        Rung(3, add_refs, unmet=no_ref),
        Rung(4, (_("support these processes with an electronic service: {ids}").format(
            ids=_ids(manual)),), unmet=manual),
    ]
    return climb(indicator, EvidenceRule.business_process, ladder, ceiling=4, reason=reason,
                 elements=processes)


@derives(EvidenceRule.application)
def application(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Pembangunan aplikasi: an inventory without duplicates, aplikasi umum used, apps integrated.

    Level 2: active applications are inventoried with their owners (a model always shows
    this); 3: no aplikasi khusus duplicates an aplikasi umum or another khusus (the
    audit's duplicate rules); 4: also no active application is isolated. Ceiling 4.
    None when the model has no active application. While a file cannot be read, no
    application is said to be isolated (its integrations may be in it) and 4 waits for it.
    """
    if not facts.active_apps:
        return None
    duplicates = facts.duplicates
    unread = list(facts.arch.unread)
    isolated = () if unread else tuple(facts.isolated)
    umum = sorted(a for a, app in facts.active_apps.items() if app.kind is ApplicationKind.umum)
    designated = [a for a in umum if getattr(facts.graph.element(
        facts.active_apps[a].platform), "kind", None) is PlatformKind.aplikasi_umum]
    reason = _("{count} active applications, {umum} aplikasi umum").format(
        count=len(facts.active_apps), umum=len(designated))  # designated: those the audit lists
    if len(designated) < len(umum):  # instances of SIKS-NG, SIMBG: run by a ministry
        reason += _(", {count} of other national applications").format(
            count=len(umum) - len(designated))
    if duplicates:
        reason += _("; {duplicates}: {which}").format(
            duplicates=plural(len(duplicates), N_("{count} duplicate"), N_("{count} duplicates")),
            which="; ".join(_("{app} duplicates {what}").format(app=app, what=why)
                            for app, why in list(duplicates.items())[:_SHOWN]))
    elif isolated:
        reason += _("; integrated with nothing: {ids}").format(ids=_ids(isolated))
    recorded = integrations_recorded(facts.graph)
    of_umum = tuple(a for a in duplicates if a in khusus_duplicating_umum(facts.graph))
    of_khusus = tuple(a for a in duplicates if a not in of_umum)
    retire = []
    if of_umum:
        retire.append(_("replace these applications by the aplikasi umum they duplicate: "
                        "{ids}").format(ids=_ids(of_umum)))
    if of_khusus:
        retire.append(_("retire or merge these duplicate applications, one per job: "
                        "{ids}").format(ids=_ids(of_khusus)))
    ladder = [
        Rung(3, tuple(retire), unmet=tuple(duplicates)),
        Rung(4, (fix_unread_first(facts.arch, unread) if unread else
                 _("integrate isolated applications: {ids}").format(ids=_ids(isolated))
                 if recorded else _("record the integrations between the applications"),),
             met=recorded and not isolated and not unread),
    ]
    return climb(indicator, EvidenceRule.application, ladder, base=2, ceiling=4, reason=reason,
                 elements=[*duplicates, *umum])


@derives(EvidenceRule.data_centre)
def data_centre(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Layanan pusat data: applications hosted on PDN or the pusat data daerah.

    Counts the instansi's own active applications, as the hosting fact and the portfolio do:
    aplikasi khusus, and aplikasi umum that name a hosting, but not the instances of a national
    platform (SATUSEHAT, SRIKANDI: their operator hosts them, whatever the inventory says).
    Level 1: none on a government data centre (PDN, pusat data daerah); 2: some; 3: all; 4:
    all, and every government data centre used is connected to JIP. Ceiling 4. None without
    such applications.
    """
    apps = {k: a for k, a in facts.active_apps.items() if facts.graph.runs_itself(k)
            and (a.kind is ApplicationKind.khusus or a.hosting is not None)}
    if not apps:
        return None
    infra = facts.arch.infrastructure

    def on_government(app: Application) -> bool:
        centre = infra.get(app.hosting or "")
        if centre is None:  # the national data centre itself (`hosting: pdn`)
            return facts.graph.kind(app.hosting) == NATIONAL
        return centre.kind in GOVERNMENT_DATA_CENTRES

    outside = tuple(sorted(a for a, app in apps.items() if not on_government(app)))
    used = sorted({app.hosting for app in apps.values() if on_government(app)})
    off_jip = tuple(c for c in used  # the national PDN is on the national network
                    if c in infra and not on_jip(facts.graph, c))
    unknown = [a for a in outside if not apps[a].states("hosting")]
    instansi = facts.arch.instansi  # a kementerian or lembaga has PDN, no pusat data daerah
    central = instansi is not None and instansi.level.central
    reason = _known_of(
        len(apps) - len(outside), len(apps), unknown,
        N_("{count} of {total} applications on PDN") if central else
        N_("{count} of {total} applications on PDN or pusat data daerah"),
        N_("{count} of {total} applications whose hosting is known on PDN") if central else
        N_("{count} of {total} applications whose hosting is known on PDN or pusat data "
           "daerah"), N_("hosting not recorded"))
    silent = [c for c in off_jip if not infra[c].states("networks")]  # unknown, not absent
    stated = [c for c in off_jip if c not in silent]
    if not outside and off_jip:
        reason += "".join(_(text).format(ids=", ".join(ids)) for text, ids in (
            (N_("; not on JIP: {ids}"), stated), (N_("; networks not recorded: {ids}"), silent))
            if ids)
    move = _known_or_not(
        [a for a in outside if a not in unknown],
        N_("move these applications to PDN: {ids}") if central else
        N_("move these applications to PDN or the pusat data daerah: {ids}"),
        unknown, N_("record where these applications are hosted (`hosting:`): {ids}"))
    ladder = [
        Rung(2, move, unmet=outside, tolerance=_some(list(apps))),
        Rung(3, move, unmet=outside),
        Rung(4, _known_or_not(
            stated, N_("connect these data centres to JIP: {ids}"),
            silent, N_("record the networks of these data centres (`networks:`): {ids}")),
             unmet=off_jip),
    ]
    return climb(indicator, EvidenceRule.data_centre, ladder, ceiling=4, reason=reason,
                 elements=[*outside, *used],
                 basis=(N_("hosting"), Known(sum(a.states("hosting") for a in apps.values()),
                                         len(apps))))


@derives(EvidenceRule.network)
def network(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Layanan jaringan intra: units connected to JIP and integrations kept off the internet.

    Level 1: no unit on JIP; 2: some; 3: all units; 4: all units, and no active integration
    runs over the public internet. Ceiling 4. None when the model has no units.
    """
    units = facts.graph.nodes("units")
    if not units:
        return None
    off = tuple(u for u in units if not on_jip(facts.graph, u))
    public = tuple(facts.over_internet)
    unknown = [u for u in off if not facts.graph.element(u).states("networks")]
    reason = _known_of(len(units) - len(off), len(units), unknown,
                       N_("{count} of {total} units on JIP"),
                       N_("{count} of {total} units that state their networks on JIP"),
                       N_("networks not recorded"))
    if not off and public:
        reason += _("; {count} integrations over the public internet").format(count=len(public))
    connect = _known_or_not(
        [u for u in off if u not in unknown], N_("connect these units to JIP: {ids}"),
        unknown, N_("record the networks of these units (`networks:`): {ids}"))
    ladder = [
        Rung(2, connect, unmet=off, tolerance=_some(list(units))),
        Rung(3, connect, unmet=off),
        Rung(4, (_("move these integrations from the internet to JIP: {ids}").format(
            ids=_ids(public)),), unmet=public),
    ]
    return climb(indicator, EvidenceRule.network, ladder, ceiling=4, reason=reason,
                 elements=[*off, *public],
                 basis=facts.basis("units.networks", N_("units' networks")))


@derives(EvidenceRule.splp_integration)
def splp_integration(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Penggunaan SPLP: integrations between units and with other instansi go through SPLP.

    Integration links and bypasses are the audit's (`integration-bypassing-splp`): a shared
    login or manual re-typing is not integration. Level 1: no integration through SPLP; 2: some, but
    integrations between units bypass it; 3: every integration between units goes through
    SPLP; 4: also every integration with a national platform (another instansi) goes through
    SPLP, and there is at least one (the evaluation's rule: level 4 needs cross-instansi
    integration through SPLP). Ceiling 4. None when the model has no active application;
    insufficient data when it records no integration, or the mechanism of less than half of
    its active integrations (`via: unknown`, as an inventory gives them).
    """
    if not facts.active_apps:
        return None
    known = [f for f in facts.integrations if f.via is not IntegrationVia.unknown]
    unknown = [f for f in facts.integrations if f.via is IntegrationVia.unknown]
    splp = [f.id for f in known if f.via_splp]
    unit_bypass = tuple(f.id for f in known if f.scope == "cross_unit" and not f.via_splp)
    national = [f for f in known if f.scope == "national"]
    national_bypass = tuple(f.id for f in national if not f.via_splp)
    national_splp = [f.id for f in national if f.via_splp]
    unit_unknown = tuple(f.id for f in unknown if f.scope == "cross_unit")
    national_unknown = tuple(f.id for f in unknown if f.scope == "national")
    reason = _("{count} of {total} integrations via SPLP; bypassing SPLP: {units} between "
               "units, {national} with national platforms").format(
        count=len(splp), total=len(known), units=len(unit_bypass), national=len(national_bypass))
    if unknown:
        reason += _("; mechanism not recorded: {count}").format(count=len(unknown))

    def record(ids: tuple[str, ...]) -> tuple[str, ...]:
        return (_("record the mechanism (`via:`) of these integrations: {ids}").format(
            ids=_ids(ids)),) if ids else ()

    if national_bypass:
        route_national = (_("route {integrations} with national platforms through SPLP "
                            "(via: splp): {ids}").format(
            integrations=plural(len(national_bypass), N_("{count} integration"),
                            N_("{count} integrations")),
            ids=_ids(national_bypass)),)
    else:
        route_national = (_("integrate a service with another instansi or a national platform "
                            "through SPLP"),)
    route_units = _("route {integrations} between units through SPLP (via: splp): {ids}").format(
        integrations=plural(len(unit_bypass), N_("{count} integration"),
                            N_("{count} integrations")),
        ids=_ids(unit_bypass))
    ladder = [
        Rung(2, (_("publish a service API on SPLP and route an integration through it "
                   "(via: splp)"),), met=bool(splp)),
        Rung(3, (*([route_units] if unit_bypass or not unit_unknown else []),
                 *record(unit_unknown)),
             unmet=(*unit_bypass, *unit_unknown)),
        Rung(4, (*route_national, *record(national_unknown)),
             met=not national_bypass and not national_unknown and bool(national_splp)),
    ]
    # what SPLP is used for rests on the mechanisms recorded, once integrations are
    basis = (facts.basis("integrations.via", N_("integration mechanisms")) if facts.integrations
             else facts.basis("applications.integrations", N_("integrations")))
    return climb(indicator, EvidenceRule.splp_integration, ladder, ceiling=4, reason=reason,
                 elements=[*splp, *unit_bypass, *national_bypass, *unit_unknown,
                           *national_unknown], basis=basis)


@derives(EvidenceRule.collaboration)
def collaboration(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Kolaborasi penerapan SPBE: applications of different units and instansi work together.

    Level 1: no integration between units nor with another instansi; 2: integrations between
    units or with another instansi; 3: both. Ceiling 3 (measured collaboration needs the
    assessment). None when the model has no active application.
    """
    if not facts.active_apps:
        return None
    real = facts.integrations
    units = [f.id for f in real if f.scope == "cross_unit"]
    national = [f.id for f in real if f.scope == "national"]
    reason = _("{units} between units, {national} with other instansi").format(
        units=plural(len(units), N_("{count} integration"), N_("{count} integrations")),
        national=len(national))
    missing = tuple(
        _(action) for action, done in (
            (N_("integrate applications of different units"), units),
            (N_("integrate a service with another instansi or a national platform"), national),
        ) if not done
    )
    ladder = [
        Rung(2, missing[:1], met=bool(units or national)),
        Rung(3, missing, met=bool(units and national)),
    ]
    return climb(indicator, EvidenceRule.collaboration, ladder, ceiling=3, reason=reason,
                 elements=[*units, *national],
                 basis=facts.basis("applications.integrations", N_("integrations")))


RECORD_SECURITY = N_("record the security controls in force (`security:`)")


def _security_unknown(indicator: Indicator, rule: EvidenceRule) -> Derivation:
    """A model that describes no security control says nothing about security (an inventory
    of applications, say): insufficient data, level 1, as for any fact the model leaves out;
    never "no control covers these applications"."""
    return climb(indicator, rule, [Rung(2, (_(RECORD_SECURITY),), met=False)], ceiling=3,
                 reason=_("insufficient data: the model describes no security control"),
                 insufficient=True)


@derives(EvidenceRule.security_management)
def security_management(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Manajemen keamanan informasi: an ISMS and security controls covering every application.

    An application is covered by a control naming it, its data centre or its unit; local
    instances of a national aplikasi umum are the national operator's to secure. Level 1:
    no active security control; 2: controls, but no ISMS (kind `isms` or an SNI/ISO 27001
    standard) or applications left uncovered; 3: an ISMS and every active application covered.
    Ceiling 3. None when the model has no active application.
    """
    if not facts.active_apps:
        return None
    if not facts.arch.security:
        return _security_unknown(indicator, EvidenceRule.security_management)
    controls = facts.active_controls
    isms = [c for c, control in controls.items()
            if not ISMS_KINDS.isdisjoint(control.kind_words)
            or "27001" in (control.standard or "")]
    uncovered = tuple(sorted(set(facts.own_apps) - facts.covered_apps(controls.values())))
    reason = _(N_("{controls}, an ISMS; {uncovered} of {total} applications uncovered")
               if isms else
               N_("{controls}, no ISMS; {uncovered} of {total} applications uncovered")).format(
        controls=plural(len(controls), N_("{count} active security control"),
                        N_("{count} active security controls")),
        uncovered=len(uncovered), total=len(facts.own_apps))
    needed = []
    if not isms:
        needed.append(_("run an ISMS (SNI ISO/IEC 27001) and record it as a security control"))
    if uncovered:
        needed.append(_("cover these applications with security controls: {ids}").format(
            ids=_ids(uncovered)))
    ladder = [
        Rung(2, (_(RECORD_SECURITY),), met=bool(controls)),
        Rung(3, tuple(needed), met=bool(isms) and not uncovered),
    ]
    return climb(indicator, EvidenceRule.security_management, ladder, ceiling=3, reason=reason,
                 elements=[*controls, *uncovered])


@derives(EvidenceRule.security_audit)
def security_audit(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Audit keamanan SPBE: security audits (audit, penetration test) covering the applications.

    Level 1: no active audit control; 2: audits covering some applications; 3: every active
    application the instansi runs (not a national aplikasi umum's instance) covered by an
    audit. Ceiling 3. None when the model has no active application.
    """
    if not facts.active_apps:
        return None
    if not facts.arch.security:
        return _security_unknown(indicator, EvidenceRule.security_audit)
    audits = {c: control for c, control in facts.active_controls.items()
              if not AUDIT_KINDS.isdisjoint(control.kind_words)
              and NOT_AUDIT_KINDS.isdisjoint(control.kind_words)}
    covered = facts.covered_apps(audits.values()) & set(facts.own_apps)
    uncovered = tuple(sorted(set(facts.own_apps) - covered))
    reason = _(N_("{count} security audit control covers {covered} of {total} applications")
               if len(audits) == 1 else
               N_("{count} security audit controls cover {covered} of {total} applications")
               ).format(count=len(audits), covered=len(covered), total=len(facts.own_apps))
    ladder = [
        Rung(2, (_("audit the security of the main applications (penetration test) and record "
                   "it as a security control"),), met=bool(covered)),
        Rung(3, (_("extend security audits to these applications: {ids}").format(
            ids=_ids(uncovered)),), unmet=uncovered),
    ]
    return climb(indicator, EvidenceRule.security_audit, ladder, ceiling=3, reason=reason,
                 elements=[*audits, *uncovered])


@derives(EvidenceRule.data_management)
def data_management(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Manajemen data: stewards, classification, publication on Satu Data, reference codes.

    Level 1: fewer than half the data sets have a steward (walidata/produsen data); 2: some
    lack one, open (terbuka) data is unpublished, or closed data is published; 3: every data
    set has a steward, all open data is published on Satu Data and no closed data is; 4: also
    every data set has an RAD code and a producing application. Ceiling 4. None without data.
    """
    data = facts.arch.data
    if not data:
        return None
    no_steward = tuple(sorted(d for d, item in data.items() if item.steward is None))
    open_data = [d for d, item in data.items() if item.classification is Classification.terbuka]
    unpublished = tuple(sorted(
        d for d in open_data if data[d].states("published") and not data[d].published))
    unstated = tuple(sorted(d for d in open_data if not data[d].states("published")))
    leaked = tuple(sorted(
        d for d, item in data.items()
        if item.classification is not Classification.terbuka and item.published
    ))
    no_ref = sorted(d for d, item in data.items() if item.ref is None)
    no_producer = sorted(d for d in data if not facts.graph.sources(d, "writes"))
    unmapped = tuple(sorted({*no_ref, *no_producer}))
    reason = _("{count} data sets: {no_steward} with no steward recorded, {unpublished} open "
               "but unpublished, {leaked} closed but published").format(
        count=len(data), no_steward=len(no_steward), unpublished=len(unpublished),
        leaked=len(leaked))
    if unstated:
        reason += _("; whether {count} open data sets are published is not recorded").format(
            count=len(unstated))
    name_stewards = _("name a steward (walidata/produsen data) for: {ids}").format(
        ids=_ids(no_steward))
    fixes = (
        *([name_stewards] if no_steward else []),
        *([_("publish open data on Satu Data: {ids}").format(ids=_ids(unpublished))]
          if unpublished else []),
        *([_("withdraw or reclassify closed data that is published: {ids}").format(
            ids=_ids(leaked))] if leaked else []),
        *([_("record whether these open data sets are published (`published:`): {ids}").format(
            ids=_ids(unstated))] if unstated else []),
    )
    ladder = [
        Rung(2, (name_stewards,), unmet=no_steward, tolerance=len(data) // 2),
        Rung(3, fixes, unmet=(*no_steward, *unpublished, *leaked, *unstated)),
        Rung(4, tuple(_(template).format(ids=_ids(ids)) for template, ids in (
            (N_("add the RAD `ref` code to these data sets: {ids}"), no_ref),
            (N_("name the application producing these data sets (`producer:`): {ids}"),
             no_producer),
        ) if ids), unmet=unmapped),
    ]
    return climb(indicator, EvidenceRule.data_management, ladder, ceiling=4, reason=reason,
                 elements=[*no_steward, *unpublished, *leaked],
                 basis=facts.basis("data.steward", N_("data stewards")))


@derives(EvidenceRule.asset_management)
def asset_management(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Manajemen aset TIK: a complete inventory of applications and data centres.

    Complete means: every application in use (not retired) that is not an aplikasi umum names
    its hosting, and every data centre its location and provider. Level 1: more than half the
    records incomplete; 2: some; 3: none; 4: none, and every application has an RAA code.
    Ceiling 4. None when the model has neither applications nor infrastructure.
    """
    arch = facts.arch
    apps = {k: a for k, a in arch.applications.items() if a.status is not Status.retired}
    centres = {k: i for k, i in arch.infrastructure.items() if not i.kind.is_network}
    if not apps and not centres:
        return None
    incomplete = tuple(sorted(
        [a for a, app in apps.items() if app.kind is ApplicationKind.khusus and not app.hosting]
        + [c for c, centre in centres.items() if not (centre.location and centre.provider)]
    ))
    no_ref = tuple(sorted(a for a, app in apps.items() if app.ref is None))
    records = len(apps) + len(centres)
    reason = _("{count} of {total} inventory records complete").format(
        count=records - len(incomplete), total=records)
    if not incomplete and no_ref:
        reason += _("; {count} applications without an RAA code").format(count=len(no_ref))
    complete = (_("complete the inventory (hosting; location and provider): {ids}").format(
        ids=_ids(incomplete)),)
    ladder = [
        Rung(2, complete, unmet=incomplete, tolerance=records // 2),
        Rung(3, complete, unmet=incomplete),
        Rung(4, (_("add the RAA `ref` code to: {ids}").format(ids=_ids(no_ref)),),
             unmet=no_ref),
    ]
    return climb(indicator, EvidenceRule.asset_management, ladder, ceiling=4, reason=reason,
                 elements=incomplete)


def _made(indicator: Indicator, rule: EvidenceRule, level: int, ceiling: int, reason: str,
          elements: Iterable[str], actions: dict[int, list[str]]) -> Derivation:
    """A derivation: the actions of the levels above the one shown, sorted."""
    return Derivation(
        indicator=indicator.id,
        rule=rule.value,
        level=level,
        ceiling=ceiling,
        reason=reason,
        elements=tuple(sorted(set(elements))),
        actions={k: tuple(v) for k, v in sorted(actions.items()) if k > level and v},
    )


_SERVICE_STEP = {
    2: N_("let users interact online (forms, questions, tracking)"),
    3: N_("complete the transaction online, end to end"),
    4: N_("integrate it with other services and instansi through SPLP"),
    5: N_("improve it continuously from measured use and satisfaction"),
}

RAISE_SERVICE = N_("raise service '{service}' to {level}: {step}; then set `level: {level}`")
"""The action raising a service's claimed level (the plan tells it from model changes)."""

RAISE_CLAIMED_SERVICE = N_("raise service '{service}' to {level}: {step}")
"""The action raising a service to a level its `level:` claims already: the structure must
show it, and the claim needs no edit."""


def _service_levels(facts: ModelFacts, indicator: Indicator) -> list[tuple[int, str]]:
    """(level, service id) of the services claiming a level for the indicator, best first.

    A service's `level:` is a claim: it counts only as far as its structure shows
    (`spbe_arch.maturity.services`).
    """
    shown = facts.services
    return sorted(
        ((min(ServiceLevel(s.level).number, shown[s.id].level), s.id)
         for s in facts.claimed_levels.get(indicator.id, ())),
        key=lambda pair: (-pair[0], pair[1]),
    )


def _service_actions(facts: ModelFacts, best: str, level: int,
                     ceiling: int) -> dict[int, list[str]]:
    """What earns each level above `level` for service `best`.

    The level after the one its structure shows asks for the structure's missing model
    changes. Where those only record facts the model leaves out (the data an application
    writes, say), recording them is the whole step: the service may do it already. Otherwise
    the step raises the service, and asks to set its `level:` only where it claims less.
    """
    names = {ServiceLevel(name).number: name for name in ServiceLevel}
    service = facts.arch.services[best]
    claimed = ServiceLevel(service.level).number if service.level is not None else 0
    shown = facts.services[best]
    out: dict[int, list[str]] = {}
    for to in range(level + 1, ceiling + 1):
        if to not in names:
            continue
        steps: list[str] = []
        after_shown = to == shown.level + 1
        if after_shown:
            steps.extend(shown.to_record)
            if to < STRUCTURE_TOP:  # kolaborasi's changes: `_collaboration_gaps`
                steps.extend(m for m in shown.missing if m not in shown.to_record)
        if to == STRUCTURE_TOP:
            gaps = _collaboration_gaps(facts, best)
            if not gaps and not after_shown:  # kolaborasi is there once the levels below are
                gaps = list(shown.missing)
            steps.extend(gaps)
        if claimed < to or not (after_shown and shown.unknown):
            steps.append(_(RAISE_SERVICE if claimed < to else RAISE_CLAIMED_SERVICE).format(
                service=best, level=names[to], step=_(_SERVICE_STEP[to])))
        out[to] = list(dict.fromkeys(steps))
    return out


def _collaboration_gaps(facts: ModelFacts, service_id: str) -> list[str]:
    """What keeps a service's applications from collaborating, as the service check
    (`spbe_arch.maturity.services`) judges it: no link through SPLP to another unit or
    instansi (then its bypasses to route), and unintegrated data."""
    service = facts.arch.services.get(service_id)
    apps = sorted(set(service.applications) & set(facts.active_apps)) if service else []
    unread = unread_applications(facts.arch, service_id)
    if unread:  # not known what they do: make the file readable first
        return [fix_unread_first(facts.arch, unread)]
    if not apps:
        return [_("realize service '{service}' with an active application").format(
            service=service_id)]
    touching = [f for f in facts.integrations
                if (f.source in apps or f.target in apps) and f.scope != "internal"]
    bypass = [f.id for f in touching if not f.via_splp and f.via is not IntegrationVia.unknown]
    out = []
    if not any(f.via_splp for f in touching):  # one link through SPLP is what the check asks
        out.append(_("route the integrations of {apps} through SPLP: {ids}").format(
            apps=_ids(apps), ids=_ids(bypass)) if bypass else _(
            "connect {apps} to other units or instansi through SPLP").format(apps=_ids(apps)))
    gaps = sorted({_("'{data}' from {producer}").format(data=flow.data,
                                                        producer=flow.producers[0])
                   for flow in facts.graph.flow_gaps if flow.consumer in apps})
    if gaps:
        out.append(_(N_("integrate the data {apps} reads: {gaps}") if len(apps) == 1 else
                     N_("integrate the data {apps} read: {gaps}")).format(
            apps=_ids(apps), gaps=", ".join(gaps)))
    return out


@derives(EvidenceRule.service_level)
def service_level(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Layanan SPBE: the best level of the services that count for this indicator.

    Services name the indicator they count for (`indicator: 37`) and carry their level
    (informasi 1, interaksi 2, transaksi 3, kolaborasi 4, optimum 5). Ceiling 5.
    None when no service with a level names the indicator.
    """
    levels = _service_levels(facts, indicator)
    if not levels:
        return None
    level, best = levels[0]
    reason = _("best of {services}: '{best}' at level {level}").format(
        services=plural(len(levels), N_("{count} service"), N_("{count} services")), best=best,
        level=level)
    return _made(indicator, EvidenceRule.service_level, level, 5, reason,
                 [s for _, s in levels], _service_actions(facts, best, level, 5))


_CLOSED = frozenset({Classification.terbatas, Classification.rahasia})
"""Classifications of data that is not open: published, it is a leak to fix (data management
says so), never open data to count."""


@derives(EvidenceRule.open_data)
def open_data(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Layanan data terbuka: the open-data services' level, or the data published on Satu Data.

    Published data sets (not closed: `terbatas` or `rahasia` published is a leak, not open
    data) show level 2 (interaksi: data to download); all open data published
    and fed to the Satu Data portal by an integration (not a file upload) show level 3. The
    portal is the national platform, or an application marked as it (`platform: satu-data`),
    never one guessed from its name: with no feed and no application marked, the evidence and
    the action say what to write. The best of that and the level of services naming the
    indicator counts. Ceiling 5.
    None when there is neither such a service nor published data.
    """
    levels = _service_levels(facts, indicator)
    published = sorted(d for d, item in facts.arch.data.items() if item.published
                       and item.classification not in _CLOSED)  # closed data is no open data
    open_data = {d: item for d, item in facts.arch.data.items()
                 if item.classification is Classification.terbuka}
    unpublished = sorted(d for d, item in open_data.items()
                         if item.states("published") and not item.published)
    unstated = sorted(d for d, item in open_data.items() if not item.states("published"))
    portal = {p for p, platform in national_platforms().items()
              if platform.kind is PlatformKind.portal and str(platform.indicator) == indicator.id}
    feeds = [f.id for f in facts.integrations
             if f.via is not IntegrationVia.file_transfer
             and (f.target in portal or _platform_of(facts, f.target) in portal)]
    # the pemda's own portal counts once marked: a name is no evidence of what it is
    unmarked = sorted(portal)[:1] if portal and not any(
        f.target in portal or _platform_of(facts, f.target) in portal
        for f in facts.integrations) and not any(
        _platform_of(facts, app) in portal for app in facts.active_apps) else []
    data_level = 0 if not published else (3 if feeds and not unpublished and not unstated
                                          else 2)
    service, best = levels[0] if levels else (0, None)
    if not published and best is None:
        return None
    level = max(data_level, service)
    parts = []
    if best is not None:
        parts.append(_("best service '{best}' at level {level}").format(best=best,
                                                                         level=service))
    parts.append(_(N_("{count} data set published, {feeds} to Satu Data")
                   if len(published) == 1 else
                   N_("{count} data sets published, {feeds} to Satu Data")).format(
        count=len(published),
        feeds=plural(len(feeds), N_("{count} automated feed"), N_("{count} automated feeds"))))
    for platform in unmarked:
        parts.append(_("no application is marked as the Satu Data portal (`platform: "
                       "{platform}`)").format(platform=platform))
    actions: dict[int, list[str]] = {}
    if data_level < 3 and level < 3:
        actions[3] = ([_("publish all open data ({ids})").format(ids=_ids(unpublished))]
                      if unpublished else [])
        if unstated:
            actions[3].append(_("record whether these open data sets are published "
                                "(`published:`): {ids}").format(ids=_ids(unstated)))
        for platform in unmarked:
            actions[3].append(_("mark the Satu Data portal's application with `platform: "
                                "{platform}` (feeds are counted to it), then feed it through "
                                "an integration (API or SPLP) instead of file uploads").format(
                platform=platform))
        if not feeds and not unmarked:
            actions[3].append(_("feed the Satu Data portal through an integration (API or SPLP) "
                                "instead of file uploads"))
    if best is not None:
        for to, steps in _service_actions(facts, best, level, 5).items():
            actions.setdefault(to, []).extend(steps)
    else:
        for to in range(max(level, 3) + 1, 6):
            actions.setdefault(to, []).append(
                _("run an open-data service (`indicator: {indicator}`) at that level").format(
                    indicator=indicator.id))
    return _made(indicator, EvidenceRule.open_data, level, 5, "; ".join(parts),
                 [*published, *feeds, *(s for _, s in levels)], actions)


def _platform_of(facts: ModelFacts, node: str) -> str | None:
    element = facts.graph.element(node)
    return element.platform if isinstance(element, Application) else None
