"""The maturity codes (family M) are registered once, documented with the three headings."""

import pytest

from spbe_arch.model.rules import DOC_HEADINGS, RULES
from spbe_arch.model.rules import maturity as codes

MATURITY_CODES = [f"SPBE-M{n:03d}" for n in range(1, 15)]


def test_codes_maturity_family_is_m001_to_m014():
    assert sorted(c for c in RULES if c.startswith("SPBE-M")) == MATURITY_CODES
    assert codes.UNKNOWN_ASSESSMENT_INDICATOR.code == "SPBE-M001"


@pytest.mark.parametrize("code", MATURITY_CODES)
def test_codes_maturity_docs_have_the_three_headings(code):
    doc = RULES[code].doc
    assert [heading in doc for heading in DOC_HEADINGS] == [True, True, True]
    assert RULES[code].summary
