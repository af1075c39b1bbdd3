"""Where a finding is, as the text report says it: a finding that starts from a heading
on another page than Tabel 1 names the table's page too, so 'side 4, Tabel 1' never
reads as if the table were on page 4."""

from __future__ import annotations

from extractor.export.report import finding_lines, location_text
from extractor.models import Location
from extractor.rules import finding


def test_a_heading_on_another_page_names_tabel_1s_page() -> None:
    where = Location(page=4, table="Tabel 1", row="Projektledelse", year=2027)
    assert location_text(where, 5) == "side 4, Tabel 1 (side 5), række 'Projektledelse', 2027"


def test_a_finding_on_tabel_1s_own_page_names_it_once() -> None:
    where = Location(page=5, table="Tabel 1", row="Projektledelse")
    assert location_text(where, 5) == "side 5, Tabel 1, række 'Projektledelse'"
    assert location_text(where) == "side 5, Tabel 1, række 'Projektledelse'"


def test_only_tabel_1_gets_its_page() -> None:
    other = finding("completeness.follow_up_table", "Tabel 2 mangler.", page=6, table="Tabel 2")
    assert finding_lines(other, 5)[0].endswith("side 6, Tabel 2")
