"""Orphans: SPBE-A018, SPBE-A019."""

from audit_helpers import findings

UNITS = """\
units:
  - {id: setda, name: Sekretariat Daerah, kind: sekretariat, networks: [jip]}
  - {id: bagian-hukum, name: Bagian Hukum, kind: bagian, parent: setda, networks: [jip]}
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
"""


def test_unit_owning_nothing_fires_for_leaf_unit_without_elements(tmp_path):
    files = {"units.yaml": UNITS, "data.yaml": "data:\n  - {id: d1, name: D1, steward: dinkes}\n"}
    assert findings(tmp_path, files, "SPBE-A018") == [
        ("bagian-hukum", "unit 'bagian-hukum' owns no application, service, business process "
         "or data")
    ]


def test_unit_owning_nothing_quiet_for_stewards_and_parents(tmp_path):
    files = {
        "units.yaml": UNITS,
        "data.yaml": "data:\n  - {id: d1, name: D1, steward: dinkes}\n"
        "  - {id: d2, name: D2, steward: bagian-hukum}\n",
    }
    assert findings(tmp_path, files, "SPBE-A018") == []


def test_unused_data_fires_for_data_no_application_touches(tmp_path):
    files = {"data.yaml": "data:\n  - {id: data-survei, name: Survei, steward: dinkes}\n"}
    assert findings(tmp_path, files, "SPBE-A019") == [
        ("data-survei", "data 'data-survei' is neither read nor written by any application")
    ]


def test_unused_data_quiet_when_read_or_produced(tmp_path):
    files = {
        "data.yaml": """\
data:
  - {id: d1, name: D1, steward: dinkes, producer: simpus}
  - {id: d2, name: D2, steward: dinkes}
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, writes: [d1]}
  - {id: e-kir, name: E-KIR, kind: khusus, owner: dinkes, status: planned, reads: [d2]}
"""
    }
    assert findings(tmp_path, files, "SPBE-A019") == []
