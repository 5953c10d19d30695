"""Inventories written for the tests: CSV text in an encoding, workbooks built with openpyxl."""

import re
import zipfile
from pathlib import Path

HEADER = ["No", "Nama Aplikasi", "Perangkat Daerah", "Deskripsi", "Alamat URL", "Klasifikasi",
          "Status", "Lokasi Server"]


def write_csv(path: Path, rows: list[list[str]], *, encoding="cp1252", sep=";") -> Path:
    """Rows joined by `sep`, lines by CRLF, as Excel writes them ("CSV (semicolon)")."""
    def cell(text: str) -> str:
        quoted = text.replace('"', '""')
        special = sep in text or any(c in text for c in '"\r\n')
        return f'"{quoted}"' if special else text

    text = "".join(sep.join(cell(c) for c in row) + "\r\n" for row in rows)
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list], *, merge: list[str] = (), title="Inventaris"):
    """A workbook with one sheet holding `rows`, the ranges in `merge` merged."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merge:
        sheet.merge_cells(cells)
    workbook.save(path)
    return path


def cache_formula_results(path: Path, results: dict[str, str]) -> None:
    """Store cached results for formula cells (cell -> text), as Excel does when saving."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    for ref, value in results.items():
        sheet, count = re.subn(
            rf'<c r="{ref}"><f>(.*?)</f><v\s*(?:/>|></v>)',  # openpyxl with or without lxml
            rf'<c r="{ref}" t="str"><f>\1</f><v>{value}</v>',
            sheet,
        )
        assert count == 1, ref
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
