"""Every sample PDF against its hand transcription in samples/source/ (the independent truth).

The comparison is one `check_*` function per part over one (proposal, source) pair;
`mismatches` runs them all, with Tabel 1 (test_golden's comparison) and the findings,
for the seeded renderings too (tests/test_renderings.py, tools/render_check.py).

Compared exactly after collapsing runs of spaces: title, case, document type,
department, summary, section numbers and titles, cost items, follow-up rows,
risk level, innovation checkbox and hearings. The bundle holds the three real
proposals in order. Where de-hyphenation cannot know the printed word (the
document never writes it whole), the exception is listed in HYPHEN_EXCEPTIONS.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import regex

from extractor.api import extract_file
from extractor.models import DocumentResult, Proposal
from extractor.numbers import parse_danish_date
from extractor.read.text_lines import collapse_spaces

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCES = SAMPLES / "source"
BUNDLE = {"bundle_overfoerselssagen": ["forloebsprogram", "din_sociale_indgang", "plejefamilier"]}

# Per source: (printed text, what the extractor legitimately reads) where a real hyphen
# falls at a line end and the document never writes the word whole elsewhere, so it
# cannot be told from a word-break hyphen (text_lines.join_lines).
HYPHEN_EXCEPTIONS: dict[str, dict[str, str]] = {
    "forloebsprogram": {
        # Tabel 2: "tjek ind-" | "opfølgninger"; only "tjek ind-møde" is written whole.
        "tjek ind-opfølgninger": "tjek indopfølgninger",
    },
}

_RISK_LEVEL = regex.compile(
    r"risiko\w*\s+(?:vurderes\s+som|som)\s+((?:lav|mellem|høj)(?:\s+til\s+(?:lav|mellem|høj))?)\b",
    regex.IGNORECASE)


def _cases() -> list[tuple[Path, list[str]]]:
    cases = []
    for pdf in sorted([*SAMPLES.glob("*.pdf"), *SAMPLES.glob("*.docx")]):
        stems = BUNDLE.get(pdf.stem, [pdf.stem])
        if all((SOURCES / f"{s}.json").is_file() for s in stems):
            cases.append((pdf, stems))
    return cases


CASES = _cases()


@pytest.fixture(scope="module", params=CASES, ids=[p.name for p, _ in CASES])
def extracted(request: pytest.FixtureRequest,
              samples: dict[str, DocumentResult]) -> list[tuple[Proposal, dict]]:
    pdf, stems = request.param
    result = samples[pdf.stem] if pdf.suffix == ".pdf" else extract_file(pdf)
    assert result.status == "ok", result.error
    assert len(result.proposals) == len(stems)
    # A Word file has no line ends, so no hyphen exceptions: its "stem" names none.
    key = "{}" if pdf.suffix == ".pdf" else "{}.docx"
    sources = [json.loads((SOURCES / f"{s}.json").read_text(encoding="utf-8"))
               | {"stem": key.format(s)} for s in stems]
    return list(zip(result.proposals, sources, strict=True))


def norm(text: str | None, stem: str = "") -> str | None:
    if text is None:
        return None
    text = collapse_spaces(text)
    for printed, read in HYPHEN_EXCEPTIONS.get(stem, {}).items():
        text = text.replace(printed, read)
    return text


def check_identity(proposal: Proposal, source: dict) -> None:
    assert proposal.title == norm(source["title"])
    assert proposal.case == norm(source["case"])
    assert proposal.document_type == norm(source["document_type"])
    assert proposal.department == norm(source["department"])
    assert proposal.summary == norm(source["summary"])


def check_sections(proposal: Proposal, source: dict) -> None:
    expected = [(b["number"], norm(b["title"])) for b in source["blocks"]
                if b["type"] == "section"]
    assert [(s.number, s.title) for s in proposal.sections] == expected


def _block_paragraphs(block: dict) -> list[str]:
    if block["type"] == "paragraph":
        return [block["text"]]
    marker = block.get("marker")
    if block["type"] == "bullets":
        return [f"{marker or '•'} {item}" for item in block["items"]]
    if block["type"] == "numbered":
        return [f"{marker or f'{i}.'} {item}" for i, item in enumerate(block["items"], start=1)]
    return []


def expected_cost_items(source: dict) -> list[dict]:
    """Each cost item with the paragraphs that follow it up to the next heading or table."""
    items: list[dict] = []
    current: dict | None = None
    stem = source.get("stem", "")
    for block in source["blocks"]:
        if block["type"] == "cost_item":
            current = {"group": block["group"], "title": norm(block["title"], stem),
                       "amount_text": norm(block["amount_text"], stem),
                       "text": [block["text"]] if block["text"] else []}
            items.append(current)
        elif block["type"] == "page_break":
            continue
        elif current is not None and block["type"] in ("paragraph", "bullets", "numbered"):
            current["text"] += _block_paragraphs(block)
        else:
            current = None
    for item in items:
        item["text"] = "\n".join(norm(t, stem) for t in item["text"])
    return items


def _first_difference(actual: list, expected: list) -> str:
    """Where two lists part (pytest shows it; tools/render_check.py runs outside pytest)."""
    for i, (got, want) in enumerate(zip(actual, expected, strict=False)):
        if got != want:
            if isinstance(got, str) and isinstance(want, str):
                at = next((j for j, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
                          min(len(got), len(want)))
                got, want = got[max(0, at - 60):at + 60], want[max(0, at - 60):at + 60]
            return f"item {i}: got {got!r}, want {want!r}"
    return f"{len(actual)} items, want {len(expected)}"


def check_cost_items(proposal: Proposal, source: dict) -> None:
    actual = [{"group": c.group, "title": c.title, "amount_text": c.amount_text,
               "text": c.text} for c in proposal.cost_items]
    expected = expected_cost_items(source)
    assert actual == expected, _first_difference(actual, expected)
    word = source.get("stem", "").endswith(".docx")  # Word input has no page numbers
    assert all((c.page is None) == word for c in proposal.cost_items)


def check_follow_up(proposal: Proposal, source: dict) -> None:
    expected = []
    for block in source["blocks"]:
        if block["type"] != "follow_up_table":
            continue
        group = None
        stem = source.get("stem", "")
        for row in block["rows"]:
            if "group" in row and "goal" not in row:
                group = norm(row["group"], stem)
                continue
            expected.append({"group": group, "goal": norm(row["goal"], stem),
                             "measure": norm(row.get("measure"), stem) or None,
                             "responsible": norm(row.get("responsible"), stem) or None,
                             "deadline": norm(row.get("deadline"), stem) or None})
    actual = [f.model_dump() for f in proposal.follow_up]
    assert actual == expected, _first_difference(actual, expected)


def check_risk_level(proposal: Proposal, source: dict) -> None:
    blocks = source["blocks"]
    start = next((i for i, b in enumerate(blocks)
                  if b["type"] == "section" and b["number"] == "4"), None)
    if start is None:
        assert proposal.risk is None
        return
    text = " ".join(b.get("text", "") for b in blocks[start + 1:]
                    if b["type"] == "paragraph")
    m = _RISK_LEVEL.search(text)
    assert proposal.risk is not None
    assert proposal.risk.level == (m.group(1).lower() if m else None)


def _expected_innovation(source: dict) -> bool | None:
    block = next((b for b in source["blocks"] if b["type"] == "checkboxes"), None)
    if block is None:
        return None
    options = block["options"]
    checked = [o for o in options if o["checked"]]
    if len(checked) != 1:
        return None
    if checked[0]["label"]:
        return checked[0]["label"].lower() == "ja"
    others = [o for o in options if o is not checked[0] and o["label"]]
    return others[0]["label"].lower() != "ja" if len(options) == 2 and others else None


def check_innovation_proposal(proposal: Proposal, source: dict) -> None:
    assert proposal.innovation_proposal == _expected_innovation(source)


def check_hearings(proposal: Proposal, source: dict) -> None:
    expected = [(b["table"], norm(body), {"Ja": True, "Nej": False}.get(answer.strip()),
                 parse_danish_date(date) if date.strip() else None)
                for b in source["blocks"] if b["type"] == "hearing_table"
                for body, answer, date in b["rows"]]
    actual = [(h.table, h.body, h.answer, h.date) for h in proposal.hearings]
    assert actual == expected


def test_every_real_sample_is_covered() -> None:
    stems = {p.stem for p, _ in CASES}
    for real in ("forloebsprogram", "din_sociale_indgang", "plejefamilier"):
        if (SAMPLES / f"{real}.pdf").is_file():
            assert real in stems


_NOT_RUNNING_TEXT = ("grid", "economy_table", "follow_up_table", "hearing_table", "page_break")


def expected_section_texts(source: dict) -> list[str]:
    """Each section's running text as the source prints it (tables and table captions left out)."""
    stem = source.get("stem", "")
    texts: list[list[str]] = []
    for block in source["blocks"]:
        kind = block["type"]
        if kind == "section":
            texts.append([])
            continue
        if kind == "annex_heading":
            texts.append([])  # the annex belongs to no section
            continue
        if not texts or kind in _NOT_RUNNING_TEXT or kind == "checkboxes":
            continue
        if kind == "caption" and block["text"].startswith("Tabel"):
            continue
        if kind in ("heading", "cost_group", "caption"):
            texts[-1].append(block["text"])
        elif kind == "cost_item":
            texts[-1].append(f"{block['title']}: {block['amount_text']}")
            if block["text"]:
                texts[-1].append(block["text"])
        else:
            texts[-1] += _block_paragraphs(block)
    sections = [b for b in source["blocks"] if b["type"] in ("section", "annex_heading")]
    return ["\n".join(norm(t, stem) for t in paragraphs)
            for block, paragraphs in zip(sections, texts, strict=True)
            if block["type"] == "section"]


def check_section_texts(proposal: Proposal, source: dict) -> None:
    actual, expected = [s.text for s in proposal.sections], expected_section_texts(source)
    assert actual == expected, _first_difference(actual, expected)


SOURCE_CHECKS = (check_identity, check_sections, check_cost_items, check_follow_up,
                 check_risk_level, check_innovation_proposal, check_hearings,
                 check_section_texts)


@pytest.mark.parametrize("check", SOURCE_CHECKS, ids=lambda c: c.__name__[6:])
def test_against_source(extracted: list[tuple[Proposal, dict]],
                        check: Callable[[Proposal, dict], None]) -> None:
    for proposal, source in extracted:
        check(proposal, source)


def check_economy(proposal: Proposal, source: dict) -> None:
    """Every Tabel 1 cell, unit, price level, payback and note (test_golden's comparison)."""
    from test_golden import _extracted_economy, _source_economy

    assert proposal.economy is not None, "Tabel 1 ikke læst"
    expected = _source_economy(source)
    actual = _extracted_economy(proposal.economy.model_dump(mode="json"))
    for want, got in zip(expected["rows"], actual["rows"], strict=False):
        assert got == want, f"row {want['label']!r}"
    assert actual == expected


# Rules whose `row` quotes the printed line the finding stands in: where that line breaks
# is the producer's choice, so only the rule and year must agree.
_ROW_IS_A_PRINTED_LINE = frozenset({"completeness.template_text"})


def finding_keys(findings: list[dict]) -> list[tuple[str, str | None, int | None]]:
    """What must agree between renderings: each finding's rule, row and year."""
    return sorted((f["rule"],
                   None if f["rule"] in _ROW_IS_A_PRINTED_LINE else f["location"]["row"],
                   f["location"]["year"]) for f in findings)


def mismatches(proposal: Proposal, source: dict, golden_findings: list[dict]) -> list[str]:
    """Every way `proposal` differs from its transcription and from the golden findings."""
    problems = []
    for check in (*SOURCE_CHECKS, check_economy):
        try:
            check(proposal, source)
        except AssertionError as error:
            message = " ".join(str(error).split())[:400]
            problems.append(f"{check.__name__[6:]}: {message}")
    found = finding_keys([f.model_dump(mode="json") for f in proposal.findings])
    if found != finding_keys(golden_findings):
        problems.append(f"findings: {found} != {finding_keys(golden_findings)}")
    return problems
