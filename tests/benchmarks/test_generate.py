"""The synthetic model generator: deterministic, valid, its planted gaps found by the audit."""

import json
import sys
from collections import Counter

import pytest
from conftest import ROOT

from spbe_arch.cli import app
from spbe_arch.graph import build_graph
from spbe_arch.validate import load_model

sys.path.insert(0, str(ROOT))
from benchmarks.generate import (
    AUDIT_CODES,
    GAP_KINDS,
    SUMMARY_FILE,
    generate,
    main,
    write_model,
)

STRUCTURAL = {"SPBE-A017", "SPBE-A021"}
"""Audit codes every realistic model gets (data centres as single points of failure, facts
some elements leave unknown)."""


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small model (one kabupaten), written once for the module; (folder, summary)."""
    folder = tmp_path_factory.mktemp("generated") / "small"
    return folder, write_model(generate("small", seed=1), folder)


def test_generate_same_seed_same_files_other_seed_other_files():
    first = generate("small", seed=1)
    assert generate("small", seed=1).files == first.files
    assert generate("small", seed=2).files != first.files


def test_generate_small_validates_clean_from_the_cli(runner, small):
    folder, summary = small
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"0 errors, 0 warnings in {summary['files']} files ({summary['elements']} elements)\n"
    )


def test_generate_counts_match_the_loaded_model_and_its_graph(small):
    folder, summary = small
    result = load_model(folder)
    assert result.findings == []
    counts = result.architecture.counts()  # also collections the generator never fills
    assert {name: counts[name] for name in summary["elements_by_collection"]} == (
        summary["elements_by_collection"]
    )
    assert sum(counts.values()) == summary["elements"]
    assert build_graph(result.architecture).to_networkx().number_of_edges() == summary["relations"]
    assert len(result.architecture.files) == summary["files"]


def test_generate_small_has_every_gap_kind_and_about_500_elements(small):
    _, summary = small
    assert list(summary["gaps"]) == list(GAP_KINDS)
    planted = {k for k, n in summary["gaps"].items() if n}
    assert planted == set(GAP_KINDS) - {"hub_application", "relay_application"}
    assert 400 <= summary["elements"] <= 600


def test_audit_finds_exactly_the_planted_gaps(runner, small):
    folder, summary = small
    result = runner.invoke(app, ["audit", str(folder), "--format", "json"])
    assert result.exit_code == 1, result.output  # SPBE-A002 (unintegrated data) is an error
    findings = json.loads(result.output)["findings"]
    by_code: dict[str, list[str]] = {}
    for item in findings:
        by_code.setdefault(item["code"], []).append(item["element"])
    for kind, code in AUDIT_CODES.items():
        assert sorted(by_code.get(code, [])) == summary["gap_elements"][kind], kind
    assert set(by_code) <= set(AUDIT_CODES.values()) | STRUCTURAL
    steward = json.loads(result.output)["metrics"]["completeness"]["data.steward"]
    assert steward["of"] - steward["known"] == len(summary["gap_elements"]["data_without_steward"])


def test_audit_finds_the_province_gaps_including_hubs_and_relays(tmp_path):
    folder = tmp_path / "province"
    summary = write_model(generate("province", seed=3), folder)
    assert summary["gaps"]["hub_application"] == 1  # the province's Satu Data portal
    assert summary["gaps"]["relay_application"] > 0
    from spbe_arch.audit import audit

    loaded = load_model(folder)
    assert loaded.findings == []
    found = Counter(f.code for f in audit(build_graph(loaded.architecture)).findings)
    for kind, code in AUDIT_CODES.items():
        assert found[code] == summary["gaps"][kind], kind


def test_generate_national_is_national_scale():
    model = generate("national", seed=1)
    summary = model.summary()
    assert summary["files"] == 553  # the manifest and one file per pemda (38 + 514)
    assert 95_000 <= summary["elements"] <= 110_000
    assert summary["elements_by_collection"]["applications"] >= 18_000
    assert 150_000 <= summary["relations"] <= 180_000
    assert 12e6 <= summary["bytes"] <= 17e6


def test_generate_cli_prints_counts_and_writes_the_summary(tmp_path, capsys):
    folder = tmp_path / "model"
    assert main(["--size", "small", "--seed", "4", "-o", str(folder)]) == 0
    out = capsys.readouterr().out
    summary = json.loads((folder / SUMMARY_FILE).read_text())
    assert f"elements   {summary['elements']:>8}" in out
    assert f"relations  {summary['relations']:>8}" in out
    assert f"  unit_outside_jip              {summary['gaps']['unit_outside_jip']:>8}" in out
    assert (folder / "spbe.yaml").is_file()


def test_generate_cli_refuses_a_folder_that_holds_a_model(tmp_path, capsys):
    folder = tmp_path / "model"
    assert main(["--size", "small", "-o", str(folder)]) == 0
    capsys.readouterr()
    assert main(["--size", "small", "-o", str(folder)]) == 2
    assert "already holds a model" in capsys.readouterr().err


def test_generate_unknown_size_is_refused():
    with pytest.raises(ValueError, match="unknown size 'huge'"):
        generate("huge")


def test_generate_split_writes_one_clean_model_per_pemda_with_its_gaps(tmp_path, capsys):
    folder = tmp_path / "province"
    assert main(["--size", "province", "--seed", "3", "--split", "-o", str(folder)]) == 0
    capsys.readouterr()
    summary = json.loads((folder / SUMMARY_FILE).read_text())
    assert summary == generate("province", seed=3, split=True).summary()
    folders = sorted(p for p in folder.iterdir() if p.is_dir())
    assert len(folders) == 21 and summary["files"] == 42  # spbe.yaml and arsitektur.yaml each
    from spbe_arch.audit import audit

    elements = Counter()
    relations = 0
    found = Counter()
    for pemda in folders:
        loaded = load_model(pemda)
        assert loaded.findings == [], pemda
        elements.update(loaded.architecture.counts())
        graph = build_graph(loaded.architecture)
        relations += graph.to_networkx().number_of_edges()
        found.update(f.code for f in audit(graph).findings)
    assert {name: elements[name] for name in summary["elements_by_collection"]} == (
        summary["elements_by_collection"]
    )
    assert relations == summary["relations"]
    for kind, code in AUDIT_CODES.items():
        assert found[code] == summary["gaps"][kind], kind
    assert summary["gaps"]["hub_application"] == 0  # the kabupaten's links are theirs now
