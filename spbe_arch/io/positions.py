"""Lines and columns, found after the fact so that a clean model pays nothing for them.

`element_lines` scans a file's text for `id:` lines (fast, for element-level findings);
`key_position` composes one file's node tree (libyaml through PyYAML: 30x faster than
ruamel.yaml's round-trip loader, which took 110 s to place 412 findings in as many files of a
national model), whose every node keeps its position.
"""

import codecs
import re
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

__all__ = ["element_lines", "first_problem", "key_position", "written_ids", "written_scalar"]

_ID_KEY = re.compile(
    rb"id[\"']?[ \t]*:[ \t]*[\"']?"  # `id:`, `"id":`, `'id':`
    rb"([a-z0-9][a-z0-9._-]*)[\"']?(?=[ \t]*(?:[,}#]|$))",
    re.MULTILINE,
)
_KEY_LEAD = re.compile(rb"[ \t\-{\[]*[\"']?")
"""What may stand before `id` on its line: indentation, `- `, `{`, `[` and an opening quote."""


def element_lines(
    path: Path, wanted: Collection[str] | None = None
) -> dict[str, tuple[int, int]]:
    """Map each of the `wanted` ids (every id when None) written as `id: x` in the file to its
    1-based line, column.

    The key must open its line (after indentation, `- `, `{` or `[`), as in `- id: x`,
    `{"id": "x", ...}`; the first line naming an id wins. Only the wanted ids are placed, and
    the scan stops once all are found: a large model has findings on few of its elements.
    """
    text = path.read_bytes()
    pending = None if wanted is None else {element_id.encode() for element_id in wanted}
    found: dict[str, tuple[int, int]] = {}
    line, counted = 1, 0  # newlines are counted once, from one match to the next
    for match in _ID_KEY.finditer(text):  # a literal-led pattern: the regex engine skips fast
        if pending is not None and match[1] not in pending:
            continue
        key = match.start()
        line_start = text.rfind(b"\n", 0, key) + 1
        if _KEY_LEAD.fullmatch(text, line_start, key) is None:
            continue  # `id` ends another key (`paid:`) or follows another key on the line
        line += text.count(b"\n", counted, line_start)
        counted = line_start
        found.setdefault(match[1].decode(), (line, key - line_start + 1))
        if pending is not None:
            pending.discard(match[1])
            if not pending:
                break
    return found


def written_ids(raw: bytes) -> list[str]:
    r"""The ids written as `id: x` keys in a file's text, in order, without parsing it.

    For a file that cannot be parsed: the ids it would have defined.

    Examples
    --------
    >>> written_ids(b"units:\n  - id: dinkes\n\tname: x\n  - {id: setda}\npaid: 1\n")
    ['dinkes', 'setda']
    >>> written_ids("units:\n  - id: dispar\n".encode("utf-16"))  # as Notepad saves "Unicode"
    ['dispar']
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw = raw.decode("utf-16", errors="replace").encode()
    found = []
    for match in _ID_KEY.finditer(raw):
        line_start = raw.rfind(b"\n", 0, match.start()) + 1
        if _KEY_LEAD.fullmatch(raw, line_start, match.start()) is not None:
            found.append(match[1].decode())
    return found


def _loader():
    """A position-keeping YAML loader (ruamel.yaml, round trip) that keeps dates as text: an
    impossible date such as 2026-02-30 is the model's to report, and must not stop the
    positions of a whole file from being found."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor

    class TextDates(RoundTripConstructor):
        pass

    TextDates.add_constructor("tag:yaml.org,2002:timestamp",
                              RoundTripConstructor.construct_yaml_str)
    yaml = YAML(typ="rt")
    yaml.Constructor = TextDates
    return yaml


def first_problem(raw: bytes) -> tuple[int, int]:
    """Where a position-keeping YAML parser first stumbles (duplicate keys and the like)."""
    from ruamel.yaml.error import MarkedYAMLError

    try:
        _loader().load(raw)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            return mark.line + 1, mark.column + 1
    except Exception:
        pass
    return 1, 1


@lru_cache(maxsize=64)
def _tree(path: Path):
    """The file's node tree: composed, not constructed (no value is converted, a merge key
    `<<` stays a key), by libyaml where PyYAML has it, else by ruamel.yaml in Python (which
    also composes what libyaml's YAML 1.1 rejects)."""
    import yaml

    raw = path.read_bytes()
    try:
        return yaml.compose(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=True).compose(raw)


def key_position(path: Path, key_path: tuple[str | int, ...]) -> tuple[int, int]:
    """1-based line and column of the deepest key of `key_path` that exists in the file (an
    index: the item's start)."""
    mark, _node = _walk(path, key_path)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def written_scalar(path: Path, key_path: tuple[str | int, ...]) -> str | None:
    """The value at `key_path` as the file writes it ('001', where YAML reads the number 1),
    or None when it is not a scalar there."""
    mark, node = _walk(path, key_path)
    if mark is None or getattr(node, "id", None) != "scalar":
        return None
    return node.value


def _walk(path: Path, key_path: tuple[str | int, ...]):
    """(mark, node): the deepest key of `key_path` in the file (its mark: where it starts) and
    the node it holds; (None, None) when not even the first key is there."""
    try:
        node = _tree(path)
    except Exception:
        return None, None
    mark = None
    for key in key_path:
        items = getattr(node, "value", None)
        if isinstance(key, int) and isinstance(items, list) and node.id == "sequence":
            if not 0 <= key < len(items):
                break
            node = items[key]
            mark = node.start_mark
        elif node is not None and getattr(node, "id", None) == "mapping":
            pair = next(((k, v) for k, v in items if k.id == "scalar" and k.value == str(key)),
                        None)
            if pair is None:
                break
            mark, node = pair[0].start_mark, pair[1]
        else:
            break
    else:
        return mark, node
    return mark, None
