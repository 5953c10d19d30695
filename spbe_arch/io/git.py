"""A model folder as it was in a git revision, exported with the `git` executable."""

import io
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..model.i18n import gettext as _
from .files import MANIFEST, SpbeError, folder_of

__all__ = ["renamed_from", "revision", "work_tree"]


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    executable = shutil.which("git")
    if executable is None:
        raise SpbeError(_("git is not installed (or not on PATH); --from needs it"))
    return subprocess.run(
        [executable, "-C", str(folder), *args], capture_output=True, check=False
    )


@contextmanager
def revision(model: Path, rev: str) -> Iterator[Path | None]:
    """The model folder `model` as it was in revision `rev`, in a temporary folder; None
    when the model did not exist in that revision (the change adds it). `REV:PATH` names the
    folder it was then, from the repository's root, as git does (a model folder since
    renamed: `HEAD~1:arsitektur`).

    `git archive` writes the folder's files of that revision (nothing else of the
    repository) into a temporary directory, removed when the context ends. A file of a
    model folder (`MODEL/spbe.yaml`, `MODEL/units.yaml`) stands for it, as everywhere else.

    Raises
    ------
    SpbeError
        git is missing, `model` is not a folder inside a git repository or `rev` is not a
        revision.
    """
    if model.is_file():
        model = folder_of(model) or model
    # a file, or a folder that is gone now: archived by name from the folder holding it
    folder = model if model.is_dir() else model.parent
    if not folder.is_dir():
        raise SpbeError(_("{path}: no such folder").format(path=model))
    prefix = _git(folder, "rev-parse", "--show-prefix")
    if prefix.returncode != 0:
        trust = re.search(r"safe\.directory (.+)", prefix.stderr.decode(errors="replace"))
        if trust:  # a repository of another user (CI, WSL): git's own fix
            raise SpbeError(_(
                "{path}: git refuses the repository, which belongs to another user (dubious "
                "ownership); trust it with: git config --global --add safe.directory "
                "'{folder}'").format(path=model, folder=trust[1].strip()))
        raise SpbeError(_(
            "{path}: not in a git repository; --from compares revisions of a model kept in "
            "git (compare two folders with `spbe-arch diff OLD NEW`)"
        ).format(path=model))
    commit, named, then = rev.partition(":") if not rev.startswith(":") else (rev, "", "")
    spec = commit if commit.startswith(":/") else f"{commit}^{{commit}}"  # ':/' searches
    if not _git(folder, "rev-parse", "--verify", "--quiet", spec).stdout:
        shallow = _git(folder, "rev-parse", "--is-shallow-repository").stdout.strip()
        raise SpbeError(_("{path}: '{rev}' is not a revision of its git repository").format(
            path=model, rev=commit) + (_(
                "; the clone is shallow, without that history: fetch it (git fetch "
                "--unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)")
                if shallow == b"true" else ""))
    tree = b""
    if named:  # the folder's tree in that revision, resolved where it is archived from
        folder = Path(_git(folder, "rev-parse", "--show-toplevel").stdout.decode().strip())
        tree = _git(folder, "rev-parse", "--verify", "--quiet", rev).stdout.strip()
        if not tree or _git(folder, "cat-file", "-t", tree.decode()).stdout.strip() != b"tree":
            raise SpbeError(_("{path}: no folder '{folder}' in revision '{rev}' (after the "
                              "':', the folder's path from the repository's root)").format(
                path=model, folder=then, rev=commit))
    # run in the folder, git archive writes the folder's files, with paths relative to it
    only = [] if model.is_dir() or named else [model.name]
    archive = _git(folder, "archive", "--format=tar", tree.decode() or rev, *only)
    if archive.returncode != 0 or not archive.stdout:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="spbe-arch-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            if not tar.getmembers():
                yield None
                return
            tar.extractall(tmp, filter="data")
        if not only and not (Path(tmp) / MANIFEST).is_file():
            yield None  # files, but no model yet (its manifest came later): the change adds it
            return
        yield Path(tmp) / model.name if only else Path(tmp)


def renamed_from(model: Path, rev: str) -> str | None:
    """The path (from the repository's root) the model folder `model` had in revision `rev`
    when git sees its manifest moved there since (`git mv arsitektur ea`): `rev:PATH` reads
    it (`revision`); None when git sees no such move (or `model` is not a folder of a
    repository)."""
    if not model.is_dir():
        return None
    prefix = _git(model, "rev-parse", "--show-prefix")
    top = _git(model, "rev-parse", "--show-toplevel")
    if prefix.returncode != 0 or top.returncode != 0:
        return None
    manifest = prefix.stdout.decode().strip() + MANIFEST
    moved = _git(Path(top.stdout.decode().strip()), "diff", "-M", "--name-status", "-z", rev)
    fields = iter(moved.stdout.decode(errors="replace").split("\0"))
    for status in fields:  # records: a status, then two paths for a rename or copy, else one
        paths = (next(fields, ""), next(fields, "")) if status[:1] in ("R", "C") else (
            next(fields, ""),)
        if status.startswith("R") and paths[1] == manifest:
            return paths[0].rpartition("/")[0] or "."
    return None


def work_tree(path: Path) -> Path | None:
    """The root of the git work tree holding `path` (the nearest folder up with a `.git`),
    found without the git executable; None outside one."""
    folder = path.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
