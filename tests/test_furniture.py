from __future__ import annotations

from extractor.read.page import Page, Word
from extractor.segment.furniture import remove_furniture


def _word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0=x0, x1=x0 + 5 * len(text), top=top, bottom=top + 9)


def _page(number: int, total: int, body: str, header: bool = True) -> Page:
    words = [_word(t, 70 + 60 * i, 400) for i, t in enumerate(body.split())]
    if header:
        words += [_word("Overførselssagen", 400, 20), _word("2025-2026", 485, 20),
                  _word("Investeringsforslag", 420, 32)]
    words += [_word(f"{number}/{total}", 500, 810)]
    return Page(number=number, width=595, height=842, words=words)


def test_repeating_header_and_page_numbers_are_removed_and_kept_apart() -> None:
    pages = [_page(n, 3, f"brødtekst side {n}") for n in (1, 2, 3)]
    remove_furniture(pages)
    for page in pages:
        assert [w.text for w in page.words] == ["brødtekst", "side", str(page.number)]
        assert {ln.text for ln in page.furniture} == {
            "Overførselssagen 2025-2026", "Investeringsforslag", f"{page.number}/3"}


def test_body_text_in_the_margin_band_is_kept_when_it_does_not_repeat() -> None:
    pages = [_page(1, 2, "første"), _page(2, 2, "anden")]
    pages[0].words.append(_word("Enestående", 70, 50))  # top band, but once only
    remove_furniture(pages)
    assert "Enestående" in [w.text for w in pages[0].words]


def test_single_page_keeps_everything_but_the_page_number() -> None:
    pages = [_page(1, 1, "kun en side")]
    remove_furniture(pages)
    assert [w.text for w in pages[0].words] == [
        "kun", "en", "side", "Overførselssagen", "2025-2026", "Investeringsforslag"]


def test_a_caption_repeated_at_the_same_place_is_never_furniture() -> None:
    """A bundle whose proposals each print "Tabel 1." at a page top keeps every caption."""
    pages = [_page(n, 3, f"brødtekst side {n}") for n in (1, 2, 3)]
    for page in pages:
        page.words += [_word("Tabel", 70, 60), _word("1.", 100, 60), _word("Forslagets", 115, 60)]
    remove_furniture(pages)
    for page in pages:
        assert [w.text for w in page.words][-3:] == ["Tabel", "1.", "Forslagets"]


def test_a_bundle_part_with_a_header_of_its_own_loses_it_too() -> None:
    """40 pages: 36 of one round, 4 in a row of another ("Budget 2027", 10 % of the
    pages); margin text on two pages far apart is no header."""
    pages = [_page(n, 40, f"brødtekst side {n}") for n in range(1, 41)]
    for page in pages[20:24]:
        page.words = [w for w in page.words if w.top > 40]
        page.words += [_word("Budget", 400, 20), _word("2027", 450, 20)]
    for page in (pages[2], pages[30]):
        page.words.append(_word("Fodnote", 70, 790))
    remove_furniture(pages)
    for page in pages[20:24]:
        assert [w.text for w in page.words] == ["brødtekst", "side", str(page.number)]
    assert "Fodnote" in [w.text for w in pages[2].words]
    assert "Fodnote" in [w.text for w in pages[30].words]


def test_a_table_header_repeated_at_the_top_of_nearby_pages_stays_where_its_caption_is() -> None:
    """Tabel 1 starts under its caption near a page top and repeats its header row at
    the top of the next two pages: a header row with years is never a page header (the
    table parser skips the repeats; a removed first line would leave the rest a row)."""
    pages = [_page(n, 40, f"brødtekst side {n}") for n in range(1, 41)]
    header = [("1.000", 70), ("kr.", 100), ("2026", 300), ("2027", 350), ("2028", 400)]
    pages[10].words += [_word("Tabel", 70, 45), _word("1.", 100, 45)]
    pages[10].words += [_word(t, x, 60) for t, x in header]
    pages[11].words += [_word(t, x, 45) for t, x in header]
    pages[12].words += [_word(t, x, 45) for t, x in header]
    remove_furniture(pages)
    assert [w.text for w in pages[10].words if w.top == 60] == [t for t, _ in header]
    for page in pages[11:13]:  # repeated at the page edge on two pages in a row: still a
        assert [w.text for w in page.words if w.top == 45] == [t for t, _ in header]  # row


def test_a_group_heading_at_the_top_of_two_pages_in_a_row_stays_text() -> None:
    """Section 2's sub-heading tops one page, Tabel 1's group row the next."""
    pages = [_page(n, 40, f"brødtekst side {n}") for n in range(1, 41)]
    for page in pages[14:16]:
        page.words += [_word("Implementeringsomkostninger", 70, 45), _word("(midler", 220, 45),
                       _word("fra", 260, 45), _word("investeringspuljen)", 280, 45)]
    remove_furniture(pages)
    for page in pages[14:16]:
        assert "Implementeringsomkostninger" in [w.text for w in page.words]
