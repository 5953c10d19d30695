"""Write an imported inventory as a model folder, atomically.

The folder holds `spbe.yaml` (the instansi), `units.yaml`, `applications.yaml`, the
`infrastructure.yaml` and `integrations.yaml` the server locations and integrations columns
give, and `import-report.txt` (the report as the command printed it; not a model file, so the loader
skips it). Each element is preceded by a comment naming its rows in the inventory and any
guess made about it. The files are written into a temporary folder beside the target, which
then takes the target's place: a failed import leaves nothing half-written. A folder holding
other things too (the model kept in git: `.git`, a README) keeps them: the import's files are
moved in one by one, those of the earlier import set aside first and put back should a move
fail. An earlier import is replaced only with `force`, only when the folder holds no other
model file, and none of its files edited since: each model file's first line ends with the
digest of the lines below it (`sha256:...`), so that a re-import never throws away an
architect's corrections.
"""

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

from ...io import MANIFEST, SUFFIXES, SpbeError
from ...io.write import write_atomic
from ...model.i18n import gettext as _
from .columns import Column
from .convert import InventoryImport
from .emit import comment, write_collection, write_mapping
from .report import SheetReport, report_lines

__all__ = ["REPORT_FILE", "SignedFile", "edited", "element_fields", "list_rows", "refuse_edited",
           "remark", "signed", "write_import", "write_signed"]

REPORT_FILE = "import-report.txt"

_WRITTEN = frozenset({MANIFEST, "units.yaml", "applications.yaml", "infrastructure.yaml",
                      "integrations.yaml", REPORT_FILE})
"""The files an import writes: a folder whose model files are only these is an earlier
import, whose files `--force` replaces (unless edited); anything else in it is somebody's (a
git history, a README, a CI file), kept as it is."""


def write_import(imported: InventoryImport, out: Path, *, force: bool = False) -> list[Path]:
    """Write the model of `imported` into the folder `out`; return the files written."""
    _check_target(out, force)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    except OSError as exc:
        raise SpbeError(_("{path}: cannot write ({reason})").format(
            path=out, reason=exc.strerror)) from None
    try:
        names = _write_files(imported, staging)
        os.chmod(staging, 0o755)  # mkdtemp makes folders private; a model is for sharing
        if out.exists() and any(p.name not in _WRITTEN for p in out.iterdir()):
            _replace_files(staging, out, names)  # what else is there stays where it is
        elif out.exists():
            old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".old"))
            old.rmdir()
            os.replace(out, old)
            try:
                os.replace(staging, out)
            except OSError:
                os.replace(old, out)  # the model that was there stays
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise SpbeError(_("{path}: cannot write ({reason})").format(
            path=out, reason=exc.strerror)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out / name for name in names]


def _replace_files(staging: Path, out: Path, names: list[str]) -> None:
    """Put the files written in `staging` into `out` one by one, the earlier import's set
    aside first (into `staging/.old`) and put back should a move fail; those this import no
    longer writes are gone with them. Nothing else in `out` is touched."""
    aside = staging / ".old"
    aside.mkdir()
    earlier = [name for name in sorted(_WRITTEN) if (out / name).is_file()]
    moved: list[str] = []
    try:
        for name in earlier:
            os.replace(out / name, aside / name)
        for name in names:
            os.replace(staging / name, out / name)
            moved.append(name)
    except OSError:
        for name in moved:
            (out / name).unlink(missing_ok=True)
        for name in earlier:
            if (aside / name).is_file():
                os.replace(aside / name, out / name)
        raise
    shutil.rmtree(staging, ignore_errors=True)


def _check_target(out: Path, force: bool) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise SpbeError(_("{path}: exists and is not a folder; give a new folder with -o").format(
            path=out))
    held = sorted(path.name for path in out.iterdir())
    if not held:
        return
    foreign = [name for name in (path.relative_to(out).as_posix() for path in out.rglob("*")
                                 if path.suffix in SUFFIXES and path.is_file())
               if name not in _WRITTEN and not any(p.startswith(".") for p in name.split("/"))]
    if foreign:
        raise SpbeError(_(
            "{path}: holds model files an import does not write ({files}); not replaced, even "
            "with --force (a model written by hand stays); give a new folder with -o"
        ).format(path=out, files=", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")))
    if not _WRITTEN.intersection(held):
        return  # no import there: its files go beside what is (a git repository's .git)
    if not force:
        raise SpbeError(_("{path}: already exists; use --force to replace it").format(path=out))
    if not (out / MANIFEST).is_file():
        raise SpbeError(_(
            "{path}: holds files but no model ({manifest}); not replaced, even with --force; "
            "give a new folder with -o"
        ).format(path=out, manifest=MANIFEST))
    refuse_edited(out, [name for name in held if name.endswith(".yaml")])


def refuse_edited(folder: Path, names: Iterable[str]) -> None:
    """Raise `SpbeError` naming the files of `names` in `folder` that are not as an import
    wrote them (`edited`): a re-import never replaces them, even with --force."""
    changed = [name for name in names if (folder / name).is_file() and edited(folder / name)]
    if changed:
        raise SpbeError(_(
            "{path}: {files} written by hand or edited since the import; not replaced, even "
            "with --force (the edits would be lost): import into a new folder with -o and carry "
            "the edits over, or delete the edited files first"
        ).format(path=folder, files=", ".join(changed)))


_DIGEST_LENGTH = 12
_DIGEST = re.compile(rf"sha256:([0-9a-f]{{{_DIGEST_LENGTH}}})$")
"""The digest at the end of a written file's first line (a comment): of the lines below."""


def signed(banner: str, body: str) -> str:
    """A model file's text whose first line, the comment `banner`, ends with the digest of the
    lines below it (`edited` reads it), as `SignedFile` writes one."""
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:_DIGEST_LENGTH]
    return f"{banner.rstrip()} sha256:{digest}\n{body}"


def edited(path: Path) -> bool:
    """True when the file is not as an import wrote it: its lines differ from the digest its
    first line gives, or it has no import's banner (written by hand). A file of an import made
    before digests were written cannot tell: not edited, as far as is known."""
    try:
        banner, _newline, body = path.read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return True
    found = _DIGEST.search(banner.rstrip())
    if found is None:
        return not banner.startswith("# ") or "spbe-arch import" not in banner
    return found[1] != hashlib.sha256(body.encode("utf-8")).hexdigest()[:_DIGEST_LENGTH]


def _write_files(imported: InventoryImport, folder: Path) -> list[str]:
    report = imported.report
    banner = "# " + _(
        "Imported by `spbe-arch import inventory` from {source}; rows, guesses and skipped "
        "rows: {report}"
    ).format(source=comment(report.source), report=REPORT_FILE) + "\n"
    instansi = imported.instansi.model_dump(mode="json", exclude_defaults=True)
    with SignedFile(folder / MANIFEST, banner) as handle:
        write_mapping(handle, "instansi", instansi)
    column = report.columns.get(str(Column.integrations), "")
    listed = imported.listed.integrations if imported.listed else []
    collections = [  # a collection the inventory gives nothing of is not written
        (name, elements, fields) for name, elements, fields in (
            ("units", imported.units, element_fields),
            ("applications", imported.applications, element_fields),
            ("infrastructure", imported.infrastructure, element_fields),
            ("integrations", imported.integrations,
             lambda link: link.fields(column, report.columns.get(str(Column.mechanism), ""))),
        ) if elements or (name == "integrations" and listed)
    ]
    for name, elements, fields in collections:
        with SignedFile(folder / f"{name}.yaml", banner) as handle:
            items = ((remark(imported, e.id), fields(e)) for e in elements)
            if name == "integrations" and listed:  # the list's after the column's
                items = chain(items, ((remark(imported, e.id), element_fields(e))
                                      for e in listed))
            write_collection(handle, name, items)
    with (folder / REPORT_FILE).open("w", encoding="utf-8") as handle:
        handle.writelines(f"{line}\n" for line in report_lines(report))
    return [MANIFEST, *(f"{name}.yaml" for name, _elements, _how in collections), REPORT_FILE]


def write_signed(target: Path, banner: str,
                 collections: Iterable[tuple[str, Iterable[tuple[str, dict]]]],
                 report: Path, lines: Iterable[str]) -> None:
    """Write one model file of `collections` (name, (remark, fields) of each element; an
    empty one is left out) signed under `banner`, and its report (`lines`) beside it, each
    through a temporary file: a failed write leaves the model as it was."""
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
        tmp = Path(name)
        with SignedFile(tmp, banner) as handle:
            for key, elements in collections:
                elements = list(elements)
                if elements:
                    write_collection(handle, key, elements)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise SpbeError(_("{path}: cannot write ({reason})").format(
            path=target, reason=exc.strerror)) from None
    write_atomic(report, "".join(f"{line}\n" for line in lines), force=True)


class SignedFile:
    """A model file written as it is made, its lines hashed on the way: the digest fills the
    end of `banner` (a comment line) on closing. Nothing is held whole: a 100,000-row
    import's files are tens of MB."""

    def __init__(self, path: Path, banner: str) -> None:
        self._file = path.open("wb")
        head = f"{banner.rstrip()} sha256:".encode()
        self._file.write(head + b"0" * _DIGEST_LENGTH + b"\n")
        self._at = len(head)
        self._hash = hashlib.sha256()

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        self._hash.update(data)
        self._file.write(data)
        return len(text)

    def __enter__(self) -> "SignedFile":
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._file.seek(self._at)
            self._file.write(self._hash.hexdigest()[:_DIGEST_LENGTH].encode())
        finally:
            self._file.close()


def element_fields(element) -> dict:
    """The fields the import set, `properties` last (they are the least read)."""
    fields = element.model_dump(mode="json", exclude_unset=True)
    if "properties" in fields:
        fields["properties"] = fields.pop("properties")
    return fields


def remark(imported: InventoryImport, element_id: str) -> str:
    """The rows an element comes from (of the integration list: named with its file), and a
    guess made about it."""
    listed = imported.listed
    if listed is not None and element_id in listed.rows:
        text = list_rows(listed.report, listed.rows[element_id])
    else:
        rows = imported.rows.get(element_id, [])
        text = (_("rows {rows}") if len(rows) > 1 else _("row {rows}")).format(
            rows=_shown(rows))
    guess = imported.remarks.get(element_id)
    return f"{text}; {guess}" if guess else text


def list_rows(report: SheetReport, rows: list[int]) -> str:
    """The rows of a list an element comes from, its file (and sheet) named ('integrasi.csv
    rows 4, 9', 'daftar.xlsx[Integrasi] row 7')."""
    text = _("{file} rows {rows}") if len(rows) > 1 else _("{file} row {rows}")
    return text.format(file=Path(report.at).name, rows=_shown(rows))


def _shown(rows: list[int]) -> str:
    return ", ".join(str(r) for r in rows[:10]) + (" ..." if len(rows) > 10 else "")
