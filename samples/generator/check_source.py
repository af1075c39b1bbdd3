"""Consistency check of sample sources: Tabel 1 totals and cost-item amounts.

    python samples/generator/check_source.py [STEM ...]

Checks, per economy_table: every total row ("Samlet …", "Samlede …") equals the sum of the
item rows it covers (its group; only one steering area if the label ends in ", <area>"),
"Samlet økonomisk påvirkning" = permanent total + implementation total, and every cost_item's
amount_text ("x,y mio. kr. i alt" / "i 2028" / "årligt" / "ved fuld indfasning") agrees with
its Tabel 1 row, rounded half-up to 0,1 mio. kr. The real documents have known
inconsistencies; this prints them and exits 1 if any source has a problem.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

SOURCE_DIR = Path(__file__).resolve().parent.parent / "source"
Row = dict[str, Any]
AMOUNT = re.compile(r"(-?\d+(?:,\d+)?) mio\. kr\.")


def _value(row: Row, year: str) -> int:
    return row["values"].get(year) or 0


def check_totals(table: dict[str, Any]) -> list[str]:
    years = [str(y) for y in table["years"]]
    rows = [r for r in table["rows"] if r["kind"] == "row"]
    problems = []
    group_totals: dict[str, Row] = {}
    for row in rows:
        if row.get("role") != "total":
            continue
        group = row["group"]
        if group == "overall":
            covered = list(group_totals.values())
        else:
            items = [r for r in rows if r["group"] == group and r.get("role") == "item"]
            area = row["label"].rpartition(", ")[2].rstrip("*").lower() \
                if ", " in row["label"] else None
            areas = {(r.get("steering_area") or "").lower() for r in items}
            if area in areas:
                covered = [r for r in items if (r.get("steering_area") or "").lower() == area]
            else:
                covered = items
                group_totals[group] = row
        for year in years:
            expected = sum(_value(r, year) for r in covered)
            if _value(row, year) != expected:
                problems.append(f"{row['label']!r} {year}: printed {row['values'].get(year)}, "
                                f"sum of covered rows {expected}")
    return problems


def _mio(thousands: int) -> str:
    rounded = (Decimal(thousands) / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(rounded).replace(".", ",")


def check_cost_item(item: dict[str, Any], table: dict[str, Any]) -> str | None:
    years = [str(y) for y in table["years"]]
    rows = [r for r in table["rows"] if r["kind"] == "row" and r.get("role") == "item"
            and r["group"] == item["group"]]
    title = item["title"].lower()
    matches = [r for r in rows if r["label"].lower().startswith(title)
               or title.startswith(r["label"].lower())]
    if len(matches) != 1:
        return f"cost item {item['title']!r}: {len(matches)} matching Tabel 1 rows"
    row, text = matches[0], item["amount_text"]
    found = AMOUNT.search(text)
    if not found:
        return f"cost item {item['title']!r}: no amount in {text!r}"
    if "i alt" in text:
        value = sum(_value(row, y) for y in years)
    elif single := re.search(r"\bi (\d{4})\b", text):
        value = _value(row, single.group(1))
    else:
        value = _value(row, years[-1])
    if found.group(1).lstrip("-") != _mio(abs(value)) or (found.group(1)[0] == "-") != (value < 0):
        return f"cost item {item['title']!r}: {text!r} but Tabel 1 gives {_mio(value)}"
    return None


def check(source: dict[str, Any]) -> list[str]:
    tables = [b for b in source["blocks"] if b["type"] == "economy_table"]
    if len(tables) != 1:
        return [f"{len(tables)} economy tables"]
    problems = check_totals(tables[0])
    for block in source["blocks"]:
        if block["type"] == "cost_item" and (problem := check_cost_item(block, tables[0])):
            problems.append(problem)
    return problems


def main(argv: list[str]) -> int:
    stems = argv or sorted(p.stem for p in SOURCE_DIR.glob("*.json"))
    bad = 0
    for stem in stems:
        source = json.loads((SOURCE_DIR / f"{stem}.json").read_text(encoding="utf-8"))
        problems = check(source)
        print(f"{stem}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
        for problem in problems:
            print(f"  {problem}")
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
