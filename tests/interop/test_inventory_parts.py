"""The importer's parts: unit names, platform matching, YAML scalars, reading CSV variants."""

import yaml_rs
from hypothesis import given
from hypothesis import strategies as st
from inventory_files import write_csv

from spbe_arch.interop.inventory.emit import scalar
from spbe_arch.interop.inventory.platforms import PlatformMatch, PlatformMatcher
from spbe_arch.interop.inventory.table import open_table
from spbe_arch.interop.inventory.units import IdPool, group_units
from spbe_arch.io import national_platforms
from spbe_arch.model import NationalPlatform, UnitKind


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


def test_platform_matched_by_name_acronym_url_and_word():
    matcher = PlatformMatcher(national_platforms())

    assert matcher.match("SRIKANDI") == PlatformMatch("srikandi", "name", "srikandi")
    assert matcher.match("Sp4n Lapor") == PlatformMatch("sp4n-lapor", "name", "sp4nlapor")
    assert matcher.match("Aplikasi SIPD Kab. Contoh") == PlatformMatch("sipd", "word", "sipd")
    assert matcher.match("Simpus") is None


def test_platform_matched_by_alias_and_url_when_the_catalog_has_them():
    class WithAliases(NationalPlatform, extra="allow"):
        pass

    krisna = WithAliases(
        id="krisna", name="Kolaborasi Perencanaan dan Informasi Kinerja Anggaran", kind="portal",
        operator="Bappenas", function="planning", aliases=["KRISNA-RKPD"],
        url="https://krisna.systems",
    )
    matcher = PlatformMatcher({"krisna": krisna})

    assert matcher.match("Krisna RKPD") == PlatformMatch("krisna", "name", "krisnarkpd")
    assert matcher.match("Perencanaan", "http://rkpd.krisna.systems/login") == PlatformMatch(
        "krisna", "url", "rkpd.krisna.systems"
    )


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
