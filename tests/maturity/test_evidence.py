"""Evidence rules: what level each rule derives from a tiny model, and which elements it names."""

import pytest

from spbe_arch.graph import build_graph
from spbe_arch.maturity import load_framework
from spbe_arch.maturity.evidence import DERIVATIONS, derive
from spbe_arch.model.framework import EvidenceRule
from spbe_arch.model.i18n import use_language
from spbe_arch.validate import load_model

FRAMEWORK = load_framework()

UNITS = """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip-kab]}
  - {id: diskominfo, name: Diskominfo, kind: dinas, networks: [jip-kab]}
  - {id: kec-a, name: Kecamatan A, kind: kecamatan, networks: [internet]}
infrastructure:
  - {id: pdd, name: Pusat Data Daerah, kind: pusat_data_daerah, location: Setda,
     provider: Diskominfo, networks: [jip-kab]}
  - {id: vendor-x, name: Vendor X, kind: vendor, location: Jakarta, provider: PT X}
  - {id: jip-kab, name: JIP Kabupaten, kind: jip}
  - {id: internet, name: Internet, kind: internet}
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdd}
  - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes, hosting: pdd}
  - {id: satu-data-kab, name: Satu Data Kabupaten, kind: khusus, owner: diskominfo,
     hosting: vendor-x}
"""


def _derived(make_model, integrations: str = "", extra: str = ""):
    root = make_model({"model.yaml": UNITS + extra, "int.yaml": integrations})
    loaded = load_model(root)
    assert loaded.ok, loaded.findings
    return {int(k): v for k, v in derive(build_graph(loaded.architecture), FRAMEWORK).items()}


def _integrations(*rows: str) -> str:
    return "integrations:\n" + "".join(f"  - {row}\n" for row in rows)


def test_evidence_every_rule_has_a_function():
    assert set(DERIVATIONS) == set(EvidenceRule)


def test_evidence_empty_model_derives_nothing(make_model):
    root = make_model({})
    assert derive(build_graph(load_model(root).architecture), FRAMEWORK) == {}


LOCAL_BYPASS = "{id: int-a, source: simpus, target: satu-data-kab, via: api_direct}"
LOCAL_SPLP = "{id: int-a, source: simpus, target: satu-data-kab, via: splp}"
SAME_UNIT = "{id: int-b, source: simpus, target: sikda, via: database_link}"
NATIONAL_SPLP = "{id: int-c, source: simpus, target: satusehat, via: splp}"
NATIONAL_BYPASS = "{id: int-d, source: sikda, target: satusehat, via: api_direct}"


@pytest.mark.parametrize(
    ("rows", "level"),
    [
        ((), 1),
        ((LOCAL_BYPASS,), 1),
        ((LOCAL_BYPASS, NATIONAL_SPLP), 2),
        ((LOCAL_SPLP, SAME_UNIT), 3),
        ((LOCAL_SPLP, NATIONAL_SPLP, NATIONAL_BYPASS), 3),
        ((LOCAL_SPLP, SAME_UNIT, NATIONAL_SPLP), 4),
    ],
    ids=["none", "bypass-only", "unit-bypass", "units-via-splp", "national-bypass", "all-splp"],
)
def test_evidence_splp_integration_levels(make_model, rows, level):
    derived = _derived(make_model, _integrations(*rows))
    assert derived[18].level == level
    assert derived[18].ceiling == 4


def test_evidence_splp_shared_login_between_units_is_not_integration(make_model):
    shared = "{id: int-s, source: sikda, target: satu-data-kab, via: shared_login}"
    derived = _derived(make_model, _integrations(LOCAL_SPLP, NATIONAL_SPLP, shared))
    assert derived[18].level == 4
    assert "int-s" not in derived[18].elements


def test_evidence_splp_actions_name_the_bypassing_integrations(make_model):
    derived = _derived(make_model, _integrations(LOCAL_BYPASS, NATIONAL_SPLP, NATIONAL_BYPASS))
    assert derived[18].level == 2
    assert derived[18].actions[3] == (
        "route 1 integration between units through SPLP (via: splp): int-a",
    )
    assert derived[18].actions[4][-1] == (
        "route 1 integration with national platforms through SPLP (via: splp): int-d"
    )
    assert derived[18].reason == (
        "1 of 3 integrations via SPLP; bypassing SPLP: 1 between units, 1 with national platforms"
    )


def test_evidence_splp_planned_integration_does_not_count(make_model):
    planned = "{id: int-p, source: simpus, target: satu-data-kab, via: splp, status: planned}"
    assert _derived(make_model, _integrations(planned))[18].level == 1


def test_evidence_collaboration_needs_units_and_instansi(make_model):
    assert _derived(make_model)[20].level == 1
    assert _derived(make_model, _integrations(LOCAL_BYPASS))[20].level == 2
    both = _derived(make_model, _integrations(LOCAL_BYPASS, NATIONAL_BYPASS))[20]
    assert (both.level, both.ceiling) == (3, 3)


def test_evidence_network_counts_units_on_jip(make_model):
    derived = _derived(make_model)[17]
    assert (derived.level, derived.reason) == (2, "2 of 3 units on JIP")
    assert derived.actions[3] == ("connect these units to JIP: kec-a",)


def test_evidence_network_counts_units_whose_networks_are_unknown_apart(make_model):
    model = UNITS.replace("kind: kecamatan, networks: [internet]", "kind: kecamatan")
    root = make_model({"model.yaml": model})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["17"]
    assert derived.reason == "2 of 2 units that state their networks on JIP; networks not " \
        "recorded: 1"
    assert (derived.level, derived.actions[3]) == (
        2, ("record the networks of these units (`networks:`): kec-a",))


def test_evidence_network_integration_over_internet_caps_at_3(make_model):
    over = "{id: int-i, source: simpus, target: satu-data-kab, via: splp, network: internet}"
    model = UNITS.replace("networks: [internet]", "networks: [jip-kab]")
    root = make_model({"model.yaml": model, "int.yaml": _integrations(over)})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["17"]
    assert derived.level == 3
    assert derived.actions[4] == ("move these integrations from the internet to JIP: int-i",)


def test_evidence_data_centre_names_applications_outside_government_hosting(make_model):
    derived = _derived(make_model)[16]
    assert derived.level == 2
    assert derived.actions[3] == (
        "move these applications to PDN or the pusat data daerah: satu-data-kab",
    )


def test_evidence_data_centre_all_on_pdd_connected_to_jip_is_4(make_model):
    model = UNITS.replace("hosting: vendor-x", "hosting: pdd")
    root = make_model({"model.yaml": model})
    assert derive(build_graph(load_model(root).architecture), FRAMEWORK)["16"].level == 4


SERVICES = """\
services:
  - {id: svc-arsip, name: Kearsipan, kind: administration, owner: diskominfo,
     applications: [sikda], level: transaksi, indicator: 37}
  - {id: svc-arsip-2, name: Kearsipan 2, kind: administration, owner: dinkes,
     level: interaksi, indicator: 37}
  - {id: svc-kesehatan, name: Kesehatan, kind: public, owner: dinkes, level: kolaborasi,
     indicator: 47}
"""


def test_evidence_service_level_takes_the_best_service_as_its_structure_shows_it(make_model):
    # svc-arsip claims transaksi, but sikda writes no data: interaksi; svc-kesehatan claims
    # kolaborasi with no application: informasi
    derived = _derived(make_model, extra=SERVICES)
    assert (derived[37].level, derived[37].elements) == (2, ("svc-arsip", "svc-arsip-2"))
    assert derived[47].level == 1
    assert 36 not in derived


def test_evidence_service_level_claim_counts_where_the_structure_shows_it(make_model):
    extra = SERVICES + "data:\n  - {id: data-arsip, name: Arsip, steward: dinkes}\n"
    root = make_model({"model.yaml": UNITS.replace(
        "owner: dinkes, hosting: pdd}\n  - {id: satu-data-kab",
        "owner: dinkes, hosting: pdd, writes: [data-arsip]}\n  - {id: satu-data-kab",
    ) + extra})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["37"]
    assert derived.level == 3
    assert derived.actions[4] == (
        "connect sikda to other units or instansi through SPLP",
        "raise service 'svc-arsip' to kolaborasi: integrate it with other services and "
        "instansi through SPLP; then set `level: kolaborasi`",
    )


def test_evidence_application_duplicate_of_aplikasi_umum_caps_at_2(make_model):
    extra = SERVICES + """\
  - {id: svc-srikandi, name: Persuratan, kind: administration, owner: diskominfo,
     applications: [srikandi-kab, satu-data-kab]}
"""
    umum = "  - {id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: dinkes}\n"
    root = make_model({"model.yaml": UNITS + umum + extra})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["15"]
    assert derived.level == 2
    assert "satu-data-kab duplicates aplikasi umum 'srikandi-kab'" in derived.reason


def test_evidence_application_isolated_apps_cap_at_3(make_model):
    derived = _derived(make_model, _integrations(LOCAL_SPLP))[15]
    assert derived.level == 3
    assert derived.actions[4] == ("integrate isolated applications: sikda",)


DATA = """\
data:
  - {id: d-open, name: Open, steward: dinkes, classification: terbuka, published: true,
     producer: simpus, ref: RAD.01.01}
  - {id: d-closed, name: Closed, steward: dinkes, classification: rahasia, producer: simpus,
     ref: RAD.01.02}
"""


def test_evidence_data_management_complete_data_is_4(make_model):
    extra = DATA
    model = UNITS.replace("hosting: pdd}", "hosting: pdd, writes: [d-open, d-closed]}", 1)
    root = make_model({"model.yaml": model + extra})
    assert derive(build_graph(load_model(root).architecture), FRAMEWORK)["23"].level == 4


@pytest.mark.parametrize(
    ("change", "level"),
    [
        (("steward: dinkes, classification: terbuka", "classification: terbuka"), 2),
        (("published: true", "published: false"), 2),
        (("ref: RAD.01.02", "tags: []"), 3),
    ],
    ids=["no-steward", "open-unpublished", "no-rad-code"],
)
def test_evidence_data_management_gaps(make_model, change, level):
    model = UNITS.replace("hosting: pdd}", "hosting: pdd, writes: [d-open, d-closed]}", 1)
    root = make_model({"model.yaml": model + DATA.replace(*change)})
    assert derive(build_graph(load_model(root).architecture), FRAMEWORK)["23"].level == level


def test_evidence_data_management_unstated_publication_is_to_record_not_to_publish(
    make_model,
):
    model = UNITS.replace("hosting: pdd}", "hosting: pdd, writes: [d-open, d-closed]}", 1)
    root = make_model({"model.yaml": model + DATA.replace("published: true,", "")})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["23"]
    assert derived.reason == (
        "2 data sets: 0 with no steward recorded, 0 open but unpublished, 0 closed but "
        "published; whether 1 open data sets are published is not recorded")
    assert (derived.level, derived.actions[3]) == (
        2, ("record whether these open data sets are published (`published:`): d-open",))


SECURITY = """\
security:
  - {id: sec-isms, name: SMKI, kind: isms, standard: SNI ISO/IEC 27001, covers: [pdd]}
  - {id: sec-pentest, name: Pentest, kind: penetration_test, covers: [simpus], year: 2024}
"""


def test_evidence_security_management_and_audit(make_model):
    derived = _derived(make_model, extra=SECURITY)
    assert derived[22].level == 2  # satu-data-kab (vendor-x) is not covered
    assert derived[22].actions[3] == (
        "cover these applications with security controls: satu-data-kab",
    )
    assert derived[31].level == 2
    covered = _derived(make_model, extra=SECURITY.replace("covers: [pdd]",
                                                         "covers: [pdd, vendor-x]"))
    assert covered[22].level == 3


def test_evidence_security_audit_is_read_by_whole_words(make_model):
    """An audit trail is a record kept, not an audit done; 'Audit Keamanan' and 'VAPT' are."""
    trail = SECURITY.replace("kind: penetration_test", "kind: Audit Trail")
    assert _derived(make_model, extra=trail)[31].level == 1
    for kind in ("Audit Keamanan SPBE", "VAPT"):
        done = SECURITY.replace("kind: penetration_test", f"kind: {kind}")
        assert _derived(make_model, extra=done)[31].level == 2, kind


def test_evidence_security_leaves_national_aplikasi_umum_to_their_operator(make_model):
    umum = ("applications:\n  - {id: srikandi-kab, name: SRIKANDI, kind: umum, platform: "
            "srikandi, owner: dinkes}\n")  # in the file _derived keeps for integrations
    derived = _derived(make_model, umum,
                       extra=SECURITY.replace("covers: [pdd]", "covers: [pdd, vendor-x]"))
    assert derived[22].level == 3
    assert derived[22].reason == ("2 active security controls, an ISMS; 0 of 3 applications "
                                  "uncovered")
    assert derived[31].reason == "1 security audit control covers 1 of 3 applications"


def test_evidence_security_not_described_is_insufficient_data_not_uncovered(make_model):
    derived = _derived(make_model)
    for indicator in (22, 31):
        assert derived[indicator].level == 1
        assert derived[indicator].reason == (
            "insufficient data: the model describes no security control")
        assert derived[indicator].actions == {
            2: ("record the security controls in force (`security:`)",)}


def test_evidence_security_described_without_audit_is_level_1(make_model):
    isms = ("security:\n  - {id: isms, name: ISMS, kind: isms, standard: SNI ISO/IEC 27001, "
            "covers: [pdd]}\n")
    derived = _derived(make_model, extra=isms)[31]
    assert _derived(make_model, extra=isms)[22].reason.startswith(
        "1 active security control, an ISMS;")
    assert derived.level == 1
    assert derived.reason == "0 security audit controls cover 0 of 3 applications"


def test_evidence_unknown_hosting_and_networks_are_to_record_not_to_fix(make_model):
    """An inventory gives no hosting and no networks: the plan asks to record them, and never
    to move applications or connect units the model says nothing about."""
    model = UNITS.replace(", networks: [internet]", "").replace(",\n     hosting: vendor-x", "")
    root = make_model({"model.yaml": model})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)
    assert derived["16"].actions[3] == (
        "record where these applications are hosted (`hosting:`): satu-data-kab",)
    assert derived["17"].actions[3] == ("record the networks of these units (`networks:`): kec-a",)
    stated = UNITS.replace("networks: [internet]", "networks: []")
    root = make_model({"model.yaml": stated})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)
    assert derived["17"].actions[3] == ("connect these units to JIP: kec-a",)
    assert derived["16"].actions[3] == (
        "move these applications to PDN or the pusat data daerah: satu-data-kab",)


def test_evidence_architecture_counts_described_domains(make_model):
    derived = _derived(make_model)[11]
    assert derived.level == 1  # one or two of the six domains
    assert derived.reason == (
        "2 of 6 architecture domains described (missing: business processes, data, services, "
        "security)"
    )
    assert derived.actions[2] == (
        "describe the missing architecture domains: business processes (`business_processes:`), "
        "data (`data:`), services (`services:`), security (`security:`)",
    )
    with use_language("id"):
        assert _derived(make_model)[11].reason == (
            "2 dari 6 domain arsitektur diuraikan (belum ada: proses bisnis, data, layanan, "
            "keamanan)"
        )
    assert _derived(make_model, extra=SECURITY + SERVICES)[11].level == 2


def test_evidence_roadmap_items_without_elements_are_level_2(make_model):
    roadmap = """\
roadmap:
  - {id: rm-1, name: Migrasi ke SPLP, year: 2026}
  - {id: rm-2, name: Satu Data, year: 2027, elements: [satu-data-kab]}
"""
    derived = _derived(make_model, extra=roadmap)[12]
    assert derived.level == 2
    assert derived.actions[3] == ("name the elements each roadmap item changes: rm-1",)


def test_evidence_roadmap_names_applications_in_development_as_such(make_model):
    roadmap = """\
roadmap:
  - {id: rm-2, name: Satu Data, year: 2027, elements: [satu-data-kab]}
"""
    model = UNITS.replace("owner: dinkes, hosting: pdd}", "owner: dinkes, hosting: pdd, "
                          "status: development}", 1)
    root = make_model({"model.yaml": model + roadmap})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["12"]
    assert derived.reason == "1 roadmap item; planned or in development but on no roadmap " \
        "item: simpus"
    assert derived.actions[4] == (
        "put the planned and in-development elements on a roadmap item: simpus",)


def test_evidence_asset_management_incomplete_inventory(make_model):
    model = UNITS.replace(",\n     hosting: vendor-x}", "}")
    root = make_model({"model.yaml": model})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["24"]
    assert derived.level == 2
    assert derived.elements == ("satu-data-kab",)


def test_evidence_open_data_from_published_data(make_model):
    model = UNITS.replace("hosting: pdd}", "hosting: pdd, writes: [d-open, d-closed]}", 1)
    root = make_model({"model.yaml": model + DATA})
    assert derive(build_graph(load_model(root).architecture), FRAMEWORK)["43"].level == 2
    feed = _integrations("{id: int-f, source: satu-data-kab, target: satu-data, via: splp}")
    root = make_model({"model.yaml": model + DATA, "int.yaml": feed})
    assert derive(build_graph(load_model(root).architecture), FRAMEWORK)["43"].level == 3
    unstated = DATA + "  - {id: d-open-2, name: Open 2, steward: dinkes, classification: terbuka}\n"
    root = make_model({"model.yaml": model + unstated, "int.yaml": feed})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["43"]
    assert (derived.level, derived.actions[3]) == (
        2, ("record whether these open data sets are published (`published:`): d-open-2",))


def test_evidence_resting_on_less_than_half_known_data_is_insufficient(make_model):
    units = "units:\n" + "".join(
        f"  - {{id: u{n}, name: U{n}, kind: dinas{', networks: [jip]' if n == 0 else ''}}}\n"
        for n in range(3)
    )
    root = make_model({"units.yaml": units})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["17"]
    assert derived.level == 1
    assert derived.reason.startswith("insufficient data: units' networks known for 1 of 3; ")
    assert derived.actions[2][0] == "record units' networks in the model (known for 1 of 3)"


def test_evidence_without_recorded_integrations_credits_no_integration_level(make_model):
    apps = "applications:\n" + "".join(
        f"  - {{id: a{n}, name: A{n}, kind: khusus, owner: u}}\n" for n in range(5))
    root = make_model({"m.yaml": "units:\n  - {id: u, name: U, kind: dinas}\n" + apps})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)
    assert derived["18"].level == 1 and derived["18"].reason.startswith("insufficient data: integr")
    assert derived["15"].level == 3  # inventory without duplicates; isolation unknown
    assert derived["15"].actions[4] == ("record the integrations between the applications",)


def test_evidence_data_centre_counts_the_instansis_own_applications(make_model):
    """An instance of a national platform runs where its operator hosts it: an inventory
    saying 'SRIKANDI: PDN' does not put the pemda's applications on a government data
    centre (as the hosting fact and the portfolio count them too)."""
    model = UNITS + ("  - {id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi,\n"
                     "     owner: diskominfo, hosting: pdn}\n")
    root = make_model({"model.yaml": model.replace("hosting: pdd}", "hosting: vendor-x}")})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["16"]
    assert (derived.level, derived.reason) == (
        1, "0 of 3 applications on PDN or pusat data daerah")


def test_evidence_data_centre_counts_hosting_on_the_national_pdn(make_model):
    """`hosting: pdn` (the national data centre, as an inventory's 'Lokasi Server: PDN' is
    imported) is a government data centre, on the national network."""
    model = UNITS.replace("hosting: vendor-x", "hosting: pdn")
    root = make_model({"model.yaml": model})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["16"]
    assert derived.reason == "3 of 3 applications on PDN or pusat data daerah"
    assert derived.level == 4


def test_evidence_application_asks_to_replace_by_the_aplikasi_umum_or_to_merge(make_model):
    """A duplicate of an aplikasi umum is replaced by it; two local applications doing one
    job are merged: the plan says which is which."""
    apps = UNITS + (
        "  - {id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: dinkes}\n"
        "  - {id: e-surat, name: e-Surat, kind: khusus, owner: dinkes}\n"
        "  - {id: simpus-2, name: SIMPUS, kind: khusus, owner: diskominfo}\n"
        "services:\n  - {id: svc-surat, name: Surat, kind: administration, owner: dinkes,\n"
        "     applications: [srikandi-kab, e-surat]}\n")
    root = make_model({"model.yaml": apps})
    derived = derive(build_graph(load_model(root).architecture), FRAMEWORK)["15"]
    assert derived.actions[3] == (
        "replace these applications by the aplikasi umum they duplicate: e-surat",
        "retire or merge these duplicate applications, one per job: simpus-2")
