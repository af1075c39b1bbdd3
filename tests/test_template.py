"""Templates: the vocabulary lives in one object, and a second template works beside the first.

The variant is next year's template as it might come: tables renumbered (Tabel 1 → 7,
2 → 8, 4 → 9, 6 → 10) and the two cost groups renamed ("Varige ændringer" → "Faste
ændringer", "Implementeringsomkostninger" → "Engangsudgifter"). The test documents are
the real ones rewritten in those words (the seed text, and the words of a sample PDF),
so whatever the variant reads must equal what the Copenhagen template reads from the
originals.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
import regex

import extractor.api
from extractor.api import extract_file
from extractor.models import DocumentResult, Proposal
from extractor.read.page import Page
from extractor.read.pdf import read_pdf
from extractor.template import COPENHAGEN, TEMPLATES, detect

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed_three_proposals.txt"
PDF = ROOT / "samples" / "forloebsprogram.pdf"

VARIANT = dataclasses.replace(
    COPENHAGEN, name="variant", economy_table=7, follow_up_table=8, approval_table=9,
    hearing_tables=(9, 10), permanent_group=r"Faste\s+ændringer",
    implementation_group=r"Engangsudgifter")
NUMBERS = {"1": "7", "2": "8", "3": "13", "4": "9", "5": "11", "6": "10"}
WORDS = {"Varige": "Faste", "Implementeringsomkostninger": "Engangsudgifter"}
BOTH = (COPENHAGEN, VARIANT)


def _variant_text(text: str) -> str:
    text = regex.sub(r"\bTabel (\d)\b", lambda m: f"Tabel {NUMBERS[m.group(1)]}", text)
    text = regex.sub(r"\bVarige(\s+)ændringer", r"Faste\1ændringer", text)
    return text.replace("Implementeringsomkostninger", "Engangsudgifter")


def _variant_pages(pages: list[Page]) -> list[Page]:
    """The same pages with the variant's words: word for word, positions unchanged."""
    for page in pages:
        words = page.words
        for i, w in enumerate(words):
            text = WORDS.get(w.text, w.text)
            if i and words[i - 1].text == "Tabel" and (m := regex.match(r"^(\d)(\.?)$", w.text)):
                text = NUMBERS[m.group(1)] + m.group(2)
            words[i] = dataclasses.replace(w, text=text)
    return pages


def _same_reading(variant: Proposal, original: Proposal) -> None:
    """What the variant template read equals what Copenhagen read from the original."""
    assert variant.economy == original.economy
    assert variant.cost_items == original.cost_items
    assert [s.number for s in variant.sections] == [s.number for s in original.sections]
    renumbered = {4: 9, 6: 10}
    assert [(h.table, h.body, h.answer, h.date) for h in variant.hearings] == [
        (renumbered[h.table], h.body, h.answer, h.date) for h in original.hearings]
    assert (variant.risk, variant.innovation_proposal, variant.summary, variant.department) == (
        original.risk, original.innovation_proposal, original.summary, original.department)

    def rules(p: Proposal, words: Callable[[str], str]) -> list[tuple[str, str, int | None]]:
        return sorted((f.rule, words(f.location.row or ""), f.location.year) for f in p.findings)

    assert rules(variant, str) == rules(original, _variant_text)  # a leftover quotes its line


@pytest.fixture(scope="module")
def seed_variant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("variant") / "variant.txt"
    path.write_text(_variant_text(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_detection_picks_the_template_the_document_follows(seed_variant: Path) -> None:
    original = SEED.read_text(encoding="utf-8").splitlines()
    variant = seed_variant.read_text(encoding="utf-8").splitlines()
    assert detect(original, BOTH) is COPENHAGEN
    assert detect(variant, BOTH) is VARIANT
    assert detect(["nothing of a proposal"], BOTH) is COPENHAGEN  # the first, on a tie
    assert TEMPLATES[0] is COPENHAGEN


def test_a_variant_template_reads_renumbered_renamed_text(seed_variant: Path) -> None:
    original = extract_file(SEED)
    variant = extract_file(seed_variant, templates=BOTH)
    assert variant.status == "ok" and len(variant.proposals) == len(original.proposals) == 3
    for mine, theirs in zip(variant.proposals, original.proposals, strict=True):
        _same_reading(mine, theirs)
        assert any(f.rule == "follow_up.not_read" for f in mine.findings)  # Tabel 8 seen


def test_the_template_matters(seed_variant: Path) -> None:
    """Read with Copenhagen alone, the variant has no Tabel 1 and no cost groups."""
    [first, *_] = extract_file(seed_variant, templates=(COPENHAGEN,)).proposals
    assert first.economy is None and first.cost_items == [] and first.hearings == []


def test_a_variant_template_reads_renumbered_renamed_pdf_words(
        monkeypatch: pytest.MonkeyPatch, samples: dict[str, DocumentResult]) -> None:
    monkeypatch.setattr(extractor.api, "_read_pdf",
                        lambda path, reader: _variant_pages(read_pdf(path)))
    variant = extract_file(PDF, PDF.name, templates=BOTH)
    [mine] = variant.proposals
    [theirs] = samples[PDF.stem].proposals
    _same_reading(mine, theirs)
    assert [(g.group, g.goal) for g in mine.follow_up] == [
        (g.group, g.goal) for g in theirs.follow_up]


def test_the_year_pattern_takes_years_and_nothing_else() -> None:
    year = COPENHAGEN.year_word
    words = ["2026", "1999", "2100", "1899", "20271", "2.027", "27", "år"]
    assert [w for w in words if year.match(w)] == ["2026", "1999"]


def test_every_pattern_compiles_and_is_built_once() -> None:
    names = [n for n, v in vars(type(COPENHAGEN)).items() if type(v).__name__ == "_Pattern"]
    assert len(names) > 30
    for name in names:
        assert getattr(COPENHAGEN, name) is getattr(COPENHAGEN, name)
