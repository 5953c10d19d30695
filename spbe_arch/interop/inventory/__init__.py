"""`spbe-arch import inventory`: an application inventory spreadsheet -> a model folder.

Reading (`table`), column recognition (`columns`), data rows (`rows`), units (`units`),
conversion with national platform matching (`convert`), the report (`report`) and writing
(`write`, `emit`).
"""

from .convert import InventoryImport, import_inventory, instansi_for
from .report import ImportReport, report_dict, report_lines
from .write import REPORT_FILE, write_import

__all__ = [
    "REPORT_FILE",
    "ImportReport",
    "InventoryImport",
    "import_inventory",
    "instansi_for",
    "report_dict",
    "report_lines",
    "write_import",
]
