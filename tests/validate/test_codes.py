"""Each validation code fires on a tiny model, at the right file:line:column, and only there."""

import pytest

from spbe_arch.validate import load_model

UNIT = """\
units:
  - id: dinkes
    name: Dinas Kesehatan
    kind: dinas
"""


def _found(root):
    return [
        (f.location.file, f.location.line, f.location.column, f.code)
        for f in load_model(root).findings
    ]


CASES = {
    "SPBE-R001": ({"bad.yaml": "units:\n  - id: a\n    name: [x\n"}, ("bad.yaml", 3, 11)),
    "SPBE-R002": ({"apps.yaml": "aplikasi:\n  - id: x\n"}, ("apps.yaml", 1, 1)),
    "SPBE-R003": (
        {"u.yaml": UNIT.replace("kind: dinas", "kind: Dinas")},
        ("u.yaml", 4, 5),
    ),
    "SPBE-R004": ({"u.yaml": UNIT + "    kepala: Budi\n"}, ("u.yaml", 5, 5)),
    "SPBE-R005": ({"u.yaml": "units:\n  - id: dinkes\n    kind: dinas\n"}, ("u.yaml", 2, 5)),
    "SPBE-R006": ({"u.yaml": UNIT.replace("id: dinkes", "id: Dinas Kesehatan")}, ("u.yaml", 2, 5)),
    "SPBE-R007": (
        {"units.yaml": UNIT, "zz/more.yaml": UNIT},
        ("zz/more.yaml", 2, 5),
    ),
    "SPBE-R008": (
        {"u.yaml": UNIT + "    parent: setda\n"},
        ("u.yaml", 5, 5),
    ),
    "SPBE-R009": (
        {
            "u.yaml": UNIT,
            "a.yaml": "applications:\n  - id: simpus\n    name: SIMPUS\n    kind: khusus\n"
            "    owner: dinkes\n    hosting: dinkes\n",
        },
        ("a.yaml", 6, 5),
    ),
    "SPBE-R010": (
        {
            "u.yaml": UNIT,
            "a.yaml": "applications:\n  - id: sipd-kab\n    name: SIPD\n    kind: umum\n"
            "    platform: sipd-ri\n    owner: dinkes\n",
        },
        ("a.yaml", 5, 5),
    ),
    "SPBE-R011": (
        {
            "u.yaml": UNIT,
            "a.yaml": "applications:\n  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}\n"
            "integrations:\n  - id: loop\n    source: simpus\n    target: simpus\n    via: splp\n",
        },
        ("a.yaml", 6, 5),
    ),
    "SPBE-R012": ({"u.yaml": "instansi:\n  id: x\n  name: X\n  level: kota\n"}, ("u.yaml", 1, 1)),
    "SPBE-R014": ({"u.yaml": UNIT.replace("id: dinkes", "id: splp")}, ("u.yaml", 2, 5)),
    "SPBE-R015": (
        {"spbe.yaml": "instansi:\n  id: k\n  name: K\n  level: kota\n  severity:\n"
         "    SPBE-A999: off\n"},
        ("spbe.yaml", 6, 5),
    ),
    "SPBE-R016": (
        {"u.yaml": "units:\n  - {id: a, name: A, kind: bagian, parent: b}\n"
         "  - {id: b, name: B, kind: bagian, parent: a}\n"},
        ("u.yaml", 2, 36),
    ),
    "SPBE-R017": (
        {
            "u.yaml": UNIT,
            "a.yaml": "applications:\n  - id: srikandi-kab\n    name: SRIKANDI\n    kind: umum\n"
            "    owner: dinkes\n",
        },
        ("a.yaml", 4, 5),
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_fires_at_its_place(make_model, code):
    files, (file, line, column) = CASES[code]
    assert _found(make_model(files)) == [(file, line, column, code)]


def test_missing_instansi_is_reported_on_the_manifest(make_model):
    root = make_model({"u.yaml": UNIT}, manifest="units: []\n")
    assert _found(root) == [("spbe.yaml", 1, 1, "SPBE-R013")]


def test_invalid_instansi_is_not_reported_missing_too(make_model):
    root = make_model({"u.yaml": UNIT}, manifest="instansi: {id: kab, name: X, level: kabupatn}\n")
    assert _found(root) == [("spbe.yaml", 1, 30, "SPBE-R003")]


def test_clean_model_has_no_findings(make_model):
    root = make_model(
        {
            "u.yaml": UNIT,
            "i.yaml": "infrastructure:\n  - {id: pdd, name: PDD, kind: pusat_data_daerah}\n",
            "a.yaml": "applications:\n  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes,"
            " hosting: pdd}\n"
            "integrations:\n  - {id: i1, source: simpus, target: satusehat, via: splp,"
            " network: jip}\n",
        }
    )
    assert _found(root) == []


def test_all_problems_of_several_files_in_one_run(make_model):
    root = make_model(
        {
            "units.yaml": UNIT,
            "apps/a.yaml": "applications:\n  - id: simpus\n    name: SIMPUS\n    kind: khusus\n"
            "    owner: dinkes-x\n",
            "apps/b.yaml": "units:\n  - id: dinkes\n    name: Dinkes\n    kind: dinas\n"
            "  - id: bappeda\n    name: Bappeda\n    kind: lembaga\n",
            "zz/broken.yaml": "units: [\n",
        }
    )
    assert _found(root) == [  # a file that cannot be read first: it explains what is missing
        ("zz/broken.yaml", 1, 8, "SPBE-R001"),
        ("apps/a.yaml", 5, 5, "SPBE-R008"),
        ("apps/b.yaml", 7, 5, "SPBE-R003"),
        ("units.yaml", 2, 5, "SPBE-R007"),
    ]


def test_reference_to_an_invalid_element_is_not_also_dangling(make_model):
    root = make_model(
        {
            "u.yaml": UNIT.replace("kind: dinas", "kind: nope"),
            "a.yaml": "applications:\n"
            "  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}\n",
        }
    )
    assert [code for *_, code in _found(root)] == ["SPBE-R003"]


def test_unknown_field_hint_suggests_the_close_field(make_model):
    root = make_model({"u.yaml": UNIT + "    parnt: setda\n"})
    (item,) = load_model(root).findings
    assert item.message == "unknown field 'parnt'"
    assert item.hint.startswith("did you mean 'parent'?")


def test_unknown_collection_hint_suggests_the_collection(make_model):
    (item,) = load_model(make_model({"a.yaml": "application:\n  - id: x\n"})).findings
    assert item.hint.startswith("did you mean 'applications'?")


def test_enum_message_lists_allowed_values(make_model):
    root = make_model({"u.yaml": UNIT.replace("kind: dinas", "kind: Dinas")})
    (item,) = load_model(root).findings
    assert item.message.startswith("kind: input should be 'sekretariat', 'inspektorat'")
    assert item.message.endswith("got 'Dinas'")


def test_unicode_lookalike_id_is_rejected(make_model):
    root = make_model({"u.yaml": UNIT.replace("id: dinkes", "id: dinkеs")})  # Cyrillic е
    assert [code for *_, code in _found(root)] == ["SPBE-R006"]


def test_yaml_12_keeps_no_as_a_string(make_model):
    root = make_model({"u.yaml": UNIT.replace("Dinas Kesehatan", "no")})
    result = load_model(root)
    assert result.architecture.units["dinkes"].name == "no"


def test_severity_override_lowers_and_turns_off(make_model):
    manifest = (
        "instansi:\n  id: k\n  name: K\n  level: kota\n  severity:\n"
        "    SPBE-R008: warning\n    SPBE-R017: off\n"
    )
    root = make_model(
        {
            "u.yaml": UNIT + "    parent: setda\n",
            "a.yaml": "applications:\n  - {id: sri, name: S, kind: umum, owner: dinkes}\n",
        },
        manifest=manifest,
    )
    result = load_model(root)
    assert [(f.code, f.severity.value) for f in result.findings] == [("SPBE-R008", "warning")]
    assert result.ok


def test_structural_codes_cannot_be_overridden(make_model):
    manifest = "instansi:\n  id: k\n  name: K\n  level: kota\n  severity:\n    SPBE-R001: off\n"
    root = make_model({"bad.yaml": "units: [\n"}, manifest=manifest)
    codes = sorted(f.code for f in load_model(root).findings)
    assert codes == ["SPBE-R001", "SPBE-R015"]
