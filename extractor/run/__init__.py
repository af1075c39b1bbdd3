"""Run many files: worker processes with limits, the result cache, progress, atomic writes."""
