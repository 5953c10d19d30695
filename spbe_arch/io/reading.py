"""Parse a large model's files on two cores: each file is parsed aside, and validated here
while the next ones are parsed.

Reading a national model is half parsing (yaml-rs) and half validation (pydantic), one file
after the other. A child forked before the model is read parses the files in order and hands
each one's data over in `marshal` form as soon as it is parsed (`aside_each`), which this
process turns into objects in a quarter of the time parsing takes (the parsed data is plain:
text, numbers, lists and mappings, as the files are parsed without dates); the child parses
faster than this process validates, so this process does not wait. What the child could not
pack is parsed here again.
"""

import marshal
from collections.abc import Iterator
from pathlib import Path

from .aside import aside_each, works_aside
from .files import ParsedFile, parse_file, relative_name

__all__ = ["ASIDE_FROM", "parse_files"]

ASIDE_FROM = 2_000_000
"""Bytes of model files from which the files are parsed aside (a national model has 15 MB):
below it, forking and carrying the data over cost about what they save."""


def parse_files(files: list[Path], root: Path) -> Iterator[ParsedFile]:
    """Each of `files` parsed (`parse_file`), in order; on a large model they are parsed
    aside while the caller validates the ones before."""
    if not _worth_it(files):
        for file in files:
            yield parse_file(file, root)
        return
    for file, packed in zip(files, aside_each(_packed, files, root), strict=True):
        yield parse_file(file, root) if packed is None else _unpacked(file, root, packed)


def _worth_it(files: list[Path]) -> bool:
    """True when the files are many and large enough, and a second process can parse them."""
    return len(files) > 1 and works_aside() and sum(map(_size, files)) >= ASIDE_FROM


def _size(file: Path) -> int:
    """The file's bytes; 0 for one that cannot be read (`parse_file` reports it)."""
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _packed(files: list[Path], root: Path) -> Iterator[bytes | None]:
    """Each file parsed and packed with `marshal`; None for one whose data would not pack."""
    for file in files:
        parsed = parse_file(file, root)
        try:
            yield marshal.dumps(
                (parsed.data, parsed.error, parsed.line, parsed.column, parsed.hint)
            )
        except ValueError:  # a type marshal does not know: parsed again by the caller
            yield None


def _unpacked(file: Path, root: Path, packed: bytes) -> ParsedFile:
    data, error, line, column, hint = marshal.loads(packed)
    return ParsedFile(file, relative_name(file, root), data, error, line, column, hint)
