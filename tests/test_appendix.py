"""The "Bilag" sheet over the samples folder: every number recomputed here from the JSON
(not with the extractor's appendix code), the "I alt" rows formulas over the rows above,
the pool warning, each duplicated proposal once, an unreadable table empty with a comment."""

from __future__ import annotations

import io
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import regex

from extractor.checks.config import ConfigError, config_from_dict
from extractor.cli import main
from extractor.export.workbook import to_xlsx_bytes
from extractor.models import DocumentResult, ExtractionResult
from extractor.round.appendix import round_with_appendix

ROOT = Path(__file__).resolve().parent.parent
POOL_MIO = 20  # smaller than what the samples ask for (about 64 mio. kr.)


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> ExtractionResult:
    out = tmp_path_factory.mktemp("bilag") / "result.json"
    code = main(["extract", str(ROOT / "samples"), "-o", str(out), "-q", "--no-cache",
                 "--pool", str(POOL_MIO)])
    assert code == 0
    return ExtractionResult.model_validate_json(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sheet(result: ExtractionResult) -> Any:
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(result)))
    return wb["Bilag"]


def _mio(thousands: int) -> Decimal:
    return (Decimal(thousands) / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _expected(proposal: dict[str, Any]) -> list[Decimal]:
    """[investment Service, Anlæg, effect Service, Overførsler] from Tabel 1 as the issue
    defines them."""
    economy = proposal["economy"]
    rows = economy["rows"]
    last = str(economy["years"][-1])

    def invest(area: str) -> Decimal:
        return _mio(sum(v or 0 for r in rows if r["group"] == "implementation"
                        and r["role"] == "item" and (r["steering_area"] or "").lower() == area
                        for v in r["values"].values()))

    def effect(area: str) -> Decimal:
        total = [r for r in rows if r["group"] == "permanent" and r["role"] == "total"
                 and r["label"].lower().endswith(", " + area)]
        chosen = total[:1] or [r for r in rows if r["group"] == "permanent"
                               and r["role"] == "item"
                               and (r["steering_area"] or "").lower() == area]
        return _mio(-sum(r["values"][last] or 0 for r in chosen))

    return [invest("service"), invest("anlæg"), effect("service"), effect("overførsler")]


def _payback(proposal: dict[str, Any]) -> int | None:
    """docs/checks.md: years, the first counted as 1, until the running sum of "Samlet
    økonomisk påvirkning" first turns <= 0 (after a non-zero year)."""
    economy = proposal["economy"]
    overall = next(r for r in economy["rows"] if r["group"] == "overall")
    running, seen = 0, False
    for n, year in enumerate(economy["years"], start=1):
        value = overall["values"][str(year)] or 0
        running += value
        seen = seen or value != 0
        if seen and running <= 0:
            return n
    return None


def _distinct(result: ExtractionResult) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for doc in result.documents:
        for p in doc.proposals:
            out.setdefault(p.title, p.model_dump(mode="json"))
    return out


def _body_rows(sheet: Any) -> list[tuple[int, tuple[Any, ...]]]:
    return [(r[0].row, tuple(c.value for c in r)) for r in sheet.iter_rows(min_row=4)]


def test_every_number_equals_the_recomputation(result: ExtractionResult, sheet: Any) -> None:
    proposals = _distinct(result)
    seen = []
    for _, values in _body_rows(sheet):
        if isinstance(values[0], int) and values[1] in proposals:
            proposal = proposals[values[1]]
            seen.append(values[1])
            assert [Decimal(str(v)) for v in values[3:7]] == _expected(proposal), values[1]
            stated = next(p["years"] for p in proposal["economy"]["payback"]
                          if "totaløkonomi" in p["label"])
            assert values[7] == stated
            computed = _payback(proposal)
            assert values[8] == (computed if computed != stated else None), values[1]
    assert sorted(seen) == sorted(proposals)  # each proposal once, duplicates included once
    assert len(seen) == len(set(seen)) == 7


def test_i_alt_rows_are_sums_over_the_rows_above(sheet: Any) -> None:
    group: list[int] = []
    case_rows: list[int] = []
    totals = 0
    for row, values in _body_rows(sheet):
        if isinstance(values[0], int):
            group.append(row)
            continue
        if not (isinstance(values[1], str) and values[1].startswith("I alt, ")):
            continue
        formulas = values[3:7]
        is_case = not group  # a committee's total follows its rows, the case's follows that
        covered = case_rows if is_case else group
        for i, formula in enumerate(formulas):
            col = chr(ord("D") + i)
            assert isinstance(formula, str) and formula.startswith("=SUM("), formula
            assert _cells(formula, col) == covered, (row, formula)
        if is_case:
            case_rows = []
        else:
            case_rows += group
            group = []
        totals += 1
    assert totals == 5 + 2  # five committees and two cases


def _cells(formula: str, col: str) -> list[int]:
    out: list[int] = []
    for a, b in regex.findall(rf"{col}(\d+)(?::{col}(\d+))?", formula):
        out += list(range(int(a), int(b or a) + 1))
    return out


def test_a_pool_smaller_than_the_request_warns(result: ExtractionResult, sheet: Any) -> None:
    assert result.round is not None and result.round.pool == POOL_MIO * 1000
    warnings = [f for f in result.round.findings if f.rule == "round.pool_exceeded"]
    assert len(warnings) == 1 and warnings[0].severity == "warning"
    asked = sum(sum(_expected(p)[:2], Decimal(0)) for p in _distinct(result).values())
    assert warnings[0].found == int(asked * 1000) and warnings[0].expected == POOL_MIO * 1000
    texts = [v for _, values in _body_rows(sheet) for v in values if isinstance(v, str)]
    assert warnings[0].message in texts
    big = round_with_appendix(result.documents, run_pool=int(asked * 1000))
    assert big.findings == []  # asking exactly the pool is fine


def test_unknown_committee_and_unreadable_table_stay_empty_with_a_comment() -> None:
    doc = DocumentResult.model_validate({"file": "x.pdf", "proposals": [
        {"title": "Uden tabel", "case": "Budget 2027", "department": "Ukendt forvaltning",
         "pages": None}]})
    result = ExtractionResult(documents=[doc], round=round_with_appendix([doc]))
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(result)))["Bilag"]
    row = next(r for r in ws.iter_rows() if r[1].value == "Uden tabel")
    assert row[2].value is None and "Ukendt forvaltning" in row[2].comment.text
    for cell in row[3:7]:
        assert cell.value is None and "ingen Tabel 1" in cell.comment.text


def test_committees_are_overridable_in_the_config() -> None:
    config = config_from_dict({"committees": {"Ukendt forvaltning": "Kultur- og Fritidsudvalget"},
                               "pool": {"Budget 2027": "0,5"}})
    assert config.pools == {"Budget 2027": 500}
    doc = DocumentResult.model_validate({"file": "x.pdf", "proposals": [
        {"title": "A", "case": "Budget 2027", "department": "Ukendt forvaltning", "pages": None,
         "economy": {"unit": "1.000 kr.", "years": [2027], "rows": [
             {"group": "implementation", "label": "Projekt", "steering_area": "Service",
              "values": {"2027": 650}}]}}]})
    overview = round_with_appendix([doc], config.committees, config.pools)
    assert overview.committees["Ukendt forvaltning"] == "Kultur- og Fritidsudvalget"
    assert overview.cases[0].pool == 500
    assert [f.found for f in overview.findings] == [700]  # 0,65 → 0,7 mio. kr. (half-up)
    with pytest.raises(ConfigError):
        config_from_dict({"pool": {"Budget 2027": "mange"}})


def test_check_exit_1_when_the_config_makes_the_pool_warning_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "checks.toml"
    config.write_text('[severity]\n"round.pool_exceeded" = "error"\n\n[pool]\n'
                      '"Budget 2027" = 1\n', encoding="utf-8")
    sample = str(ROOT / "samples" / "sundhed_7aar.pdf")  # no error findings of its own
    assert main(["check", sample, "-q", "-j", "1"]) == 0
    assert main(["check", sample, "--config", str(config), "-q", "-j", "1"]) == 1
    out = capsys.readouterr().out
    assert "FEJL: Budget 2027: forslagene beder om 5,2 mio. kr." in out
