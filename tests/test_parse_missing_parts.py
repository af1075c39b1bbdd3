"""A proposal that lacks a part still extracts, with that field empty and the rest intact.

The parts are cut out of a real sample by passing only some of its pages on to
the segmenter, as if the document had been written without them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.models import Proposal
from extractor.parse.proposal import parse_proposal
from extractor.read.page import Page
from extractor.read.pdf import read_pdf
from extractor.segment.furniture import remove_furniture
from extractor.segment.layout import segment

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "forloebsprogram.pdf"
FOLLOW_UP_PAGE = 6  # section 3 with Tabel 2
RISK_PAGE = 7  # section 4, the annex heading and the innovation checkbox
HEARINGS_PAGE = 8  # sections 5 and 6 with Tabel 4, 5 and 6

pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason="sample PDF not rendered yet")


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    pages = read_pdf(SAMPLE)
    remove_furniture(pages)
    return pages


def _extract(pages: list[Page], without: set[int]) -> Proposal:
    layouts = segment([p for p in pages if p.number not in without])
    assert len(layouts) == 1
    return parse_proposal(layouts[0])


def test_whole_proposal_has_every_part(pages: list[Page]) -> None:
    proposal = _extract(pages, set())
    assert len(proposal.follow_up) == 5
    assert proposal.risk is not None and proposal.risk.level == "lav til mellem"
    assert proposal.innovation_proposal is False
    assert [h.table for h in proposal.hearings] == [4, 6, 6]


def test_without_follow_up_table_and_risk_section(pages: list[Page]) -> None:
    whole = _extract(pages, set())
    proposal = _extract(pages, {FOLLOW_UP_PAGE, RISK_PAGE})
    assert proposal.follow_up == []
    assert proposal.risk is None
    assert proposal.innovation_proposal is None
    assert [s.number for s in proposal.sections] == ["1", "2", "5", "6"]
    assert proposal.title == whole.title
    assert proposal.summary == whole.summary
    assert proposal.department == whole.department
    assert proposal.cost_items == whole.cost_items
    assert proposal.economy == whole.economy
    assert proposal.hearings == whole.hearings


def test_without_hearing_tables(pages: list[Page]) -> None:
    whole = _extract(pages, set())
    proposal = _extract(pages, {HEARINGS_PAGE})
    assert proposal.hearings == []
    assert proposal.follow_up == whole.follow_up
    assert proposal.risk == whole.risk
    assert proposal.innovation_proposal is False


def test_front_page_only(pages: list[Page]) -> None:
    proposal = _extract(pages, {n for n in range(2, 9)})
    assert proposal.summary is not None and proposal.department == "Socialforvaltningen"
    assert proposal.economy is None
    assert proposal.cost_items == [] and proposal.follow_up == [] and proposal.hearings == []
    assert proposal.risk is None and proposal.innovation_proposal is None
    assert [s.number for s in proposal.sections] == ["1"]
