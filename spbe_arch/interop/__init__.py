"""Exchange with other tools: ArchiMate Open Exchange XML, inventories kept as spreadsheets
(CSV, XLSX), GraphML/JSON graphs."""

from .inventory import (
    ImportReport,
    InventoryImport,
    import_inventory,
    instansi_for,
    report_dict,
    report_lines,
    write_import,
)

__all__ = [
    "ImportReport",
    "InventoryImport",
    "import_inventory",
    "instansi_for",
    "report_dict",
    "report_lines",
    "write_import",
]
