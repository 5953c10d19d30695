"""Generated pages are fresh, and every rule is documented with the three headings."""

import pytest
from conftest import ROOT

from spbe_arch.model.rules import DOC_HEADINGS, RULES
from spbe_arch.report.docs import DOC_FILES


@pytest.mark.parametrize("name", sorted(DOC_FILES))
def test_generated_page_is_up_to_date(name):
    assert (ROOT / "docs" / name).read_text() == DOC_FILES[name](), "run `spbe-arch docs`"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_doc_has_the_three_headings(code):
    doc = RULES[code].doc
    assert [heading in doc for heading in DOC_HEADINGS] == [True] * len(DOC_HEADINGS)


def test_codes_follow_the_family_pattern():
    import re

    assert all(re.fullmatch(r"SPBE-[RAMPW]\d{3}", code) for code in RULES)


def test_every_field_of_the_vocabulary_says_what_it_holds():
    from spbe_arch.report.docs import vocabulary_markdown

    rows = [line for line in vocabulary_markdown().splitlines() if line.startswith("| `")]
    assert rows and not [row for row in rows if row.rstrip().endswith("|  |")]
