"""The report as PDF: the HTML page printed by headless Chromium, with the page's own A4
print stylesheet (portrait text, landscape diagrams, repeated table headers).

Chromium is the one dependency a PDF needs that `pip` cannot bring; without it `print_pdf`
says what to install (the HTML and Markdown pages, which need none, are written first).
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..io import SpbeError
from ..model.i18n import gettext as _

__all__ = ["BROWSERS", "find_chromium", "print_pdf", "require_chromium"]

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""The names a headless-capable Chromium goes by on PATH."""

_TIMEOUT = 300


def find_chromium() -> str | None:
    """The path of a Chromium on PATH, or None."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The Chromium to print with.

    Raises
    ------
    SpbeError
        None is installed: the message says what to install.
    """
    found = find_chromium()
    if found is None:
        raise SpbeError(_(
            "--pdf needs Chromium to print the report, and none was found on PATH "
            "({browsers}): install it (Debian/Ubuntu: apt-get install chromium), "
            "or open index.html in a browser and print it to PDF"
        ).format(browsers=", ".join(BROWSERS)))
    return found


def print_pdf(html: Path, pdf: Path, *, chromium: str | None = None) -> Path:
    """Print `html` to `pdf` with headless Chromium; the file appears whole or not at all.

    Raises
    ------
    SpbeError
        No Chromium, or it failed or wrote nothing.
    """
    binary = chromium or require_chromium()
    with tempfile.TemporaryDirectory(prefix="spbe-pdf-") as work:
        out = Path(work) / "report.pdf"
        command = [
            binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-extensions", "--no-first-run", "--disable-background-networking",
            f"--user-data-dir={Path(work) / 'profile'}", "--no-pdf-header-footer",
            f"--print-to-pdf={out}", html.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=_TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SpbeError(_("{program} could not print {path}: {reason}").format(
                program=binary, path=html, reason=exc)) from exc
        if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            detail = (done.stderr or "").strip().splitlines()[-1:] or [_("no PDF written")]
            raise SpbeError(_("{program} could not print {path}: {reason}").format(
                program=binary, path=html, reason=detail[0]))
        partial = pdf.with_name(f".{pdf.name}.part")
        shutil.copyfile(out, partial)
        os.replace(partial, pdf)
    return pdf
