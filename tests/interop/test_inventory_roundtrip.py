"""Property: any inventory the strategy builds imports into a model that loads back with the
same applications (name, owner, description, address, status) and units, whatever its
encoding, separator or format."""

from collections import Counter
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from inventory_files import write_csv, write_xlsx

from spbe_arch.interop import import_inventory, instansi_for, write_import
from spbe_arch.interop.inventory.rows import EXCEL_ERRORS, NO_VALUE
from spbe_arch.io.unit_names import normal_words, unit_key
from spbe_arch.validate import load_model

HEADER = ["Nama Aplikasi", "Perangkat Daerah", "Deskripsi", "Alamat URL", "Status"]
STATUS = {"Aktif": "active", "Tidak Aktif": "retired", "Pengembangan": "development", "": None}


def _cell(*, xlsx: bool):
    """Non-empty text as typed in a cell: no surrounding spaces, no NUL (binary)."""
    chars = st.characters(  # a workbook's XML cannot hold control characters, U+FFFE, U+FFFF
        blacklist_categories=("Cs", "Cc") if xlsx else ("Cs",),
        blacklist_characters="\x00\ufffe\uffff" if xlsx else "\x00",
    )
    text = st.text(chars, min_size=1, max_size=30).map(str.strip).filter(
        lambda t: t and t.casefold() not in NO_VALUE | EXCEL_ERRORS  # empty cells, by design
    )
    return text.filter(lambda t: not t.startswith("=")) if xlsx else text


@st.composite
def inventories(draw):
    fmt = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "xlsx"]))
    cell = _cell(xlsx=fmt == "xlsx")
    units = draw(st.lists(st.one_of(cell, st.sampled_from(
        ["Dinas Kesehatan", "DINKES", "Dinas  kesehatan", "Bappeda", "Kecamatan Timur"]
    )), min_size=1, max_size=5))
    optional = st.one_of(st.just(""), cell)
    rows = draw(st.lists(
        st.tuples(cell, st.sampled_from(units), optional, optional, st.sampled_from(list(STATUS))),
        min_size=1, max_size=25,
    ))
    for name, unit, *_ in rows:  # a row spelling the header again is skipped, by design
        assume(not normal_words(name).startswith("nama aplikasi")
               or normal_words(unit) != "perangkat daerah")
    assume([normal_words(c) for c in rows[0][:2]] != ["1", "2"])  # column numbers, by design
    if fmt == "cp1252":
        text = "".join(c for row in rows for c in row)
        try:
            text.encode("cp1252").decode("utf-8")
            assume(False)  # bytes that are also UTF-8 text cannot be told apart
        except UnicodeEncodeError:
            assume(False)  # not representable in Windows-1252
        except UnicodeDecodeError:
            pass
    sep = draw(st.sampled_from([",", ";", "\t"]))
    return fmt, sep, [list(r) for r in rows]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inventories())
@example(("utf-8", ",", [["0", "0\r0\x850", "", "", "Aktif"]]))  # NEL: a space split() knows
def test_inventory_imports_and_loads_back_with_same_applications_and_units(inventory):
    fmt, sep, rows = inventory
    with TemporaryDirectory() as tmp:
        if fmt == "xlsx":
            source = write_xlsx(Path(tmp) / "kota-uji.xlsx", [HEADER, *rows])
        else:
            source = write_csv(Path(tmp) / "kota-uji.csv", [HEADER, *rows], encoding=fmt, sep=sep)
        instansi = instansi_for(source, name=None, id=None, level=None)
        imported = import_inventory(source, instansi=instansi)
        write_import(imported, Path(tmp) / "model")
        loaded = load_model(Path(tmp) / "model")

    assert [f for f in loaded.findings if f.severity.value == "error"] == []
    assert imported.report.skipped == []
    arch = loaded.architecture
    key_of_unit = {uid: unit_key(unit.name) for uid, unit in arch.units.items()}
    assert sorted(key_of_unit.values()) == sorted({unit_key(row[1]) for row in rows})
    assert Counter(
        (a.name, key_of_unit[a.owner], a.description or "", a.url or "",
         a.status.value if "status" in a.model_fields_set else None)
        for a in arch.applications.values()
    ) == Counter(
        (_one_line(name), unit_key(unit), description, url, STATUS[status])
        for name, unit, description, url, status in rows
    )
    for unit_id, unit in arch.units.items():
        assert unit.name in {
            _one_line(row[1]) for row in rows if unit_key(row[1]) == key_of_unit[unit_id]}


def _one_line(text: str) -> str:
    """A name or unit as imported: one written on several lines is read as one (and noted)."""
    return " ".join(text.split()) if "\n" in text or "\r" in text else text
