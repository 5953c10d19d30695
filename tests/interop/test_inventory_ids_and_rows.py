"""`import inventory`: the ids it gives (an ID column, an acronym, one OPD one id) and what it
says of every row (empty rows, rows equal but for their ID, CSV line numbers, line breaks and
formulas in cells, numbers as the workbook showed them). Files in, report lines and YAML out."""

import json

from inventory_files import write_csv, write_xlsx

from spbe_arch.cli import app
from spbe_arch.validate import load_model


def _import(runner, source, out, *extra):
    return runner.invoke(
        app, ["import", "inventory", str(source), "-o", str(out), "--level", "kota", *extra],
        catch_exceptions=False,
    )


def _notes(result) -> list[str]:
    return [line for line in result.output.splitlines() if ": note: " in line]


def _ids(out) -> list[str]:
    """The application ids as written in applications.yaml, in file order."""
    text = (out / "applications.yaml").read_text(encoding="utf-8")
    return [line.split("id: ", 1)[1].strip('"') for line in text.splitlines()
            if line.startswith("  - id: ")]


# --- ids ------------------------------------------------------------------------------------

def test_id_column_gives_the_application_ids(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-bumi-raya.xlsx", [
        ["No", "ID", "Nama Aplikasi", "OPD Pengelola", "Status"],
        [1, "35-1", "SIMPUS — Sistem Informasi Manajemen Puskesmas", "Dinkes", "Aktif"],
        [2, "35-2", "SIMRS (Sistem Informasi Manajemen Rumah Sakit) RSUD Kota", "Dinkes", "Aktif"],
        [3, "35-3", "SRIKANDI", "Sekretariat Daerah", "Aktif"],
    ])
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (
        "columns: name <- 'Nama Aplikasi', unit <- 'OPD Pengelola', status <- 'Status', "
        "number <- 'No', id <- 'ID'")
    at = f"{source}[Inventaris]"
    assert f"{at}:4: guess: 'SRIKANDI' is national platform 'srikandi' (by its name); " \
        "imported as '35-3'" in result.output.splitlines()
    assert _ids(out) == ["35-1", "35-2", "35-3"]
    arch = load_model(out).architecture
    assert arch.applications["35-3"].platform == "srikandi"
    assert arch.applications["35-1"].properties == {}  # the id is not kept twice


def test_id_column_cells_that_give_no_id_are_named_with_the_id_used(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Kode Aplikasi", "Nama Aplikasi", "OPD"],
        ["APL-01", "SIMPUS", "Dinkes"],
        ["", "SIMPEG", "BKPSDM"],
        ["APL#03", "e-Office", "Diskominfo"],
        ["apl-01", "SIPAKDE", "Bapenda"],
        ["sipd", "Aplikasi Anggaran", "BPKAD"],
        ["APL 06", "SIMAK", "BPKAD"],
        ["APL / 07", "SIMBADA", "BPKAD"],
    ])
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    assert _notes(result)[:4] == [
        f"{source}:3: note: no id in column 'Kode Aplikasi'; imported as 'simpeg'",
        f"{source}:4: note: 'APL#03' in column 'Kode Aplikasi' is not an id (letters, digits, "
        "'.', '-', '_'; not a number alone); imported as 'e-office'",
        f"{source}:5: note: 'apl-01' in column 'Kode Aplikasi' is on row 2 too; imported as "
        "'sipakde'",
        f"{source}:6: note: 'sipd' in column 'Kode Aplikasi' is taken (by a unit, a national "
        "platform or the instansi); imported as 'aplikasi-anggaran'",
    ]
    assert _ids(out) == ["apl-01", "simpeg", "e-office", "sipakde", "aplikasi-anggaran",
                         "apl-06", "apl-07"]  # a code's parts joined by '-'
    apps = load_model(out).architecture.applications
    assert apps["apl-01"].properties == {"id": "APL-01"}  # as written, capitals and all
    assert apps["e-office"].properties == {"id": "APL#03"}
    assert apps["apl-06"].properties == {"id": "APL 06"}


def test_many_codes_that_are_numbers_alone_are_said_once(runner, tmp_path):
    """Excel kept '007' as text on most rows: one note for them all, not a line each; a few
    are said row by row, as any other code that is no id."""
    rows = [["Kode", "Nama Aplikasi", "OPD"], ["35-1", "SIMPUS", "Dinkes"]]
    rows += [[f"{n:03d}", f"Aplikasi {n}", "Diskominfo"] for n in range(7, 12)]
    source = write_csv(tmp_path / "kota-contoh.csv", rows)
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    assert [n for n in _notes(result) if "Kode" in n] == [
        f"{source}:3: note: 5 codes in column 'Kode' are numbers alone ('007', '008', '009', "
        "...), not ids: imported with ids from their names, the codes kept in properties.id "
        "(rows 3, 4, 5, 6, 7)"]
    assert load_model(out).architecture.applications["aplikasi-7"].properties == {"id": "007"}
    few = write_csv(tmp_path / "few.csv", rows[:3])
    assert [n for n in _notes(_import(runner, few, tmp_path / "few")) if "Kode" in n] == [
        f"{few}:3: note: '007' in column 'Kode' is not an id (letters, digits, '.', '-', '_'; "
        "not a number alone); imported as 'aplikasi-7'"]


def test_running_numbers_in_an_id_column_are_no_ids(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["ID", "Nama Aplikasi", "OPD"], ["1", "SIMPUS", "Dinkes"], ["2", "SIMPEG", "BKPSDM"],
    ])
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    assert _notes(result)[1:] == [f"{source}: note: 2 applications with no classification "
                                  "(umum/khusus, pusat/lokal) and no national platform match: "
                                  "written as kind khusus (rows 2, 3)"]  # after: no status
    assert _ids(out) == ["simpus", "simpeg"]
    assert load_model(out).architecture.applications["simpus"].properties == {"id": "1"}


def test_a_name_written_with_its_acronym_gives_the_acronym_as_id(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD"],
        ["SIMPUS — Sistem Informasi Manajemen Puskesmas", "Dinkes"],
        ["Sistem Informasi Manajemen Kepegawaian (SIMPEG)", "BKPSDM"],
        ["SIMPUS – Sistem Informasi Manajemen Puskesmas", "UPT Puskesmas Timur"],
        ["Dashboard (Command Center)", "Diskominfo"],
    ], encoding="utf-8")
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    assert _ids(out) == ["simpus", "simpeg", "simpus-2", "dashboard-command-center"]


def test_one_opd_gets_one_id_in_every_instansi(runner, tmp_path):
    kota = write_csv(tmp_path / "kota-a.csv", [
        ["Nama Aplikasi", "OPD"], ["SIPD", "BPKAD"], ["Website", "Diskominfo"]])
    kabupaten = write_csv(tmp_path / "kab-b.csv", [
        ["Nama Aplikasi", "OPD"], ["SIPD", "Badan Pengelola Keuangan dan Aset Daerah"],
        ["Website", "Dinas Komunikasi & Informatika"], ["Sistem Informasi Desa", "Dinas PMD"]])

    results = [_import(runner, source, tmp_path / source.stem) for source in (kota, kabupaten)]

    assert [r.exit_code for r in results] == [0, 0], [r.output for r in results]
    units = [load_model(tmp_path / name).architecture.units for name in ("kota-a", "kab-b")]
    assert {u: unit.name for u, unit in units[0].items()} == {
        "bpkad": "BPKAD", "diskominfo": "Diskominfo"}
    assert {u: unit.name for u, unit in units[1].items()} == {
        "bpkad": "Badan Pengelola Keuangan dan Aset Daerah",
        "diskominfo": "Dinas Komunikasi & Informatika", "dpmd": "Dinas PMD"}


def test_short_words_inside_unit_names_are_written_out(runner, tmp_path):
    """'SDM', 'UMKM' and 'P3A' inside a name stand for words the full name writes out."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD"], ["SIMPEG", "BKPSDM"],
        ["SIASN", "Badan Kepegawaian dan Pengembangan SDM"],
        ["e-Koperasi", "Dinas Koperasi dan UMKM"],
        ["SIMONEV UMKM", "Dinas Koperasi, Usaha Mikro, Kecil dan Menengah"],
    ])
    out = tmp_path / "model"
    assert _import(runner, source, out).exit_code == 0
    assert sorted(load_model(out).architecture.units) == [
        "bkpsdm", "dinas-koperasi-dan-usaha-mikro-kecil-dan-menengah"]


# --- rows -----------------------------------------------------------------------------------

def test_row_equal_to_another_but_for_its_id_is_noted(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [
        ["No", "ID", "Nama Aplikasi", "OPD", "Status"],
        [1, "35-1", "SIMPUS — Sistem Informasi Manajemen Puskesmas", "Dinkes", "Aktif"],
        [2, "35-2", "SIMPEG", "BKPSDM", "Aktif"],
        [3, "35-5", "SIMPUS — Sistem Informasi Manajemen Puskesmas", "Dinkes", "Aktif"],
        [4, "35-6", "SIMPEG", "BKPSDM", "Aktif"],
        [5, "35-6", "SIMPEG", "BKPSDM", "Aktif"],
    ])
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    at = f"{source}[Inventaris]"
    assert [n for n in _notes(result) if "same as" in n] == [
        f"{at}:4: note: same as row 2 in every cell but 'ID'; imported again as '35-5' "
        "(delete one of them if the application is listed twice)",
        f"{at}:5: note: same as row 3 in every cell but 'ID'; imported again as '35-6' "
        "(delete one of them if the application is listed twice)",
        f"{at}:6: note: same as row 3 in every cell but 'ID'; imported again as "
        "'simpeg' (delete one of them if the application is listed twice)",
    ]
    assert _ids(out) == ["35-1", "35-2", "35-5", "35-6", "simpeg"]


def test_empty_rows_between_header_and_last_row_are_listed(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [
        ["Daftar Aplikasi"], [],
        ["No", "Nama Aplikasi", "OPD"],
        [1, "SIMPUS", "Dinkes"], [None, None, None], [2, "SIMPEG", "BKPSDM"], [], [],
        [3, "SIPAKDE", "Bapenda"], [4, None, None], [], [],
    ])
    sheet_end = tmp_path / "model"

    result = _import(runner, source, sheet_end)

    assert result.exit_code == 0, result.output
    at = f"{source}[Inventaris]"
    assert _notes(result)[:2] == [
        f"{at}: note: 1 row with nothing but a running number or a placeholder ('-', "
        "'N/A'), read as blank (row 10)",
        f"{at}: note: 3 empty rows, passed over (rows 5, 7, 8)",
    ]
    as_json = _import(runner, source, tmp_path / "again", "--format", "json")
    report = json.loads(as_json.output)
    assert (report["empty"], report["blank"], report["rows"]) == ([5, 7, 8], [10], 3)


def test_empty_csv_line_of_separators_is_listed(runner, tmp_path):
    source = write_csv(tmp_path / "kab-contoh.csv", [
        ["No", "Nama Aplikasi", "OPD"], ["1", "SIMPUS", "Dinkes"], ["", "", ""],
        ["2", "SIMPEG", "BKPSDM"]])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert f"{source}: note: 1 empty row, passed over (row 3)" in _notes(result)


def test_csv_rows_are_numbered_by_the_line_they_start_on(runner, tmp_path):
    source = tmp_path / "quirks.csv"
    source.write_bytes(
        b'No;Nama Aplikasi;OPD Pengelola;Status\r\n'
        b'1;"=HYPERLINK(""http://evil.example/"";""klik"")";Diskominfo;Aktif\r\n'
        b'2;SIMPUS;Dinkes;Aktif\r\n'
        b'3;"Aplikasi\r\nMultibaris";Bappeda;Aktif\r\n'
        b'4;@SUM(1+1);Bappeda;Aktif\r\n'
        b'5;;Bappeda;Aktif\r\n')
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 1, result.output
    assert [line for line in result.output.splitlines() if line.startswith(f"{source}:")] == [
        f"{source}: UTF-8, semicolon-separated; header in row 1",
        f"{source}:7: skipped: no application name (column 'Nama Aplikasi' is empty)",
        f"{source}:2: note: 'Nama Aplikasi' holds '=HYPERLINK(\"http://evil.example/\";\"kl...', "
        "a formula written as text; kept as text, never evaluated",
        f"{source}:4: note: 'Nama Aplikasi' holds a line break; read as one line: 'Aplikasi "
        "Multibaris'",
        f"{source}:6: note: 'Nama Aplikasi' holds '@SUM(1+1)', a formula written as text; kept "
        "as text, never evaluated",
        f"{source}: note: 4 applications with no classification (umum/khusus, pusat/lokal) and "
        "no national platform match: written as kind khusus (rows 2, 3, 4, 6)",
    ]
    written = (out / "applications.yaml").read_text(encoding="utf-8")
    assert "  # row 4\n  - id: aplikasi-multibaris\n    name: Aplikasi Multibaris\n" in written
    assert "  # row 6\n  - id: sum\n    name: \"@SUM(1+1)\"\n" in written


def test_cells_a_spreadsheet_reads_as_formulas_are_noted_numbers_are_not(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Keterangan", "Telepon", "Selisih"],
        ["SIMPUS", "Dinkes", "+cmd|' /C calc'!A0", "+62 21 555-1234", "-5"],
        ["SIMPEG", "BKPSDM", "- modul mutasi", "-", "-2+A1"],
    ], encoding="utf-8")

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert [n for n in _notes(result) if "formula" in n] == [
        f"{source}:2: note: 'Keterangan' holds '+cmd|' /C calc'!A0', a formula written as "
        "text; kept as text, never evaluated",
        f"{source}:3: note: 'Selisih' holds '-2+A1', a formula written as text; kept as text, "
        "never evaluated",
    ]


def test_xlsx_header_with_a_line_break_and_numbers_as_the_cells_showed_them(runner, tmp_path):
    import openpyxl

    source = tmp_path / "kota-contoh.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Nama\nAplikasi", "OPD\nPengelola", "Anggaran (Rp)", "Pemanfaatan", "Rasio"])
    sheet.append(["SIMPUS", "Dinkes", 150000000.5, 0.755, 0.1 + 0.2])
    sheet.append(["SIMPEG", "BKPSDM", -5.25, 1, 1e20])
    sheet["D2"].number_format = sheet["D3"].number_format = "0.0%"
    workbook.save(source)
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:3] == [
        "columns: name <- 'Nama Aplikasi', unit <- 'OPD Pengelola'",
        "kept as properties: anggaran_rp <- 'Anggaran (Rp)', pemanfaatan <- 'Pemanfaatan', "
        "rasio <- 'Rasio'",
    ]
    apps = load_model(out).architecture.applications
    assert apps["simpus"].properties == {
        "anggaran_rp": "150000000.5", "pemanfaatan": "75.5%", "rasio": "0.3"}
    assert apps["simpeg"].properties == {
        "anggaran_rp": "-5.25", "pemanfaatan": "100%", "rasio": "100000000000000000000"}


def test_lang_id_calls_the_header_the_baris_kepala_kolom(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Daftar Aplikasi", ""], ["Nama Aplikasi", "OPD"], ["SIMPUS", "Dinkes"], ["", ""],
        ["SIMPEG", "BKPSDM"]])

    result = _import(runner, source, tmp_path / "model", "--lang", "id")

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{source}: UTF-8, dipisah titik koma; baris kepala kolom di baris 2"
    assert f"{source}: catatan: 1 baris kosong, diabaikan (baris 4)" in lines


def test_a_row_naming_a_national_platform_classified_local_is_noted(runner, tmp_path):
    """'SIPKD, Khusus' is imported as the pemda's own application, as classified; its id
    cannot be the platform's, and the note says why it reads 'sipkd-2'."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Klasifikasi"], ["SIPKD", "BPKAD", "Khusus"],
        ["SIMPUS", "Dinkes", "Khusus"],
        ["Sistem Informasi Akademik (SIAK)", "Disdik", "Khusus"]])  # shares an acronym only
    out = tmp_path / "model"
    result = _import(runner, source, out)
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if "classified local" in line] == [
        f"{source}:2: note: 'SIPKD' names national platform 'sipkd' but is classified local; "
        "imported as a local application 'sipkd-2' (classify it umum if it is that platform)"]
    assert _ids(out) == ["sipkd-2", "simpus", "siak-2"]
