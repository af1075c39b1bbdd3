"""Tabel 1 from plain text: rows by reading order, year columns by the column solver.

The text of a table row is its label (wrapping over lines, de-hyphenated), the
Styringsområde word, then the row's numbers; empty cells are simply missing. So:
- the years come from the first line after the caption with two or more year
  numbers ("Styringsområde 2026 2027 …", also after a wrapped "Styringsom-" / "råde");
  unit ("1.000 kr.") and price level ("2027 p/l") from the lines above it;
- a row ends on a line that ends in table amounts ("-5.090 -10.180"); lines before
  it without trailing amounts are its label; amounts after "§", or on a line followed
  by a line "<Styringsområde> <amounts>", are label text ("… for" / "§ 85" / "Service
  -3.000 …"); a label line ending in a steering
  area with no amounts after it, followed by a line that does not start with
  amounts, is a row with every cell empty;
- the Styringsområde is the last word before the numbers when it is a known area
  written with a capital ("Service", "Overførsler", "Anlæg"); "…, service" in lower
  case belongs to the label, as printed;
- group headings ("Varige ændringer …", "Implementeringsomkostninger …") set the
  group; "Samlet økonomisk påvirkning" and the rows after it are "overall";
  "Tilbagebetalingstid …" rows are paybacks; the notes start at a line "Noter …",
  "*…" or "Alle effektiviseringer …" after the rows, and each such line starts a note.
Then `column_solver.solve_columns` places each row's numbers in its years. A row with
more numbers than years keeps empty cells and gets `economy.unreadable_cell`; a row
whose placements tie gets empty cells and `economy.ambiguous_columns`.

Whitespace is not used: text pasted from other systems keeps no reliable column
spacing, so runs of spaces are not read as empty cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.models import Economy, EconomyRow, Finding, Group, Payback
from extractor.numbers import is_table_amount, parse_table_amount
from extractor.parse.economy_rows import (
    group_heading,
    is_payback,
    opens_overall,
    split_footnote,
)
from extractor.parse.economy_rows import payback as payback_row
from extractor.parse.economy_rows import role as row_role
from extractor.parse.text.column_solver import (
    Placement,
    TextRow,
    is_contiguous,
    placed_values,
    solve_columns,
)
from extractor.read.page import Line
from extractor.read.text_lines import collapse_spaces, join_lines
from extractor.rules import TABLE_1, finding
from extractor.template import COPENHAGEN, Template


@dataclass
class _Reading:
    template: Template
    group: Group | None = None
    label_lines: list[str] = field(default_factory=list)
    rows: list[TextRow] = field(default_factory=list)
    payback: list[Payback] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)


def parse_economy_text(lines: list[Line], vocabulary: frozenset[str],
                       template: Template = COPENHAGEN) -> tuple[Economy | None, list[Finding]]:
    """Tabel 1 from the lines after its caption (the caption line included or not)."""
    caption = template.caption_of(template.economy_table)
    texts = [collapse_spaces(ln.text) for ln in lines]
    texts = [t for t in texts if t and not caption.match(t)]
    header = next((i for i, t in enumerate(texts) if len(_years(t, template)) >= 2), None)
    if header is None:
        return None, []
    years = _years(texts[header], template)
    above = " ".join(texts[:header + 1])
    unit = m.group(1) if (m := template.unit_pattern.search(above)) else None
    price_level = m.group(1) if (m := template.price_level_pattern.search(above)) else None
    reading = _Reading(template)
    body = texts[header + 1:]
    for n, text in enumerate(body):
        if reading.notes or (not reading.label_lines and reading.rows
                             and template.notes.match(text)):
            _add_note(reading.notes, text, template)
            continue
        _read_line(reading, text, body[n + 1] if n + 1 < len(body) else None,
                   len(years), vocabulary)
    if reading.label_lines:
        _add_row(reading, reading.label_lines, [], len(years), vocabulary)
    rows, findings = _place(reading.rows, years, template)
    economy = Economy(unit=unit, price_level=price_level, years=years, page=None, rows=rows,
                      payback=reading.payback,
                      notes=[join_lines(p, vocabulary) for p in reading.notes])
    return economy, [*reading.findings, *findings]


def _years(text: str, template: Template) -> list[int]:
    """The year columns named in a header line; "2027 p/l" is the price level, not a year."""
    return [int(w) for w in template.price_level_pattern.sub(" ", text).split()
            if template.year_word.match(w)]


def _read_line(reading: _Reading, text: str, following: str | None, n_years: int,
               vocabulary: frozenset[str]) -> None:
    words = text.split()
    k = len(words)
    while k > 0 and is_table_amount(words[k - 1]):
        k -= 1
    numbers = words[k:]
    label_part = " ".join(words[:k])
    areas = reading.template.steering_areas
    if numbers and (words[k - 1:k] in (["§"], ["§§"]) or _row_follows(following, areas)):
        numbers = []  # "(§" / "82)" or "§ 85": a paragraph number ending a label line
    if not numbers:
        if not reading.label_lines and _group_heading(reading, text):
            return
        reading.label_lines.append(text)
        if words[-1] in areas and following is not None and not _starts_with_amount(following):
            _add_row(reading, reading.label_lines, [], n_years, vocabulary)
        return
    _add_row(reading, [*reading.label_lines, label_part], numbers, n_years, vocabulary)


def _row_follows(following: str | None, areas: tuple[str, ...]) -> bool:
    """True when the next line is a steering area with amounts: the row is not done yet."""
    words = (following or "").split()
    return len(words) >= 2 and words[0] in areas and is_table_amount(words[1])


def _group_heading(reading: _Reading, text: str) -> bool:
    group = group_heading(reading.template, text)
    if group is not None:
        reading.group = group
    return group is not None


def _starts_with_amount(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return is_table_amount(first)


def _add_row(reading: _Reading, label_lines: list[str], numbers: list[str], n_years: int,
             vocabulary: frozenset[str]) -> None:
    reading.label_lines = []
    template = reading.template
    label = join_lines([t for t in label_lines if t], vocabulary)
    if is_payback(template, label):
        reading.payback.append(payback_row(template, label, " ".join(numbers)))
        return
    steering = None
    head, _, last = label.rpartition(" ")
    if last in template.steering_areas and head and not head.endswith(","):
        label, steering = head, last
    if opens_overall(template, label):
        reading.group = "overall"
    label, footnote = split_footnote(label)
    group: Group = reading.group or "permanent"
    row = EconomyRow(group=group, label=label, steering_area=steering,
                     role=row_role(template, label), footnote=footnote, values={}, page=None)
    values = [parse_table_amount(w) for w in numbers]
    if len(values) > n_years:
        reading.findings.append(finding(
            "economy.unreadable_cell",
            f"Tabel 1, rækken '{label}': {len(values)} beløb til {n_years} år; "
            "rækkens celler kunne ikke placeres og er sat til tomme.",
            table=TABLE_1, row=label))
    reading.rows.append(TextRow(row, values))


def _add_note(notes: list[list[str]], text: str, template: Template) -> None:
    if not notes or template.notes.match(text):
        notes.append([])
    notes[-1].append(text)


def _place(text_rows: list[TextRow], years: list[int],
           template: Template) -> tuple[list[EconomyRow], list[Finding]]:
    solution = solve_columns(text_rows, years, template)
    rows: list[EconomyRow] = []
    findings: list[Finding] = []
    for i, text_row in enumerate(text_rows):
        placement = solution.placements.get(i)
        if placement is not None:
            values = placed_values(text_row.numbers, placement, years)
        else:
            values = {str(y): None for y in years}
        if i in solution.ambiguous:
            findings.append(_ambiguous(text_row, solution.ambiguous[i], years))
        rows.append(text_row.row.model_copy(update={"values": values}))
    return rows, findings


def _ambiguous(text_row: TextRow, placements: list[Placement], years: list[int]) -> Finding:
    k = len(text_row.numbers)
    spans = [f"{years[p[0]]}-{years[p[-1]]}" if k > 1 and is_contiguous(p)
             else "/".join(str(years[c]) for c in p) for p in placements]
    label = text_row.row.label
    return finding(
        "economy.ambiguous_columns",
        f"Tabel 1, rækken '{label}': teksten har {k} beløb til {len(years)} år, og totalerne "
        f"passer lige godt med flere placeringer ({', '.join(spans)}); cellerne er sat til "
        "tomme. Se den originale tabel.",
        table=TABLE_1, row=label)
