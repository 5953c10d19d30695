"""Evidence rules: the level (and its limit) an architecture model shows for an indicator.

A framework names, per indicator, the rule that reads the model (`evidence:` in the framework
file); indicators without one are rated by self-assessment only. Each rule returns a
`Derivation`: the level the model shows, the highest level the rule can ever show (its
`ceiling`: a model cannot show continuous improvement, say), the elements it looked at, why,
and what model changes would earn each higher level. Rules return None when the model does not
describe what they read at all (no applications, no data sets), so that an undescribed part of
the architecture never contradicts a self-assessment.

The facts the rules share are computed once from the one graph (`spbe_arch.graph.build_graph`);
what counts as an integration link, an SPLP bypass, an isolated or duplicate application and
an integration over the internet is the audit's (`spbe_arch.audit`), so the index and the audit
agree.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..audit.duplicates import aplikasi_khusus_duplicating_aplikasi_umum, duplicate_applications
from ..audit.flows import crosses_boundary, flow_gaps, integration_view
from ..audit.integration import integration_over_internet, isolated_application
from ..graph import NATIONAL, build_graph
from ..io import national_platforms
from ..model import (
    Application,
    ApplicationKind,
    Architecture,
    Classification,
    InfrastructureKind,
    IntegrationVia,
    PlatformKind,
    ServiceLevel,
    Status,
)
from ..model.framework import EvidenceRule, Framework, Indicator
from ..validate import listed
from .services import service_structures

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["DERIVATIONS", "Derivation", "IntegrationFact", "ModelFacts", "derive", "derives"]

GOVERNMENT_DATA_CENTRES = frozenset({InfrastructureKind.pdn, InfrastructureKind.pusat_data_daerah})
AUDIT_KINDS = ("audit", "penetration", "pentest", "vulnerability")
"""A security control whose kind contains one of these is a security audit."""

_SHOWN = 12
"""How many element ids an action names before '... and N more'."""


@dataclass(frozen=True)
class Derivation:
    """What the model shows for one indicator, and how.

    `level` is the level the model shows; `ceiling` the highest level the rule can show, so a
    self-assessment above `level` contradicts the model only while `level < ceiling`.
    `actions` maps a higher level to the model changes that would earn it.
    """

    indicator: str
    rule: str
    level: int
    ceiling: int
    reason: str
    elements: tuple[str, ...] = ()
    actions: dict[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class IntegrationFact:
    """An integration link (`spbe_arch.audit.flows`) with its scope.

    `scope` is `national` (the target is a national platform: integration with another
    instansi), `cross_unit` (applications of different units) or `internal` (one unit), as
    the audit's SPLP-bypass rule (SPBE-A004) reads them.
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
    """Facts several rules read, from the one graph and the audit's integration view.

    Integration links, SPLP bypasses, isolated and duplicate applications and integrations
    over the internet are the audit's (`spbe_arch.audit`), so the index and the audit never
    disagree about what counts as integration.
    """

    def __init__(self, arch: Architecture, graph: "nx.MultiDiGraph | None" = None) -> None:
        self.arch = arch
        self.graph = graph if graph is not None else build_graph(arch)
        self.view = integration_view(self.graph)

    @cached_property
    def active_apps(self) -> dict[str, Application]:
        return {a: self.arch.applications[a] for a in sorted(self.view.active_apps)}

    @cached_property
    def integrations(self) -> list[IntegrationFact]:
        """Integration links with their scope, sorted by id."""
        out = []
        for link in self.view.links:
            edge = self.view.edges[link]
            if self.view.kind(edge.target) == NATIONAL:
                scope = "national"
            elif crosses_boundary(self.graph, edge.source, edge.target):
                scope = "cross_unit"
            else:
                scope = "internal"
            out.append(IntegrationFact(link, edge.source, edge.target, IntegrationVia(edge.via),
                                       edge.network, scope))
        return out

    @cached_property
    def isolated(self) -> list[str]:
        """Active applications integrated with nothing (SPBE-A001)."""
        return sorted({f.element for f in isolated_application(self.graph) if f.element})

    @cached_property
    def over_internet(self) -> list[str]:
        """Integrations over the public internet (SPBE-A005)."""
        return sorted({f.element for f in integration_over_internet(self.graph) if f.element})

    @cached_property
    def duplicates(self) -> dict[str, str]:
        """Active aplikasi khusus to retire -> what they duplicate (SPBE-A008, SPBE-A007)."""
        out: dict[str, str] = {}
        for item in aplikasi_khusus_duplicating_aplikasi_umum(self.graph):
            if item.element:
                out[item.element] = "aplikasi umum " + ", ".join(f"'{r}'" for r in item.related)
        for item in duplicate_applications(self.graph):
            for other in item.related:
                out.setdefault(other, f"'{item.element}'")
        return dict(sorted(out.items()))

    def is_jip(self, node: str | None) -> bool:
        """A JIP network of the model, or the national JIP platform."""
        return node is not None and node in self.graph and self.view.network_kind(node) == "jip"

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


def derive(
    arch: Architecture, framework: Framework, *, graph: "nx.MultiDiGraph | None" = None
) -> dict[str, Derivation]:
    """Indicator id -> what the model shows, for every indicator whose rule finds evidence.

    Examples
    --------
    >>> from spbe_arch.model import Architecture
    >>> from spbe_arch.maturity.framework import load_framework
    >>> derive(Architecture(root="."), load_framework())
    {}
    """
    facts = ModelFacts(arch, graph)
    out = {}
    for indicator in framework.indicators:
        if indicator.evidence is None:
            continue
        derivation = DERIVATIONS[indicator.evidence](facts, indicator)
        if derivation is not None:
            out[indicator.id] = derivation
    return out


def _ids(ids: Iterable[str]) -> str:
    return listed(sorted(ids), _SHOWN)


def _count(items: list, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _made(indicator: Indicator, rule: EvidenceRule, level: int, ceiling: int, reason: str,
          elements: Iterable[str] = (), actions: dict[int, list[str]] | None = None) -> Derivation:
    return Derivation(
        indicator=indicator.id,
        rule=rule.value,
        level=level,
        ceiling=ceiling,
        reason=reason,
        elements=tuple(sorted(set(elements))),
        actions={k: tuple(v) for k, v in sorted((actions or {}).items()) if k > level and v},
    )


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
    missing = [name for name in domains if name not in described]
    unreferenced = sorted(
        element.id
        for name in ("business_processes", "services", "data", "applications")
        for element in domains[name].values()
        if element.ref is None
    )
    if missing:
        level = 1 if len(described) <= 2 else 2
    elif unreferenced:
        level = 3
    else:
        level = 4
    reason = f"{len(described)} of 6 architecture domains described"
    if missing:
        reason += f" (missing: {', '.join(missing)})"
    elif unreferenced:
        reason += f"; {len(unreferenced)} elements without a reference-architecture code"
    add_domains = [f"describe the missing architecture domains: {', '.join(missing)}"]
    actions = {
        2: add_domains, 3: add_domains,
        4: ([f"add the RAB/RAL/RAD/RAA `ref` code to {len(unreferenced)} elements: "
             f"{_ids(unreferenced)}"] if unreferenced else []),
    }
    if missing:
        actions[4] = [*add_domains, *actions[4]]
    return _made(indicator, EvidenceRule.architecture, level, 4, reason, described, actions)


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
    vague = sorted(i for i, item in items.items() if not item.elements)
    planned_ids = {e for item in items.values() for e in item.elements}
    pending = sorted(
        element_id
        for collection in (facts.arch.applications, facts.arch.integrations)
        for element_id, element in collection.items()
        if element.status in (Status.planned, Status.development) and element_id not in planned_ids
    )
    level = 2 if vague else (3 if pending else 4)
    reason = _count(list(items), "roadmap item")
    if vague:
        reason += f"; naming no elements: {_ids(vague)}"
    elif pending:
        reason += f"; planned but on no roadmap item: {_ids(pending)}"
    name_elements = [f"name the elements each roadmap item changes: {_ids(vague)}"]
    plan_pending = [f"put the planned elements on a roadmap item: {_ids(pending)}"]
    actions = {3: name_elements, 4: (name_elements if vague else []) + (plan_pending if pending
                                                                        else [])}
    return _made(indicator, EvidenceRule.roadmap, level, 4, reason, items, actions)


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
    no_ref = sorted(p for p, process in processes.items() if process.ref is None)
    electronic = {
        service_id for service_id, service in facts.arch.services.items()
        if any(app in facts.active_apps for app in service.applications)
    }
    manual = sorted(
        p for p, process in processes.items() if not electronic.intersection(process.services)
    )
    if no_ref:
        level = 1 if len(no_ref) * 2 > len(processes) else 2
    elif manual:
        level = 3
    else:
        level = 4
    reason = f"{len(processes) - len(no_ref)} of {len(processes)} processes carry an RAB code"
    if not no_ref and manual:
        reason += f"; supported by no electronic service: {_ids(manual)}"
    add_refs = [f"map processes to the national RAB (`ref: RAB...`): {_ids(no_ref)}"]
    actions = {2: add_refs, 3: add_refs,
               4: (add_refs if no_ref else [])
               + ([f"support these processes with an electronic service: {_ids(manual)}"]
                  if manual else [])}
    return _made(indicator, EvidenceRule.business_process, level, 4, reason, processes, actions)


@derives(EvidenceRule.application)
def application(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Pembangunan aplikasi: an inventory without duplicates, aplikasi umum used, apps integrated.

    Level 2: active applications are inventoried with their owners (a model always shows
    this); 3: no aplikasi khusus duplicates an aplikasi umum (SPBE-A008) or another khusus
    (SPBE-A007); 4: also no active application is isolated (SPBE-A001). Ceiling 4.
    None when the model has no active application.
    """
    if not facts.active_apps:
        return None
    duplicates = facts.duplicates
    isolated = facts.isolated
    umum = sorted(a for a, app in facts.active_apps.items() if app.kind is ApplicationKind.umum)
    level = 2 if duplicates else (3 if isolated else 4)
    reason = f"{len(facts.active_apps)} active applications, {len(umum)} aplikasi umum"
    if duplicates:
        reason += f"; {_count(list(duplicates), 'duplicate')}: " + "; ".join(
            f"{app} duplicates {why}" for app, why in list(duplicates.items())[:_SHOWN])
    elif isolated:
        reason += f"; integrated with nothing: {_ids(isolated)}"
    retire = [f"retire or replace duplicate applications by the aplikasi umum: {_ids(duplicates)}"]
    actions = {3: retire,
               4: (retire if duplicates else [])
               + ([f"integrate isolated applications: {_ids(isolated)}"] if isolated else [])}
    return _made(indicator, EvidenceRule.application, level, 4, reason,
                 [*duplicates, *umum], actions)


@derives(EvidenceRule.data_centre)
def data_centre(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Layanan pusat data: applications hosted on PDN or the pusat data daerah.

    Counts active aplikasi khusus, and aplikasi umum that name a hosting. Level 1: none on a
    government data centre (PDN, pusat data daerah); 2: some; 3: all; 4: all, and every
    government data centre used is connected to JIP. Ceiling 4. None without such applications.
    """
    apps = {k: a for k, a in facts.active_apps.items()
            if a.kind is ApplicationKind.khusus or a.hosting is not None}
    if not apps:
        return None
    infra = facts.arch.infrastructure

    def on_government(app: Application) -> bool:
        centre = infra.get(app.hosting or "")
        return centre is not None and centre.kind in GOVERNMENT_DATA_CENTRES

    outside = sorted(a for a, app in apps.items() if not on_government(app))
    used = sorted({app.hosting for app in apps.values() if on_government(app)})
    off_jip = [c for c in used if not any(facts.is_jip(n) for n in infra[c].networks)]
    if outside:
        level = 1 if len(outside) == len(apps) else 2
    elif off_jip:
        level = 3
    else:
        level = 4
    reason = f"{len(apps) - len(outside)} of {len(apps)} applications on PDN or pusat data daerah"
    if not outside and off_jip:
        reason += f"; not on JIP: {', '.join(off_jip)}"
    move = [f"move these applications to PDN or the pusat data daerah: {_ids(outside)}"]
    connect = [f"connect these data centres to JIP: {_ids(off_jip)}"] if off_jip else []
    actions = {2: move, 3: move, 4: (move if outside else []) + connect}
    return _made(indicator, EvidenceRule.data_centre, level, 4, reason, [*outside, *used],
                 actions)


@derives(EvidenceRule.network)
def network(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Layanan jaringan intra: units connected to JIP and integrations kept off the internet.

    Level 1: no unit on JIP; 2: some; 3: all units; 4: all units, and no active integration
    runs over the public internet. Ceiling 4. None when the model has no units.
    """
    units = facts.arch.units
    if not units:
        return None
    off = sorted(u for u, unit in units.items() if not any(facts.is_jip(n) for n in unit.networks))
    public = facts.over_internet
    if off:
        level = 1 if len(off) == len(units) else 2
    elif public:
        level = 3
    else:
        level = 4
    reason = f"{len(units) - len(off)} of {len(units)} units on JIP"
    if not off and public:
        reason += f"; {len(public)} integrations over the public internet"
    connect = [f"connect these units to JIP: {_ids(off)}"]
    move = [f"move these integrations from the internet to JIP: {_ids(public)}"] if public else []
    actions = {2: connect, 3: connect, 4: (connect if off else []) + move}
    return _made(indicator, EvidenceRule.network, level, 4, reason, [*off, *public], actions)


@derives(EvidenceRule.splp_integration)
def splp_integration(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Penggunaan SPLP: integrations between units and with other instansi go through SPLP.

    Integration links and bypasses are the audit's (SPBE-A004): a shared login or manual
    re-typing is not integration. Level 1: no integration through SPLP; 2: some, but
    integrations between units bypass it; 3: every integration between units goes through
    SPLP; 4: also every integration with a national platform (another instansi) goes through
    SPLP, and there is at least one (the evaluation's rule: level 4 needs cross-instansi
    integration through SPLP). Ceiling 4. None when the model has no active application.
    """
    if not facts.active_apps:
        return None
    real = facts.integrations
    splp = [f.id for f in real if f.via_splp]
    unit_bypass = [f.id for f in real if f.scope == "cross_unit" and not f.via_splp]
    national = [f for f in real if f.scope == "national"]
    national_bypass = [f.id for f in national if not f.via_splp]
    national_splp = [f.id for f in national if f.via_splp]
    if not splp:
        level = 1
    elif unit_bypass:
        level = 2
    elif national_bypass or not national_splp:
        level = 3
    else:
        level = 4
    reason = (f"{len(splp)} of {len(real)} integrations via SPLP; bypassing SPLP: "
              f"{len(unit_bypass)} between units, {len(national_bypass)} with national platforms")
    route_units = ([f"route {_count(unit_bypass, 'integration')} between units through SPLP "
                    f"(via: splp): {_ids(unit_bypass)}"] if unit_bypass else [])
    first = ([] if splp else
             ["publish a service API on SPLP and route an integration through it (via: splp)"])
    if national_bypass:
        route_national = [f"route {_count(national_bypass, 'integration')} with national "
                          f"platforms through SPLP (via: splp): {_ids(national_bypass)}"]
    elif not national_splp:
        route_national = ["integrate a service with another instansi or a national platform "
                          "through SPLP"]
    else:
        route_national = []
    actions = {2: first or route_units[:1], 3: first + route_units,
               4: first + route_units + route_national}
    return _made(indicator, EvidenceRule.splp_integration, level, 4, reason,
                 [*splp, *unit_bypass, *national_bypass], actions)


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
    level = 1 + bool(units) + bool(national) if (units or national) else 1
    reason = f"{len(units)} integrations between units, {len(national)} with other instansi"
    missing = []
    if not units:
        missing.append("integrate applications of different units")
    if not national:
        missing.append("integrate a service with another instansi or a national platform")
    actions = {2: missing[:1], 3: missing}
    return _made(indicator, EvidenceRule.collaboration, level, 3, reason, [*units, *national],
                 actions)


@derives(EvidenceRule.security_management)
def security_management(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Manajemen keamanan informasi: an ISMS and security controls covering every application.

    An application is covered by a control naming it, its data centre or its unit. Level 1:
    no active security control; 2: controls, but no ISMS (kind `isms` or an SNI/ISO 27001
    standard) or applications left uncovered; 3: an ISMS and every active application covered.
    Ceiling 3. None when the model has no active application.
    """
    if not facts.active_apps:
        return None
    controls = facts.active_controls
    isms = [c for c, control in controls.items()
            if "isms" in control.kind.lower() or "27001" in (control.standard or "")]
    uncovered = sorted(set(facts.active_apps) - facts.covered_apps(controls.values()))
    level = 1 if not controls else (3 if isms and not uncovered else 2)
    reason = (f"{len(controls)} active security controls, {'an' if isms else 'no'} ISMS; "
              f"{len(uncovered)} of {len(facts.active_apps)} applications uncovered")
    needed = []
    if not isms:
        needed.append("run an ISMS (SNI ISO/IEC 27001) and record it as a security control")
    if uncovered:
        needed.append(f"cover these applications with security controls: {_ids(uncovered)}")
    actions = {2: ["record the security controls in force (security:)"], 3: needed}
    return _made(indicator, EvidenceRule.security_management, level, 3, reason,
                 [*controls, *uncovered], actions)


@derives(EvidenceRule.security_audit)
def security_audit(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Audit keamanan SPBE: security audits (audit, penetration test) covering the applications.

    Level 1: no active audit control; 2: audits covering some applications; 3: every active
    application covered by an audit. Ceiling 3. None when the model has no active application.
    """
    if not facts.active_apps:
        return None
    audits = {c: control for c, control in facts.active_controls.items()
              if any(word in control.kind.lower() for word in AUDIT_KINDS)}
    covered = facts.covered_apps(audits.values())
    uncovered = sorted(set(facts.active_apps) - covered)
    level = 1 if not covered else (2 if uncovered else 3)
    reason = (f"{len(audits)} security audit controls cover {len(covered)} of "
              f"{len(facts.active_apps)} applications")
    actions = {2: ["audit the security of the main applications (penetration test) and record "
                   "it as a security control"],
               3: [f"extend security audits to these applications: {_ids(uncovered)}"]}
    return _made(indicator, EvidenceRule.security_audit, level, 3, reason,
                 [*audits, *uncovered], actions)


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
    no_steward = sorted(d for d, item in data.items() if item.steward is None)
    unpublished = sorted(d for d, item in data.items()
                         if item.classification is Classification.terbuka and not item.published)
    leaked = sorted(d for d, item in data.items()
                    if item.classification is not Classification.terbuka and item.published)
    written = {node for _, node, kind in facts.graph.edges(data="kind") if kind == "writes"}
    unmapped = sorted(d for d, item in data.items() if item.ref is None or d not in written)
    if len(no_steward) * 2 > len(data):
        level = 1
    elif no_steward or unpublished or leaked:
        level = 2
    else:
        level = 3 if unmapped else 4
    reason = (f"{len(data)} data sets: {len(no_steward)} without steward, {len(unpublished)} "
              f"open but unpublished, {len(leaked)} closed but published")
    fixes = []
    if no_steward:
        fixes.append(f"name a steward (walidata/produsen data) for: {_ids(no_steward)}")
    if unpublished:
        fixes.append(f"publish open data on Satu Data: {_ids(unpublished)}")
    if leaked:
        fixes.append(f"withdraw or reclassify closed data that is published: {_ids(leaked)}")
    actions = {2: fixes[:1], 3: fixes,
               4: fixes + ([f"give these data sets an RAD code and a producing application: "
                            f"{_ids(unmapped)}"] if unmapped else [])}
    return _made(indicator, EvidenceRule.data_management, level, 4, reason,
                 [*no_steward, *unpublished, *leaked], actions)


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
    incomplete = sorted(
        [a for a, app in apps.items() if app.kind is ApplicationKind.khusus and not app.hosting]
        + [c for c, centre in centres.items() if not (centre.location and centre.provider)]
    )
    no_ref = sorted(a for a, app in apps.items() if app.ref is None)
    records = len(apps) + len(centres)
    if incomplete:
        level = 1 if len(incomplete) * 2 > records else 2
    elif no_ref:
        level = 3
    else:
        level = 4
    reason = f"{records - len(incomplete)} of {records} inventory records complete"
    if not incomplete and no_ref:
        reason += f"; {len(no_ref)} applications without an RAA code"
    complete = [f"complete the inventory (hosting; location and provider): {_ids(incomplete)}"]
    actions = {2: complete, 3: complete,
               4: (complete if incomplete else [])
               + ([f"add the RAA `ref` code to: {_ids(no_ref)}"] if no_ref else [])}
    return _made(indicator, EvidenceRule.asset_management, level, 4, reason, incomplete, actions)


_SERVICE_STEP = {
    2: "let users interact online (forms, questions, tracking)",
    3: "complete the transaction online, end to end",
    4: "integrate it with other services and instansi through SPLP",
    5: "improve it continuously from measured use and satisfaction",
}


def _service_levels(facts: ModelFacts, indicator: Indicator) -> list[tuple[int, str]]:
    """(level, service id) of the services claiming a level for the indicator, best first.

    A service's `level:` is a claim: it counts only as far as its structure shows
    (`spbe_arch.maturity.services`).
    """
    shown = service_structures(facts.graph)
    return sorted(
        ((min(ServiceLevel(s.level).number, shown[s.id].level), s.id)
         for s in facts.arch.services.values()
         if s.indicator == indicator.id and s.level is not None),
        key=lambda pair: (-pair[0], pair[1]),
    )


def _service_actions(facts: ModelFacts, best: str, level: int,
                     ceiling: int) -> dict[int, list[str]]:
    names = {ServiceLevel(name).number: name for name in ServiceLevel}
    out = {
        to: [f"raise service '{best}' to {names[to]}: {_SERVICE_STEP[to]}; "
             f"then set `level: {names[to]}`"]
        for to in range(level + 1, ceiling + 1)
        if to in names
    }
    if 4 in out:
        out[4] = [*_collaboration_gaps(facts, best), *out[4]]
    return out


def _collaboration_gaps(facts: ModelFacts, service_id: str) -> list[str]:
    """What keeps a service's applications from collaborating: bypasses and unintegrated data."""
    service = facts.arch.services.get(service_id)
    apps = sorted(set(service.applications) & set(facts.active_apps)) if service else []
    if not apps:
        return [f"realize service '{service_id}' with an active application"]
    touching = [f for f in facts.integrations
                if (f.source in apps or f.target in apps) and f.scope != "internal"]
    bypass = [f.id for f in touching if not f.via_splp]
    out = []
    if bypass:
        out.append(f"route the integrations of {_ids(apps)} through SPLP: {_ids(bypass)}")
    elif not any(f.via_splp for f in touching):
        out.append(f"connect {_ids(apps)} to other units or instansi through SPLP")
    gaps = sorted({f"'{flow.data}' from {flow.producers[0]}" for flow in flow_gaps(facts.graph)
                   if flow.consumer in apps})
    if gaps:
        out.append(f"integrate the data {_ids(apps)} read{'s' if len(apps) == 1 else ''}: "
                   + ", ".join(gaps))
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
    reason = f"best of {_count(levels, 'service')}: '{best}' at level {level}"
    return _made(indicator, EvidenceRule.service_level, level, 5, reason,
                 [s for _, s in levels], _service_actions(facts, best, level, 5))


@derives(EvidenceRule.open_data)
def open_data(facts: ModelFacts, indicator: Indicator) -> Derivation | None:
    """Layanan data terbuka: the open-data services' level, or the data published on Satu Data.

    Published data sets show level 2 (interaksi: data to download); all open data published
    and fed to the Satu Data portal by an integration (not a file upload) show level 3. The
    best of that and the level of services naming the indicator counts. Ceiling 5.
    None when there is neither such a service nor published data.
    """
    levels = _service_levels(facts, indicator)
    published = sorted(d for d, item in facts.arch.data.items() if item.published)
    unpublished = sorted(d for d, item in facts.arch.data.items()
                         if item.classification is Classification.terbuka and not item.published)
    portal = {p for p, platform in national_platforms().items()
              if platform.kind is PlatformKind.portal and str(platform.indicator) == indicator.id}
    feeds = [f.id for f in facts.integrations
             if f.via is not IntegrationVia.file_transfer
             and (f.target in portal or _platform_of(facts, f.target) in portal)]
    data_level = 0 if not published else (3 if feeds and not unpublished else 2)
    service, best = levels[0] if levels else (0, None)
    if not published and best is None:
        return None
    level = max(data_level, service)
    parts = []
    if best is not None:
        parts.append(f"best service '{best}' at level {service}")
    parts.append(f"{len(published)} data sets published, {_count(feeds, 'automated feed')} to "
                 "Satu Data")
    actions: dict[int, list[str]] = {}
    if data_level < 3 and level < 3:
        actions[3] = [f"publish all open data ({_ids(unpublished)})"] if unpublished else []
        if not feeds:
            actions[3].append("feed the Satu Data portal through an integration (API or SPLP) "
                              "instead of file uploads")
    if best is not None:
        for to, steps in _service_actions(facts, best, level, 5).items():
            actions.setdefault(to, []).extend(steps)
    else:
        for to in range(max(level, 3) + 1, 6):
            actions.setdefault(to, []).append(
                f"run an open-data service (`indicator: {indicator.id}`) at that level")
    return _made(indicator, EvidenceRule.open_data, level, 5, "; ".join(parts),
                 [*published, *feeds, *(s for _, s in levels)], actions)


def _platform_of(facts: ModelFacts, node: str) -> str | None:
    element = facts.graph.nodes.get(node, {}).get("element")
    return element.platform if isinstance(element, Application) else None
