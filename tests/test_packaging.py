"""The wheel carries the reference catalogs, so an installed package needs no checkout."""

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_contains_catalogs(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("spbe_arch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"spbe_arch/_data/models/{p.relative_to(ROOT / 'models').as_posix()}"
        for p in (ROOT / "models").rglob("*.yaml")
    }
    assert shipped and shipped <= names
    assert "spbe_arch/cli.py" in names
    assert {
        "spbe_arch/locales/id/LC_MESSAGES/spbe_arch.po",
        "spbe_arch/locales/en/LC_MESSAGES/spbe_arch.po",
    } <= names
    assert "spbe_arch/interop/allowed-relationships.csv" in names  # ArchiMate export needs it
