"""Exchange with other tools: application inventories kept as spreadsheets (CSV, XLSX)."""

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
