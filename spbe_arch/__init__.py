"""spbe-arch: enterprise architecture toolkit for Indonesian e-government (SPBE).

The library API; the `spbe-arch` command is one client of it. Names load lazily so that
`spbe-arch --help` starts fast.
"""

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "load_model": "spbe_arch.validate",
    "ValidationResult": "spbe_arch.validate",
    "Architecture": "spbe_arch.model",
    "Finding": "spbe_arch.model",
    "Severity": "spbe_arch.model",
    "SpbeError": "spbe_arch.io",
    "build_graph": "spbe_arch.graph",
    "audit": "spbe_arch.audit",
    "AuditResult": "spbe_arch.audit",
    "impact": "spbe_arch.audit",
    "assess": "spbe_arch.maturity",
    "MaturityResult": "spbe_arch.maturity",
    "export_model": "spbe_arch.interop.export",
    "import_archimate": "spbe_arch.interop.archimate_import",
    "import_inventory": "spbe_arch.interop",
    "write_import": "spbe_arch.interop",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'spbe_arch' has no attribute {name!r}")
