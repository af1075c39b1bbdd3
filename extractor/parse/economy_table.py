"""Tabel 1 ("Forslagets samlede økonomiske konsekvenser") by geometry.

Columns come from the header row: the year words give one band each, the
"Styringsområde" word starts the steering band, everything left of it is the
label. Rows come from the table's horizontal rules (or line gaps where there
are none). A value belongs to the year whose band holds it; an empty band is
`None`. A token that is not a clean Danish amount, or that straddles two
bands, is never guessed: the cell stays `None` and a finding says so.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from extractor.models import Box, Economy, EconomyRow, Evidence, Finding, Group, Payback
from extractor.numbers import is_table_amount, parse_table_amount
from extractor.parse.economy_gaps import is_trailing_note, split_prose, starts_row, year_words
from extractor.parse.economy_layout import has_amount, label_and_steering, layout_findings
from extractor.parse.economy_rows import (
    group_heading,
    is_payback,
    opens_overall,
    split_footnote,
)
from extractor.parse.economy_rows import payback as payback_row
from extractor.parse.economy_rows import role as row_role
from extractor.parse.table_extent import Extent, table_extents
from extractor.parse.table_grid import (
    Band,
    Row,
    horizontal_rule_ys,
    line_gap,
    rows_between_rules,
    rows_from_gaps,
    vertical_rule_xs,
)
from extractor.read.page import Line, Page, Word, bbox_of
from extractor.read.text_lines import collapse_spaces, join_lines, words_to_lines
from extractor.rules import TABLE_1, finding
from extractor.segment.layout import Region
from extractor.template import Template

_RULE_REACH = 12.0  # pt: a table's frame may sit this far outside its outermost words


@dataclass
class Columns:
    template: Template
    label: Band
    steering: Band
    years: list[tuple[int, Band]]
    text_left: float  # where the header row's text starts and the year headers end:
    text_right: float  # the part of the table that any row-separating rule must cross
    year_right: dict[int, float] = field(default_factory=dict)  # right edge of each year word

    def year_of(self, word: Word) -> int | None:
        return next((y for y, band in self.years if band.has_centre_of(word)), None)

    def aligned_under(self, word: Word, year: int) -> bool:
        """A right-aligned amount wider than its column's share of the header spacing: it
        ends where its year ends and starts right of the previous year's end."""
        right = self.year_right.get(year)
        previous = self.year_right.get(year - 1, self.steering.x1 - 1)
        return right is not None and abs(word.x1 - right) <= 1.5 and word.x0 > previous + 1


@dataclass
class _State:
    group: Group | None = None
    seen_implementation_total: bool = False


def parse_economy_table(
    region: Region, vocabulary: frozenset[str], template: Template
) -> tuple[Economy | None, list[Finding]]:
    """Read Tabel 1 from its region; None when no header row with years is found."""
    economy, findings, _ = read_economy_table(region, vocabulary, template)
    return economy, findings


def read_economy_table(
    region: Region, vocabulary: frozenset[str], template: Template
) -> tuple[Economy | None, list[Finding], list[Extent]]:
    """Tabel 1, its findings and where it stands: the section texts leave those lines out."""
    pages = region.words_by_page()
    if not pages:
        return None, [], []
    found = _find_header(pages, template)
    if found is None:
        return None, [], []
    header_page, header_line, columns = found
    unit, price_level = _unit_and_price_level(pages, header_page, header_line, columns)
    years = [y for y, _ in columns.years]

    per_page: list[tuple[Page, list[Row], list[Word]]] = []
    taken: list[tuple[int, float]] = []  # (page, bottom) of every row read as the table's
    for page, words in pages:
        if page.number < header_page.number:
            continue
        body = [w for w in words
                if page.number > header_page.number or w.top >= header_line.top - 1]
        page_rows, rest = _rows_on_page(page, body, columns)
        taken += [(r.page, r.bottom) for r in page_rows if _is_header_row(r, columns)]
        page_rows = [r for r in page_rows if not _is_header_row(r, columns)]
        table_bottom = max((r.bottom for r in page_rows), default=0.0)
        if page.number > header_page.number and page_rows and page_rows[0].ruled:
            # the rest of a row the page break split, printed above the page's first rule
            above = [w for w in rest if w.bottom <= page_rows[0].top + 1]
            split = Row(page.number, min((w.top for w in above), default=0.0),
                        max((w.bottom for w in above), default=0.0), above, ruled=False)
            if above and not _is_header_row(split, columns):
                page_rows.insert(0, split)
        per_page.append((page, page_rows, [w for w in rest if w.top >= table_bottom - 1]))
    last = max((i for i, (_, page_rows, _) in enumerate(per_page) if page_rows), default=-1)
    rows: list[Row] = []
    note_words: list[tuple[int, Word]] = []
    open_row = False
    for i, (page, page_rows, below) in enumerate(per_page):
        if rows and page_rows and (_continues_previous_row(page_rows[0], columns)
                                   or (open_row and not has_amount(page_rows[0], columns))
                                   or _label_left_behind(rows[-1], page_rows[0], columns)):
            rest_of_row = page_rows.pop(0)
            taken.append((rest_of_row.page, rest_of_row.bottom))
            rows[-1].words += [_moved_below(w, rows[-1]) for w in rest_of_row.words]
        rows += page_rows
        open_row = i < last and bool(below)
        if open_row:
            # The table goes on on a later page: text under its last rule here is a row the
            # page break split before its closing rule, not a note.
            rows.append(Row(page.number, min(w.top for w in below),
                            max(w.bottom for w in below), list(below)))
        else:
            note_words += [(page.number, w) for w in below]

    while rows and is_trailing_note(rows[-1], columns):
        # A rule-less table: a plain line of text under the last row is a note, also
        # without the "Noter til alle tabeller" lead-in ("Alle effektiviseringer er …").
        note = rows.pop()
        note_words[:0] = [(note.page, w) for w in note.words]
    taken += [(r.page, r.bottom) for r in rows]
    economy_rows, payback, findings = _interpret(rows, columns, years, vocabulary)
    findings[:0] = layout_findings(rows, columns, header_page.number)
    notes = _notes(note_words, vocabulary, template)
    header = Box(page=header_page.number, bbox=bbox_of([header_line]), text=header_line.text)
    economy = Economy(unit=unit, price_level=price_level, years=years, page=header_page.number,
                      header=header, rows=economy_rows, payback=payback, notes=notes)
    return economy, findings, table_extents(pages, taken)


def _find_header(pages: list[tuple[Page, list[Word]]],
                 template: Template) -> tuple[Page, Line, Columns] | None:
    for page, words in pages:
        lines = words_to_lines(words, page.number)
        for i, line in enumerate(lines):
            years = year_words(line, template)
            if len(years) < 3:
                continue
            nearby = [w for ln in lines[max(0, i - 3): i + 4] for w in ln.words]
            columns = _columns(page, years, nearby, line, template)
            if columns is not None:
                return page, line, columns
    return None


def _columns(page: Page, year_words: list[Word], nearby: list[Word], line: Line,
             template: Template) -> Columns | None:
    """Column bands from cell borders where the header row has them, else from the year words.

    Borders that do not give every year a band of its own (a table with only an
    outer frame, say) are ignored in favour of the year words' spacing.
    """
    verticals = vertical_rule_xs(page, 0, page.width, line.top - 2, line.bottom + 2)
    columns = (_columns_from(page, year_words, nearby, verticals, template)
               if verticals else None)
    if columns is None or not _bands_sound(columns, year_words):
        columns = _columns_from(page, year_words, nearby, [], template)
    return columns if _bands_sound(columns, year_words) else None


def _bands_sound(columns: Columns | None, year_words: list[Word]) -> bool:
    if columns is None:
        return False
    bands = [b for _, b in columns.years]
    ordered = all(a.x1 <= b.x0 + 0.5 for a, b in itertools.pairwise(bands))
    return ordered and all(b.encloses(w) for b, w in zip(bands, year_words, strict=True))


def _columns_from(page: Page, year_words: list[Word], nearby: list[Word],
                  verticals: list[float], template: Template) -> Columns | None:
    steer = _steering_header(nearby, template)
    first_year = year_words[0]
    pitch = ((year_words[-1].x_mid - first_year.x_mid) / (len(year_words) - 1))
    left_of_years = first_year.x_mid - pitch / 2
    right_edge = year_words[-1].x_mid + pitch / 2
    if steer:
        steer_x0 = min(w.x0 for w in steer)
        before = [x for x in verticals if x <= steer_x0 + 1]
        steer_left = before[-1] if before else steer_x0 - 3
    else:
        steer_left = left_of_years
    years: list[tuple[int, Band]] = []
    for i, w in enumerate(year_words):
        left = _border_left(verticals, w) if verticals else (
            w.x_mid - pitch / 2 if i else left_of_years)
        right = _border_right(verticals, w) if verticals else w.x_mid + pitch / 2
        if right is None or left is None:
            return None
        years.append((int(w.text), Band(w.text, left, right)))
    if not verticals:
        right_edge = max(right_edge, page.width)
        years[-1] = (years[-1][0], Band(years[-1][1].name, years[-1][1].x0, right_edge))
    steering = Band("steering", steer_left, years[0][1].x0)
    label = Band("label", 0.0, steer_left)
    text_left = min(w.x0 for w in nearby)
    return Columns(template=template, label=label, steering=steering, years=years,
                   text_left=text_left, text_right=year_words[-1].x1,
                   year_right={int(w.text): w.x1 for w in year_words})


def _steering_header(nearby: list[Word], template: Template) -> list[Word]:
    """The "Styringsområde" header word, also hyphenated over lines ("Sty-" "ringsom-" "råde")
    in a narrow column: the lines that start at the same x, joined, read "Styrings…"."""
    prefix = template.steering_header
    for word in nearby:
        if not word.text.lower().startswith(prefix[:3]):
            continue
        column = sorted((w for w in nearby if abs(w.x0 - word.x0) < 1 and w.top >= word.top),
                        key=lambda w: w.top)
        if join_lines([w.text for w in column]).lower().startswith(prefix):
            return [word]
    return []


def _border_left(xs: list[float], w: Word) -> float | None:
    before = [x for x in xs if x <= w.x0 + 1]
    return before[-1] if before else None


def _border_right(xs: list[float], w: Word) -> float | None:
    after = [x for x in xs if x >= w.x1 - 1]
    return after[0] if after else None


def _unit_and_price_level(pages: list[tuple[Page, list[Word]]], header_page: Page,
                          header_line: Line, columns: Columns) -> tuple[str | None, str | None]:
    words = next(ws for p, ws in pages if p.number == header_page.number)
    cell = [w for w in words if columns.label.has_centre_of(w)
            and abs(w.top - header_line.top) < 3 * (header_line.bottom - header_line.top)]
    # (joined as wrapped text: a narrow cell may break "2027 p/" + "l")
    text = join_lines([ln.text for ln in words_to_lines(cell, header_page.number)])
    unit = columns.template.unit_pattern.search(text)
    level = columns.template.price_level_pattern.search(text)
    return (collapse_spaces(unit.group(1)) if unit else None,
            collapse_spaces(level.group(1)) if level else None)


def _rows_on_page(page: Page, words: list[Word], columns: Columns) -> tuple[list[Row], list[Word]]:
    top = min((w.top for w in words), default=0.0) - 2
    bottom = max((w.bottom for w in words), default=0.0) + 2
    ys = horizontal_rule_ys(page, columns.text_left, columns.text_right,
                            top - _RULE_REACH, bottom + _RULE_REACH)
    if len(ys) >= 3:
        return rows_between_rules(page.number, words, ys)
    table_words, rest = split_prose(words, columns, page.number)
    return rows_from_gaps(page.number, table_words, starts_row(columns)), rest


def _is_header_row(row: Row, columns: Columns) -> bool:
    """The header row, also a part of it alone: a repeated two-line header whose first
    line ("1.000 kr.", "Styrings-") has no year words, read as a row of its own."""
    template = columns.template
    if any(len(year_words(ln, template)) >= 3 for ln in row.lines()):
        return True
    if has_amount(row, columns) or not row.words:
        return False
    rest = " ".join(ln.text for ln in row.lines())
    for part in (template.unit_pattern, template.price_level_pattern, template.steering_part):
        rest = part.sub(" ", rest)
    return not rest.strip()


def _interpret(rows: list[Row], columns: Columns, years: list[int],
               vocabulary: frozenset[str]) -> tuple[list[EconomyRow], list[Payback], list[Finding]]:
    template = columns.template
    state = _State()
    out: list[EconomyRow] = []
    payback: list[Payback] = []
    findings: list[Finding] = []
    for row in rows:
        label_words, steering_words = label_and_steering(row, columns)
        label = _cell_text(row, label_words, vocabulary)
        steering = _cell_text(row, steering_words, vocabulary) or None
        value_words = [w for w in row.words if not columns.label.has_centre_of(w)
                       and not columns.steering.has_centre_of(w)]
        if not label and not steering and not value_words:
            if state.group == "implementation" and state.seen_implementation_total:
                state.group = "overall"
            continue
        if is_payback(template, label):
            payback.append(_payback(template, label,
                                    [*steering_words, *value_words], row.page))
            continue
        if not any(is_table_amount(w.text) for w in value_words):
            # group rows span every column
            heading = group_heading(template, _cell_text(row, row.words, vocabulary))
            if heading is not None:
                state.group = heading
                continue
        if opens_overall(template, label):
            state.group = "overall"
        group: Group = state.group or "permanent"
        label, footnote = split_footnote(label)
        role = row_role(template, label)
        if group == "implementation" and role == "total":
            state.seen_implementation_total = True
        values, cells, cell_findings = _values(row, label, value_words, columns, years)
        findings += cell_findings
        out.append(EconomyRow(group=group, label=label, steering_area=steering, role=role,
                              footnote=footnote, values=values, page=row.page, cells=cells))
    return out, payback, findings


def _cell_text(row: Row, words: list[Word], vocabulary: frozenset[str]) -> str:
    return join_lines([ln.text for ln in words_to_lines(words, row.page)], vocabulary)


def _values(row: Row, label: str, words: list[Word], columns: Columns,
            years: list[int]) -> tuple[dict[str, int | None], dict[str, Box], list[Finding]]:
    cells: dict[int, list[Word]] = {y: [] for y in years}
    findings: list[Finding] = []
    for w in words:
        year = columns.year_of(w)
        band = dict(columns.years).get(year) if year is not None else None
        if band is None or not (band.encloses(w) or columns.aligned_under(w, year)):
            findings.append(_unreadable(row, label, year, [w], "står uden for årskolonnerne"))
            if year is not None:
                cells[year].append(w)  # poison the cell so it is not read as a clean value
                cells[year].append(Word("?", w.x0, w.x1, w.top, w.bottom))
            continue
        cells[year].append(w)
    values: dict[str, int | None] = {}
    boxes: dict[str, Box] = {}
    for year in years:
        cell = cells[year]
        text = _amount_text(cell, row.page)
        if not cell:
            values[str(year)] = None
        elif is_table_amount(text):
            values[str(year)] = parse_table_amount(text)
            boxes[str(year)] = Box(page=row.page, bbox=bbox_of(cell), text=text)
        else:
            values[str(year)] = None
            if "?" not in text:
                findings.append(_unreadable(row, label, year, cell, "er ikke et beløb"))
    return values, boxes, findings


def _amount_text(cell: list[Word], page: int) -> str:
    """A cell's text in reading order; a sign wrapped onto its own line joins its number.

    Any other multi-token cell is returned with spaces, so it fails the strict
    amount check instead of being glued into a different number.
    """
    tokens = [w.text for ln in words_to_lines(cell, page) for w in ln.words]
    if len(tokens) == 2 and tokens[0] in ("-", "−", "–"):
        return tokens[0] + tokens[1]
    return " ".join(tokens)


def _unreadable(row: Row, label: str, year: int | None, words: list[Word], why: str) -> Finding:
    text = _amount_text(words, row.page)
    return finding("economy.unreadable_cell",
                   f"Tabel 1, rækken '{label}'{f' {year}' if year else ''}: "
                   f"'{text}' {why}; cellen kunne ikke læses og er sat til tom.",
                   page=row.page, table=TABLE_1, row=label, year=year,
                   evidence=[Evidence(page=row.page, bbox=bbox_of(words), text=text)])


def _payback(template: Template, label: str, words: list[Word], page: int) -> Payback:
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    stated = payback_row(template, label, collapse_spaces(" ".join(w.text for w in ordered)))
    if not words:
        return stated
    return stated.model_copy(update={"page": page, "bbox": bbox_of(words)})


def _notes(words: list[tuple[int, Word]], vocabulary: frozenset[str],
           template: Template) -> list[str]:
    """The notes under the table, one string per paragraph."""
    paragraphs: list[list[str]] = []
    previous: Line | None = None
    right_margin = max((w.x1 for _, w in words), default=0.0)
    for number in sorted({n for n, _ in words}):
        for line in words_to_lines([w for n, w in words if n == number], number):
            height = line.bottom - line.top
            new = (previous is None or line.page != previous.page
                   or line_gap(line, previous) > 0.6 * height
                   or template.notes.match(line.text)
                   or (previous.text.rstrip().endswith(".") and line.text[:1].isupper()
                       and previous.x1 < right_margin - 40))
            if new:
                paragraphs.append([])
            paragraphs[-1].append(line.text)
            previous = line
    return [join_lines(p, vocabulary) for p in paragraphs if p]


def _continues_previous_row(row: Row, columns: Columns) -> bool:
    """A row the page break split: only label text, not starting with a capital letter
    (a label starts with one; its rest may start "§107 på psykiatri" or in lower case)."""
    label = _label_only(row, columns)
    return bool(label) and not label[0].text[:1].isupper()


def _label_left_behind(previous: Row, row: Row, columns: Columns) -> bool:
    """A row the page break split with its whole label on the next page: the page ends
    with amounts under no label, the next starts with a label and nothing else (a group
    heading aside). WeasyPrint moves a label cell that does not fit so."""
    if (any(columns.label.has_centre_of(w) for w in previous.words)
            or not has_amount(previous, columns)):
        return False
    label = _label_only(row, columns)
    return (bool(label)
            and group_heading(columns.template, " ".join(w.text for w in label)) is None)


def _label_only(row: Row, columns: Columns) -> list[Word]:
    """The row's words when all of them stand in the label column, else none."""
    label = [w for w in row.words if columns.label.has_centre_of(w)]
    return label if len(label) == len(row.words) else []


def _moved_below(word: Word, row: Row) -> Word:
    """Place a continuation word under the row's own lines so lines keep reading order."""
    shift = row.bottom + 1
    return Word(word.text, word.x0, word.x1, word.top + shift, word.bottom + shift,
                word.bold, word.size)
