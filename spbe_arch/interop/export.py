"""One entry point for every export format, so that the command line calls one function."""

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Architecture

__all__ = ["ExportFormat", "export_model"]


class ExportFormat(StrEnum):
    """The formats `spbe-arch export` writes."""

    archimate = "archimate"
    graphml = "graphml"
    json = "json"


def export_model(arch: "Architecture", fmt: ExportFormat | str) -> bytes:
    """The model in `fmt`: an ArchiMate 3.1 exchange file, or its graph as GraphML or JSON.

    Raises ValueError for a format not in ExportFormat.
    """
    fmt = ExportFormat(fmt)
    if fmt is ExportFormat.archimate:
        from .archimate_export import export_archimate

        return export_archimate(arch)
    from .graph_export import graph_json, graphml, model_graph

    graph = model_graph(arch)
    return graphml(graph) if fmt is ExportFormat.graphml else graph_json(graph)
