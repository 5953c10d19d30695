"""The whole model: the manifest plus every collection, and where each element came from."""

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .elements import (
    Application,
    ArchimateElement,
    ArchimateRelationship,
    AssessmentEntry,
    BusinessProcess,
    DataSet,
    Element,
    Evaluation,
    Infrastructure,
    Instansi,
    Integration,
    RoadmapItem,
    SecurityControl,
    Service,
    Unit,
    Waiver,
)
from .finding import Location
from .platform import NationalPlatform

__all__ = ["COLLECTIONS", "Architecture", "Source"]

COLLECTIONS: dict[str, type[Element]] = {
    "units": Unit,
    "business_processes": BusinessProcess,
    "services": Service,
    "data": DataSet,
    "applications": Application,
    "infrastructure": Infrastructure,
    "security": SecurityControl,
    "integrations": Integration,
    "roadmap": RoadmapItem,
    "archimate_elements": ArchimateElement,
    "archimate_relationships": ArchimateRelationship,
}
"""Collection key -> element type. Every model file may hold any of these."""


class Source(NamedTuple):
    """Where an element was written: file (relative to the model folder) and list position.

    A named tuple: a national model makes 100,000 of them, and a tuple is made in 0.3 µs where
    a frozen dataclass takes 0.75."""

    file: str
    collection: str
    index: int


@dataclass
class Architecture:
    """A loaded model. Elements are keyed by their model-wide unique id."""

    root: str
    instansi: Instansi | None = None
    collections: dict[str, dict[str, Element]] = field(
        default_factory=lambda: {name: {} for name in COLLECTIONS}
    )
    assessment: list[AssessmentEntry] = field(default_factory=list)
    assessment_sources: list[Source] = field(default_factory=list)
    """Where each entry of `assessment` was written, in the same order."""
    evaluations: list[Evaluation] = field(default_factory=list)
    evaluation_sources: list[Source] = field(default_factory=list)
    """Where each evaluation was written, in the same order."""
    waivers: list[Waiver] = field(default_factory=list)
    waiver_sources: list[Source] = field(default_factory=list)
    """Where each waiver was written, in the same order."""
    platforms: dict[str, NationalPlatform] = field(default_factory=dict)
    """The model's own national platforms (`platforms:`), by id: referred to like the
    catalog's, never elements of the model (not in `collections` or `sources`)."""
    platform_sources: dict[str, Source] = field(default_factory=dict)
    """Where each of the model's own platforms was written."""
    sources: dict[str, Source] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    unread: dict[str, Location] = field(default_factory=dict)
    """Ids written in files that could not be parsed -> where their syntax error is: elements
    that exist, and of which nothing is known."""

    @property
    def units(self) -> dict[str, Unit]:
        return self.collections["units"]  # type: ignore[return-value]

    @property
    def business_processes(self) -> dict[str, BusinessProcess]:
        return self.collections["business_processes"]  # type: ignore[return-value]

    @property
    def services(self) -> dict[str, Service]:
        return self.collections["services"]  # type: ignore[return-value]

    @property
    def data(self) -> dict[str, DataSet]:
        return self.collections["data"]  # type: ignore[return-value]

    @property
    def applications(self) -> dict[str, Application]:
        return self.collections["applications"]  # type: ignore[return-value]

    @property
    def infrastructure(self) -> dict[str, Infrastructure]:
        return self.collections["infrastructure"]  # type: ignore[return-value]

    @property
    def security(self) -> dict[str, SecurityControl]:
        return self.collections["security"]  # type: ignore[return-value]

    @property
    def integrations(self) -> dict[str, Integration]:
        return self.collections["integrations"]  # type: ignore[return-value]

    @property
    def roadmap(self) -> dict[str, RoadmapItem]:
        return self.collections["roadmap"]  # type: ignore[return-value]

    def element(self, element_id: str) -> Element | None:
        """The element with this id, whatever its collection."""
        source = self.sources.get(element_id)
        if source is None:
            return None
        return self.collections[source.collection].get(element_id)

    def kind_of(self, element_id: str) -> str | None:
        """The collection an id belongs to, or None."""
        source = self.sources.get(element_id)
        return source.collection if source else None

    def integrations_unknown(self) -> frozenset[str]:
        """The applications whose integrations the model marks unknown (`integrations_known:
        false`): neither isolated nor an end of a data flow without integration."""
        return frozenset(a for a, app in self.applications.items() if not app.integrations_known)

    def counts(self) -> dict[str, int]:
        """Number of elements per collection."""
        return {name: len(items) for name, items in self.collections.items()}

    def name_of(self, element_id: str) -> str:
        element: Any = self.element(element_id)
        return element.name if element is not None and element.name else element_id
