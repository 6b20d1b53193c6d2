"""Words the window shows: the catalogue loader, translated texts filled with values, dates and
times, statuses and problems in the UI's language."""
