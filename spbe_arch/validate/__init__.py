"""Validation: model loading with checks, severity overrides, locations of findings."""

from .check import (
    ModelReading,
    ValidationResult,
    collector_paused,
    load_model,
    no_model,
    read_model,
)
from .config import apply_overrides
from .locate import finalize, locate

__all__ = [
    "ModelReading",
    "ValidationResult",
    "apply_overrides",
    "collector_paused",
    "finalize",
    "load_model",
    "locate",
    "no_model",
    "read_model",
]
