"""Reading .txt files: encodings, errors, page furniture, segmenting by template patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.api import extract_file
from extractor.cli import main
from extractor.read.text import furniture_lines, text_to_pages
from extractor.run.inputs import expand_inputs
from extractor.segment.layout import all_lines
from extractor.segment.text import segment_text

ROOT = Path(__file__).resolve().parent.parent
SEED_COPY = ROOT / "tests" / "data" / "seed_three_proposals.txt"

MINIMAL = """\
Et lille forslag om
bedre cykelstier
Kort resumé: Forvaltningen vil bygge cykelstier og spare på vedligehold af ve-
jene.
Fremstillende
forvaltning:
Teknik- og Miljøforvaltningen
1. Beskrivelse af forslag (fremgangsmåde og effekt)
Forslaget har to dele:
1. Øge antallet af cykelstier i hele byen.
2. Udvide vedligeholdet med fokus på mere hjælp og vi-
dere indsatser.
 Overførselssagen 2025-2026 2/3
 Investeringsforslag
2. Økonomi
Effektiviseringen er på 1,0 mio. kr. ved fuld indfasning.
Overførselssagen 2025-2026
4. Risikovurdering
Forslagets samlede risiko vurderes som lav.
"""


def _write(tmp_path: Path, data: bytes, name: str = "forslag.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_minimal_proposal(tmp_path: Path) -> None:
    result = extract_file(_write(tmp_path, MINIMAL.encode()))
    assert (result.status, result.pages) == ("ok", None)
    [p] = result.proposals
    assert p.title == "Et lille forslag om bedre cykelstier"
    assert p.summary == "Forvaltningen vil bygge cykelstier og spare på vedligehold af vejene."
    assert p.department == "Teknik- og Miljøforvaltningen"
    assert (p.case, p.document_type) == ("Overførselssagen 2025-2026", "Investeringsforslag")
    assert [(s.number, s.title) for s in p.sections] == [
        ("1", "Beskrivelse af forslag (fremgangsmåde og effekt)"), ("2", "Økonomi"),
        ("4", "Risikovurdering")]
    assert "2. Udvide vedligeholdet med fokus på mere hjælp og videre indsatser." in (
        p.sections[0].text)
    assert "Overførselssagen" not in p.sections[1].text
    assert p.risk is not None and p.risk.level == "lav"
    assert p.pages is None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    result = extract_file(_write(tmp_path, MINIMAL.encode(encoding)))
    assert result.status == "ok"
    assert result.proposals[0].department == "Teknik- og Miljøforvaltningen"
    assert result.proposals[0].summary.startswith("Forvaltningen vil")


def test_windows_line_ends(tmp_path: Path) -> None:
    result = extract_file(_write(tmp_path, MINIMAL.replace("\n", "\r\n").encode()))
    assert result.proposals[0].title == "Et lille forslag om bedre cykelstier"


@pytest.mark.parametrize(("data", "code"), [
    (b"", "not_a_proposal"),
    (b"   \n\n  \n", "not_a_proposal"),
    ("Et referat uden skabelon.\nIntet resumé her.\n".encode(), "not_a_proposal"),
    (b"%PDF-1.7\n\x00\x01\x02\x03binary", "corrupt"),  # a PDF's bytes: read as a PDF
    (b"PK\x03\x04\x00\x00binary", "not_pdf"),
    (bytes(range(1, 9)) * 100, "not_pdf"),
])
def test_unreadable_text_files(tmp_path: Path, data: bytes, code: str) -> None:
    result = extract_file(_write(tmp_path, data))
    assert result.status == "error"
    assert result.error is not None and result.error.code == code
    assert "forslag.txt" in result.error.message
    assert result.proposals == []


def test_missing_text_file(tmp_path: Path) -> None:
    result = extract_file(tmp_path / "findes_ikke.txt")
    assert result.error is not None and result.error.code == "not_found"


def test_folders_include_text_files(tmp_path: Path) -> None:
    _write(tmp_path, MINIMAL.encode(), "b.txt")
    _write(tmp_path, b"x", "c.csv")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", MINIMAL.encode(), "a.TXT")
    assert [p.name for p, _ in expand_inputs([str(tmp_path)])] == ["b.txt", "a.TXT"]


def test_cli_extract_text_and_exit_code(tmp_path: Path) -> None:
    good = _write(tmp_path, MINIMAL.encode(), "god.txt")
    bad = _write(tmp_path, b"", "tom.txt")
    out = tmp_path / "r.json"
    assert main(["extract", str(good), "-o", str(out)]) == 0
    assert main(["extract", str(good), str(bad), "-o", str(out)]) == 3


def test_furniture_lines_of_the_seed() -> None:
    raw = SEED_COPY.read_text(encoding="utf-8").split("\n")
    removed = sorted({" ".join(raw[i].split()) for i in furniture_lines(raw)})
    assert removed == ["Investeringsforslag", "Overførselssagen 2025-2026",
                       "Overførselssagen 2025-2026 4/7"]


def test_seed_segments_into_three_proposals_with_sections_in_order() -> None:
    layouts = segment_text(text_to_pages(SEED_COPY.read_text(encoding="utf-8")))
    assert len(layouts) == 3
    for layout in layouts:
        assert [h.number for h in layout.sections()] == ["1", "2", "3", "4", "5", "6"]
        assert [h.number for h in layout.headings if h.kind == "table"] == [
            "1", "2", "4", "5", "6"]
    # "1. Øge kapaciteten …" / "2. Udvide tilbudsviften …" is a list in section 1, not section 2
    assert layouts[1].sections()[1].title == "Økonomi"


def test_synthetic_positions_keep_file_order() -> None:
    [page] = text_to_pages("a b\n\nc\n")
    lines = all_lines([page])
    assert [ln.text for ln in lines] == ["a b", "c"]
    assert lines[0].top < lines[1].top and page.number == 1


def test_pdf_saved_under_a_txt_name_is_read_as_pdf(tmp_path: Path) -> None:
    renamed = tmp_path / "forslag.txt"
    renamed.write_bytes((ROOT / "samples" / "plejefamilier.pdf").read_bytes())
    result = extract_file(renamed)
    assert (result.status, result.pages) == ("ok", 9)
    assert [p.title for p in result.proposals] == ["Bedre vilkår for plejefamilier"]


def test_a_title_may_end_in_a_year_but_the_previous_proposal_ends_at_its_date() -> None:
    """Two proposals pasted back to back, the second title right under the first one's
    last approval row (as in the seed) and ending in a year."""
    text = ("Et forslag\nKort resumé: Første.\n1. Beskrivelse af forslag\nTekst.\n"
            "Tabel 6. Høring\nØkonomikredsen Ja 12. december 2025\n"
            "Nye skolespor fra\nskoleåret 2027\nKort resumé: Andet.\n")
    layouts = segment_text(text_to_pages(text))
    assert [[ln.text for ln in layout.title_lines] for layout in layouts] == [
        ["Et forslag"], ["Nye skolespor fra", "skoleåret 2027"]]
