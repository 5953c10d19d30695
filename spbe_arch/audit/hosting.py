"""Hosting rules: applications outside PDN or a pusat data daerah, or with no hosting."""

from collections.abc import Iterator

from ..graph import ArchGraph
from ..model import InfrastructureKind
from ..model.i18n import gettext as _
from ..model.rules import Hit
from ..model.rules import audit as rules
from .registry import check

__all__ = [
    "application_hosted_on_cloud_or_vendor",
    "application_hosted_on_premise",
    "applications_hosted_on",
]


def applications_hosted_on(
    graph: ArchGraph, kinds: set[InfrastructureKind]
) -> Iterator[tuple[str, str, InfrastructureKind]]:
    """(application, data centre, its kind) of active applications hosted on those kinds."""
    for app in graph.active_applications:
        host = graph.hosting(app)
        if host is not None and graph.kind(host) == "infrastructure":
            kind = graph.element(host).kind
            if kind in kinds:
                yield app, host, kind


@check(rules.APPLICATION_HOSTED_OUTSIDE_GOVERNMENT_DATA_CENTRE)
def application_hosted_on_premise(graph: ArchGraph) -> Iterator[Hit]:
    """Each active application in a unit's server room."""
    centres = _government_centres(graph)
    for app, host, _kind in applications_hosted_on(graph, {InfrastructureKind.on_premise}):
        yield Hit(app, related=(host,), values={"host": host, **centres})


@check(rules.APPLICATION_HOSTED_ON_CLOUD_OR_VENDOR)
def application_hosted_on_cloud_or_vendor(graph: ArchGraph) -> Iterator[Hit]:
    """Each active application at a cloud provider or a vendor."""
    kinds = {InfrastructureKind.cloud, InfrastructureKind.vendor}
    centres = _government_centres(graph)
    for app, host, kind in applications_hosted_on(graph, kinds):
        yield Hit(app, related=(host,), values={"host": host, "kind": kind.value, **centres})


def _government_centres(graph: ArchGraph) -> dict[str, str]:
    """Where the instansi's applications belong, in words (`outside` them, moved `to` them): a
    pemda has a pusat data daerah, a kementerian or lembaga has PDN."""
    instansi = graph.arch.instansi
    if instansi is not None and instansi.level.central:
        return {"outside": "PDN", "to": "PDN"}
    return {"outside": _("PDN and the pusat data daerah"), "to": _("the pusat data daerah or PDN")}

