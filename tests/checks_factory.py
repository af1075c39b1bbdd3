"""A small proposal on which every check is quiet; tests break one thing at a time.

Years 2026-2029. Every total adds up exactly, every heading matches its row, the
headlines match the totals, the payback is what the method computes (service 3,
total 4), and the template parts are all there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from extractor.models import (
    CostItem,
    Economy,
    EconomyRow,
    Finding,
    FollowUp,
    Hearing,
    Payback,
    Proposal,
    Risk,
    Section,
)

YEARS = [2026, 2027, 2028, 2029]


def row(group: str, label: str, values: list[int | None], *, area: str | None = "Service",
        role: str = "item", page: int = 5) -> EconomyRow:
    return EconomyRow(group=group, label=label, steering_area=area, role=role,  # type: ignore[arg-type]
                      values={str(y): v for y, v in zip(YEARS, values, strict=True)}, page=page)


def economy() -> Economy:
    return Economy(unit="1.000 kr.", price_level="2027 p/l", years=YEARS, page=5, rows=[
        row("permanent", "Besparelse på kørsel", [None, -500, -1000, -1000]),
        row("permanent", "Drift af team", [None, 200, 400, 400]),
        row("permanent", "Huslejetilskud", [None, 50, 100, 100], area="Overførsler"),
        row("permanent", "Samlet varig ændring, Service", [0, -300, -600, -600], role="total"),
        row("permanent", "Heraf nettoeffektivisering", [0, -250, -500, -500], role="of_which"),
        row("permanent", "Samlet varig ændring, Overførsler", [0, 50, 100, 100],
            area="Overførsler", role="total"),
        row("permanent", "Samlet varig ændring", [0, -250, -500, -500], area=None, role="total"),
        row("implementation", "Projektledelse (2 år)", [400, 300, None, None]),
        row("implementation", "Uddannelse af medarbejdere", [100, 100, None, None]),
        row("implementation", "Samlede implementeringsomkostninger", [500, 400, None, None],
            area=None, role="total"),
        row("overall", "Samlet økonomisk påvirkning", [500, 150, -500, -500], area=None,
            role="total"),
    ], payback=[
        Payback(label="Tilbagebetalingstid baseret på serviceeffektivisering", years=3, text="3"),
        Payback(label="Tilbagebetalingstid baseret på totaløkonomi", years=4, text="4"),
    ], notes=["Alle effektiviseringer er angivet med negativt fortegn (-)."])


def cost_items() -> list[CostItem]:
    return [
        CostItem(group="permanent", title="Besparelse på kørsel",
                 amount_text="-1,0 mio. kr. ved fuld indfasning", page=4),
        CostItem(group="permanent", title="Drift af teamet",
                 amount_text="0,2 mio. kr. i 2027 stigende til 0,4 mio. kr. i 2028", page=4),
        CostItem(group="permanent", title="Huslejetilskud",
                 amount_text="0,1 mio. kr. årligt fra 2028 og frem", page=4),
        CostItem(group="implementation", title="Projektledelse",
                 amount_text="0,7 mio. kr. i alt", page=4),
        CostItem(group="implementation", title="Uddannelse af medarbejdere",
                 amount_text="100 t. kr. årligt i 2026-2027", page=4),
    ]


SUMMARY = ("Forvaltningen vil samle kørslen. Effektiviseringen på 0,5 mio. kr. ved fuld "
           "indfasning hentes på kørsel.")
SECTION_2 = ("Effektiviseringen er på 0,25 mio. kr. i 2027 stigende til 0,5 mio. kr. årligt ved "
             "fuld indfasning i 2029. For at realisere besparelsen varigt er der behov for "
             "0,9 mio. kr. i investeringsmidler.\nVarige ændringer (effektivisering og drift)\n"
             "Besparelse på kørsel: -1,0 mio. kr. ved fuld indfasning\nBesparelsen udgør "
             "0,5 mio. kr. i 2027.")


def proposal() -> Proposal:
    titles = ["Beskrivelse af forslag (fremgangsmåde og effekt)", "Økonomi",
              "Implementering og opfølgning", "Risikovurdering",
              "Effektivisering på administration", "Hvem er hørt?"]
    sections = [Section(number=str(n), title=t, text=SECTION_2 if n == 2 else "Tekst.")
                for n, t in enumerate(titles, start=1)]
    return Proposal(
        title="Fælles kørselskontor", summary=SUMMARY, pages=[1, 7], sections=sections,
        economy=economy(), cost_items=cost_items(),
        follow_up=[FollowUp(goal="Kontoret er etableret", measure="Afrapportering")],
        risk=Risk(level="lav", text="Forslagets risiko vurderes som lav."),
        innovation_proposal=False,
        hearings=[Hearing(table=4, body="Center for Økonomi, Økonomiforvaltningen",
                          answer=True, date=dt.date(2026, 1, 23))],
    )


def economy_row(p: Proposal, label: str) -> EconomyRow:
    assert p.economy is not None
    return next(r for r in p.economy.rows if r.label == label)


def set_value(p: Proposal, label: str, year: int, value: int | None) -> None:
    economy_row(p, label).values[str(year)] = value


def rules(findings: Iterable[Finding]) -> list[str]:
    return [f.rule for f in findings]
