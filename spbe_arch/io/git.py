"""A model folder as it was in a git revision, exported with the `git` executable."""

import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .files import SpbeError

__all__ = ["revision"]


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    executable = shutil.which("git")
    if executable is None:
        raise SpbeError("git is not installed (or not on PATH); --from needs it")
    return subprocess.run(
        [executable, "-C", str(folder), *args], capture_output=True, check=False
    )


@contextmanager
def revision(model: Path, rev: str) -> Iterator[Path]:
    """The model folder `model` as it was in revision `rev`, in a temporary folder.

    `git archive` writes the folder's files of that revision (nothing else of the
    repository) into a temporary directory, removed when the context ends.

    Raises
    ------
    SpbeError
        git is missing, `model` is not a folder inside a git repository, `rev` is not a
        revision, or the folder did not exist in it.
    """
    folder = model if model.is_dir() else model.parent
    if not folder.is_dir():
        raise SpbeError(f"{model}: no such folder")
    prefix = _git(folder, "rev-parse", "--show-prefix")
    if prefix.returncode != 0:
        raise SpbeError(
            f"{model}: not in a git repository; --from compares revisions of a model kept in "
            "git (compare two folders with `spbe-arch diff OLD NEW`)"
        )
    if not _git(folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").stdout:
        raise SpbeError(f"{model}: '{rev}' is not a revision of its git repository")
    # run in the folder, git archive writes the folder's files, with paths relative to it
    only = [model.name] if model.is_file() else []
    archive = _git(folder, "archive", "--format=tar", rev, *only)
    missing = SpbeError(f"{model}: the model is not in revision '{rev}'")
    if archive.returncode != 0 or not archive.stdout:
        raise missing
    with tempfile.TemporaryDirectory(prefix="spbe-arch-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            if not tar.getmembers():
                raise missing
            tar.extractall(tmp, filter="data")
        yield Path(tmp) / model.name if model.is_file() else Path(tmp)
