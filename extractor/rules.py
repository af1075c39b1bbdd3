"""Every rule a finding can name, from checks and parsers: id, severity, Danish description.

The ids are public (they appear in the JSON, the report and the TOML config), so they
never change meaning; `docs/checks.md` documents each with an example. Checks build
their findings through `finding()`, which looks the severity up here, so a rule's
severity lives in one place and a config file can override it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from extractor.models import Evidence, Finding, Location, Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    description: str  # Danish, one sentence: what the rule checks
    # Which of a finding's `expected`/`found` is what the document itself states (a
    # printed total, a prose amount, a stated payback); the other is what Tabel 1 shows
    # or what is computed from it. None: the rule's findings carry no numbers.
    says: Literal["expected", "found"] | None = None
    unit: Literal["amount", "years"] = "amount"  # amounts in the table's unit, or years
    by_size: bool = False  # the document states a size (a saving as a positive amount)


_RULES = (
    # Tabel 1 arithmetic (checks/arithmetic.py)
    Rule("economy.column_total", "error",
         "En total i Tabel 1 afviger mere end afrundingen fra summen af de rækker, den dækker.",
         says="found"),
    Rule("economy.rounding_gap", "info",
         "En total i Tabel 1 afviger fra summen af sine rækker, men kun inden for afrundingen.",
         says="found"),
    Rule("economy.of_which_total", "error",
         "En 'Heraf …'-række afviger mere end afrundingen fra de rækker, den dækker.",
         says="found"),
    Rule("economy.of_which_unknown", "info",
         "En 'Heraf …'-række, hvor det ikke kan afgøres, hvilke rækker den dækker."),
    Rule("economy.empty_total", "info",
         "En total er tom, selv om rækkerne under den har beløb (der summer til 0).",
         says="found"),
    Rule("economy.missing_total", "warning",
         "Tabel 1 mangler en totalrække (gruppetotal eller 'Samlet økonomisk påvirkning')."),
    # Prose against Tabel 1 (checks/prose.py, checks/headline.py)
    Rule("prose.amount_mismatch", "error",
         "Et beløb i en overskrift i afsnit 2 stemmer ikke med rækken i Tabel 1.",
         says="expected"),
    Rule("prose.amount_sign", "warning",
         "Et beløb i en overskrift i afsnit 2 har andet fortegn end rækken i Tabel 1.",
         says="expected"),
    Rule("prose.amount_unit", "warning",
         "Et beløb i en overskrift i afsnit 2 mangler enhed eller har en usædvanlig enhed."),
    Rule("prose.amount_unreadable", "warning",
         "Beløbsteksten i en overskrift i afsnit 2 indeholder intet beløb med enhed."),
    Rule("prose.amount_period", "info",
         "Beløbet i en overskrift siger ikke hvilket år eller hvilken periode, det gælder."),
    Rule("prose.unmatched_item", "info",
         "En overskrift i afsnit 2 har ingen tilsvarende række i Tabel 1."),
    Rule("prose.unmatched_row", "info",
         "En række i Tabel 1 har ingen tilsvarende overskrift i afsnit 2."),
    Rule("prose.headline_effect", "error",
         "Effektiviseringen i resuméet eller afsnit 2 stemmer ikke med 'Samlet varig ændring'.",
         says="expected", by_size=True),
    Rule("prose.headline_investment", "error",
         "Investeringsbehovet i resuméet eller afsnit 2 stemmer ikke med "
         "implementeringsomkostningerne i alt.",
         says="expected", by_size=True),
    # Payback (checks/payback.py)
    Rule("payback.differs", "warning",
         "Den angivne tilbagebetalingstid afviger fra den, der kan beregnes af Tabel 1.",
         says="found", unit="years"),
    Rule("payback.unreadable", "info",
         "Tilbagebetalingstiden mangler eller kan ikke læses som et antal år."),
    # Completeness and template hygiene (checks/completeness.py)
    Rule("completeness.section_missing", "warning",
         "Et af de nummererede afsnit 1-6 mangler."),
    Rule("completeness.economy_table", "error",
         "Tabel 1 mangler eller har ingen rækker."),
    Rule("completeness.follow_up_table", "warning",
         "Tabel 2 (opfølgningsmål) mangler eller er tom."),
    Rule("completeness.risk_level", "warning",
         "Risikovurderingen angiver ikke et risikoniveau (lav, mellem, høj)."),
    Rule("completeness.cfo_approval", "warning",
         "Tabel 4: Center for Økonomi har ikke svaret 'Ja' med en dato."),
    Rule("completeness.innovation_box", "warning",
         "Der er ikke sat præcis ét kryds ved 'Forslaget udspringer af et innovationsforslag'."),
    Rule("completeness.template_text", "warning",
         "Skabelontekst står tilbage, fx '[Tabelnummer opdateres]' eller en instruktion i "
         "kantede parenteser."),
    Rule("economy.sign_convention", "warning",
         "En 'Besparelse …'- eller 'Reduceret …'-række har positive beløb; effektiviseringer "
         "skal have negativt fortegn."),
    # Found by the parser, not by a check; listed so a config file may tune it too.
    Rule("economy.unreadable_cell", "error",
         "En celle i Tabel 1 kunne ikke læses som et beløb og er sat til tom."),
    Rule("economy.unreadable_layout", "error",
         "Tabel 1's opsætning kan ikke læses sikkert (ingen streger og ingen luft mellem "
         "rækkerne, eller kolonner der overlapper); tjek tabellen i dokumentet."),
    Rule("economy.ambiguous_columns", "warning",
         "En rækkes beløb i Tabel 1 (læst fra tekst) passer lige godt i flere årskolonner; "
         "cellerne er sat til tomme."),
    Rule("text.encoding", "warning",
         "En linje i en UTF-8-tekstfil var ikke gyldig UTF-8 og er læst som Windows-1252; "
         "dens særlige tegn kan være forkerte."),
    Rule("follow_up.not_read", "info",
         "Tabel 2 står i teksten, men kan ikke læses fra tekst (cellerne er flettet sammen)."),
    Rule("document.tracked_changes", "info",
         "Word-dokumentet har sporede ændringer og er læst, som om alle var accepteret."),
    Rule("document.pages_left_out", "info",
         "Sider efter forslaget uden dets sidehoved og sidefod (fx et forsideark i et bundt) "
         "er ikke læst som en del af det."),
    # The whole round (extractor/round/appendix.py), in the `round` object's findings.
    Rule("round.pool_exceeded", "warning",
         "Rundens forslag beder om flere investeringsmidler end puljen (konfigurationens "
         "[pool] eller --pool)."),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}

TABLE_1 = "Tabel 1"


def finding(rule_id: str, message: str, *, page: int | None = None, table: str | None = None,
            row: str | None = None, year: int | None = None,
            expected: int | float | None = None, found: int | float | None = None,
            evidence: Sequence[Evidence] = ()) -> Finding:
    """A finding of a registered rule, with the rule's default severity.

    `evidence` names the places the finding points at, the wrong one first (see
    `extractor.evidence`); left empty, the place `page`/`row`/`year` name is filled in
    later from the parsed boxes, so a check need only name the places it compared with.
    """
    rule = RULES[rule_id]  # KeyError here is a programming error: register the rule first
    return Finding(rule=rule.id, severity=rule.severity, message=message,
                   location=Location(page=page, table=table, row=row, year=year,
                                     evidence=list(evidence)),
                   expected=expected, found=found)


def kr(amount: int | float | None) -> str:
    """An amount in the table's unit as the tables print it: -10480 → '-10.480'."""
    if amount is None:
        return "tom"
    if isinstance(amount, float) and not amount.is_integer():
        return f"{amount:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")
    n = int(amount)
    digits = f"{abs(n):,}".replace(",", ".")
    return f"-{digits}" if n < 0 else digits


def mio_kr(thousands: int | Decimal) -> str:
    """An amount in 1.000 kr. as mio. kr., exact and in Danish: 11960 → '11,96 mio. kr.'.

    The prose states amounts in mio. kr. and the table in 1.000 kr.; a message sets
    both in the prose's unit so the reader does not have to convert."""
    value = (Decimal(thousands) / 1000).normalize()
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    digits = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{digits}{',' + frac if frac else ''} mio. kr."


def against_table(stated: Decimal, actual: int, *, by_size: bool = False) -> str:
    """'-17.343 t. kr. (-17,343 mio. kr.); forskellen er 4,943 mio. kr.': a table value in
    both units and its distance from what the prose states (by size, where the prose
    states savings as positive amounts)."""
    gap = abs(abs(Decimal(actual)) - abs(stated)) if by_size else abs(Decimal(actual) - stated)
    return f"{kr(actual)} t. kr. ({mio_kr(actual)}); forskellen er {mio_kr(gap)}"
