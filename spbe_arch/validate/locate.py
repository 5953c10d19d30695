"""Fill in line and column of findings, reading only the files that have findings."""

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from ..io import element_lines, key_position
from ..model import Architecture, Finding, Location

__all__ = ["locate"]


def locate(findings: list[Finding], arch: Architecture) -> list[Finding]:
    """Findings with file:line:column filled in, sorted by position.

    A finding with a key path is placed on that key (a position-keeping re-read of its file);
    one that names only an element is placed on the element's `id:` line (a text scan).
    """
    root = Path(arch.root)
    by_file: dict[str, list[int]] = defaultdict(list)
    out = list(findings)
    for index, item in enumerate(out):
        location = item.location
        if location is None and item.element in arch.sources:
            location = Location(arch.sources[item.element].file)
            out[index] = replace(item, location=location)
        if location is not None and location.line == 0:
            by_file[location.file].append(index)
    for file, indexes in by_file.items():
        path = root / file
        ids: dict[str, tuple[int, int]] | None = None
        for index in indexes:
            item = out[index]
            location = item.location
            assert location is not None
            if location.key_path:
                line, column = key_position(path, location.key_path)
            else:
                if ids is None:
                    ids = element_lines(path) if path.is_file() else {}
                line, column = ids.get(item.element or "", (1, 1))
            located = Location(location.file, line, column, location.key_path)
            out[index] = replace(item, location=located)
    return sorted(out, key=lambda f: f.sort_key)
