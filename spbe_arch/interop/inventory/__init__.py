"""`spbe-arch import inventory`: an application inventory spreadsheet -> a model folder;
`spbe-arch import integrations`: an integration list -> a file of a model kept by hand.

Reading (`table`, `sheet`), column recognition (`columns`), data rows (`rows`), units
(`units`), conversion with national platform matching (`convert`), the integration list
(`integration_list`, `into_model`), an inventory added to a model (`merge`), the report
(`report`) and writing (`write`, `emit`).
"""

from .convert import InventoryImport, import_inventory, instansi_for
from .into_model import ListAdded, add_integration_list
from .merge import InventoryAdded, add_inventory
from .report import (
    ImportReport,
    ListReport,
    list_report_dict,
    list_report_lines,
    report_dict,
    report_lines,
)
from .write import REPORT_FILE, write_import

__all__ = [
    "REPORT_FILE",
    "ImportReport",
    "InventoryAdded",
    "InventoryImport",
    "ListAdded",
    "ListReport",
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
