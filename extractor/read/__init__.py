"""Read: a file → pages of positioned words and ruling lines (PDF), or the same from text."""

READERS = ("pdfium", "pdfplumber")  # the PDF readers (read/pdfium.py, read/pdf.py); first = default
TEXT_SUFFIXES = (".txt",)  # already-extracted text (read/text.py); the rest is read as PDF
DOCX_SUFFIXES = (".docx", ".docm")  # Word (read/docx.py); here: naming them loads no python-docx
