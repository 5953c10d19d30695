"""JSON Schema (Draft 2020-12) generated from the pydantic types, for editors and other tools."""

import json
from typing import Any

from pydantic import Field, create_model

from .architecture import COLLECTIONS
from .elements import AssessmentEntry, Evaluation, Instansi, Waiver
from .framework import Framework
from .platform import NationalPlatform
from .types import SpbeModel

__all__ = [
    "SCHEMA_FILES",
    "framework_schema",
    "model_file_schema",
    "platforms_schema",
    "schema_texts",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def model_file_schema() -> dict[str, Any]:
    """Schema of one model file: any collections, `instansi` in the manifest."""
    fields: dict[str, Any] = {
        "instansi": (
            Instansi | None,
            Field(default=None, description="Instansi (manifest spbe.yaml only)"),
        ),
        "assessment": (
            list[AssessmentEntry],
            Field(default_factory=list, description="Penilaian mandiri (self-assessment)"),
        ),
        "evaluations": (
            list[Evaluation],
            Field(default_factory=list, description="Hasil evaluasi: the evaluator's published "
                  "result of each year, which the `verified:` levels come from"),
        ),
        "waivers": (
            list[Waiver],
            Field(default_factory=list, description="Pengecualian: findings accepted for a time"),
        ),
    }
    for name, cls in COLLECTIONS.items():
        doc = (cls.__doc__ or name).strip().splitlines()[0]
        fields[name] = (list[cls], Field(default_factory=list, description=doc))
    fields["platforms"] = (
        list[NationalPlatform],
        Field(
            default_factory=list,
            description="The model's own national platforms (a provincial system, say), "
            "referred to by id like those of models/platforms.yaml",
        ),
    )
    model = create_model("SpbeModelFile", __base__=SpbeModel, **fields)
    model.__doc__ = "One file of an SPBE architecture model (spbe-arch)."
    return _finish(model.model_json_schema(), "spbe-model")


def platforms_schema() -> dict[str, Any]:
    """Schema of the national platform catalog `models/platforms.yaml`."""
    model = create_model(
        "PlatformCatalog",
        __base__=SpbeModel,
        platforms=(list[NationalPlatform], Field(description="National platforms")),
    )
    model.__doc__ = "Catalog of national SPBE platforms and aplikasi umum."
    return _finish(model.model_json_schema(), "platforms")


def framework_schema() -> dict[str, Any]:
    """Schema of an evaluation framework file `models/frameworks/*.yaml`."""
    return _finish(Framework.model_json_schema(), "framework")


def _finish(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return {"$schema": DIALECT, "$id": f"https://spbe-arch.dev/schemas/{name}.schema.json",
            **schema}


SCHEMA_FILES = {
    "spbe-model.schema.json": model_file_schema,
    "platforms.schema.json": platforms_schema,
    "framework.schema.json": framework_schema,
}
"""File name in `schemas/` -> the function that generates it."""


def schema_texts() -> dict[str, str]:
    """File name -> the exact text of each generated schema file."""
    return {name: json.dumps(make(), indent=2) + "\n" for name, make in SCHEMA_FILES.items()}
