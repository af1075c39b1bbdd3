"""Word proposals made by hand with python-docx, the way other authors fill in the template.

Unlike the sample generator (samples/generator/), these use python-docx's own default
styles: the title in "Title", section headings in "Heading 1" with Word's automatic
numbering (the digits are not in the text) or as plain bold paragraphs with the digits
typed, the Tabel captions in Word's italic "Caption" style (an empty paragraph between
caption and table), tables in "Table Grid", group rows as merged cells (gridSpan), a
Styringsområde cell merged down (vMerge), a label written over two lines, and the
innovation answer as check-box content controls (w14:checkbox), Wingdings symbols or
typed ☒/☐ characters.

`TABLE_1` is what Tabel 1 holds (None = an empty cell); its "Samlet økonomisk
påvirkning" for 2028 is printed wrong on purpose (`WRONG_TOTAL`), the one error
the checks must find.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocumentType
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

YEARS = [2026, 2027, 2028, 2029]
TITLE = "Digital visitation på ældreområdet"
CASE = "Budget 2027"
SUMMARY = ("Sundheds- og Omsorgsforvaltningen vil indføre digital visitation, så færre "
           "visitationsbesøg skal køres. Forslaget kræver en investering på 2,0 mio. kr. "
           "og giver en varig effektivisering på 1,4 mio. kr. fra 2028.")
DEPARTMENT = "Sundheds- og Omsorgsforvaltningen"
SECTIONS = ["Beskrivelse af forslag", "Økonomi", "Implementering og opfølgning",
            "Risikovurdering", "Effektivisering på administration", "Hvem er hørt?"]
WRONG_TOTAL = (2028, -1300)  # printed; the rows above add up to -1.400
# (group, label, steering area, values); "Service" of the first two rows is one merged cell
TABLE_1: list[tuple[str, str, str | None, list[int | None]]] = [
    ("permanent", "Færre visitationsbesøg i hjemmet", "Service", [None, -800, -1500, -1500]),
    ("permanent", "Drift af visitationsplatformen", "Service", [None, 100, 100, 100]),
    ("permanent", "Samlet varig ændring", None, [None, -700, -1400, -1400]),
    ("implementation", "Projektledelse og implementering", "Service", [1200, 800, None, None]),
    ("implementation", "Samlede implementeringsomkostninger", None, [1200, 800, None, None]),
    ("overall", "Samlet økonomisk påvirkning", None, [1200, 100, WRONG_TOTAL[1], -1400]),
]
FOLLOW_UP = [
    ("Implementering og anvendelse af investeringsmidler",
     "Platformen er taget i brug i alle områder", "Andel digitale visitationer",
     "Visitationsenheden", "Juni 2027"),
    ("Realisering af effektiviseringer",
     "Antallet af visitationsbesøg er faldet med 40 pct.", "Ledelsesinformation",
     "Økonomienheden", "December 2028"),
]
HEARINGS = [(4, "Center for Økonomi, Økonomiforvaltningen", True, "14. januar 2026"),
            (6, "MED-udvalg", False, "")]

HeadingMode = Literal["numbering", "bold"]
BoxMode = Literal["content_control", "symbol", "character"]
_W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'


def build(path: Path, headings: HeadingMode = "numbering",
          boxes: BoxMode = "content_control", innovation: bool = True,
          cases: tuple[str, ...] = (CASE,)) -> Path:
    """One proposal per case, each in its own Word section with the case in its header
    (a second proposal restarts the heading numbers, as Word's "Start forfra ved 1")."""
    document = Document()
    for k, case in enumerate(cases):
        section = document.sections[0] if k == 0 else document.add_section()
        _header_footer(section, case)
        _proposal(document, headings, boxes, innovation, restart=k > 0)
    document.save(str(path))
    return path


def _proposal(document: DocumentType, headings: HeadingMode, boxes: BoxMode,
              innovation: bool, restart: bool) -> None:
    document.add_paragraph(TITLE, "Title")
    front = document.add_table(rows=2, cols=2)
    for row, (label, text) in zip(front.rows, (("Kort resumé:", SUMMARY),
                                               ("Fremstillende forvaltning:", DEPARTMENT)),
                                  strict=True):
        row.cells[0].paragraphs[0].add_run(label).bold = True
        row.cells[1].paragraphs[0].add_run(text)
    number = _heading_numbering(document, restart) if headings == "numbering" else None
    for n, title in enumerate(SECTIONS, start=1):
        if number is None:
            document.add_paragraph().add_run(f"{n}. {title}").bold = True
        else:
            heading = document.add_paragraph(style="Heading 1")
            heading.add_run(title).bold = False  # Word 2013's "Overskrift 1" is not bold
            num_pr = heading._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = number
        _section_body(document, n, boxes, innovation)


def _header_footer(section: Section, case: str) -> None:
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.header.paragraphs[0].text = case
    section.header.add_paragraph("Investeringsforslag")
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{case}\tSide ")
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None),
                       ("result", "1"), ("end", None)):
        run = footer.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.text = text
            run._r.append(el)
        elif kind == "result":
            run.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def _heading_numbering(document: DocumentType, restart: bool) -> int:
    """A decimal list "1." … for Heading 1 in the template's numbering part; with `restart`
    another instance of the same list that starts again at 1 (a `w:startOverride`)."""
    numbering = document.part.numbering_part.element
    if not restart:
        numbering.insert(0, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
        return 90
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return 91


def _section_body(document: DocumentType, n: int, boxes: BoxMode, innovation: bool) -> None:
    add = document.add_paragraph
    if n == 1:
        add("Visitationen flyttes fra besøg i hjemmet til en digital platform med video.")
    elif n == 2:
        add().add_run("Varige ændringer (effektivisering og drift)").bold = True
        add().add_run("Færre visitationsbesøg i hjemmet: -1,5 mio. kr. årligt fra 2028").bold = True
        add("Besøgene falder med 40 pct., når platformen er i brug.")
        add().add_run("Drift af visitationsplatformen: 0,1 mio. kr. årligt fra 2027").bold = True
        add("Licens og support.")
        add().add_run("Implementeringsomkostninger (midler fra investeringspuljen)").bold = True
        add().add_run("Projektledelse og implementering: 2,0 mio. kr. i alt").bold = True
        add("Projektledelse i to år.")
        _caption(document, "Tabel 1. Forslagets samlede økonomiske konsekvenser")
        _table_1(document)
        add().add_run("Alle beløb er i 2027 p/l.").font.size = Pt(8)  # small print
    elif n == 3:
        add("Opfølgningen sker halvårligt.")
        _caption(document, "Tabel 2. Opfølgningsmål")
        add()  # an empty paragraph between caption and table
        _table_2(document)
    elif n == 4:
        add("Risikoen vurderes som lav, da platformen allerede bruges i to områder.")
        add().add_run("Administrative bilag til investeringsforslag").bold = True
        add("Forslaget udspringer af et innovationsforslag:")
        for label, checked in (("Ja", innovation), ("Nej", not innovation)):
            _checkbox(add(), checked, label, boxes)
    elif n == 5:
        add("Forslaget har ingen effektivisering på administration.")
    elif n == 6:
        for table, caption in ((4, "Tabel 4. Godkendelse af Center for Økonomi"),
                               (6, "Tabel 6. Høring og inddragelse af kredse og udvalg")):
            _caption(document, caption)
            _hearing_table(document, table)


def _caption(document: DocumentType, text: str) -> None:
    """Word 2013's "Billedtekst" look: italic, not bold (the 2010 template's is bold)."""
    run = document.add_paragraph(style="Caption").add_run(text)
    run.bold, run.italic = False, True


def _table_1(document: DocumentType) -> None:
    table = document.add_table(rows=0, cols=2 + len(YEARS))
    table.style = "Table Grid"
    _row(table, ["1.000 kr. 2027 p/l", "Styringsområde", *map(str, YEARS)], bold=True)
    group = None
    merged_from: object | None = None
    for kind, label, steering, values in TABLE_1:
        if kind != group and kind != "overall":
            text = ("Varige ændringer (effektiviseringer og drift)" if kind == "permanent"
                    else "Implementeringsomkostninger (midler fra investeringspuljen)")
            _merged_row(table, text)
        group = kind
        cells = [label, steering or "", *("" if v is None else f"{v:,}".replace(",", ".")
                                          for v in values)]
        row = _row(table, cells, bold=label.startswith("Samle"))
        if label == "Færre visitationsbesøg i hjemmet":
            # the label over two lines (a line break), the steering area merged down
            paragraph = row.cells[0].paragraphs[0]
            paragraph.clear()
            paragraph.add_run("Færre visitationsbesøg")
            paragraph.add_run().add_break()
            paragraph.add_run("i hjemmet")
            merged_from = row
        elif label == "Drift af visitationsplatformen" and merged_from is not None:
            merged_from.cells[1].merge(row.cells[1])  # type: ignore[attr-defined]
            _clear_continuation(row.cells[1])
    _row(table, ["Tilbagebetalingstid (år)", "", "2", "", "", ""])


def _clear_continuation(cell: object) -> None:
    """python-docx moves the merged text into the first cell; keep only that copy."""
    for paragraph in cell.paragraphs[1:]:  # type: ignore[attr-defined]
        paragraph._p.getparent().remove(paragraph._p)


def _table_2(document: DocumentType) -> None:
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    _row(table, ["Opfølgningsmål", "Hvordan måles opfølgningsmålet?",
                 "Hvem er ansvarlig for opfølgning?", "Hvornår gennemføres opfølgningen?"],
         bold=True)
    for group, *cells in FOLLOW_UP:
        _merged_row(table, group)
        _row(table, cells)


def _hearing_table(document: DocumentType, number: int) -> None:
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    _row(table, ["", "Ja/Nej", "Dato"], bold=True)
    for n, body, answer, date in HEARINGS:
        if n == number:
            _row(table, [body, "Ja" if answer else "Nej", date])


def _row(table: Table, texts: list[str], bold: bool = False) -> object:
    row = table.add_row()
    for cell, text in zip(row.cells, texts, strict=True):
        if text:
            cell.paragraphs[0].add_run(text).bold = bold or None
    return row


def _merged_row(table: Table, text: str) -> None:
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    merged.paragraphs[0].add_run(text).bold = True


def _checkbox(paragraph: Paragraph, checked: bool, label: str, mode: BoxMode) -> None:
    if mode == "character":
        paragraph.add_run(f"{'☒' if checked else '☐'} {label}")
        return
    if mode == "symbol":
        run = paragraph.add_run()
        run._r.append(parse_xml(f'<w:sym {nsdecls("w")} w:font="Wingdings" '
                                f'w:char="{"F0FE" if checked else "F0A8"}"/>'))
    else:
        # Word's check-box content control; the glyph shown is the *unchecked* one on
        # purpose: the state, not the glyph, says whether it is ticked
        sdt = parse_xml(
            f'<w:sdt {nsdecls("w")} {_W14}><w:sdtPr><w14:checkbox>'
            f'<w14:checked w14:val="{1 if checked else 0}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
            '</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r>'
            '</w:sdtContent></w:sdt>')
        paragraph._p.append(sdt)
    paragraph.add_run(f" {label}")
