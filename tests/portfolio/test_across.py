"""The cross-instansi sections on hand-made traits: what joins applications and what does not."""

from spbe_arch.portfolio import FunctionMatch
from spbe_arch.portfolio.across import duplicate_functions, shared_dependencies
from spbe_arch.portfolio.instansi import LocalApp, Traits


def _traits(instansi: str, *apps: LocalApp, hosts=None) -> Traits:
    return Traits(instansi, instansi.title(), frozenset(a.id for a in apps), apps,
                  frozenset(), (), hosts or {})


def _app(app_id, name, ref=None, description=None) -> LocalApp:
    return LocalApp(app_id, name, name.casefold().replace(" ", ""), ref, description)


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


def test_shared_dependencies_need_two_instansi():
    pdn = {("data centre", "pdn"): ("PDN", 3)}
    vendor = {("vendor", "ptawan"): ("PT Awan", 1)}
    found = shared_dependencies([_traits("a", hosts={**pdn, **vendor}), _traits("b", hosts=pdn)])
    assert [(d.id, d.instansi, d.applications) for d in found] == [("pdn", ("a", "b"), 6)]
