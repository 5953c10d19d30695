"""Every audit check on a small graph built in the test (no YAML): the hits it yields.

The YAML tests beside this one check the worded findings through `audit`; these pin each
check's logic on the graph alone, one rule per test.
"""

from spbe_arch.audit import CHECKS
from spbe_arch.graph import build_graph
from spbe_arch.model import COLLECTIONS, Architecture


def _graph(**collections: list[dict]):
    """A graph of the elements given per collection; two units on JIP unless given."""
    collections.setdefault("units", [
        {"id": "dinkes", "name": "Dinkes", "kind": "dinas", "networks": ["jip"]},
        {"id": "disdik", "name": "Disdik", "kind": "dinas", "networks": ["jip"]},
    ])
    arch = Architecture(root=".")
    for name, items in collections.items():
        for item in items:
            element = COLLECTIONS[name].model_validate(item)
            arch.collections[name][element.id] = element
    return build_graph(arch)


def _app(app_id: str, owner: str = "dinkes", **fields) -> dict:
    return {"id": app_id, "name": app_id.upper(), "kind": "khusus", "owner": owner, **fields}


def _link(link_id: str, source: str, target: str, via: str = "splp", **fields) -> dict:
    return {"id": link_id, "source": source, "target": target, "via": via, **fields}


def _hits(code: str, graph, **options) -> list[tuple]:
    """(element, related, values, variant) of each hit of the check of `code`."""
    _, check = CHECKS[code]
    return [(h.element, h.related, h.values, h.variant) for h in check(graph, **options)]


def _elements(code: str, graph) -> list[str]:
    return [hit[0] for hit in _hits(code, graph)]


def test_isolated_application_skips_linked_and_umum_instances():
    graph = _graph(
        applications=[_app("a"), _app("b"), _app("c"), _app("srikandi-kab", kind="umum",
                                                             platform="srikandi")],
        integrations=[_link("i1", "a", "b")],
    )
    assert _elements("SPBE-A001", graph) == ["c"]


def test_unintegrated_data_flow_names_producers_and_services():
    graph = _graph(
        data=[{"id": "d", "name": "D"}],
        applications=[_app("p", writes=["d"]), _app("c", reads=["d"]), _app("ok", reads=["d"])],
        services=[{"id": "s", "name": "S", "kind": "public", "owner": "dinkes",
                   "applications": ["c"]}],
        integrations=[_link("i1", "p", "ok")],
    )
    assert _hits("SPBE-A002", graph) == [
        ("c", ("d", "p", "s"), {"data": "d", "producers": "'p'", "producer": "p",
                                "services": "'s'"}, "services"),
    ]


def test_unintegrated_service_lists_its_gaps():
    graph = _graph(
        data=[{"id": "d", "name": "D"}],
        applications=[_app("p", writes=["d"]), _app("c", reads=["d"]), _app("x")],
        services=[{"id": "s", "name": "S", "kind": "public", "owner": "dinkes",
                   "applications": ["c"]}],
        integrations=[_link("i1", "c", "x")],
    )
    assert _hits("SPBE-A003", graph) == [("s", ("c", "d"), {"flows": "'d' from 'p' to 'c'"}, "")]


def test_integration_bypassing_splp_between_units_and_to_national():
    graph = _graph(
        applications=[_app("a"), _app("b", owner="disdik"), _app("c")],
        integrations=[_link("i1", "a", "b", "api_direct"), _link("i2", "a", "c", "api_direct"),
                      _link("i3", "a", "sipd", "file_transfer"), _link("i4", "a", "b")],
    )
    hits = _hits("SPBE-A004", graph)
    assert [(h[0], h[3]) for h in hits] == [("i1", "units"), ("i3", "national")]
    assert hits[0][2]["source_unit"] == "dinkes" and hits[0][2]["target_unit"] == "disdik"


def test_integration_bypassing_splp_is_unknown_where_an_owner_is_not_known():
    """An owner that names no unit (validation's error): whether it crosses is unknown."""
    graph = _graph(
        applications=[_app("a"), _app("b", owner="nowhere")],
        integrations=[_link("i1", "a", "b", "api_direct")],
    )
    assert _hits("SPBE-A004", graph) == []


def test_integration_over_internet_reads_the_network_kind():
    graph = _graph(
        infrastructure=[{"id": "inet", "name": "ISP", "kind": "internet"}],
        applications=[_app("a"), _app("b")],
        integrations=[_link("i1", "a", "b", network="inet"), _link("i2", "a", "b", network="jip")],
    )
    assert _elements("SPBE-A005", graph) == ["i1"]


def test_non_integration_mechanism_reports_manual_and_shared_login():
    graph = _graph(
        applications=[_app("a"), _app("b")],
        integrations=[_link("i1", "a", "b", "manual"), _link("i2", "a", "b", "shared_login"),
                      _link("i3", "a", "b", "manual", status="retired")],
    )
    assert _elements("SPBE-A006", graph) == ["i1", "i2"]


def test_integration_with_inactive_end_names_each_end_not_active():
    """Only active integrations; a national platform at an end has no status of its own."""
    graph = _graph(
        applications=[_app("a"), _app("old", status="retired"), _app("new", status="planned")],
        integrations=[_link("i1", "a", "old", "api_direct"), _link("i2", "new", "old"),
                      _link("i3", "a", "srikandi"), _link("i4", "a", "old", status="retired"),
                      _link("i5", "a", "new", status="planned")],
    )
    assert [(h[0], h[2]["app"]) for h in _hits("SPBE-A022", graph)] == [
        ("i1", "old"), ("i2", "new"), ("i2", "old")]


def test_duplicate_applications_by_raa_code_not_by_a_shared_service():
    """e-PBB and e-BPHTB both realize the pajak daerah service: they complement each other."""
    graph = _graph(
        applications=[_app("a", ref="RAA.01.01"), _app("b", ref="RAA.01.01"),
                      _app("e-pbb", name="e-PBB"), _app("e-bphtb", name="e-BPHTB")],
        services=[{"id": "s", "name": "S", "kind": "public", "owner": "dinkes",
                   "applications": ["e-pbb", "e-bphtb"]}],
    )
    assert [(h[0], h[1], h[2]["reasons"]) for h in _hits("SPBE-A007", graph)] == [
        ("a", ("b",), "share RAA code 'RAA.01.01'"),
    ]


def test_duplicate_applications_by_name_and_by_address():
    graph = _graph(applications=[
        _app("sms-1", name="SMS Gateway", url="https://sms.kab.go.id/"),
        _app("sms-2", name="sms  gateway"),
        _app("sms-3", owner="disdik", name="SMS-Gateway"),
        _app("portal", name="Portal", url="http://www.portal.kab.go.id"),
        _app("web", name="Website", url="portal.kab.go.id/"),
        _app("other", name="Other", url="portal.kab.go.id/other"),
    ])
    assert [(h[0], h[1], h[2]["reasons"]) for h in _hits("SPBE-A007", graph)] == [
        ("portal", ("web",), "share the address 'http://www.portal.kab.go.id'"),
        ("sms-1", ("sms-2", "sms-3"), "share the name 'SMS Gateway'"),
    ]


def test_duplicate_applications_by_an_acronym_and_the_long_name_it_spells_out():
    """'SIMPUS', its long name and both written together are one application listed three
    ways; 'SIMDA — Keuangan' and 'SIMDA — BMD' are two modules, not one name."""
    graph = _graph(applications=[
        _app("simpus-1", name="SIMPUS — Sistem Informasi Manajemen Puskesmas"),
        _app("simpus-2", owner="disdik", name="SIMPUS"),
        _app("simpus-3", name="Sistem Informasi Manajemen Puskesmas"),
        _app("simda-keu", name="SIMDA — Keuangan"),
        _app("simda-bmd", name="SIMDA - BMD"),
    ])
    assert [(h[0], h[1], h[2]["reasons"]) for h in _hits("SPBE-A007", graph)] == [
        ("simpus-1", ("simpus-2", "simpus-3"), "share the name 'SIMPUS'"),
    ]


def test_khusus_duplicating_umum_by_shared_service():
    graph = _graph(
        applications=[_app("srikandi-kab", kind="umum", platform="srikandi"), _app("e-surat")],
        services=[{"id": "s", "name": "S", "kind": "administration", "owner": "dinkes",
                   "applications": ["srikandi-kab", "e-surat"]}],
    )
    assert [(h[0], h[1]) for h in _hits("SPBE-A008", graph)] == [("e-surat", ("srikandi-kab",))]


def test_no_integration_recorded_leaves_isolation_and_gaps_unknown():
    graph = _graph(
        data=[{"id": "d", "name": "D"}],
        applications=[_app("p", writes=["d"]), _app("c", reads=["d"])],
    )
    assert [_elements(code, graph) for code in ("SPBE-A001", "SPBE-A002", "SPBE-A003")] == [
        [], [], []]
    assert _hits("SPBE-A021", graph)[-2] == (None, (), {
        "field": "integrations", "known": 0, "of": 2, "about": "active applications",
        "keys": "their integrations in the collection 'integrations:' (source, target, via)",
        "ids": ""}, "")


def test_no_service_recorded_leaves_what_an_outage_stops_unknown():
    apps = [_app(f"a{n}", hosting="pdd") for n in range(7)]
    pdd = [{"id": "pdd", "name": "PDD", "kind": "pusat_data_daerah"}]
    graph = _graph(infrastructure=pdd, applications=apps)
    assert _elements("SPBE-A017", graph) == []  # what stops is not known: nothing judged
    assert _hits("SPBE-A021", graph)[-1] == (None, (), {
        "field": "services", "known": 0, "of": 7, "about": "active applications",
        "keys": "the services they deliver in the collection 'services:' (id, name, applications)",
        "ids": ""}, "")
    services = [{"id": f"s{n}", "name": f"S{n}", "kind": "administration", "owner": "dinkes",
                 "applications": [f"a{n}"]} for n in range(6)]
    graph = _graph(infrastructure=pdd, applications=apps, services=services)
    assert _elements("SPBE-A017", graph) == ["pdd"]
    assert "services" not in [h[2]["field"] for h in _hits("SPBE-A021", graph)]


def test_incomplete_data_counts_what_the_model_states():
    graph = _graph(
        units=[{"id": "u1", "name": "U1", "kind": "dinas", "networks": ["jip"]},
               {"id": "u2", "name": "U2", "kind": "dinas"}],
        applications=[_app("a", owner="u1", hosting="pdn", reads=[]), _app("b", owner="u1")],
        integrations=[_link("i1", "a", "b", network="jip")],
    )
    assert [(h[2]["field"], h[2]["known"], h[2]["of"]) for h in _hits("SPBE-A021", graph)] == [
        ("hosting", 1, 2), ("data", 1, 2), ("networks", 1, 2), ("services", 0, 2)]


def test_hosting_rules_by_data_centre_kind():
    graph = _graph(
        infrastructure=[{"id": "ruang", "name": "Ruang", "kind": "on_premise"},
                        {"id": "awan", "name": "Awan", "kind": "cloud"},
                        {"id": "pdd", "name": "PDD", "kind": "pusat_data_daerah"}],
        applications=[_app("a", hosting="ruang"), _app("b", hosting="awan"),
                      _app("c", hosting="pdd"), _app("d"),
                      _app("e", kind="umum", platform="srikandi")],
    )
    assert _elements("SPBE-A009", graph) == ["a"]
    assert [(h[0], h[2]) for h in _hits("SPBE-A010", graph)] == [
        ("b", {"host": "awan", "kind": "cloud", "outside": "PDN and the pusat data daerah",
               "to": "the pusat data daerah or PDN"})]


def test_open_data_not_published_only_when_both_are_stated():
    graph = _graph(data=[
        {"id": "d1", "name": "D1", "classification": "terbuka"},  # published: unknown
        {"id": "d2", "name": "D2", "classification": "terbuka", "published": False},
        {"id": "d3", "name": "D3", "classification": "terbuka", "published": True},
    ])
    assert _elements("SPBE-A013", graph) == ["d2"]


def test_service_without_application_manual_or_inactive():
    graph = _graph(
        applications=[_app("a", status="planned")],
        services=[{"id": "s1", "name": "S1", "kind": "public", "owner": "dinkes",
                   "applications": []},
                  {"id": "s2", "name": "S2", "kind": "public", "owner": "dinkes",
                   "applications": ["a"]},
                  {"id": "s3", "name": "S3", "kind": "public", "owner": "dinkes"}],  # unknown
    )
    assert [(h[0], h[3]) for h in _hits("SPBE-A014", graph)] == [
        ("s1", "manual"), ("s2", "inactive")]


def test_articulation_point_that_relays():
    graph = _graph(
        applications=[_app("a"), _app("relay"), _app("b")],
        integrations=[_link("i1", "a", "relay"), _link("i2", "relay", "b")],
    )
    assert _hits("SPBE-A015", graph) == [
        ("relay", ("a", "b"), {"senders": "'a'", "receivers": "'b'"}, "")]


def test_hub_application_counts_distinct_partners():
    apps = [_app(n) for n in ("hub", "p1", "p2", "p3")]
    links = [_link("i1", "hub", "p1"), _link("i2", "p2", "hub"), _link("i3", "hub", "p1")]
    graph = _graph(applications=apps, integrations=links)
    assert _hits("SPBE-A016", graph) == []
    assert [h[0] for h in _hits("SPBE-A016", graph, partners=2)] == ["hub"]


def test_infrastructure_single_point_of_failure_counts_stopped_services():
    graph = _graph(
        infrastructure=[{"id": "pdd", "name": "PDD", "kind": "pusat_data_daerah"}],
        applications=[_app(f"a{n}", hosting="pdd") for n in range(3)],
        services=[{"id": f"s{n}", "name": f"S{n}", "kind": "public", "owner": "dinkes",
                   "applications": [f"a{n}"]} for n in range(3)],
    )
    assert _hits("SPBE-A017", graph) == []
    assert [(h[0], h[1]) for h in _hits("SPBE-A017", graph, services=2)] == [
        ("pdd", ("s0", "s1", "s2"))]


def test_orphans_unit_owning_nothing_and_unused_data():
    graph = _graph(
        units=[{"id": "u1", "name": "U1", "kind": "dinas"},
               {"id": "u2", "name": "U2", "kind": "dinas"},
               {"id": "u3", "name": "U3", "kind": "bagian", "parent": "u2"}],
        data=[{"id": "d1", "name": "D1", "steward": "u1"}, {"id": "d2", "name": "D2"}],
        applications=[_app("a", owner="u1", reads=["d1"])],
    )
    assert _elements("SPBE-A018", graph) == ["u3"]
    assert _elements("SPBE-A019", graph) == ["d2"]


def test_unit_outside_jip_names_its_networks():
    graph = _graph(
        units=[{"id": "u1", "name": "U1", "kind": "dinas", "networks": ["jip"]},
               {"id": "u2", "name": "U2", "kind": "dinas", "networks": ["inet"]},
               {"id": "u3", "name": "U3", "kind": "dinas", "networks": []},
               {"id": "u4", "name": "U4", "kind": "dinas"}],  # networks unknown
        infrastructure=[{"id": "inet", "name": "ISP", "kind": "internet"}],
    )
    assert [(h[0], h[3]) for h in _hits("SPBE-A020", graph)] == [("u2", "other"), ("u3", "none")]
