"""`spbe-arch export archimate`: a valid ArchiMate 3.1 exchange file with every concept."""

from conftest import EXAMPLE
from interop_helpers import NS, XSI_TYPE, concepts, properties, xsd_errors
from lxml import etree

from spbe_arch.cli import app
from spbe_arch.interop.archimate_export import export_archimate
from spbe_arch.interop.archimate_map import allowed
from spbe_arch.validate import load_model

SMALL = {
    "units.yaml": """\
        units:
          - id: 35-2
            name: Dinas Kesehatan
            kind: dinas
            networks: [jip]
        """,
    "apps.yaml": """\
        applications:
          - id: simpus
            name: SIMPUS
            kind: khusus
            owner: 35-2
            hosting: pdn
            ref: RAA.03.02
            tags: [kesehatan]
            properties: {vendor: PT Sehat, modul: 4, aktif: true}
          - id: id-lama
            name: Aplikasi Lama
            kind: khusus
            owner: 35-2
            status: retired
        integrations:
          - id: simpus-satusehat
            source: simpus
            target: satusehat
            via: splp
            network: jip
        """,
}


def _export(tmp_path, runner, model) -> bytes:
    out = tmp_path / "model.xml"
    result = runner.invoke(app, ["export", "archimate", str(model), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}\n"
    return out.read_bytes()


def test_export_example_validates_against_the_archimate_xsd(tmp_path, runner, shared):
    assert xsd_errors(shared, _export(tmp_path, runner, EXAMPLE)) == []


def test_export_has_every_element_and_integration_of_the_example(tmp_path, runner):
    document = _export(tmp_path, runner, EXAMPLE)
    arch = load_model(EXAMPLE).architecture
    elements, relationships = concepts(document, "element"), concepts(document, "relationship")
    for collection, items in arch.collections.items():
        target = relationships if collection == "integrations" else elements
        assert set(items) <= set(target), collection
    assert {f"assessment-{n}" for n in range(1, len(arch.assessment) + 1)} <= set(elements)
    assert arch.instansi.id in elements


def test_export_uses_only_relationships_archimate_allows(tmp_path, runner):
    document = _export(tmp_path, runner, EXAMPLE)
    elements, relationships = concepts(document, "element"), concepts(document, "relationship")

    def type_of(identifier):
        node = elements.get(identifier)
        return node.get(XSI_TYPE) if node is not None else "Relationship"

    checked = 0
    for node in relationships.values():
        kind = node.get(XSI_TYPE)
        assert allowed(type_of(node.get("source")), type_of(node.get("target")), kind), (
            node.get("identifier")
        )
        checked += 1
    assert checked > 500


def test_export_maps_spbe_types_and_fields(make_model, tmp_path, runner, shared):
    document = _export(tmp_path, runner, make_model(SMALL))
    assert xsd_errors(shared, document) == []
    elements, relationships = concepts(document, "element"), concepts(document, "relationship")
    types = {identifier: node.get(XSI_TYPE) for identifier, node in elements.items()}
    assert types == {
        "kab-uji": "BusinessActor",
        "id-35-2": "BusinessActor",
        "simpus": "ApplicationComponent",
        "id-lama": "ApplicationComponent",
        "jip": "CommunicationNetwork",
        "pdn": "Node",
        "satusehat": "ApplicationComponent",
        "splp": "ApplicationComponent",
    }
    assert properties(document, "simpus") == [
        ("spbe:collection", "applications"),
        ("spbe:tag", "kesehatan"),
        ("spbe:kind", "khusus"),
        ("spbe:ref", "RAA.03.02"),
        ("vendor", "PT Sehat"),
        ("modul", "4"),
        ("aktif", "true"),
    ]
    assert properties(document, "simpus-satusehat") == [
        ("spbe:collection", "integrations"),
        ("spbe:via", "splp"),
        ("spbe:network", "jip"),
    ]
    drawn = sorted(
        (n.get("source"), n.get(XSI_TYPE), n.get("target"), n.get("accessType"))
        for n in relationships.values()
    )
    assert drawn == [
        ("id-35-2", "Association", "id-lama", None),
        ("id-35-2", "Association", "simpus", None),
        ("jip", "Serving", "id-35-2", None),
        ("pdn", "Realization", "simpus", None),
        ("simpus", "Flow", "satusehat", None),
        ("splp", "Association", "simpus-satusehat", None),
    ]


def test_an_instance_of_a_national_platform_is_its_specialization(tmp_path, runner):
    """`platform:` is drawn, so that Archi shows which national system a pemda's SIPD is."""
    document = _export(tmp_path, runner, EXAMPLE)
    relationships = concepts(document, "relationship")
    specialized = {(n.get("source"), n.get("target")) for n in relationships.values()
                   if n.get(XSI_TYPE) == "Specialization"}
    arch = load_model(EXAMPLE).architecture
    assert specialized == {(a.id, a.platform) for a in arch.applications.values() if a.platform}
    assert ("sipd-lembah-hijau", "sipd") in specialized
    assert ("spbe:platform", "sipd") not in properties(document, "sipd-lembah-hijau")


def test_each_assessment_entry_is_named_with_its_year(tmp_path, runner):
    document = _export(tmp_path, runner, EXAMPLE)
    names = [node.findtext("a:name", namespaces=NS)
             for node in concepts(document, "element").values()
             if node.get(XSI_TYPE) == "Assessment"]
    assert len(names) == len(set(names)) == len(load_model(EXAMPLE).architecture.assessment)
    assert "Indikator 1 (2024): tingkat 3" in names


def test_export_defines_each_property_type_once(make_model, tmp_path, runner):
    root = etree.fromstring(_export(tmp_path, runner, make_model(SMALL)))
    definitions = [
        (d.findtext("a:name", namespaces=NS), d.get("type"))
        for d in root.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)
    ]
    assert len(definitions) == len(set(definitions))
    assert ("modul", "number") in definitions
    assert ("aktif", "boolean") in definitions


def test_export_has_folders_and_a_laid_out_view_per_layer(tmp_path, runner):
    root = etree.fromstring(_export(tmp_path, runner, EXAMPLE))
    folders = [
        item.findtext("a:label", namespaces=NS)
        for item in root.iterfind("a:organizations/a:item", NS)
    ]
    assert folders == [
        "Business", "Application", "Technology & Physical", "Motivation",
        "Implementation & Migration", "Views",
    ]
    views = root.findall("a:views/a:diagrams/a:view", NS)
    assert [v.findtext("a:name", namespaces=NS) for v in views] == [
        "Bisnis: unit, proses dan layanan (Business)",
        "Aplikasi dan data (Application)",
        "Infrastruktur (Technology)",
        "Keamanan dan penilaian (Motivation)",
        "Peta rencana (Implementation & Migration)",
    ]
    for view in views:
        nodes = view.findall("a:node", NS)
        places = {(n.get("x"), n.get("y")) for n in nodes}
        assert nodes and len(places) == len(nodes)  # no two nodes on one spot
    application = views[1]
    assert len(application.findall("a:connection", NS)) > 100


def test_export_refuses_to_overwrite_without_force(tmp_path, runner):
    out = tmp_path / "model.xml"
    out.write_text("keep me")
    result = runner.invoke(app, ["export", "archimate", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.output == f"spbe-arch: {out}: already exists; use --force to overwrite it\n"
    assert out.read_text() == "keep me"
    forced = runner.invoke(app, ["export", "archimate", str(EXAMPLE), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_export_of_a_model_with_errors_writes_the_valid_elements_and_exits_1(
    make_model, tmp_path, runner
):
    model = make_model({"apps.yaml": SMALL["apps.yaml"]})  # owner 35-2 is not defined
    out = tmp_path / "model.xml"
    result = runner.invoke(app, ["export", "archimate", str(model), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "the model has 2 errors; the file holds the valid elements only" in result.output
    assert "simpus" in concepts(out.read_bytes(), "element")


def test_export_is_deterministic():
    arch = load_model(EXAMPLE).architecture
    assert export_archimate(arch) == export_archimate(arch)
