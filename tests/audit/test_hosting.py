"""Hosting rules: SPBE-A009, SPBE-A010, SPBE-A011."""

from audit_helpers import findings

INFRA = """\
infrastructure:
  - {id: pdd-kab, name: Pusat Data Daerah, kind: pusat_data_daerah}
  - {id: server-dinkes, name: Ruang Server Dinkes, kind: on_premise}
  - {id: cloud-x, name: Cloud X, kind: cloud}
  - {id: vendor-x, name: Vendor X, kind: vendor}
"""


def _apps(*rows: str) -> dict[str, str]:
    apps = "applications:\n" + "".join(f"  - {{{row}}}\n" for row in rows)
    return {"infra.yaml": INFRA, "apps.yaml": apps}


def test_on_premise_hosting_fires(tmp_path):
    files = _apps("id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: server-dinkes")
    assert findings(tmp_path, files, "SPBE-A009") == [
        ("simpus", "aplikasi 'simpus' is hosted on premise in 'server-dinkes', outside PDN and "
         "the pusat data daerah")
    ]


def test_government_data_centres_are_quiet(tmp_path):
    files = _apps(
        "id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdd-kab",
        "id: e-kir, name: E-KIR, kind: khusus, owner: dinkes, hosting: pdn",
    )
    for code in ("SPBE-A009", "SPBE-A010", "SPBE-A011"):
        assert findings(tmp_path, files, code) == []


def test_cloud_and_vendor_hosting_is_info(tmp_path):
    files = _apps(
        "id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: cloud-x",
        "id: e-pajak, name: E-Pajak, kind: khusus, owner: dinkes, hosting: vendor-x",
    )
    assert findings(tmp_path, files, "SPBE-A010") == [
        ("simpus", "aplikasi 'simpus' is hosted on cloud 'cloud-x', outside PDN and the pusat "
         "data daerah"),
        ("e-pajak", "aplikasi 'e-pajak' is hosted on vendor 'vendor-x', outside PDN and the "
         "pusat data daerah"),
    ]
    assert findings(tmp_path, files, "SPBE-A009") == []


def test_missing_hosting_is_counted_for_active_local_apps_only(tmp_path):
    files = _apps(
        "id: simpus, name: SIMPUS, kind: khusus, owner: dinkes",
        "id: sikda, name: SIKDA, kind: khusus, owner: dinkes, hosting: pdn",
        "id: e-kir, name: E-KIR, kind: khusus, owner: dinkes, status: planned",
        "id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: dinkes",
    )
    found = findings(tmp_path, files, "SPBE-A021")
    assert (None, "hosting known for 1 of 2 active local applications; not stated by "
                  "simpus") in found
    assert findings(tmp_path, files, "SPBE-A011") == []  # removed: unknown is not absent
