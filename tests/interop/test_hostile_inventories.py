"""Hostile spreadsheets end with exit 1 or 2 and a message naming the file (and row), never a
traceback: `catch_exceptions=False` lets any exception fail the test."""

import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from inventory_files import write_csv, write_xlsx
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.interop.inventory import table
from spbe_arch.validate import load_model


def _import(runner, source, out, *extra):
    return runner.invoke(
        app, ["import", "inventory", str(source), "-o", str(out), "--level", "kota", *extra],
        catch_exceptions=False,
    )


def _refused(runner, tmp_path, source, *extra) -> str:
    """The one-line message of an import that could not run; nothing is written."""
    result = _import(runner, source, tmp_path / "model", *extra)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "model").exists()
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_empty_file(runner, tmp_path, suffix):
    source = tmp_path / f"kota-contoh{suffix}"
    source.write_bytes(b"")

    message = _refused(runner, tmp_path, source)

    expected = {
        ".csv": f"spbe-arch: {source}: empty: no rows to import\n",
        ".xlsx": f"spbe-arch: {source}: not an xlsx workbook (not a zip archive); save it from "
        "the spreadsheet program as .xlsx, or export it as CSV\n",
    }
    assert message == expected[suffix]


def test_blank_rows_only(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [[""] * 4, ["", " ", "", ""]])

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}: empty: no rows to import\n"
    )


def test_header_only(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [["Nama Aplikasi", "OPD", "URL"]])

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}: no application rows below the header (row 1)\n"
    )


def test_no_row_importable(runner, tmp_path):
    rows = [["Nama Aplikasi", "OPD"], ["A", ""], ["B", ""]]
    source = write_csv(tmp_path / "kota-contoh.csv", rows)

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}:2: no row below the header (row 1) can be imported; the first: "
        "no unit for 'A' (column 'OPD' is empty) (2 rows skipped)\n"
    )


def test_no_header_row(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [["Judul", "Dinas"], ["Portal", "Kominfo"]])

    message = _refused(runner, tmp_path, source)

    assert message.startswith(
        f"spbe-arch: {source}: no header row in the first rows: none names the application "
        "column and another known one ('Nama Aplikasi', 'Perangkat Daerah', 'OPD', 'URL', ...)"
    )
    assert "hint: name the columns in a --mapping file" in message


def test_no_unit_column(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [["Nama Aplikasi", "URL"], ["Portal", "x"]])

    assert _refused(runner, tmp_path, source).startswith(
        f"spbe-arch: {source}:1: no unit column in the header (e.g. 'Perangkat Daerah' or 'OPD')"
    )


def test_binary_data_named_xlsx(runner, tmp_path):
    source = tmp_path / "kota-contoh.xlsx"
    source.write_bytes(bytes(range(256)) * 64)

    assert "not an xlsx workbook (not a zip archive)" in _refused(runner, tmp_path, source)


def test_binary_data_named_csv(runner, tmp_path):
    source = tmp_path / "kota-contoh.csv"
    source.write_bytes(b"Nama Aplikasi;OPD\r\n\x89PNG\x00\x01")

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}: binary data (a NUL byte at offset 23), not CSV text; export the "
        "sheet as CSV or give the .xlsx\n"
    )


def test_text_in_no_known_encoding(runner, tmp_path):
    source = tmp_path / "kota-contoh.csv"
    source.write_bytes(b"Nama Aplikasi;OPD\r\nPortal \x81;Kominfo\r\n")

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}: neither UTF-8 nor Windows-1252 text (byte 0x81 at offset 26); "
        "save it as CSV UTF-8\n"
    )


def test_old_or_password_protected_workbook(runner, tmp_path):
    source = tmp_path / "kota-contoh.xlsx"  # an encrypted xlsx is an OLE2 file, as an .xls is
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}: a password-protected workbook or an Excel 97-2003 (.xls) one; "
        "save it as .xlsx without a password, or export it as CSV\n"
    )


def test_truncated_workbook(runner, tmp_path):
    whole = write_xlsx(tmp_path / "whole.xlsx", [["Nama Aplikasi", "OPD"], ["A", "B"]])
    source = tmp_path / "kota-contoh.xlsx"
    source.write_bytes(whole.read_bytes()[:2000])

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}: a damaged or truncated xlsx workbook (its zip archive is "
        "incomplete); save it again from the spreadsheet program, or export it as CSV\n"
    )


def test_folder_instead_of_a_file(runner, tmp_path):
    (tmp_path / "kota-contoh").mkdir()

    assert _refused(runner, tmp_path, tmp_path / "kota-contoh") == (
        f"spbe-arch: {tmp_path / 'kota-contoh'}: a folder; give the inventory file in it "
        "(.csv or .xlsx)\n"
    )


def test_zip_that_is_not_a_workbook(runner, tmp_path):
    source = tmp_path / "kota-contoh.xlsx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}: a zip archive but not an xlsx workbook (no xl/workbook.xml)\n"
    )


def test_zip_bomb_is_refused_before_unpacking(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [["Nama Aplikasi", "OPD"], ["A", "B"]])
    zeros = bytes(16 * 1024**2)
    with (
        zipfile.ZipFile(source, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/sharedStrings2.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(17):  # 272 MiB of zeros, about 270 KB packed
            member.write(zeros)
    assert source.stat().st_size < 2 * 1024**2

    message = _refused(runner, tmp_path, source)

    assert message == (
        f"spbe-arch: {source}: unpacks to 272 MiB, more than the 256 MiB an inventory needs "
        "(a zip bomb?); export the sheet as CSV\n"
    )


def test_oversized_shared_strings_are_refused(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(table, "MAX_SHARED_STRINGS", 1024)
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [["Nama Aplikasi", "OPD"], ["A", "B"]])
    with zipfile.ZipFile(source, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>x</t></si>" * 200 + "</sst>")

    message = _refused(runner, tmp_path, source)

    assert message.startswith(f"spbe-arch: {source}: its shared strings unpack to ")
    assert message.endswith(" an inventory needs; export the sheet as CSV\n")


def test_damaged_sheet(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [["Nama Aplikasi", "OPD"], ["A", "B"]])
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"][:300]
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)

    message = _refused(runner, tmp_path, source)

    assert message.startswith(f"spbe-arch: {source}: ")
    assert "sheet" in message or "workbook" in message


def test_unknown_sheet(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [["Nama Aplikasi", "OPD"]])

    assert _refused(runner, tmp_path, source, "--sheet", "Data") == (
        f"spbe-arch: {source}: no sheet 'Data'; sheets: Inventaris\n"
    )


def test_oversized_csv_cell_names_its_row(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD"], ["Portal", "Kominfo"], ["x" * 200_000, "Kominfo"],
    ])

    message = _refused(runner, tmp_path, source)

    assert message.startswith(f"spbe-arch: {source}:3: cannot read the row (field larger than")


def test_an_oversized_csv_is_refused_before_reading(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(table, "MAX_CSV", 1024 * 1024)
    source = write_csv(tmp_path / "kota-contoh.csv",
                       [["Nama Aplikasi", "OPD", "Keterangan"]] + [["a", "b", "x" * 1000]] * 2000)

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}: 2 MiB, more than the 1 MiB an inventory needs (a 100,000-row "
        "inventory takes about 60 MB); refused before reading: split it, or remove the columns "
        "the model does not need\n")


def test_too_many_rows_names_the_row(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(table, "MAX_ROWS", 3)
    source = write_csv(tmp_path / "kota-contoh.csv", [["Nama Aplikasi", "OPD"]] + [["a", "b"]] * 5)

    assert _refused(runner, tmp_path, source) == (
        f"spbe-arch: {source}: row 4: more than 3 rows; split the inventory into several files\n"
    )


def test_formula_cells_in_csv_are_text(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "URL"],
        ['=HYPERLINK("http://evil.example","klik")', "Kominfo", "=1+1"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if ": note: " in line]
    assert notes == [
        f"{source}:2: note: 'Nama Aplikasi' holds '=HYPERLINK(\"http://evil.example\",\"klik\")', "
        "a formula written as text; kept as text, never evaluated",
        f"{source}:2: note: 'URL' holds '=1+1', a formula written as text; kept as text, never "
        "evaluated",
        f"{source}: note: no status column: 1 application written without a status, so "
        "counted as active; one no longer used needs status: retired (or a 'Status' column)",
        f"{source}: note: 1 application with no classification (umum/khusus, "
        "pusat/lokal) and no national platform match: written as kind khusus (row 2)",
    ]
    (application,) = load_model(tmp_path / "model").architecture.applications.values()
    assert (application.name, application.url) == (
        '=HYPERLINK("http://evil.example","klik")', "=1+1"
    )


def test_hundred_thousand_rows_complete(runner, tmp_path):
    rows = [["Nama Aplikasi", "OPD"]]
    rows += [  # half of them one name, as an inventory lists "SMS Gateway" again and again
        ["SMS Gateway" if n % 2 else f"Aplikasi {n}", f"Dinas {n % 97}" if n % 1000 else ""]
        for n in range(100_000)
    ]
    source = write_csv(tmp_path / "kota-contoh.csv", rows)

    result = _import(runner, source, tmp_path / "model", "--format", "json")

    assert result.exit_code == 1, result.output[-500:]  # 100 rows without a unit
    assert '"imported": 99900' in result.output
    assert (tmp_path / "model" / "applications.yaml").stat().st_size > 5_000_000


def test_invalid_instansi_id(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [["Nama Aplikasi", "OPD"], ["A", "B"]])

    assert _refused(runner, tmp_path, source, "--instansi-id", "Kota Contoh") == (
        "spbe-arch: --instansi-id: 'Kota Contoh' is not an id: use lowercase letters, digits, "
        "'.', '-', '_', e.g. 'kota-bogor'\n"
    )


def test_mapping_header_row_without_a_name_column(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [["Judul", "OPD"], ["Portal", "Kominfo"]])
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("header_row: 1\n")

    assert _refused(runner, tmp_path, source, "--mapping", str(mapping)).startswith(
        f"spbe-arch: {source}:1: no application name column in the header (e.g. 'Nama Aplikasi')"
    )


_WORKBOOK: list[bytes] = []


def _workbook_bytes(tmp_path_factory) -> bytes:
    if not _WORKBOOK:
        path = write_xlsx(tmp_path_factory.mktemp("wb") / "a.xlsx", [
            ["Nama Aplikasi", "OPD", "URL"], ["Portal", "Kominfo", "https://a.go.id"],
        ], merge=["A3:C3"])
        _WORKBOOK.append(path.read_bytes())
    return _WORKBOOK[0]


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_bytes_end_in_an_exit_code_not_a_traceback(tmp_path_factory, data):
    suffix = data.draw(st.sampled_from([".csv", ".xlsx"]))
    if suffix == ".xlsx":  # a workbook with some bytes changed
        raw = bytearray(_workbook_bytes(tmp_path_factory))
        for _ in range(data.draw(st.integers(1, 8))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
        raw = bytes(raw)
    else:
        raw = data.draw(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
    folder = tmp_path_factory.mktemp("any")
    source = folder / f"kota-contoh{suffix}"
    source.write_bytes(raw)

    result = CliRunner().invoke(
        app, ["import", "inventory", str(source), "-o", str(folder / "model")],
        catch_exceptions=False,
    )

    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        assert result.output.startswith(f"spbe-arch: {source}")
