"""`spbe-arch diff` from the user's side: the example as-is against its to-be 2029, as two
folders and as two git revisions; SARIF of the introduced findings; clear refusals."""

import json
import os
import re
import shutil
import subprocess

import pytest
from conftest import EXAMPLE, ROOT

from spbe_arch.cli import app
from spbe_arch.validate import load_model

TO_BE = ROOT / "examples" / "kabupaten-lembah-hijau-2029"

CHANGED = {
    "data-lingkungan": {"steward"},
    "data-penerima-bansos": {"published"},
    "data-pertanian": {"steward"},
    "data-tender": {"published"},
    "dispusip": {"networks"},
    "e-office-lembah-hijau": {"status"},
    "e-perpus": {"hosting"},
    "gis-tata-ruang": {"hosting"},
    "int-bencana-satu-data": {"via"},
    "int-eoffice-srikandi": {"status"},
    "int-gis-satu-data": {"via", "network"},
    "kab-lembah-hijau": {"to_be"},  # the manifest says it is the target of 2029
    "int-gis-simbg": {"network"},
    "int-satusehat-satu-data": {"via"},
    "int-siak-ebansos": {"status"},
    "int-siak-epbb": {"status"},
    "int-siasn-simpeg": {"status"},
    "int-silh-satu-data": {"via"},
    "int-simbg-eretribusi": {"status"},
    "int-simbg-simpel-izin": {"via"},
    "int-simpeg-eoffice": {"target", "via", "network"},
    "int-simrs-satusehat": {"via", "network"},
    "int-sipd-emonev": {"status"},
    "int-sitani-satu-data": {"via"},
    "int-superapp-lapor": {"status"},
    "kec-bukit-raya": {"networks"},
    "kec-pesisir-timur": {"networks"},
    "kec-sungai-jernih": {"networks"},
    "satpol-pp": {"networks"},
    "sec-drc": {"status"},
    "sec-isms": {"standard", "year"},
    "simpeg-lembah-hijau": {"name"},
    "simrs-lembah-hijau": {"hosting"},
    "srikandi-lembah-hijau": {"reads"},
    "super-app-lembah-hijau": {"status"},
}

REROUTED = {
    "int-bencana-satu-data": ("file_transfer", "splp"),
    "int-gis-satu-data": ("api_direct", "splp"),
    "int-gis-simbg": ("api_direct", "api_direct"),
    "int-satusehat-satu-data": ("file_transfer", "splp"),
    "int-silh-satu-data": ("file_transfer", "splp"),
    "int-simbg-simpel-izin": ("api_direct", "splp"),
    "int-simpeg-eoffice": ("api_direct", "splp"),
    "int-simrs-satusehat": ("api_direct", "splp"),
    "int-sitani-satu-data": ("file_transfer", "splp"),
}

RESOLVED = sorted([
    *(("SPBE-A002", a) for a in ("e-pbb", "e-bansos", "e-retribusi", "simpeg-lembah-hijau",
                                 "e-monev")),
    *(("SPBE-A003", s) for s in ("svc-pajak-daerah", "svc-bansos", "svc-retribusi",
                                 "svc-kepegawaian", "svc-pengendalian-evaluasi")),
    *(("SPBE-A004", i) for i in ("int-simpeg-eoffice", "int-simbg-simpel-izin",
                                 "int-satusehat-satu-data", "int-bencana-satu-data",
                                 "int-gis-satu-data", "int-silh-satu-data",
                                 "int-sitani-satu-data", "int-simrs-satusehat")),
    *(("SPBE-A005", i) for i in ("int-gis-simbg", "int-gis-satu-data", "int-simrs-satusehat")),
    ("SPBE-A008", "e-office-lembah-hijau"),
    ("SPBE-A009", "simrs-lembah-hijau"),
    ("SPBE-A010", "gis-tata-ruang"), ("SPBE-A010", "e-perpus"),
    ("SPBE-A017", "pusat-data-lembah-hijau"),  # the DRC built in 2027 covers it
    ("SPBE-A021", None),  # steward known for 42 of 44 data sets: now for all
    ("SPBE-A013", "data-tender"), ("SPBE-A013", "data-penerima-bansos"),
    *(("SPBE-A020", u) for u in ("dispusip", "satpol-pp", "kec-sungai-jernih", "kec-bukit-raya",
                                 "kec-pesisir-timur")),
])

INTRODUCED = [("SPBE-A015", "simpeg-lembah-hijau"), ("SPBE-A016", "siak-lembah-hijau")]


def _json(runner, *args):
    result = runner.invoke(app, ["diff", *map(str, args), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _maturity(runner, path):
    return json.loads(runner.invoke(app, ["maturity", str(path), "--format", "json"]).stdout)


@pytest.fixture(scope="module")
def folders():
    from typer.testing import CliRunner

    return _json(CliRunner(), EXAMPLE, TO_BE)


def _keys(findings):
    return sorted((f["code"], f["element"]) for f in findings)


def test_diff_lists_exactly_the_planted_changes(folders):
    assert folders["added"] == []
    assert folders["removed"] == []
    assert {c["id"]: {f["field"] for f in c["fields"]} for c in folders["changed"]} == CHANGED


def test_diff_a_rename_keeps_the_id_and_is_a_change(folders):
    simpeg = next(c for c in folders["changed"] if c["id"] == "simpeg-lembah-hijau")
    assert simpeg["fields"] == [{"field": "name", "old": "SIMPEG Daerah Lembah Hijau",
                                 "new": "Modul Presensi Pegawai Lembah Hijau"}]


def test_diff_lists_integrations_rerouted(folders):
    assert {r["id"]: (r["old_via"], r["new_via"]) for r in folders["rerouted"]} == REROUTED
    simrs = next(r for r in folders["rerouted"] if r["id"] == "int-simrs-satusehat")
    assert (simrs["old_network"], simrs["new_network"]) == ("internet", "jip-lembah-hijau")


def test_diff_findings_resolved_and_introduced(folders):
    assert _keys(folders["findings_resolved"]) == RESOLVED
    steward = next(f for f in folders["findings_resolved"] if f["code"] == "SPBE-A021")
    assert steward["message"] == ("steward known for 42 of 44 data sets; not stated by "
                                  "data-pertanian, data-lingkungan")
    assert _keys(folders["findings_introduced"]) == sorted(INTRODUCED)
    introduced = folders["findings_introduced"][0]
    assert introduced["file"] == "aplikasi/khusus.yaml"  # located in the new model


def test_diff_metrics_and_index_change(runner, folders):
    metrics = folders["metrics"]
    assert metrics["integrations_via_splp"]["old"]["part"] == 24
    assert metrics["integrations_via_splp"]["new"] == {"part": 38, "total": 52,
                                                       "value": 38 / 52, "unknown": 0}
    assert metrics["units_on_jip"]["new"]["part"] == 30
    # two services' applications state no data: not counted (35, not 37), unknown
    assert metrics["services_fully_integrated"]["new"] == {"part": 35, "total": 35, "value": 1.0,
                                                           "unknown": 2}
    index = folders["index"]
    assert index["old"] == pytest.approx(_maturity(runner, EXAMPLE)["index"], abs=1e-12)
    assert index["new"] == pytest.approx(_maturity(runner, TO_BE)["index"], abs=1e-12)
    assert {i["id"]: (i["old_level"], i["new_level"]) for i in index["indicators"]} == {
        "17": (2, 3), "23": (2, 3), "43": (2, 3)}
    gained = sum(i["index_change"] for i in index["indicators"])
    assert index["change"] == pytest.approx(gained, abs=1e-12)
    assert (index["old"], index["new"], index["change"]) == (2.681, 2.751, 0.07)  # no noise


def test_diff_text_shows_changes_findings_and_index(runner):
    result = runner.invoke(app, ["diff", str(EXAMPLE), str(TO_BE)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"diff {EXAMPLE.as_posix()} -> {TO_BE.as_posix()}"
    assert "  ~ simpeg-lembah-hijau (applications)" in lines
    assert "      name: SIMPEG Daerah Lembah Hijau -> Modul Presensi Pegawai Lembah Hijau" in lines
    assert (
        "  int-simbg-simpel-izin simbg-lembah-hijau -> simpel-izin: api_direct -> splp" in lines
    )
    assert "  integrations via SPLP: 24 of 46 (52%) -> 38 of 52 (73%) (+21 pts)" in lines
    assert lines[-1] == (
        "0 added, 0 removed, 35 changed, 9 rerouted, 2 findings introduced, 34 resolved, "
        "1 finding changed, index 2.68 -> 2.75"
    )
    assert ("    was: infrastruktur 'pdn-lembah-hijau' is a single point of failure: its loss "
            "stops 10 services ('svc-informasi-publik', 'svc-jdih', 'svc-kependudukan', "
            "'svc-keuangan', 'svc-kinerja-pegawai' and 5 more)") in lines  # 13 in the to-be


def test_diff_sarif_carries_only_the_introduced_findings(runner):
    result = runner.invoke(app, ["diff", str(EXAMPLE), str(TO_BE), "--format", "sarif"])
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert sorted((r["ruleId"], r["properties"]["element"]) for r in results) == INTRODUCED
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    # relative to the repository in a git checkout, as code scanning reads them
    shown = TO_BE.relative_to(ROOT).as_posix() if (ROOT / ".git").exists() else TO_BE.as_posix()
    assert uris == {f"{shown}/aplikasi/khusus.yaml", f"{shown}/aplikasi/umum.yaml"}


def test_a_list_left_out_is_not_stated_not_empty(runner, tmp_path):
    """`networks:` left out says nothing (unknown), `networks: []` says none: the diff shows
    the one as '-' and the other as []."""
    new = tmp_path / "new"
    shutil.copytree(EXAMPLE, new)
    units = next(p for p in new.rglob("*.yaml") if "  - id: dispusip\n" in p.read_text())
    text = units.read_text()
    at = text.index("  - id: dispusip\n")
    block_end = text.index("\n  - id:", at + 1)
    block = text[at:block_end]
    units.write_text(text[:at] + re.sub(r"\n    networks: .*", "", block) + text[block_end:])
    result = runner.invoke(app, ["diff", str(EXAMPLE), str(new)])
    assert result.exit_code == 0, result.output
    assert "      networks: [intranet-lembah-hijau] -> -" in result.output.splitlines()


def test_diff_exits_1_when_the_change_introduces_an_error(runner, tmp_path):
    worse = tmp_path / "worse"
    shutil.copytree(EXAMPLE, worse)
    apps = worse / "aplikasi" / "khusus.yaml"
    apps.write_text(apps.read_text().replace("reads: [data-pbg", "reads: [data-pegawai, data-pbg"))
    result = runner.invoke(app, ["diff", str(EXAMPLE), str(worse), "--format", "markdown"])
    assert result.exit_code == 1, result.output
    assert "| error | SPBE-A002 |" in result.output


GAPS = """\
units: [{id: u, name: U, kind: dinas, networks: [jip]}]
applications:
  - {id: p1, name: P1, kind: khusus, owner: u, writes: [d1]}
  - {id: p2, name: P2, kind: khusus, owner: u, writes: [d0]}
  - {id: c, name: C, kind: khusus, owner: u, reads: [READS]}
data:
  - {id: d1, name: D1, classification: terbatas, steward: u}
  - {id: d0, name: D2, classification: terbatas, steward: u}
integrations: [{id: i, source: p1, target: p2, via: splp}]
"""


def test_diff_names_the_new_gap_of_an_application_that_had_one(runner, tmp_path):
    """Findings are matched with the elements they relate: the application's second data
    flow without integration is the one introduced, even where it sorts first."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(GAPS.replace("READS", "d1"))
    new.write_text(GAPS.replace("READS", "d1, d0"))
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    out = json.loads(result.stdout)
    gaps = [(f["element"], "'d0'" in f["message"]) for f in out["findings_introduced"]
            if f["code"] == "SPBE-A002"]
    assert gaps == [("c", True)]
    assert [f for f in out["findings_resolved"] if f["code"] == "SPBE-A002"] == []


SPLP_CLAIM = """\
instansi: {id: kab, name: Kab, level: kabupaten}
units:
  - {id: u1, name: U1, kind: dinas, networks: [jip]}
  - {id: u2, name: U2, kind: dinas, networks: [jip]}
applications:
  - {id: a1, name: A1, kind: khusus, owner: u1, hosting: pdn}
  - {id: a2, name: A2, kind: khusus, owner: u2, hosting: pdn}
  - {id: a3, name: A3, kind: khusus, owner: u2, hosting: pdn}
  - {id: a4, name: A4, kind: khusus, owner: u1, hosting: pdn}
  - {id: a5, name: A5, kind: khusus, owner: u1, hosting: pdn}
integrations:
  - {id: i1, source: a1, target: a2, via: api_direct}
  - {id: i2, source: a1, target: a3, via: api_direct}
  - {id: i3, source: a4, target: a5, via: splp}
assessment:
  - {indicator: 18, year: 2024, level: 4}
"""


@pytest.mark.parametrize("layout", ["folders", "files"])
def test_diff_an_improvement_introduces_no_finding_whose_words_quote_counts(
    runner, tmp_path, layout
):
    """The claim on indicator 18 stays above the model; its message quotes the SPLP counts,
    which the change improves: the same finding, matched by the entry it is about (and the
    model-wide ones by their facts), also between one-file models named differently."""
    better = SPLP_CLAIM.replace("target: a3, via: api_direct", "target: a3, via: splp")
    if layout == "folders":
        old, new = tmp_path / "old" / "spbe.yaml", tmp_path / "new" / "spbe.yaml"
        old.parent.mkdir(), new.parent.mkdir()
    else:
        old, new = tmp_path / "v1.yaml", tmp_path / "v2.yaml"
    old.write_text(SPLP_CLAIM)
    new.write_text(better)
    result = runner.invoke(app, ["diff", str(old), str(new), "--fail-on", "info"])
    assert result.exit_code == 0, result.output
    assert "findings introduced: 0" in result.output
    lines = [line for line in result.output.splitlines() if "SPBE-" in line]
    assert lines[0] == (f"{old}:13:6: warning SPBE-A004 integration 'i2' ('a1' -> 'a3') from "
                        "unit 'u1' to unit 'u2' uses 'api_direct' instead of splp")
    assert [line.split(": warning ")[1].split(" ")[0] for line in lines[1:]] == ["SPBE-M004"]
    assert "findings changed (the same problem, its message now; was: before): 1" in (
        result.output)  # the claim, its counts now


def test_diff_markdown_for_a_pull_request(runner):
    result = runner.invoke(app, ["diff", str(EXAMPLE), str(TO_BE), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "| changed | e-office-lembah-hijau | applications | status: active → retired |" in (
        result.output)
    assert "| integrations via SPLP | 24 of 46 (52%) | 38 of 52 (73%) | +21 pts |" in result.output
    assert "| indicator 43 Layanan data terbuka | 2 | 3 | +0.030 |" in result.output  # why
    # the count under "Findings introduced" is of those, not of the model's
    assert "### Findings introduced\n\n0 errors, 1 warning, 1 info in the change\n" in (
        result.output)


def _two_copies(tmp_path):
    """Two copies of the example, `old` and `new`: the test changes the second."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(EXAMPLE, old)
    shutil.copytree(EXAMPLE, new)
    return old, new


# git revisions ------------------------------------------------------------------------------


def _git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.id", *args],
        cwd=repo, check=True, capture_output=True,
    )


def _repo_with_model(tmp_path):
    """A git repository whose folder `arsitektur`, the example, is its one commit."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copytree(EXAMPLE, repo / "arsitektur")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "model")
    return repo


@pytest.fixture
def repo(tmp_path):
    """A git repository whose folder `arsitektur` was the as-is, then the to-be."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = _repo_with_model(tmp_path)  # the as-is
    shutil.rmtree(repo / "arsitektur")
    shutil.copytree(TO_BE, repo / "arsitektur")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "to-be")
    return repo


def _same_diff(got, folders):
    for key in ("added", "removed", "changed", "rerouted", "metrics", "index"):
        assert got[key] == folders[key], key
    assert _keys(got["findings_resolved"]) == RESOLVED
    assert _keys(got["findings_introduced"]) == sorted(INTRODUCED)


def test_diff_between_git_revisions_matches_the_folders(runner, repo, folders):
    model = repo / "arsitektur"
    got = _json(runner, model, "--from", "HEAD~1", "--to", "HEAD")
    _same_diff(got, folders)
    assert (got["old"], got["new"]) == (f"{model.as_posix()}@HEAD~1", f"{model.as_posix()}@HEAD")


def test_diff_from_a_revision_to_the_working_tree(runner, repo, folders):
    model = repo / "arsitektur"
    unit = "units:\n  - {id: upt-baru, name: UPT Baru, kind: unit_kerja}\n"
    (model / "catatan.yaml").write_text(unit)
    got = _json(runner, model, "--from", "HEAD")
    assert [a["id"] for a in got["added"]] == ["upt-baru"]  # uncommitted work is compared
    assert got["changed"] == []


def test_diff_from_names_the_model_by_its_manifest_too(runner, repo, folders):
    result = runner.invoke(
        app, ["diff", str(repo / "arsitektur" / "spbe.yaml"), "--from", "HEAD~1", "-f", "json"])
    assert result.exit_code == 0, result.output
    _same_diff(json.loads(result.stdout), folders)


def test_diff_from_a_revision_before_the_model_lists_every_element_as_added(runner, tmp_path):
    """The pull request that adds the model: its diff against the base lists everything."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "README.md").write_text("arsitektur SPBE\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "start")
    shutil.copytree(EXAMPLE, repo / "arsitektur")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "model")
    result = runner.invoke(app, ["diff", str(repo / "arsitektur"), "--from", "HEAD~1",
                                 "-f", "json"])
    assert result.exit_code == 1, result.output  # the example's errors are all new
    out = json.loads(result.stdout)
    folder = json.loads(runner.invoke(app, ["validate", str(EXAMPLE), "-f", "json"]).stdout)
    example = load_model(EXAMPLE).architecture
    entries = len(example.assessment) + len(example.evaluations) + len(example.waivers)
    assert len(out["added"]) == sum(folder["summary"]["elements"].values()) + 1 + entries
    assert {r["kind"] for r in out["added"]} >= {"instansi", "assessment", "evaluations"}
    assert out["removed"] == [] and out["changed"] == [] and out["findings_resolved"] == []
    assert out["absent"] == f"{(repo / 'arsitektur').as_posix()}@HEAD~1"
    text = runner.invoke(app, ["diff", str(repo / "arsitektur"), "--from", "HEAD~1"])
    assert text.stdout.splitlines()[1] == (
        f"{(repo / 'arsitektur').as_posix()}@HEAD~1: no model there (no folder, or no "
        "spbe.yaml in it): every element counts as added")
    assert out["index"]["old"] is None and out["index"]["new"] is not None
    assert "index: none (no model) -> " in text.stdout


def test_diff_from_a_revision_of_a_folder_that_is_nowhere_names_it(runner, repo, monkeypatch):
    """No temporary folder in the message: the folder as typed, missing now."""
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["diff", "arsitekturr", "--from", "HEAD"])
    assert result.exit_code == 2, result.output
    assert result.stderr == ("spbe-arch: arsitekturr: no such file or folder; did you mean "
                             "arsitektur?\n")


def test_diff_from_outside_a_git_repository_cannot_run(runner, tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    result = runner.invoke(app, ["diff", str(model), "--from", "HEAD"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"spbe-arch: {model}: not in a git repository; --from compares revisions of a model "
        "kept in git (compare two folders with `spbe-arch diff OLD NEW`)\n"
    )


def test_diff_from_an_unknown_revision_cannot_run(runner, repo):
    result = runner.invoke(app, ["diff", str(repo / "arsitektur"), "--from", "v9.9"])
    assert result.exit_code == 2, result.output
    assert "'v9.9' is not a revision of its git repository" in result.stderr


def test_diff_without_git_says_so(runner, repo, monkeypatch):
    monkeypatch.setenv("PATH", "")
    result = runner.invoke(app, ["diff", str(repo / "arsitektur"), "--from", "HEAD~1"])
    assert result.exit_code == 2, result.output
    assert result.stderr == "spbe-arch: git is not installed (or not on PATH); --from needs it\n"


def test_diff_needs_two_folders_or_from(runner):
    result = runner.invoke(app, ["diff", str(EXAMPLE)])
    assert result.exit_code == 2
    assert "give two folders (diff OLD NEW) or one folder and --from REV" in result.output


def test_diff_to_without_from_says_it_needs_from(runner):
    result = runner.invoke(app, ["diff", str(EXAMPLE), "--to", "HEAD"])
    assert result.exit_code == 2
    assert "--to needs --from" in result.output


PAIR = """\
instansi: {id: kab-x, name: Kab X, level: kabupaten}
units:
  - {id: a, name: A, kind: dinas, networks: [jip]}
  - {id: b, name: B, kind: dinas, networks: [jip]}
applications:
  - {id: x, name: X, kind: khusus, owner: a, status: active, hosting: pdn, writes: [d]}
  - {id: y, name: Y, kind: khusus, owner: b, status: active, hosting: pdn, reads: [d]}
data:
  - {id: d, name: D, steward: a, classification: terbatas}
integrations:
  - {id: i, source: x, target: y, via: splp, network: jip, data: [d]}
"""


def test_diff_summary_counts_one_finding_in_the_singular(runner, tmp_path):
    for name, text in (("old", PAIR), ("new", PAIR.replace("via: splp", "via: api_direct"))):
        (tmp_path / name).mkdir()
        (tmp_path / name / "spbe.yaml").write_text(text)
    result = runner.invoke(app, ["diff", str(tmp_path / "old"), str(tmp_path / "new")])
    assert result.output.splitlines()[-1].startswith(
        "0 added, 0 removed, 1 changed, 1 rerouted, 1 finding introduced, 0 resolved, index ")
    assert "SPBE-A004" in result.output


def test_a_share_counted_for_the_first_time_is_a_change_not_equal(runner, tmp_path):
    """'none recorded -> 1 of 1' changed: '(=)' there would hide it."""
    model = ("instansi: {id: k, name: Kab K, level: kabupaten}\n"
             "units: [{id: dinkes, name: Dinkes, kind: dinas}, "
             "{id: dukcapil, name: Dukcapil, kind: dinas}]\n"
             "applications:\n  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}\n"
             "  - {id: siak, name: SIAK, kind: khusus, owner: dukcapil}\n")
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        (folder / "spbe.yaml").write_text(model)
    (new / "int.yaml").write_text(
        "integrations:\n  - {id: i1, source: siak, target: simpus, via: splp}\n")
    forward = runner.invoke(app, ["diff", str(old), str(new)]).output
    assert "  integrations via SPLP: none recorded -> 1 of 1 (100%) (counted now)" in forward
    back = runner.invoke(app, ["diff", str(new), str(old)]).output
    assert "  integrations via SPLP: 1 of 1 (100%) -> none recorded (no longer counted)" in back
    (new / "int.yaml").write_text(
        "integrations:\n  - {id: i1, source: siak, target: simpus, via: splp}\n"
        "  - {id: i2, source: simpus, target: siak, via: unknown}\n")
    unknown = runner.invoke(app, ["diff", str(old), str(new)]).output
    assert ("  integrations via SPLP: none recorded -> 1 of 1 (100%); 1 not known (counted now; "
            "not known 0 -> 1)") in unknown


def test_a_file_that_cannot_be_read_is_not_compared(runner, tmp_path):
    """A tab in one file of the new version: its elements are neither removed nor their
    findings resolved; what it hides is said, and the index is provisional."""
    new = tmp_path / "new"
    shutil.copytree(EXAMPLE, new)
    khusus = new / "aplikasi" / "khusus.yaml"
    tabbed = khusus.read_text("utf-8").replace("  - id: simpel-izin", "\t- id: simpel-izin")
    khusus.write_text(tabbed, "utf-8")
    result = runner.invoke(app, ["diff", str(EXAMPLE), str(new), "--format", "json"])
    assert result.exit_code == 1, result.output  # the syntax error is introduced
    out = json.loads(result.stdout)
    assert (out["added"], out["removed"], out["changed"]) == ([], [], [])
    assert "simpel-izin" in out["unread"] and len(out["unread"]) == 33
    assert [f["code"] for f in out["findings_introduced"]] == ["SPBE-R001", "SPBE-R008"]
    assert not {f["element"] for f in out["findings_resolved"]} & set(out["unread"])
    held_back = {"SPBE-A001", "SPBE-A002", "SPBE-A003", "SPBE-A018", "SPBE-A019"}  # unchecked
    assert not {f["code"] for f in out["findings_resolved"]} & held_back
    text = runner.invoke(app, ["diff", str(EXAMPLE), str(new)]).stdout
    assert "33 not compared (in a file that could not be read)" in text
    assert "provisional: a file could not be read" in text


def test_integrations_that_cannot_be_read_resolve_no_hub_nor_single_point_of_failure(
        runner, tmp_path):
    """A bracket left open in the SPLP integrations: the hubs and single points of failure
    that rest on those links are unknown, not resolved, and every figure says provisional."""
    new = tmp_path / "new"
    shutil.copytree(EXAMPLE, new)
    splp = new / "integrasi" / "splp.yaml"
    splp.write_text(splp.read_text("utf-8").replace("data: [", "data: [[", 1), "utf-8")
    out = json.loads(runner.invoke(app, ["diff", str(EXAMPLE), str(new), "-f", "json"]).stdout)
    assert out["unread"]
    assert not {f["code"] for f in out["findings_resolved"]} & {
        "SPBE-A015", "SPBE-A016", "SPBE-A017"}
    lines = runner.invoke(app, ["diff", str(EXAMPLE), str(new)]).stdout.splitlines()
    assert "metrics (provisional: a file could not be read)" in lines
    assert next(line for line in lines if line.startswith("index: ")).endswith(
        " (provisional: a file could not be read)")


def test_the_markdown_diff_lists_the_reroutes_and_the_hints(runner):
    markdown = runner.invoke(app, ["diff", str(EXAMPLE), str(TO_BE), "-f", "markdown"]).stdout
    assert ("| int-gis-satu-data | gis-tata-ruang | satu-data-lembah-hijau | api_direct → splp | "
            "internet → jip-lembah-hijau |") in markdown.splitlines()
    assert "<br>hint: " in markdown


def test_a_waiver_of_what_a_broken_version_could_not_show_is_not_newly_waived(
    runner, tmp_path
):
    """From a version with an unreadable file to the example with a waiver on a finding of that
    file's applications: the finding was not known before, so no waiver changed."""
    old, new = _two_copies(tmp_path)
    khusus = old / "aplikasi" / "khusus.yaml"
    khusus.write_text(khusus.read_text("utf-8").replace("  - id: simpel-izin",
                                                        "\t- id: simpel-izin"), "utf-8")
    (new / "waivers.yaml").write_text("waivers:\n  - {code: SPBE-A015, element: simpad, "
                                      "reason: migrasi, until: 2099-12-31}\n", "utf-8")
    out = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format", "json"]).stdout)
    assert out["findings_waived"] == []
    assert not {f["code"] for f in out["findings_introduced"]} & {
        "SPBE-A001", "SPBE-A002", "SPBE-A003", "SPBE-A018", "SPBE-A019"}


def test_an_id_moved_to_another_collection_and_a_renamed_instansi(runner, tmp_path):
    manifest = "instansi: {{id: kab-uji, name: {name}, level: kabupaten}}\n"
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, name, x in ((old, "Kabupaten Uji", "units:\n  - {id: x, name: X, kind: dinas}\n"),
                            (new, "Pemerintah Kabupaten Uji",
                             "units:\n  - {id: u, name: U, kind: dinas}\napplications:\n"
                             "  - {id: x, name: X, kind: khusus, owner: u}\n")):
        folder.mkdir()
        (folder / "spbe.yaml").write_text(manifest.format(name=name), "utf-8")
        (folder / "model.yaml").write_text(x, "utf-8")
    out = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format", "json"]).stdout)
    assert [(r["id"], r["kind"]) for r in out["added"]] == [("u", "units"), ("x", "applications")]
    assert [(r["id"], r["kind"]) for r in out["removed"]] == [("x", "units")]
    assert [(c["id"], [f["field"] for f in c["fields"]]) for c in out["changed"]] == [
        ("kab-uji", ["name"])]


def test_an_id_that_becomes_the_instansi_is_listed(runner, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, instansi, units in ((old, "kab-a", "  - {id: kab-b, name: B, kind: dinas}\n"),
                                    (new, "kab-b", "  - {id: u, name: U, kind: dinas}\n")):
        folder.mkdir()
        (folder / "spbe.yaml").write_text(
            f"instansi: {{id: {instansi}, name: Kabupaten, level: kabupaten}}\n", "utf-8")
        (folder / "units.yaml").write_text("units:\n" + units, "utf-8")
    out = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format", "json"]).stdout)
    assert [(r["id"], r["kind"]) for r in out["added"]] == [("kab-b", "instansi"), ("u", "units")]
    assert [(r["id"], r["kind"]) for r in out["removed"]] == [
        ("kab-a", "instansi"), ("kab-b", "units")]


def test_retiring_an_application_but_not_its_integration_is_introduced(runner, tmp_path):
    """The SPLP bypass of the forgotten integration is no longer analysed (its end is not
    active): the diff shows why, instead of only "resolved"."""
    new = tmp_path / "new"
    shutil.copytree(EXAMPLE, new)
    apps = new / "aplikasi" / "khusus.yaml"
    text = apps.read_text()
    at = text.index("  - id: e-office-lembah-hijau")
    apps.write_text(text[:at] + text[at:].replace("status: active", "status: retired", 1))
    out = _json(runner, EXAMPLE, new)
    assert [(f["code"], f["element"]) for f in out["findings_introduced"]] == [
        ("SPBE-A022", "int-simpeg-eoffice"),
        ("SPBE-P007", "rm-2025-srikandi-penuh")]  # the item to come retires it: done already?


def test_diff_from_a_revision_of_a_folder_removed_since_lists_every_element_removed(
        runner, repo):
    """The pull request that deletes the model: every element removed, and a line says so."""
    shutil.rmtree(repo / "arsitektur")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "no model")
    model = repo / "arsitektur"
    result = runner.invoke(app, ["diff", str(model), "--from", "HEAD~1", "-f", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["added"] == [] and len(out["removed"]) > 200
    assert out["absent"] == model.as_posix()
    # a version with no model has no index (not the empty model's 1.00), nor per indicator
    assert (out["index"]["new"], out["index"]["change"], out["index"]["indicators"]) == (
        None, None, [])
    old = f"{out['index']['old']:.2f}"
    text = runner.invoke(app, ["diff", str(model), "--from", "HEAD~1"]).stdout.splitlines()
    assert f"index: {old} (Baik) -> none (no model)" in text
    assert text[-1].endswith(f", index {old} -> -")
    markdown = runner.invoke(app, ["diff", str(model), "--from", "HEAD~1", "-f", "markdown"])
    assert f"| **SPBE index** | {old} (Baik) | - | - |" in markdown.stdout


def test_an_integration_with_no_name_is_named_by_its_ends(runner, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    apps = ("units:\n  - {id: u, name: U, kind: dinas}\napplications:\n"
            "  - {id: a, name: A, kind: khusus, owner: u}\n"
            "  - {id: b, name: B, kind: khusus, owner: u}\n")
    for folder, more in ((old, ""), (new, "integrations:\n"
                                          "  - {id: int-a-b, source: a, target: b, via: splp}\n")):
        folder.mkdir()
        (folder / "spbe.yaml").write_text(
            "instansi: {id: kab-uji, name: Kabupaten Uji, level: kabupaten}\n", "utf-8")
        (folder / "model.yaml").write_text(apps + more, "utf-8")
    out = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format", "json"]).stdout)
    assert out["added"] == [{"id": "int-a-b", "kind": "integrations", "name": "a -> b (splp)"}]


def test_a_wrong_reference_mended_and_another_made_on_one_element_is_introduced(
        runner, tmp_path):
    """A change that mends one wrong reference of an application and writes another is not
    "no change": the new one is introduced (each is about its own field and id)."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    model = GAPS.replace("owner: u, reads: [READS]", "owner: OWNER, reads: [READS]")
    old.write_text(model.replace("OWNER", "u-lama").replace("READS", "d1"))
    new.write_text(model.replace("OWNER", "u").replace("READS", "d9"))
    payload = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format",
                                             "json"]).stdout)
    assert [(f["code"], f["about"]) for f in payload["findings_introduced"]
            if f["code"] == "SPBE-R008"] == [("SPBE-R008", "reads: d9")]
    assert [(f["code"], f["about"]) for f in payload["findings_resolved"]
            if f["code"] == "SPBE-R008"] == [("SPBE-R008", "owner: u-lama")]


def test_diff_shows_changes_to_bukti_dukung_waivers_and_severity(runner, tmp_path):
    """What a reviewer must see though no element changes: a bukti dukung replaced, a waiver
    extended, a rule turned off (its findings are silenced, not resolved), and an index now
    about another year."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(EXAMPLE, old)
    waiver = ("waivers:\n  - {code: SPBE-A009, element: e-pbb, reason: kontrak vendor, "
              "until: 2099-12-31}\n")
    (old / "pengecualian.yaml").write_text(waiver)
    shutil.copytree(old, new)
    (new / "pengecualian.yaml").write_text(waiver.replace("kontrak vendor", "pokoknya nanti"))
    entries = new / "assessment.yaml"
    entries.write_text(entries.read_text().replace(
        "Nomor 12 Tahun 2022 tentang Arsitektur", "Draf Arsitektur", 1) + (
        "  - {indicator: 11, year: 2025, level: 2}\n"))
    manifest = new / "spbe.yaml"
    manifest.write_text(manifest.read_text().replace(
        "  target: 3.0\n", "  target: 3.0\n  severity: {SPBE-A002: off}\n"))
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    out = json.loads(result.stdout)
    changed = {c["id"]: (c["kind"], [f["field"] for f in c["fields"]]) for c in out["changed"]}
    assert changed["1@2024"] == ("assessment", ["evidence"])
    assert changed["SPBE-A009 e-pbb"] == ("waivers", ["reason"])
    assert changed["kab-lembah-hijau"] == ("instansi", ["severity"])
    assert [(r["id"], r["kind"], r["name"]) for r in out["added"]] == [
        ("11@2025", "assessment", "indicator 11 (2025)")]
    assert {f["code"] for f in out["findings_silenced"]} == {"SPBE-A002"}
    assert "SPBE-A002" not in {f["code"] for f in out["findings_resolved"]}
    assert (out["index"]["old_year"], out["index"]["new_year"]) == (2024, 2025)
    text = runner.invoke(app, ["diff", str(old), str(new)]).stdout
    assert ("findings no longer judged (their rule turned off with `severity:`, or their "
            "applications' integrations marked unknown): 5") in text
    assert "  of the year 2024 in the old model, of 2025 in the new: its latest assessment" in (
        text.splitlines())
    assert "      reason: kontrak vendor -> pokoknya nanti" in text.splitlines()
    indonesian = runner.invoke(app, ["diff", str(old), str(new), "--lang", "id"]).stdout
    assert "  + 11@2025 (penilaian) indikator 11 (2025)" in indonesian.splitlines()


def test_marking_an_application_s_integrations_unknown_is_no_fix(runner, tmp_path):
    """`integrations_known: false` on e-PBB takes its gaps out of the audit: the diff lists
    them as no longer judged, not resolved, and a gate on what a change resolves sees it."""
    new = tmp_path / "new"
    shutil.copytree(EXAMPLE, new)
    apps = new / "aplikasi" / "khusus.yaml"
    text = apps.read_text("utf-8")
    at = text.index("  - id: e-pbb\n")
    apps.write_text(text[:at] + text[at:].replace(
        "    kind: khusus\n", "    kind: khusus\n    integrations_known: false\n", 1), "utf-8")
    out = _json(runner, EXAMPLE, new)
    assert "e-pbb" in {f["element"] for f in out["findings_silenced"]}
    assert "e-pbb" not in {f["element"] for f in out["findings_resolved"]}


def test_diff_across_a_renamed_model_folder_names_the_old_one(runner, tmp_path):
    """`git mv arsitektur ea`: `--from HEAD~1:arsitektur` names the folder it was, as git
    does; without it the folder git sees moved is read where it was (a pull request renaming
    the folder changes nothing); a folder the revision lacks is said."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = _repo_with_model(tmp_path)
    _git(repo, "mv", "arsitektur", "ea")
    _git(repo, "commit", "-qm", "rename")
    result = runner.invoke(app, ["diff", str(repo / "ea"), "--from", "HEAD~1:arsitektur",
                                 "-f", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["added"], out["removed"], out["changed"], out["absent"]) == ([], [], [], None)
    followed = runner.invoke(app, ["diff", str(repo / "ea"), "--from", "HEAD~1"])
    assert followed.exit_code == 0, followed.output  # git sees the move: read where it was
    assert followed.stdout.splitlines()[0] == (
        f"diff {(repo / 'ea').as_posix()}@HEAD~1:arsitektur -> {(repo / 'ea').as_posix()}")
    assert followed.stdout.splitlines()[-1].startswith("0 added, 0 removed, 0 changed")
    both = runner.invoke(app, ["diff", str(repo / "ea"), "--from", "HEAD~1", "--to", "HEAD~1",
                               "-f", "json"])  # each side read where the folder was then
    assert both.exit_code == 0, both.output
    out = json.loads(both.stdout)
    assert (len(out["removed"]), out["absent"], out["new"]) == (
        0, None, f"{(repo / 'ea').as_posix()}@HEAD~1:arsitektur")
    wrong = runner.invoke(app, ["diff", str(repo / "ea"), "--from", "HEAD~1:arsitek"])
    assert wrong.exit_code == 2
    assert wrong.stderr == (f"spbe-arch: {repo / 'ea'}: no folder 'arsitek' in revision "
                            "'HEAD~1' (after the ':', the folder's path from the repository's "
                            "root)\n")


def test_a_new_model_folder_beside_an_edited_file_is_added_not_renamed(runner, tmp_path):
    """`git diff --name-status` of the change holds 'M README.md' and 'A ea/spbe.yaml': no
    rename (a path starting with R is no rename status)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = _repo_with_model(tmp_path)
    (repo / "README.md").write_text("arsitektur SPBE\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "readme")
    (repo / "README.md").write_text("arsitektur SPBE kota\n")
    (repo / "ea").mkdir()
    (repo / "ea" / "spbe.yaml").write_text(
        "instansi: {id: kota-y, name: Pemerintah Kota Y, level: kota}\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "a second model")
    result = runner.invoke(app, ["diff", str(repo / "ea"), "--from", "HEAD~1", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["absent"] == f"{(repo / 'ea').as_posix()}@HEAD~1"


def test_an_old_revision_holding_files_but_no_manifest_yet_is_no_model(runner, tmp_path):
    """The folder held files but no spbe.yaml then (drafts committed first): no one can add a
    manifest to a past revision, so it is no model there, as a folder that did not exist
    (trial: exit 2, 'add one')."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = _repo_with_model(tmp_path)
    _git(repo, "rm", "-q", "arsitektur/spbe.yaml")
    _git(repo, "commit", "-qm", "no manifest")
    _git(repo, "checkout", "-q", "HEAD~1", "--", "arsitektur/spbe.yaml")
    _git(repo, "commit", "-qm", "manifest again")
    result = runner.invoke(app, ["diff", str(repo / "arsitektur"), "--from", "HEAD~1",
                                 "-f", "json"])
    assert result.exit_code == 1  # the example's errors are all new, as for a new model
    out = json.loads(result.stdout)
    assert out["absent"] == f"{(repo / 'arsitektur').as_posix()}@HEAD~1"
    assert out["removed"] == [] and len(out["added"]) > 200
    assert "spbe-arch-" not in result.stderr


def test_a_revision_s_framework_outside_its_folder_is_named_by_the_revision(runner, tmp_path):
    """git archives the model folder alone: a framework file beside it (`../kerangka/`) is
    not in the revision, and the message named a temporary folder the user never made."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = _repo_with_model(tmp_path)
    (repo / "kerangka").mkdir()
    shutil.copy(ROOT / "models" / "frameworks" / "permenpanrb-59-2020.yaml",
                repo / "kerangka" / "kustom.yaml")
    manifest = repo / "arsitektur" / "spbe.yaml"
    manifest.write_text(manifest.read_text().replace(
        "framework: permenpanrb-59-2020", "framework: ../kerangka/kustom.yaml"))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "own framework")
    assert runner.invoke(app, ["maturity", str(repo / "arsitektur")]).exit_code in (0, 1)
    result = runner.invoke(app, ["diff", str(repo / "arsitektur"), "--from", "HEAD"])
    assert result.exit_code == 2
    assert result.stderr == (f"spbe-arch: {(repo / 'arsitektur').as_posix()}@HEAD/../kerangka/"
                             "kustom.yaml: framework file not found\n")


def test_git_s_refusals_are_said_with_their_fix(runner, tmp_path):
    """Trial: a repository of another user (CI containers, WSL) was said to be 'not in a git
    repository', and a shallow clone gave no hint that the history was missing."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = _repo_with_model(tmp_path)
    (repo / "arsitektur" / "units.yaml").write_text("units: []\n")
    _git(repo, "commit", "-qam", "second")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)],
                   check=True, capture_output=True)
    result = runner.invoke(app, ["diff", str(shallow / "arsitektur"), "--from", "HEAD~1"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "'HEAD~1' is not a revision of its git repository; the clone is shallow, without that "
        "history: fetch it (git fetch --unshallow; in GitHub Actions, actions/checkout with "
        "fetch-depth: 0)\n")
    if os.geteuid() != 0:
        pytest.skip("another user's repository needs chown, which only root may do (CI is "
                    "root)")
    os.chown(repo, 12345, 12345)
    try:
        result = runner.invoke(app, ["diff", str(repo / "arsitektur"), "--from", "HEAD~1"])
    finally:
        os.chown(repo, 0, 0)
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {repo / 'arsitektur'}: git refuses the repository, which belongs to "
        "another user (dubious ownership); trust it with: git config --global --add "
        f"safe.directory '{repo.resolve()}'\n")  # the repository's, as git says


def test_a_list_of_ids_written_in_another_order_is_no_change(runner, tmp_path):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(GAPS.replace("READS", "d1, d0"))
    new.write_text(GAPS.replace("READS", "d0, d1"))
    out = json.loads(runner.invoke(app, ["diff", str(old), str(new), "-f", "json"]).stdout)
    assert out["changed"] == []


def test_a_rule_rated_lower_is_listed_with_its_findings_and_the_gate_says_so(runner, tmp_path):
    """Trial (a team in git): `severity: {SPBE-A002: info}` made 5 errors infos and the diff
    listed only the manifest's field; the findings it rated lower are listed in every format,
    and gated at the severity they had."""
    old, new = _two_copies(tmp_path)
    manifest = new / "spbe.yaml"
    manifest.write_text(manifest.read_text().replace(
        "  target: 3.0\n", "  target: 3.0\n  severity: {SPBE-A002: info}\n"))
    out = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format", "json"]).stdout)
    assert [(f["code"], f["element"], f["was"], f["severity"])
            for f in out["findings_downgraded"]] == [
        ("SPBE-A002", app_id, "error", "info")
        for app_id in ("e-pbb", "e-retribusi", "e-monev", "simpeg-lembah-hijau", "e-bansos")]
    assert out["findings_introduced"] == out["findings_resolved"] == []
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 1  # gated at their old severity (re-trial: one line passed)
    assert "  SPBE-A002 e-pbb: error -> info" in result.stdout.splitlines()
    sarif = json.loads(runner.invoke(app, ["diff", str(old), str(new), "-f", "sarif"]).stdout)
    assert [(r["ruleId"], r["level"]) for r in sarif["runs"][0]["results"]] == [
        ("SPBE-A002", "error")] * 5
    assert ", 5 rated lower, " in result.stdout
    markdown = runner.invoke(app, ["diff", str(old), str(new), "--format", "markdown",
                                   "--lang", "id"]).stdout
    assert "**Tingkat keparahan diturunkan** (`severity:` di spbe.yaml" in markdown
    assert "SPBE-A002 e-pbb: kesalahan -> info" in markdown


def test_an_id_renamed_is_one_element_renamed_and_its_findings_stay(runner, tmp_path):
    """Trial (a team in git): renaming `e-monev` everywhere showed a removal and an addition,
    and the error it already had (SPBE-A002) as introduced: the gate failed on nothing new."""
    old, new = _two_copies(tmp_path)
    for path in new.rglob("*.yaml"):
        text = path.read_text("utf-8")
        path.write_text(re.sub(r"\be-monev\b", "e-monev-bappeda", text), "utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["renamed"] == [{"old": "e-monev", "new": "e-monev-bappeda",
                               "kind": "applications", "name": "e-Monev Pembangunan Daerah"}]
    assert out["added"] == out["removed"] == []
    assert out["findings_introduced"] == out["findings_resolved"] == []
    assert out["findings_changed"] == []  # a message quoting the id quotes the new one
    assert {c["id"] for c in out["changed"]} == {  # what names it changed, as written
        "data-monev", "int-emonev-esakip", "int-eplanning-emonev", "int-sipd-emonev",
        "svc-pengendalian-evaluasi"}
    text = runner.invoke(app, ["diff", str(old), str(new)]).stdout.splitlines()
    assert ("  > e-monev -> e-monev-bappeda (applications) e-Monev Pembangunan Daerah"
            in text)
    sarif = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format",
                                           "sarif"]).stdout)
    assert sarif["runs"][0]["results"] == []
    for path in new.rglob("*.yaml"):  # its integration renamed with it: renamed too
        text = path.read_text("utf-8")
        path.write_text(text.replace("id: int-emonev-esakip", "id: int-emonev-bappeda-esakip"),
                        "utf-8")
    out = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format",
                                         "json"]).stdout)
    assert [(r["old"], r["new"]) for r in out["renamed"]] == [
        ("e-monev", "e-monev-bappeda"), ("int-emonev-esakip", "int-emonev-bappeda-esakip")]
    assert out["findings_introduced"] == out["findings_resolved"] == []
    renamed_too = new / "aplikasi" / "khusus.yaml"  # renamed and changed: two elements
    renamed_too.write_text(renamed_too.read_text("utf-8").replace(
        "e-Monev Pembangunan Daerah", "e-Monev Bappeda"), "utf-8")
    out = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format",
                                         "json"]).stdout)
    assert out["renamed"] == []
    assert ([r["id"] for r in out["added"]], [r["id"] for r in out["removed"]]) == (
        ["e-monev-bappeda", "int-emonev-bappeda-esakip"], ["e-monev", "int-emonev-esakip"])


def test_a_changed_field_says_what_changed_inside_it_on_one_line(runner, tmp_path):
    """Trial (a pull request's review): one application dropped from a control's `covers:`
    printed both lists whole, a property both mappings, and a description written as a YAML
    block broke the Markdown table's row."""
    old, new = _two_copies(tmp_path)
    controls = new / "keamanan.yaml"
    controls.write_text(controls.read_text("utf-8").replace(
        "      - simpad\n", "", 1).replace(
        "    description: Salinan harian ke NAS di ruang yang sama; belum ada salinan di luar "
        "lokasi.\n",
        "    description: |\n      Salinan harian ke NAS.\n      Salinan luar lokasi 2026.\n"),
        "utf-8")
    infrastructure = new / "infrastruktur.yaml"
    infrastructure.write_text(infrastructure.read_text("utf-8").replace(
        "      rak: 6\n", "      rak: 8\n"), "utf-8")
    text = runner.invoke(app, ["diff", str(old), str(new)]).stdout.splitlines()
    assert "      covers: -simpad" in text
    assert "      properties.rak: 6 -> 8" in text
    assert ("      description: Salinan harian ke NAS di ruang yang sama; belum ada salinan di "
            "luar lokasi. -> Salinan harian ke NAS. ↵ Salinan luar lokasi 2026.") in text
    markdown = runner.invoke(app, ["diff", str(old), str(new), "--format", "markdown"]).stdout
    row = next(line for line in markdown.splitlines() if "| sec-backup |" in line)
    assert row.endswith("Salinan luar lokasi 2026.; covers: -simpad |")


def test_a_finding_whose_scope_changed_is_listed_with_its_old_message(runner, tmp_path):
    """Trial (a pull request moving applications to PDN): what a PDN outage stops grew from
    10 to 11 services, and the diff said nothing, the finding's code and element the same."""
    old, new = _two_copies(tmp_path)
    apps = new / "aplikasi" / "khusus.yaml"
    apps.write_text(apps.read_text("utf-8").replace(
        "hosting: pusat-data-lembah-hijau", "hosting: pdn-lembah-hijau", 1), "utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0  # no finding is new: shown, not gated
    changed = {f["element"]: (f["message"], f["was"]) for f in
               json.loads(result.stdout)["findings_changed"]}
    assert set(changed) == {"pdn-lembah-hijau", "pusat-data-lembah-hijau"}
    message, was = changed["pdn-lembah-hijau"]
    assert "its loss stops 11 services" in message and "its loss stops 10 services" in was
    text = runner.invoke(app, ["diff", str(old), str(new)]).stdout
    assert ", 2 findings changed, " in text.splitlines()[-1]
    assert "    was: infrastruktur 'pdn-lembah-hijau' is a single point of failure: its loss " \
           "stops 10 services" in text


def test_markup_in_a_name_shows_as_written_in_the_pull_request_view(runner, tmp_path):
    """Trial: an application named '<b>baru</b>' rendered bold in the Markdown table; the
    English view wrote its index row in Indonesian."""
    old, new = _two_copies(tmp_path)
    apps = new / "aplikasi" / "khusus.yaml"
    apps.write_text(apps.read_text("utf-8").replace(
        "name: e-Monev Pembangunan Daerah", "name: e-Monev <b>baru</b>"), "utf-8")
    markdown = runner.invoke(app, ["diff", str(old), str(new), "--format", "markdown"]).stdout
    assert "name: e-Monev Pembangunan Daerah → e-Monev &lt;b>baru&lt;/b> |" in markdown
    assert "<b>" not in markdown and "| **SPBE index** | 2.68 (Baik) |" in markdown


def test_a_pull_request_view_keeps_one_row_per_change_whatever_the_text(runner, tmp_path):
    """Re-trial: an element named 'Arsip | Statis' lost 'Statis', and a waiver reason written
    as a YAML block split the table into rows of its own."""
    old, new = _two_copies(tmp_path)
    apps = new / "aplikasi" / "khusus.yaml"
    apps.write_text(apps.read_text("utf-8").replace(
        "name: e-Monev Pembangunan Daerah", "name: Arsip | Statis"), "utf-8")
    (new / "pengecualian.yaml").write_text(
        "waivers:\n  - code: SPBE-A009\n    element: e-pbb\n    reason: |\n"
        "      kontrak vendor berjalan\n      sampai akhir 2026\n    until: 2099-12-31\n")
    markdown = runner.invoke(app, ["diff", str(old), str(new), "--format", "markdown"]).stdout
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert all(line.endswith(" |") for line in rows), rows
    assert ("| added | SPBE-A009 e-pbb | waivers | kontrak vendor berjalan<br>sampai akhir "
            "2026<br> (2099-12-31) |") in rows
    assert any("name: e-Monev Pembangunan Daerah → Arsip \\| Statis" in line for line in rows)


def test_a_list_of_entries_reordered_says_so_in_one_line(runner, tmp_path):
    """Re-trial: a roadmap item's two changes swapped printed both whole lists."""
    old, new = _two_copies(tmp_path)
    plans = new / "roadmap.yaml"
    first = ("      - element: simpeg-lembah-hijau\n"
             "        set: {name: Modul Presensi Pegawai Lembah Hijau}\n")
    second = ("      - element: srikandi-lembah-hijau  # naskah dinas memakai data pegawai SIASN, "
              "lewat SIMPEG\n        set: {reads: [data-struktur-organisasi, data-pegawai]}\n")
    text = plans.read_text("utf-8")
    assert first + second in text
    plans.write_text(text.replace(first + second, second + first), "utf-8")
    lines = runner.invoke(app, ["diff", str(old), str(new)]).stdout.splitlines()
    assert "      changes: the same items, in another order" in lines
