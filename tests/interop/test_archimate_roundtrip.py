"""Export -> import -> export of our own models keeps every element, relationship and property."""

import json
import tempfile
from pathlib import Path

import pytest
from conftest import EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from interop_helpers import xsd_errors

from spbe_arch.cli import app
from spbe_arch.interop.archimate_export import export_archimate
from spbe_arch.interop.archimate_import import import_archimate
from spbe_arch.interop.model_yaml import write_model_folder
from spbe_arch.model import (
    Application,
    Architecture,
    DataSet,
    Infrastructure,
    Instansi,
    Integration,
    NationalPlatform,
    Service,
    Unit,
    Waiver,
)
from spbe_arch.validate import load_model


def _stated(item) -> dict:
    """The fields of an element and which of them the model states: an omitted list is
    unknown, one stated empty is a fact, and the two must not come back as each other (a
    null or an empty mapping states nothing)."""
    fields = item.model_dump()
    stated = sorted(name for name in item.model_fields_set
                    if getattr(item, name) not in (None, {}))
    return {**fields, "stated": stated}


def _dump(arch: Architecture) -> dict:
    return {
        "instansi": _stated(arch.instansi) if arch.instansi else None,
        "assessment": [_stated(entry) for entry in arch.assessment],
        "waivers": [_stated(waiver) for waiver in arch.waivers],
        "platforms": {key: _stated(platform) for key, platform in arch.platforms.items()},
        **{
            collection: {key: _stated(element) for key, element in items.items()}
            for collection, items in arch.collections.items()
        },
    }


def _audit(runner, folder: Path) -> dict:
    """The audit's JSON without the file locations (the files of an import are others, and
    findings are in the order of their files)."""
    result = runner.invoke(app, ["audit", str(folder), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    audit = json.loads(result.stdout)
    for finding in audit["findings"]:
        for key in ("file", "line", "column"):
            finding.pop(key)
    audit["findings"].sort(key=lambda f: (f["code"], f["element"] or "", f["message"]))
    return audit


def test_example_round_trips_through_the_command_line(runner, tmp_path):
    first, again = tmp_path / "a.xml", tmp_path / "b.xml"
    folder = tmp_path / "imported"
    for args in (
        ["export", "archimate", str(EXAMPLE), "-o", str(first)],
        ["import", "archimate", str(first), "-o", str(folder)],
        ["export", "archimate", str(folder), "-o", str(again)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stderr == ""  # nothing unmapped, nothing guessed
    assert _dump(load_model(folder).architecture) == _dump(load_model(EXAMPLE).architecture)
    assert again.read_bytes() == first.read_bytes()


def test_example_audits_the_same_after_export_and_import(runner, tmp_path):
    exported, folder = tmp_path / "a.xml", tmp_path / "imported"
    for args in (
        ["export", "archimate", str(EXAMPLE), "-o", str(exported)],
        ["import", "archimate", str(exported), "-o", str(folder)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    back, original = _audit(runner, folder), _audit(runner, EXAMPLE)
    # two services state `applications: []`: known to have none, not unknown
    assert back["metrics"]["completeness"]["services.applications"] == {"known": 39, "of": 39}
    assert back == original


STATED_EMPTY = {
    "units.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [], tags: []}
        """,
    "apps.yaml": """\
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [], writes: []}
          - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes}
        services:
          - {id: rujukan, name: Layanan Rujukan, kind: public, owner: dinkes, applications: []}
        integrations:
          - {id: simpus-sikda, source: simpus, target: sikda, via: manual, data: []}
        """,
    "assessment.yaml": """\
        assessment:
          - {indicator: "1", year: 2024, level: 2, evidence: []}
        """,
}


def test_lists_stated_empty_come_back_stated(make_model, runner, tmp_path):
    model = make_model(STATED_EMPTY)
    exported, folder = tmp_path / "a.xml", tmp_path / "imported"
    for args in (
        ["export", "archimate", str(model), "-o", str(exported)],
        ["import", "archimate", str(exported), "-o", str(folder)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
    assert "  - id: \"dinkes\"\n    name: \"Dinas Kesehatan\"\n    kind: \"dinas\"\n" \
        "    networks: []\n    tags: []\n" in (folder / "units.yaml").read_text("utf-8")
    assert _dump(load_model(folder).architecture) == _dump(load_model(model).architecture)
    assert _audit(runner, folder) == _audit(runner, model)


IDS = st.from_regex(r"\A(id-|[0-9])?[a-z][a-z0-9._-]{0,8}\Z")
TEXT = st.text(  # what XML 1.0 can hold (the export leaves out the rest: U+FFFE, ...)
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff",
                  whitelist_characters="\t\n\r"),
    min_size=1, max_size=20,
).filter(str.strip)
VALUES = st.one_of(
    TEXT, st.integers(-(10**12), 10**12), st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)
PROPERTIES = st.dictionaries(
    TEXT.filter(lambda key: not key.startswith(("spbe:", "archimate:", "name@"))),
    VALUES, max_size=3,
)


@st.composite
def architectures(draw) -> Architecture:
    ids = draw(st.lists(IDS, min_size=12, max_size=12, unique=True))
    units, apps, data, infra = ids[:3], ids[3:6], ids[6:8], ids[8:10]
    arch = Architecture(root="generated")
    arch.instansi = Instansi(id=ids[10], name=draw(TEXT), level="kota",
                             tags=draw(st.lists(TEXT, max_size=2)),
                             properties=draw(PROPERTIES))
    for n, unit in enumerate(units):
        arch.units[unit] = Unit(
            id=unit, name=draw(TEXT), kind=draw(st.sampled_from(["dinas", "badan", "bagian"])),
            parent=units[0] if n else None, networks=[infra[1]] if draw(st.booleans()) else [],
            properties=draw(PROPERTIES),
        )
    arch.infrastructure[infra[0]] = Infrastructure(id=infra[0], name=draw(TEXT), kind="cloud")
    arch.infrastructure[infra[1]] = Infrastructure(id=infra[1], name=draw(TEXT), kind="jip")
    for item in data:
        arch.data[item] = DataSet(
            id=item, name=draw(TEXT), steward=draw(st.sampled_from(units)),
            published=draw(st.booleans()), description=draw(st.none() | TEXT),
        )
    for app_id in apps:
        arch.applications[app_id] = Application(
            id=app_id, name=draw(TEXT), kind="khusus", owner=draw(st.sampled_from(units)),
            hosting=draw(st.sampled_from([infra[0], "pdn", None])),
            reads=draw(st.lists(st.sampled_from(data), unique=True, max_size=2)),
            writes=draw(st.lists(st.sampled_from(data), unique=True, max_size=2)),
            status=draw(st.sampled_from(["active", "planned"])),
            tags=draw(st.lists(TEXT, max_size=2)), properties=draw(PROPERTIES),
        )
    arch.services[ids[11]] = Service(
        id=ids[11], name=draw(TEXT), kind="public", owner=units[0],
        applications=draw(st.lists(st.sampled_from(apps), unique=True, max_size=3)),
        level=draw(st.sampled_from(["informasi", "transaksi"])),
    )
    own = draw(st.sampled_from([[], ["sipd-provinsi"]]))  # longer than any drawn id
    for platform in own:
        arch.platforms[platform] = NationalPlatform(
            id=platform, name=draw(TEXT), kind="aplikasi_umum",
            aliases=draw(st.lists(TEXT, max_size=2)),
        )
    for n in range(draw(st.integers(0, 3))):
        source = draw(st.sampled_from(apps))
        target = draw(st.sampled_from([*apps, "splp", *own]))
        integration_id = f"int-{n}-{source}"
        arch.integrations[integration_id] = Integration(
            id=integration_id, source=source, target=target,
            via=draw(st.sampled_from(["splp", "api_direct", "manual", "unknown"])),
            data=draw(st.lists(st.sampled_from(data), unique=True, max_size=2)),
            properties=draw(PROPERTIES),
        )
    arch.waivers = [
        Waiver(code="SPBE-A001", element=app_id, reason=draw(TEXT), until="2099-12-31")
        for app_id in draw(st.lists(st.sampled_from(apps), unique=True, max_size=2))
    ]
    for collection, items in arch.collections.items():
        for element_id in items:
            arch.sources[element_id] = _source(collection)
    return arch


def _source(collection: str):
    from spbe_arch.model import Source

    return Source("generated.yaml", collection, 0)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures())
def test_generated_models_round_trip(arch):
    first = export_archimate(arch)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "model.xml"
        source.write_bytes(first)
        result = import_archimate(source)
        folder = Path(tmp) / "model"
        write_model_folder(folder, result.texts("model.xml"))
        loaded = load_model(folder)
    assert result.warnings == []
    back = loaded.architecture
    assert _dump(back) == _dump(arch)
    assert export_archimate(back).replace(b"model</name>", b"") == first.replace(
        b"model</name>", b""
    )


@pytest.mark.parametrize(
    "fixture",
    ["sparx-vendor-properties-cp1252.xml", "bizzdesign-nested-organizations-views.xml"],
)
def test_other_tools_files_export_again_valid_and_round_trip(runner, tmp_path, shared, fixture):
    folder, again, last = tmp_path / "imported", tmp_path / "again.xml", tmp_path / "last"
    source = Path(__file__).parent / "fixtures" / fixture
    for args in (
        ["import", "archimate", str(source), "-o", str(folder)],
        ["export", "archimate", str(folder), "-o", str(again)],
        ["import", "archimate", str(again), "-o", str(last)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    assert xsd_errors(shared, again.read_bytes()) == []
    assert _dump(load_model(last).architecture) == _dump(load_model(folder).architecture)


def test_another_tool_s_identifiers_come_back_as_they_were(runner, tmp_path):
    """Archi and BiZZdesign write `id-` and a letter or a digit; a tool that merges by
    identifier must find its elements again in what spbe-arch exports."""
    import re

    source = Path(__file__).parent / "fixtures" / "bizzdesign-nested-organizations-views.xml"
    text = source.read_text("utf-8").replace('"id-a1"', '"id-a19dd58c-fbb9"').replace(
        'elementRef="id-a1"', 'elementRef="id-a19dd58c-fbb9"')
    archi = tmp_path / "archi.xml"
    archi.write_text(text, "utf-8")
    folder, again = tmp_path / "imported", tmp_path / "again.xml"
    for args in (["import", "archimate", str(archi), "-o", str(folder)],
                 ["export", "archimate", str(folder), "-o", str(again)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    elements = re.compile(r'<element identifier="([^"]+)"')
    assert set(elements.findall(text)) <= set(elements.findall(again.read_text("utf-8")))
    assert "id-a19dd58c-fbb9" in load_model(folder).architecture.units


OWN_PLATFORM_AND_WAIVER = {
    "spbe.yaml": """\
        instansi: {id: kab-uji, name: Kabupaten Uji, level: kabupaten}
        platforms:
          - {id: sipd-prov, name: SIPD Provinsi, kind: aplikasi_umum, aliases: [SIPD Prov]}
        waivers:
          - {code: SPBE-A001, element: simpus, reason: dijadwalkan 2027, until: 2099-12-31}
        """,
    "apps.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: sikda, name: SIKDA, kind: umum, owner: dinkes, platform: sipd-prov}
        integrations:
          - {id: sikda-prov, source: sikda, target: sipd-prov, via: splp}
        """,
}


def test_round_trip_keeps_the_models_own_platforms_and_its_waivers(
    make_model, runner, tmp_path, shared
):
    model = make_model(OWN_PLATFORM_AND_WAIVER)
    exported, folder = tmp_path / "a.xml", tmp_path / "imported"
    result = runner.invoke(app, ["export", "archimate", str(model), "-o", str(exported)])
    assert result.exit_code == 0, result.output
    assert xsd_errors(shared, exported.read_bytes()) == []
    result = runner.invoke(app, ["import", "archimate", str(exported), "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == (
        f"wrote {folder}: units 1, applications 2, integrations 1, platforms 1, waivers 1"
    )
    assert _dump(load_model(folder).architecture) == _dump(load_model(model).architecture)
    audit = _audit(runner, folder)
    assert audit == _audit(runner, model)
    assert [f["waived"] for f in audit["findings"] if f["code"] == "SPBE-A001"] == [
        "dijadwalkan 2027"
    ]


UNKNOWN_MECHANISM = {
    "apps.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
          - {id: disdukcapil, name: Disdukcapil, kind: dinas}
        applications:
          - {id: siak-kab, name: SIAK, kind: khusus, owner: disdukcapil}
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
        integrations:
          - {id: int-01, source: siak-kab, target: simpus, via: unknown}
        """,
}


def test_an_integration_via_unknown_round_trips_as_itself(make_model, runner, tmp_path):
    """Our export states `spbe:via` = unknown, so the import neither warns nor guesses."""
    model = make_model(UNKNOWN_MECHANISM)
    first, again, folder = tmp_path / "a.xml", tmp_path / "b.xml", tmp_path / "imported"
    for args in (
        ["export", "archimate", str(model), "-o", str(first)],
        ["import", "archimate", str(first), "-o", str(folder)],
        ["export", "archimate", str(folder), "-o", str(again)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
    assert "<value>unknown</value>" in first.read_text("utf-8")  # spbe:via
    assert _dump(load_model(folder).architecture) == _dump(load_model(model).architecture)
    assert again.read_bytes() == first.read_bytes()
    assert _audit(runner, folder) == _audit(runner, model)


NAMED_LIKE_PLATFORMS = {
    "apps.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: dasbor, name: SATUSEHAT Dashboard Lokal, kind: khusus, owner: dinkes}
          - {id: satusehat-kab, name: SATUSEHAT, kind: umum, platform: satusehat, owner: dinkes}
        integrations:
          - {id: int-01, source: simpus, target: satusehat, via: splp}
        archimate_relationships:
          - {id: r1, type: Serving, source: simpus, target: dasbor}
        """,
}


def test_our_own_applications_and_relationships_come_back_without_guesses(
    make_model, runner, tmp_path
):
    """The guesses for other tools' files (an application named as a national platform, a
    Serving between applications as an integration) never touch our own export: it states
    every kind and collection, so the round trip stays byte-identical and guesses nothing."""
    model = make_model(NAMED_LIKE_PLATFORMS)
    first, again, folder = tmp_path / "a.xml", tmp_path / "b.xml", tmp_path / "imported"
    for args, warnings in (
        (["export", "archimate", str(model), "-o", str(first)], ""),
        (["import", "archimate", str(first), "-o", str(folder)],
         f"{first}: warning: Serving relationships with no SPBE meaning, kept under "
         "archimate_relationships: 1 (r1)\n"),
        (["export", "archimate", str(folder), "-o", str(again)], ""),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stderr == warnings
    assert _dump(load_model(folder).architecture) == _dump(load_model(model).architecture)
    assert again.read_bytes() == first.read_bytes()
    assert _audit(runner, folder) == _audit(runner, model)
