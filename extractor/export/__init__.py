"""Export: results → JSON, the Excel workbook and the text report."""
