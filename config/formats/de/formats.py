"""German date formats (FORMAT_MODULE_PATH): Django's, plus the named ones our pages use.

Templates ask for a format by name (`date:"DATE_FORMAT"`, `local_date:"WEEKDAY_DATE_FORMAT"`),
never for a pattern, so each language writes dates its own way. "Uhr" is not part of
any format: German sentences carry it ("bis {{ time }} Uhr") and are translated whole.
"""

DATE_FORMAT = "j. F Y"  # 12. November 2026
TIME_FORMAT = "H:i"  # 17:00
DATETIME_FORMAT = "j. F Y, H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
MONTH_DAY_FORMAT = "j. F"
YEAR_MONTH_FORMAT = "F Y"

# Our own names, read by core_tags.local_date.
WEEKDAY_DATE_FORMAT = "l, j. F Y"  # Donnerstag, 12. November 2026
WEEKDAY_DATETIME_FORMAT = "l, j. F Y, H:i"
WEEKDAY_MONTH_DAY_TIME_FORMAT = "l, j. F, H:i"
SHORT_WEEKDAY_DATE_FORMAT = "D, j. F Y"  # Do, 12. November 2026
SHORT_WEEKDAY_DAY_FORMAT = "D j.n."  # Do 12.11.
SHORT_WEEKDAY_DAY_TIME_FORMAT = "D j.n., H:i"
