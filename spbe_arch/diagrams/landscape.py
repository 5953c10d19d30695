"""Landscape view: each unit (OPD) as a box of its applications, national platforms apart."""

import itertools
import math
from typing import TYPE_CHECKING

from ..graph import NATIONAL, ArchGraph
from ..model.types import Status
from .style import (
    NATIONAL_CLUSTER,
    add_legend,
    element_attrs,
    glossed,
    label,
    new_digraph,
    node_attrs,
    node_style_key,
    subgraph,
)

if TYPE_CHECKING:
    import graphviz

__all__ = ["landscape_view"]

_NO_UNIT = "~no-unit"


def landscape_view(
    graph: ArchGraph,
    *,
    title: str = "Lanskap aplikasi",
    columns: int = 3,
    max_apps: int = 12,
    glosses: bool = True,
) -> "graphviz.Digraph":
    """Draw the application landscape: units as clusters, national platforms in their own box.

    Parameters
    ----------
    graph : ArchGraph
        The architecture graph (`spbe_arch.graph.build_graph`).
    title : str
        Diagram title.
    columns : int
        Applications per row inside a unit box.
    max_apps : int
        A unit with more applications shows the first `max_apps - 1` (by name) and one
        "+N more" box, so that a 300-application model stays readable.
    glosses : bool
        Labels in Indonesian with English glosses (the default), or in Indonesian only.

    Returns
    -------
    graphviz.Digraph
        Units are sorted by name, applications by name; units without applications are listed
        in a note of the legend. Aplikasi umum point to the national platform they instantiate.
    """
    apps_by_unit: dict[str, list[str]] = {}
    for node in graph.nodes("applications"):
        owners = graph.sources(node, "owns")
        owner = owners[0] if owners else _NO_UNIT
        apps_by_unit.setdefault(owner, []).append(node)
    units = sorted(apps_by_unit, key=lambda u: (_name(graph, u).casefold(), u))
    empty = sorted(_name(graph, n) for n in graph.nodes("units") if n not in apps_by_unit)

    dot = new_digraph("landscape", title)
    dot.attr("graph", newrank="true", ranksep="0.35")
    drawn: set[str] = set()
    boxes: list[list[str]] = []
    collapsed = False
    for index, unit in enumerate(units):
        apps = sorted(apps_by_unit[unit], key=lambda a: (_name(graph, a).casefold(), a))
        shown = apps if len(apps) <= max_apps else apps[: max_apps - 1]
        with subgraph(dot, f"cluster_unit_{index:04d}") as box:
            box.attr(
                label=label(f"{_name(graph, unit)} ({len(apps)})", width=36),
                style="rounded,filled",
                fillcolor="#f8fafc",
                color="#94a3b8",
                fontsize="12",
                fontcolor="#1f2937",
                tooltip=unit if unit != _NO_UNIT else "",
            )
            cells = list(shown)
            for app in shown:
                box.node(app, **element_attrs(graph, app))
                drawn.add(app)
            if len(shown) < len(apps):
                more = f"~more-{unit}"
                hidden = len(apps) - len(shown)
                box.node(more, **node_attrs("more", f"+{hidden} aplikasi lainnya"))
                cells.append(more)
                collapsed = True
            _grid(box, cells, columns)
        boxes.append(cells)

    reached = {  # a platform an application integrates with (today) is used too
        graph.integrations[link].target for app in drawn for link in graph.integrations_of(app)
        if graph.integrations[link].status == Status.active}
    nationals = sorted(
        {
            v
            for u, v in graph.relations("instance_of")
            if u in drawn and graph.kind(v) == NATIONAL
        } | {node for node in reached if graph.kind(node) == NATIONAL},
        key=lambda n: (_name(graph, n).casefold(), n),
    )
    if nationals:
        with subgraph(dot, "cluster_national") as box:
            box.attr(
                label=glossed("Platform nasional yang dipakai", "national platforms in use",
                              glosses),
                fontsize="12",
                **NATIONAL_CLUSTER,
            )
            for node in nationals:
                box.node(node, **element_attrs(graph, node))
            _grid(box, nationals, _width(nationals, nationals, columns))
        boxes.append(nationals)

    # Unit boxes in rows of `per_row`, the national box last. The top cells of one row share
    # a rank; each box reaches the next row with a free (weight 0) edge as long as the box is
    # tall, so boxes are top-aligned and the next row starts below the tallest box.
    per_row = max(1, math.ceil(math.sqrt(len(units) * 1.2)))
    rows = [boxes[i : min(i + per_row, len(units))] for i in range(0, len(units), per_row)]
    if nationals:
        rows.append([nationals])
    for row in rows:
        with subgraph(dot) as same:
            same.attr(rank="same")
            for cells in row:
                for cell in cells[: _width(cells, nationals, columns)]:
                    same.node(cell)
    for row, below in itertools.pairwise(rows):
        for cells in row:
            height = math.ceil(len(cells) / _width(cells, nationals, columns))
            dot.edge(cells[0], below[0][0], style="invis", weight="0", minlen=str(height))

    node_keys = sorted({node_style_key(graph, n) for n in drawn}, key=_ORDER.index)
    if nationals:
        node_keys.append("national")
    if collapsed:
        node_keys.append("more")
    notes = []
    if empty:
        shown_names = ", ".join(empty[:8]) + (f", +{len(empty) - 8}" if len(empty) > 8 else "")
        notes.append(f"Unit tanpa aplikasi: {shown_names}")
    if nationals:
        notes.insert(0, "Aplikasi umum: instalasi platform nasional di kotak oranye")
    add_legend(dot, node_keys, [], notes=notes, after=boxes[-1][-1] if boxes else None,
               glosses=glosses)
    return dot


def _width(cells: list[str], nationals: list[str], columns: int) -> int:
    """Cells per row of a box: the national platforms' box is twice as wide."""
    return columns * 2 if cells is nationals else columns


def _grid(box: "graphviz.Digraph", cells: list[str], columns: int) -> None:
    """Lay `cells` out `columns` per row inside a cluster (invisible edges between rows).

    Every cell above the last row gets an edge to the row below it, so that no cell of a
    short last row leaves its neighbour free to drift vertically.
    """
    last = len(cells) - ((len(cells) - 1) % columns + 1)
    for i in range(last):
        below = i + columns if i + columns < len(cells) else len(cells) - 1
        box.edge(cells[i], cells[below], style="invis")


_ORDER = ["applications", "applications_umum", "applications_planned", "applications_retired"]


def _name(graph: ArchGraph, node: str) -> str:
    return "Tanpa unit pemilik" if node == _NO_UNIT else graph.name(node)
