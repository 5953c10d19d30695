"""Write or check the generated JSON Schema files (`schemas/`)."""

import json
from pathlib import Path

from ..model.schema import SCHEMA_FILES
from .write import write_atomic

__all__ = ["render_schemas", "write_schemas"]


def render_schemas() -> dict[str, str]:
    """File name -> the text the generated schema file must have."""
    return {name: json.dumps(make(), indent=2) + "\n" for name, make in SCHEMA_FILES.items()}


def write_schemas(folder: Path, *, check: bool = False) -> list[str]:
    """Write the schema files that differ from the generated text; return their names.

    With `check`, write nothing and only return the names of stale or missing files.
    """
    stale = []
    for name, text in render_schemas().items():
        path = folder / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            stale.append(name)
            if not check:
                write_atomic(path, text, force=True)
    return stale
