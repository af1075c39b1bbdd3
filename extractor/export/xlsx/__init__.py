"""The parts of the Excel workbook that `extractor/export/workbook.py` assembles.

`cells` writes values safely (document text never becomes a formula), `labels` holds
every sheet and column name in Danish and English, `layout` decides sheet names and
which rows a check formula sums (no openpyxl), `proposal_sheet` draws one proposal's
Tabel 1 with its check formulas, `round_sheet` the round's totals (Runde) and the
overview's "I runden" column, `appendix_sheet` the appendix table (Bilag);
`diff_workbook` is the workbook of `extractor diff -o changes.xlsx`. Every sheet shares
the look: `styles` (named fonts, one meaning per colour), `legend` (the colours a sheet
uses, explained above its table), `sizing` with `metrics` (columns from the content's
measured width, row heights from wrapped lines) and `printing` (A4 landscape, repeated
headers, >= 8 pt).
"""
