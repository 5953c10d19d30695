"""Messy real inventories (a new-user QA trial): accept what is real, and say in the import
report what was done with each row. Files in, report lines, written model and exit code out."""

import pytest
from inventory_files import cache_formula_results, write_csv, write_xlsx

from spbe_arch.cli import app
from spbe_arch.validate import load_model


def _import(runner, source, out, *extra):
    return runner.invoke(
        app, ["import", "inventory", str(source), "-o", str(out), "--level", "kota", *extra],
        catch_exceptions=False,
    )


def _lines(result, kind: str) -> list[str]:
    """Report lines of one kind ('note', 'skipped') in the order printed."""
    return [line for line in result.output.splitlines() if f": {kind}: " in line]


def _model(tmp_path):
    return load_model(tmp_path / "model").architecture


def test_two_row_header_under_a_merged_cell(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [
        ["No", "Nama Aplikasi", "Pengelola", None, "Status"],
        [None, None, "OPD", "Bidang", None],
        [1, "SIMPUS", "Dinas Kesehatan", "Bidang Yankes", "Aktif"],
        [2, "SIMPEG", "BKPSDM", "Bidang Mutasi", "Aktif"],
    ], merge=["A1:A2", "B1:B2", "C1:D1", "E1:E2"])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        f"{source}: sheet 'Inventaris'; header in rows 1-2",
        "columns: name <- 'Nama Aplikasi', unit <- 'Pengelola / OPD', status <- 'Status', "
        "number <- 'No'",
        "kept as properties: pengelola_bidang <- 'Pengelola / Bidang'",
    ]
    arch = _model(tmp_path)
    assert {a.name: a.owner for a in arch.applications.values()} == {
        "SIMPUS": "dinkes", "SIMPEG": "bkpsdm"}
    assert arch.applications["simpus"].properties == {"pengelola_bidang": "Bidang Yankes"}


def test_header_cells_merged_over_two_rows(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [
        ["No", "Nama Aplikasi", "OPD"], [], [1, "SIMPUS", "Dinkes"],
    ], merge=["A1:A2", "B1:B2", "C1:C2"])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"{source}: sheet 'Inventaris'; header in rows 1-2"
    assert sorted(_model(tmp_path).applications) == ["simpus"]


def test_two_row_header_exported_as_csv(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["No", "Nama Aplikasi", "Pengelola", "", "Status"],
        ["", "", "OPD", "Bidang", ""],
        ["1", "SIMPUS", "Dinas Kesehatan", "Bidang Yankes", "Aktif"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (
        "columns: name <- 'Nama Aplikasi', unit <- 'Pengelola / OPD', status <- 'Status', "
        "number <- 'No'"
    )
    assert sorted(_model(tmp_path).applications) == ["simpus"]


def test_row_below_the_header_naming_an_application_is_data(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "Pengelola", ""], ["Website", "OPD", "Bidang"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert [a.name for a in _model(tmp_path).applications.values()] == ["Website"]


def test_column_numbers_under_the_header_are_no_application(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["No", "Nama Aplikasi", "Perangkat Daerah", "Status"],
        ["1", "2", "3", "4"],
        ["1", "SIMPUS", "Dinkes", "Aktif"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert _lines(result, "note")[0] == (
        f"{source}:2: note: the column numbers (1, 2, 3, ...) under the header; not an "
        "application"
    )
    assert result.output.splitlines()[-2].startswith("imported 1 of 1 row: 1 application, 1 unit")
    assert sorted(_model(tmp_path).units) == ["dinkes"]


def test_total_rows_are_no_application(runner, tmp_path):
    """'Jumlah' with a count under the table, as Excel users add one: a note, not a row the
    import skipped (which would fail it); an application named 'Total ...' is one."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["No", "Nama Aplikasi", "Perangkat Daerah", "Jumlah Pengguna"],
        ["1", "SIMPUS", "Dinkes", "120"],
        ["2", "Total Quality Management", "Inspektorat", "5"],
        ["Jumlah", "", "", "125"],
        ["TOTAL", "2 aplikasi", "", ""],
        ["TOTAL 2 aplikasi", "", "", ""],
        ["Jumlah Total", "", "", "Rp 1.000.000"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert _lines(result, "note")[:4] == [
        f"{source}:4: note: a total row ('Jumlah 125'), not an application",
        f"{source}:5: note: a total row ('TOTAL 2 aplikasi'), not an application",
        f"{source}:6: note: a total row ('TOTAL 2 aplikasi'), not an application",
        f"{source}:7: note: a total row ('Jumlah Total Rp 1.000.000'), not an application",
    ]
    assert not _lines(result, "skipped")
    assert result.output.splitlines()[-2].startswith("imported 2 of 2 rows: 2 applications")
    assert len(_model(tmp_path).applications) == 2


def test_a_total_row_merged_across_the_first_columns_is_no_application(runner, tmp_path):
    """'JUMLAH' merged over No and Nama Aplikasi (the workbook fills both with it), its
    count under the unit's column: a total row, not an application 'JUMLAH' of a unit '2'."""
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [
        ["No", "Nama Aplikasi", "Perangkat Daerah"],
        [1, "SIMPUS", "Dinkes"],
        [2, "e-Pajak", "Bapenda"],
        ["JUMLAH", None, 2],
    ], merge=["A4:B4"])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert f"{source}[Inventaris]:4: note: a total row ('JUMLAH 2'), not an application" \
        in result.output.splitlines()
    model = _model(tmp_path)
    assert (sorted(model.applications), sorted(model.units)) == (
        ["e-pajak", "simpus"], ["bapenda", "dinkes"])


def test_excel_errors_are_empty_cells(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [
        ["Nama Aplikasi", "OPD", "Deskripsi"],
        ["SIGAP", "#N/A", None],
        ["SIMPUS", "Dinkes", "#REF!"],
        ["#N/A", "Bappeda", None],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 1, result.output
    at = f"{source}[Inventaris]"
    assert _lines(result, "skipped") == [
        f"{at}:2: skipped: no unit for 'SIGAP' (column 'OPD' holds '#N/A', an Excel error)",
        f"{at}:4: skipped: no application name (column 'Nama Aplikasi' holds '#N/A', an "
        "Excel error)",
    ]
    assert _lines(result, "note")[0] == (
        f"{at}:3: note: column 'Deskripsi' holds '#REF!', an Excel error; read as empty"
    )
    arch = _model(tmp_path)
    assert (sorted(arch.units), sorted(arch.applications)) == (["dinkes"], ["simpus"])
    assert arch.applications["simpus"].description is None


@pytest.mark.parametrize("placeholder", ["-", "\u2013", "N/A", "n/a", "NA", "tidak ada",
                                         "Belum ada", "?", "#VALUE!", "#DIV/0!", "#NAME?"])
def test_placeholder_unit_is_no_unit(runner, tmp_path, placeholder):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "Perangkat Daerah", "URL"],
        ["Aplikasi H", placeholder, "-"],
        ["SIMPUS", "Dinkes", "-"],
    ], encoding="utf-8")

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 1, result.output
    kind = "an Excel error" if placeholder.startswith("#") else "which stands for no value"
    assert _lines(result, "skipped") == [
        f"{source}:2: skipped: no unit for 'Aplikasi H' (column 'Perangkat Daerah' holds "
        f"'{placeholder}', {kind})",
    ]
    arch = _model(tmp_path)
    assert sorted(arch.units) == ["dinkes"]
    assert arch.applications["simpus"].url is None  # '-' is no address


@pytest.mark.parametrize(("text", "status"), [
    ("Tidak Beroperasi", "retired"), ("Sudah Tidak Digunakan", "retired"),
    ("Tidak Digunakan", "retired"), ("Non Aktif", "retired"), ("Dihentikan", "retired"),
    ("Rencana", "planned"), ("Rencana 2025", "planned"), ("Direncanakan Tahun 2026", "planned"),
    ("Pengembangan", "development"), ("Dalam Pengembangan", "development"),
    ("Uji Coba", "development"), ("Maintenance", "active"), ("Pemeliharaan", "active"),
])
def test_status_vocabulary(runner, tmp_path, text, status):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Status"], ["SIMPUS", "Dinkes", text],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert "not recognised" not in result.output
    assert _model(tmp_path).applications["simpus"].status.value == status


def test_unknown_status_says_the_application_counts_as_active(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Status"], ["SIMPUS", "Dinkes", "Rusak Berat"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert _lines(result, "note")[0] == (
        f"{source}:2: note: status 'Rusak Berat' not recognised; kept as properties.status, "
        "status left out: the application counts as active until you set it (planned, "
        "development, active, retired)"
    )
    assert _model(tmp_path).applications["simpus"].properties == {"status": "Rusak Berat"}


def test_active_sheet_is_read_not_a_hidden_first_one(runner, tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    old = workbook.active
    old.title = "Lama"
    old.append(["Nama Aplikasi", "OPD"])
    old.append(["OLD APP", "Dinas Lama"])
    old.sheet_state = "hidden"
    data = workbook.create_sheet("Data")
    for row in (["Nama Aplikasi", "OPD"], ["SIMPUS", "Dinkes"], ["Aplikasi Rapat", "Bappeda"]):
        data.append(row)
    data.row_dimensions[3].hidden = True
    workbook.create_sheet("Rekap").append(["Jumlah", 2])
    workbook.create_sheet("Integrasi Aplikasi").append(["Aplikasi Sumber", "Aplikasi Tujuan"])
    workbook.active = 1
    source = tmp_path / "kota-contoh.xlsx"
    workbook.save(source)

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        f"{source}: sheet 'Data'; header in row 1",
        f"{source}: note: read sheet 'Data'; not read: 'Lama' (hidden), 'Rekap', 'Integrasi "
        "Aplikasi' (--sheet NAME reads another)",
        f"{source}: note: sheet 'Integrasi Aplikasi' may be a list of integrations (one a row: "
        "sender, receiver, mechanism): --integrations-sheet 'Integrasi Aplikasi' reads it "
        "beside the inventory",
    ]
    at = f"{source}[Data]"
    assert f"{at}:3: note: hidden in the sheet; imported as the others" in _lines(
        result, "note")
    assert sorted(_model(tmp_path).applications) == ["aplikasi-rapat", "simpus"]


def test_numbered_empty_template_rows_are_blank(runner, tmp_path):
    rows = [["No", "Nama Aplikasi", "Perangkat Daerah", "Status"],
            ["1", "SIMPUS", "Dinkes", "Aktif"], ["2", "SIMPEG", "BKPSDM", "Aktif"]]
    rows += [[str(n), "", "", ""] for n in range(3, 101)]
    rows += [["Keterangan: data per 31 Desember 2024", "", "", ""]]
    source = write_csv(tmp_path / "kota-contoh.csv", rows)

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert _lines(result, "skipped") == []
    assert _lines(result, "note")[:2] == [  # text in the number column is no running number
        f"{source}:102: note: 1 row below the last application names no application and no "
        "unit: the sheet's footer, passed over (102: 'Keterangan: data per 31 Desember 2024')",
        f"{source}: note: 98 rows with nothing but a running number or a placeholder ('-', "
        "'N/A'), read as blank (rows 4, 5, 6, 7, 8 and 93 more)",
    ]
    assert result.output.splitlines()[-2].startswith("imported 2 of 2 rows")


def test_a_row_naming_nothing_between_applications_is_skipped_not_footer(runner, tmp_path):
    """Only the rows after the last application are the footer: one between two
    applications is a row of the table that lost its name."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["No", "Nama Aplikasi", "Perangkat Daerah"], ["1", "SIMPUS", "Dinkes"],
        ["2", "", ""], ["Catatan: aplikasi lama", "", ""], ["4", "SIMPEG", "BKPSDM"],
        ["Sukamaju, 12 Maret 2025", "", ""], ["Kepala Dinas Kominfo", "", ""],
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 1, result.output
    assert _lines(result, "skipped") == [
        f"{source}:4: skipped: no application name (column 'Nama Aplikasi' is empty)"]
    assert (f"{source}:6: note: 2 rows below the last application name no application and no "
            "unit: the sheet's footer, passed over (6, 7: 'Sukamaju, 12 Maret 2025')"
            ) in _lines(result, "note")


def test_a_signature_block_in_the_columns_read_is_the_footer(runner, tmp_path):
    """The place and date, the title, the name and the NIP of who signs stand under the
    table's middle or right columns, which the import reads: still the footer, passed over;
    a row naming nothing but a unit between the applications is still skipped."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["No", "Nama Aplikasi", "Perangkat Daerah", "Status"],
        ["1", "SIMPUS", "Dinkes", "Aktif"], ["2", "", "BKPSDM", ""], ["3", "SIMPEG", "BKPSDM", ""],
        ["", "", "Sukamaju, 12 Maret 2025", ""],
        ["", "", "Kepala Dinas Komunikasi dan Informatika", ""],
        ["", "", "", ""],
        ["", "", "Drs. BUDI SANTOSO, M.Si", ""],
        ["", "", "Pembina Tk. I", ""],
        ["", "", "NIP. 19700101 199003 1 001", ""],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 1, result.output
    assert _lines(result, "skipped") == [
        f"{source}:3: skipped: no application name (column 'Nama Aplikasi' is empty)"]
    assert (f"{source}:5: note: 5 rows below the last application name no application and no "
            "unit: the sheet's footer, passed over (5, 6, 8, 9, 10: 'Sukamaju, 12 Maret 2025')"
            ) in _lines(result, "note")
    assert sorted(_model(tmp_path).applications) == ["simpeg", "simpus"]


def test_rows_of_the_table_at_its_end_that_lost_their_name_are_skipped_not_footer(
        runner, tmp_path):
    """A numbered row with its other cells, or one whose name is a '-', is a row of the table:
    skipped with the reason (exit 1), never passed over as the footer."""
    source = write_csv(tmp_path / "kota-uji.csv", [
        ["No", "Nama Aplikasi", "OPD", "URL", "Status"],
        ["1", "SIMPUS", "Dinkes", "https://simpus.kab.go.id", "Aktif"],
        ["3", "", "", "https://sipd.kab.go.id", "Aktif"],
        ["4", "-", "-", "https://e-office.kab.go.id", "Aktif"],
        ["Catatan: data sementara", "", "", "", ""],
        ["", "", "", "https://lama.kab.go.id", "Aktif"],
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 1, result.output
    assert [line.split(": skipped")[0] for line in _lines(result, "skipped")] == [
        f"{source}:3", f"{source}:4", f"{source}:5", f"{source}:6"]
    assert not [line for line in _lines(result, "note") if "footer" in line]


def test_formula_with_no_saved_value(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [  # openpyxl saves no formula results
        ["No", "Nama Aplikasi", "OPD", "Anggaran"],
        [1, "SIMPUS", "Dinkes", "=1+1"],
        ["=A2+1", "Aplikasi Rumus", '="Dinas "&"Sosial"', None],
        [3, '=UPPER("sigap")', "Dinsos", None],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 1, result.output
    at = f"{source}[Inventaris]"
    assert _lines(result, "skipped") == [
        f"{at}:3: skipped: no unit for 'Aplikasi Rumus' (column 'OPD' holds a formula with "
        "no saved value: open and save the file in Excel)",
        f"{at}:4: skipped: no application name (column 'Nama Aplikasi' holds a formula with "
        "no saved value: open and save the file in Excel)",
    ]
    assert _lines(result, "note")[0] == (
        f"{at}:2: note: column 'Anggaran' holds a formula with no saved value: open and "
        "save the file in Excel; read as empty"
    )


def test_formula_saved_with_an_empty_result_is_an_empty_cell(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [
        ["Nama Aplikasi", "OPD", "Keterangan"], ["SIMPUS", "Dinkes", '=IF(A2="","","")'],
    ])
    cache_formula_results(source, {"C2": ""})  # as Excel saves a formula giving ""

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert "no saved value" not in result.output


def test_unclosed_quote_names_the_lines_it_swallows(runner, tmp_path):
    source = tmp_path / "kota-contoh.csv"
    source.write_text('Nama Aplikasi;OPD;Status\nSIMPUS;Dinkes;Aktif\n"Portal;Diskominfo;Aktif\n'
                      "SIMPEG;BKPSDM;Aktif\n")

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 1, result.output
    assert _lines(result, "skipped") == [
        f"{source}:3: skipped: lines 3-4 of the file were read as this one row: a quote (\") "
        "opens a cell and is not closed where its line ends; close it and import again"
    ]


def test_unclosed_quote_in_any_column_skips_the_row(runner, tmp_path):
    """A quote left open in the unit column swallows the next rows into one cell: the row is
    skipped (exit 1), never imported with the other applications inside its unit's name."""
    source = tmp_path / "kota-contoh.csv"
    source.write_text('No;Nama Aplikasi;OPD;Status\n1;SIMPUS;"Dinas Kesehatan;Aktif\n'
                      '2;SIMPEG;BKPSDM;Aktif\n3;SIPD;Bappeda";Aktif\n4;E-Arsip;Dispusip;Aktif\n')
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 1, result.output
    assert _lines(result, "skipped") == [
        f"{source}:2: skipped: lines 2-4 of the file were read as this one row: a quote (\") "
        "opens a cell and is not closed where its line ends; close it and import again"
    ]
    assert sorted(_model(tmp_path).applications) == ["e-arsip"]


def test_cell_on_two_lines_is_no_unclosed_quote(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD"], ["Sistem Informasi\nPuskesmas", "Dinkes"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert "were read as this one row" not in result.output


def test_utf8_file_with_a_windows_1252_line(runner, tmp_path):
    source = tmp_path / "kota-contoh.csv"
    source.write_bytes("Nama Aplikasi;OPD\nAplikasi Café;Dinas Pariwisata\n".encode()
                       + "Aplikasi Résumé;Dinas Pariwisata\n".encode("cp1252"))

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"{source}: UTF-8, semicolon-separated; header in row 1")
    assert _lines(result, "note")[0] == (
        f"{source}:3: note: line 3 is not UTF-8 like the rest of the file; read as "
        "Windows-1252 (check its accented letters)"
    )
    names = sorted(a.name for a in _model(tmp_path).applications.values())
    assert names == ["Aplikasi Café", "Aplikasi Résumé"]


def test_utf8_letter_with_a_byte_windows_1252_lacks(runner, tmp_path):
    source = tmp_path / "kota-contoh.csv"  # 'Á' is C3 81 in UTF-8; 0x81 is not Windows-1252
    source.write_bytes("Nama Aplikasi;OPD\nÁgua;Dinas Pariwisata\n".encode()
                       + "Aplikasi Résumé;Dinas Pariwisata\n".encode("cp1252"))

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    names = sorted(a.name for a in _model(tmp_path).applications.values())
    assert names == ["Aplikasi Résumé", "Água"]


def test_duplicate_rows_are_noted_exact_or_of_one_name_and_unit(runner, tmp_path):
    """A row equal to another, and a row of the same name and unit that differs elsewhere
    (spelt 'Simpus' or 'Dinas Kesehatan', which is the same unit), are each imported and
    noted: listed twice, or two applications of one name, is for the architect to say."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["No", "Nama Aplikasi", "OPD", "URL", "Versi"],
        ["1", "SIMPUS", "Dinkes", "https://simpus.go.id", ""],
        ["2", "SIMPEG", "BKPSDM", "", ""],
        ["3", "SIMPUS", "Dinkes", "https://simpus.go.id", ""],
        ["4", "Simpus", "Dinas Kesehatan", "", "2.0"],
        ["5", "SIMPEG", "Dinkes", "", ""],
        ["6", "simpus", "Dinas Kesehatan", "https://simpus.go.id", ""],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert [line for line in _lines(result, "note") if "same " in line] == [
        f"{source}:4: note: same as row 2 in every cell; imported again as 'simpus-2' (delete "
        "one of them if the application is listed twice)",
        f"{source}:5: note: same name and unit as row 2, other cells differ ('URL', 'Versi'); "
        "imported as another application 'simpus-3' (delete one row if the "
        "application is listed twice, or tell the two apart by name)",
        f"{source}:7: note: same as row 2 but for how the name or the unit is written; imported "
        "again as 'simpus-4' (delete one of them if the application is listed twice)",
    ]  # row 6: SIMPEG of another unit, no namesake
    assert sorted(_model(tmp_path).applications) == [
        "simpeg", "simpeg-2", "simpus", "simpus-2", "simpus-3", "simpus-4"]


def test_server_location_naming_pdn_is_hosting_on_pdn(runner, tmp_path):
    """PDN and the pusat data daerah by their names; a location denying them or planning a
    move stays unknown (kept verbatim), and the import says which it did."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "Perangkat Daerah", "Lokasi Server"],
        ["SIMPUS", "Dinas Kesehatan", "PDN"],
        ["SIMPEG", "BKPSDM", "Pusat Data Nasional (PDN)"],
        ["e-Office", "Sekretariat Daerah", "Pusat Data Daerah"],
        ["e-Perizinan", "DPMPTSP", "Non PDN"],
        ["e-Retribusi", "BPKAD", "Rencana pindah ke PDN"],
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert _lines(result, "note")[-3:] == [
        f"{source}: note: 1 application whose server location names the pusat data daerah: "
        "hosted on 'pusat-data-daerah' (infrastructure.yaml; its networks and operator are not "
        "in the inventory) (row 4)",
        f"{source}: note: 2 applications whose server location names PDN: written as hosting: "
        "pdn (rows 2, 3)",
        f"{source}: note: 2 applications whose server location names no place (PDN, pusat data "
        "daerah, a server room, a vendor, a cloud): hosting left unknown, the text kept in "
        "properties.server_location: 'Non PDN' (row 5), 'Rencana pindah ke PDN' (row 6)"]
    model = _model(tmp_path)
    apps = model.applications
    assert {a: apps[a].hosting for a in apps} == {"simpus": "pdn", "simpeg": "pdn",
        "e-office": "pusat-data-daerah", "e-perizinan": None, "e-retribusi": None}
    assert apps["e-perizinan"].properties["server_location"] == "Non PDN"
    assert not apps["e-perizinan"].states("hosting")
    centre = model.infrastructure["pusat-data-daerah"]
    assert (centre.kind, centre.states("networks")) == ("pusat_data_daerah", False)


@pytest.mark.parametrize(("level", "hosting"), [
    ("provinsi", "pusat-data-daerah"),  # its own data centre
    ("kabupaten", None),  # the province's: not the kabupaten's, and not told which
])
def test_the_provinces_data_centre_is_the_pemdas_own_only_for_a_province(
    runner, tmp_path, level, hosting
):
    source = write_csv(tmp_path / "inventaris.csv", [
        ["Nama Aplikasi", "Perangkat Daerah", "Lokasi Server"],
        ["SIMPEG", "BKD", "Pusat Data Pemprov"],
        ["e-Office", "Sekretariat Daerah", "Data Center Pemkab"],
    ])
    result = _import(runner, source, tmp_path / "model", "--level", level)
    assert result.exit_code == 0, result.output
    apps = _model(tmp_path).applications
    other = None if hosting else "pusat-data-daerah"  # a kabupaten's, for a province
    assert (apps["simpeg"].hosting, apps["e-office"].hosting) == (hosting, other)


def test_a_note_merged_across_under_the_last_application_is_the_footer(runner, tmp_path):
    """'Catatan: ...' merged across the table's width under the last row is a note, not a
    heading of rows to come: passed over as the footer, nothing skipped (exit 0)."""
    source = write_xlsx(tmp_path / "inventaris.xlsx", [
        ["No", "Nama Aplikasi", "OPD"], [1, "SIMPUS", "Dinas Kesehatan"],
        [2, "SIMPEG", "BKPSDM"], ["Catatan: data per 31 Desember 2024"],
    ], merge=["A4:C4"])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    at = f"{source}[Inventaris]"
    assert f"{at}:4: note: 1 row below the last application names no application and no " \
        "unit: the sheet's footer, passed over (4: 'Catatan: data per 31 Desember 2024')" in \
        _lines(result, "note")
    assert "imported 2 of 2 rows" in result.output


def test_a_workbook_saved_on_another_sheet_says_which_sheet_and_how_to_read_another(
        runner, tmp_path):
    """Saved with the 'Integrasi' tab in front: the header read there lacks the unit column;
    the message names the sheet it read and the others, and --sheet."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Inventaris"
    workbook.active.append(["No", "Nama Aplikasi", "OPD"])
    workbook.active.append([1, "SIMPUS", "Dinas Kesehatan"])
    links = workbook.create_sheet("Integrasi")
    links.append(["No", "Nama Aplikasi", "Terintegrasi dengan"])
    links.append([1, "SIMPUS", "SATUSEHAT"])
    workbook.active = 1
    source = tmp_path / "inventaris.xlsx"
    workbook.save(source)
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"spbe-arch: {source}:1: no unit column in the header (e.g. 'Perangkat Daerah' or "
        "'OPD'); every application needs its owner unit (in sheet 'Integrasi'; other sheets: "
        "Inventaris)",
        "    hint: read another sheet with --sheet NAME, or name the column in a --mapping "
        "file: columns: {unit: <its header>}"]
    again = _import(runner, source, tmp_path / "model", "--sheet", "Inventaris")
    assert again.exit_code == 0, again.output


def test_a_loose_name_of_several_national_platforms_names_them(runner, tmp_path):
    """'BPJS' is PCare and VClaim, not nothing: the note names what it may mean."""
    source = write_csv(tmp_path / "inventaris.csv", [
        ["No", "Nama Aplikasi", "OPD", "Terintegrasi dengan"],
        ["1", "SIMRS", "RSUD Kota", "BPJS"]])
    result = _import(runner, source, tmp_path / "model")
    assert f"{source}:2: note: 'BPJS' in 'Terintegrasi dengan' may name 'pcare', 'vclaim'; no " \
        "integration, kept as properties.integrations of 'simrs'" in result.output.splitlines()


def test_a_server_named_by_its_units_kind_is_a_server_room(runner, tmp_path):
    source = write_csv(tmp_path / "inventaris.csv", [
        ["Nama Aplikasi", "Perangkat Daerah", "Lokasi Server"],
        ["SIMRS", "RSUD Lembah Hijau", "Server RSUD"],
        ["SIMPUS", "Puskesmas Sukamaju", "Server Puskesmas"],
        ["SIPKD", "BPKAD", "Server Sewa"],  # names no unit: unknown
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    model = _model(tmp_path)
    kinds = {app.name: model.infrastructure[app.hosting].kind if app.hosting else None
             for app in model.applications.values()}
    assert kinds == {"SIMRS": "on_premise", "SIMPUS": "on_premise", "SIPKD": None}


def test_a_status_with_words_of_time_before_it_is_read(runner, tmp_path):
    source = write_csv(tmp_path / "inventaris.csv", [
        ["Nama Aplikasi", "Perangkat Daerah", "Status"],
        ["SIMRS", "RSUD", "Sedang dikembangkan"],
        ["SIMPUS", "Dinkes", "Masih aktif"],
        ["e-Kinerja", "BKPSDM", "Sudah tidak digunakan"],
        ["SIPD", "Bappeda", "Sudah dikembangkan"],  # over, and what it is now is not said
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if "not recognised" in line] == [
        f"{source}:5: note: status 'Sudah dikembangkan' not recognised; kept as "
        "properties.status, status left out: the application counts as active until you set it "
        "(planned, development, active, retired)"]
    apps = _model(tmp_path).applications.values()
    assert {app.name: str(app.status) for app in apps} == {
        "SIMRS": "development", "SIMPUS": "active", "e-Kinerja": "retired", "SIPD": "active"}


def test_a_cell_past_the_last_header_is_kept_and_its_row_named(runner, tmp_path):
    source = write_csv(tmp_path / "inventaris.csv", [
        ["Nama Aplikasi", "Perangkat Daerah", "Terintegrasi dengan"],
        ["SIMPUS", "Dinkes", "SATUSEHAT"],
        ["SIAK", "Disdukcapil", "SATUSEHAT", " SIKDA"],  # '; SIKDA' typed in the last cell
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert f"{source}:3: note: a cell in column 4, which has no header: 'SIKDA' kept as " \
        "properties.column_4 (a separator inside a cell shifts the cells after it)" in \
        _lines(result, "note")
    apps = {app.name: app for app in _model(tmp_path).applications.values()}
    assert apps["SIAK"].properties["column_4"] == "SIKDA"


def test_a_unit_cell_naming_a_part_of_a_listed_unit_gets_it_as_parent(runner, tmp_path):
    """'Dinas Kesehatan / UPT Puskesmas': a UPT inside the dinas, which has rows of its own,
    is imported as that UPT (its name and kind) with the dinas as parent; 'Dinkes / Bagian X'
    of an unlisted dinas is one unit."""
    source = write_csv(tmp_path / "kota-uji.csv", [
        ["No", "Nama Aplikasi", "OPD"], ["1", "SIMPUS", "Dinas Kesehatan"],
        ["2", "SIMLAB", "Dinas Kesehatan / UPT Laboratorium Kesehatan"],
        ["3", "Absensi", "Dinas Sosial / Bidang Rehabilitasi"],
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    units = _model(tmp_path).units
    (upt,) = [u for u in units.values() if u.name.endswith("UPT Laboratorium Kesehatan")]
    assert (upt.name, upt.kind, upt.parent) == ("UPT Laboratorium Kesehatan", "upt", "dinkes")
    assert all(u.parent is None for u in units.values() if u is not upt)
    assert (f"{source}:3: note: unit 'Dinas Kesehatan / UPT Laboratorium Kesehatan': 'UPT "
            f"Laboratorium Kesehatan' inside 'Dinas Kesehatan', which the inventory lists on its "
            f"own; imported as unit '{upt.id}' with parent 'dinkes'") in _lines(result, "note")


def test_a_unit_named_with_its_instansi_is_the_same_unit(runner, tmp_path):
    """Inventories write 'Dinas Kesehatan Kota Sukamaju', 'DINAS KESEHATAN KOTA' and 'Dinkes'
    for one dinas: one unit. A name that is no other spelling without its end keeps it: a
    kecamatan named after a place, 'Dinas Tata Kota', two puskesmas."""
    source = write_csv(tmp_path / "inventaris.csv", [["No", "Nama Aplikasi", "OPD"], *(
        [str(n), f"Aplikasi {n}", unit] for n, unit in enumerate([
            "Dinas Kesehatan", "DINAS KESEHATAN KOTA", "Dinas Kesehatan Kota Sukamaju",
            "Dinkes Kota Sukamaju", "Dinkes Sukamaju", "Kecamatan Kota Baru", "Kecamatan Kota",
            "Dinas Tata Kota", "Puskesmas Kota", "Puskesmas Sukamaju",
        ], 1))])
    result = _import(runner, source, tmp_path / "model", "--instansi-name",
                     "Pemerintah Kota Sukamaju")
    assert result.exit_code == 0, result.output
    units = _model(tmp_path).units
    assert sorted((u.id, u.name) for u in units.values()) == [
        ("dinas-tata-kota", "Dinas Tata Kota"), ("dinkes", "Dinas Kesehatan"),
        ("kecamatan-kota", "Kecamatan Kota"), ("kecamatan-kota-baru", "Kecamatan Kota Baru"),
        ("puskesmas-kota", "Puskesmas Kota"), ("puskesmas-sukamaju", "Puskesmas Sukamaju"),
    ]


def test_a_unit_cell_naming_two_units_of_the_inventory_is_said(runner, tmp_path):
    """'Dinkes, Diskominfo': two units the inventory lists on their own, written in one cell,
    became a made-up unit; the report says so. A unit whose name has 'dan' in it is one."""
    source = write_csv(tmp_path / "kota-uji.csv", [
        ["No", "Nama Aplikasi", "OPD"], ["1", "SIMPUS", "Dinkes"], ["2", "Web", "Diskominfo"],
        ["3", "Dasbor", "Dinkes, Diskominfo"],
        ["4", "SIPD", "Dinas Kesehatan dan Keluarga Berencana"],
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert [line for line in _lines(result, "note") if "names 2 units" in line] == [
        f"{source}:4: note: unit 'Dinkes, Diskominfo' names 2 units the inventory lists on "
        "their own ('Dinkes', 'Diskominfo'); imported as one unit 'dinkes-diskominfo': give the "
        "application one owner unit"]


_MISSPELT = [
    ["Daftar Aplikasi Kota Contoh", "", "", "", "", ""],
    ["Status", "No", "Nama Aplikas", "OPD", "Lokasi Sever", "Pengembang"],
    ["Aktif", "1", "SIMPEG", "BKPSDM", "Pusat Data Daerah", "Diskominfo"],
    ["Aktif", "2", "Aplikasi e-Posyandu", "Dinas Kesehatan", "Vendor", "Vendor"],
]


def test_a_misspelt_name_header_is_named_not_a_data_row_taken_for_the_header(runner, tmp_path):
    """'Aplikasi e-Posyandu' next to 'Vendor' looks like a header ('aplikasi ...', a known
    column): the row above naming more columns is the header, and its misspelt cell is told."""
    source = write_csv(tmp_path / "kota-contoh.csv", _MISSPELT)

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 2
    assert result.output == (
        f"spbe-arch: {source}:2: no application name column in the header (e.g. 'Nama "
        "Aplikasi'); 'Nama Aplikas' may be it, misspelt\n"
        "    hint: name the column in a --mapping file: columns: {name: Nama Aplikas}\n")


def test_a_misspelt_header_kept_as_properties_is_told(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", _MISSPELT)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  name: Nama Aplikas\n", encoding="utf-8")

    result = _import(runner, source, tmp_path / "model", "--mapping", str(mapping))

    assert result.exit_code == 0, result.output
    assert _lines(result, "note")[0] == (
        f"{source}:2: note: column 'Lokasi Sever' is kept as properties only: if it is "
        "'lokasi server' misspelt, name it in a --mapping file (columns: {server_location: "
        "Lokasi Sever}) and import again")
    assert {a.properties.get("lokasi_sever") for a in _model(tmp_path).applications.values()
            } == {"Pusat Data Daerah", "Vendor"}  # kept, as the note says
    assert len([line for line in _lines(result, "note") if "misspelt, name it" in line]) == 1


def test_a_header_of_its_own_is_not_taken_for_a_misspelt_one(runner, tmp_path):
    """'Versi Aplikasi' and 'Link Aplikasi' share a word with known headers ('Deskripsi
    Aplikasi', 'Kode Aplikasi') but are columns of their own: kept, with no note."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Versi Aplikasi", "Link Aplikasi"],
        ["SIMPEG", "BKPSDM", "2.1", "https://simpeg.example"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert "misspelt, name it" not in result.output


def test_a_status_not_given_is_said_to_count_as_active(runner, tmp_path):
    """'?' or an empty cell in the status column says nothing: the model's default (active)
    counts it, and the report says so, with the rows."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["No", "Nama Aplikasi", "OPD", "Status"],
        ["1", "SIMPEG", "BKPSDM", "?"], ["2", "SIMPUS", "Dinkes", "Aktif"],
        ["3", "SIMBG", "DPUPR", ""]])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert (f"{source}: note: 2 applications whose status is empty or not given ('?', '-'): "
            "written without one, so counted as active until the status is set (rows 2, 4)"
            ) in result.output.splitlines()


def test_a_unit_written_once_over_its_rows_is_named_in_the_rows_skipped(runner, tmp_path):
    """Trial (an XLSX grouped by eye): 'Dinas Kesehatan' written in row 3 and the cells under
    it left empty, not merged; the rows under it are skipped, saying which row names the unit
    and how to fix it. Without a Status column, every application is said to count as
    active."""
    from openpyxl import Workbook

    source = tmp_path / "rekap.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["No", "Nama Aplikasi", "OPD Pengelola", "Keterangan"])
    sheet.append([1, "SIMPUS", "Dinas Kesehatan", ""])
    sheet.append([2, "SIKDA Generik", None, ""])
    sheet.append([3, "SIPADA", "Bappeda", "tidak dipakai lagi"])
    sheet.append([])
    sheet.append([4, "SI-Lain", None, ""])  # under an empty row: no unit above it
    book.save(source)
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 1, result.output
    assert (f"{source}[Sheet]:3: skipped: no unit for 'SIKDA Generik' (column 'OPD Pengelola' "
            "is empty; row 2 above names 'Dinas Kesehatan': merge its cell down over these "
            "rows, or write the unit in each)") in result.output.splitlines()
    assert (f"{source}[Sheet]:6: skipped: no unit for 'SI-Lain' (column 'OPD Pengelola' is "
            "empty)") in result.output.splitlines()
    assert (f"{source}[Sheet]: note: no status column: 2 applications written without a status, "
            "so counted as active; one no longer used needs status: retired (or a 'Status' "
            "column)") in result.output.splitlines()
