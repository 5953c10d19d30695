"""Parse a large model's files on two cores: the later files aside, while the first ones are
parsed and validated here.

Reading a national model is half parsing (yaml-rs) and half validation (pydantic), one file
after the other. A child forked before the model is read parses the later files and sends
their data back in `marshal` form, which this process turns into objects in a third of the
time parsing takes (the parsed data is plain: text, numbers, lists and mappings, as the files
are parsed without dates). What the child could not pack is parsed here again.
"""

import marshal
from collections.abc import Iterator
from pathlib import Path

from .aside import aside, works_aside
from .files import ParsedFile, parse_file, relative_name

__all__ = ["ASIDE_FROM", "parse_files"]

ASIDE_FROM = 2_000_000
"""Bytes of model files from which the later files are parsed aside (a national model has 15
MB): below it, forking and carrying the data back cost about what they save."""

_SHARE_HERE = 0.4
"""The share of the bytes parsed here: parsing and validating it here takes about as long as
parsing the rest there, so that the rest is ready when this process reaches it."""


def parse_files(files: list[Path], root: Path) -> Iterator[ParsedFile]:
    """Each of `files` parsed (`parse_file`), in order; on a large model the later files are
    parsed aside while the caller validates the first ones."""
    split = _split(files)
    later = aside(_packed, files[split:], root) if split < len(files) else None
    for file in files[:split]:
        yield parse_file(file, root)
    if later is not None:
        for file, packed in zip(files[split:], later.result(), strict=True):
            yield parse_file(file, root) if packed is None else _unpacked(file, root, packed)


def _split(files: list[Path]) -> int:
    """How many of the first files to parse here: all of a small model's, or where no second
    process can take the others."""
    if len(files) < 2 or not works_aside():
        return len(files)
    sizes = [_size(file) for file in files]
    total = sum(sizes)
    if total < ASIDE_FROM:
        return len(files)
    here = 0
    for index, size in enumerate(sizes):
        here += size
        if here >= total * _SHARE_HERE:
            return index + 1
    return len(files)


def _size(file: Path) -> int:
    """The file's bytes; 0 for one that cannot be read (`parse_file` reports it)."""
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _packed(files: list[Path], root: Path) -> list[bytes | None]:
    """Each file parsed and packed with `marshal`; None for one whose data would not pack."""
    out: list[bytes | None] = []
    for file in files:
        parsed = parse_file(file, root)
        try:
            out.append(marshal.dumps(
                (parsed.data, parsed.error, parsed.line, parsed.column, parsed.hint)
            ))
        except ValueError:  # a type marshal does not know: parsed again by the caller
            out.append(None)
    return out


def _unpacked(file: Path, root: Path, packed: bytes) -> ParsedFile:
    data, error, line, column, hint = marshal.loads(packed)
    return ParsedFile(file, relative_name(file, root), data, error, line, column, hint)
