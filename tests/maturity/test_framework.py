"""Frameworks are data: the shipped PermenPANRB 59/2020 catalog, a second file, bad files."""

import json
from math import fsum

import jsonschema
import pytest
from conftest import ROOT

from spbe_arch.io import SpbeError
from spbe_arch.maturity import DEFAULT_FRAMEWORK, framework_ids, load_framework

MINI = ROOT / "tests" / "maturity" / "frameworks" / "mini.yaml"
SHIPPED = sorted((ROOT / "models" / "frameworks").glob("*.yaml"))


def test_framework_default_is_permenpanrb_with_4_domains_8_aspects_47_indicators():
    framework = load_framework()
    assert framework.id == DEFAULT_FRAMEWORK == "permenpanrb-59-2020"
    assert (len(framework.domains), len(framework.aspects), len(framework.indicators)) == (
        4, 8, 47,
    )
    assert [i.id for i in framework.indicators] == [str(n) for n in range(1, 48)]


def test_framework_weights_sum_to_100():
    framework = load_framework()
    assert fsum(i.weight for i in framework.indicators) == 100
    assert [d.weight for d in framework.domains] == [13, 25, 16.5, 45.5]
    assert {i.weight for i in framework.indicators if i.aspect == 7} == {2.75}
    assert {i.weight for i in framework.indicators if i.aspect == 8} == {3}


def test_framework_level_names_differ_for_the_service_domain():
    framework = load_framework()
    assert list(framework.level_names(2).values()) == [
        "Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum",
    ]
    assert list(framework.level_names(4).values()) == [
        "Informasi", "Interaksi", "Transaksi", "Kolaborasi", "Optimum",
    ]


def test_framework_predikat_bands_are_data():
    bands = [(b.name, b.min) for b in load_framework().predikat]
    assert bands == [
        ("Memuaskan", 4.2), ("Sangat Baik", 3.5), ("Baik", 2.6), ("Cukup", 1.8), ("Kurang", 0),
    ]


def test_framework_loads_a_second_framework_by_path():
    mini = load_framework(MINI)
    assert (mini.id, len(mini.domains), len(mini.indicators), mini.max_level) == ("mini", 2, 4, 4)
    assert load_framework(str(MINI)) is mini


def test_framework_ids_lists_shipped_files():
    assert framework_ids() == ["permenpanrb-59-2020"]


def test_framework_unknown_id_is_spbe_error_naming_shipped_ids():
    with pytest.raises(SpbeError, match="unknown framework 'ipd-2026'; shipped frameworks: "
                                        "permenpanrb-59-2020"):
        load_framework("ipd-2026")


def test_framework_missing_file_is_spbe_error(tmp_path):
    with pytest.raises(SpbeError, match="framework file not found"):
        load_framework(tmp_path / "nope.yaml")


def _write(tmp_path, text: str):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_framework_breaking_the_schema_names_file_and_place(tmp_path):
    path = _write(tmp_path, MINI.read_text().replace("weight: 3, evidence", "weight: -3, evidence"))
    with pytest.raises(SpbeError) as caught:
        load_framework(path)
    assert str(caught.value) == (
        f"{path}: invalid framework at 'indicators[1].weight': -3 is less than or equal to the "
        "minimum of 0"
    )


def test_framework_unknown_evidence_rule_is_rejected(tmp_path):
    path = _write(tmp_path, MINI.read_text().replace("splp_integration", "splp"))
    with pytest.raises(SpbeError, match=r"indicators\[1\]\.evidence': 'splp' is not one of"):
        load_framework(path)


def test_framework_domain_weight_must_equal_its_indicators(tmp_path):
    path = _write(tmp_path, MINI.read_text().replace("weight: 4}", "weight: 5}"))
    with pytest.raises(SpbeError, match="domain 1 weight is 5 but its indicators' weights sum "
                                        "to 4"):
        load_framework(path)


def test_framework_indicator_aspect_must_be_in_its_domain(tmp_path):
    path = _write(tmp_path, MINI.read_text().replace("domain: 2, aspect: 3, weight: 2",
                                                     "domain: 2, aspect: 1, weight: 2"))
    with pytest.raises(SpbeError, match="indicator 4 is in domain 2 but its aspect 1 is in "
                                        "domain 1"):
        load_framework(path)


def test_framework_lowest_band_must_start_at_zero(tmp_path):
    path = _write(tmp_path, MINI.read_text().replace("{name: Kurang, min: 0}",
                                                     "{name: Kurang, min: 1}"))
    with pytest.raises(SpbeError, match="lowest predikat band must have 'min: 0'"):
        load_framework(path)


def test_framework_syntax_error_is_located(tmp_path):
    path = _write(tmp_path, "id: [x\n")
    with pytest.raises(SpbeError, match=rf"{path}:\d+:\d+: invalid YAML"):
        load_framework(path)


@pytest.mark.parametrize("path", [*SHIPPED, MINI], ids=lambda p: p.name)
def test_framework_files_validate_against_the_generated_schema_file(path):
    import yaml_rs

    schema = json.loads((ROOT / "schemas" / "framework.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(yaml_rs.load(path.read_bytes()))


def test_framework_indicator_ids_are_strings_and_plain_numbers_are_accepted(tmp_path):
    text = MINI.read_text().replace("- {id: 3, domain: 2, aspect", "- {id: 35-2, domain: 2, aspect")
    text = text.replace("- {id: 4, domain: 2, aspect", "- {id: '35-3', domain: 2, aspect")
    framework = load_framework(_write(tmp_path, text))
    assert [i.id for i in framework.indicators] == ["1", "2", "35-2", "35-3"]


def test_framework_indicator_id_written_as_number_and_text_is_defined_twice(tmp_path):
    path = _write(tmp_path, MINI.read_text().replace("- {id: 2, domain: 1, aspect",
                                                     "- {id: '1', domain: 1, aspect"))
    with pytest.raises(SpbeError, match="inconsistent framework: indicator 1 is defined twice"):
        load_framework(path)


def test_framework_relative_path_resolves_from_the_model_folder(tmp_path, monkeypatch):
    model = tmp_path / "model"
    (model / "kerangka").mkdir(parents=True)
    (model / "kerangka" / "mini.yaml").write_text(MINI.read_text(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_framework("kerangka/mini.yaml", root=model).id == "mini"
    with pytest.raises(SpbeError, match="framework file not found"):
        load_framework("kerangka/mini.yaml")


def test_framework_id_is_looked_up_in_the_model_frameworks_folder_first(tmp_path):
    model = tmp_path / "model"
    (model / "frameworks").mkdir(parents=True)
    (model / "frameworks" / "evaluasi-lama.yaml").write_text(MINI.read_text(), encoding="utf-8")
    assert load_framework("evaluasi-lama", root=model).id == "mini"
    with pytest.raises(SpbeError, match="unknown framework 'evaluasi-lama'; shipped frameworks: "
                                        r"permenpanrb-59-2020 \(or keep it as "
                                        "frameworks/evaluasi-lama.yaml in the model folder"):
        load_framework("evaluasi-lama")


def test_framework_domain_weight_may_be_left_to_its_indicators(tmp_path):
    text = MINI.read_text().replace("{id: 1, name: Tata Kelola, weight: 4}",
                                    "{id: 1, name: Tata Kelola}")
    framework = load_framework(_write(tmp_path, text))
    assert [d.weight for d in framework.domains] == [4, 6]
