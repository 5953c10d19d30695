"""Writing a model folder from plain data: YAML text any YAML 1.2 reader reads back exactly.

Scalars are written as JSON (a subset of YAML 1.2), so `no`, `1.0`, `2025-2029` or a name
with a colon come back as they went in, and a national model is written in a second, where a
general YAML emitter would take minutes.
"""

import json
import re
from functools import cache
from pathlib import Path

import orjson

from ..io import SpbeError
from ..io.write import write_atomic
from ..model.i18n import gettext as _

__all__ = ["to_yaml", "write_model_folder"]

_PLAIN_KEY = re.compile(r"[a-z][a-z0-9_]*")
"""Keys written unquoted (whole: 'a\\n' is quoted); a key opening with `_` is quoted too, as
YAML readers that take `_` in numbers (yaml-rs) read `_0` as the number 0."""


def to_yaml(document: dict, header: str = "") -> str:
    """Block-style YAML for a mapping of str keys to dicts, lists and scalars.

    >>> print(to_yaml({"units": [{"id": "dinkes", "networks": ["jip"], "tags": []}]}), end="")
    units:
      - id: "dinkes"
        networks:
          - "jip"
        tags: []
    >>> print(to_yaml({"properties": {"null": "no", "rak": 6, "x y": 1.5, "_0": 0, "a\\n": 1}}),
    ...       end="")
    properties:
      "null": "no"
      rak: 6
      "x y": 1.5
      "_0": 0
      "a\\n": 1
    """
    lines = [f"# {line}" for line in header.splitlines()]
    _mapping(document, 0, lines)
    return "\n".join(lines) + "\n"


_json = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
"""One encoder for all scalars: `json.dumps` with options builds one per call."""


def _scalar(value) -> str:
    if type(value) is str:
        return orjson.dumps(value).decode()  # the same JSON string, ten times faster
    return _json(value)


@cache
def _key(key: str) -> str:
    plain = _PLAIN_KEY.fullmatch(key) and key not in ("true", "false", "null")
    return key if plain else _scalar(key)


def _mapping(mapping: dict, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, value in mapping.items():
        kind = type(value)
        if kind is str:
            lines.append(f"{pad}{_key(key)}: {orjson.dumps(value).decode()}")
        elif kind is dict and value:
            lines.append(f"{pad}{_key(key)}:")
            _mapping(value, indent + 2, lines)
        elif kind is list and value:
            lines.append(f"{pad}{_key(key)}:")
            _sequence(value, indent + 2, lines)
        elif kind is dict or kind is list:
            lines.append(f"{pad}{_key(key)}: {'{}' if kind is dict else '[]'}")
        else:
            lines.append(f"{pad}{_key(key)}: {_scalar(value)}")


def _sequence(items: list, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            start = len(lines)
            _mapping(item, indent + 2, lines)
            lines[start] = f"{pad}- {lines[start][indent + 2:]}"
        else:
            lines.append(f"{pad}- {_scalar(item)}")


def write_model_folder(folder: Path, texts: dict[str, str], *, force: bool = False) -> list[Path]:
    """Write a model folder's files (name -> text), each atomically; return their paths.

    An existing folder is written into only with `force`, and never when it holds other model
    files: the loader would merge them with the new ones. The report of an earlier inventory
    import there (`import-report.txt`) describes a model no longer there: it is removed.
    """
    from .inventory import REPORT_FILE
    from .inventory.write import refuse_edited

    if folder.exists() and not folder.is_dir():
        raise SpbeError(_("{path}: is a file; name a folder for the model").format(path=folder))
    if folder.is_dir() and any(folder.iterdir()):
        if not force:
            raise SpbeError(_("{path}: already exists and is not empty; use --force to overwrite")
                            .format(path=folder))
        others = sorted(
            path.relative_to(folder).as_posix()
            for path in folder.rglob("*")
            if path.suffix in (".yaml", ".yml", ".json")
            and not any(part.startswith(".") for part in path.relative_to(folder).parts)
            and path.relative_to(folder).as_posix() not in texts
        )
        if others:
            raise SpbeError(_(
                "{path}: holds other model files ({files}) that would be merged with the "
                "import; choose an empty folder"
            ).format(path=folder,
                     files=", ".join(others[:3]) + (", ..." if len(others) > 3 else "")))
        refuse_edited(folder, texts)
    written = []
    for name, text in texts.items():
        path = folder / name
        write_atomic(path, text, force=True)
        written.append(path)
    if REPORT_FILE not in texts:
        try:
            (folder / REPORT_FILE).unlink(missing_ok=True)
        except OSError as exc:
            raise SpbeError(_("{path}: cannot remove ({reason})").format(
                path=folder / REPORT_FILE, reason=exc.strerror)) from None
    return written
