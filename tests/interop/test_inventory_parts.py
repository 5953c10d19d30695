"""The importer's parts: unit names, platform matching, YAML scalars, reading CSV variants."""

import yaml_rs
from hypothesis import given
from hypothesis import strategies as st
from inventory_files import write_csv

from spbe_arch.interop.inventory.columns import Column, Mapping, find_header
from spbe_arch.interop.inventory.emit import scalar
from spbe_arch.interop.inventory.table import open_table
from spbe_arch.interop.inventory.units import IdPool, group_units
from spbe_arch.model import UnitKind


def test_unit_spellings_merge_into_one_unit_named_by_the_written_out_spelling():
    units = group_units(
        {"DINKES": [2], "Dinas Kesehatan": [3, 5], "Dinas  kesehatan": [4], "Bappeda": [6]},
        IdPool(),
    )

    dinkes = units["DINKES"]
    assert units["Dinas  kesehatan"] is dinkes
    assert (dinkes.id, dinkes.name, dinkes.kind) == ("dinkes", "Dinas Kesehatan", UnitKind.dinas)
    assert (units["Bappeda"].id, units["Bappeda"].kind) == ("bappeda", UnitKind.badan)


def test_unit_ids_avoid_ids_taken():
    ids = IdPool({"sipd", "kecamatan-timur"})
    units = group_units({"Kecamatan Timur": [2], "SIPD": [3]}, ids)

    assert units["Kecamatan Timur"].id == "kecamatan-timur-2"
    assert units["Kecamatan Timur"].kind is UnitKind.kecamatan
    assert (units["SIPD"].id, units["SIPD"].kind) == ("sipd-2", UnitKind.unit_kerja)


def test_unit_kinds_of_the_pemda_as_it_is():
    kinds = {
        name: unit.kind
        for name, unit in group_units(
            {"Kantor Wali Kota": [2], "PDAM Tirta Kencana": [3], "UPT Puskesmas Timur": [4],
             "Bidang Aptika": [5], "Perumda Pasar": [6]},
            IdPool(),
        ).items()
    }

    assert kinds == {
        "Kantor Wali Kota": UnitKind.kepala_daerah, "PDAM Tirta Kencana": UnitKind.bumd,
        "UPT Puskesmas Timur": UnitKind.upt, "Bidang Aptika": UnitKind.bidang,
        "Perumda Pasar": UnitKind.bumd,
    }


@given(st.text())
def test_scalar_reads_back_as_the_same_string(text):
    assert yaml_rs.loads(f"k: {scalar(text)}\n", parse_datetime=False) == {"k": text}


def test_scalar_leaves_plain_words_plain():
    assert [scalar(t) for t in ("Dinas Kesehatan", "e-Office", "0o7", "_8", "Yes", "")] == [
        "Dinas Kesehatan", "e-Office", '"0o7"', '"_8"', '"Yes"', '""'
    ]


def test_csv_with_bom_and_commas(tmp_path):
    source = write_csv(
        tmp_path / "a.csv", [["Nama Aplikasi", "OPD"], ["Pelayanan Cepat", "Dinas Sosial"]],
        encoding="utf-8-sig", sep=",",
    )

    table = open_table(source)

    assert (table.encoding, table.delimiter) == ("utf-8-sig", ",")
    assert list(table.rows) == [
        (1, ["Nama Aplikasi", "OPD"]), (2, ["Pelayanan Cepat", "Dinas Sosial"])
    ]


def test_csv_separator_not_misled_by_a_title_row_or_a_quoted_comma(tmp_path):
    source = write_csv(tmp_path / "a.csv", [
        ["Daftar Aplikasi, Kota Contoh"],
        ["Nama Aplikasi", "OPD", "URL"],
        ["Portal, versi 2", "Kominfo", "https://a.go.id"],
    ], encoding="utf-8", sep=";")

    assert open_table(source).delimiter == ";"


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    source = write_csv(
        tmp_path / "a.txt", [["Nama Aplikasi", "OPD"], ["Layanan Kesehatan – ü", "Dinkes"]],
        encoding="utf-16", sep="\t",
    )

    table = open_table(source)

    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert list(table.rows)[1] == (2, ["Layanan Kesehatan – ü", "Dinkes"])


def test_header_found_below_a_title_with_headers_as_pemdas_write_them():
    rows = [
        (1, ["Aplikasi Pemerintah Kota Contoh"]),
        (3, ["NO.", "Nama Aplikasi/Sistem", "OPD Pengampu", "Alamat Server", "Link Aplikasi",
             "Status (Aktif/Tidak)", "Nomor Registrasi", "Keterangan"]),
    ]

    number, columns, _ = find_header(iter(rows), Mapping())

    assert number == 3
    assert columns == {
        0: Column.number, 1: Column.name, 2: Column.unit, 3: Column.server_location,
        4: Column.url, 5: Column.status,
    }


def test_utf32_text_with_its_bom_is_read(tmp_path):
    """UTF-32's BOM starts with UTF-16's: told apart, not read as UTF-16 gibberish."""
    source = write_csv(
        tmp_path / "a.csv", [["Nama Aplikasi", "OPD"], ["Layanan Kesehatan – ü", "Dinkes"]],
        encoding="utf-32", sep=",",
    )

    table = open_table(source)

    assert table.encoding == "utf-32"
    assert list(table.rows)[1] == (2, ["Layanan Kesehatan – ü", "Dinkes"])
