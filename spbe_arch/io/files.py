"""Find and parse the files of a model folder.

Parsing keeps no positions: YAML goes through yaml-rs (YAML 1.2, duplicate keys rejected) and
JSON through orjson. A file that fails to parse is reported with the line and column of the
problem, found from the parser's message or, where it gives none, from a position-keeping re-read.
"""

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import yaml_rs

from ..model.i18n import N_
from ..model.i18n import gettext as _

__all__ = [
    "MANIFEST", "SUFFIXES", "ParsedFile", "SpbeError", "folder_of", "misnamed_manifests",
    "model_files", "model_folder", "not_a_model_folder", "parse_file", "relative_name",
]

MANIFEST = "spbe.yaml"
SUFFIXES = (".yaml", ".yml", ".json")


class SpbeError(Exception):
    """A command could not run (missing path, not a model folder, unwritable output)."""


@dataclass(slots=True)
class ParsedFile:
    """One file: its path relative to the root, its data, or the syntax error it has."""

    path: Path
    relative: str
    data: Any = None
    error: str | None = None
    line: int = 0
    column: int = 0
    hint: str = N_("fix the syntax; nothing in this file was read")


def _nearby(missing: Path) -> str:
    """'; did you mean ...?' with the folder or file beside `missing` spelled most alike."""
    from difflib import get_close_matches

    try:
        names = [p.name for p in missing.parent.iterdir() if not p.name.startswith(".")]
    except OSError:  # the parent is missing too, or unreadable: no guess
        return ""
    close = get_close_matches(missing.name, names, n=1, cutoff=0.75)
    return _("; did you mean {path}?").format(path=missing.with_name(close[0])) if close else ""


def model_files(root: Path) -> tuple[Path, list[Path]]:
    """The model folder and its files, manifest first, then the others in path order.

    A single file is a whole model by itself, except a file of a model folder: the manifest
    `path/spbe.yaml`, or any other file the folder's model reads (`path/units.yaml`), stands
    for the model of its folder, which is read whole. Hidden folders (`.git`, `.schema`) are
    skipped.
    """
    if not root.exists():
        raise SpbeError(_("{path}: no such file or folder").format(path=root) + _nearby(root))
    if root.is_file():
        root = folder_of(root) or root
    if root.is_file() and root.suffix.lower() not in SUFFIXES:
        raise SpbeError(_not_a_model(root))
    if root.is_file():
        return root.parent, [root]
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise SpbeError(f"{root}: {not_a_model_folder(root)}")
    others = sorted(
        path
        for path in root.rglob("*")
        if path.suffix in SUFFIXES
        and path != manifest
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
    return root, [manifest, *others]


def _models_below(root: Path) -> list[Path]:
    """The folders just below `root` that hold a manifest (hidden ones aside): where a
    repository keeps its model (`arsitektur/`), or a province its instansi (one level down,
    as `portfolio` looks)."""
    try:
        return sorted(manifest.parent for manifest in root.glob("*/" + MANIFEST)
                      if not manifest.parent.name.startswith("."))
    except OSError:
        return []


def _model_above(root: Path) -> Path | None:
    """The model folder `root` is a subfolder of (`arsitektur/aplikasi`), if any."""
    for parent in (*root.parents, *root.resolve().parents):  # as given, where it can be
        if (parent / MANIFEST).is_file():
            return parent
    return None


def not_a_model_folder(root: Path) -> str:
    """Why the folder `root` is no model folder (its path not included): it has no
    `spbe.yaml`; the fix is to rename the manifest written `spbe.yml` or `SPBE.yaml` there,
    else to start a model."""
    named = misnamed_manifests(root)
    if named:
        return _("not a model folder: its manifest must be named {manifest}; rename {name} to "
                 "{manifest}").format(manifest=MANIFEST, name=named[0])
    below = _models_below(root)
    if len(below) == 1:
        return _("not a model folder (no {manifest}); the model is in {path}: give that "
                 "folder").format(manifest=MANIFEST, path=below[0])
    if below:
        return _("not a model folder (no {manifest}); it holds {count} model folders ({paths}): "
                 "give one, or compare them with `spbe-arch portfolio {root}`").format(
            manifest=MANIFEST, count=len(below), root=root,
            paths=", ".join(map(str, below[:3])) + (", ..." if len(below) > 3 else ""))
    inside = _model_above(root)
    if inside is not None:
        return _("not a model folder (no {manifest}): a folder of the model {model}; give the "
                 "model's folder").format(manifest=MANIFEST, model=inside)
    if any(p.suffix.lower() in SUFFIXES for p in root.glob("*.*")):  # `init` refuses these
        return _("not a model folder (no {manifest}); add one naming the instansi "
                 "(instansi: {{id: ..., name: ..., level: ...}})").format(manifest=MANIFEST)
    return _("not a model folder (no {manifest}); run `spbe-arch init {path}` to start "
             "one").format(path=root, manifest=MANIFEST)


def misnamed_manifests(folder: Path) -> list[str]:
    """The files of `folder` that look like a manifest named otherwise (`spbe.yml`,
    `SPBE.yaml`, `.spbe.yml`), sorted."""
    return sorted(p.name for p in folder.glob("*.*") if p.stem.lstrip(".").casefold() == "spbe"
                  and p.suffix.lower() in SUFFIXES and p.name != MANIFEST and p.is_file())


def model_folder(path: Path) -> Path:
    """The folder whose files are named relative to it when `path` is read as a model: a
    folder itself, the model folder of a file in one, else (a single-file model) the file's
    folder."""
    if not path.is_file():
        return path
    return folder_of(path) or path.parent


_SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv")


def _not_a_model(path: Path) -> str:
    """Why `path` is no model, with the command that reads it if the tool has one."""
    suffix = path.suffix.lower()
    if suffix in _SPREADSHEETS:
        return _("{path}: not a model file (.yaml, .yml or .json); a spreadsheet or CSV "
                 "inventory is read with `spbe-arch import inventory {path} -o FOLDER`"
                 ).format(path=path)
    if suffix == ".xml":
        return _("{path}: not a model file (.yaml, .yml or .json); an ArchiMate exchange "
                 "file is read with `spbe-arch import archimate {path} -o FOLDER`"
                 ).format(path=path)
    return _("{path}: not a model file (.yaml, .yml or .json); give the model folder, or a "
             "file of it").format(path=path)


def folder_of(file: Path) -> Path | None:
    """The model folder a file belongs to, None for a single-file model: the nearest folder
    above it with a manifest, unless the file is in a hidden folder of it (which the model
    does not read) or is a model by itself (it has its own top-level `instansi:`, which no
    other file of a folder may: a one-file model kept below some other model folder stays
    itself), written as the file's path was (relative or absolute) where it can be."""
    if file.name != MANIFEST and _INSTANSI.search(_head(file)):
        return None
    path = file.absolute()
    for up, folder in enumerate(path.parents):
        if (folder / MANIFEST).is_file():
            hidden = any(part.startswith(".") for part in path.parent.relative_to(folder).parts)
            if hidden or path.suffix not in SUFFIXES:
                return None
            return file.parents[up] if up < len(file.parents) else folder  # as written
    return None


_INSTANSI = re.compile(rb'^(?:\xef\xbb\xbf)?["\']?instansi["\']?\s*:', re.MULTILINE)
"""A top-level `instansi:` key (after a byte-order mark, quoted or not): a manifest's."""


def _head(file: Path) -> bytes:
    """The file's bytes; nothing when it cannot be read (its reader will say why)."""
    try:
        return file.read_bytes()
    except OSError:
        return b""


_POSITION = re.compile(r"line (\d+), column (\d+)")
_TAB = re.compile(r"\btabs?\b")


def relative_name(path: Path, root: Path) -> str:
    """How a file is named in findings: relative to the model folder, with forward slashes."""
    return path.relative_to(root).as_posix() if path != root else path.name


def parse_file(path: Path, root: Path) -> ParsedFile:
    """Parse one YAML or JSON file; a syntax error is kept in the result, never raised."""
    result = ParsedFile(path=path, relative=relative_name(path, root))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        result.error = _("cannot read file: {reason}").format(reason=exc.strerror)
        return result
    try:
        text = _decode(raw)
    except _NotText as exc:
        result.error, result.hint = str(exc), _(_NOT_TEXT_HINT)
        result.line = raw.count(b"\n", 0, exc.offset) + 1
        result.column = exc.offset - (raw.rfind(b"\n", 0, exc.offset) + 1) + 1
        return result
    try:
        if path.suffix == ".json":  # empty, as YAML: holds nothing (a redirection's target)
            result.data = orjson.loads(text) if text.strip() else None
        else:
            result.data = yaml_rs.loads(text, parse_datetime=False)
    except orjson.JSONDecodeError as exc:
        result.error = _("invalid JSON: {reason}").format(reason=exc.msg)
        result.line, result.column = exc.lineno, exc.colno
    except (yaml_rs.YAMLDecodeError, ValueError) as exc:
        _yaml_error(result, raw, exc)
    if result.error is not None and (conflict := _CONFLICT.search(raw)):
        result.line = raw.count(b"\n", 0, conflict.start()) + 1
        result.column = 1
        result.error = _("a git merge conflict is left in the file ('{marker}')").format(
            marker=conflict[0].decode(errors="replace").strip())
        result.hint = _("keep the lines of each side that should stay, delete the marker "
                        "lines (<<<<<<<, =======, >>>>>>>), then validate again")
    return result


_CONFLICT = re.compile(rb"^(?:<{7}|>{7})(?: [^\r\n]*)?$|^={7}$", re.M)
"""A line git writes around the two sides of a merge conflict."""


def _at_tab(result: ParsedFile, raw: bytes) -> None:
    """Point an error a tab causes at the tab.

    The parser reports where it was scanning when it met the tab, which may be the end of the
    line before ("found a tab") or the character after it (`name:<tab>x`).
    """
    start = 0
    for _line in range(result.line - 1):
        start = raw.find(b"\n", start) + 1
    reported = start + result.column - 1
    if reported > 0 and raw[reported - 1:reported] == b"\t":
        tab = reported - 1
    elif _TAB.search(result.error or ""):
        tab = raw.find(b"\t", start)
    else:
        return
    if tab < 0:
        return
    result.line = raw.count(b"\n", 0, tab) + 1
    result.column = tab - (raw.rfind(b"\n", 0, tab) + 1) + 1
    result.hint = _("use spaces: YAML does not allow a tab here; nothing in this file was read")


_LAYOUT = re.compile(
    r"mapping values are not allowed|did not find expected (key|'-' indicator)"
    r"|block sequence entries are not allowed|invalid indentation"
)
"""What the parser says when a line is indented wrongly (or a ':' is misplaced)."""
_NO_SPACE = re.compile(r"^\s*(-\s+)?[^\s:#'\"{[]+:[^\s:/]")
"""A key with no space after its colon (`id:a`): YAML reads `id:a` as one text."""


def _layout_hint(raw: bytes, line: int, column: int) -> str:
    """The fix for a line the parser cannot place: most often its indentation, else a text
    with ': ' in it on that line, or a 'key:value' without a space on the line before."""
    lines = raw.decode("utf-8", "replace").splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if ": " in text[:column - 1].lstrip(" -"):
        return _("put the value in quotes: a ': ' inside a text makes it a key, e.g. "
                 "name: 'Sistem: Informasi'; nothing in this file was read")
    above = [(number, lines[number - 1]) for number in range(line - 1, 0, -1)
             if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#")]
    if above and _NO_SPACE.match(above[0][1]):
        return _("write a space after the ':' in line {line} ('key: value'); nothing in this "
                 "file was read").format(line=above[0][0])
    return _("check the indentation of line {line} against the lines above: keys that belong "
             "together start in the same column; nothing in this file was read").format(line=line)


_QUOTED = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"|(?:^|\s)#.*$")
"""Quoted text and a comment: brackets in them open nothing."""
_FLOW_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[^\s#'\"{\[][^:#]*:\s+)?([\[{])")
"""A line whose value is a flow collection: `key: [a, b]`, `- {id: a}`, `[a, b]`."""
_BLOCK_KEY = re.compile(r"^\s*(?:-\s+)?[\w.-]+:(?:\s|$)")
"""A line that starts a block mapping entry: `key: value`, `- key: value`."""
_CLOSING = {"[": "]", "{": "}"}


def _unclosed_hint(raw: bytes, line: int) -> str | None:
    """The fix when the parser stops at a new key right after a line whose flow list or
    mapping is not closed (`applications: [a, b` then `level: x`): the parser only notices
    on the next line, so its position names the wrong one. Only then: a '[' in a plain text
    (`name: Aplikasi [beta`), in a comment, or in a list continued on the next lines is no
    such mistake."""
    lines = raw.decode("utf-8", "replace").splitlines()
    if not 1 < line <= len(lines) or not _BLOCK_KEY.match(lines[line - 1]):
        return None
    for number in range(line - 1, 0, -1):
        text = _QUOTED.sub("", lines[number - 1])
        if not text.strip():
            continue
        opened = _FLOW_VALUE.match(text)
        if opened is None:
            return None
        bracket = opened[1]
        closing = _CLOSING[bracket]
        stopped = _QUOTED.sub("", lines[line - 1])
        if text.count(bracket) <= text.count(closing) or stopped.count(closing) > stopped.count(
                bracket):  # closed, or closed on the line the parser stopped at
            return None
        return _("line {line} opens '{bracket}' and does not close it: end it with "
                 "'{closing}'; nothing in this file was read").format(
                     line=number, bracket=bracket, closing=closing)
    return None


_DUPLICATE = re.compile(r"duplicate mapping key: '?([^']+)'?")


def _duplicate_hint(raw: bytes, line: int, column: int, key: str) -> str:
    """Which line wrote the key first: the nearest line above, in the same mapping (the same
    column, up to the `- ` that opens its list item), that starts with it."""
    lines = raw.decode("utf-8", "replace").splitlines()
    own = re.compile(rf"^\s*(?:-\s+)?{re.escape(key)}\s*:")
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        indent = len(text) - len(text.lstrip(" "))
        opens_item = text.lstrip(" ").startswith("- ") and indent + 2 == column - 1
        if (indent == column - 1 or opens_item) and own.match(text):
            return _("'{key}' is written twice at the same level, first on line {first}: keep "
                     "one; nothing in this file was read").format(key=key, first=number)
        if indent < column - 1 or opens_item:  # out of the mapping, or at the item opening it
            break
    return _("write each key once at each level; nothing in this file was read")


_QUOTE_OPENS = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?(["'])""")
"""A line whose value opens with a quote: `name: "Dinas`, `- 'a`."""


def _open_quote_hint(raw: bytes, line: int) -> str | None:
    """The fix when the parser stops in a quoted text that goes on past its line: the nearest
    line above (or the line itself) whose value opens a quote it does not close."""
    lines = raw.decode("utf-8", "replace").splitlines()
    for number in range(min(line, len(lines)), 0, -1):
        opened = _QUOTE_OPENS.match(lines[number - 1])
        if opened is None:
            continue
        quote = opened[1]
        rest = lines[number - 1][opened.end():]
        closed = (rest.replace('\\"', "").count('"') if quote == '"'
                  else rest.replace("''", "").count("'"))
        if closed == 0:
            return _("line {line} opens a quote ({quote}) and does not close it: end the "
                     "text with {quote}; nothing in this file was read").format(
                         line=number, quote=quote)
        return None
    return None


_NOT_TEXT_HINT = N_(
    "save the file as UTF-8 text, or move it out of the model folder if it is not a model file"
)


class _NotText(ValueError):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def _decode(raw: bytes) -> str:
    """`raw` as text (a UTF-8 BOM dropped); `_NotText` with the offset of the first bad byte.

    Never decoded with replacement characters: data would be lost silently.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _NotText(_("UTF-16 text, not UTF-8"), 0)
    nul = raw.find(b"\x00")
    if nul >= 0:  # YAML and JSON text never hold one: an image, an archive, a document
        raise _NotText(_("binary content (a NUL byte), not YAML or JSON text"), nul)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at = exc.start + (len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0)
        byte = f"0x{raw[at]:02x}"
        raise _NotText(_("not UTF-8 text (byte {byte})").format(byte=byte), at) from None


_REASONS = frozenset({
    N_("tabs disallowed within this context (block indentation)"),
    N_("while scanning a plain scalar, found a tab"),
    N_("mapping values are not allowed in this context"),
    N_("while parsing a block collection, did not find expected '-' indicator"),
    N_("while parsing a block mapping, did not find expected key"),
    N_("while parsing a flow mapping, did not find expected ',' or '}'"),
    N_("illegal placement of ':' indicator"),
    N_("invalid indentation in multiline quoted scalar"),
    N_("while parsing node, found unknown anchor"),
})
"""What yaml-rs says of the mistakes people make most, in the catalogs: a reader of the
Indonesian output gets them in Indonesian."""
_REASON_FORMS = (
    (re.compile(r"unclosed bracket '(?P<bracket>.)'"), N_("unclosed bracket '{bracket}'")),
    (re.compile(r"mismatched bracket '(?P<opened>.)' closed by '(?P<closed>.)'"),
     N_("mismatched bracket '{opened}' closed by '{closed}'")),
    (re.compile(r"unexpected character: (?P<character>.+)"),
     N_("unexpected character: {character}")),
    (re.compile(r"duplicate mapping key: (?P<key>.+)"), N_("duplicate mapping key: {key}")),
)
"""yaml-rs's messages that carry a value, as catalog templates."""


def _reason(text: str) -> str:
    """The parser's reason in the output's language when the catalogs know it, else as is."""
    if text in _REASONS:
        return _(text)
    for pattern, template in _REASON_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return _(template).format(**match.groupdict())
    return text


def _yaml_error(result: ParsedFile, raw: bytes, exc: Exception) -> None:
    message = str(exc)
    found = _POSITION.search(message)
    if found:
        result.line, result.column = int(found[1]), int(found[2])
        reason = message.strip().splitlines()[-1]
        result.error = _("invalid YAML: {reason}").format(reason=_reason(reason))
        if _LAYOUT.search(reason):
            result.hint = _layout_hint(raw, result.line, result.column)
        result.hint = _unclosed_hint(raw, result.line) or result.hint
        if "quoted scalar" in reason:
            result.hint = _open_quote_hint(raw, result.line) or result.hint
        _at_tab(result, raw)
        return
    result.error = _("invalid YAML: {reason}").format(
        reason=_reason(message.strip().splitlines()[0]))
    from .positions import first_problem

    result.line, result.column = first_problem(raw)
    if duplicate := _DUPLICATE.search(message):
        result.hint = _duplicate_hint(raw, result.line, result.column, duplicate[1])
