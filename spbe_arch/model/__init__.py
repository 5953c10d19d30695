"""Pydantic types of the SPBE model: the vocabulary every other layer speaks."""

from .architecture import COLLECTIONS, Architecture, Source
from .elements import (
    Application,
    AssessmentEntry,
    BusinessProcess,
    DataSet,
    Element,
    Evidence,
    Infrastructure,
    Instansi,
    Integration,
    RoadmapItem,
    SecurityControl,
    Service,
    Unit,
)
from .finding import Finding, Location, Severity
from .platform import NationalPlatform, PlatformKind
from .types import (
    ApplicationKind,
    Classification,
    InfrastructureKind,
    InstansiLevel,
    IntegrationVia,
    ServiceKind,
    ServiceLevel,
    Status,
    UnitKind,
)

__all__ = [
    "COLLECTIONS",
    "Application",
    "ApplicationKind",
    "Architecture",
    "AssessmentEntry",
    "BusinessProcess",
    "Classification",
    "DataSet",
    "Element",
    "Evidence",
    "Finding",
    "Infrastructure",
    "InfrastructureKind",
    "Instansi",
    "InstansiLevel",
    "Integration",
    "IntegrationVia",
    "Location",
    "NationalPlatform",
    "PlatformKind",
    "RoadmapItem",
    "SecurityControl",
    "Service",
    "ServiceKind",
    "ServiceLevel",
    "Severity",
    "Source",
    "Status",
    "Unit",
    "UnitKind",
]
