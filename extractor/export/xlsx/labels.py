"""Every sheet name, column name and fixed text of the Excel workbook, in Danish and English.

One table, both languages: `label(key, lang)` picks the column. The sheet code never
holds a text of its own, so `--lang en` changes every word the workbook prints itself
(the documents' own texts stay as printed).
"""

from __future__ import annotations

LANGS = ("da", "en")

_LABELS: dict[str, tuple[str, str]] = {
    # sheet names (at most 31 characters)
    "sheet.overview": ("Oversigt", "Overview"),
    "sheet.long": ("Tabel 1", "Table 1"),
    "sheet.follow_up": ("Opfølgning", "Follow-up"),
    "sheet.findings": ("Fund", "Findings"),
    # Oversigt
    "overview.title": ("Investeringsforslag: oversigt over udtrækket",
                       "Investment proposals: overview of the extraction"),
    "overview.intro": (
        "Én række pr. forslag (og pr. fil, der ikke kunne læses). Beløb i tabellens enhed, "
        "normalt 1.000 kr.; besparelser er negative. Arket 'Fund' viser alle fejl og "
        "advarsler, arket 'Tabel 1' alle beløb i langt format (til pivottabeller), og hvert "
        "forslag har sit eget ark med Tabel 1 som trykt og kontrolformler (link i kolonnen 'Ark').",
        "One row per proposal (and per file that could not be read). Amounts in the table's "
        "unit, normally DKK 1,000; savings are negative. The sheet 'Findings' lists every error "
        "and warning, 'Table 1' every amount in long format (for pivot tables), and every "
        "proposal has its own sheet with Table 1 as printed and check formulas (link in column "
        "'Sheet')."),
    "overview.made": ("Lavet af extractor {version}, {time}.",
                      "Made by extractor {version}, {time}."),
    "col.file": ("Fil", "File"),
    "col.pages": ("Sider", "Pages"),
    "col.status": ("Status", "Status"),
    "col.sheet": ("Ark", "Sheet"),
    "col.title": ("Titel", "Title"),
    "col.department": ("Forvaltning", "Department"),
    "col.case": ("Budgetrunde", "Budget round"),
    "col.summary": ("Resumé", "Summary"),
    "col.unit": ("Enhed", "Unit"),
    "col.net": ("Samlet varig ændring {year}", "Total permanent change {year}"),
    "col.price_level": ("Prisniveau", "Price level"),
    "col.impl_total": ("Implementering i alt", "Implementation total"),
    "col.payback_service_stated": ("Tilbagebetaling service, angivet (år)",
                                   "Payback service, stated (years)"),
    "col.payback_service_computed": ("Tilbagebetaling service, beregnet (år)",
                                     "Payback service, computed (years)"),
    "col.payback_total_stated": ("Tilbagebetaling totaløkonomi, angivet (år)",
                                 "Payback total, stated (years)"),
    "col.payback_total_computed": ("Tilbagebetaling totaløkonomi, beregnet (år)",
                                   "Payback total, computed (years)"),
    "col.risk": ("Risiko", "Risk level"),
    "col.cfo": ("Godkendt af CØ", "Approved by CØ"),
    "col.errors": ("Fejl", "Errors"),
    "col.warnings": ("Advarsler", "Warnings"),
    "col.doc_error": ("Fejl ved læsning", "Read error"),
    "status.ok": ("ok", "ok"),
    "status.error": ("kunne ikke læses", "could not be read"),
    "cfo.yes": ("Ja", "Yes"),
    "cfo.no": ("Nej", "No"),
    "cfo.unknown": ("ikke angivet", "not stated"),
    # Tabel 1, long format
    "col.proposal": ("Forslag", "Proposal"),
    "col.group": ("Gruppe", "Group"),
    "col.row_no": ("Rækkenr.", "Row no."),
    "col.row": ("Række", "Row"),
    "col.area": ("Styringsområde", "Steering area"),
    "col.role": ("Rolle", "Role"),
    "col.year": ("År", "Year"),
    "col.amount": ("Beløb", "Amount"),
    "col.page": ("Side", "Page"),
    "group.permanent": ("Varige ændringer (effektiviseringer og drift)",
                        "Permanent changes (efficiencies and operation)"),
    "group.implementation": ("Implementeringsomkostninger (midler fra investeringspuljen)",
                             "Implementation costs (from the investment pool)"),
    "group.overall": ("Samlet", "Overall"),
    "role.item": ("post", "item"),
    "role.total": ("total", "total"),
    "role.of_which": ("heraf", "of which"),
    # one sheet per proposal
    "proposal.meta": ("Fil: {file} · sider {pages} · Tabel 1 på side {page} · {unit}",
                      "File: {file} · pages {pages} · Table 1 on page {page} · {unit}"),
    "proposal.intro": (
        "Tabel 1 som trykt. Kolonnerne 'Kontrol' regner hver total efter med SUM over de "
        "rækker, den dækker. Farverne er forklaret nedenfor; et fund står i cellens "
        "kommentar og på arket 'Fund'.",
        "Table 1 as printed. The 'Check' columns recompute every total with SUM over the rows "
        "it covers. The colours are explained below; a finding is in the cell's comment and "
        "on the sheet 'Findings'."),
    "proposal.no_table": ("Forslaget har ingen Tabel 1, der kunne læses.",
                          "The proposal has no readable Table 1."),
    "col.check": ("Kontrol {year}", "Check {year}"),
    "check.row": ("Kontrol: alle poster lagt sammen (skal give Samlet økonomisk påvirkning)",
                  "Check: all items summed (should equal the overall economic effect)"),
    "proposal.payback": ("Tilbagebetalingstid (år)", "Payback time (years)"),
    "proposal.payback_stated": ("Angivet", "Stated"),
    "proposal.payback_computed": ("Beregnet", "Computed"),
    "payback.none": ("ikke inden for tabellens år", "not within the table's years"),
    "proposal.notes": ("Noter", "Notes"),
    "proposal.other_findings": ("Fund uden celle i Tabel 1", "Findings without a Table 1 cell"),
    # Opfølgning
    "col.fu_group": ("Gruppe", "Group"),
    "col.goal": ("Opfølgningsmål", "Follow-up goal"),
    "col.measure": ("Hvordan måles det?", "How is it measured?"),
    "col.responsible": ("Ansvarlig", "Responsible"),
    "col.deadline": ("Hvornår", "When"),
    # Fund
    "col.severity": ("Alvor", "Severity"),
    "col.rule": ("Regel", "Rule"),
    "col.table": ("Tabel", "Table"),
    "col.unit_short": ("Enhed", "Unit"),
    "col.document_says": ("Dokumentet siger", "The document says"),
    "col.checked_says": ("Tabellen siger eller beregnet", "The table says, or computed"),
    "col.difference": ("Forskel", "Difference"),
    "unit.years": ("år", "years"),
    "col.message": ("Besked", "Message"),
    "col.link": ("Celle i forslagets ark", "Cell on the proposal's sheet"),
    "severity.error": ("fejl", "error"),
    "severity.warning": ("advarsel", "warning"),
    "severity.info": ("info", "info"),
    # Runde (export/xlsx/round_sheet.py)
    "sheet.round": ("Runde", "Round"),
    "round.title": ("Runden: hvert forslag talt én gang", "The round: each proposal counted once"),
    "round.intro": (
        "Pr. budgetrunde summen af forslagenes trykte totaler pr. år, som formler over "
        "totalrækkerne på forslagenes ark. Et forslag, der optræder flere gange (fx både som "
        "enkeltfil og i et samlet bundt), tælles kun én gang; af flere versioner tælles den "
        "sidste. Beløb i tabellernes enhed, normalt 1.000 kr.",
        "Per budget round the sum of the proposals' printed totals per year, as formulas over "
        "the total rows on the proposals' sheets. A proposal met more than once (e.g. as a "
        "single file and in a bundle) is counted once; of several versions the last counts. "
        "Amounts in the tables' unit, normally DKK 1,000."),
    "round.case": ("{case}: {n} forslag", "{case}: {n} proposals"),
    "round.no_case": ("Ukendt budgetrunde", "Unknown budget round"),
    "round.permanent": ("Samlet varig ændring", "Total permanent change"),
    "round.implementation": ("Samlede implementeringsomkostninger", "Total implementation costs"),
    "round.overall": ("Samlet økonomisk påvirkning", "Overall economic effect"),
    "round.by_department": ("Pr. forvaltning", "By department"),
    "round.proposals": ("Forslag, der tælles med", "Proposals counted"),
    "round.duplicates": ("Dubletter (samme titel, budgetrunde og Tabel 1): talt én gang",
                         "Duplicates (same title, budget round and Table 1): counted once"),
    "round.versions": ("Versioner (samme titel og budgetrunde, anden Tabel 1): kun én talt; "
                       "sammenlign dem med 'extractor diff'",
                       "Versions (same title and budget round, another Table 1): one counted; "
                       "compare them with 'extractor diff'"),
    "round.none": ("Ingen.", "None."),
    "col.occurrences": ("Forekomster (fil nr. forslag)", "Occurrences (file no. proposal)"),
    "col.counted": ("Talt", "Counted"),
    "col.incomplete": ("Ufuldstændig", "Incomplete"),
    "round.incomplete": ("mangler en totalrække eller har en ulæselig celle i en",
                         "lacks a total row or has an unreadable cell in one"),
    "col.in_round": ("I runden", "In the round"),
    "in_round.duplicate": ("dublet: ikke talt ({sheet} tælles)",
                           "duplicate: not counted ({sheet} counts)"),
    "in_round.version": ("ældre version: ikke talt ({sheet} tælles)",
                         "older version: not counted ({sheet} counts)"),
    "in_round.counted": ("talt", "counted"),
    # Bilag (export/xlsx/appendix_sheet.py)
    "sheet.appendix": ("Bilag", "Appendix"),
    "appendix.title": ("Bilag: Investeringsforslag til investeringspuljen",
                       "Appendix: investment proposals for the investment pool"),
    "appendix.intro": (
        "Mio. kr. med én decimal (afrundet halvt op), beregnet fra Tabel 1. Investering = "
        "summen over alle år af implementeringsrækkerne med styringsområdet. Effekt ved fuld "
        "indfasning = tabellens sidste år af 'Samlet varig ændring, <område>' (ellers summen af "
        "områdets rækker), vist positiv for en besparelse. En tom celle har en kommentar om "
        "hvorfor. Hvert forslag tælles én gang; 'I alt'-rækkerne er formler.",
        "DKK million with one decimal (rounded half up), computed from Table 1. Investment = "
        "the sum over all years of the implementation rows of the steering area. Effect at full "
        "phase-in = the table's last year of 'Samlet varig ændring, <area>' (else the sum of the "
        "area's rows), positive for a saving. An empty cell has a comment saying why. Each "
        "proposal counted once; the total rows are formulas."),
    "appendix.case": ("{case} (mio. kr., {price})", "{case} (DKK million, {price})"),
    "col.no": ("Nr.", "No."),
    "col.committee": ("Udvalg", "Committee"),
    "col.invest_service": ("Investering: Service", "Investment: Service"),
    "col.invest_anlaeg": ("Investering: Anlæg", "Investment: Construction"),
    "col.effect_service": ("Effekt ved fuld indfasning: Service",
                           "Effect at full phase-in: Service"),
    "col.effect_overfoersler": ("Effekt ved fuld indfasning: Overførsler",
                                "Effect at full phase-in: Transfers"),
    "col.payback": ("Tilbagebetalingstid (år)", "Payback (years)"),
    "col.payback_computed": ("Beregnet tilbagebetalingstid, hvor den er en anden (år)",
                             "Computed payback where it differs (years)"),
    "appendix.total_committee": ("I alt, {committee}", "Total, {committee}"),
    "appendix.total_case": ("I alt, {case}", "Total, {case}"),
    "appendix.unknown_committee": ("Ukendt udvalg", "Unknown committee"),
    "appendix.no_committee": (
        "Forvaltningen '{department}' står ikke i listen over forvaltninger og udvalg; tilføj "
        "den under [committees] i konfigurationen.",
        "The department '{department}' is not in the list of departments and committees; add "
        "it under [committees] in the config."),
    "appendix.pool": ("Puljen: {pool} mio. kr. Ansøgt investering (Service + Anlæg), mio. kr.:",
                      "Pool: DKK {pool} million. Requested investment (Service + Construction), "
                      "DKK million:"),
    "appendix.run_pool": ("Puljen for hele kørslen: {pool} mio. kr. Ansøgt investering i alt, "
                          "mio. kr.:",
                          "Pool for the whole run: DKK {pool} million. Requested investment in "
                          "total, DKK million:"),
    # extractor diff -o changes.xlsx (export/xlsx/diff_workbook.py)
    "sheet.changes": ("Ændringer", "Changes"),
    "changes.title": ("Ændringer: {old} → {new}", "Changes: {old} → {new}"),
    "col.diff_status": ("Status", "Status"),
    "col.kind": ("Art", "Kind"),
    "col.where": ("Gruppe / afsnit / felt", "Group / section / field"),
    "col.old": ("Før", "Before"),
    "col.new": ("Nu", "Now"),
    "diff.changed": ("ændret", "changed"),
    "diff.unchanged": ("uændret", "unchanged"),
    "diff.added": ("nyt forslag", "added"),
    "diff.removed": ("fjernet forslag", "removed"),
    "kind.cell": ("celle", "cell"),
    "kind.row_added": ("ny række", "row added"),
    "kind.row_removed": ("fjernet række", "row removed"),
    "kind.row_relabelled": ("række omdøbt", "row relabelled"),
    "kind.payback": ("tilbagebetalingstid", "payback"),
    "kind.field": ("felt", "field"),
    "kind.text": ("tekst", "text"),
    "kind.follow_up": ("opfølgningsmål", "follow-up goal"),
    "kind.finding_resolved": ("fund løst", "finding resolved"),
    "kind.finding_new": ("nyt fund", "new finding"),
    "changes.none": ("Ingen forskelle.", "No differences."),
    "findings.intro": (
        "Ét fund pr. række, fejl først. 'Dokumentet siger' er det, dokumentet selv angiver "
        "(en trykt total, et beløb i teksten, en tilbagebetalingstid); 'Tabellen siger eller "
        "beregnet' er det, Tabel 1 viser, eller det, der er regnet ud af den. Begge i "
        "enheden i kolonnen 'Enhed' og med tabellens fortegn (besparelser negative); "
        "'Forskel' er dokumentet minus tabellen/beregningen. Linket under 'Celle i "
        "forslagets ark' fører til fundets celle, hvor det er farvet og kommenteret.",
        "One finding per row, errors first. 'The document says' is what the document itself "
        "states (a printed total, an amount in the text, a payback time); 'The table says, "
        "or computed' is what Table 1 shows, or what is computed from it. Both in the unit "
        "of the column 'Unit' and with the table's sign (savings negative); 'Difference' is "
        "the document minus the table/computation. The link under 'Cell on the proposal's "
        "sheet' leads to the finding's cell, where it is coloured and commented."),
    # colour legend (styles.py: one meaning per colour)
    "legend.heading": ("Farver", "Colours"),
    "legend.error.name": ("Fejl", "Error"),
    "legend.error": (
        "Et fund af alvor 'fejl': dokumentet modsiger sig selv ud over afrunding (eller "
        "filen kunne ikke læses). Se cellens kommentar og arket 'Fund'.",
        "A finding of severity 'error': the document contradicts itself beyond rounding (or "
        "the file could not be read). See the cell's comment and the sheet 'Findings'."),
    "legend.warning.name": ("Advarsel", "Warning"),
    "legend.warning": (
        "Et fund af alvor 'advarsel': sandsynligvis forkert eller ufuldstændigt, fx en "
        "angivet tilbagebetalingstid, der afviger fra den beregnede.",
        "A finding of severity 'warning': probably wrong or incomplete, e.g. a stated "
        "payback time that differs from the computed one."),
    "legend.info.name": ("Info", "Info"),
    "legend.info": (
        "Et fund af alvor 'info': kunne ikke kontrolleres, eller stemmer kun inden for "
        "afrundingen.",
        "A finding of severity 'info': could not be checked, or agrees within rounding only."),
    "legend.sum_diff.name": ("Afviger", "Differs"),
    "legend.sum_diff": (
        "Det trykte beløb afviger fra sin kontrolformel (SUM over de rækker, totalen dækker, "
        "i kolonnerne 'Kontrol'). Formlen regner igen, hvis du retter et tal.",
        "The printed amount differs from its check formula (SUM over the rows the total "
        "covers, in the 'Check' columns). The formula recomputes when you change a number."),
    # print
    "print.footer": ("&A · side &P af &N", "&A · page &P of &N"),
    # document properties
    "doc.title": ("Investeringsforslag: udtræk og kontrol",
                  "Investment proposals: extraction and checks"),
    "doc.subject": (
        "Tabel 1, opfølgningsmål og kontrolfund for investeringsforslag, læst af extractor",
        "Table 1, follow-up goals and check findings of investment proposals, read by "
        "extractor"),
    "doc.language": ("da-DK", "en-GB"),
}


def label(key: str, lang: str, **fields: object) -> str:
    """The text for `key` in `lang` ("da" or "en"), with `{field}`s filled in."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    text = _LABELS[key][LANGS.index(lang)]
    return text.format(**fields) if fields else text
