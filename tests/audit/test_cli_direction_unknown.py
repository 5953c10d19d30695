"""`direction: unknown` (an inventory's 'Terintegrasi dengan'): data may move either way along
the link, and no analysis takes one end for the sender. From the CLI: audit, impact, diagram."""

import json

import pytest

from spbe_arch.cli import app

UNITS = """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
"""
# simrs writes the patients' data that simpus and the dashboard read; the inventory says simpus
# is integrated with simrs and with the dashboard, not which way data moves. Written one way,
# dasbor -> simpus -> simrs: simpus relays, and neither reader gets simrs's data.
APPS = """\
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-pasien]}
  - {id: simrs, name: SIMRS, kind: khusus, owner: dinkes, writes: [data-pasien]}
  - {id: dasbor, name: Dasbor, kind: khusus, owner: dinkes, reads: [data-pasien]}
data:
  - {id: data-pasien, name: Data pasien, classification: terbatas, steward: dinkes}
"""


def _model(make_model, direction: str):
    return make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": f"""\
        integrations:
          - {{id: int-1, source: simpus, target: simrs, via: api_direct, network: jip,
             direction: {direction}}}
          - {{id: int-2, source: dasbor, target: simpus, via: api_direct, network: jip,
             direction: {direction}}}
        """})


def _findings(runner, model) -> dict[str, list]:
    result = runner.invoke(app, ["audit", str(model), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    found: dict[str, list] = {}
    for item in json.loads(result.stdout)["findings"]:
        found.setdefault(item["code"], []).append(item["element"] or item["message"])
    return found


def test_a_link_of_unknown_direction_carries_data_either_way_and_relays_nothing(
        runner, make_model):
    model = _model(make_model, "unknown")
    found = _findings(runner, model)
    assert "SPBE-A002" not in found  # simrs -> simpus may run along int-1: no gap
    assert "SPBE-A015" not in found  # whether data passes through simpus is unknown
    assert "direction known for 0 of 2 active integrations; not stated by int-1, int-2" in (
        found["SPBE-A021"])


def test_the_same_links_written_one_way_show_the_gaps_and_the_relay(runner, make_model):
    """The control: as written, no link carries simrs's data, and simpus relays."""
    found = _findings(runner, _model(make_model, "source_to_target"))
    assert sorted(found["SPBE-A002"]) == ["dasbor", "simpus"]
    assert found["SPBE-A015"] == ["simpus"]
    assert not [m for m in found.get("SPBE-A021", []) if m.startswith("direction")]


@pytest.mark.parametrize(("direction", "degraded"), [("unknown", ["dasbor", "simpus"]),
                                                     ("source_to_target", [])])
def test_impact_of_a_failure_crosses_a_link_of_unknown_direction(
        runner, make_model, direction, degraded):
    """simrs stops: along links of unknown direction its readers may lose their data
    (unknown, not safe); along links written the other way they never got it from simrs."""
    model = _model(make_model, direction)
    result = runner.invoke(app, ["impact", str(model), "simrs", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert sorted(d["id"] for d in out["degraded"]) == degraded


def test_integration_map_draws_a_link_of_unknown_direction_without_arrowhead(
        runner, make_model, tmp_path):
    model = _model(make_model, "unknown")
    dot = tmp_path / "peta.dot"
    result = runner.invoke(app, ["diagram", str(model), "--view", "integration", "-o", str(dot)])
    assert result.exit_code == 0, result.output
    text = dot.read_text(encoding="utf-8")
    edges = [line for line in text.splitlines() if "simpus -> simrs" in line]
    assert edges and all("dir=none" in line for line in edges), edges
    assert "arah data belum diketahui" in text


def test_a_national_platform_stays_a_receiver_on_links_of_unknown_direction(
        runner, make_model):
    """Many rows 'Terintegrasi dengan SIPD': simrs and simpus both linked with SIPD, which way
    unknown, do not exchange data through it; simpus's gap stays an error."""
    model = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": """\
        integrations:
          - {id: int-1, source: simrs, target: sipd, via: api_direct, direction: unknown}
          - {id: int-2, source: simpus, target: sipd, via: api_direct, direction: unknown}
        """})
    assert sorted(_findings(runner, model)["SPBE-A002"]) == ["dasbor", "simpus"]
