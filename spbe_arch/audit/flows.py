"""Integration view of the graph and data-flow reachability, shared by rules, metrics and impact.

An *integration link* is an integration edge of the graph that carries data today: status
`active`, mechanism (`via`) other than `manual` or `shared_login` (a person re-typing data and a
single sign-on are not integration), an active source application and an active target
application or national platform. Data flows along a link from its source to its target.

A *data flow* is a pair (consumer application, data set) where an active application reads a
data set that other active applications write (or produce) and it does not write itself. The
flow is *integrated* when at least one producer reaches the consumer by a directed path of
links, possibly through intermediate applications (SPLP is the mechanism of a link, not a node).
National platforms cannot be intermediate: an integration's source is always a local
application, so national platforms are sinks of the integration graph. An integration's `data`
list does not restrict which data sets a path carries: models often leave it incomplete, and
a working link between two systems is what the data needs.
"""

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..graph import EDGES_BY_KIND, NATIONAL, NODES_BY_KIND
from ..model import PlatformKind, Status
from ..model.types import NETWORK_KINDS, IntegrationVia

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "NOT_INTEGRATION",
    "DataFlow",
    "Edge",
    "IntegrationView",
    "crosses_boundary",
    "data_flows",
    "flow_gaps",
    "integration_view",
    "reachable",
]

NOT_INTEGRATION = frozenset({IntegrationVia.manual, IntegrationVia.shared_login})
"""Mechanisms that are recorded as integrations but move no data between systems."""

_CACHE_KEY = "spbe_arch.audit"


@dataclass(frozen=True, slots=True)
class Edge:
    """One integration edge of the graph."""

    id: str
    source: str
    target: str
    via: str
    network: str | None
    status: str
    data: tuple[str, ...]


@dataclass
class IntegrationView:
    """Indexes over the graph that the audit needs, computed once per graph.

    Attributes
    ----------
    active_apps, active_ids
        Applications with status `active`: as a set, and as a tuple sorted by id.
    edges
        Every integration edge by integration id (any status and mechanism).
    links
        Ids of the integration links (see the module docstring), sorted.
    succ, pred
        Link adjacency: node -> [(neighbour, integration id)], sorted.
    writers, readers
        Data set -> active applications writing / reading it, sorted.
    by_network
        Network id -> ids of the links that use it.
    via_splp
        Ids of the links whose mechanism is `splp`.
    kinds, elements
        Node -> kind (collection name or `national`) and node -> element.
    by_kind
        Kind -> node ids of that kind, sorted.
    out_rel, in_rel
        Edge kind (other than `integrates`) -> node -> neighbours along / against that kind of
        edge, sorted; read them with `targets` and `sources`.
    """

    graph: Any
    active_apps: frozenset[str]
    active_ids: tuple[str, ...]
    edges: dict[str, Edge]
    links: tuple[str, ...]
    succ: dict[str, list[tuple[str, str]]]
    pred: dict[str, list[tuple[str, str]]]
    writers: dict[str, tuple[str, ...]]
    readers: dict[str, tuple[str, ...]]
    by_network: dict[str, tuple[str, ...]]
    via_splp: frozenset[str]
    kinds: dict[str, str]
    elements: dict[str, Any]
    by_kind: dict[str, tuple[str, ...]]
    out_rel: dict[str, dict[str, list[str]]]
    in_rel: dict[str, dict[str, list[str]]]
    _reach: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _flows: "list[DataFlow] | None" = field(default=None, repr=False)

    def kind(self, node: str) -> str | None:
        """The node's kind: a collection name or `national`."""
        return self.kinds.get(node)

    def element(self, node: str) -> Any:
        """The model element (or national platform) of a node."""
        return self.elements.get(node)

    def nodes(self, kind: str) -> tuple[str, ...]:
        """Ids of the nodes of one kind, sorted."""
        return self.by_kind.get(kind, ())

    def targets(self, node: str, relation: str) -> list[str]:
        """Nodes that `node` points to by edges of kind `relation`, sorted."""
        return self.out_rel.get(relation, {}).get(node, [])

    def sources(self, node: str, relation: str) -> list[str]:
        """Nodes that point to `node` by edges of kind `relation`, sorted."""
        return self.in_rel.get(relation, {}).get(node, [])

    def owner(self, node: str) -> str | None:
        """The unit owning an element (application, service, process), if any."""
        owners = self.sources(node, "owns")
        return owners[0] if owners else None

    def network_kind(self, node: str | None) -> str | None:
        """`jip`, `internet`, `intranet` or `vpn` for a network id; a national network is JIP."""
        if node is None:
            return None
        element = self.element(node)
        if self.kind(node) == "infrastructure" and element.kind in NETWORK_KINDS:
            return str(element.kind)
        if self.kind(node) == NATIONAL and element.kind is PlatformKind.network:
            return "jip"
        return None

    def reach(self, producer: str) -> frozenset[str]:
        """Nodes reachable from `producer` along links (itself included), cached."""
        found = self._reach.get(producer)
        if found is None:
            found = reachable(self.succ, [producer])
            self._reach[producer] = found
        return found


def integration_view(graph: "nx.MultiDiGraph") -> IntegrationView:
    """The integration view of `graph`, built on first use and kept in `graph.graph`.

    The graph is treated as read-only once built: analyses never mutate it.
    """
    cached = graph.graph.get(_CACHE_KEY)
    if cached is not None:
        return cached
    kinds: dict[str, str] = {}
    for kind, ids in graph.graph[NODES_BY_KIND].items():
        kinds.update(dict.fromkeys(ids, kind))
    elements: dict[str, Any] = dict(graph.nodes(data="element"))
    by_kind = {kind: tuple(sorted(ids)) for kind, ids in graph.graph[NODES_BY_KIND].items()}
    active_ids = tuple(
        node for node in by_kind.get("applications", ()) if elements[node].status is Status.active
    )
    active_apps = frozenset(active_ids)
    edges: dict[str, Edge] = {}
    out_rel, in_rel = {}, {}
    for kind, triples in graph.graph[EDGES_BY_KIND].items():
        if kind != "integrates":
            out_rel[kind], in_rel[kind] = _adjacency(triples)
            continue
        for source, target, data in triples:
            edges[data["id"]] = Edge(
                data["id"], source, target, str(data["via"]), data.get("network"),
                str(data["status"]), tuple(data.get("data", ())),
            )
    writers: dict[str, set[str]] = defaultdict(set)
    readers: dict[str, set[str]] = defaultdict(set)
    for relation, index in (("writes", writers), ("reads", readers)):
        for app, data_id, _ in graph.graph[EDGES_BY_KIND][relation]:
            if app in active_apps:
                index[data_id].add(app)
    succ: dict[str, list[tuple[str, str]]] = defaultdict(list)
    pred: dict[str, list[tuple[str, str]]] = defaultdict(list)
    links = []
    by_network: dict[str, list[str]] = defaultdict(list)
    for edge_id in sorted(edges):
        edge = edges[edge_id]
        if _is_link(edge, active_apps, kinds):
            links.append(edge_id)
            if edge.network is not None:
                by_network[edge.network].append(edge_id)
            succ[edge.source].append((edge.target, edge_id))
            pred[edge.target].append((edge.source, edge_id))
    for adjacency in (succ, pred):
        for neighbours in adjacency.values():
            neighbours.sort()
    view = IntegrationView(
        graph=graph,
        active_apps=active_apps,
        active_ids=active_ids,
        edges=edges,
        links=tuple(links),
        succ=dict(succ),
        pred=dict(pred),
        writers={d: tuple(sorted(a)) for d, a in writers.items()},
        readers={d: tuple(sorted(a)) for d, a in readers.items()},
        by_network={n: tuple(ids) for n, ids in by_network.items()},
        via_splp=frozenset(i for i in links if edges[i].via == IntegrationVia.splp),
        kinds=kinds,
        elements=elements,
        by_kind=by_kind,
        out_rel=out_rel,
        in_rel=in_rel,
    )
    graph.graph[_CACHE_KEY] = view
    return view


def _adjacency(edges: list[tuple[str, str, Any]]) -> tuple[dict[str, list], dict[str, list]]:
    """Forward and backward neighbour lists, sorted, of one kind of edge."""
    forward: dict[str, list[str]] = defaultdict(list)
    backward: dict[str, list[str]] = defaultdict(list)
    for source, target, _ in edges:
        forward[source].append(target)
        backward[target].append(source)
    for adjacency in (forward, backward):
        for neighbours in adjacency.values():
            if len(neighbours) > 1:
                neighbours.sort()
    return dict(forward), dict(backward)


def _is_link(edge: Edge, active_apps: frozenset[str], kinds: dict[str, str]) -> bool:
    return (
        edge.status == Status.active
        and edge.via not in NOT_INTEGRATION
        and edge.source in active_apps
        and (edge.target in active_apps or kinds.get(edge.target) == NATIONAL)
    )


def reachable(
    succ: dict[str, list[tuple[str, str]]],
    sources: Iterable[str],
    *,
    blocked_nodes: frozenset[str] | set[str] = frozenset(),
    blocked_links: frozenset[str] | set[str] = frozenset(),
) -> frozenset[str]:
    """Nodes reachable from `sources` along `succ`, avoiding blocked nodes and links.

    Breadth-first search, O(V + E) of the part of the graph reached.

    Examples
    --------
    >>> succ = {"a": [("b", "i1")], "b": [("c", "i2")]}
    >>> sorted(reachable(succ, ["a"]))
    ['a', 'b', 'c']
    >>> sorted(reachable(succ, ["a"], blocked_links={"i2"}))
    ['a', 'b']
    """
    seen = {s for s in sources if s not in blocked_nodes}
    queue = deque(seen)
    while queue:
        node = queue.popleft()
        for neighbour, link in succ.get(node, ()):
            if neighbour not in seen and neighbour not in blocked_nodes and (
                link not in blocked_links
            ):
                seen.add(neighbour)
                queue.append(neighbour)
    return frozenset(seen)


@dataclass(frozen=True, slots=True)
class DataFlow:
    """A consumer application reading a data set produced by other applications.

    `integrated` is True when a link path leads from at least one producer to the consumer.
    """

    consumer: str
    data: str
    producers: tuple[str, ...]
    integrated: bool


def data_flows(graph: "nx.MultiDiGraph") -> list[DataFlow]:
    """Every data flow of the model, sorted by consumer then data set; computed once per graph.

    Reachability is one breadth-first search per producer, cached, over the link subgraph only
    (never all pairs): O(P * (V_l + E_l)) in the worst case for P producers, near-linear in
    practice because integration graphs are local.
    """
    view = integration_view(graph)
    if view._flows is not None:
        return view._flows
    flows = []
    for data_id in sorted(view.readers):
        producers = view.writers.get(data_id, ())
        if not producers:
            continue
        for consumer in view.readers[data_id]:
            if consumer in producers:
                continue
            integrated = any(consumer in view.reach(p) for p in producers)
            flows.append(DataFlow(consumer, data_id, producers, integrated))
    flows.sort(key=lambda f: (f.consumer, f.data))
    view._flows = flows
    return flows


def flow_gaps(graph: "nx.MultiDiGraph") -> list[DataFlow]:
    """The data flows that are not integrated."""
    return [flow for flow in data_flows(graph) if not flow.integrated]


def crosses_boundary(graph: "nx.MultiDiGraph", source: str, target: str) -> bool:
    """True when an integration goes to a national platform or between different owner units."""
    view = integration_view(graph)
    if view.kind(target) == NATIONAL:
        return True
    return view.owner(source) != view.owner(target)
