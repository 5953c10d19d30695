"""Writing files safely: never over an existing file without `force`, always atomically."""

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..model.i18n import gettext as _
from .files import SpbeError

__all__ = ["refuse_overwrite", "write_atomic"]


def refuse_overwrite(paths: Iterable[Path], *, force: bool = False) -> None:
    """Raise `SpbeError` naming the first of `paths` that is a folder, or that exists unless
    `force`.

    Writers call it for all their files before writing any, so a refusal writes nothing. A
    folder is refused even with `force`: a file is never written in place of one.
    """
    for path in paths:
        if path.is_dir():
            raise SpbeError(_("{path}: is a folder; give the path of a file to write (such as "
                              "{example})").format(path=path, example=path / "FILE"))
        if path.exists() and not force:
            raise SpbeError(_("{path}: already exists; use --force to overwrite it").format(
                path=path))


def write_atomic(path: Path, content: str | bytes, *, force: bool = False) -> None:
    """Write `content` to `path` through a temporary file and a rename.

    Raises `SpbeError` when the file exists and `force` is not set, or it cannot be written.
    """
    refuse_overwrite([path], force=force)
    data = content.encode() if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)  # mkstemp makes files private; outputs are for sharing
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise SpbeError(_("{path}: cannot write ({reason})").format(
            path=path, reason=exc.strerror)) from exc
