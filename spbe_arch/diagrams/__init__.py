"""Architecture diagrams drawn from the one graph: one module per view, one visual style.

Views: `landscape` (units and their applications), `integration` (SPLP as the hub), `layered`
(process -> service -> application -> data -> infrastructure) and `impact` (what a failure
reaches). Each returns a `graphviz.Digraph` whose DOT source is byte-stable for a given model;
`render` turns it into SVG or PNG with the system `dot` or `graphviz-pure`.

Names are loaded on first use (PEP 562), so that importing the engine lookup stays cheap.
"""

import importlib
from typing import Any

__all__ = [
    "FORMATS",
    "VIEWS",
    "Drawing",
    "Engine",
    "diagram",
    "file_format",
    "find_engine",
    "impact_view",
    "integration_view",
    "landscape_view",
    "layered_view",
    "missing_dependencies",
    "render",
    "write_drawing",
]

_WHERE = {
    "Drawing": "files",
    "file_format": "files",
    "write_drawing": "files",
    "FORMATS": "engine",
    "Engine": "engine",
    "find_engine": "engine",
    "render": "engine",
    "VIEWS": "views",
    "diagram": "views",
    "impact_view": "impact",
    "integration_view": "integration",
    "missing_dependencies": "integration",
    "landscape_view": "landscape",
    "layered_view": "layered",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
