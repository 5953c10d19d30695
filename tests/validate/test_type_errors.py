"""pydantic's type errors worded from the catalogs: the same English as pydantic's, and
Indonesian with `id`; a type without a template keeps pydantic's own text."""

import pytest
from pydantic import ValidationError

from spbe_arch.model import COLLECTIONS, AssessmentEntry, Waiver
from spbe_arch.model.elements import ElementChange
from spbe_arch.model.framework import Framework
from spbe_arch.model.i18n import use_language
from spbe_arch.validate.type_errors import problem


def _problems(cls, value) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        cls.model_validate(value)
    return [problem(error) for error in caught.value.errors(include_url=False)]


APPLICATION = {"id": "simpus", "name": "SIMPUS", "kind": "khusus", "owner": "dinkes"}


@pytest.mark.parametrize(("cls", "value", "english", "indonesian"), [
    (COLLECTIONS["applications"], {**APPLICATION, "name": ""},
     "string should have at least 1 character", "teks harus memiliki sedikitnya 1 karakter"),
    (COLLECTIONS["applications"], {**APPLICATION, "reads": "data-a"},
     "input should be a valid list", "isian harus berupa daftar"),
    (COLLECTIONS["applications"], "simpus",
     "input should be a valid dictionary", "isian harus berupa pemetaan (kunci: nilai)"),
    (COLLECTIONS["applications"], {**APPLICATION, "status": "aktif"},
     "input should be 'planned', 'development', 'active' or 'retired'",
     "isian harus 'planned', 'development', 'active' atau 'retired'"),
    (COLLECTIONS["data"], {"id": "d", "name": "D", "published": "mungkin"},
     "input should be a valid boolean, unable to interpret input",
     "isian harus berupa boolean (true atau false), isian tidak dapat ditafsirkan"),
    (AssessmentEntry, {"indicator": "1", "year": 1999, "level": 2},
     "input should be greater than or equal to 2000",
     "isian harus lebih besar dari atau sama dengan 2000"),
    (AssessmentEntry, {"indicator": "1", "year": 2024, "level": 2.5},
     "input should be a valid integer, got a number with a fractional part",
     "isian harus berupa bilangan bulat, bukan bilangan pecahan"),
    (Waiver, {"code": "SPBE-A001", "element": "x", "reason": "r", "until": "2024-13-01"},
     "input should be a valid date in the format YYYY-MM-DD, month value is outside expected "
     "range of 1-12",
     "isian harus berupa tanggal yang valid dengan format YYYY-MM-DD, bulan di luar rentang 1-12"),
    (Waiver, {"code": "SPBE-A001", "element": "x", "reason": "r", "until": 2026},
     "input should be a date in the format YYYY-MM-DD",
     "isian harus berupa tanggal dengan format YYYY-MM-DD"),
])
def test_type_error_in_both_languages(cls, value, english, indonesian):
    assert _problems(cls, value) == [english]
    with use_language("id"):
        assert _problems(cls, value) == [indonesian]


def test_type_without_a_template_keeps_pydantics_text_lower_case():
    error = {"type": "uuid_parsing", "msg": "Input should be a valid UUID, invalid length",
             "ctx": {"error": "invalid length"}}
    with use_language("id"):
        assert problem(error) == "input should be a valid UUID, invalid length"


def test_common_slips_get_one_finding_and_a_fix(runner, tmp_path):
    """An unquoted numeric id, a word close to an accepted one, a nested property: one
    finding each, with the fix where there is one (the id as written: YAML reads 3201.10 as
    3201.1, 007 as 7)."""
    from spbe_arch.cli import app

    model = tmp_path / "m.yaml"
    model.write_text("""\
instansi: {id: kab-uji, name: Kabupaten Uji, level: kabupaten}
units:
  - {id: 3201.10, name: Dinas, kind: dinas}
  - {id: 007, name: Bagian, kind: bagian}
  - {id: dinkes, name: Dinkes, kind: dinas, properties: {nested: {a: 1}}}
services:
  - {id: s1, name: S, kind: public, owner: dinkes, level: optimal, indicator: 37}
""")
    lines = runner.invoke(app, ["validate", str(model)]).output.splitlines()
    at = lines.index(f"{model}:3:6: error SPBE-R003 id: input should be a valid string, got 3201.1")
    assert lines[at + 1] == "    hint: YAML reads 3201.10 as a number: quote it, '3201.10'"
    at = lines.index(f"{model}:4:6: error SPBE-R003 id: input should be a valid string, got 7")
    assert lines[at + 1] == "    hint: YAML reads 007 as a number: quote it, '007'"
    nested = [line for line in lines if "properties.nested" in line]
    assert nested == [f"{model}:5:58: error SPBE-R003 properties.nested: input should be text, "
                      "a number or true/false, got {'a': 1}"]
    at = next(i for i, line in enumerate(lines) if "got 'optimal'" in line)
    assert lines[at + 1] == "    hint: did you mean 'optimum'?"


def test_an_assessed_level_named_in_words_says_it_is_a_number(runner, tmp_path):
    from spbe_arch.cli import app

    model = tmp_path / "spbe.yaml"
    model.write_text("instansi: {id: kab-uji, name: Kabupaten Uji, level: kabupaten}\n"
                     "assessment:\n  - {indicator: '1', year: 2024, level: Optimum}\n")
    lines = runner.invoke(app, ["validate", str(model)]).output.splitlines()
    assert "    hint: an assessed level is a number (1 to 5 in PermenPANRB 59/2020)" in lines


def _model_types() -> list[type]:
    """Every model type of the package (the subclasses of SpbeModel, at any depth)."""
    from spbe_arch.model.types import SpbeModel

    found, todo = set(), [SpbeModel]
    while todo:
        for cls in todo.pop().__subclasses__():
            if cls not in found:
                found.add(cls)
                todo.append(cls)
    return sorted(found, key=lambda cls: cls.__name__)


WRONG = [{}, [], "", "x" * 200, None, [{}], {"a": {}}, {1: 2}, 3.5, -1, 10**6, "abc", True,
         [[1]], {"a": [None]}, "2026-13-45", [None], ["x"] * 40, 2026]


def test_no_pydantic_english_in_indonesian():
    """Every error a wrong value of any field of any model type can give is worded from the
    catalogs: with `id`, no text of pydantic's own comes through."""
    leaked = set()
    with use_language("id"):
        for cls in _model_types():
            for field in cls.model_fields:
                for value in WRONG:
                    try:
                        cls.model_validate({field: value})
                    except ValidationError as exc:
                        for error in exc.errors(include_url=False):
                            english = str(error["msg"])
                            if problem(error) == english[:1].lower() + english[1:]:
                                leaked.add((error["type"], english))
    assert leaked == set()


@pytest.mark.parametrize(("cls", "value", "english", "indonesian"), [
    (ElementChange, {"element": "a", "set": {}},
     "input should not be empty", "isian tidak boleh kosong"),
    (Framework, {"levels": []}, "input should not be empty", "isian tidak boleh kosong"),
    (AssessmentEntry, {"indicator": "1" * 33, "year": 2024, "level": 2},
     "string should have at most 32 characters", "teks harus memiliki paling banyak 32 karakter"),
])
def test_a_size_in_both_languages(cls, value, english, indonesian):
    assert english in _problems(cls, value)
    with use_language("id"):
        assert indonesian in _problems(cls, value)
