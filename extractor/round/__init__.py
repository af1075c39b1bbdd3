"""The whole budget round over every document of a run: `overview.py` finds duplicates and
versions and sums each case's printed grand totals (the contract's `round` object);
`appendix.py` turns the distinct proposals into the politicians' appendix table ("Bilag")."""
