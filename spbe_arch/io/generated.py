"""Files generated from code (schemas/, docs/): write them, or check they are up to date."""

from pathlib import Path

from .write import write_atomic

__all__ = ["sync_generated"]


def sync_generated(folder: Path, texts: dict[str, str], *, check: bool = False) -> list[str]:
    """Write each file of `texts` whose content differs; return the names that differed.

    With `check`, write nothing and only return the names of stale or missing files.
    """
    stale = []
    for name, text in texts.items():
        path = folder / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            stale.append(name)
            if not check:
                write_atomic(path, text, force=True)
    return stale
