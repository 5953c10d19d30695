"""`spbe-arch import archimate`: other tools' exchange files become model folders that validate.

Fixtures (tests/interop/fixtures/):
- sparx-vendor-properties-cp1252.xml: in the style of Sparx EA (windows-1252, EAID ids,
  vendor property definitions, Dublin Core metadata), 13 elements, 13 relationships;
- bizzdesign-nested-organizations-views.xml: in the style of BiZZdesign (names in two
  languages, nested folders, two views with containers, labels, styles and bendpoints, a
  junction, a grouping, an association attached to a relationship), 14 elements, 16
  relationships;
- Archi's own bendpoint.test.xml from ../shared (2 elements, 2 relationships, 1 view).
"""

import json
import re
from pathlib import Path

import pytest
import yaml_rs

from spbe_arch.cli import app
from spbe_arch.validate import load_model

FIXTURES = Path(__file__).parent / "fixtures"
SPARX = FIXTURES / "sparx-vendor-properties-cp1252.xml"
BIZZ = FIXTURES / "bizzdesign-nested-organizations-views.xml"


def _import(runner, source: Path, folder: Path, *extra: str):
    return runner.invoke(app, ["import", "archimate", str(source), "-o", str(folder), *extra])


def _read(folder: Path, name: str) -> dict:
    return yaml_rs.loads((folder / name).read_text(encoding="utf-8"))


def _by_id(folder: Path, collection: str) -> dict[str, dict]:
    return {e["id"]: e for e in _read(folder, f"{collection}.yaml")[collection]}


def _counts(folder: Path) -> tuple[int, int]:
    """(elements, relationships) in a model folder, the way the exchange file counts them."""
    arch = load_model(folder).architecture
    counts = arch.counts()
    relationships = counts.pop("integrations") + counts.pop("archimate_relationships")
    return sum(counts.values()), relationships


def test_import_sparx_file_in_windows_1252_keeps_every_element(runner, tmp_path):
    folder = tmp_path / "kota"
    result = _import(runner, SPARX, folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"read {SPARX}: 13 elements, 13 relationships (views and folders are not imported)",
        f"wrote {folder}: units 3, business_processes 1, services 1, data 2, applications 1, "
        "infrastructure 2, integrations 1, archimate_elements 2, archimate_relationships 2",
        "relationships that became reference fields (owner, reads, hosting, ...): 10; "
        "implied by another field: 0",
    ]
    # 13 elements read, the ownerless "Portal Satu Data" being the national platform
    # satu-data; 3 relationships kept as such
    assert _counts(folder) == (12, 3)
    # the Flow SIMPUS -> portal does not say how: an integration whose mechanism is unknown
    assert _by_id(folder, "integrations")["eaid_r_0011"] == {
        "id": "eaid_r_0011", "name": "kirim agregat kunjungan",
        "source": "eaid_3a1f0c11_0020", "target": "satu-data", "via": "unknown",
        "properties": {"EA_Stereotype": "REST"},
    }
    instansi = _read(folder, "spbe.yaml")["instansi"]
    assert instansi["name"] == "Kota Sungai Jernih – Arsitektur SPBE"
    assert instansi["level"] == "kota"
    units = _by_id(folder, "units")
    assert units["eaid_3a1f0c11_0001"]["properties"] == {"EA_Stereotype": "OPD", "Author": "Rénata"}
    assert units["eaid_3a1f0c11_0001"]["networks"] == ["eaid_3a1f0c11_0041"]
    assert units["eaid_3a1f0c11_0001"]["kind"] == "dinas"
    assert units["eaid_3a1f0c11_0003"]["parent"] == "eaid_3a1f0c11_0002"
    simpus = _by_id(folder, "applications")["eaid_3a1f0c11_0020"]
    assert simpus == {
        "id": "eaid_3a1f0c11_0020",
        "name": "SIMPUS",
        "kind": "khusus",
        "properties": {
            "EA_Stereotype": "Aplikasi Khusus", "Status": "Implemented", "Version": "2.4",
            "Cost": 125000000,
        },
        "owner": "eaid_3a1f0c11_0001",
        "writes": ["eaid_3a1f0c11_0030"],
        "reads": ["eaid_3a1f0c11_0031"],
        "hosting": "eaid_3a1f0c11_0040",
    }
    infrastructure = _by_id(folder, "infrastructure")
    assert infrastructure["eaid_3a1f0c11_0040"]["kind"] == "pusat_data_daerah"
    assert infrastructure["eaid_3a1f0c11_0041"]["kind"] == "jip"
    goal = _by_id(folder, "archimate_elements")["eaid_3a1f0c11_0051"]
    assert goal == {"id": "eaid_3a1f0c11_0051", "name": "Indeks SPBE ≥ 3,0", "type": "Goal"}
    influence = _by_id(folder, "archimate_relationships")["eaid_r_0012"]
    assert influence["properties"] == {"archimate:modifier": "+"}


def test_import_warns_once_per_unmapped_concept_type(runner, tmp_path):
    result = _import(runner, SPARX, tmp_path / "kota")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"{SPARX}: warning: {message}"
        for message in [
            "Capability elements with no SPBE meaning, kept under archimate_elements: 1 "
            "(eaid_3a1f0c11_0050)",
            "Goal elements with no SPBE meaning, kept under archimate_elements: 1 "
            "(eaid_3a1f0c11_0051)",
            "relationships between applications that state no mechanism (spbe:via), imported "
            "as integrations with via: unknown (set via: where it is known): 1 (eaid_r_0011)",
            "Influence relationships with no SPBE meaning, kept under archimate_relationships: 1 "
            "(eaid_r_0012)",
            "Serving relationships with no SPBE meaning, kept under archimate_relationships: 1 "
            "(eaid_r_0013)",
            "guess: applications named as a national platform, with nothing of their own in "
            "the file (no owner, hosting, data or properties), read as that platform (their "
            "links are links to it): 1 (eaid_3a1f0c11_0021 -> satu-data)",
            "CommunicationNetwork elements without a kind, set from their names: 1 "
            "(eaid_3a1f0c11_0041 -> jip)",
            "Node elements without a kind, set from their names: 1 (eaid_3a1f0c11_0040 -> "
            "pusat_data_daerah)",
            "applications without a kind, set to khusus: 1 (eaid_3a1f0c11_0020)",
            "services without a kind, set from their names (public unless 'administrasi', "
            "Administrasi Kependudukan aside): 1 (eaid_3a1f0c11_0011)",
            "units without a kind, set from their names: 3 (eaid_3a1f0c11_0001 -> dinas, "
            "eaid_3a1f0c11_0002 -> dinas, eaid_3a1f0c11_0003 -> bidang)",
        ]
    ]


def test_import_bizzdesign_file_with_nested_folders_and_views(runner, tmp_path):
    folder = tmp_path / "provinsi"
    result = _import(runner, BIZZ, folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        f"read {BIZZ}: 14 elements, 16 relationships (views and folders are not imported)"
    )
    assert _counts(folder) == (15, 8)  # + the added owner unit; 8 relationships became fields
    assert _by_id(folder, "integrations")["id-x12"] == {
        "id": "id-x12", "name": "data pegawai", "source": "id-c1", "target": "id-c2",
        "via": "unknown",
    }
    instansi = _read(folder, "spbe.yaml")["instansi"]
    assert instansi["properties"] == {
        "Model owner": "Biro Organisasi", "name@en": "Tanjung Harapan Province",
    }
    units = _by_id(folder, "units")
    assert units["id-a1"]["properties"] == {"name@en": "Regional Civil Service Agency"}
    apps = _by_id(folder, "applications")
    assert (apps["id-c1"]["reads"], apps["id-c1"]["writes"], apps["id-c1"]["hosting"]) == (
        ["id-d1"], ["id-d1"], "id-n1",
    )
    kept = _by_id(folder, "archimate_relationships")
    assert "id-x12" not in kept
    assert kept["id-x13"] == {  # an Association to the Flow, now an integration
        "id": "id-x13", "type": "Association", "source": "id-i1", "target": "id-x12",
        "properties": {"archimate:isDirected": "true"},
    }
    assert _by_id(folder, "archimate_elements")["id-j1"] == {
        "id": "id-j1", "name": "AndJunction", "type": "AndJunction",
    }


def test_import_archi_test_file(runner, tmp_path, shared):
    source = shared / "reference" / "archimate" / "examples" / "bendpoint.test.xml"
    folder = tmp_path / "archi"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    assert _counts(folder) == (3, 2)  # 2 elements + the added owner unit; 2 relationships
    assert _by_id(folder, "services")["019dd58c-3116-731f-a761-905e3234486b"]["name"] == (
        "Business Service"
    )
    assert _by_id(folder, "archimate_relationships")["019dd58d-947b-7f8b-9342-69b71072a882"] == {
        "id": "019dd58d-947b-7f8b-9342-69b71072a882",
        "type": "Serving",
        "source": "019dd58c-3116-731f-a761-905e3234486b",
        "target": "019dd58c-fbb9-7f75-8731-7c7b4db67709",
    }


def test_import_refuses_a_non_empty_folder_without_force(runner, tmp_path):
    folder = tmp_path / "kota"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    result = _import(runner, SPARX, folder)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"spbe-arch: {folder}: already exists and is not empty; use --force to overwrite\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_import_with_force_never_mixes_with_another_model(runner, tmp_path):
    folder = tmp_path / "kota"
    folder.mkdir()
    (folder / "aplikasi.yaml").write_text("applications: []\n")
    result = _import(runner, SPARX, folder, "--force")
    assert result.exit_code == 2, result.output
    assert "holds other model files (aplikasi.yaml) that would be merged" in result.stderr
    first = _import(runner, SPARX, tmp_path / "again")
    assert first.exit_code == 0, first.output
    second = _import(runner, SPARX, tmp_path / "again", "--force")
    assert second.exit_code == 0, second.output


@pytest.mark.parametrize("source", [SPARX, BIZZ], ids=["sparx", "bizzdesign"])
def test_import_of_other_tools_files_validates_without_findings(runner, tmp_path, source):
    folder = tmp_path / "model"
    assert _import(runner, source, folder).exit_code == 0
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0, result.output


def test_import_of_a_file_that_breaks_the_format_keeps_what_it_can_and_exits_1(
    runner, tmp_path
):
    source = FIXTURES / "malformed-but-well-formed.xml"
    folder = tmp_path / "aneh"
    result = _import(runner, source, folder)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.stdout.splitlines()[1] == (
        f"wrote {folder}: infrastructure 1, archimate_elements 2, archimate_relationships 1"
    )
    assert f"{source}: warning: concepts whose identifier the file repeats, given a new id: 1 " \
           "(a#1)" in (
        result.stderr.splitlines()
    )
    assert result.stderr.splitlines()[-1] == (
        f"{folder}: the model has 4 errors; fix them in the folder "
        f"(run `spbe-arch validate {folder}`)"
    )
    assert (f"{source}: warning: values written in other case or in Indonesian, read as the "
            "model writes them: 1 (a: 'Cloud' -> cloud)") in result.stderr.splitlines()
    node = _by_id(folder, "infrastructure")["a"]
    assert node["properties"] == {"n": "1e999", "n.2": "9" * 47}  # numbers it cannot hold


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-8-sig"])
def test_import_reads_a_file_in_the_unicode_encoding_it_declares(runner, tmp_path, encoding):
    declared = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
    text = BIZZ.read_text("utf-8").replace('encoding="UTF-8"', f'encoding="{declared}"')
    source = tmp_path / encoding / BIZZ.name
    source.parent.mkdir()
    source.write_bytes(("\ufeff" + text).encode(encoding.removesuffix("-sig")))
    (tmp_path / "utf-8").mkdir()
    plain = tmp_path / "utf-8" / BIZZ.name
    plain.write_bytes(BIZZ.read_bytes())
    result = _import(runner, source, tmp_path / "decoded")
    assert result.exit_code == 0, result.output
    assert _import(runner, plain, tmp_path / "plain").exit_code == 0
    assert {p.name: p.read_text("utf-8") for p in (tmp_path / "decoded").iterdir()} == {
        p.name: p.read_text("utf-8") for p in (tmp_path / "plain").iterdir()
    }


def test_import_resolves_prefixed_types_against_their_namespaces(runner, tmp_path):
    source = tmp_path / "prefixed.xml"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<a:model xmlns:a="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:x="http://www.w3.org/2001/XMLSchema-instance" identifier="m">\n'
        "  <a:name>Pemerintah Kota Prefix</a:name>\n"
        "  <a:elements>\n"
        '    <a:element identifier="e1" x:type="a:ApplicationComponent"><a:name>SIMPUS</a:name>'
        "</a:element>\n"
        '    <a:element identifier="e2" x:type="BusinessActor"><a:name>Dinas Kesehatan</a:name>'
        "</a:element>\n"
        "  </a:elements>\n"
        '  <a:relationships><a:relationship identifier="r1" source="e2" target="e1" '
        'x:type="a:Association"/></a:relationships>\n'
        "</a:model>\n",
        encoding="utf-8",
    )
    folder = tmp_path / "kota"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == f"wrote {folder}: units 1, applications 1"
    assert _by_id(folder, "applications")["e1"] == {
        "id": "e1", "name": "SIMPUS", "kind": "khusus", "owner": "e2",
    }


def test_import_with_force_over_an_inventory_import_removes_its_report(runner, tmp_path):
    inventory = tmp_path / "inventaris.csv"
    inventory.write_text("Nama Aplikasi;Perangkat Daerah\nSIMPUS;Dinas Kesehatan\n", "utf-8")
    folder = tmp_path / "kota"
    result = runner.invoke(app, ["import", "inventory", str(inventory), "-o", str(folder),
                                 "--instansi-name", "Pemerintah Kota Contoh"])
    assert result.exit_code == 0, result.output
    assert (folder / "import-report.txt").is_file()
    result = _import(runner, SPARX, folder, "--force")
    assert result.exit_code == 0, result.output
    assert not (folder / "import-report.txt").exists()
    assert sorted(p.name for p in folder.iterdir()) == [
        "applications.yaml", "archimate_elements.yaml", "archimate_relationships.yaml",
        "business_processes.yaml", "data.yaml", "infrastructure.yaml", "integrations.yaml",
        "services.yaml", "spbe.yaml", "units.yaml",
    ]


def test_import_names_the_relationships_it_drops_and_the_elements_it_names(runner, tmp_path):
    ends = "".join(
        f'<relationship identifier="r{n}" source="e1" target="gone{n}" xsi:type="Flow"/>'
        for n in range(7)
    )
    source = tmp_path / "ends.xml"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">'
        "<name>Kota Uji</name><elements>"
        '<element identifier="e1" xsi:type="ApplicationComponent"><name>SIMPUS</name></element>'
        '<element identifier="e2" xsi:type="Capability"/>'
        '<element identifier="j1" xsi:type="OrJunction"/>'
        f"</elements><relationships>{ends}</relationships></model>\n",
        encoding="utf-8",
    )
    result = _import(runner, source, tmp_path / "kota")
    assert result.exit_code == 0, result.output
    warnings = result.stderr.splitlines()
    assert (
        f"{source}: warning: relationships not imported because an end is not in the file (or "
        "is a relationship read as a field): 7 (r0 -> gone0, r1 -> gone1, r2 -> gone2, "
        "r3 -> gone3, r4 -> gone4 and 2 more)"
    ) in warnings
    assert (
        f"{source}: warning: elements without a name, named by their type (give them a "
        "name): 1 (e2)"
    ) in warnings


def _exchange_file(path: Path, elements: str, relationships: str) -> Path:
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">'
        f"<name>Kota Uji</name><elements>{elements}</elements>"
        f"<relationships>{relationships}</relationships></model>\n",
        encoding="utf-8",
    )
    return path


FLOWS = (
    '<element identifier="u1" xsi:type="BusinessActor"><name>Dinas Kesehatan</name></element>'
    '<element identifier="u2" xsi:type="BusinessActor"><name>Disdukcapil</name></element>'
    '<element identifier="a1" xsi:type="ApplicationComponent"><name>SIAK</name></element>'
    '<element identifier="a2" xsi:type="ApplicationComponent"><name>SIMPUS</name></element>'
    '<element identifier="p1" xsi:type="BusinessProcess"><name>Pelayanan</name></element>',
    '<relationship identifier="o1" xsi:type="Association" source="u2" target="a1"/>'
    '<relationship identifier="o2" xsi:type="Association" source="u1" target="a2"/>'
    '<relationship identifier="o3" xsi:type="Assignment" source="u1" target="p1"/>'
    '<relationship identifier="f1" xsi:type="Flow" source="a1" target="a2">'
    "<name>data penduduk</name></relationship>"
    '<relationship identifier="f2" xsi:type="Flow" source="a2" target="p1"/>'
    '<relationship identifier="f3" xsi:type="Flow" source="a2" target="a2"/>',
)


def test_import_reads_a_flow_between_applications_as_an_integration_of_unknown_mechanism(
    runner, tmp_path
):
    """A Flow between two applications says they exchange data but not how: an integration
    `via: unknown`, which the audit counts as a link (no SPBE-A001) and as missing data
    (SPBE-A021), never as a bypass of SPLP (SPBE-A004). A Flow to a process and one from an
    application to itself are no integration and stay as they are."""
    source = _exchange_file(tmp_path / "flows.xml", *FLOWS)
    folder = tmp_path / "kota"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == (
        f"wrote {folder}: units 2, business_processes 1, applications 2, integrations 1, "
        "archimate_relationships 2"
    )
    assert (
        f"{source}: warning: relationships between applications that state no mechanism "
        "(spbe:via), imported as integrations with via: unknown (set via: where it is "
        "known): 1 (f1)"
    ) in result.stderr.splitlines()
    assert f"{source}: warning: Flow relationships with no SPBE meaning, kept under " \
        "archimate_relationships: 2 (f2, f3)" in result.stderr.splitlines()
    assert _by_id(folder, "integrations") == {
        "f1": {"id": "f1", "name": "data penduduk", "source": "a1", "target": "a2",
               "via": "unknown"},
    }
    assert sorted(_by_id(folder, "archimate_relationships")) == ["f2", "f3"]
    apps = _by_id(folder, "applications")  # of two units: a bypass would cross them
    assert (apps["a1"]["owner"], apps["a2"]["owner"]) == ("u2", "u1")
    audit = runner.invoke(app, ["audit", str(folder), "--format", "json"])
    assert audit.exit_code == 0, audit.output
    findings = json.loads(audit.stdout)["findings"]
    assert not {f["code"] for f in findings} & {"SPBE-A001", "SPBE-A004"}
    assert "via known for 0 of 1 active integrations; not stated by f1" in [
        f["message"] for f in findings]


def test_import_reads_flows_through_a_junction_as_integrations_between_their_ends(
    runner, tmp_path
):
    """Archi draws one flow fanning out to several applications through a junction: each
    branch is an integration from the flow's source (named and identified as the branch),
    and so is each arm of a fan in. A junction that also leads to a process stays as the
    file has it."""
    apps = "".join(f'<element identifier="{a}" xsi:type="ApplicationComponent"><name>{a.upper()}'
                   "</name></element>" for a in ("sidak", "simpus", "sikda", "epkm"))
    source = _exchange_file(
        tmp_path / "junctions.xml",
        apps + '<element identifier="j1" xsi:type="OrJunction"/>'
        '<element identifier="j2" xsi:type="AndJunction"/>'
        '<element identifier="j3" xsi:type="AndJunction"/>'
        '<element identifier="p1" xsi:type="BusinessProcess"><name>Pelayanan</name></element>',
        '<relationship identifier="f1" xsi:type="Flow" source="sidak" target="j1">'
        "<name>data penduduk</name></relationship>"
        '<relationship identifier="f2" xsi:type="Flow" source="j1" target="simpus"/>'
        '<relationship identifier="f3" xsi:type="Flow" source="j1" target="sikda">'
        "<name>NIK</name></relationship>"
        '<relationship identifier="f4" xsi:type="Flow" source="simpus" target="j2"/>'
        '<relationship identifier="f5" xsi:type="Flow" source="sikda" target="j2"/>'
        '<relationship identifier="f6" xsi:type="Flow" source="j2" target="epkm"/>'
        '<relationship identifier="f7" xsi:type="Flow" source="epkm" target="j3"/>'
        '<relationship identifier="f8" xsi:type="Flow" source="j3" target="sidak"/>'
        '<relationship identifier="f9" xsi:type="Flow" source="j3" target="p1"/>',
    )
    folder = tmp_path / "kota"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    assert (
        f"{source}: warning: relationships through junctions, imported as integrations "
        "between the applications at their ends (the junction named in the property "
        "archimate:junction): 4 through 2 junctions (f2, f3, f4, f5)"
    ) in result.stderr.splitlines()
    integrations = {i: (e["source"], e["target"], e.get("name"), e["properties"])
                    for i, e in _by_id(folder, "integrations").items()}
    assert integrations == {
        "f2": ("sidak", "simpus", "data penduduk", {"archimate:junction": "j1"}),
        "f3": ("sidak", "sikda", "NIK", {"archimate:junction": "j1"}),
        "f4": ("simpus", "epkm", None, {"archimate:junction": "j2"}),
        "f5": ("sikda", "epkm", None, {"archimate:junction": "j2"}),
    }
    assert sorted(_by_id(folder, "archimate_elements")) == ["j3"]
    assert sorted(_by_id(folder, "archimate_relationships")) == ["f7", "f8", "f9"]
    check = runner.invoke(app, ["validate", str(folder)])
    assert check.exit_code == 0, check.output


def test_splp_drawn_as_an_application_between_others_is_how_they_exchange_data(
        runner, tmp_path):
    """SIMPEG -> 'SPLP' -> e-Audit and -> e-PKM: two integrations via splp from SIMPEG, no
    application called SPLP; a second SPLP box between several senders and several receivers
    cannot be paired: kept, and said."""
    apps = "".join(f'<element identifier="{a}" xsi:type="ApplicationComponent"><name>{n}'
                   "</name></element>" for a, n in (
                       ("simpeg", "SIMPEG"), ("eaudit", "e-Audit"), ("epkm", "e-PKM"),
                       ("gw", "SPLP"), ("gw2", "SPLP Daerah"), ("a", "A"), ("b", "B")))
    flows = "".join(f'<relationship identifier="{i}" xsi:type="Flow" source="{s}" '
                    f'target="{t}"/>' for i, s, t in (
                        ("f1", "simpeg", "gw"), ("f2", "gw", "eaudit"), ("f3", "gw", "epkm"),
                        ("f4", "gw", "simpeg"),  # SIMPEG also receives: no link to itself
                        ("g1", "a", "gw2"), ("g2", "b", "gw2"), ("g3", "gw2", "eaudit"),
                        ("g4", "gw2", "epkm")))
    source = _exchange_file(tmp_path / "splp.xml", apps, flows)
    folder = tmp_path / "kab"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    integrations = {(e["source"], e["target"], e["via"])
                    for e in _by_id(folder, "integrations").values()}
    assert {i for i in integrations if i[0] == "simpeg"} == {
        ("simpeg", "eaudit", "splp"), ("simpeg", "epkm", "splp")}
    assert "gw" not in _by_id(folder, "applications") and "gw2" in _by_id(folder, "applications")
    lines = result.stderr.splitlines()
    assert any("relationships through SPLP drawn as an application, imported as integrations "
               "via: splp" in line and ": 2 (f2, f3)" in line for line in lines), lines
    assert (f"{source}: warning: SPLP drawn as an application between several senders and "
            "several receivers, kept as one (which sends to which is not in the file: write "
            "each integration from sender to receiver with via: splp): gw2") in lines


def test_splp_daerah_owned_by_diskominfo_is_still_how_they_exchange_data(runner, tmp_path):
    """Diskominfo runs its SPLP Daerah (an Association to it): SIMPEG -> SPLP Daerah ->
    Aplikasi TPP is still an integration via splp, and the owner relationship left out is said."""
    source = _exchange_file(
        tmp_path / "splp-owned.xml",
        '<element identifier="kominfo" xsi:type="BusinessActor"><name>Diskominfo</name>'
        "</element>" + "".join(
            f'<element identifier="{a}" xsi:type="ApplicationComponent"><name>{n}</name>'
            "</element>" for a, n in (("simpeg", "SIMPEG"), ("ekinerja", "Aplikasi TPP"),
                                      ("gw", "SPLP Daerah"))),
        '<relationship identifier="o1" xsi:type="Association" source="kominfo" target="gw"/>'
        '<relationship identifier="f1" xsi:type="Flow" source="simpeg" target="gw"/>'
        '<relationship identifier="f2" xsi:type="Flow" source="gw" target="ekinerja"/>')
    folder = tmp_path / "kab"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    assert {(e["source"], e["target"], e["via"]) for e in _by_id(folder, "integrations").values()
            } == {("simpeg", "ekinerja", "splp")}
    assert "gw" not in _by_id(folder, "applications")
    assert (f"{source}: warning: relationships of SPLP drawn as an application (its owner, "
            "...), not kept: SPLP is how the applications at its ends exchange data, not an "
            "application of the model: 1 (o1)") in result.stderr.splitlines()


def test_splp_drawn_with_a_kind_of_its_own_stays_an_application(runner, tmp_path):
    """The file says what the box is (spbe:kind): not guessed away."""
    source = _exchange_file(
        tmp_path / "splp-kind.xml",
        '<element identifier="a" xsi:type="ApplicationComponent"><name>A</name></element>'
        '<element identifier="b" xsi:type="ApplicationComponent"><name>B</name></element>'
        '<element identifier="gw" xsi:type="ApplicationComponent"><name>SPLP</name>'
        '<properties><property propertyDefinitionRef="pk"><value>khusus</value></property>'
        "</properties></element>",
        '<relationship identifier="f1" xsi:type="Flow" source="a" target="gw"/>'
        '<relationship identifier="f2" xsi:type="Flow" source="gw" target="b"/>'
    ).read_text(encoding="utf-8").replace(
        "</relationships>", '</relationships><propertyDefinitions><propertyDefinition '
        'identifier="pk" type="string"><name>spbe:kind</name></propertyDefinition>'
        "</propertyDefinitions>")
    path = tmp_path / "splp-kind.xml"
    path.write_text(source, encoding="utf-8")
    result = _import(runner, path, tmp_path / "kab")
    assert result.exit_code == 0, result.output
    assert "gw" in _by_id(tmp_path / "kab", "applications")


def test_a_branch_through_a_junction_keeps_its_own_mechanism(runner, tmp_path):
    """The trunk says SPLP, one branch says direct API: that branch is direct; the count of
    relationships read is the file's."""
    apps = "".join(f'<element identifier="{a}" xsi:type="ApplicationComponent"><name>{a}'
                   "</name></element>" for a in ("sidak", "simpus", "sikda"))
    via = '<properties><property propertyDefinitionRef="pv"><value>{}</value></property>' \
          "</properties>"
    source = tmp_path / "via.xml"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">'
        f'<name>Kota Uji</name><elements>{apps}'
        '<element identifier="j1" xsi:type="OrJunction"/></elements><relationships>'
        f'<relationship identifier="f1" xsi:type="Flow" source="sidak" target="j1">'
        f'{via.format("splp")}</relationship>'
        '<relationship identifier="f2" xsi:type="Flow" source="j1" target="simpus"/>'
        f'<relationship identifier="f3" xsi:type="Flow" source="j1" target="sikda">'
        f'{via.format("api_direct")}</relationship></relationships>'
        '<propertyDefinitions><propertyDefinition identifier="pv" type="string">'
        "<name>spbe:via</name></propertyDefinition></propertyDefinitions></model>\n",
        encoding="utf-8")
    result = _import(runner, source, tmp_path / "kota")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        f"read {source}: 4 elements, 3 relationships (views and folders are not imported)")
    assert {i: e["via"] for i, e in _by_id(tmp_path / "kota", "integrations").items()} == {
        "f2": "splp", "f3": "api_direct"}
    assert "through 1 junction (f2, f3)" in result.stderr


def test_import_gives_an_integration_that_lost_its_mechanism_via_unknown(
    runner, make_model, tmp_path
):
    """An integration of our own export whose `spbe:via` another tool dropped is still an
    integration; its mechanism is unknown, not a guess."""
    model = make_model({"apps.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes}
        integrations:
          - {id: int-01, source: simpus, target: sikda, via: api_direct}
        """})
    exported, folder = tmp_path / "a.xml", tmp_path / "kota"
    result = runner.invoke(app, ["export", "archimate", str(model), "-o", str(exported)])
    assert result.exit_code == 0, result.output
    text = exported.read_text("utf-8")
    via = re.search(r'<property propertyDefinitionRef="[^"]+"><value>api_direct</value>'
                    r"</property>", text)
    exported.write_text(text.replace(via.group(0), ""), "utf-8")
    result = _import(runner, exported, folder)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"{exported}: warning: relationships between applications that state no mechanism "
        "(spbe:via), imported as integrations with via: unknown (set via: where it is "
        "known): 1 (int-01)"
    ]
    assert _by_id(folder, "integrations")["int-01"]["via"] == "unknown"


PLATFORMS = (
    '<element identifier="u1" xsi:type="BusinessActor"><name>Dinas Kesehatan</name></element>'
    '<element identifier="u2" xsi:type="BusinessActor"><name>BPKAD</name></element>'
    '<element identifier="a1" xsi:type="ApplicationComponent"><name>SIMPUS</name></element>'
    '<element identifier="a2" xsi:type="ApplicationComponent"><name>SATUSEHAT</name></element>'
    '<element identifier="a3" xsi:type="ApplicationComponent"><name>SIPD RI</name></element>'
    '<element identifier="a4" xsi:type="ApplicationComponent"><name>Aplikasi Perencanaan</name>'
    '<properties><property propertyDefinitionRef="pd1"><value>https://sipd.kemendagri.go.id/'
    "siap</value></property></properties></element>",
    '<relationship identifier="o1" xsi:type="Association" source="u1" target="a1"/>'
    '<relationship identifier="o2" xsi:type="Association" source="u2" target="a3"/>'
    '<relationship identifier="o3" xsi:type="Association" source="u2" target="a4"/>'
    '<relationship identifier="f1" xsi:type="Flow" source="a1" target="a2">'
    "<name>kirim kunjungan</name></relationship>"
    '<relationship identifier="f2" xsi:type="Flow" source="a4" target="a3"/>',
)


def test_import_reads_an_application_named_as_a_national_platform_as_that_platform(
    runner, tmp_path
):
    """Another tool's application named as a national platform (name, alias or address, as
    the inventory import matches them) is that platform where the file gives it nothing of
    its own: a Flow to it is an integration with the platform, and no placeholder unit owns
    it. One the file gives an owner (or properties) is the instansi's instance of it."""
    source = _exchange_file(tmp_path / "platforms.xml", *PLATFORMS)
    source.write_text(source.read_text("utf-8").replace(
        "</relationships>",
        '</relationships><propertyDefinitions><propertyDefinition identifier="pd1" '
        'type="string"><name>URL</name></propertyDefinition></propertyDefinitions>',
    ), "utf-8")
    folder = tmp_path / "kota"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == (
        f"wrote {folder}: units 2, applications 3, integrations 2"
    )
    assert result.stderr.splitlines() == [
        f"{source}: warning: {message}"
        for message in [
            "relationships between applications that state no mechanism (spbe:via), imported "
            "as integrations with via: unknown (set via: where it is known): 2 (f1, f2)",
            "guess: applications named as a national platform, with nothing of their own in "
            "the file (no owner, hosting, data or properties), read as that platform (their "
            "links are links to it): 1 (a2 -> satusehat)",
            "guess: applications named as a national platform, imported as the instansi's "
            "instance of it (kind: umum, platform:): 2 (a3 -> sipd, a4 -> sipd)",
            "applications without a kind, set to khusus: 1 (a1)",
            "units without a kind, set from their names: 2 (u1 -> dinas, u2 -> badan)",
        ]
    ]
    assert _by_id(folder, "applications") == {
        "a1": {"id": "a1", "name": "SIMPUS", "kind": "khusus", "owner": "u1"},
        "a3": {"id": "a3", "name": "SIPD RI", "kind": "umum", "platform": "sipd",
               "owner": "u2"},
        "a4": {"id": "a4", "name": "Aplikasi Perencanaan", "kind": "umum", "platform": "sipd",
               "properties": {"URL": "https://sipd.kemendagri.go.id/siap"}, "owner": "u2"},
    }
    assert _by_id(folder, "integrations")["f1"] == {
        "id": "f1", "name": "kirim kunjungan", "source": "a1", "target": "satusehat",
        "via": "unknown",
    }
    audit = runner.invoke(app, ["audit", str(folder), "--format", "json"])
    assert audit.exit_code == 0, audit.output
    report = json.loads(audit.stdout)
    assert report["metrics"]["aplikasi_umum_used"] == {"satusehat": ["a1"], "sipd": ["a3", "a4"]}
    # the instansi's own application only: the platform and its instances are hosted nationally
    assert "hosting known for 0 of 1 active local applications; not stated by a1" in [
        f["message"] for f in report["findings"]
    ]


def test_import_guesses_unit_kinds_as_the_inventory_import_does(runner, tmp_path):
    names = {
        "Diskominfo": "dinas", "BPKAD": "badan", "UPT Puskesmas Sukamaju": "upt",
        "Kantor Bupati": "kepala_daerah", "Tim TIK": "unit_kerja",
    }
    inventory = tmp_path / "inventaris.csv"
    inventory.write_text("No;Nama Aplikasi;Perangkat Daerah\n" + "".join(
        f"{n};Aplikasi {n};{name}\n" for n, name in enumerate(names, 1)
    ), "utf-8")
    result = runner.invoke(app, ["import", "inventory", str(inventory), "--level", "kota",
                                 "-o", str(tmp_path / "inventaris")])
    assert result.exit_code == 0, result.output
    source = _exchange_file(tmp_path / "units.xml", "".join(
        f'<element identifier="u{n}" xsi:type="BusinessActor"><name>{name}</name></element>'
        for n, name in enumerate(names)
    ), "")
    result = _import(runner, source, tmp_path / "kota")
    assert result.exit_code == 0, result.output
    assert result.stderr == (  # each guess said, the one that found no kind too
        f"{source}: warning: units without a kind, set from their names: 4 (u0 -> dinas, "
        "u1 -> badan, u2 -> upt, u3 -> kepala_daerah)\n"
        f"{source}: warning: units without a kind, set to unit_kerja: 1 (u4)\n")
    for folder in ("kota", "inventaris"):
        units = _read(tmp_path / folder, "units.yaml")["units"]
        assert {unit["name"]: unit["kind"] for unit in units} == names, folder


def test_import_keeps_actors_outside_the_instansi_out_of_its_units(runner, tmp_path):
    """Archi models draw the public and other instansi as BusinessActors: one named so that
    owns nothing is not a unit (it would own nothing, SPBE-A018, and be off JIP, SPBE-A020);
    an actor named so that owns an application, and one with no such name, stay units."""
    source = _exchange_file(
        tmp_path / "actors.xml",
        '<element identifier="u1" xsi:type="BusinessActor"><name>Masyarakat</name></element>'
        '<element identifier="u2" xsi:type="BusinessActor"><name>Kementerian Kesehatan'
        "</name></element>"
        '<element identifier="u3" xsi:type="BusinessActor"><name>Masyarakat Peduli TIK'
        "</name></element>"
        '<element identifier="u4" xsi:type="BusinessActor"><name>Tim TIK</name></element>'
        '<element identifier="u5" xsi:type="BusinessActor"><name>Dinas Kesehatan</name>'
        "</element>"
        '<element identifier="a1" xsi:type="ApplicationComponent"><name>Forum Warga</name>'
        "</element>"
        '<element identifier="s1" xsi:type="BusinessService"><name>Layanan Kesehatan</name>'
        "</element>",
        '<relationship identifier="r1" xsi:type="Serving" source="s1" target="u1"/>'
        '<relationship identifier="r2" xsi:type="Association" source="u3" target="a1"/>'
        '<relationship identifier="r3" xsi:type="Assignment" source="u5" target="s1"/>',
    )
    folder = tmp_path / "kota"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    assert (
        f"{source}: warning: BusinessActor elements named as a party outside the instansi (the "
        "public, a business, another instansi) that own nothing and have no parent, kept "
        "under archimate_elements (to make one a unit, give it spbe:kind): 2 (u1, u2)"
    ) in result.stderr.splitlines()
    assert sorted(_by_id(folder, "units")) == ["u3", "u4", "u5"]
    assert _by_id(folder, "archimate_elements") == {
        "u1": {"id": "u1", "name": "Masyarakat", "type": "BusinessActor"},
        "u2": {"id": "u2", "name": "Kementerian Kesehatan", "type": "BusinessActor"},
    }
    assert _by_id(folder, "archimate_relationships")["r1"]["target"] == "u1"
    audit = runner.invoke(app, ["audit", str(folder), "--format", "json"])
    flagged = {f["element"] for f in json.loads(audit.stdout)["findings"]
               if f["code"] in ("SPBE-A018", "SPBE-A020")}
    assert not flagged & {"u1", "u2"}, flagged


SERVING = (
    '<element identifier="u1" xsi:type="BusinessActor"><name>Dinas Kesehatan</name></element>'
    '<element identifier="a1" xsi:type="ApplicationComponent"><name>SIMPUS</name></element>'
    '<element identifier="a2" xsi:type="ApplicationComponent"><name>Dashboard Kesehatan'
    "</name></element>"
    '<element identifier="s1" xsi:type="BusinessService"><name>Layanan Rujukan</name></element>',
    '<relationship identifier="o1" xsi:type="Association" source="u1" target="a1"/>'
    '<relationship identifier="o2" xsi:type="Association" source="u1" target="a2"/>'
    '<relationship identifier="o3" xsi:type="Assignment" source="u1" target="s1"/>'
    '<relationship identifier="v1" xsi:type="Serving" source="a1" target="a2"/>'
    '<relationship identifier="v2" xsi:type="Serving" source="a1" target="s1"/>'
    '<relationship identifier="v3" xsi:type="Serving" source="a2" target="a2"/>',
)


def test_import_reads_a_serving_between_applications_as_an_integration_from_the_server(
    runner, tmp_path
):
    """Archi's idiom for "uses the data of": SIMPUS serves the dashboard, so data goes from
    SIMPUS to the dashboard, by a mechanism the file does not say. The audit then sees the
    link and accuses neither application of isolation (SPBE-A001)."""
    source = _exchange_file(tmp_path / "serving.xml", *SERVING)
    folder = tmp_path / "kota"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:2] == [
        f"{source}: warning: relationships between applications that state no mechanism "
        "(spbe:via), imported as integrations with via: unknown (set via: where it is "
        "known): 1 (v1)",
        f"{source}: warning: Serving relationships with no SPBE meaning, kept under "
        "archimate_relationships: 1 (v3)",
    ]
    assert _by_id(folder, "integrations") == {
        "v1": {"id": "v1", "source": "a1", "target": "a2", "via": "unknown"},
    }
    assert list(_by_id(folder, "archimate_relationships")) == ["v3"]
    assert _by_id(folder, "services")["s1"]["applications"] == ["a1"]
    audit = runner.invoke(app, ["audit", str(folder), "--format", "json"])
    assert audit.exit_code == 0, audit.output
    findings = json.loads(audit.stdout)["findings"]
    assert [f for f in findings if f["code"] == "SPBE-A001"] == []
    assert "via known for 0 of 1 active integrations; not stated by v1" in [
        f["message"] for f in findings]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_import_describes_the_unit_it_adds_in_indonesian_as_model_text(runner, tmp_path, lang):
    source = _exchange_file(
        tmp_path / "ownerless.xml",
        '<element identifier="a1" xsi:type="ApplicationComponent"><name>SIMPUS</name></element>',
        "",
    )
    result = _import(runner, source, tmp_path / "kota", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert _by_id(tmp_path / "kota", "units") == {"unit-belum-ditetapkan": {
        "id": "unit-belum-ditetapkan",
        "name": "Unit belum ditetapkan (impor ArchiMate)",
        "description": "Ditambahkan oleh impor: pemilik proses, layanan dan aplikasi yang tidak "
                       "diberi pemilik oleh berkas.",
        "kind": "unit_kerja",
    }}


def test_import_keeps_the_files_elements_off_the_national_platforms_ids(runner, tmp_path):
    """A unit whose identifier is `satusehat` and an application `sipd` that is not SIPD get
    other ids, with a warning (a model names a platform by its id: SPBE-R014), and the model
    validates; the application named SATUSEHAT is still that platform."""
    source = _exchange_file(
        tmp_path / "collide.xml",
        '<element identifier="u1" xsi:type="BusinessActor"><name>Dinas Kesehatan</name></element>'
        '<element identifier="satusehat" xsi:type="BusinessActor"><name>Unit Data</name>'
        '</element>'
        '<element identifier="sipd" xsi:type="ApplicationComponent"><name>Perencanaan Kota'
        '</name></element>'
        '<element identifier="a1" xsi:type="ApplicationComponent"><name>SIMPUS</name></element>'
        '<element identifier="a2" xsi:type="ApplicationComponent"><name>SATUSEHAT</name>'
        '</element>',
        '<relationship identifier="f1" xsi:type="Flow" source="a1" target="a2"/>',
    )
    folder = tmp_path / "kota"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    assert (f"{source}: warning: elements whose id is a national platform's, given another (a "
            "model names a platform by its id): 2 (satusehat -> satusehat-2, sipd -> sipd-2)"
            ) in result.stderr.splitlines()
    assert set(_by_id(folder, "units")) >= {"u1", "satusehat-2"}
    assert "sipd-2" in _by_id(folder, "applications")
    assert _by_id(folder, "integrations")["f1"]["target"] == "satusehat"
    assert not [f for f in load_model(folder).findings if f.severity == "error"]
    one = _exchange_file(tmp_path / "one.xml", '<element identifier="u1" xsi:type='
                         '"BusinessActor"><name>Dinas Kesehatan</name></element>', "")
    read = _import(runner, one, tmp_path / "satu").stdout.splitlines()[0]
    assert read == f"read {one}: 1 element, 0 relationships (views and folders are not imported)"


@pytest.mark.parametrize(("owned", "instansi"), [
    ("", ("pemerintah-kota-contoh", "Pemerintah Kota Contoh", "kota")),
    # the actor owns an application: it is a unit after all, and the model's name says
    ('<relationship identifier="o2" xsi:type="Association" source="pemda" target="web"/>',
     ("kota-uji", "Kota Uji", "kota")),
])
def test_the_actor_named_as_the_pemda_whose_parts_are_the_units_is_the_instansi(
        runner, tmp_path, owned, instansi):
    """Archi draws 'Pemerintah Kota Contoh' composing every dinas: that actor is the
    instansi, not a unit kerja of itself."""
    actors = "".join(f'<element identifier="{a}" xsi:type="BusinessActor"><name>{n}</name>'
                     "</element>" for a, n in (("pemda", "Pemerintah Kota Contoh"),
                                               ("dinkes", "Dinas Kesehatan"),
                                               ("bappeda", "Bappeda")))
    source = _exchange_file(
        tmp_path / "pemda.xml",
        actors + '<element identifier="web" xsi:type="ApplicationComponent"><name>Website'
        "</name></element>",
        '<relationship identifier="c1" xsi:type="Composition" source="pemda" target="dinkes"/>'
        '<relationship identifier="c2" xsi:type="Composition" source="pemda" target="bappeda"/>'
        '<relationship identifier="o1" xsi:type="Association" source="dinkes" target="web"/>'
        + owned)
    folder = tmp_path / "kota"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    manifest = _read(folder, "spbe.yaml")["instansi"]
    assert (manifest["id"], manifest["name"], manifest["level"]) == instansi
    units = _by_id(folder, "units")
    assert ("pemda" in units) is bool(owned)
    assert all("parent" not in u for u in units.values()) is not bool(owned)
    said = (f"{source}: warning: BusinessActor 'Pemerintah Kota Contoh' (pemda), whose parts "
            "are the units, read as the instansi (spbe.yaml), not as a unit")
    assert (said in result.stderr.splitlines()) is not bool(owned)
    assert runner.invoke(app, ["validate", str(folder)]).exit_code == 0
    if not owned:  # what the file says of itself is kept, beside the actor's name
        assert manifest["properties"] == {"model_name": "Kota Uji"}


@pytest.mark.parametrize(("source", "target", "directed", "owner"), [
    ("dinkes", "simpus", "", "dinkes"),
    ("simpus", "dinkes", "", "dinkes"),  # undirected: drawn from the application
    ("simpus", "dinkes", ' isDirected="true"', "unit-belum-ditetapkan"),  # says otherwise
])
def test_an_undirected_association_between_a_unit_and_an_application_is_its_owner(
        runner, tmp_path, source, target, directed, owner):
    path = _exchange_file(
        tmp_path / "assoc.xml",
        '<element identifier="dinkes" xsi:type="BusinessActor"><name>Dinas Kesehatan</name>'
        '</element><element identifier="simpus" xsi:type="ApplicationComponent">'
        "<name>SIMPUS</name></element>",
        f'<relationship identifier="a1" xsi:type="Association" source="{source}" '
        f'target="{target}"{directed}/>')
    result = _import(runner, path, tmp_path / "kab")
    assert result.exit_code == 0, result.output
    assert _by_id(tmp_path / "kab", "applications")["simpus"]["owner"] == owner


def test_values_written_in_other_case_or_in_indonesian_are_read_as_the_model_writes_them(
        runner, tmp_path):
    """A hand-typed spbe:kind 'Badan', spbe:via 'SPLP', spbe:status 'aktif': read, said,
    and the model validates; a value that means nothing is kept for validation to answer."""
    def prop(ref: str, value: str) -> str:
        return (f'<properties><property propertyDefinitionRef="{ref}"><value>{value}</value>'
                "</property></properties>")

    text = _exchange_file(
        tmp_path / "words.xml",
        '<element identifier="bapenda" xsi:type="BusinessActor"><name>Bapenda</name>'
        + prop("pk", "Badan") + "</element>"
        '<element identifier="a" xsi:type="ApplicationComponent"><name>A</name>'
        + prop("ps", "aktif") + "</element>"
        '<element identifier="b" xsi:type="ApplicationComponent"><name>B</name>'
        + prop("ps", "kadaluarsa") + "</element>",
        '<relationship identifier="f1" xsi:type="Flow" source="a" target="b">'
        + prop("pv", "SPLP") + "</relationship>"
        '<relationship identifier="o1" xsi:type="Association" source="bapenda" target="a"/>'
        '<relationship identifier="o2" xsi:type="Association" source="bapenda" target="b"/>',
    ).read_text(encoding="utf-8").replace("</relationships>", "</relationships>"
                                          "<propertyDefinitions>" + "".join(
        f'<propertyDefinition identifier="{ref}" type="string"><name>spbe:{name}</name>'
        "</propertyDefinition>" for ref, name in (("pk", "kind"), ("ps", "status"),
                                                   ("pv", "via"))) + "</propertyDefinitions>")
    path = tmp_path / "words.xml"
    path.write_text(text, encoding="utf-8")
    folder = tmp_path / "kab"
    result = _import(runner, path, folder)
    assert _by_id(folder, "units")["bapenda"]["kind"] == "badan"
    assert _by_id(folder, "applications")["a"]["status"] == "active"
    assert _by_id(folder, "applications")["b"]["status"] == "kadaluarsa"  # validation answers
    assert _by_id(folder, "integrations")["f1"]["via"] == "splp"
    assert any("values written in other case or in Indonesian, read as the model writes them"
               in line and "bapenda: 'Badan' -> badan" in line for line in
               result.stderr.splitlines()), result.stderr
    assert result.exit_code == 1  # b's status


def test_import_with_force_never_replaces_a_file_written_by_hand(runner, tmp_path):
    """spbe.yaml and units.yaml kept by hand (no import header) survive `--force`."""
    folder = tmp_path / "kota"
    folder.mkdir()
    kept = {"spbe.yaml": "instansi: {id: kota, name: Kota, level: kota}\n",
            "units.yaml": "units: []\n"}
    for name, text in kept.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = _import(runner, SPARX, folder, "--force")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"spbe-arch: {folder}: spbe.yaml, units.yaml written by hand or edited since the import; "
        "not replaced, even with --force (the edits would be lost): import into a new folder "
        "with -o and carry the edits over, or delete the edited files first\n")
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == kept


def test_import_with_force_never_replaces_an_imported_file_edited_since(runner, tmp_path):
    """Each file's first line carries the digest of what the import wrote: a re-import
    replaces the files as written, never one edited since."""
    folder = tmp_path / "kota"
    assert _import(runner, SPARX, folder).exit_code == 0
    assert _import(runner, SPARX, folder, "--force").exit_code == 0  # untouched: replaced
    apps = folder / "applications.yaml"
    assert re.search(r"^# .* sha256:[0-9a-f]{12}$",
                     apps.read_text(encoding="utf-8").split("\n", 1)[0])
    edited = apps.read_text(encoding="utf-8") + "  - {id: tambahan, name: Tambahan}\n"
    apps.write_text(edited, encoding="utf-8")
    result = _import(runner, SPARX, folder, "--force")
    assert result.exit_code == 2, result.output
    assert "applications.yaml written by hand or edited since the import" in result.stderr
    assert apps.read_text(encoding="utf-8") == edited


ARCHI_PROPERTIES = """\
<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m1">
  <name xml:lang="id">Arsitektur Kabupaten Uji</name>
  <elements>
    <element identifier="id-pemkab" xsi:type="BusinessActor">
      <name xml:lang="id">Pemerintah Kabupaten Uji</name>
      <documentation xml:lang="id">Ibu kota: Mérapi.</documentation></element>
    <element identifier="id-dinkes" xsi:type="BusinessActor">
      <name xml:lang="id">Dinas Kesehatan</name></element>
    <element identifier="id-simpus" xsi:type="ApplicationComponent">
      <name xml:lang="id">SIMPUS</name>
      <properties>
        <property propertyDefinitionRef="p-owner"><value xml:lang="id">Dinkes</value></property>
        <property propertyDefinitionRef="p-status"><value xml:lang="id">Pensiun</value></property>
      </properties></element>
    <element identifier="id-sikda" xsi:type="ApplicationComponent">
      <name xml:lang="en">Tourism App</name><name xml:lang="id">Aplikasi Wisata</name>
      <properties>
        <property propertyDefinitionRef="p-owner"><value>Dinas Pariwisata</value></property>
        <property propertyDefinitionRef="p-status"><value>Aktif</value></property>
      </properties></element>
    <element identifier="id-web" xsi:type="ApplicationComponent"><name>Website Resmi</name>
      <properties>
        <property propertyDefinitionRef="p-owner"><value>Pemerintah Kabupaten Uji</value></property>
      </properties></element>
    <element identifier="id-adminduk" xsi:type="BusinessService">
      <name>Layanan Administrasi Kependudukan</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="id-pemkab" target="id-dinkes" xsi:type="Composition"/>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="p-owner" type="string"><name>Pemilik</name></propertyDefinition>
    <propertyDefinition identifier="p-status" type="string"><name>Status</name></propertyDefinition>
  </propertyDefinitions>
</model>
"""


def test_import_reads_the_status_and_owner_archi_keeps_as_properties(runner, tmp_path):
    """'Status: Pensiun' is retired and 'Pemilik: Dinkes' the unit Dinas Kesehatan, as the
    inventory import reads them; an owner naming no unit stays a property, and is said. Of
    names in two languages, the Indonesian one is the name."""
    source = tmp_path / "archi.xml"
    source.write_text(ARCHI_PROPERTIES, encoding="utf-8")
    folder = tmp_path / "model"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    apps = {a["id"]: a for a in _read(folder, "applications.yaml")["applications"]}
    simpus, wisata = apps["id-simpus"], apps["id-sikda"]
    assert (simpus["status"], simpus["owner"]) == ("retired", "id-dinkes")
    assert "properties" not in simpus
    assert wisata["status"] == "active"
    assert wisata["properties"] == {"Pemilik": "Dinas Pariwisata", "name@en": "Tourism App"}
    assert wisata["name"] == "Aplikasi Wisata"  # the Indonesian name, of two
    assert wisata["owner"] == "unit-belum-ditetapkan"
    lines = result.stderr.splitlines()
    assert (f"{source}: warning: owners read from a property naming a unit: 1 (id-simpus: "
            "'Dinkes' -> id-dinkes)") in lines
    assert (f"{source}: warning: owners named in a property that names no unit of the file, "
            "kept as a property: 2 (id-sikda: 'Dinas Pariwisata', id-web: 'Pemerintah "
            "Kabupaten Uji')") in lines  # the pemda is the instansi, no unit
    assert (f"{source}: warning: statuses read from a property (Status): 2 (id-simpus: "
            "'Pensiun' -> retired, id-sikda: 'Aktif' -> active)") in lines
    assert not any("unit_kerja" in line for line in lines)  # the pemkab is the instansi
    instansi = _read(folder, "spbe.yaml")["instansi"]
    assert instansi["properties"] == {"documentation": "Ibu kota: Mérapi.",
                                      "model_name": "Arsitektur Kabupaten Uji"}
    assert instansi["name"] == "Pemerintah Kabupaten Uji"
    assert "id-pemkab" not in {u["id"] for u in _read(folder, "units.yaml")["units"]}
    (adminduk,) = _read(folder, "services.yaml")["services"]
    assert adminduk["kind"] == "public"  # administrasi kependudukan serves the public


def test_import_reads_the_data_object_associated_with_a_flow_as_its_data(runner, tmp_path):
    """Archi says which data a flow carries with an Association between the data object and
    the flow (a relationship to a relationship): it is the integration's `data:`."""
    source = tmp_path / "archi.xml"
    source.write_text("""\
<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name>Kota Uji</name>
  <elements>
    <element identifier="u" xsi:type="BusinessActor"><name>Dinas Kesehatan</name></element>
    <element identifier="a" xsi:type="ApplicationComponent"><name>SIMPUS</name></element>
    <element identifier="b" xsi:type="ApplicationComponent"><name>Dasbor</name></element>
    <element identifier="d" xsi:type="DataObject"><name>Data Kunjungan</name></element>
  </elements>
  <relationships>
    <relationship identifier="f" source="a" target="b" xsi:type="Flow"/>
    <relationship identifier="x" source="d" target="f" xsi:type="Association"/>
  </relationships>
</model>
""", encoding="utf-8")
    folder = tmp_path / "model"
    result = _import(runner, source, folder)
    assert result.exit_code == 0, result.output
    (link,) = _read(folder, "integrations.yaml")["integrations"]
    assert (link["source"], link["target"], link["data"]) == ("a", "b", ["d"])
    assert not (folder / "archimate_relationships.yaml").exists()
    assert (f"{source}: warning: Associations of a data object with an integration, read as "
            "the data it exchanges (data:): 1 (f)") in result.stderr.splitlines()


def test_an_element_of_no_archimate_type_is_said_so(runner, tmp_path):
    """A Capability has no SPBE meaning; 'NoSuchType' is no ArchiMate type at all, and an
    element without xsi:type has none: each kept, and said for what it is."""
    source = _exchange_file(
        tmp_path / "types.xml",
        '<element identifier="c1" xsi:type="Capability"><name>Layanan Digital</name></element>'
        '<element identifier="x1" xsi:type="NoSuchType"><name>Aneh</name></element>'
        '<element identifier="x2"><name>Tanpa Jenis</name></element>', "")
    result = _import(runner, source, tmp_path / "kab")
    assert result.exit_code == 1, result.output  # written; validation refuses the two
    lines = result.stderr.splitlines()
    assert (f"{source}: warning: Capability elements with no SPBE meaning, kept under "
            "archimate_elements: 1 (c1)") in lines
    assert (f"{source}: warning: elements of a type ArchiMate 3.1 does not have ('NoSuchType': "
            "a tool's extension, or a damaged file), kept under archimate_elements: 1 (x1)"
            ) in lines
    assert (f"{source}: warning: elements with no type (xsi:type), kept under "
            "archimate_elements: 1 (x2)") in lines


def test_a_relationship_with_an_end_missing_names_what_is_missing(runner, tmp_path):
    source = _exchange_file(
        tmp_path / "no-end.xml",
        '<element identifier="a" xsi:type="ApplicationComponent"><name>A</name></element>',
        '<relationship identifier="r10" xsi:type="Flow" source="a"/>')
    result = _import(runner, source, tmp_path / "kab")
    assert (f"{source}: warning: relationships not imported because an end is not in the file "
            "(or is a relationship read as a field): 1 (r10 -> (no end given))"
            ) in result.stderr.splitlines()


def test_a_property_repeated_on_one_element_is_kept_numbered_and_said(runner, tmp_path):
    source = tmp_path / "urls.xml"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">'
        '<name>Kota Uji</name><elements><element identifier="a" '
        'xsi:type="ApplicationComponent"><name>A</name><properties>'
        + "".join(f'<property propertyDefinitionRef="pu"><value>https://a{n}.go.id</value>'
                  "</property>" for n in (1, 2)) +
        '</properties></element></elements><propertyDefinitions><propertyDefinition '
        'identifier="pu" type="string"><name>URL</name></propertyDefinition>'
        "</propertyDefinitions></model>\n", encoding="utf-8")
    result = _import(runner, source, tmp_path / "kab")
    assert _by_id(tmp_path / "kab", "applications")["a"]["properties"] == {
        "URL": "https://a1.go.id", "URL.2": "https://a2.go.id"}
    assert (f"{source}: warning: properties repeated on one concept, kept numbered: 1 "
            "(a: URL.2)") in result.stderr.splitlines()


@pytest.mark.parametrize(("attribute", "kind"), [
    (' junctionType="or"', "OrJunction"), ("", "AndJunction"),
    (' junctionType="and"', "AndJunction"),
])
def test_archi_s_own_junction_notation_is_read_as_the_3_1_type(runner, tmp_path, attribute, kind):
    """Archi writes `xsi:type="Junction"` with its kind in `junctionType`, which ArchiMate 3.1
    has no type for: read as its AndJunction or OrJunction, so that the model validates."""
    source = _exchange_file(
        tmp_path / "junction.xml",
        f'<element identifier="j1" xsi:type="Junction"{attribute}><name>J</name></element>', "")
    folder = tmp_path / "kota"
    assert _import(runner, source, folder).exit_code == 0
    assert _by_id(folder, "archimate_elements")["j1"]["type"] == kind
    assert runner.invoke(app, ["validate", str(folder)]).exit_code == 0


def test_another_tool_s_work_package_says_what_a_roadmap_item_needs(runner, tmp_path):
    source = _exchange_file(
        tmp_path / "wp.xml",
        '<element identifier="wp1" xsi:type="WorkPackage"><name>Migrasi ke PDN</name></element>',
        "")
    result = _import(runner, source, tmp_path / "kota")
    assert result.exit_code == 0, result.output
    assert (f"{source}: warning: WorkPackage elements kept under archimate_elements (a Peta "
            "Rencana item needs fields another tool's file does not give: its year, what it "
            "adds, changes or retires; write them under roadmap:): 1 (wp1)"
            ) in result.stderr.splitlines()
