"""Turning DOT into SVG or PNG with the system `dot`, or the pip-installed `graphviz-pure`.

Imports nothing of the package at module level, so that `spbe-arch diagram --help` can name
the engine without loading the model types."""

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FORMATS", "Engine", "find_engine", "render"]

FORMATS = ("dot", "svg", "png")
"""Output formats by file suffix; `dot` needs no engine."""

_TIMEOUT = 600


@dataclass(frozen=True, slots=True)
class Engine:
    """A Graphviz layout program: its name (`dot` or `graphviz-pure`) and path."""

    name: str
    path: str


def find_engine() -> Engine | None:
    """The engine that draws: the system `dot` when on PATH, else `graphviz-pure`.

    `graphviz-pure` (pip package of the same name) is looked up next to the running Python
    first (the virtual environment's bin folder), then on PATH.

    Examples
    --------
    >>> find_engine() is None or find_engine().name in ("dot", "graphviz-pure")
    True
    """
    system = shutil.which("dot")
    if system:
        return Engine("dot", system)
    folder = Path(sys.executable).parent
    for candidate in (folder / "graphviz-pure", folder / "graphviz-pure.exe"):
        if candidate.is_file():
            return Engine("graphviz-pure", str(candidate))
    found = shutil.which("graphviz-pure")
    return Engine("graphviz-pure", found) if found else None


def render(source: str, fmt: str, *, engine: Engine | None = None) -> bytes:
    """Lay out DOT `source` and return the drawing in `fmt` (`svg` or `png`).

    Raises
    ------
    SpbeError
        When no engine is installed, or the engine fails (its message is included).
    """
    from ..io import SpbeError
    from ..model.i18n import gettext as _

    if fmt not in ("svg", "png"):
        raise SpbeError(_("cannot render format '{format}'; use one of: svg, png, dot").format(
            format=fmt))
    engine = engine or find_engine()
    if engine is None:
        raise SpbeError(_(
            "no Graphviz engine found: install Graphviz (the `dot` program) or "
            "`pip install graphviz-pure`, or write a .dot file"
        ))
    try:
        done = subprocess.run(
            [engine.path, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SpbeError(_("{program} could not run: {reason}").format(
            program=engine.name, reason=exc)) from exc
    if done.returncode != 0 or not done.stdout:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else _("no output")
        raise SpbeError(_("{program} failed (exit {code}): {reason}").format(
            program=engine.name, code=done.returncode, reason=reason))
    return done.stdout
