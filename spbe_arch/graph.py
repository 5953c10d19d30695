"""The one graph of a model, built once per command and read by every analysis, view and report.

`build_graph(arch)` returns a frozen `ArchGraph`. Its nodes are the model's element ids (unique
model-wide) and the ids of the national platforms the model refers to; each has a kind (the
collection name, or `national`), a name and its element. Its relations are typed (`RELATIONS`)
and point from the element that states them to the one they name, e.g. application
--hosted_on--> data centre. Integrations are relations too (`integrates`), each an `Edge` with
its id, mechanism (`via`), network, data and status.

*Integration links* are the integrations that carry data today: status `active`, a mechanism
other than `manual` or `shared_login` (a person re-typing data and a single sign-on are not
integration), an active source application and an active target application or national
platform. Data flows along a link from its source to its target, or either way along a link
whose `direction` is `unknown` (an inventory that says two applications exchange data, not
which way): for every query of the links it is a link each way (`links_out`, `links_in`,
`reach`; to a national platform, which only receives, it stays one way), so a flow may take
it and an outage may cross it, and an analysis that needs a sender and a receiver (a relay)
reads `Edge.one_way`. The links are also a networkx `DiGraph` (`link_graph`) for the
algorithms networkx offers.

A *data flow* is a pair (consumer application, data set) where an active application reads a
data set that other active applications write (or produce) and it does not write itself. The
flow is *integrated* when a producer reaches the consumer by a directed path of links, possibly
through intermediate applications (SPLP is the mechanism of a link, not a node). An
integration's `data` list does not restrict which data sets a path carries: models often leave
it incomplete, and a working link between two systems is what the data needs. A flow that is
not integrated is a *gap* only in a model that records integrations: in one that records
none, whether data moves between its applications is unknown, not absent.
"""

from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakKeyDictionary

from .io import national_platforms
from .io.aside import aside
from .model import Architecture, Finding, PlatformKind, Status
from .model.types import NETWORK_KINDS, InfrastructureKind, IntegrationDirection, IntegrationVia
from .validate import ModelReading, ValidationResult, read_model

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "NATIONAL",
    "NOT_INTEGRATION",
    "RELATIONS",
    "ArchGraph",
    "DataFlow",
    "Edge",
    "build_graph",
    "load_graph",
    "per_graph",
]

NATIONAL = "national"
"""The kind of a national platform's node."""

RELATIONS = (
    "owns",  # unit -> application | service | business_process | data (steward)
    "part_of",  # unit -> parent unit; infrastructure -> national platform it is a tenant of
    "supports",  # service -> business_process
    "realizes",  # application -> service
    "reads",  # application -> data
    "writes",  # application -> data (written, or produced)
    "hosted_on",  # application -> data centre
    "connected_to",  # unit | data centre -> network
    "instance_of",  # application -> national platform (aplikasi umum)
    "integrates",  # application -> application | national platform (an Edge each)
    "covers",  # security control -> element
    "plans",  # roadmap item -> element
)

NOT_INTEGRATION = frozenset({IntegrationVia.manual, IntegrationVia.shared_login})
"""Mechanisms that are recorded as integrations but move no data between systems."""


@dataclass(frozen=True, slots=True)
class Edge:
    """One integration of the model, as the graph holds it."""

    id: str
    source: str
    target: str
    via: str
    network: str | None
    status: str
    data: tuple[str, ...]
    one_way: bool = True
    """False when the model does not say which way data moves (`direction: unknown`)."""


@dataclass(frozen=True, slots=True)
class DataFlow:
    """A consumer application reading a data set produced by other applications.

    `integrated` is True when a link path leads from at least one producer to the consumer.
    """

    consumer: str
    data: str
    producers: tuple[str, ...]
    integrated: bool


_EMPTY: tuple = ()


@dataclass(frozen=True, eq=False)
class ArchGraph:
    """The typed graph of one model: read-only, built by `build_graph`.

    Relations are kept as sorted neighbour tuples per relation kind, because every question
    the analyses ask is "the neighbours of X along relation R"; a networkx MultiDiGraph answers
    that only by scanning each node's keyed edges (measured 1.5x slower over the national
    audit). networkx runs the algorithms (`link_graph`, the articulation points of the audit)
    and `to_networkx()` gives the whole typed graph, for export and other tools.
    """

    arch: Architecture
    _kinds: dict[str, str]
    _elements: dict[str, Any]
    _by_kind: dict[str, tuple[str, ...]]
    _out: dict[str, dict[str, tuple[str, ...]]]
    _in: dict[str, dict[str, tuple[str, ...]]]
    integrations: dict[str, Edge]
    """Every integration edge by id (any status and mechanism)."""
    _reach: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    # nodes -----------------------------------------------------------------------------------

    def __contains__(self, node: object) -> bool:
        return node in self._kinds

    def __len__(self) -> int:
        return len(self._kinds)

    def kind(self, node: str | None) -> str | None:
        """The node's kind: a collection name or `national`; None for an unknown id."""
        return self._kinds.get(node or "")

    def element(self, node: str) -> Any:
        """The model element (or national platform) of a node, or None."""
        return self._elements.get(node)

    def name(self, node: str) -> str:
        """The node's name, or its id when it has none (or is unknown)."""
        element = self.element(node)
        return getattr(element, "name", None) or node

    def nodes(self, kind: str | None = None) -> tuple[str, ...]:
        """Ids of the nodes of one kind (all kinds when None), sorted."""
        if kind is None:
            return tuple(sorted(self._kinds))
        return self._by_kind.get(kind, _EMPTY)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The node kinds present, sorted."""
        return tuple(sorted(self._by_kind))

    # relations -------------------------------------------------------------------------------

    def targets(self, node: str, relation: str) -> tuple[str, ...]:
        """Nodes that `node` points to by relations of kind `relation`, sorted."""
        return self._out[relation].get(node, _EMPTY)

    def sources(self, node: str, relation: str) -> tuple[str, ...]:
        """Nodes that point to `node` by relations of kind `relation`, sorted."""
        return self._in[relation].get(node, _EMPTY)

    def relations(self, relation: str) -> Iterator[tuple[str, str]]:
        """Every (source, target) pair of one relation kind, sorted."""
        for source, targets in sorted(self._out[relation].items()):
            for target in targets:
                yield source, target

    def owner(self, node: str) -> str | None:
        """The unit owning an element (application, service, process, data), if any."""
        owners = self.sources(node, "owns")
        return owners[0] if owners else None

    def hosting(self, app: str) -> str | None:
        """The data centre an application is hosted on (a model element or a national one)."""
        hosts = self.targets(app, "hosted_on")
        return hosts[0] if hosts else None

    def network_kind(self, node: str | None) -> str | None:
        """`jip`, `internet`, `intranet` or `vpn` for a network id; a national network is JIP."""
        kind = self.kind(node)
        if kind == "infrastructure":
            element_kind = self.element(node).kind  # type: ignore[arg-type]
            return str(element_kind) if element_kind in NETWORK_KINDS else None
        if kind == NATIONAL and self.element(node).kind is PlatformKind.network:  # type: ignore[arg-type]
            return "jip"
        return None

    # integrations ----------------------------------------------------------------------------

    @cached_property
    def active_applications(self) -> tuple[str, ...]:
        """Applications with status `active`, sorted."""
        return tuple(
            a for a in self.nodes("applications") if self.element(a).status is Status.active
        )

    @cached_property
    def _active(self) -> frozenset[str]:
        return frozenset(self.active_applications)

    def is_active(self, app: str) -> bool:
        """True for an application with status `active`."""
        return app in self._active

    def national_instance(self, node: str) -> bool:
        """True for a national platform, or an application that is the instansi's instance
        of one its operator runs (`runs_itself` False)."""
        return self.kind(node) == NATIONAL or (
            self.kind(node) == "applications" and not self.runs_itself(node))

    def to_instance(self, source: str, target: str) -> bool:
        """True for a link from an application the instansi runs to its instance of a national
        platform (e-Office to the pemda's SRIKANDI)."""
        return (self.kind(target) == "applications" and self.national_instance(target)
                and not self.national_instance(source))

    def asked(self, app: str, link: str) -> tuple[str, ...]:
        """The data sets `app` asks for over `link`: those the link carries that `app` reads
        and does not write, when its other end is a national platform or the instansi's
        instance of one (it answers, whichever way the link is written: SIAK returns the
        population data SIMPUS looks up); none otherwise."""
        edge = self.integrations[link]
        other = edge.target if edge.source == app else edge.source
        if not self.national_instance(other):
            return ()
        reads, writes = self.targets(app, "reads"), self.targets(app, "writes")
        return tuple(d for d in edge.data if d in reads and d not in writes)

    def runs_itself(self, app: str) -> bool:
        """True for an application the instansi runs itself: not the instance of a national
        platform its operator runs (SRIKANDI, SATUSEHAT), but its own node of a national
        portal (its Satu Data portal, its JDIH: `platform:` a portal) counts as its own."""
        platform = self.element(app).platform
        return platform is None or getattr(self.element(platform), "kind", None) is (
            PlatformKind.portal)

    @cached_property
    def links(self) -> tuple[str, ...]:
        """Ids of the integration links (see the module docstring), sorted."""
        active = self._active
        return tuple(
            edge_id
            for edge_id, edge in sorted(self.integrations.items())
            if edge.status == Status.active
            and edge.via not in NOT_INTEGRATION
            and edge.source in active
            and (edge.target in active or self.kind(edge.target) == NATIONAL)
        )

    @cached_property
    def _link_adjacency(self) -> tuple[dict[str, tuple], dict[str, tuple]]:
        succ: dict[str, list[tuple[str, str]]] = defaultdict(list)
        pred: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for link in self.links:  # sorted by id; neighbours sorted below
            edge = self.integrations[link]
            succ[edge.source].append((edge.target, link))
            pred[edge.target].append((edge.source, link))
            if not edge.one_way and self.kind(edge.target) != NATIONAL:  # either way; a
                # national platform only receives: no path runs through it back out
                succ[edge.target].append((edge.source, link))
                pred[edge.source].append((edge.target, link))
        return (
            {n: tuple(sorted(v)) for n, v in succ.items()},
            {n: tuple(sorted(v)) for n, v in pred.items()},
        )

    @cached_property
    def _integrations_by_end(self) -> dict[str, tuple[str, ...]]:
        ends: dict[str, list[str]] = defaultdict(list)
        for edge_id, edge in sorted(self.integrations.items()):
            ends[edge.source].append(edge_id)
            ends[edge.target].append(edge_id)
        return {node: tuple(ids) for node, ids in ends.items()}

    def integrations_of(self, node: str) -> tuple[str, ...]:
        """Ids of the integrations (any status and mechanism) from or to `node`, sorted."""
        return self._integrations_by_end.get(node, _EMPTY)

    def links_out(self, node: str) -> tuple[tuple[str, str], ...]:
        """(target, link id) of the links leaving `node`, sorted (a link whose direction is
        unknown leaves both its ends)."""
        return self._link_adjacency[0].get(node, _EMPTY)

    def links_in(self, node: str) -> tuple[tuple[str, str], ...]:
        """(source, link id) of the links entering `node`, sorted (a link whose direction is
        unknown enters both its ends)."""
        return self._link_adjacency[1].get(node, _EMPTY)

    @cached_property
    def links_by_network(self) -> dict[str, tuple[str, ...]]:
        """Network id -> ids of the links that use it."""
        found: dict[str, list[str]] = defaultdict(list)
        for link in self.links:
            network = self.integrations[link].network
            if network is not None:
                found[network].append(link)
        return {n: tuple(ids) for n, ids in found.items()}

    @cached_property
    def logins(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Application -> (application, integration id) of the active applications whose
        users log in through it (`via: shared_login`, from the login's provider): no link
        (no data moves), but they cannot be used when it stops."""
        found: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for edge_id, edge in sorted(self.integrations.items()):
            if (edge.via == IntegrationVia.shared_login and edge.status == Status.active
                    and edge.source in self._active and edge.target in self._active):
                found[edge.source].append((edge.target, edge_id))
        return {source: tuple(pairs) for source, pairs in found.items()}

    @cached_property
    def links_via_splp(self) -> frozenset[str]:
        """Ids of the links whose mechanism is `splp`."""
        return frozenset(i for i in self.links if self.integrations[i].via == IntegrationVia.splp)

    @cached_property
    def link_graph(self) -> "nx.DiGraph":
        """The links as a networkx DiGraph; an edge's `links` holds the ids of its integrations."""
        import networkx as nx

        graph = nx.DiGraph()
        for node, neighbours in self._link_adjacency[0].items():
            for target, link in neighbours:
                if graph.has_edge(node, target):
                    graph[node][target]["links"] += (link,)
                else:
                    graph.add_edge(node, target, links=(link,))
        return graph

    def crosses_boundary(self, source: str, target: str) -> bool:
        """True when an integration goes to a national platform (or to the instansi's
        instance of one its operator runs, from an application the instansi runs: e-Office
        sending to the pemda's SRIKANDI sends to the national SRIKANDI, whoever owns the two
        in the model; between two instances, SiRUP to SPSE, the link is the operators' own)
        or between different owners; False when an end's owner is not known (a dangling
        `owner:`, which validation reports): whether it crosses is unknown, not a bypass to
        report."""
        if self.kind(target) == NATIONAL or self.to_instance(source, target):
            return True
        owners = self.owner(source), self.owner(target)
        return None not in owners and owners[0] != owners[1]

    # data flows ------------------------------------------------------------------------------

    @cached_property
    def _data_users(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        writers: dict[str, list[str]] = defaultdict(list)
        readers: dict[str, list[str]] = defaultdict(list)
        for relation, index in (("writes", writers), ("reads", readers)):
            for app in self.active_applications:
                for data_id in self.targets(app, relation):
                    index[data_id].append(app)
        return dict(writers), dict(readers)  # apps in sorted order already

    def producers(self, data_id: str) -> tuple[str, ...]:
        """Active applications that write (or produce) a data set, sorted."""
        return tuple(self._data_users[0].get(data_id, _EMPTY))

    def consumers(self, data_id: str) -> tuple[str, ...]:
        """Active applications that read a data set, sorted."""
        return tuple(self._data_users[1].get(data_id, _EMPTY))

    def reach(self, producer: str) -> frozenset[str]:
        """Nodes reachable from `producer` along links, itself included (memoised)."""
        found = self._reach.get(producer)
        if found is None:
            found = self.reachable([producer])
            self._reach[producer] = found
        return found

    def reachable(
        self,
        sources: Iterable[str],
        *,
        blocked_nodes: frozenset[str] | set[str] = frozenset(),
        blocked_links: frozenset[str] | set[str] = frozenset(),
    ) -> frozenset[str]:
        """Nodes reachable from `sources` along links, avoiding blocked nodes and links.

        Examples
        --------
        >>> from spbe_arch.model import Application, Unit, Integration
        >>> arch = Architecture(root=".")
        >>> arch.units["u"] = Unit(id="u", name="U", kind="dinas")
        >>> for a in "abc":
        ...     arch.applications[a] = Application(id=a, name=a, kind="khusus", owner="u")
        >>> arch.integrations["i1"] = Integration(id="i1", source="a", target="b", via="splp")
        >>> arch.integrations["i2"] = Integration(id="i2", source="b", target="c", via="splp")
        >>> graph = build_graph(arch)
        >>> sorted(graph.reachable(["a"])), sorted(graph.reachable(["a"], blocked_links={"i2"}))
        (['a', 'b', 'c'], ['a', 'b'])

        Notes
        -----
        A breadth-first search over the link adjacency the graph already holds, rather than
        `networkx.descendants` on `link_graph`: the data flows of a national model ask it
        ~9,000 times, and networkx's per-call dispatch and views made the audit 0.5 s slower
        (the answers are the same; `tests/test_graph.py` compares them).
        """
        succ = self._link_adjacency[0]
        found = {s for s in sources if s not in blocked_nodes}
        queue = deque(found)
        while queue:
            for neighbour, link in succ.get(queue.popleft(), _EMPTY):
                if neighbour not in found and neighbour not in blocked_nodes and (
                    link not in blocked_links
                ):
                    found.add(neighbour)
                    queue.append(neighbour)
        return frozenset(found)

    @cached_property
    def data_flows(self) -> tuple[DataFlow, ...]:
        """Every data flow of the model, sorted by consumer then data set.

        One breadth-first search per producer, memoised, over the links only (never all
        pairs): near-linear in practice because integration graphs are local.
        """
        writers, readers = self._data_users
        flows = []
        for data_id in sorted(readers):
            producers = tuple(writers.get(data_id, _EMPTY))
            if not producers:
                continue
            for consumer in readers[data_id]:
                if consumer in producers:
                    continue
                integrated = any(consumer in self.reach(p) for p in producers)
                flows.append(DataFlow(consumer, data_id, producers, integrated))
        flows.sort(key=lambda f: (f.consumer, f.data))
        return tuple(flows)

    @cached_property
    def flow_gaps(self) -> tuple[DataFlow, ...]:
        """The data flows that are not integrated; none when the model records no integration
        at all, nor those with an end whose integrations are unknown (unknown, not a gap: the
        one definition the audit, the metrics, the maturity evidence, the diagrams and the
        report read)."""
        if not self.integrations:
            return ()
        unknown = set(self.flows_unknown)
        return tuple(flow for flow in self.data_flows
                     if not flow.integrated and not (unknown and flow in unknown))

    @cached_property
    def flows_unknown(self) -> tuple[DataFlow, ...]:
        """The data flows no integration path carries that have an end whose integrations are
        unknown (`integrations_known: false`): integrated or not, the model does not say."""
        unknown = self.integrations_unknown
        if not unknown or not self.integrations:
            return ()
        return tuple(flow for flow in self.data_flows if not flow.integrated and (
            flow.consumer in unknown or not unknown.isdisjoint(flow.producers)))

    @cached_property
    def integrations_unknown(self) -> frozenset[str]:
        """The applications whose integrations the source does not give (`integrations_known:
        false`): no isolation, and no gap in a data flow they are an end of, is known."""
        return self.arch.integrations_unknown()

    def prepare(self, *, flows: bool = True) -> "ArchGraph":
        """Build the lazy indexes most analyses read (the active applications, the links and
        their adjacency, and with `flows` the data flows) now, before work is forked aside
        (`spbe_arch.io.aside`): the child then shares them instead of building its own copy.
        Work aside that reads no data flow forks without them, sooner. Returns the graph."""
        self._active, self._link_adjacency  # noqa: B018 - computed for their caches
        if flows:
            self.flow_gaps  # noqa: B018
        return self

    # export ----------------------------------------------------------------------------------

    def to_networkx(self) -> "nx.MultiDiGraph":
        """The whole typed graph as a networkx MultiDiGraph, through its public API.

        Nodes carry `kind`, `name` and `element`; edges carry `kind` and are keyed by it, or
        by the integration id for `integrates` (with `id`, `via`, `network`, `data`, `status`,
        `direction`).
        """
        import networkx as nx

        graph = nx.MultiDiGraph()
        graph.add_nodes_from(
            (node, {"kind": kind, "name": self.name(node), "element": self._elements[node]})
            for node, kind in self._kinds.items()
        )
        for relation in RELATIONS:
            if relation == "integrates":
                continue
            graph.add_edges_from(
                (s, t, relation, {"kind": relation}) for s, t in self.relations(relation)
            )
        graph.add_edges_from(
            (e.source, e.target, e.id, {"kind": "integrates", "id": e.id, "via": e.via,
                                        "network": e.network, "data": e.data, "status": e.status,
                                        "direction": str(IntegrationDirection.source_to_target
                                                         if e.one_way else
                                                         IntegrationDirection.unknown)})
            for e in self.integrations.values()
        )
        return graph


T = TypeVar("T")


def per_graph(query: Callable[[ArchGraph], T]) -> Callable[[ArchGraph], T]:
    """Compute a query of the graph once per graph, for queries several analyses share (the
    audit, the maturity evidence and the report ask the same ones of one graph). The result
    is shared: callers must not change it.

    >>> calls = []
    >>> @per_graph
    ... def count(graph):
    ...     calls.append(1)
    ...     return len(graph)
    >>> graph = build_graph(Architecture(root="."))
    >>> count(graph), count(graph), len(calls)
    (0, 0, 1)
    """
    results: WeakKeyDictionary[ArchGraph, T] = WeakKeyDictionary()

    @wraps(query)
    def shared(graph: ArchGraph) -> T:
        if graph not in results:
            results[graph] = query(graph)
        return results[graph]

    return shared


_TENANCY = {InfrastructureKind.jip: "jip", InfrastructureKind.pdn: "pdn"}
"""The national platform an element of these kinds is a local part of without `platform:`:
a pemda's JIP access is cut when JIP is, its PDN tenancy stops when PDN does."""


def build_graph(arch: Architecture) -> ArchGraph:
    """Build the architecture graph. References to unknown ids are skipped (validate reports them),
    as is an integration with SPLP, JIP or PDN itself as an end.

    Examples
    --------
    >>> from spbe_arch.model import Architecture, Unit
    >>> arch = Architecture(root=".")
    >>> arch.units["dinkes"] = Unit(id="dinkes", name="Dinas Kesehatan", kind="dinas")
    >>> graph = build_graph(arch)
    >>> graph.nodes("units"), graph.kind("dinkes"), graph.name("dinkes")
    (('dinkes',), 'units', 'Dinas Kesehatan')
    """
    kinds: dict[str, str] = {}
    elements_of: dict[str, Any] = {}
    by_kind: dict[str, list[str]] = {}
    for collection, elements in arch.collections.items():
        if collection not in ("integrations", "archimate_relationships") and elements:
            by_kind[collection] = list(elements)
            kinds.update(dict.fromkeys(elements, collection))
            elements_of.update(elements)
    platforms = {**arch.platforms, **national_platforms()}
    out: dict[str, dict[str, list[str]]] = {r: {} for r in RELATIONS}
    back: dict[str, dict[str, list[str]]] = {r: {} for r in RELATIONS}

    def link(source: str | None, target: str | None, relation: str) -> None:
        """Add source -> target if both ends are known; a national platform becomes a node."""
        if target not in kinds:
            platform = platforms.get(target or "")
            if platform is None:
                return
            kinds[target] = NATIONAL  # type: ignore[index]
            elements_of[target] = platform  # type: ignore[index]
            by_kind.setdefault(NATIONAL, []).append(target)  # type: ignore[arg-type]
        if source not in kinds:
            return
        targets = out[relation].get(source)  # type: ignore[arg-type]
        if targets is None:
            out[relation][source] = [target]  # type: ignore[index,list-item]
        elif target in targets:
            return  # the same relation stated twice counts once
        else:
            targets.append(target)  # type: ignore[arg-type]
        sources = back[relation].get(target)  # type: ignore[arg-type]
        if sources is None:
            back[relation][target] = [source]  # type: ignore[index]
        else:
            sources.append(source)

    for unit_id, unit in arch.units.items():
        link(unit_id, unit.parent, "part_of")
        for network in unit.networks:
            link(unit_id, network, "connected_to")
    for process_id, process in arch.business_processes.items():
        link(process.owner, process_id, "owns")
        for service in process.services:
            link(service, process_id, "supports")
    for service_id, service in arch.services.items():
        link(service.owner, service_id, "owns")
        for application in service.applications:
            link(application, service_id, "realizes")
    for data_id, data in arch.data.items():
        link(data.steward, data_id, "owns")
    for app_id, app in arch.applications.items():
        link(app.owner, app_id, "owns")
        link(app_id, app.hosting, "hosted_on")
        link(app_id, app.platform, "instance_of")
        for data_id in app.reads:
            link(app_id, data_id, "reads")
        for data_id in app.writes:
            link(app_id, data_id, "writes")
    for data_id, data in arch.data.items():
        producer = arch.applications.get(data.producer or "")
        if producer is not None and data_id not in producer.writes:
            link(producer.id, data_id, "writes")
    for infra_id, infra in arch.infrastructure.items():
        link(infra_id, infra.platform or _TENANCY.get(infra.kind), "part_of")
        for network in infra.networks:
            link(infra_id, network, "connected_to")
    for control_id, control in arch.security.items():
        for covered in control.covers:
            link(control_id, covered, "covers")
    for item_id, item in arch.roadmap.items():
        for element_id in item.touched:
            link(item_id, element_id, "plans")
    integrations: dict[str, Edge] = {}
    for integration_id, integration in arch.integrations.items():
        source, target = integration.source, integration.target
        if source == target or _infrastructure(platforms, kinds, source, target):
            continue  # SPLP, JIP or PDN as an end: no application to exchange data with
        link(source, target, "integrates")
        if source in kinds and target in kinds:
            integrations[integration_id] = Edge(
                integration_id, source, target, str(integration.via), integration.network,
                str(integration.status), tuple(integration.data),
                integration.direction is IntegrationDirection.source_to_target,
            )
    return ArchGraph(
        arch=arch,
        _kinds=kinds,
        _elements=elements_of,
        _by_kind={kind: tuple(sorted(ids)) for kind, ids in by_kind.items()},
        _out={r: _sorted(adjacency) for r, adjacency in out.items()},
        _in={r: _sorted(adjacency) for r, adjacency in back.items()},
        integrations=integrations,
    )


def _infrastructure(platforms: dict, kinds: dict[str, str], *ends: str) -> bool:
    """True when an end is a national gateway, network or data centre (validate reports it)."""
    return any(kinds.get(end, NATIONAL) == NATIONAL and end in platforms
               and platforms[end].kind.is_infrastructure for end in ends)


def load_graph(
    path: str | Path, *, progress: Callable[[int, int], None] | None = None,
    then: Callable[[ValidationResult], ValidationResult] | None = None,
) -> tuple[ValidationResult, ArchGraph]:
    """`load_model(path)` (and `then` on its result: the CLI checks the self-assessment
    against its framework) and the graph of what it read, built at once.

    The validation's checks across elements (references, waivers) only read the elements, so
    on a large model they run aside, on the second core, while the graph is built: the
    analyses that follow start ~0.15 s sooner on a national model.
    """
    reading = read_model(path, progress=progress)
    arch = reading.architecture
    checking = aside(_checked, reading, then, size=len(arch.sources))
    graph = build_graph(arch)
    return ValidationResult(arch, checking.result()), graph


def _checked(reading: ModelReading, then: Callable[[ValidationResult], ValidationResult] | None
             ) -> list[Finding]:
    """The findings of the reading's checks, and of `then`'s: a list, not the model, comes
    back from the second process."""
    result = ValidationResult(reading.architecture, reading.checked())
    return (then(result) if then else result).findings


def _sorted(adjacency: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {node: tuple(sorted(n)) if len(n) > 1 else tuple(n) for node, n in adjacency.items()}
