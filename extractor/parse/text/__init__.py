"""Parsers for already-extracted text, where table geometry is lost."""
