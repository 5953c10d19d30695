"""The report's roadmap section: the Gantt-like chart and the one trajectory line from the
years assessed to the years planned."""

import re

from conftest import EXAMPLE

from spbe_arch.report.roadmap import roadmap_section
from spbe_arch.validate import load_model


def test_roadmap_section_joins_assessed_and_planned_years():
    section = roadmap_section(load_model(EXAMPLE))
    assert section.available
    assert [(p.year, p.planned) for p in section.points] == [
        (2023, False), (2024, False),
        (2025, True), (2026, True), (2027, True), (2028, True), (2029, True),
    ]
    assert section.points[1].index == section.result.years[0].index  # the as-is is 2024
    assert section.points[-1].index == section.result.years[-1].index


def test_roadmap_svg_has_a_bar_per_item_and_a_point_per_year():
    svg = roadmap_section(load_model(EXAMPLE)).svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and svg.endswith("</svg>")
    assert len(re.findall(r"<rect ", svg)) == 11
    assert len(re.findall(r"<circle ", svg)) == 7
    assert "<title>rm-2027-drc: Pembangunan pusat pemulihan bencana (DRC)" in svg
    assert svg.count('stroke-dasharray="5 4"') == 5  # the planned segments


def test_roadmap_section_of_a_model_without_roadmap_has_no_items_and_no_chart(make_model):
    section = roadmap_section(load_model(make_model({})))
    assert (section.available, section.items, section.points, section.svg, section.summary) == (
        True, [], [], "", "")
