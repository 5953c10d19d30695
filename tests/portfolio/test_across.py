"""The cross-instansi sections on hand-made traits: what joins applications and what does not."""

from spbe_arch.io import name_forms
from spbe_arch.portfolio import FunctionMatch
from spbe_arch.portfolio.across import duplicate_functions, shared_dependencies
from spbe_arch.portfolio.instansi import LocalApp, Traits


def _traits(instansi: str, *apps: LocalApp, hosts=None) -> Traits:
    return Traits(instansi, instansi.title(), frozenset(a.id for a in apps), apps,
                  frozenset(), frozenset(), (), hosts or {})


def _app(app_id, name, ref=None, description=None) -> LocalApp:
    return LocalApp(app_id, name, name_forms(name), ref, description)


def test_duplicate_functions_join_by_name_code_or_description_across_instansi():
    groups = duplicate_functions([
        _traits("a", _app("simpus", "SIMPUS"), _app("pbb", "e-PBB", description="pajakbumi")),
        _traits("b", _app("sik", "SIK Puskesmas", ref="RAA.03.02"), _app("x", "Pajak PBB",
                                                                          description="pajakbumi")),
        _traits("c", _app("simpus-c", "simpus", ref="RAA.03.02")),
    ])
    assert [(g.name, g.instansi, g.matched_by) for g in groups] == [
        ("SIK Puskesmas", ("a", "b", "c"),
         (FunctionMatch("ref", "RAA.03.02"), FunctionMatch("name", "SIMPUS"))),
        ("Pajak PBB", ("a", "b"), (FunctionMatch("description"),)),
    ]


def test_duplicate_functions_within_one_instansi_or_by_a_family_code_are_not_joined():
    groups = duplicate_functions([
        _traits("a", _app("one", "Aplikasi Satu", ref="RAA.03"), _app("two", "Aplikasi Satu")),
        _traits("b", _app("three", "Aplikasi Tiga", ref="RAA.03")),
    ])
    assert groups == []


def test_duplicate_functions_join_an_acronym_with_its_long_name_across_instansi():
    groups = duplicate_functions([
        _traits("a", _app("simpus", "SIMPUS — Sistem Informasi Manajemen Puskesmas")),
        _traits("b", _app("simpus-b", "SIMPUS")),
        _traits("c", _app("sim-pkm", "Sistem Informasi Manajemen Puskesmas (SIMPUS)")),
        _traits("d", _app("sikd", "Sistem Informasi Keuangan Daerah")),
        _traits("e", _app("sikd-e", "SIKD - Sistem Informasi Keuangan Daerah")),
    ])
    assert [(g.name, g.instansi, g.matched_by) for g in groups] == [
        ("SIMPUS", ("a", "b", "c"),
         (FunctionMatch("acronym", "SIMPUS", "Sistem Informasi Manajemen Puskesmas"),)),
        ("SIKD - Sistem Informasi Keuangan Daerah", ("d", "e"),
         (FunctionMatch("long name", "Sistem Informasi Keuangan Daerah"),)),
    ]


def test_duplicate_functions_keep_apart_names_that_share_generic_words_or_a_qualifier():
    groups = duplicate_functions([
        _traits("a", _app("simpus", "SIMPUS — Sistem Informasi Manajemen Puskesmas"),
                _app("dash", "Dashboard Kinerja (versi web)"), _app("sima", "SIMA (WEB)")),
        _traits("b", _app("simrs", "SIMRS — Sistem Informasi Manajemen Rumah Sakit"),
                _app("peta", "Peta Tata Ruang (versi web)"), _app("simb", "SIMB (WEB)"),
                _app("simpeg", "Sistem Informasi Manajemen")),
    ])
    assert groups == []


def test_duplicate_functions_join_no_names_of_punctuation_only():
    assert duplicate_functions([_traits("a", _app("x", "—")), _traits("b", _app("y", "()"))]) == []


def test_duplicate_functions_join_no_one_by_an_acronym_spelled_out_two_ways():
    groups = duplicate_functions([
        _traits("a", _app("simpad", "SIMPAD — Sistem Informasi Manajemen Pendapatan Daerah")),
        _traits("b", _app("simpad", "SIMPAD — Sistem Informasi Manajemen Pelayanan Desa")),
        _traits("c", _app("simpad", "SIMPAD")),
    ])
    assert groups == []


def test_shared_dependencies_need_two_instansi():
    pdn = {("data centre", "pdn"): ("PDN", 3)}
    vendor = {("vendor", "ptawan"): ("PT Awan", 1)}
    found = shared_dependencies([_traits("a", hosts={**pdn, **vendor}), _traits("b", hosts=pdn)])
    assert [(d.id, d.instansi, d.applications) for d in found] == [("pdn", ("a", "b"), 6)]
