"""Files generated from code (schemas/, docs/): write them, or check they are up to date."""

from dataclasses import dataclass
from pathlib import Path

from .write import refuse_overwrite, write_atomic

__all__ = ["Synced", "sync_generated"]


@dataclass(frozen=True)
class Synced:
    """The generated files of `folder` whose content differed (written, or only found)."""

    folder: Path
    changed: list[str]
    check: bool
    missing: frozenset[str] = frozenset()
    """Those of `changed` that did not exist."""


def sync_generated(
    folder: Path, texts: dict[str, str], *, check: bool = False, force: bool = False
) -> Synced:
    """Write each file of `texts` whose content differs; with `check`, only find them.

    Raises
    ------
    SpbeError
        A file that differs exists and `force` is not set (nothing is written then), or a
        file cannot be written.
    """
    changed = [
        name
        for name, text in texts.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
    missing = frozenset(name for name in changed if not (folder / name).is_file())
    if not check:
        refuse_overwrite((folder / name for name in changed), force=force)
        for name in changed:
            write_atomic(folder / name, texts[name], force=force)
    return Synced(folder, changed, check, missing)
