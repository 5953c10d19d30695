"""Impact analysis: what stops, and what is degraded, when one element of the architecture fails.

Failure propagation (the element that fails is the *root*; every rule below is applied until
nothing more changes, using active applications and integration links only, see
`spbe_arch.audit.flows`):

1. A data centre or network that is a local part of a national platform (`platform: pdn`, a
   PDN tenant) stops when that platform is the root. A data centre stops when it is the root,
   or when all the networks it is connected to have stopped (a data centre with no network
   listed never stops because of a network). A network stops otherwise only when it is the
   root. The national `pdn` and `jip` behave as a data centre and a network.
2. An application stops when it is the root, when its hosting data centre stops, or when the
   national platform it is an instance of (`platform:`) is the root.
3. An integration link breaks when it is the root, when its source or target stops, when its
   network stops, or when the root is SPLP (the national gateway) and the link is `via: splp`.
4. An application that keeps running but reads a data set that reached it before the failure
   and no longer does (every link path from every running producer is broken) is *degraded*.
   Degradation does not spread further by itself; downstream readers are judged by rule 4 too.
   Along a link whose direction is unknown data may have gone either way (unknown, not safe).
   A data set that is the root degrades every application reading it. A national platform
   or the instansi's instance of one answers what it is asked (SIAK returns the population
   data SIMPUS looks up), whichever way the link to it is written: an application whose link
   to one breaks, carrying a data set the application reads and does not write
   (`ArchGraph.asked`), is degraded unless a running producer of the model still gets that
   data set to it.
5. A service stops when all its active realizing applications stop (or it is the root); it is
   degraded when some of them stop or any of them is degraded.
6. A business process stops when all its supporting services that were running stop (or it
   is the root); it is degraded when some of them stop or any of them is degraded (a
   pelayanan kesehatan goes on at the puskesmas while the RSUD's service is down).
7. A unit is affected when it owns something that stopped (an application, a service, a
   business process), the root included if it was running, or when every network it is
   connected to stopped (it is cut off).

Each element reported comes with the path that explains it, from the root to the element, e.g.
`('pdd-kab', 'simpus', 'layanan-puskesmas', 'proses-kesehatan')`; a path through a broken
integration names the integration id, e.g. `('splp', 'int-03', 'sikda')`. Where several
explanations exist the shortest one is kept (ties: the smallest ids).
"""

import difflib
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from ..graph import NATIONAL, ArchGraph
from ..io import SpbeError, national_platforms
from ..model import IntegrationVia, PlatformKind
from ..model.i18n import gettext as _
from ..model.types import DATA_CENTRE_KINDS
from .completeness import (
    data_unstated,
    integrations_recorded,
    known_facts,
    services_recorded,
)

__all__ = ["ImpactResult", "UnknownElementError", "impact"]

Path = tuple[str, ...]


class UnknownElementError(SpbeError):
    """The element asked about is neither in the model nor a national platform."""

    def __init__(self, element_id: str, matches: list[str]) -> None:
        self.element_id = element_id
        self.matches = matches
        if matches:
            message = _("unknown element '{id}'; did you mean: {matches}").format(
                id=element_id, matches=", ".join(matches))
        else:
            message = _("unknown element '{id}'").format(id=element_id)
        super().__init__(message)


@dataclass
class ImpactResult:
    """Everything that stops or degrades when `element` fails, each with its explaining path.

    Attributes
    ----------
    element
        The id of the failed element (the root; not repeated in the dicts below).
    kind
        Its kind: a collection name (`infrastructure`, `applications`, `integrations`, ...)
        or `national`.
    stopped
        Id -> path for data centres, applications, services and business processes that stop.
    degraded
        Id -> path for applications, services and business processes that keep running with
        missing data or missing parts.
    units_affected
        Unit id -> path (ending at the unit) for units owning something stopped.
    integrations_broken
        Integration id -> path for integration links that no longer carry data.
    kinds
        Id -> kind of every id listed above, so that renderers can group without the graph.

    Every dict is sorted by id. Paths start at `element`.
    """

    element: str
    kind: str
    stopped: dict[str, Path] = field(default_factory=dict)
    degraded: dict[str, Path] = field(default_factory=dict)
    units_affected: dict[str, Path] = field(default_factory=dict)
    integrations_broken: dict[str, Path] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    hosting_unknown: int = 0
    """Active local applications whose hosting the model does not give, when the element is a
    data centre (the national `pdn` included) or its failure stops one: the outage may stop
    them too (unknown, not safe)."""
    network_unknown: int = 0
    """Integration links not reported broken that do not state their `network`, when the
    element is a network (the national `jip` included): the outage may break them too."""
    via_unknown: int = 0
    """Integration links not reported broken that do not state their mechanism (`via:
    unknown`), when the element is SPLP: the outage may break them too."""
    integrations_unknown: bool = False
    """True when an application stops (the element or one its failure stops) and the model
    records no integration at all: which applications it leaves without data is unknown, not
    none."""
    services_unknown: bool = False
    """True when an application stops or an integration breaks and the model records no
    service at all: which services stop is unknown, not none."""
    processes_unknown: bool = False
    """True when an application stops or an integration breaks and the model records no
    business process at all: which processes stop is unknown, not none."""
    data_unstated: list[str] = field(default_factory=list)
    """Applications that stop and leave out the data they read and write (when integrations
    are recorded), sorted: which applications their failure leaves without data is unknown."""
    readers_unknown: list[str] = field(default_factory=list)
    """Running applications reading data that stopping applications write, whose
    integrations the model does not give (`integrations_known: false`), sorted: whether they
    got the data from those (and lose it now) is unknown, not no."""

    owned: list[str] = field(default_factory=list)
    """When the element is a unit: the active applications it owns, sorted; a security
    control: the elements it covers. Neither fails as a system does (nothing runs on it); what
    stops with those elements is theirs to tell."""

    @property
    def data_unknown(self) -> int:
        """How many applications `data_unstated` holds."""
        return len(self.data_unstated)

    def of_kind(self, kind: str, *, degraded: bool = False) -> list[str]:
        """Ids of one kind among the stopped (or degraded) elements, sorted."""
        source = self.degraded if degraded else self.stopped
        return [i for i in source if self.kinds.get(i) == kind]

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON object of `spbe-arch impact --format json`."""

        def entries(items: dict[str, Path]) -> list[dict[str, Any]]:
            return [{"id": i, "kind": self.kinds[i], "path": list(p)} for i, p in items.items()]

        return {
            "element": self.element,
            "kind": self.kind,
            "stopped": entries(self.stopped),
            "degraded": entries(self.degraded),
            "units_affected": entries(self.units_affected),
            "integrations_broken": entries(self.integrations_broken),
            "hosting_unknown": self.hosting_unknown,
            "network_unknown": self.network_unknown,
            "via_unknown": self.via_unknown,
            "integrations_unknown": self.integrations_unknown,
            "services_unknown": self.services_unknown,
            "processes_unknown": self.processes_unknown,
            "data_unknown": self.data_unknown,
            "data_unstated": self.data_unstated,
            "readers_unknown": self.readers_unknown,
            "owned": self.owned,
        }


def _meant(graph: ArchGraph, text: str, platforms: dict) -> list[str]:
    """The ids `text` may mean, best first: written in other case ('PDN'), the element's name,
    acronym or long name ('Pusat Data Nasional'), then ids spelled alike."""
    from ..io import name_forms, name_key

    known = [*graph.nodes(), *graph.integrations, *platforms]
    wanted = name_key(text)
    same = [i for i in known if i.casefold() == text.casefold()]
    named = [i for i in known if (name := platforms[i].name if i in platforms and i not in graph
                                  else graph.name(i) if i in graph else None)
             and wanted in name_key(name)  # a form is a part of the name: most names skip here
             and any(name_key(form.text) == wanted for form in name_forms(name))]
    close = difflib.get_close_matches(text, known, n=5, cutoff=0.6)
    return list(dict.fromkeys([*same, *named, *close]))[:5]


def _mark(root: str, target: dict[str, Path], node: str, path: Path) -> None:
    """Record `path` for `node` unless it is the root or a shorter path is known."""
    old = target.get(node)
    if node != root and (old is None or (len(path), path) < (len(old), old)):
        target[node] = path


def impact(
    graph: ArchGraph, element_id: str, *, propagate: bool = True
) -> ImpactResult:
    """What stops and what is degraded when `element_id` fails (rules in the module docstring).

    Parameters
    ----------
    graph
        The architecture graph from `spbe_arch.graph.build_graph`.
    element_id
        Any element id of the model, an integration id, or a national platform id (`splp`,
        `pdn`, `jip`, `sipd`, ...).
    propagate
        Follow broken integrations to the applications and services they degrade (rules 3
        and 4). Without it only what stops is computed, which is all a count of stopped
        services needs (rule 5 stops a service from stopped applications alone).

    Returns
    -------
    ImpactResult

    Raises
    ------
    UnknownElementError
        When `element_id` is none of these; its message lists close matches.

    Notes
    -----
    Work is proportional to the part of the graph that depends on the element, plus one
    breadth-first search over the integration links downstream of each broken link.
    """
    root = element_id
    platforms = {**graph.arch.platforms, **national_platforms()}
    if root in graph:
        root_kind = graph.kind(root) or ""
    elif root in graph.integrations:
        root_kind = "integrations"
    elif root in platforms:
        root_kind = NATIONAL
    else:
        raise UnknownElementError(root, _meant(graph, root, platforms))

    result = ImpactResult(element=root, kind=root_kind)
    paths: dict[str, Path] = {root: (root,)}
    down: set[str] = {root}

    # 1. local parts (tenants) of the failed platform, then data centres whose every network
    # stopped
    for tenant in graph.sources(root, "part_of"):
        if graph.kind(tenant) == "infrastructure":
            _mark(root, result.stopped, tenant, (root, tenant))
            paths[tenant] = result.stopped[tenant]
            down.add(tenant)
    for network in sorted(n for n in down if graph.network_kind(n) is not None):
        for dc in graph.sources(network, "connected_to"):
            if graph.kind(dc) != "infrastructure":
                continue
            if set(graph.targets(dc, "connected_to")) <= down:
                _mark(root, result.stopped, dc, (*paths[network], dc))
    for dc, path in list(result.stopped.items()):
        paths[dc] = path
        down.add(dc)

    # 2. applications on a stopped data centre, or instances of the failed national platform
    for host in sorted(down):
        for relation in ("hosted_on", "instance_of"):
            for app in graph.sources(host, relation):
                if graph.is_active(app):
                    _mark(root, result.stopped, app, (*paths[host], app))
    for node, path in result.stopped.items():
        paths[node] = path
        down.add(node)

    degraded_apps: dict[str, Path] = {}
    if propagate:
        _propagate(graph, root, root_kind, platforms, result, paths, down, degraded_apps)

    # 5. services
    service_candidates: set[str] = set()
    for app in (*down, *degraded_apps):
        service_candidates.update(graph.targets(app, "realizes"))
    for service in sorted(service_candidates):
        realizing = [
            a for a in graph.sources(service, "realizes") if graph.is_active(a) or a == root
        ]
        hit = [a for a in realizing if a in down]
        worse = [a for a in realizing if a in degraded_apps]
        if realizing and len(hit) == len(realizing):
            for app in hit:
                _mark(root, result.stopped, service, (*paths[app], service))
        else:
            for app in hit + worse:
                _mark(root, result.degraded, service, (*paths[app], service))
    service_stopped = [s for s in result.stopped if graph.kind(s) == "services"]
    if root_kind == "services":
        service_stopped.append(root)
    for service in service_stopped:
        paths[service] = result.stopped.get(service, (root,))
    service_degraded = [s for s in result.degraded if graph.kind(s) == "services"]
    for service in service_degraded:
        paths[service] = result.degraded[service]

    # 6. business processes
    stopped_services, degraded_services = set(service_stopped), set(service_degraded)
    hit_processes = {p for s in (*service_stopped, *service_degraded)
                     for p in graph.targets(s, "supports")}
    for process in sorted(hit_processes):
        supporting = [s for s in graph.sources(process, "supports")
                      if s in stopped_services or _running(graph, s)]
        stopped = [s for s in supporting if s in stopped_services]
        if stopped and len(stopped) == len(supporting):
            for service in stopped:
                _mark(root, result.stopped, process, (*paths[service], process))
        elif process != root:
            for service in (*stopped, *(s for s in supporting if s in degraded_services)):
                _mark(root, result.degraded, process, (*paths[service], process))

    # 7. units owning something stopped (the root included, if it was running), and units
    # cut off: every network they are connected to stopped
    running = root_kind != "applications" or graph.is_active(root)
    owned = [*([(root, (root,))] if running else []), *result.stopped.items()]
    for node, path in owned:
        if graph.kind(node) in ("applications", "services", "business_processes"):
            unit = graph.owner(node)
            if unit is not None:
                _mark(root, result.units_affected, unit, (*path, unit))
    for network in sorted(n for n in down if graph.network_kind(n) is not None):
        for unit in graph.sources(network, "connected_to"):
            if graph.kind(unit) == "units" and set(graph.targets(unit, "connected_to")) <= down:
                _mark(root, result.units_affected, unit, (*paths[network], unit))

    for name in ("stopped", "degraded", "units_affected", "integrations_broken"):
        setattr(result, name, dict(sorted(getattr(result, name).items())))
    for name in ("stopped", "degraded", "units_affected"):
        for node in getattr(result, name):
            result.kinds[node] = graph.kind(node) or ""
    for link in result.integrations_broken:
        result.kinds[link] = "integrations"
    if propagate:  # a full impact, reported
        _count_unknowns(graph, root, platforms, result)
    if root_kind == "units":
        result.owned = [a for a in graph.targets(root, "owns") if graph.is_active(a)]
    elif root_kind == "security":
        result.owned = sorted(graph.targets(root, "covers"))
    return result


def _running(graph: ArchGraph, service: str) -> bool:
    """True for a service that was running: an active application realizes it, or it names
    none (it is given without one)."""
    apps = graph.sources(service, "realizes")
    return not apps or any(graph.is_active(a) for a in apps)


def _count_unknowns(graph: ArchGraph, root: str, platforms: dict, result: ImpactResult) -> None:
    """What the failure may also reach through facts the model does not state: applications
    of unknown hosting when a data centre fails, links of unknown network when a network does,
    the readers of a stopped application's data when no integration is recorded, it leaves
    its data out or the readers' integrations are unknown, the services it realizes when the
    model records none.
    """
    stopped_apps = [*([root] if graph.is_active(root) else []), *result.of_kind("applications")]
    if stopped_apps or result.integrations_broken:  # services may stop for want of data too
        result.services_unknown = not services_recorded(graph)
        result.processes_unknown = not graph.nodes("business_processes")
    if stopped_apps:
        if not integrations_recorded(graph):
            result.integrations_unknown = True
        else:
            result.data_unstated = sorted(data_unstated(graph, stopped_apps))
            written = {d for app in stopped_apps for d in graph.targets(app, "writes")}
            result.readers_unknown = sorted({
                reader for d in written for reader in graph.consumers(d)
                if reader in graph.integrations_unknown and reader not in result.stopped
                and reader not in result.degraded and reader != root})
    stopped_infrastructure = result.of_kind("infrastructure")
    if any(_is_data_centre(graph, n, platforms) for n in (root, *stopped_infrastructure)):
        hosting = known_facts(graph)["applications.hosting"]
        result.hosting_unknown = hosting.of - hosting.known
    platform = platforms.get(root)
    if platform is not None and platform.kind is PlatformKind.gateway:
        result.via_unknown = sum(
            1 for link in graph.links if graph.integrations[link].via == IntegrationVia.unknown
            and link not in result.integrations_broken)
    if graph.network_kind(root) is not None or (
        platform is not None and platform.kind is PlatformKind.network
    ):
        result.network_unknown = sum(
            1
            for link in graph.links
            if graph.integrations[link].network is None
            and link not in result.integrations_broken
        )


def _is_data_centre(graph: ArchGraph, node: str, platforms: dict) -> bool:
    """True for a data centre of the model or a national one (`pdn`)."""
    if graph.kind(node) == "infrastructure":
        return graph.element(node).kind in DATA_CENTRE_KINDS  # type: ignore[union-attr]
    platform = platforms.get(node)
    return platform is not None and platform.kind is PlatformKind.data_centre


def _propagate(graph, root, root_kind, platforms, result, paths, down, degraded_apps) -> None:
    """Rules 3 and 4: integration links that break, the readers they leave without data, and
    the applications whose users log in through one that stops."""

    # 3. broken integration links
    broken = result.integrations_broken
    candidates: set[str] = set()
    for node in down:  # the root, and what stops with it: a network tenant of a platform
        candidates.update(graph.links_by_network.get(node, ()))
        candidates.update(link for _, link in graph.links_out(node))
        candidates.update(link for _, link in graph.links_in(node))
    platform = platforms.get(root) if root_kind == NATIONAL else None
    gateway = platform is not None and platform.kind is PlatformKind.gateway
    if gateway:
        candidates.update(graph.links_via_splp)
    for link in candidates:
        edge = graph.integrations[link]
        for cause in (edge.source, edge.target, edge.network):
            if cause in down:
                _mark(root, broken, link, (*paths[cause], link))
        if gateway and link in graph.links_via_splp:
            _mark(root, broken, link, (root, link))
    link_paths = dict(broken)
    if root_kind == "integrations":
        link_paths[root] = (root,)
    broken_ids = set(link_paths)

    # 4. degraded readers
    after: dict[str, frozenset[str]] = {}  # a running producer -> where its data still goes
    if root_kind == "data":
        writers = set(graph.producers(root))
        for reader in graph.consumers(root):
            if reader not in writers and reader not in down:
                _mark(root, degraded_apps, reader, (root, reader))
    if broken_ids:
        seeds = set()
        for link in broken_ids:  # data may leave a link of unknown direction at either end
            edge = graph.integrations[link]
            seeds.update((edge.target,) if edge.one_way else (edge.source, edge.target))
        downstream = graph.reachable(sorted(seeds))
        for consumer in sorted(downstream):
            if consumer in down or not graph.is_active(consumer):
                continue
            if _lost_data(graph, consumer, down, broken_ids, after):
                cause, onward = _first_broken_upstream(graph, consumer, broken_ids)
                _mark(root, degraded_apps, consumer, (*link_paths[cause], *onward))
    for link in sorted(broken_ids):  # 4b. what a national platform answers
        edge = graph.integrations[link]
        for app in (edge.source, edge.target):
            if app in down or not graph.is_active(app) or app in degraded_apps:
                continue
            if any(not _still_reaches(graph, d, app, down, broken_ids, after)
                   for d in graph.asked(app, link)):
                _mark(root, degraded_apps, app, (*link_paths[link], app))
    if root_kind == "integrations" and graph.integrations[root].via == "shared_login":
        edge = graph.integrations[root]  # the login itself: its users cannot log in
        if graph.is_active(edge.target):
            _mark(root, degraded_apps, edge.target, (root, edge.target))
    for node in sorted(down):  # the applications one logs in to through a stopped one
        for app, login in graph.logins.get(node, ()):
            if app not in down and app != root:
                _mark(root, degraded_apps, app, (*paths[node], login, app))
    result.degraded.update(degraded_apps)
    paths.update(degraded_apps)


def _lost_data(
    graph: ArchGraph,
    consumer: str,
    down: set[str],
    broken: set[str],
    after: dict[str, frozenset[str]],
) -> bool:
    """True when a data set the consumer received before the failure no longer reaches it."""
    writes = set(graph.targets(consumer, "writes"))
    for data_id in graph.targets(consumer, "reads"):
        if data_id in writes:
            continue
        producers = graph.producers(data_id)
        if not any(consumer in graph.reach(p) for p in producers):
            continue  # never reached it: an existing gap, not caused by this failure
        if not _still_reaches(graph, data_id, consumer, down, broken, after):
            return True
    return False


def _still_reaches(graph: ArchGraph, data_id: str, consumer: str, down: set[str],
                   broken: set[str], after: dict[str, frozenset[str]]) -> bool:
    """True when a running producer of the data set still gets it to the consumer (`after`
    remembers where each producer's data goes with the failure)."""
    for producer in graph.producers(data_id):
        if producer in down:
            continue
        if producer not in after:
            after[producer] = graph.reachable([producer], blocked_nodes=down,
                                              blocked_links=broken)
        if consumer in after[producer]:
            return True
    return False


def _first_broken_upstream(graph: ArchGraph, consumer: str, broken: set[str]
                           ) -> tuple[str, Path]:
    """The nearest broken link upstream of `consumer` (breadth-first, smallest ids first),
    and the way on from it: the link's end, the links and applications between (a
    middleware), the consumer."""
    toward: dict[str, tuple[str, str]] = {}  # node -> (its link, the node it leads to)
    queue = deque([consumer])
    while queue:
        node = queue.popleft()
        for source, link in graph.links_in(node):
            if link in broken:
                onward = [node]
                while onward[-1] != consumer:
                    onward += toward[onward[-1]]
                return link, tuple(onward)
            if source != consumer and source not in toward:
                toward[source] = (link, node)
                queue.append(source)
    raise AssertionError(f"no broken link upstream of {consumer}")
