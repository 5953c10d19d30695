"""Orphans: units that own nothing, data nothing reads or writes."""

from collections.abc import Iterator

from ..graph import ArchGraph
from ..model.rules import Hit
from ..model.rules import audit as rules
from .registry import check

__all__ = ["unit_owning_nothing", "unused_data"]


@check(rules.UNIT_OWNING_NOTHING, whole_model=True)
def unit_owning_nothing(graph: ArchGraph) -> Iterator[Hit]:
    """Each unit with nothing owned and no sub-unit."""
    for node in graph.nodes("units"):
        if not graph.targets(node, "owns") and not graph.sources(node, "part_of"):
            yield Hit(node)


@check(rules.UNUSED_DATA, whole_model=True)
def unused_data(graph: ArchGraph) -> Iterator[Hit]:
    """Each data set no application reads or writes."""
    for node in graph.nodes("data"):
        if not graph.sources(node, "reads") and not graph.sources(node, "writes"):
            yield Hit(node)
