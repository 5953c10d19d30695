"""Read a baseline: the JSON an earlier `spbe-arch audit --format json` printed."""

from pathlib import Path
from typing import Any

import orjson

from ..model.i18n import gettext as _
from .files import SpbeError

__all__ = ["read_baseline"]


def read_baseline(path: Path) -> list[dict[str, Any]]:
    """The findings of a baseline file, as the objects `audit --format json` wrote.

    Raises
    ------
    SpbeError
        The file cannot be read, is not JSON, or holds no `findings` list of objects with a
        `code`.
    """
    try:
        payload = orjson.loads(path.read_bytes())
    except OSError as exc:
        raise SpbeError(_("{path}: cannot read the baseline ({reason})").format(
            path=path, reason=exc.strerror)) from None
    except orjson.JSONDecodeError as exc:
        raise SpbeError(_("{path}: the baseline is not JSON ({reason})").format(
            path=path, reason=exc)) from None
    findings = payload.get("findings") if isinstance(payload, dict) else None
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("code"), str) for f in findings
    ):
        raise SpbeError(_(
            "{path}: not a baseline: expected the output of `spbe-arch audit --format json` "
            "({example})"
        ).format(path=path, example='{"findings": [{"code": ..., "element": ...}, ...]}'))
    return findings
