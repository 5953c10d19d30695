"""Fill in line and column of findings, reading only the files that have findings."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..io import element_lines, key_position
from ..model import Architecture, Finding, Location
from ..model.rules.validation import SYNTAX_ERROR
from .config import apply_overrides
from .waivers import unmatched_waivers, waive

__all__ = ["finalize", "locate"]


def locate(findings: list[Finding], arch: Architecture) -> list[Finding]:
    """Findings with file:line:column filled in, sorted by position.

    A finding with a key path is placed on that key (a position-keeping re-read of its file);
    one that names only an element is placed on the element's `id:` line (a text scan); one
    about the whole model (no element, no place) on the first line of its manifest, so that
    every finding has a place (code scanning rejects a SARIF result without one).
    """
    root = Path(arch.root)
    by_file: dict[str, list[tuple[int, Location]]] = defaultdict(list)
    out = list(findings)
    for index, item in enumerate(out):
        location = item.location
        if location is None and item.element in arch.sources:
            location = Location(arch.sources[item.element].file)
        elif location is None and item.element is None and arch.files:
            out[index] = replace(item, location=Location(arch.files[0], 1, 1))
        if location is not None and location.line == 0:
            by_file[location.file].append((index, location))
    for file, pending in by_file.items():
        path = root / file
        wanted = {out[index].element or "" for index, where in pending if not where.key_path}
        ids = element_lines(path, wanted) if wanted and path.is_file() else {}
        for index, where in pending:
            if where.key_path:
                line, column = key_position(path, where.key_path)
            else:
                line, column = ids.get(out[index].element or "", (1, 1))
            located = Location(file, line, column, where.key_path)
            out[index] = replace(out[index], location=located)
    return sorted(out, key=lambda f: f.sort_key)


def finalize(
    findings: Iterable[Finding],
    arch: Architecture,
    *,
    finished: Iterable[Finding] = (),
    checked: Iterable[str] = (),
    today: date | None = None,
) -> list[Finding]:
    """The one way every command finishes its findings: the severity overrides of spbe.yaml
    applied, the waivers in force applied (`Finding.waived`), each located
    (file:line:column), all sorted; `finished` findings (validation's, already through here)
    are merged in unchanged.

    `checked` are the codes whose rules produced `findings` (all of their findings are in
    `findings` or `finished`): a waiver in force of one of them that matches no finding is
    reported (`unmatched-waiver`). `today` decides which waivers are in force (default: today).
    """
    today = today or date.today()
    finished = list(finished)
    new = waive(apply_overrides(findings, arch), arch, today=today)
    new += apply_overrides(unmatched_waivers(arch, [*finished, *new], checked, today=today), arch)
    located = locate(new, arch)
    return sorted([*finished, *located], key=_order)


def _order(item: Finding) -> tuple:
    """Syntax errors first (a file that cannot be read explains much of what follows), then
    by place."""
    return (item.code != SYNTAX_ERROR.code, *item.sort_key)
