"""Diagram files: the format a file name asks for, and the drawing written there."""

from dataclasses import dataclass
from pathlib import Path

from ..io import SpbeError
from ..io.write import refuse_overwrite, write_atomic
from ..model.i18n import gettext as _
from .engine import Engine, find_engine, render

__all__ = ["Drawing", "file_format", "write_drawing"]


@dataclass(frozen=True)
class Drawing:
    """A diagram written to `path`; `engine` laid it out (None for DOT, written as is)."""

    path: Path
    engine: Engine | None


def file_format(path: Path, *, force: bool = False) -> str:
    """The format `path`'s suffix asks for (svg, png or dot), checked before any work is done.

    Raises
    ------
    SpbeError
        An unknown suffix, or the file exists and `force` is not set.
    """
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png", "dot"):
        raise SpbeError(_("{path}: unknown suffix '{suffix}'; use .svg, .png or .dot").format(
            path=path, suffix=path.suffix))
    refuse_overwrite([path], force=force)
    return fmt


def write_drawing(source: str, path: Path, *, force: bool = False) -> Drawing:
    """Write DOT `source` to `path` as is (.dot) or laid out by the engine found (.svg, .png).

    Raises
    ------
    SpbeError
        As `file_format`, or the engine is missing or fails, or the file cannot be written.
    """
    fmt = file_format(path, force=force)
    if fmt == "dot":
        write_atomic(path, source, force=force)
        return Drawing(path, None)
    engine = find_engine()
    write_atomic(path, render(source, fmt, engine=engine), force=force)
    return Drawing(path, engine)
