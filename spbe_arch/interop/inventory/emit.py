"""YAML text for the imported model, written as it goes, with a comment beside each element.

yaml-rs's `dumps` leaves some strings plain that its own loader then reads as numbers ('0o7',
'_8'), and ruamel.yaml takes seconds per thousand elements; so scalars are written here: plain
when they are plain words, else as JSON strings, which YAML 1.2 reads back unchanged.
"""

import re
from collections.abc import Iterable
from typing import TextIO

import orjson

__all__ = ["comment", "scalar", "write_collection", "write_mapping"]

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._/()&'-]*[A-Za-z0-9._/()&'-]|[A-Za-z]")
_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def scalar(value: str | int | float | bool) -> str:
    """A YAML 1.2 scalar that reads back as `value`.

    >>> scalar("Dinas Kesehatan"), scalar("no"), scalar("1.0"), scalar("a: b")
    ('Dinas Kesehatan', '"no"', '"1.0"', '"a: b"')
    """
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value.casefold() not in _WORDS:
            return value
        return orjson.dumps(value).decode()
    return orjson.dumps(value).decode()


def comment(text: str) -> str:
    """`text` made safe for a one-line comment."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else " " for c in text)


def write_collection(
    handle: TextIO, key: str, items: Iterable[tuple[str, dict]]
) -> None:
    """Write `key:` and its items (comment, mapping of scalars, lists and flat mappings)."""
    handle.write(f"{key}:")
    empty = True
    for remark, item in items:
        lines = [""] if empty else []
        empty = False
        if remark:
            lines.append(f"  # {comment(remark)}")
        lead = "  - "
        for field, value in item.items():
            if isinstance(value, dict):
                lines.append(f"{lead}{field}:")
                lines.extend(f"      {scalar(name)}: {scalar(v)}" for name, v in value.items())
            elif isinstance(value, list):
                lines.append(f"{lead}{field}: [{', '.join(scalar(v) for v in value)}]")
            else:
                lines.append(f"{lead}{field}: {scalar(value)}")
            lead = "    "
        handle.write("\n".join(lines) + "\n")
    if empty:
        handle.write(" []\n")


def write_mapping(handle: TextIO, key: str, item: dict) -> None:
    """Write `key:` and one mapping of scalars under it (the manifest's `instansi:`)."""
    handle.write(f"{key}:\n")
    for field, value in item.items():
        handle.write(f"  {field}: {scalar(value)}\n")
