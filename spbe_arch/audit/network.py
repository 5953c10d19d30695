"""Network rules: units not connected to JIP."""

from collections.abc import Iterator

from ..graph import ArchGraph
from ..model.rules import Hit
from ..model.rules import audit as rules
from .integration import quoted
from .registry import check

__all__ = ["on_jip", "unit_outside_jip"]


def on_jip(graph: ArchGraph, node: str) -> bool:
    """True when a unit or data centre is connected to a JIP network."""
    return any(graph.network_kind(n) == "jip" for n in graph.targets(node, "connected_to"))


@check(rules.UNIT_OUTSIDE_JIP)
def unit_outside_jip(graph: ArchGraph) -> Iterator[Hit]:
    """Each unit that states its networks and has no JIP network among them."""
    for node in graph.nodes("units"):
        if on_jip(graph, node) or not graph.element(node).states("networks"):
            continue
        networks = graph.targets(node, "connected_to")
        yield Hit(
            node,
            related=networks,
            values={"networks": quoted(networks)},
            variant="other" if networks else "none",
        )
