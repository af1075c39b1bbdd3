"""Results → one self-contained Danish HTML report (`-o rapport.html`), written atomically.

An economist who reads a finding should see the evidence at once. The report holds, in
one file that works offline and can be mailed: an overview (one row per proposal, as the
workbook's first sheet), the round's appendix table for the politicians (the workbook's
"Bilag", one table per case, each proposal once), then per proposal its findings, errors
first, each with a picture of the page region where the wrong value is outlined in red
and the places it was compared with in blue (`snips.py`), and Tabel 1 as a table whose
flagged cells link to their finding. A small inline script filters by severity and
searches the text; without it everything is shown. Nothing is fetched from anywhere (see
`html_assets.CSP`). Every text from a document is HTML-escaped.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections import Counter
from html import escape
from pathlib import Path

from extractor.checks import by_severity
from extractor.export.html_assets import CSP, SCRIPT, STYLE
from extractor.export.report import location_text
from extractor.export.snips import (
    NoPictures,
    Snip,
    SnipMaker,
    open_snips,
    table_context,
    wrong_places,
)
from extractor.export.xlsx.labels import label
from extractor.models import (
    DocumentResult,
    Economy,
    Evidence,
    ExtractionResult,
    Finding,
    Proposal,
)
from extractor.round.appendix import (
    DEFAULT_COMMITTEES,
    Amount,
    AppendixRow,
    appendix,
    column_totals,
    format_mio,
    requested,
    round_with_appendix,
    to_mio,
)
from extractor.round.overview import distinct_proposals
from extractor.rules import TABLE_1, kr
from extractor.run.atomic import write_atomically

SEVERITY = {"error": "Fejl", "warning": "Advarsel", "info": "Info"}
_GROUP = {"permanent": "Varige ændringer", "implementation": "Implementeringsomkostninger",
          "overall": "Samlet"}


def write_html(result: ExtractionResult, path: Path) -> None:
    write_atomically(path, to_html(result).encode("utf-8"))


def to_html(result: ExtractionResult) -> str:
    """The whole report; the PDFs are read again (by their paths as given) for pictures."""
    body: list[str] = [_header(result), _filters(), _overview(result), _appendix(result)]
    number = 0
    for doc in result.documents:
        if not doc.proposals:
            continue
        with open_snips(doc) as maker:
            for proposal in doc.proposals:
                number += 1
                body.append(_proposal(doc, proposal, number, maker))
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="da">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>Kontrol af investeringsforslag</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        *body,
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ])


def _header(result: ExtractionResult) -> str:
    findings = [f for d in result.documents for p in d.proposals for f in p.findings]
    n = Counter(f.severity for f in findings)
    proposals = sum(len(d.proposals) for d in result.documents)
    unreadable = sum(d.status == "error" for d in result.documents)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lost = f", {unreadable} fil(er) kunne ikke læses" if unreadable else ""
    return (
        "<h1>Kontrol af investeringsforslag</h1>"
        f'<p class="meta">{len(result.documents)} fil(er), {proposals} forslag: '
        f"{n['error']} fejl, {n['warning']} advarsler, {n['info']} info{lost}. "
        f"Lavet af extractor {escape(result.extractor_version)}, {now}.</p>"
        '<p class="muted">Beløb i tabellens enhed, normalt 1.000 kr.; besparelser er negative. '
        "På billederne er det sted, fundet gælder, markeret med "
        '<span class="key-wrong">rødt</span> og det, der er sammenlignet med, med '
        '<span class="key-compared">blåt</span>.</p>')


def _filters() -> str:
    boxes = "".join(
        f'<label><input type="checkbox" value="{sev}" checked> {name}</label>'
        for sev, name in SEVERITY.items())
    return ('<div id="filters" hidden>'
            f"<strong>Vis:</strong> {boxes}"
            '<label>Søg: <input type="search" id="search" '
            'placeholder="fx Samlet varig ændring, 2030, side 5"></label>'
            '<span id="shown" class="muted"></span></div>')


def _overview(result: ExtractionResult) -> str:
    rows = []
    number = 0
    for doc in result.documents:
        if doc.status == "error" or not doc.proposals:
            message = f"{doc.error.code}: {doc.error.message}" if doc.error else "ingen forslag"
            rows.append(f'<tr><td title="{escape(doc.file)}">{escape(Path(doc.file).name)}</td>'
                        "<td></td>"
                        f'<td colspan="6" class="doc-error">Kunne ikke læses: '
                        f"{escape(message)}</td></tr>")
            continue
        for proposal in doc.proposals:
            number += 1
            n = Counter(f.severity for f in proposal.findings)
            pages = "-".join(str(p) for p in proposal.pages or [])
            rows.append(
                f'<tr><td title="{escape(doc.file)}">{escape(Path(doc.file).name)}</td>'
                f"<td>{pages}</td>"
                f'<td><a href="#p{number}">{escape(proposal.title)}</a></td>'
                f"<td>{escape(proposal.department or '')}</td>"
                f"<td>{escape(proposal.case or '')}</td>"
                + "".join(f'<td class="num">{_count(n[s], s)}</td>' for s in SEVERITY)
                + "</tr>")
    head = ("<tr><th>Fil</th><th>Sider</th><th>Forslag</th><th>Forvaltning</th>"
            "<th>Budgetrunde</th><th>Fejl</th><th>Advarsler</th><th>Info</th></tr>")
    return (f'<h2 id="oversigt">Oversigt</h2><table class="overview">'
            f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>")


_APPENDIX_HEAD = ("col.no", "col.proposal", "col.committee", "col.invest_service",
                  "col.invest_anlaeg", "col.effect_service", "col.effect_overfoersler",
                  "col.payback", "col.payback_computed")


def _appendix(result: ExtractionResult) -> str:
    """The workbook's "Bilag" as HTML, one table per case, from the same rows
    (`round/appendix.py`). The "I alt" rows are plain numbers from `column_totals`, the sum
    the sheet's SUM formulas give; an amount Tabel 1 cannot give is an empty cell with a
    numbered note saying why (visible without script, never 0)."""
    round_ = result.round or round_with_appendix(result.documents)
    counted, _, _ = distinct_proposals(result.documents)
    pools = {c.case or "": c.pool for c in round_.cases if c.pool is not None}
    tables = appendix(counted, round_.committees or DEFAULT_COMMITTEES, pools)
    parts = [f'<section id="bilag"><h2>{escape(label("appendix.title", "da"))}</h2>',
             '<p class="muted">Mio. kr. med én decimal (afrundet halvt op), beregnet fra '
             "Tabel 1, som i regnearkets ark Bilag. Effekt ved fuld indfasning er vist positiv "
             "for en besparelse. Hvert forslag står her én gang, også når det findes i flere "
             "filer. 'I alt' er summen af de viste beløb. En tom celle har en note om hvorfor."
             "</p>"]
    head = "".join(f"<th>{escape(label(k, 'da'))}</th>" for k in _APPENDIX_HEAD)
    every: list[AppendixRow] = []
    for n, table in enumerate(tables, start=1):
        name = table.case or label("round.no_case", "da")
        prices = sorted({r.proposal.economy.price_level for r in table.rows
                         if r.proposal.economy and r.proposal.economy.price_level})
        notes: list[str] = []
        rows: list[str] = []
        no = 0
        for committee, members in table.committees():
            for entry in members:
                no += 1
                rows.append(_appendix_row(entry, no, notes, f"bilag{n}"))
            shown = committee or label("appendix.unknown_committee", "da")
            rows.append(_total_row(label("appendix.total_committee", "da", committee=shown),
                                   members))
        rows.append(_total_row(label("appendix.total_case", "da", case=name), table.rows))
        every += table.rows
        title = label("appendix.case", "da", case=name, price=", ".join(prices) or "-")
        parts.append(f"<h3>{escape(title)}</h3>"
                     f'<table class="appendix"><thead><tr>{head}</tr></thead>'
                     f"<tbody>{''.join(rows)}</tbody></table>")
        if table.pool is not None:
            parts.append(_pool_line("appendix.pool", table.pool, table.rows))
        if notes:
            parts.append('<ol class="notes muted">' + "".join(notes) + "</ol>")
    if round_.pool is not None and tables:
        parts.append(_pool_line("appendix.run_pool", round_.pool, every))
    for f in round_.findings:
        if f.rule == "round.pool_exceeded":
            parts.append(f'<p class="pool-warning"><span class="sev sev-{f.severity}">'
                         f"{SEVERITY[f.severity]}</span> {escape(f.message)}</p>")
    parts.append("</section>")
    return "\n".join(parts)


def _appendix_row(entry: AppendixRow, no: int, notes: list[str], prefix: str) -> str:
    """One proposal; a missing committee or amount adds a note to `notes`, linked by number."""
    def note(text: str) -> str:
        notes.append(f'<li id="{prefix}-n{len(notes) + 1}">{escape(text)}</li>')
        return (f'<a href="#{prefix}-n{len(notes)}" title="{escape(text, quote=True)}">'
                f"<sup>{len(notes)}</sup></a>")

    committee = (escape(entry.committee) if entry.committee is not None else note(
        label("appendix.no_committee", "da", department=entry.proposal.department or "-")))
    amounts: list[Amount] = [*entry.investment.values(), *entry.effect.values()]
    cells = "".join(f'<td class="num">{format_mio(a.mio)}</td>' if a.mio is not None
                    else f'<td class="num">{note(a.reason or "")}</td>' for a in amounts)
    paybacks = "".join(f'<td class="num">{_years(v)}</td>'
                       for v in (entry.payback_stated, entry.payback_computed))
    return (f'<tr><td class="num">{no}</td><td>{escape(entry.proposal.title)}</td>'
            f"<td>{committee}</td>{cells}{paybacks}</tr>")


def _years(value: int | float | str | None) -> str:
    """A payback as the document gives it: a number in Danish (4,5), a text escaped."""
    if value is None:
        return ""
    return escape(str(value).replace(".", ",") if isinstance(value, float) else str(value))


def _total_row(text: str, rows: list[AppendixRow]) -> str:
    """An "I alt" row: the plain sums the workbook's formulas give (`column_totals`)."""
    cells = "".join(f'<td class="num">{format_mio(t)}</td>' for t in column_totals(rows))
    return (f'<tr class="total"><td></td><td>{escape(text)}</td><td></td>{cells}'
            "<td></td><td></td></tr>")


def _pool_line(key: str, pool: int, rows: list[AppendixRow]) -> str:
    """The pool against the requested investment (Service + Anlæg of the "I alt")."""
    asked = requested(rows)
    return f"<p>{escape(label(key, 'da', pool=format_mio(to_mio(pool))))} {format_mio(asked)}</p>"


def _count(count: int, severity: str) -> str:
    return f'<span class="sev sev-{severity}">{count}</span>' if count else "0"


def _proposal(doc: DocumentResult, proposal: Proposal, number: int,
              maker: SnipMaker | NoPictures) -> str:
    findings = by_severity(proposal.findings)
    ids = {id(f): f"f{number}-{k}" for k, f in enumerate(findings, start=1)}
    pages = proposal.pages
    span = f", side {pages[0]}-{pages[-1]}" if pages else ""
    parts = [
        f'<section class="proposal" id="p{number}">',
        f"<h2>{number}. {escape(proposal.title)}</h2>",
        f'<p class="meta">{escape(doc.file)}{span}'
        + (f" · {escape(proposal.department)}" if proposal.department else "")
        + (f" · {escape(proposal.case)}" if proposal.case else "") + "</p>",
        f"<h3>Fund ({len(findings)})</h3>",
    ]
    if not findings:
        parts.append('<p class="muted">Ingen fund.</p>')
    context = table_context(proposal.economy)
    for f in findings:
        parts.append(_finding(f, ids[id(f)], maker.snips(f.location.evidence, context)))
    if proposal.economy is not None:
        parts.append(_economy(proposal.economy, findings, ids))
    parts.append("</section>")
    return "\n".join(parts)


def _finding(f: Finding, anchor: str, snips: list[Snip]) -> str:
    where = location_text(f.location)
    evidence = f.location.evidence
    lines = [
        f'<article class="finding {f.severity}" id="{anchor}" data-severity="{f.severity}">',
        f'<div><span class="sev sev-{f.severity}">{SEVERITY[f.severity]}</span> '
        f"<code>{escape(f.rule)}</code></div>",
        f'<p class="message">{escape(f.message)}</p>',
    ]
    if where:
        lines.append(f'<p class="where">Sted: {escape(where)}</p>')
    if evidence:
        k = wrong_places(evidence)
        wrong, rest = evidence[:k], _merged(evidence[k:])
        marked = ", ".join(_quoted(e.text) for e in wrong)
        text = f'<span class="key-wrong">Markeret:</span> {marked} (side {wrong[0].page})'
        if rest:
            compared = ", ".join(f"{_quoted(e.text)} (side {e.page})" for e in rest[:8])
            more = f" og {len(rest) - 8} mere" if len(rest) > 8 else ""
            text += f'; <span class="key-compared">sammenlignet med:</span> {compared}{more}'
        lines.append(f'<p class="evidence">{text}</p>')
    if not snips:
        lines.append('<p class="muted">Intet billede: fundet peger ikke på et sted på en '
                     "PDF-side (tekst- eller Word-input, eller PDF'en findes ikke længere på "
                     "stien).</p>")
    for snip in snips:
        data = base64.b64encode(snip.png).decode("ascii")
        lines.append(
            f'<figure><img src="data:image/png;base64,{data}" width="{snip.width}" '
            f'height="{snip.height}" alt="Udsnit af side {snip.page} med stedet markeret">'
            f"<figcaption>Udsnit af side {snip.page}</figcaption></figure>")
    lines.append("</article>")
    return "\n".join(lines)


def _merged(evidence: list[Evidence]) -> list[Evidence]:
    """For reading: the printed lines of one quoted sentence as one text."""
    out = evidence[:1]
    for e in evidence[1:]:
        last = out[-1]
        if (last.page == e.page and any(c.isalpha() for c in last.text)
                and any(c.isalpha() for c in e.text)):
            out[-1] = last.model_copy(update={"text": f"{last.text} {e.text}"})
        else:
            out.append(e)
    return out


def _quoted(text: str) -> str:
    short = text if len(text) <= 160 else text[:159] + "…"
    return f"'{escape(short)}'"


def _economy(economy: Economy, findings: list[Finding], ids: dict[int, str]) -> str:
    """Tabel 1 as printed; a cell (or a row label) a finding names links to the finding."""
    flagged: dict[tuple[str, int | None], Finding] = {}
    for f in findings:  # errors first, so a cell links to its worst finding
        if f.location.table == TABLE_1 and f.location.row:
            flagged.setdefault((f.location.row, f.location.year), f)
    unit = f" ({escape(economy.unit)}" + (
        f", {escape(economy.price_level)})" if economy.price_level else ")") if economy.unit else ""
    page = f", side {economy.page}" if economy.page else ""
    head = ("<tr><th>Række</th><th>Styringsområde</th>"
            + "".join(f'<th class="num">{y}</th>' for y in economy.years) + "</tr>")
    rows = []
    group = None
    for row in economy.rows:
        if row.group != group:
            group = row.group
            rows.append(f'<tr><th colspan="{len(economy.years) + 2}">{_GROUP[group]}</th></tr>')
        label = _cell(escape(row.label + (row.footnote or "")), flagged.get((row.label, None)),
                      ids, "")
        cells = "".join(_cell(kr(row.value(y)) if row.value(y) is not None else "",
                              flagged.get((row.label, y)), ids, "num")
                        for y in economy.years)
        css = ' class="total"' if row.role == "total" else ""
        rows.append(f"<tr{css}>{label}<td>{escape(row.steering_area or '')}</td>{cells}</tr>")
    for stated in economy.payback:
        link = _cell(escape(stated.label), flagged.get((stated.label, None)), ids, "")
        rows.append(f"<tr>{link}<td>{escape(stated.text or '')}</td>"
                    f'<td colspan="{len(economy.years)}"></td></tr>')
    return (f"<h3>{TABLE_1}{unit}{page}</h3>"
            f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>")


def _cell(text: str, f: Finding | None, ids: dict[int, str], css: str) -> str:
    if f is None:
        return f'<td class="{css}">{text}</td>' if css else f"<td>{text}</td>"
    title = escape(f.message, quote=True)
    return (f'<td class="{css} flag-{f.severity}" title="{title}">'
            f'<a href="#{ids[id(f)]}">{text or "(tom)"}</a></td>')

