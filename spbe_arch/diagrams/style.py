"""The one visual vocabulary of every diagram: colours, shapes, line styles and the legend.

Every view asks this module how to draw an element or a relation, so that a colour means the
same thing on every diagram, and every diagram carries a legend (a table node drawn in the
diagram itself, so it survives export to SVG or PNG). Labels are ASCII-safe where this module
writes them (PNG renderers may lack glyphs); element names are shown as written.
"""

import textwrap
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..graph import NATIONAL
from ..io import national_platforms
from ..model import PlatformKind
from ..model.types import DATA_CENTRE_KINDS, InfrastructureKind, IntegrationVia, Status

if TYPE_CHECKING:
    import graphviz

    from ..graph import ArchGraph

__all__ = [
    "EDGE_STYLES",
    "FONT",
    "NODE_STYLES",
    "SPLP",
    "EdgeStyle",
    "NodeStyle",
    "add_legend",
    "edge_attrs",
    "element_attrs",
    "glossed",
    "integration_category",
    "label",
    "network_class",
    "new_digraph",
    "node_attrs",
    "node_style_key",
]

FONT = "Helvetica"
SPLP = "splp"
"""Id of the national API gateway (Sistem Penghubung Layanan Pemerintah) in the catalog."""

NATIONAL_CLUSTER = {"style": "rounded,filled", "fillcolor": "#fff7ed", "color": "#fdba74"}
"""How the box grouping national platforms is drawn, on every view that has one."""

_INK = "#1f2937"
_NOTE_WIDTH = 64
"""Characters per line of a legend's notes, at most."""
_MUTED = "#64748b"


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How one kind of element is drawn, and its legend text (Indonesian, English)."""

    shape: str
    fill: str
    border: str
    legend_id: str
    legend_en: str
    style: str = "filled"
    font: str = _INK
    penwidth: str = "1.2"
    peripheries: str = "1"


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """How one kind of relation is drawn, and its legend text (Indonesian, English)."""

    color: str
    legend_id: str
    legend_en: str
    style: str = "solid"
    penwidth: str = "1.2"
    arrowhead: str = "normal"


NODE_STYLES: dict[str, NodeStyle] = {
    "units": NodeStyle("folder", "#f8fafc", "#475569", "Unit kerja", "unit"),
    "business_processes": NodeStyle(
        "cds", "#fef3c7", "#b45309", "Proses bisnis", "business process"
    ),
    "services": NodeStyle(
        "box", "#fde68a", "#b45309", "Layanan SPBE", "service", style="rounded,filled"
    ),
    "applications": NodeStyle(
        "box", "#dbeafe", "#1d4ed8", "Aplikasi khusus", "application", style="rounded,filled"
    ),
    "applications_umum": NodeStyle(
        "component", "#e0f2fe", "#0369a1", "Aplikasi umum", "shared national application"
    ),
    "applications_planned": NodeStyle(
        "box",
        "#f1f5f9",
        "#1d4ed8",
        "Aplikasi direncanakan",
        "planned or in development",
        style="rounded,filled,dashed",
    ),
    "applications_retired": NodeStyle(
        "box",
        "#e5e7eb",
        "#9ca3af",
        "Aplikasi dihentikan",
        "retired",
        style="rounded,filled",
        font="#6b7280",
    ),
    "data": NodeStyle("note", "#ede9fe", "#6d28d9", "Data dan informasi", "data set"),
    "datacentre": NodeStyle("box3d", "#dcfce7", "#15803d", "Pusat data", "data centre"),
    "network": NodeStyle("ellipse", "#ccfbf1", "#0f766e", "Jaringan", "network"),
    "national": NodeStyle(
        "hexagon", "#ffedd5", "#c2410c", "Platform nasional", "national platform"
    ),
    "splp": NodeStyle(
        "hexagon",
        "#fed7aa",
        "#9a3412",
        "SPLP (penghubung layanan)",
        "government API gateway",
        penwidth="2",
        peripheries="2",
    ),
    "security": NodeStyle("octagon", "#fee2e2", "#991b1b", "Kontrol keamanan", "security"),
    "failed": NodeStyle(
        "octagon", "#dc2626", "#7f1d1d", "Elemen gagal", "failed element", font="#ffffff",
        penwidth="2",
    ),
    "stopped": NodeStyle(
        "box", "#fecaca", "#b91c1c", "Berhenti", "stops", style="rounded,filled"
    ),
    "degraded": NodeStyle(
        "box", "#fef9c3", "#a16207", "Terganggu", "degraded", style="rounded,filled,dashed"
    ),
    "broken_link": NodeStyle(
        "parallelogram", "#fff1f2", "#b91c1c", "Integrasi terputus", "broken integration",
        style="filled,dashed", font="#7f1d1d",
    ),
    "more": NodeStyle(
        "box", "#ffffff", "#94a3b8", "Aplikasi lain (diringkas)", "collapsed",
        style="rounded,dashed", font=_MUTED,
    ),
}
"""Node style per style key; see `node_style_key`."""

EDGE_STYLES: dict[str, EdgeStyle] = {
    "splp": EdgeStyle("#16a34a", "Integrasi melalui SPLP", "through SPLP", penwidth="2"),
    "direct": EdgeStyle(
        "#d97706", "Integrasi langsung (tanpa SPLP)", "direct, without SPLP", penwidth="1.5"
    ),
    "weak": EdgeStyle(
        "#6b7280", "Bukan integrasi (manual, login bersama)", "manual / shared login",
        style="dotted", penwidth="1.5",
    ),
    "unknown": EdgeStyle(
        "#64748b", "Integrasi, mekanismenya belum tercatat", "integration, mechanism not recorded",
        penwidth="1.5",
    ),
    "missing": EdgeStyle(
        "#dc2626", "Ketergantungan data tanpa integrasi", "data dependency, no integration",
        style="dashed", penwidth="1.5",
    ),
    "instance_of": EdgeStyle(
        "#c2410c", "Instalasi platform nasional", "instance of", style="dotted", arrowhead="empty"
    ),
    "realizes": EdgeStyle("#475569", "Mewujudkan / mendukung", "realizes / supports"),
    "writes": EdgeStyle("#6d28d9", "Menghasilkan data", "writes data"),
    "reads": EdgeStyle("#8b5cf6", "Membaca data", "reads data", style="dashed"),
    "hosted_on": EdgeStyle("#15803d", "Ditempatkan di", "hosted on", arrowhead="onormal"),
    "impact": EdgeStyle("#b91c1c", "Alur dampak: berhenti", "failure stops it", penwidth="1.6"),
    "impact_degraded": EdgeStyle(
        "#d97706", "Alur dampak: terganggu", "failure degrades it", style="dashed", penwidth="1.4"
    ),
}
"""Edge style per relation or integration category."""

_DIRECT = {IntegrationVia.api_direct, IntegrationVia.database_link, IntegrationVia.file_transfer}


def label(text: str, *, width: int = 22) -> str:
    """A DOT label: the text wrapped at `width` characters, backslashes escaped.

    Examples
    --------
    >>> label("Dinas Komunikasi dan Informatika")
    'Dinas Komunikasi dan\\\\nInformatika'
    """
    lines = textwrap.wrap(text, width=width, break_long_words=False) or [text]
    return "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines)


def integration_category(via: str) -> str:
    """Edge style key of an integration mechanism: `splp`, `direct`, `weak` (not integration)
    or `unknown` (not recorded).

    Examples
    --------
    >>> integration_category("splp"), integration_category("api_direct")
    ('splp', 'direct')
    """
    if via == IntegrationVia.splp:
        return "splp"
    if via == IntegrationVia.unknown:
        return "unknown"
    return "direct" if via in _DIRECT else "weak"


def network_class(graph: "ArchGraph", network: str | None) -> str | None:
    """`JIP`, `internet`, `intranet`, `VPN` for a network id (local or national), else None."""
    if network is None:
        return None
    if network not in graph:  # a national network no unit or data centre is connected to
        platform = national_platforms().get(network)
        return "JIP" if platform is not None and platform.kind == PlatformKind.network else None
    if graph.kind(network) == NATIONAL:
        return "JIP" if network == "jip" else graph.name(network)
    kind = getattr(graph.element(network), "kind", None)
    if kind == InfrastructureKind.jip:
        return "JIP"
    if kind == InfrastructureKind.vpn:
        return "VPN"
    return str(kind) if kind is not None else None


def node_style_key(graph: "ArchGraph", node_id: str) -> str:
    """The `NODE_STYLES` key for a graph node, from its kind, status and application kind."""
    kind = graph.kind(node_id)
    element = graph.element(node_id)
    if kind == NATIONAL:
        return "splp" if node_id == SPLP else "national"
    if kind == "applications":
        status = getattr(element, "status", Status.active)
        if status == Status.retired:
            return "applications_retired"
        if status in (Status.planned, Status.development):
            return "applications_planned"
        return "applications_umum" if getattr(element, "platform", None) else "applications"
    if kind == "infrastructure":
        infra_kind = getattr(element, "kind", None)
        return "datacentre" if infra_kind in DATA_CENTRE_KINDS else "network"
    return kind if kind in NODE_STYLES else "applications"


def node_attrs(style_key: str, text: str, *, tooltip: str | None = None, **extra: str) -> dict:
    """DOT attributes for a node drawn with `NODE_STYLES[style_key]` and the label `text`."""
    style = NODE_STYLES[style_key]
    attrs = {
        "label": label(text),
        "shape": style.shape,
        "style": style.style,
        "fillcolor": style.fill,
        "color": style.border,
        "fontcolor": style.font,
        "penwidth": style.penwidth,
    }
    if style.peripheries != "1":
        attrs["peripheries"] = style.peripheries
    if style.shape == "cds":  # the arrow tip eats into the label
        attrs["margin"] = "0.28,0.08"
    if tooltip:
        attrs["tooltip"] = tooltip
    attrs.update(extra)
    return attrs


def edge_attrs(style_key: str, **extra: str) -> dict:
    """DOT attributes for an edge drawn with `EDGE_STYLES[style_key]`."""
    style = EDGE_STYLES[style_key]
    attrs = {"color": style.color, "penwidth": style.penwidth}
    if style.style != "solid":
        attrs["style"] = style.style
    if style.arrowhead != "normal":
        attrs["arrowhead"] = style.arrowhead
    attrs.update(extra)
    return attrs


@contextmanager
def subgraph(dot: "graphviz.Digraph", name: str | None = None) -> Iterator["graphviz.Digraph"]:
    """A subgraph (a cluster when `name` starts with `cluster`), added to `dot` after the block.

    Used instead of `dot.subgraph(name=...)` as a context manager, which copies the parent's
    whole body to make each subgraph (graphviz 0.20): quadratic in a diagram with thousands of
    units or rows (a national integration map took 17 s instead of 8).
    """
    import graphviz

    box = graphviz.Digraph(name=name)
    yield box
    dot.subgraph(box)


def new_digraph(name: str, title: str, *, rankdir: str = "TB") -> "graphviz.Digraph":
    """An empty diagram with the shared fonts, title and spacing."""
    import graphviz

    dot = graphviz.Digraph(name=name)
    dot.attr(
        "graph",
        label=label(title, width=90),
        labelloc="t",
        labeljust="l",
        fontname=FONT,
        fontsize="18",
        fontcolor=_INK,
        rankdir=rankdir,
        nodesep="0.3",
        ranksep="0.55",
        bgcolor="white",
        pad="0.3",
    )
    dot.attr("node", fontname=FONT, fontsize="10", margin="0.12,0.06")
    dot.attr("edge", fontname=FONT, fontsize="9", fontcolor=_MUTED, arrowsize="0.7")
    return dot


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _swatch(style: NodeStyle) -> str:
    dashed = ' STYLE="dashed"' if "dashed" in style.style else ""
    rounded = ' STYLE="rounded"' if "rounded" in style.style and not dashed else dashed
    return (
        f'<TD BGCOLOR="{style.fill}" COLOR="{style.border}" BORDER="1"{rounded} '
        'WIDTH="30" HEIGHT="14" FIXEDSIZE="TRUE"></TD>'
    )


def _line(style: EdgeStyle) -> str:
    if style.style == "solid":
        width = max(2, round(float(style.penwidth) * 1.5))
        cells = f'<TD BGCOLOR="{style.color}" WIDTH="30" HEIGHT="{width}" FIXEDSIZE="TRUE"></TD>'
        spacing = "0"
    else:
        dash = 6 if style.style == "dashed" else 2
        count = 4 if style.style == "dashed" else 7
        cells = "".join(
            f'<TD BGCOLOR="{style.color}" WIDTH="{dash}" HEIGHT="2" FIXEDSIZE="TRUE"></TD>'
            for _ in range(count)
        )
        spacing = "2"
    return (
        f'<TD><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{spacing}" CELLPADDING="0">'
        f"<TR>{cells}</TR></TABLE></TD>"
    )


def glossed(text_id: str, text_en: str, glosses: bool) -> str:
    """A label in Indonesian, followed by its English gloss in parentheses when `glosses`.

    Examples
    --------
    >>> glossed("Platform nasional", "national platforms", True)
    'Platform nasional (national platforms)'
    >>> glossed("Platform nasional", "national platforms", False)
    'Platform nasional'
    >>> glossed("manual", "manual", True)
    'manual'
    """
    return f"{text_id} ({text_en})" if glosses and text_en != text_id else text_id


def _row(left: str, legend_id: str, legend_en: str | None) -> str:
    gloss = f' <FONT COLOR="{_MUTED}"><I>{_html(legend_en)}</I></FONT>' if legend_en else ""
    return f'<TR>{left}<TD ALIGN="LEFT">{_html(legend_id)}{gloss}</TD></TR>'


def add_legend(
    dot: "graphviz.Digraph",
    node_keys: Iterable[str],
    edge_keys: Iterable[str],
    *,
    notes: Iterable[str] = (),
    after: str | None = None,
    glosses: bool = True,
) -> None:
    """Add the legend (a table node) listing the given node and edge styles, in that order.

    `notes` are extra lines (e.g. "12 applications without integration not drawn"); `after`
    is a node the legend is placed below (or right of, left to right), so it does not
    stretch the first row. Without `glosses` the legend is in Indonesian only (a report in
    Indonesian), else each entry carries its English gloss.
    """
    nodes = [NODE_STYLES[k] for k in dict.fromkeys(node_keys)]
    edges = [EDGE_STYLES[k] for k in dict.fromkeys(edge_keys)]
    rows = [_row(_swatch(s), s.legend_id, s.legend_en if glosses else None) for s in nodes]
    rows += [_row(_line(s), s.legend_id, s.legend_en if glosses else None) for s in edges]
    # Graphviz spreads a cell's slack over the columns of the table inside it, which would
    # part swatches from their words: the notes wrap at about the width of the rows
    words = [s.legend_id + (f" {s.legend_en}" if glosses else "") for s in [*nodes, *edges]]
    width = min(_NOTE_WIDTH, max(32, max(map(len, words), default=0) + 6))
    items = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">'
        f'{"".join(rows)}</TABLE>'
    )
    gloss = f' <FONT COLOR="{_MUTED}"><I>Legend</I></FONT>' if glosses else ""
    lines = [f'<TR><TD ALIGN="LEFT"><B>Legenda</B>{gloss}</TD></TR>']
    if rows:
        lines.append(f'<TR><TD ALIGN="LEFT">{items}</TD></TR>')
    notes = list(notes)
    if not rows and not notes:
        notes = [glossed("Tidak ada elemen untuk digambar", "nothing to draw", glosses)]
    for note in notes:
        wrapped = '<BR ALIGN="LEFT"/>'.join(
            _html(part) for part in textwrap.wrap(note, width=width, break_long_words=False)
        )
        lines.append(
            f'<TR><TD ALIGN="LEFT"><FONT COLOR="{_MUTED}">{wrapped}<BR ALIGN="LEFT"/>'
            "</FONT></TD></TR>"
        )
    table = (
        '<TABLE BORDER="1" COLOR="#cbd5e1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" '
        f'BGCOLOR="#ffffff">{"".join(lines)}</TABLE>'
    )
    with subgraph(dot, "cluster_legend") as legend:
        legend.attr(label="", style="invis")
        legend.node("legend", label=f"<{table}>", shape="plaintext", fontsize="9")
    if after is not None:
        dot.edge(after, "legend", style="invis")


def element_attrs(graph: "ArchGraph", node_id: str, **extra: str) -> dict[str, Any]:
    """Node attributes for a graph node in its own style, labelled with its name."""
    name = graph.name(node_id)
    return node_attrs(node_style_key(graph, node_id), name, tooltip=f"{name} ({node_id})", **extra)
