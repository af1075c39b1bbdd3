"""Render a source (SOURCE_FORMAT.md) as HTML + CSS and print it with headless Chromium.

Chromium lays the text out itself (justified, hyphenated only at the Danish hyphenation
points marked with soft hyphens, printing the variation's hyphen character), repeats a
`<thead>` on every page of a table, may split a row over a page break, and prints the
page header and footer from CSS page-margin boxes ("n/N" or "Side n af N").
"""

from __future__ import annotations

import html
import os
import subprocess
from pathlib import Path
from typing import Any

from hyphenate import with_soft_hyphens
from render_reportlab import economy_widths
from variation import Variation, format_amount, header_lines

CHROMIUM = ("chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer")


def _text(text: str, hyphenate: bool = True) -> str:
    """Escaped text: hyphenation points as soft hyphens, a word with a real hyphen never
    broken. (Chromium prints each soft hyphen it does not break at as a zero-width space;
    the reader drops those, extractor/read/pdf.py.)"""
    out = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            if "-" in word.strip("-"):
                words.append(f'<span class="nb">{html.escape(word)}</span>')
            else:
                escaped = html.escape(with_soft_hyphens(word) if hyphenate else word)
                # a token wider than its cell ('=HYPERLINK("http://x","y")') may break after
                # a slash, as word processors do, rather than run into the next cell
                words.append(escaped.replace("/", "/<wbr>"))
        out.append(" ".join(words))
    return "<br>".join(out)


def _visible(hyphen: str) -> str:
    """Chromium draws nothing for a soft hyphen as `hyphenate-character`: the break would
    not show at all, so the HTML producer prints U+2010 there instead."""
    return "\u2010" if hyphen == "\u00ad" else hyphen


def _css(v: Variation, source: dict[str, Any]) -> str:
    left, right, top, bottom = v.margin_cm
    case = source["case"]
    doc_type = source.get("document_type", "Investeringsforslag")
    lines = header_lines(v, case, doc_type)
    head_size = max(v.table_pt - 0.5, 7.5)
    if v.header_layout == "spaces":
        header = (f'@top-left {{ content: "{case}"; }} '
                  f'@top-right {{ content: "{doc_type}"; }}')
    else:
        content = " '\\A' ".join(f'"{ln}"' for ln in lines)
        box = "@top-right" if v.header_align == "right" else "@top-left"
        header = f"{box} {{ content: {content}; white-space: pre; }}"
    number = ('"Side " counter(page) " af " counter(pages)' if v.footer_layout.startswith("Side")
              else 'counter(page) "/" counter(pages)')
    footer = f"@bottom-right {{ content: {number}; }}"
    if v.footer_case:
        footer += f' @bottom-left {{ content: "{case}"; }}'
    cell_border = {"grid": "0.5pt solid black", "rules": "none", "none": "none"}[v.borders]
    row_border = "none" if v.borders == "none" else "0.5pt solid black"
    split = "auto" if v.split_rows else "avoid"
    return f"""
@page {{ size: A4; margin: {top}cm {right}cm {bottom}cm {left}cm;
  {header} {footer}
  @top-left {{ font: {head_size}pt '{v.font}'; vertical-align: bottom; }}
  @top-right {{ font: {head_size}pt '{v.font}'; vertical-align: bottom; }}
  @bottom-left {{ font: {head_size}pt '{v.font}'; }}
  @bottom-right {{ font: {head_size}pt '{v.font}'; }} }}
body {{ font-family: '{v.font}'; font-size: {v.body_pt}pt; line-height: 1.2; margin: 0;
  font-variant-ligatures: none; hyphens: manual; hyphenate-character: "{_visible(v.hyphen)}"; }}
p {{ margin: 0 0 {v.body_pt * 0.6}pt 0; text-align: justify; }}
p.title {{ font-size: {v.body_pt + 5}pt; font-weight: bold; text-align: left;
  margin-bottom: 14pt; }}
h2, h3 {{ font-size: {v.body_pt + 1}pt; margin: {v.body_pt}pt 0 4pt 0; break-after: avoid; }}
h3, p.caption {{ font-size: {v.body_pt}pt; font-weight: bold; text-align: left;
  margin: 3pt 0 2pt 0; break-after: avoid; }}
p.caption {{ margin: 6pt 0 4pt 0; }}
p.note {{ font-size: {v.note_pt}pt; text-align: left; margin: 0 0 3pt 0; }}
p.item {{ padding-left: 0.63cm; text-indent: -0.63cm; margin-bottom: {v.body_pt * 0.4}pt; }}
span.marker {{ display: inline-block; width: 0.63cm; text-indent: 0; }}
span.nb {{ white-space: nowrap; }}
span.box {{ font-family: 'DejaVu Sans'; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed;
  font-size: {v.table_pt}pt; margin-bottom: 4pt; }}
td, th {{ border-left: {cell_border}; border-right: {cell_border};
  border-top: {row_border}; border-bottom: {row_border};
  padding: {v.padding_pt}pt 2.5pt; vertical-align: top; text-align: left;
  break-inside: {split}; }}
tr {{ break-inside: {split}; }}
th {{ font-weight: bold; }}
th.bottom {{ vertical-align: bottom; }}
.num {{ text-align: right; }}
.b {{ font-weight: bold; }}
table.front td {{ border: none; padding: 0 0 {v.body_pt * 0.8}pt 0; text-align: justify; }}
table.front {{ font-size: {v.body_pt}pt; }}
"""


def _economy(block: dict[str, Any], v: Variation) -> str:
    years = [str(y) for y in block["years"]]
    minus = block.get("minus", "-")
    n = len(years)
    left, right = v.margin_cm[0], v.margin_cm[1]
    width = (21.0 - left - right) / 2.54 * 72
    label, steer, year_w = economy_widths(block, v, width, pad=12.0)
    cols = (f'<col style="width:{label}pt"><col style="width:{steer}pt">'
            + f'<col style="width:{year_w}pt">' * n)
    unit = [p for p in (block.get("unit", "1.000 kr."), block.get("price_level")) if p]
    bottom = ' class="bottom"' if v.two_line_header else ""
    head = ("<tr>" + f"<th>{'<br>'.join(unit) if v.two_line_header else ' '.join(unit)}</th>"
            + f"<th{bottom}>{_text(block.get('steering_header', 'Styringsområde'))}</th>"
            + "".join(f'<th class="num{" bottom" if v.two_line_header else ""}">{y}</th>'
                      for y in years) + "</tr>")
    rows = []
    for row in block["rows"]:
        kind = row["kind"]
        if kind == "group":
            rows.append(f'<tr><td class="b" colspan="{n + 2}">{_text(row["text"])}</td></tr>')
        elif kind == "spacer":
            rows.append("<tr>" + "<td>&nbsp;</td>" * (n + 2) + "</tr>")
        elif kind == "payback":
            value = html.escape(str(row["value"]))
            if v.payback_in_year_column:
                cells = (f"<td>{_text(row['label'])}</td><td></td><td class=\"num\">{value}</td>"
                         + "<td></td>" * (n - 1))
            else:
                cells = f"<td>{_text(row['label'])}</td><td>{value}</td>" + "<td></td>" * n
            rows.append(f"<tr>{cells}</tr>")
        else:
            b = ' class="b"' if row.get("role") == "total" else ""
            nb = ' class="num b"' if b else ' class="num"'
            values = row.get("values", {})
            label_text = row["label"] + (row.get("footnote") or "")
            rows.append(f"<tr><td{b}>{_text(label_text)}</td>"
                        f"<td{b}>{_text(row.get('steering_area') or '')}</td>"
                        + "".join(f"<td{nb}>{format_amount(values.get(y), minus)}</td>"
                                  for y in years) + "</tr>")
    head_html = f"<thead>{head}</thead>" if v.repeat_header else ""
    body_head = "" if v.repeat_header else head
    return (f"<table>{cols}{head_html}<tbody>{body_head}{''.join(rows)}</tbody></table>")


def _table(header: list[str] | None, rows: list[str], widths: list[float],
           repeat: bool) -> str:
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    head = ("<tr>" + "".join(f"<th>{_text(h)}</th>" for h in header) + "</tr>") if header else ""
    if repeat and head:
        return f"<table>{cols}<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    return f"<table>{cols}<tbody>{head}{''.join(rows)}</tbody></table>"


def _block(block: dict[str, Any], v: Variation) -> str:
    kind = block["type"]
    if kind == "section":
        return f"<h2>{_text(block['number'] + '. ' + block['title'], False)}</h2>"
    if kind == "annex_heading":
        return f"<h2>{_text(block['text'], False)}</h2>"
    if kind in ("heading", "cost_group"):
        return f"<h3>{_text(block['text'])}</h3>"
    if kind == "paragraph":
        return f"<p>{_text(block['text'])}</p>"
    if kind in ("bullets", "numbered"):
        out = []
        for i, item in enumerate(block["items"], start=1):
            marker = block.get("marker") or ("•" if kind == "bullets" else f"{i}.")
            out.append(f'<p class="item"><span class="marker">{marker}</span>{_text(item)}</p>')
        return "".join(out)
    if kind == "cost_item":
        head = f"<h3>{_text(block['title'] + ': ' + block['amount_text'])}</h3>"
        return head + (f"<p>{_text(block['text'])}</p>" if block.get("text") else "")
    if kind == "caption":
        return f'<p class="caption">{_text(block["text"])}</p>'
    if kind == "economy_table":
        before = ('<div style="break-before: page"></div>' if v.caption_on_new_page
                  else f'<div style="height:{v.space_before_table_pt}pt"></div>')
        notes = "".join(f'<p class="note">{_text(n)}</p>' for n in block.get("notes", []))
        return (f'{before}<p class="caption">{_text(block["caption"], False)}</p>'
                f"{_economy(block, v)}{notes}<p></p>")
    if kind == "follow_up_table":
        rows = []
        for row in block["rows"]:
            if "goal" not in row:
                rows.append(f'<tr><td class="b" colspan="4">{_text(row["group"])}</td></tr>')
            else:
                rows.append("<tr>" + "".join(
                    f"<td>{_text(row.get(k) or '')}</td>"
                    for k in ("goal", "measure", "responsible", "deadline")) + "</tr>")
        return (f'<p class="caption">{_text(block["caption"], False)}</p>'
                f"{_table(block['header'], rows, [25] * 4, True)}<p></p>")
    if kind == "hearing_table":
        rows = ["<tr>" + "".join(f"<td>{_text(c)}</td>" for c in r) + "</tr>"
                for r in block["rows"]]
        return (f'<p class="caption">{_text(block["caption"], False)}</p>'
                f"{_table(block['header'], rows, [45, 20, 35], False)}<p></p>")
    if kind == "grid":
        table_rows = block["rows"]
        n = max(len(r) for r in table_rows)
        header = table_rows[0] if block.get("header") else None
        body = table_rows[1:] if header else table_rows
        rows = ["<tr>" + "".join(f"<td>{_text(c)}</td>" for c in [*r, *([""] * (n - len(r)))])
                + "</tr>" for r in body]
        return _table([*header, *([""] * (n - len(header)))] if header else None, rows,
                      [100 / n] * n, False) + "<p></p>"
    if kind == "checkboxes":
        out = [f"<p>{_text(block['label'])}</p>"] if block.get("label") else []
        for option in block["options"]:
            box = "☒" if option["checked"] else "☐"
            label = f" {html.escape(option['label'])}" if option.get("label") else ""
            out.append(f'<p style="margin:0"><span class="box">{box}</span>{label}</p>')
        return "".join(out) + "<p></p>"
    if kind == "page_break":
        return '<div style="break-before: page"></div>'
    raise ValueError(f"unknown block type {kind!r}")


def to_html(source: dict[str, Any], v: Variation) -> str:
    front = ('<table class="front"><col style="width:3.9cm"><col>'
             f'<tr><td class="b">Kort resumé:</td><td>{_text(source["summary"])}</td></tr>'
             '<tr><td class="b">Fremstillende forvaltning:</td>'
             f'<td>{_text(source["department"])}</td></tr></table><p></p>')
    body = "".join(_block(b, v) for b in source["blocks"])
    return (f'<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">'
            f"<title>{html.escape(source['title'])}</title><style>{_css(v, source)}</style>"
            f'</head><body><p class="title">{html.escape(source["title"])}</p>'
            f"{front}{body}</body></html>")


def render_html(source: dict[str, Any], v: Variation, path: Path, work: Path,
                printer: str = "chromium") -> None:
    """Print the page with `printer`: headless Chromium, or WeasyPrint (another layout
    engine and PDF writer: `pip install weasyprint`, or its command named by $WEASYPRINT)."""
    page = work / f"{path.stem}.html"
    page.write_text(to_html(source, v), encoding="utf-8")
    if printer == "weasyprint":
        command = [os.environ.get("WEASYPRINT", "weasyprint"), str(page), str(path)]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        return
    profile = work / "chromium-profile"
    command = [*CHROMIUM, f"--user-data-dir={profile}", f"--print-to-pdf={path}",
               page.as_uri()]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    if not path.exists():
        raise RuntimeError(f"chromium wrote no PDF for {page}")
