"""benchmarks/run.py writes its results where told, or into a git-ignored folder."""

import shutil
import subprocess

import pytest
from conftest import ROOT

from benchmarks.run import parser


def test_results_go_to_a_git_ignored_folder_by_default():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    output = parser().parse_args([]).output / "national.json"
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", str(output)], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0, f"{output} would be tracked by git"


def test_results_go_where_told(tmp_path):
    assert parser().parse_args(["-o", str(tmp_path)]).output == tmp_path
