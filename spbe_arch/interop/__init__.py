"""Exchange with other tools: ArchiMate Open Exchange XML, inventories kept as spreadsheets
(CSV, XLSX), GraphML/JSON graphs."""

from .inventory import (
    ImportReport,
    InventoryAdded,
    InventoryImport,
    ListAdded,
    add_integration_list,
    add_inventory,
    import_inventory,
    instansi_for,
    list_report_dict,
    list_report_lines,
    report_dict,
    report_lines,
    write_import,
)

__all__ = [
    "ImportReport",
    "InventoryAdded",
    "InventoryImport",
    "ListAdded",
    "add_integration_list",
    "add_inventory",
    "import_inventory",
    "instansi_for",
    "list_report_dict",
    "list_report_lines",
    "report_dict",
    "report_lines",
    "write_import",
]
