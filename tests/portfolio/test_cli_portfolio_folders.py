"""`spbe-arch portfolio`: which folders are models, what each index rests on, and two models of
one instansi. No folder is left out unsaid, and which one counts never depends on names."""

import json
import shutil

import pytest
from conftest import EXAMPLE
from portfolio_models import write_models

from spbe_arch.cli import app


def _json(runner, *args):
    result = runner.invoke(app, ["portfolio", *map(str, args), "--format", "json"])
    return result, json.loads(result.stdout)


def test_a_folder_with_a_manifest_named_spbe_yml_is_listed_with_the_fix(runner, tmp_path):
    folder = write_models(tmp_path / "prov", ["kab-alpha", "kota-beta"])
    (folder / "kota-beta" / "spbe.yaml").rename(folder / "kota-beta" / "spbe.yml")
    (folder / "notulen").mkdir()  # no YAML in it: not a model, nothing to say
    (folder / "notulen" / "rapat.txt").write_text("x", encoding="utf-8")
    result, out = _json(runner, folder)
    assert result.exit_code == 1, result.output
    assert [r["id"] for r in out["instansi"]] == ["kab-alpha"]
    assert [(b["path"], b["reason"]) for b in out["broken"]] == [(
        str(folder / "kota-beta"),
        "not a model folder: its manifest must be named spbe.yaml; rename spbe.yml to "
        "spbe.yaml")]
    validated = runner.invoke(app, ["validate", str(folder / "kota-beta")])
    assert validated.exit_code == 2
    assert "rename spbe.yml to spbe.yaml" in validated.stderr


def test_a_folder_of_yaml_files_without_manifest_is_listed(runner, tmp_path):
    folder = write_models(tmp_path / "prov", ["kab-alpha"])
    (folder / "draf").mkdir()
    (folder / "draf" / "units.yaml").write_text("units:\n  - {id: dinkes, name: Dinkes}\n",
                                                encoding="utf-8")
    result = runner.invoke(app, ["portfolio", str(folder), "--lang", "id"])
    assert result.exit_code == 1, result.output
    assert f"{folder / 'draf'}: bukan folder model (tidak ada spbe.yaml)" in result.stdout
    assert "(instansi: {id: ..., name: ..., level: ...})" in result.stdout  # init refuses it
    assert "1 dari 2 model tidak dapat dinilai" in result.stderr
    (folder / "draf" / "units.yaml").unlink()  # the same model file written as JSON
    (folder / "draf" / "units.json").write_text('{"units": [{"id": "dinkes", "name": "D"}]}',
                                                encoding="utf-8")
    as_json = runner.invoke(app, ["portfolio", str(folder)])
    assert f"{folder / 'draf'}: not a model folder (no spbe.yaml)" in as_json.stdout


@pytest.mark.parametrize("copy", ["a-copy", "z-copy"])
def test_two_models_of_one_instansi_are_both_refused_whatever_their_names(runner, tmp_path,
                                                                             copy):
    """Which of the two is the instansi is not known: neither is ranked, each names the
    other, whichever folder name sorts first."""
    folder = write_models(tmp_path / "prov", ["kab-alpha", "kota-beta"])
    shutil.copytree(folder / "kota-beta", folder / copy)
    result, out = _json(runner, folder)
    assert result.exit_code == 1, result.output
    assert [r["id"] for r in out["instansi"]] == ["kab-alpha"]
    reasons = {b["path"]: b["reason"] for b in out["broken"]}
    beta, other = str(folder / "kota-beta"), str(folder / copy)
    assert reasons == {
        beta: f"instansi id 'kota-beta' is also the id of the model in {other}: each instansi "
              "is ranked once; give one of these folders, or each instansi its own id",
        other: f"instansi id 'kota-beta' is also the id of the model in {beta}: each "
               "instansi is ranked once; give one of these folders, or each instansi its own "
               "id",
    }


def test_a_model_is_given_by_its_manifest_too(runner, tmp_path):
    folder = write_models(tmp_path / "prov", ["kab-alpha"])
    result, out = _json(runner, folder / "kab-alpha" / "spbe.yaml")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in out["instansi"]] == ["kab-alpha"]


def test_each_row_says_what_its_index_rests_on(runner, tmp_path):
    """Alpha's domain 1 is verified, the rest comes from the model or is unrated; Gamma has
    no assessment: nothing verified or claimed, and the row says so."""
    folder = write_models(tmp_path / "prov", ["kab-alpha", "kab-gamma"])
    result, out = _json(runner, folder)
    assert result.exit_code == 0, result.output
    sources = {r["id"]: r["sources"] for r in out["instansi"]}
    assert sum(sources["kab-alpha"].values()) == sum(sources["kab-gamma"].values()) == 47
    assert sources["kab-alpha"]["verified"] > 0
    assert set(sources["kab-gamma"]) <= {"model", "none"}
    text = runner.invoke(app, ["portfolio", str(folder), "--lang", "id", "-f", "markdown"])
    gamma = next(line for line in text.stdout.splitlines() if "Gamma" in line)
    assert f"{sources['kab-gamma']['none']} belum dinilai" in gamma


def test_folders_that_are_no_model_are_passed_over(runner, tmp_path):
    """A site, a docker-compose file (`services:`), a Kubernetes ConfigMap (`data:`): not
    models, and nothing to say of them."""
    folder = write_models(tmp_path / "prov", ["kab-alpha"])
    for name, file, text in (
            ("situs", "mkdocs.yml", "site_name: Arsitektur\n"),
            ("docker", "docker-compose.yml", "services:\n  web:\n    image: nginx\n"),
            ("k8s", "cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n")):
        (folder / name).mkdir()
        (folder / name / file).write_text(text, encoding="utf-8")
    result, out = _json(runner, folder)
    assert result.exit_code == 0, result.output
    assert out["broken"] == []


def test_a_folder_whose_only_model_has_its_manifest_misnamed_says_the_fix(runner, tmp_path):
    folder = write_models(tmp_path / "prov", ["kab-alpha"])
    (folder / "kab-alpha" / "spbe.yaml").rename(folder / "kab-alpha" / "spbe.yml")
    for path in (folder, folder / "kab-alpha"):
        result = runner.invoke(app, ["portfolio", str(path)])
        assert result.exit_code == 2, result.output
        assert "rename spbe.yml to spbe.yaml" in result.stderr


def test_a_target_architecture_is_not_ranked_with_the_instansi_as_they_are(runner):
    """The examples folder holds the as-is model and its 2029 target (one instansi id): the
    target is left out, said, and the as-is model is ranked, not refused as a duplicate."""
    examples = EXAMPLE.parent
    result = runner.invoke(app, ["portfolio", str(examples), "--format", "json"])
    assert result.exit_code == 1, result.output
    out = json.loads(result.stdout)
    assert [r["id"] for r in out["instansi"]] == ["kab-lembah-hijau"]
    (broken,) = out["broken"]
    assert broken["path"].endswith("kabupaten-lembah-hijau-2029")
    assert broken["reason"].startswith("a target architecture (to_be: 2029): a plan, not "
                                       "compared with the instansi as they are")


def test_a_model_one_folder_too_deep_is_named(runner, tmp_path):
    """Re-trial: a zip unpacked as `kab-a-2024/kab-a/spbe.yaml` vanished, exit 0."""
    folder = tmp_path / "prov"
    shutil.copytree(EXAMPLE, folder / "kab-a-2024" / "kab-a")
    shutil.copytree(EXAMPLE, folder / "kab-b")
    result = runner.invoke(app, ["portfolio", str(folder), "--format", "json"])
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert [(b["path"], b["reason"]) for b in out["broken"]] == [(
        str(folder / "kab-a-2024"), "not a model folder (no spbe.yaml); the model is in "
        f"{folder / 'kab-a-2024' / 'kab-a'}: give that folder")]
