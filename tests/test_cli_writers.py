"""Writers never surprise: no command writes where it was not told, none overwrites a file
without --force, and a refusal writes nothing at all."""

from pathlib import Path

import pytest
from conftest import ROOT

from spbe_arch.cli import app


def _refused(path) -> str:
    return f"spbe-arch: {path}: already exists; use --force to overwrite it\n"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_init_refuses_a_folder_holding_a_model_and_writes_nothing(runner, tmp_path, force):
    """--force included: the starter files would replace an architect's own model."""
    (tmp_path / "spbe.yaml").write_text("instansi: {id: kab, name: Kab, level: kabupaten}\n")
    (tmp_path / "unit").mkdir()
    (tmp_path / "unit" / "dinas.yaml").write_text("units: []\n")
    result = runner.invoke(app, ["init", str(tmp_path), *force])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"spbe-arch: {tmp_path}: already holds model files (spbe.yaml); init starts a new "
        "model in a new or empty folder and never writes over one (to start over, move those "
        "files away)\n")
    assert (tmp_path / "unit" / "dinas.yaml").read_text() == "units: []\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["dinas.yaml", "spbe.yaml", "unit"]


def test_init_refuses_a_folder_inside_a_model_folder(runner, tmp_path):
    """The model above would read the new model's files as its own (a second instansi,
    duplicate ids)."""
    assert runner.invoke(app, ["init", str(tmp_path / "model")]).exit_code == 0
    result = runner.invoke(app, ["init", str(tmp_path / "model" / "sub")])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"spbe-arch: {tmp_path / 'model' / 'sub'}: is inside the model folder "
        f"{tmp_path / 'model'}, which would read the new model's files as its own; start the "
        "new model outside it\n")
    assert not (tmp_path / "model" / "sub").exists()
    assert runner.invoke(app, ["validate", str(tmp_path / "model")]).exit_code == 0


def test_init_refuses_a_schema_copy_without_force_and_replaces_it_with(runner, tmp_path):
    assert runner.invoke(app, ["init", str(tmp_path)]).exit_code == 0
    schema = tmp_path / ".schema" / "spbe-model.schema.json"
    for name in ("spbe.yaml", "units.yaml", "infrastructure.yaml", "applications.yaml"):
        (tmp_path / name).unlink()
    schema.write_text("{}")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (2, _refused(schema))
    assert runner.invoke(app, ["init", str(tmp_path), "--force"]).exit_code == 0
    assert schema.read_text() != "{}"
    assert runner.invoke(app, ["validate", str(tmp_path)]).exit_code == 0


@pytest.mark.parametrize(
    ("command", "folder", "name"),
    [("docs", "docs", "rules.md"), ("schema", "schemas", "spbe-model.schema.json")],
)
def test_generated_files_refuse_to_replace_a_users_file(
    runner, tmp_path, monkeypatch, command, folder, name
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / folder).mkdir()
    (tmp_path / folder / name).write_text("my own file\n")
    result = runner.invoke(app, [command, "-o", folder])
    assert result.exit_code == 2, result.output
    assert result.stderr == _refused(f"{folder}/{name}")
    assert sorted(p.name for p in (tmp_path / folder).iterdir()) == [name]  # nothing else
    assert (tmp_path / folder / name).read_text() == "my own file\n"
    forced = runner.invoke(app, [command, "-o", folder, "--force"])
    assert forced.exit_code == 0, forced.output
    assert f"wrote {folder}/{name}\n" in forced.stdout
    assert runner.invoke(app, [command, "--check"]).exit_code == 0


@pytest.mark.parametrize(("command", "folder"), [("docs", "docs"), ("schema", "schemas")])
def test_generated_files_are_written_only_where_told(
    runner, tmp_path, monkeypatch, command, folder
):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [command])
    assert result.exit_code == 2, result.output
    assert f"say where to write, e.g. -o {folder}" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("command", "folder"), [("docs", "docs"), ("schema", "schemas")])
def test_check_reads_the_conventional_folder_and_writes_nothing(
    runner, tmp_path, monkeypatch, command, folder
):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [command, "--check"])
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith(f"missing {folder}/")  # none there: missing, not stale
    assert result.stderr == f"run `spbe-arch {command} -o {folder} --force` to regenerate\n"
    assert list(tmp_path.iterdir()) == []
    (tmp_path / folder).mkdir()
    written = runner.invoke(app, [command, "-o", folder])
    first = written.stdout.split()[1]
    Path(first).write_text("old\n")
    stale = runner.invoke(app, [command, "--check"])
    assert f"stale {first}" in stale.stdout.splitlines()


@pytest.mark.parametrize(("command", "folder"), [("docs", "docs"), ("schema", "schemas")])
def test_checked_in_generated_files_are_up_to_date(runner, monkeypatch, command, folder):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, [command, "--check"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{folder}: up to date\n"


def test_generated_files_already_up_to_date_need_no_force(runner, tmp_path):
    assert runner.invoke(app, ["docs", "-o", str(tmp_path)]).exit_code == 0
    again = runner.invoke(app, ["docs", "-o", str(tmp_path)])
    assert again.exit_code == 0, again.output
    assert again.stdout == f"{tmp_path}: up to date\n"


def test_init_suggests_a_command_that_pastes_for_a_folder_with_a_space(runner, tmp_path):
    folder = tmp_path / "pemda kab"
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        f"next: edit the files (or add your inventory: `spbe-arch import inventory FILE --into "
        f"'{folder}'`), then run `spbe-arch validate '{folder}'`")
