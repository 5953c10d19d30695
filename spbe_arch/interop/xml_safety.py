"""Reading untrusted XML: no DTD, no entities, no network, bounded size, clear messages.

A file from another tool is input an attacker may have written (XML external entities read
local files, "billion laughs" entities exhaust memory). lxml parses here with entities left
unresolved, no DTD loading and no network; any DOCTYPE is refused outright, since exchange
formats such as ArchiMate's have none; the file size is bounded before a byte is parsed.
"""

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from ..io import SpbeError
from ..model.i18n import gettext as _

__all__ = ["MAX_XML_BYTES", "check_ends_with", "iterparse_safely", "root_tag"]

MAX_XML_BYTES = 512 * 1024 * 1024
"""Largest XML file read (512 MiB): a national model of 100,000 elements exports to ~150 MB."""

_HARDENED = {
    "resolve_entities": False,
    "load_dtd": False,
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def root_tag(path: Path, *, max_bytes: int = MAX_XML_BYTES) -> str:
    """The root element's tag (`{namespace}name`), read without parsing the rest.

    Raises
    ------
    SpbeError
        The file cannot be read, is larger than `max_bytes`, declares a DOCTYPE, or is not
        well-formed up to its root element.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SpbeError(_("{path}: cannot read ({reason})").format(
            path=path, reason=exc.strerror)) from None
    if not path.is_file():
        raise SpbeError(_("{path}: is not a file").format(path=path))
    if size == 0:
        raise SpbeError(_("{path}: is empty (0 bytes); export the model again").format(path=path))
    if size > max_bytes:
        raise SpbeError(_(
            "{path}: {size} bytes, over the limit of {limit} ({mib} MiB) for XML files; split "
            "the model in the tool that wrote it"
        ).format(path=path, size=f"{size:,}", limit=f"{max_bytes:,}", mib=max_bytes // 2**20))
    for _event, root in _events(path, events=("start",)):
        return root.tag if isinstance(root.tag, str) else ""
    raise SpbeError(_("{path}: holds no XML element").format(path=path))


def iterparse_safely(path: Path, tags: tuple[str, ...], *, stop_at: str) -> Iterator[object]:
    """Yield each element with one of `tags` once it is complete (lxml "end" events), and
    stop parsing where an element `stop_at` starts (the part of the file not needed).

    Call `root_tag` first: it checks the size and the DOCTYPE before anything is parsed.

    Raises
    ------
    SpbeError
        The file declares a DOCTYPE or is not well-formed XML (the message names the line).
    """
    for event, element in _events(path, events=("start", "end"), tag=(*tags, stop_at)):
        if event == "end":
            yield element
        elif element.tag == stop_at:
            return


def check_ends_with(path: Path, tag: str) -> None:
    """Raise SpbeError unless the file's last element closes with `</tag>` (or `</x:tag>`):
    a file cut short in a part that is not parsed is still refused. The end is decoded
    first, in the file's own encoding (UTF-16 spends two bytes on each `<`)."""
    with path.open("rb") as handle:
        head = handle.read(256)
        start = max(0, path.stat().st_size - 4096)
        handle.seek(start - start % 4)  # whole code units of UTF-16 and UTF-32
        tail = handle.read()
    try:
        text = tail.decode(_encoding(head), errors="replace")
    except LookupError:  # a name lxml knows and Python does not: markup is ASCII there too
        text = tail.decode("latin-1")
    if not re.search(r"</(?:[\w.-]+:)?" + tag + r">\s*(?:<!--.*?-->\s*)*\Z", text, re.S):
        raise SpbeError(_(
            "{path}: does not end with </{tag}>; the file may be truncated or damaged: "
            "export it again"
        ).format(path=path, tag=tag))


_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"<\0\0\0", "utf-32-le"), (b"\0\0\0<", "utf-32-be"),
    (b"<\0?\0", "utf-16-le"), (b"\0<\0?", "utf-16-be"),
)
"""First bytes -> encoding, as XML tells them (XML 1.0, appendix F): a byte-order mark, or
the bytes of `<?` without one. UTF-32 first: its little-endian mark starts like UTF-16's."""
_DECLARED = re.compile(rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")


def _encoding(head: bytes) -> str:
    """The encoding of a file that starts with `head`: its marks, else its declaration.

    >>> _encoding(b'<?xml version="1.0" encoding="windows-1252"?>'), _encoding(b"<model>")
    ('windows-1252', 'utf-8')
    >>> _encoding("<?xml?>".encode("utf-16")), _encoding("<?xml?>".encode("utf-16-be"))
    ('utf-16-le', 'utf-16-be')
    """
    for mark, encoding in _MARKS:
        if head.startswith(mark):
            return encoding
    declared = _DECLARED.match(head)
    return declared.group(1).decode("ascii") if declared else "utf-8"


_POSITION = re.compile(r", line \d+, column \d+$")
"""The position libxml2 appends to its messages: the message's location says it already."""


def _events(path: Path, **options) -> Iterator[tuple[str, object]]:
    from lxml import etree

    events = etree.iterparse(str(path), **options, **_HARDENED)
    first = True
    try:
        for event, element in events:
            if first:
                first = False
                if element.getroottree().docinfo.doctype:
                    raise SpbeError(_(
                        "{path}: declares a DOCTYPE, which exchange files never need and "
                        "which can hide entity attacks; refused (remove the <!DOCTYPE ...> line)"
                    ).format(path=path))
            yield event, element
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        where = f"{path}:{line}:{column}" if line else str(path)
        if exc.msg.startswith("Excessive depth"):  # libxml2's limit, met by hostile files only
            raise SpbeError(_(
                "{path}: elements nested more than 256 deep, which no exchange file needs; "
                "refused").format(path=where)) from None
        with path.open("rb") as handle:
            head = handle.read(256)
        if head.startswith(b"PK\x03\x04"):
            raise SpbeError(_(
                "{path}: a ZIP file (a spreadsheet, XLSX, or a document), not XML: an "
                "application inventory is imported with `spbe-arch import inventory`").format(
                    path=path)) from None
        if "Invalid bytes in character encoding" in exc.msg:
            raise SpbeError(_(
                "{path}: the bytes here are not {encoding}, the encoding the file declares (or "
                "XML's default); save the file as UTF-8, or declare the encoding it is written "
                "in (<?xml version=\"1.0\" encoding=\"windows-1252\"?>)").format(
                    path=where, encoding=_encoding(head).upper())) from None
        if "Resource limit exceeded" in exc.msg:  # libxml2's 10 MB text node, for instance
            raise SpbeError(_(  # where libxml2 stopped is no place in the file to look at
                "{path}: a text of the file is larger than an exchange file ever needs; "
                "refused").format(path=path)) from None
        raise SpbeError(_(
            "{path}: not well-formed XML ({reason}); the file may be truncated or damaged: "
            "export it again"
        ).format(path=where, reason=" ".join(_POSITION.sub("", exc.msg).split()))) from None
    except OSError as exc:
        raise SpbeError(_("{path}: cannot read ({reason})").format(
            path=path, reason=exc)) from None
