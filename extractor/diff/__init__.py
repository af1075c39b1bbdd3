"""Two versions of the same proposal(s) → what changed (`extractor diff OLD NEW`).

`pairing.py` pairs the proposals of the two sides by title and case, `compare.py` lists one
pair's changes in the contract's kinds, `sentences.py` cuts section text into the changed
sentences (a changed word must not print a whole section twice).
"""
