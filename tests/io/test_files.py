"""Loading a model split across files and subfolders, YAML and JSON, or held in one file."""

import json

import pytest

from spbe_arch.io import SpbeError, model_files
from spbe_arch.validate import load_model

UNIT = "units:\n  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}\n"


def test_collections_merge_across_files_and_subfolders(make_model):
    root = make_model(
        {
            "units.yaml": UNIT,
            "a/b/apps.yml": "applications:\n  - {id: simpus, name: SIMPUS, kind: khusus,"
            " owner: dinkes}\n",
            "c/more.json": json.dumps(
                {
                    "applications": [
                        {"id": "simrs", "name": "SIMRS", "kind": "khusus", "owner": "dinkes"}
                    ],
                    "units": [{"id": "rsud", "name": "RSUD", "kind": "rsud"}],
                }
            ),
        }
    )
    result = load_model(root)
    assert result.findings == []
    arch = result.architecture
    assert sorted(arch.applications) == ["simpus", "simrs"]
    assert sorted(arch.units) == ["dinkes", "rsud"]
    assert arch.sources["simrs"].file == "c/more.json"
    assert arch.files == ["spbe.yaml", "a/b/apps.yml", "c/more.json", "units.yaml"]


def test_hidden_folders_and_other_files_are_ignored(make_model):
    root = make_model({"units.yaml": UNIT, ".schema/x.json": "{}", "notes.txt": "x: ["})
    _, files = model_files(root)
    assert [f.name for f in files] == ["spbe.yaml", "units.yaml"]


def test_json_syntax_error_is_located(make_model):
    root = make_model({"bad.json": '{"units": [\n  {"id": }\n]}'})
    (item,) = load_model(root).findings
    assert (item.code, item.location.file, item.location.line) == ("SPBE-R001", "bad.json", 2)


def test_duplicate_key_is_located_by_reparse(make_model):
    root = make_model({"u.yaml": "units:\n  - id: a\n    name: A\n    kind: dinas\n    name: B\n"})
    (item,) = load_model(root).findings
    assert item.code == "SPBE-R001"
    assert (item.location.line, item.location.column) == (5, 5)
    assert "duplicate" in item.message


def test_empty_file_is_only_a_warning(make_model):
    result = load_model(make_model({"empty.yaml": ""}))
    assert result.ok
    assert [(f.code, f.location.file) for f in result.findings] == [("SPBE-R018", "empty.yaml")]


def test_missing_path_raises_could_not_run(tmp_path):
    with pytest.raises(SpbeError, match="no such file or folder"):
        load_model(tmp_path / "missing")


def test_folder_without_manifest_raises_could_not_run(tmp_path):
    with pytest.raises(SpbeError, match="not a model folder"):
        load_model(tmp_path)


def test_non_utf8_file_is_reported_not_silently_replaced(make_model, tmp_path):
    root = make_model({})
    (root / "latin1.yaml").write_bytes(
        "units:\n  - id: a\n    name: Dinas Pariwisata dan Budaya été\n    kind: dinas\n".encode(
            "latin-1"
        )
    )
    (item,) = load_model(root).findings
    assert item.code == "SPBE-R001"
    assert item.message == "not UTF-8 text (byte 0xe9)"
    assert item.hint == (
        "save the file as UTF-8 text, or move it out of the model folder if it is not a model file"
    )
    assert (item.location.file, item.location.line, item.location.column) == ("latin1.yaml", 3, 39)


def test_bad_byte_after_a_utf8_byte_order_mark_is_placed_on_it(make_model):
    root = make_model({})
    (root / "bom.yaml").write_bytes(
        b"\xef\xbb\xbfunits:\n  - id: bkd\n    name: Badan \xe9Kepegawaian\n    kind: badan\n")
    (item,) = load_model(root).findings
    assert (item.message, item.location.line, item.location.column) == (
        "not UTF-8 text (byte 0xe9)", 3, 17)


def test_references_into_a_utf16_file_are_unchecked_not_undefined(make_model):
    """The UTF-16 file is reported; the ids it writes are known to exist, so references to
    them are 'not checked', never 'not defined'."""
    root = make_model({"apps.yaml": "applications:\n"
                       "  - {id: e-wisata, name: E-Wisata, kind: khusus, owner: dispar}\n"})
    (root / "units.yaml").write_bytes(UNIT.replace("dinkes", "dispar").encode("utf-16"))
    messages = [(f.location.file, f.message) for f in load_model(root).findings]
    assert ("units.yaml", "UTF-16 text, not UTF-8") in messages
    assert not any("is not defined" in message for _, message in messages)
    assert any("not checked: 'dispar'" in message for _, message in messages)


def test_binary_and_utf16_files_are_reported_as_not_text(make_model):
    root = make_model({})
    (root / "logo.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "archive.yml").write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    (root / "excel.json").write_bytes("units: []\n".encode("utf-16"))
    found = {
        f.location.file: (f.code, f.message, f.location.line, f.location.column)
        for f in load_model(root).findings
    }
    assert found == {
        "archive.yml": ("SPBE-R001", "binary content (a NUL byte), not YAML or JSON text", 1, 6),
        "excel.json": ("SPBE-R001", "UTF-16 text, not UTF-8", 1, 1),
        "logo.yaml": ("SPBE-R001", "binary content (a NUL byte), not YAML or JSON text", 3, 1),
    }


def test_utf8_byte_order_mark_is_accepted(make_model):
    root = make_model({})
    (root / "bom.yaml").write_bytes("\ufeff".encode() + UNIT.encode())
    (root / "bom.json").write_bytes(
        "\ufeff".encode() + b'{"units": [{"id": "b", "name": "B", "kind": "dinas"}]}'
    )
    result = load_model(root)
    assert result.findings == []
    assert sorted(result.architecture.units) == ["b", "dinkes"]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("units:\n  - id: a\n\tname: x\n", 3, 1),  # the parser stops at the end of line 2
        ("units:\n\t- id: a\n", 2, 1),
        ("units:\n  - id: a\n    name:\tx\n", 3, 10),  # reported on the 'x' after the tab
    ],
)
def test_tab_error_points_at_the_tab(make_model, text, line, column):
    (item,) = load_model(make_model({"u.yaml": text})).findings
    assert (item.code, item.location.line, item.location.column) == ("SPBE-R001", line, column)
    assert item.hint == "use spaces: YAML does not allow a tab here; nothing in this file was read"


def test_a_spreadsheet_given_as_a_model_cannot_run(runner, tmp_path):
    """`validate inventaris.xlsx` is not a model with errors (exit 1) but a command that
    cannot run (exit 2), pointing at the import."""
    from spbe_arch.cli import app

    sheet = tmp_path / "inventaris.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    result = runner.invoke(app, ["validate", str(sheet)])
    assert result.exit_code == 2
    assert f"spbe-arch import inventory {sheet} -o FOLDER" in result.stderr


@pytest.mark.parametrize(("name", "advice"), [
    ("model.xml", "an ArchiMate exchange file is read with `spbe-arch import archimate "),
    ("README.md", "give the model folder, or a file of it"),
])
def test_a_file_no_command_reads_as_a_model_gets_the_advice_that_fits(runner, tmp_path, name,
                                                                      advice):
    """Only a spreadsheet is pointed at the inventory import (a README was too)."""
    from spbe_arch.cli import app

    given = tmp_path / name
    given.write_text("x")
    result = runner.invoke(app, ["validate", str(given)])
    assert result.exit_code == 2
    assert advice in result.stderr and "import inventory" not in result.stderr
