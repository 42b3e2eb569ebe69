"""Report models and writers: DOCX, PDF, iCalendar, IATI XML and CSV."""
