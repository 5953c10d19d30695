"""Reference catalogs shipped with the package (`models/`): national platforms, frameworks."""

from functools import cache
from pathlib import Path

import yaml_rs

from ..model import NationalPlatform

__all__ = ["catalog_dir", "national_platforms"]


def catalog_dir() -> Path:
    """The `models/` folder: inside the installed wheel, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_data" / "models", package.parent / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reference catalogs not found beside {package}")


@cache
def national_platforms() -> dict[str, NationalPlatform]:
    """National platforms and aplikasi umum by id."""
    raw = yaml_rs.load((catalog_dir() / "platforms.yaml").read_bytes())
    return {p["id"]: NationalPlatform.model_validate(p) for p in raw["platforms"]}
