"""What a service's structure shows: the highest capability level its applications support.

A service's `level:` is a claim; the structure of the model caps it. The structure shows

1. *informasi* — always: the service is described;
2. *interaksi* — an active application realizes the service;
3. *transaksi* — an active realizing application writes data (it records the transaction);
4. *kolaborasi* — also every data set the service's active applications read from another
   application reaches them through an integration (no `unintegrated-data-flow` of the
   audit), and one of them is integrated through SPLP with an application of another unit
   or a national platform (another instansi);
5. *optimum* — never: continuous improvement needs a document or the evaluator's verified
   level.

Every fact here is one of the graph's queries (`spbe_arch.graph.ArchGraph`: integration links,
data flows), the audit's too, so a service the audit reports as unintegrated never shows
*kolaborasi*. Unknown is not absent: where an application leaves out the data it reads and
writes, the structure shows no more than what is stated, and the next level asks for the data
to be recorded, not to be written (`spbe_arch.audit.data_unstated`, the fact the audit counts).
"""

from dataclasses import dataclass

from ..audit import data_unstated
from ..graph import ArchGraph, per_graph
from ..model import Architecture, Service
from ..model.framework import Framework
from ..model.i18n import gettext as _
from ..model.rules import listed

__all__ = [
    "STRUCTURE_TOP", "ServiceStructure", "fits", "fix_unread_first", "service_structures",
    "unread_applications",
]

STRUCTURE_TOP = 4
"""The highest service level a structure can show (kolaborasi)."""

_SHOWN = 12


@dataclass(frozen=True)
class ServiceStructure:
    """The level one service's structure shows, why, and what would earn the next one.

    `missing` holds the model changes that the next level (`level + 1`, up to kolaborasi)
    needs; it is empty at kolaborasi. `to_record` are those of them that record a fact the
    model leaves out (unknown, not absent): when they are all of `missing`, the next level
    may be there already and only the model does not say (`unknown`).
    """

    service: str
    level: int
    reason: str
    missing: tuple[str, ...] = ()
    to_record: tuple[str, ...] = ()

    @property
    def unknown(self) -> bool:
        """True when only facts the model leaves out keep the next level from showing."""
        return bool(self.missing) and set(self.missing) <= set(self.to_record)


@per_graph
def service_structures(graph: ArchGraph) -> dict[str, ServiceStructure]:
    """Service id -> what its structure shows, for every service of the graph.

    Examples
    --------
    >>> from spbe_arch.graph import build_graph
    >>> from spbe_arch.model import Architecture, Service
    >>> arch = Architecture(root=".")
    >>> arch.services["svc"] = Service(id="svc", name="Layanan", kind="public", owner="x")
    >>> service_structures(build_graph(arch))["svc"].level
    1
    """
    gaps: dict[str, list[str]] = {}
    for flow in graph.flow_gaps:
        gaps.setdefault(flow.consumer, []).append(
            _("'{data}' from {producer}").format(data=flow.data, producer=flow.producers[0]))
    return {
        service: _structure(graph, service,
                            [a for a in graph.sources(service, "realizes") if graph.is_active(a)],
                            gaps)
        for service in graph.nodes("services")
    }


def unread_applications(arch: Architecture, service: str) -> list[str]:
    """The applications the service names that are written in a file that could not be read:
    what they do is not known."""
    element = arch.services.get(service)
    return [a for a in element.applications if a in arch.unread] if element else []


def fix_unread_first(arch: Architecture, unread: list[str]) -> str:
    """The one step to advise while `unread` elements cannot be read: fix their file."""
    return _("fix the syntax error of {file} first").format(file=arch.unread[unread[0]].file)


def _structure(graph: ArchGraph, service: str, apps: list[str],
               gaps: dict[str, list[str]]) -> ServiceStructure:
    named = unread_applications(graph.arch, service)
    if named:  # what they show is not known: no advice but to make the file readable
        fix = (fix_unread_first(graph.arch, named),)
        return ServiceStructure(
            service, 1, _("its applications are in a file that could not be read: {apps}"
                          ).format(apps=listed(named, _SHOWN)), fix, fix)
    if not apps:
        return ServiceStructure(
            service, 1, _("no active application realizes it"),
            (_("realize service '{service}' with an active application").format(
                service=service),))
    names = listed(apps, _SHOWN)
    writers = [a for a in apps if graph.targets(a, "writes")]
    unstated = data_unstated(graph, apps)
    record = _("record the data {apps} read and write (`reads:`, `writes:`)").format(
        apps=listed(unstated, _SHOWN))
    if not writers and unstated:
        return ServiceStructure(
            service, 2, _("the data its applications read and write is not recorded: {apps}"
                          ).format(apps=listed(unstated, _SHOWN)), (record,), (record,))
    if not writers:
        return ServiceStructure(
            service, 2, _("its applications ({apps}) write no data").format(apps=names),
            (_("let {apps} record the service's transactions (`writes:` its data)").format(
                apps=names),))
    missing = [record] if unstated else []
    unread = sorted({gap for app in apps for gap in gaps.get(app, ())})
    if unread:
        missing.append(_("integrate the data {apps} read: {gaps}").format(
            apps=names, gaps=listed(unread, _SHOWN)))
    links = {link for app in apps for _node, link in (*graph.links_out(app),
                                                       *graph.links_in(app))}
    outward = sorted(link for link in links if graph.crosses_boundary(
        graph.integrations[link].source, graph.integrations[link].target))
    through_splp = [link for link in outward if link in graph.links_via_splp]
    if not through_splp:
        bypass = [link for link in outward if link not in graph.links_via_splp
                  and graph.integrations[link].via != "unknown"]  # unknown: not a bypass
        missing.append(_("route the integrations of {apps} through SPLP: {ids}").format(
            apps=names, ids=listed(bypass, _SHOWN)) if bypass else
            _("connect {apps} to other units or instansi through SPLP").format(apps=names))
    if missing:
        why = "; ".join(
            part for part in (
                _("{count} data read without integration").format(count=len(unread))
                if unread else "",
                _("data read and written not recorded: {apps}").format(
                    apps=listed(unstated, _SHOWN)) if unstated else "",
                _("no integration with another unit or instansi through SPLP")
                if not through_splp else "",
            ) if part)
        return ServiceStructure(service, 3, _("transaksi: {why}").format(why=why),
                                tuple(missing), (record,) if unstated else ())
    return ServiceStructure(
        service, STRUCTURE_TOP,
        _("data integrated; through SPLP with other units or instansi: {ids}").format(
            ids=listed(through_splp, _SHOWN)))


def fits(framework: Framework, service: Service) -> bool:
    """True when the indicator a service names rates services of its kind (or of any kind):
    only then does the service's level count for it (`service_indicators` reports the
    others)."""
    wanted = framework.service_kind(service.indicator or "")
    return wanted is None or service.kind is wanted
