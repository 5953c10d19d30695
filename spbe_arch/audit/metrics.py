"""Integration coverage metrics of an architecture: SPLP and JIP shares, integrated services."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..graph import ArchGraph
from ..io import national_platforms
from ..model import PlatformKind
from ..model.types import IntegrationVia
from .completeness import Known, data_flows_known, known_facts
from .network import on_jip

__all__ = ["Metrics", "Share", "compute_metrics"]


@dataclass(frozen=True, slots=True)
class Share:
    """A part of a total, e.g. 3 of 4 integrations via SPLP; `value` is None when total is 0.
    `unknown` counts the elements left out of the total because the model does not state
    what the share asks (an integration of `via: unknown`): what the figure does not rest on.

    Examples
    --------
    >>> Share(3, 4).value
    0.75
    >>> Share(0, 0).value is None
    True
    """

    part: int
    total: int
    unknown: int = 0

    @property
    def value(self) -> float | None:
        return self.part / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {"part": self.part, "total": self.total, "value": self.value,
                "unknown": self.unknown}


@dataclass(frozen=True)
class Metrics:
    """Coverage figures of an architecture (all counts use active elements only).

    Attributes
    ----------
    applications
        Active applications.
    integrations
        Integration links: active integrations between active applications (or to a national
        platform) by a mechanism other than `manual` or `shared_login`.
    integrations_via_splp
        Links whose mechanism is `splp`, of the links whose mechanism is recorded (not
        `unknown`).
    cross_unit_integrations_via_splp
        Of the links with a recorded mechanism that cross a boundary (source and target owned
        by different units, or the target is a national platform), those via `splp`.
    units_on_jip
        Units connected to JIP (a network of kind `jip`, or the national `jip`), of the units
        that state their networks.
    services_fully_integrated
        Of the services realized by at least one active application whose data flows are
        known (`spbe_arch.audit.completeness.data_flows_known`: integrations recorded, and
        each application states the data it reads or writes), those none of whose
        applications reads data produced elsewhere without an integration path from the
        producer (see `spbe_arch.graph`). A service whose applications leave their data
        unknown is not counted: a share resting on no data flow is unknown, not 100%.
    applications_per_unit
        Unit id -> number of active applications it owns (every unit listed, sorted).
    aplikasi_umum_used
        National aplikasi umum id -> local active applications that are an instance of it or
        integrate with it (sorted).
    aplikasi_umum_not_recorded
        National aplikasi umum of the catalog for instansi of the model's kind (`levels`) the
        model records no use of: no active local instance and no active integration (a
        planned one is no use yet), sorted. Not "unused":
        an inventory lists the instansi's own applications, so a platform it uses may simply
        be missing from it.
    completeness
        `collection.field` -> how many of the elements the fact is about state it (see
        `spbe_arch.audit.completeness`): what the other figures rest on.
    """

    applications: int
    integrations: int
    integrations_via_splp: Share
    cross_unit_integrations_via_splp: Share
    units_on_jip: Share
    services_fully_integrated: Share
    applications_per_unit: dict[str, int]
    aplikasi_umum_used: dict[str, tuple[str, ...]]
    aplikasi_umum_not_recorded: tuple[str, ...]
    completeness: dict[str, Known]

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON object of `spbe-arch audit --format json` (`metrics`)."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, Share):
                value = value.as_dict()
            elif isinstance(value, dict):
                value = {k: _plain(v) for k, v in value.items()}
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out


def compute_metrics(graph: ArchGraph) -> Metrics:
    """Coverage metrics of the model whose graph is `graph`.

    Examples
    --------
    >>> from spbe_arch.graph import build_graph
    >>> from spbe_arch.model import Architecture
    >>> compute_metrics(build_graph(Architecture(root="."))).integrations_via_splp
    Share(part=0, total=0, unknown=0)
    """
    links = [graph.integrations[i] for i in graph.links]
    known = [e for e in links if e.via != IntegrationVia.unknown]  # the shares' totals
    via_splp = [e for e in known if e.via == IntegrationVia.splp]
    crossing = [e for e in links if graph.crosses_boundary(e.source, e.target)]
    crossing_known = [e for e in crossing if e.via != IntegrationVia.unknown]
    units = graph.nodes("units")
    stated = [u for u in units if graph.element(u).states("networks")]
    gap_apps = {flow.consumer for flow in graph.flow_gaps}
    realized = 0
    integrated = 0
    unknown_flows = 0
    for service_id in graph.nodes("services"):
        apps = [a for a in graph.sources(service_id, "realizes") if graph.is_active(a)]
        if not apps:
            continue
        if data_flows_known(graph, apps):
            realized += 1
            integrated += not any(a in gap_apps for a in apps)
        else:
            unknown_flows += 1

    per_unit = dict.fromkeys(units, 0)
    for app_id in graph.active_applications:
        owner = graph.element(app_id).owner
        if owner in per_unit:
            per_unit[owner] += 1

    umum = {
        pid: p for pid, p in national_platforms().items() if p.kind is PlatformKind.aplikasi_umum
    }
    level = graph.arch.instansi.level if graph.arch.instansi else None
    expected = {  # those for instansi of the model's kind: no village finance for a kota
        pid for pid, p in umum.items() if level is None or not p.levels or level in p.levels
    }
    used: dict[str, set[str]] = defaultdict(set)
    for app_id in graph.active_applications:
        platform = graph.element(app_id).platform
        if platform in umum:
            used[platform].add(app_id)
    for edge in links:
        if edge.target in umum:
            used[edge.target].add(edge.source)

    return Metrics(
        applications=len(graph.active_applications),
        integrations=len(links),
        integrations_via_splp=Share(len(via_splp), len(known), len(links) - len(known)),
        cross_unit_integrations_via_splp=Share(
            sum(e.via == IntegrationVia.splp for e in crossing_known), len(crossing_known),
            len(crossing) - len(crossing_known),
        ),
        units_on_jip=Share(sum(on_jip(graph, u) for u in stated), len(stated),
                           len(units) - len(stated)),
        services_fully_integrated=Share(integrated, realized, unknown_flows),
        applications_per_unit=per_unit,
        aplikasi_umum_used={p: tuple(sorted(used[p])) for p in sorted(used)},
        aplikasi_umum_not_recorded=tuple(sorted(expected - set(used))),
        completeness=known_facts(graph),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value.as_dict() if isinstance(value, Known) else value
