"""The published JSON Schemas are fresh, and every shipped YAML file honours them."""

import json

import jsonschema
import pytest
import yaml_rs
from conftest import ROOT

from spbe_arch.io import catalog_dir
from spbe_arch.model.schema import schema_texts

SCHEMAS = ROOT / "schemas"
EXAMPLE_FILES = sorted(
    p for p in (ROOT / "examples").rglob("*") if p.suffix in {".yaml", ".yml", ".json"}
)


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(schema_texts()))
def test_schema_file_is_up_to_date(name):
    assert (SCHEMAS / name).read_text() == schema_texts()[name], "run `spbe-arch schema`"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_example_file_is_valid_against_published_schema(path):
    data = yaml_rs.load(path.read_bytes(), parse_datetime=False)
    errors = [e.message for e in _validator("spbe-model.schema.json").iter_errors(data)]
    assert errors == []


def test_examples_exist():
    assert len(EXAMPLE_FILES) >= 5


def test_schema_rejects_a_typo_collection():
    errors = list(_validator("spbe-model.schema.json").iter_errors({"aplikasi": []}))
    assert errors and "aplikasi" in errors[0].message


def test_platform_catalog_is_valid_against_its_schema():
    data = yaml_rs.load((catalog_dir() / "platforms.yaml").read_bytes())
    assert list(_validator("platforms.schema.json").iter_errors(data)) == []


def test_readme_yaml_snippets_are_valid_model_files():
    import re

    snippets = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert len(snippets) >= 2
    validator = _validator("spbe-model.schema.json")
    for snippet in snippets:
        data = yaml_rs.loads(snippet, parse_datetime=False)
        assert [e.message for e in validator.iter_errors(data)] == [], snippet
