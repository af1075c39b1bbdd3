"""Segment: pages → proposals → sections and tables, page furniture removed."""
