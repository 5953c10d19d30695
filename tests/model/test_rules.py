"""The rule table: every code declared once, documented, and checked by exactly one function."""

import re
from pathlib import Path

import pytest

from spbe_arch.audit import CHECKS
from spbe_arch.model import Severity
from spbe_arch.model.rules import RULES, Hit, RuleStatus
from spbe_arch.model.rules import audit as audit_rules

PACKAGE = Path(__file__).resolve().parents[2] / "spbe_arch"


def test_rule_code_is_written_once_in_the_package():
    text = "\n".join(p.read_text() for p in PACKAGE.rglob("*.py"))
    counts = {code: len(re.findall(rf"\b{code}\b", text)) for code in RULES}
    assert {code: n for code, n in counts.items() if n != 1} == {}


def test_rule_names_are_unique():
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_every_audit_rule_has_one_check_and_every_check_a_rule():
    audit_codes = {r.code for r in vars(audit_rules).values()
                   if getattr(r, "code", None) and r.status is not RuleStatus.removed}
    assert set(CHECKS) == audit_codes
    assert all(rule is RULES[code] for code, (rule, _) in CHECKS.items())


def test_rule_words_a_hit_with_its_templates():
    rule = audit_rules.ISOLATED_APPLICATION
    found = rule.finding(Hit("simpus", related=("x",)))
    assert (found.code, found.severity, found.element, found.related) == (
        "SPBE-A001", Severity.warning, "simpus", ("x",))
    assert found.message == "aplikasi 'simpus' is active but integrated with no other application"
    assert found.hint == "connect it through SPLP to the applications that use or supply its data"


def test_rule_picks_the_template_of_a_hits_variant():
    rule = audit_rules.UNIT_OUTSIDE_JIP
    assert rule.finding(Hit("kec-a", variant="none")).message == (
        "unit 'kec-a' is not connected to JIP: it has no network")
    assert rule.finding(Hit("kec-a", values={"networks": "'inet'"}, variant="other")).message == (
        "unit 'kec-a' is not connected to JIP: it uses 'inet'")


@pytest.mark.parametrize("code", sorted(c for c in RULES if c.startswith("SPBE-A")))
def test_audit_rule_has_a_message_for_every_variant(code):
    rule = RULES[code]
    templates = [rule.message] if isinstance(rule.message, str) else list(rule.message.values())
    assert templates and all(templates)
