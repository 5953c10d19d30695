"""Data rules: data sets without a steward, open data not published to Satu Data."""

from collections.abc import Iterator

from ..graph import ArchGraph
from ..model import Classification
from ..model.rules import Hit
from ..model.rules import audit as rules
from .registry import check

__all__ = ["data_without_steward", "open_data_not_published"]


@check(rules.DATA_WITHOUT_STEWARD)
def data_without_steward(graph: ArchGraph) -> Iterator[Hit]:
    """Each data set with no steward."""
    for node in graph.nodes("data"):
        if graph.element(node).steward is None:
            yield Hit(node)


@check(rules.OPEN_DATA_NOT_PUBLISHED)
def open_data_not_published(graph: ArchGraph) -> Iterator[Hit]:
    """Each open data set not published on Satu Data."""
    for node in graph.nodes("data"):
        element = graph.element(node)
        if element.classification is Classification.terbuka and not element.published:
            yield Hit(node)
