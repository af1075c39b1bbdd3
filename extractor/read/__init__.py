"""Read: a file → pages of positioned words and ruling lines (PDF), or the same from text."""
