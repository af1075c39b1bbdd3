"""The diff's rules on small hand-made proposals: relabelled rows, sentences, pairing."""

from __future__ import annotations

from extractor.diff.compare import economy_changes, follow_up_changes, proposal_changes
from extractor.diff.pairing import pair_proposals
from extractor.diff.sentences import changed_sentences, split_sentences
from extractor.models import Economy, EconomyRow, FollowUp, Proposal, Section

YEARS = [2027, 2028]


def _row(label: str, a: int | None, b: int | None, group: str = "permanent",
         role: str = "item") -> EconomyRow:
    return EconomyRow(group=group, label=label, role=role,  # type: ignore[arg-type]
                      values={"2027": a, "2028": b})


def _economy(*rows: EconomyRow) -> Economy:
    return Economy(years=YEARS, rows=list(rows))


def test_a_relabelled_row_with_the_same_values_is_one_change() -> None:
    old = _economy(_row("Drift", 100, 200), _row("Samlet varig ændring", 100, 200, role="total"))
    new = _economy(_row("Drift af team", 100, 200),
                   _row("Samlet varig ændring", 100, 200, role="total"))
    changes = [c.model_dump() for c in economy_changes(old, new)]
    assert changes == [{"kind": "row_relabelled", "group": "permanent", "old": "Drift",
                        "new": "Drift af team"}]


def test_a_relabelled_row_with_new_values_is_removed_and_added() -> None:
    old = _economy(_row("Drift", 100, 200))
    new = _economy(_row("Drift af team", 100, 300))
    kinds = [c.kind for c in economy_changes(old, new)]
    assert kinds == ["row_removed", "row_added"]


def test_an_added_year_lists_its_cells_old_empty() -> None:
    old = _economy(_row("Drift", 100, 200))
    new = Economy(years=[2027, 2028, 2029],
                  rows=[EconomyRow(group="permanent", label="Drift",
                                   values={"2027": 100, "2028": 200, "2029": 250})])
    assert [(c.year, c.old, c.new) for c in economy_changes(old, new)] == [  # type: ignore[union-attr]
        (2029, None, 250)]


def test_sentences_keep_abbreviations_and_amounts_together() -> None:
    text = "Der afsættes 0,8 mio. kr. i 2027. Det er bl.a. til drift.\nOverskrift: -1,2 mio. kr."
    assert split_sentences(text) == ["Der afsættes 0,8 mio. kr. i 2027.",
                                     "Det er bl.a. til drift.", "Overskrift: -1,2 mio. kr."]


def test_one_changed_word_gives_one_changed_sentence() -> None:
    old = "Første sætning. Anden sætning med 27 pct. Tredje sætning."
    new = "Første sætning. Anden sætning med 28 pct. Tredje sætning. Fjerde."
    assert changed_sentences(old, new) == [("Anden sætning med 27 pct.",
                                            "Anden sætning med 28 pct."), (None, "Fjerde.")]


def test_follow_up_goal_changed_in_its_deadline_names_both_versions() -> None:
    old = [FollowUp(goal="Mål A", deadline="2027"), FollowUp(goal="Mål B")]
    new = [FollowUp(goal="Mål A", deadline="2028"), FollowUp(goal="Mål B")]
    assert [(c.old, c.new) for c in follow_up_changes(old, new)] == [
        ("Mål A (2027)", "Mål A (2028)")]


def _proposal(title: str, case: str = "Budget 2027", **fields: object) -> Proposal:
    return Proposal(title=title, case=case, pages=None, **fields)  # type: ignore[arg-type]


def test_pairing_by_title_and_case_and_a_lone_renamed_proposal() -> None:
    a, b = _proposal("A"), _proposal("B")
    pairs = pair_proposals([a, b], [_proposal("B"), _proposal("A2")])
    assert [(o and o.title, n and n.title) for o, n in pairs] == [("A", "A2"), ("B", "B")]
    pairs = pair_proposals([a], [_proposal("A", case="Budget 2028"), _proposal("C")])
    assert [(o and o.title, n and n.title) for o, n in pairs] == [
        ("A", None), (None, "A"), (None, "C")]


def test_field_and_section_changes() -> None:
    old = _proposal("A", department="Socialforvaltningen",
                    sections=[Section(number="1", title="Beskrivelse", text="Et. To.")])
    new = _proposal("A", department="Økonomiforvaltningen",
                    sections=[Section(number="1", title="Beskrivelse", text="Et. Tre.")])
    changes = [c.model_dump() for c in proposal_changes(old, new)]
    assert changes == [
        {"kind": "field", "field": "department", "old": "Socialforvaltningen",
         "new": "Økonomiforvaltningen"},
        {"kind": "text", "section": "1", "old": "To.", "new": "Tre."}]


def test_payback_and_hearing_changes() -> None:
    import datetime as dt

    from extractor.models import Hearing, Payback
    old = _proposal("A", economy=Economy(years=YEARS, payback=[
        Payback(label="Tilbagebetalingstid baseret på totaløkonomi", years=4)]),
        hearings=[Hearing(table=4, body="Center for Økonomi", answer=True,
                          date=dt.date(2026, 1, 12))])
    new = _proposal("A", economy=Economy(years=YEARS, payback=[
        Payback(label="Tilbagebetalingstid baseret på totaløkonomi", years=5)]),
        hearings=[Hearing(table=4, body="Center for Økonomi", answer=False,
                          date=dt.date(2026, 2, 1))])
    changes = [c.model_dump() for c in proposal_changes(old, new)]
    assert changes == [
        {"kind": "field", "field": "hearing.answer Tabel 4: Center for Økonomi", "old": True,
         "new": False},
        {"kind": "field", "field": "hearing.date Tabel 4: Center for Økonomi",
         "old": "2026-01-12", "new": "2026-02-01"},
        {"kind": "payback", "row": "Tilbagebetalingstid baseret på totaløkonomi", "old": 4,
         "new": 5}]


def test_report_names_each_kind_in_danish() -> None:
    from extractor.diff.pairing import diff_pair
    from extractor.export.diff_report import render_diff
    from extractor.models import DiffResult, DiffSide
    old = _proposal("A", economy=_economy(_row("Drift", 100, 200)),
                    follow_up=[FollowUp(goal="Mål")])
    new = _proposal("A", economy=_economy(_row("Drift", 100, 250), _row("Ny", None, 5)))
    result = DiffResult(old=DiffSide(file="a.pdf"), new=DiffSide(file="b.pdf"),
                        proposals=[diff_pair(old, new), diff_pair(None, _proposal("B"))])
    text = render_diff(result)
    assert "A (Budget 2027): ændret, 3 ændringer" in text
    assert "'Drift' 2028: 200 → 250" in text
    assert "ny række 'Ny': 2027: tom, 2028: 5" in text
    assert "Opfølgningsmål fjernet: Mål" in text
    assert "B (Budget 2027): nyt forslag" in text
    assert "ingen forskelle" not in text


def test_changes_come_in_table_order() -> None:
    old = _economy(_row("A", 1, 1), _row("B", 5, 5),
                   _row("Samlet varig ændring", 6, 6, role="total"))
    new = _economy(_row("Ny", 2, None), _row("A", 1, 1),
                   _row("Samlet varig ændring", 3, 1, role="total"))
    assert [(c.kind, getattr(c, "row", None), getattr(c, "year", None))
            for c in economy_changes(old, new)] == [
        ("row_added", "Ny", None), ("row_removed", "B", None),
        ("cell", "Samlet varig ændring", 2027), ("cell", "Samlet varig ændring", 2028)]
