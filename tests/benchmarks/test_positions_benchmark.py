"""benchmarks/positions.py places one finding in every file of a generated model."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate, write_model
from benchmarks.positions import main


def test_positions_benchmark_places_a_finding_in_every_file(tmp_path, capsys):
    folder = tmp_path / "small"
    summary = write_model(generate("small", seed=1), folder)
    assert main([str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("placed ") and " findings in as many files: " in out
    placed = int(out.split()[1])
    assert 1 < placed <= summary["files"]
