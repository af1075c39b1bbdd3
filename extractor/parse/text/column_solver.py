"""Which year columns a text row's numbers belong to, decided from the table's totals.

In text, a Tabel 1 row has lost its empty cells: "Service 950 1.890 1.890 1.890 1.890"
under six years does not say which year is empty. A placement puts a row's k numbers,
in their order, into k of the n year columns. Normally they form one contiguous run
(n - k + 1 placements), but a row may have an empty year in the middle ("1.800 1.200
– 900 400"), so every order-keeping placement (n choose k) is allowed, and contiguity
only breaks ties. The solver chooses one placement per row, jointly for all rows
(totals included, they lose cells too), maximising, in this order of priority,

1. the number of (relation, year) pairs that hold, where the relations are exactly
   the ones the checks compare (`extractor.checks.arithmetic.total_relations`) and
   "hold" is the checks' own interval tolerance (`year_holds`);
2. as tie-breakers only: the number of rows placed as one contiguous run, then the
   number of rows that follow the template's convention: permanent rows start in
   the second year (the first year is the investment year), implementation and
   overall rows in the first.

A total that never adds up (the real "Forløbsprogram" has one) fails in those years
whatever the placement, so the pairs that do hold still decide where the other rows go.

Search: rows are split into independent components (rows linked by a relation whose
placement is open); each component is solved exactly by depth-first branch and bound,
trying each row's conventional placement first. The bound counts, for every (relation,
year) pair, 1 if it holds (all its rows placed) or can still hold: the placed rows'
sum plus the least and most the open rows can put in that year (their placements'
minimum and maximum there) still meets the total's range, widened by the largest
rounding slack; plus the tie-breaker points every open row could still earn. A total
that can only be met when every open row starts in the first year cuts every other
branch at once. A row is
*decided* when one placement alone reaches the optimum: for each of its placements the
search is rerun with the row fixed there, and stops at the first solution that reaches
the optimum. A row with two or more optimal placements is ambiguous: the caller leaves
its cells empty and reports the placements. Should a component need more than
`NODE_BUDGET` search steps (a big table whose totals decide little), every open row of
it is reported ambiguous rather than guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from extractor.economy_relations import sum_holds, total_relations, year_holds
from extractor.models import Economy, EconomyRow
from extractor.template import Template

NODE_BUDGET = 30_000  # search steps per component: steps, not seconds, so results are
# the same on every machine (0.5-1 s here; the real tables need about 10.000 in all)

Placement = tuple[int, ...]  # the year columns (0-based) of a row's numbers, in order


@dataclass
class TextRow:
    """A Tabel 1 row read from text: its numbers in order, not yet in columns."""

    row: EconomyRow  # label, group, role, steering area; values not yet placed
    numbers: list[int]


@dataclass
class Solution:
    placements: dict[int, Placement]  # row index → columns, for every decided row
    ambiguous: dict[int, list[Placement]] = field(default_factory=dict)  # → optimal ones
    most_steps: int = 0  # the most search steps one group of linked rows took (≤ NODE_BUDGET)


def placements_of(numbers: Sequence[int], n_years: int,
                  contiguous: bool = True) -> list[Placement]:
    """The contiguous placements, or every order-keeping one; none for too many numbers."""
    k = len(numbers)
    if contiguous:
        return [tuple(range(s, s + k)) for s in range(n_years - k + 1)]
    return list(itertools.combinations(range(n_years), k))


def is_contiguous(placement: Placement) -> bool:
    return not placement or placement[-1] - placement[0] == len(placement) - 1


def placed_values(numbers: Sequence[int], placement: Placement,
                  years: Sequence[int]) -> dict[str, int | None]:
    """The row's values as the contract keys them, by year."""
    return dict(zip(map(str, years), _in_columns(numbers, placement, len(years)), strict=True))


def _in_columns(numbers: Sequence[int], placement: Placement | None,
                n: int) -> list[int | None]:
    """The numbers in their columns, None elsewhere (and everywhere without a placement:
    a row with more numbers than years is unreadable)."""
    out: list[int | None] = [None] * n
    if placement is not None:
        for column, number in zip(placement, numbers, strict=True):
            out[column] = number
    return out


def solve_columns(rows: Sequence[TextRow], years: Sequence[int], template: Template) -> Solution:
    """The placement of every row's numbers (see the module docstring)."""
    n = len(years)
    options = [placements_of(r.numbers, n) for r in rows]
    # The relations, found on a provisional economy (every row left-aligned); which rows a
    # total covers depends only on labels, groups, areas and signs, never on the placement.
    provisional = [r.row.model_copy(update={"values": placed_values(
        r.numbers if opts else [], opts[0] if opts else (), years)})
        for r, opts in zip(rows, options, strict=True)]
    economy = Economy(years=list(years), rows=provisional)
    index = {id(row): i for i, row in enumerate(provisional)}
    relations = [(index[id(rel.total)], tuple(index[id(r)] for r in rel.covered))
                 for rel in total_relations(economy, template)]
    first = _Problem(rows, options, relations, n, template.first_column).solve()
    unsettled = {i for total, covered in relations
                 if not _holds_everywhere(rows, first, total, covered, n)
                 for i in (total, *covered) if len(options[i]) > 1}
    if not unsettled:
        return first
    wider = [placements_of(r.numbers, n, contiguous=i not in unsettled)
             for i, r in enumerate(rows)]
    return _Problem(rows, wider, relations, n, template.first_column).solve()


def _holds_everywhere(rows: Sequence[TextRow], solution: Solution, total: int,
                      covered: tuple[int, ...], n: int) -> bool:
    if any(i in solution.ambiguous for i in (total, *covered)):
        return False
    columns = {i: _in_columns(rows[i].numbers, solution.placements.get(i), n)
               for i in (total, *covered)}
    return all(year_holds(columns[total][y], [columns[j][y] for j in covered])
               for y in range(n))


class _OverBudget(Exception):
    pass


class _Problem:
    def __init__(self, rows: Sequence[TextRow], options: list[list[Placement]],
                 relations: list[tuple[int, tuple[int, ...]]], n_years: int,
                 first_column: Mapping[str, int]) -> None:
        self.rows = rows
        self.first_column = first_column  # the template's convention: a tie-break only
        self.options = options
        self.relations = relations
        self.n = n_years
        self.contiguity_weight = len(rows) + 1  # outweighs every convention point
        self.pair_weight = self.contiguity_weight * (len(rows) + 1)  # outweighs every tie-break
        self.open = {i for i, opts in enumerate(options) if len(opts) > 1}
        self.nodes = 0

    def solve(self) -> Solution:
        solution = Solution(placements={})
        for component in self.components():
            self.nodes = 0
            try:
                best = self.search(component, {}, None)
                optimal_by_row = {i: [p for p in self.options[i]
                                      if self.search(component, {i: p}, best) >= best]
                                  for i in component}
            except _OverBudget:
                solution.ambiguous.update({i: self.options[i] for i in component})
                continue
            finally:
                solution.most_steps = max(solution.most_steps, self.nodes)
            for i, optimal in optimal_by_row.items():
                if len(optimal) == 1:
                    solution.placements[i] = optimal[0]
                else:
                    solution.ambiguous[i] = optimal
        for i, opts in enumerate(self.options):
            if len(opts) == 1:
                solution.placements[i] = opts[0]
        return solution

    def components(self) -> list[list[int]]:
        parent = {i: i for i in self.open}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for total, covered in self.relations:
            members = [i for i in (total, *covered) if i in self.open]
            for a in members[1:]:
                parent[find(a)] = find(members[0])
        groups: dict[int, list[int]] = {}
        for i in sorted(self.open):
            groups.setdefault(find(i), []).append(i)
        return [sorted(g, key=lambda i: (len(self.options[i]), i)) for g in groups.values()]

    def _values(self, i: int, placement: Placement | None) -> list[int | None]:
        return _in_columns(self.rows[i].numbers, placement, self.n)

    def _tie_break(self, i: int, placement: Placement) -> int:
        if not is_contiguous(placement):
            return 0
        k = len(self.rows[i].numbers)
        conventional = min(self.first_column[self.rows[i].row.group], self.n - k)
        return self.contiguity_weight + int(not placement or placement[0] == conventional)

    def search(self, order: list[int], fixed: dict[int, Placement], target: int | None) -> int:
        """Best weighted score of the component; with `target`, stop once it is reached."""
        members = set(order)
        relations = [(t, c) for t, c in self.relations if members & {t, *c}]
        columns: dict[int, list[int | None]] = {}
        ranges: dict[int, list[tuple[int, int]]] = {}
        for i in {j for t, c in relations for j in (t, *c)}:
            if i in members and i not in fixed:
                options = [self._values(i, p) for p in self.options[i]]
                ranges[i] = [(min(v[y] or 0 for v in options), max(v[y] or 0 for v in options))
                             for y in range(self.n)]
            else:
                own = self.options[i][0] if self.options[i] else None
                columns[i] = self._values(i, fixed.get(i, own))
        best = [-1]
        floor = target if target is not None else -1
        most_tie_break = self.contiguity_weight + 1

        # Running sums per relation and year over its covered rows: a placed row adds its
        # value (and counts as printed when not empty), an open row its least and most.
        n = self.n
        touches: dict[int, list[tuple[int, bool]]] = {}
        low = [[0] * n for _ in relations]
        high = [[0] * n for _ in relations]
        printed = [[0] * n for _ in relations]
        waiting = [0] * len(relations)  # rows of the relation (total included) still open
        for k, (total, covered) in enumerate(relations):
            touches.setdefault(total, []).append((k, True))
            waiting[k] += total not in columns
            for j in covered:
                touches.setdefault(j, []).append((k, False))
                if j in columns:
                    for y, v in enumerate(columns[j]):
                        low[k][y] += v or 0
                        high[k][y] += v or 0
                        printed[k][y] += v is not None
                else:
                    waiting[k] += 1
                    for y, (least, most) in enumerate(ranges[j]):
                        low[k][y] += least
                        high[k][y] += most

        def place(i: int, values: list[int | None], sign: int) -> None:
            """Row i leaves its ranges for `values` (sign 1), or returns to them (sign -1)."""
            for k, is_total in touches.get(i, ()):
                waiting[k] -= sign
                if is_total:
                    continue
                lo, hi, pr = low[k], high[k], printed[k]
                for y, (v, (least, most)) in enumerate(zip(values, ranges[i], strict=True)):
                    lo[y] += sign * ((v or 0) - least)
                    hi[y] += sign * ((v or 0) - most)
                    pr[y] += sign * (v is not None)

        def bound_pairs() -> int:
            """Pairs that hold (all rows placed) or can still hold (the ranges meet)."""
            count = 0
            for k, (total, covered) in enumerate(relations):
                own = columns.get(total)
                lo, hi = low[k], high[k]
                if waiting[k] == 0:
                    pr = printed[k]
                    count += sum(sum_holds(own[y], lo[y], pr[y]) for y in range(n))
                    continue
                tolerance2 = len(covered) + 1  # twice the widest rounding slack
                for y in range(n):
                    t_low, t_high = (own[y] or 0,) * 2 if own is not None else ranges[total][y]
                    count += (2 * (lo[y] - t_high) <= tolerance2
                              and 2 * (t_low - hi[y]) <= tolerance2)
            return count

        def walk(depth: int, tie_breaks: int) -> None:
            if target is not None and best[0] >= target:
                return
            self.nodes += 1
            if self.nodes > NODE_BUDGET:
                raise _OverBudget
            bound = (bound_pairs() * self.pair_weight + tie_breaks
                     + (len(order) - depth) * most_tie_break)
            if bound < floor or (target is None and bound <= best[0]):
                return
            if depth == len(order):
                best[0] = max(best[0], bound)
                return
            i = order[depth]
            if i in fixed:  # already among the placed rows
                walk(depth + 1, tie_breaks + self._tie_break(i, fixed[i]))
                return
            for placement in sorted(self.options[i], key=lambda p: -self._tie_break(i, p)):
                values = columns[i] = self._values(i, placement)
                place(i, values, 1)
                walk(depth + 1, tie_breaks + self._tie_break(i, placement))
                place(i, values, -1)
                del columns[i]

        walk(0, 0)
        return best[0]
