"""The benchmark's synthetic inventories import as the benchmark expects (exit 1: some rows
have no unit, on purpose)."""

import json
import sys

import pytest
from conftest import ROOT

from spbe_arch.cli import app

sys.path.insert(0, str(ROOT))
from benchmarks.inventory import write_inventory


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_synthetic_inventory_imports(runner, tmp_path, suffix):
    source = write_inventory(tmp_path / f"kota-contoh{suffix}", 300)

    result = runner.invoke(
        app, ["import", "inventory", str(source), "-o", str(tmp_path / "model"), "-f", "json"]
    )

    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    assert (report["header_row"], report["rows"]) == (2, 300)
    assert report["skipped"]
    assert all(s["message"].startswith("no unit for") for s in report["skipped"])
    assert report["imported"] == 300 - len(report["skipped"])
    assert report["guesses"]
