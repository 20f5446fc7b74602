"""English date formats: day before month and the 24-hour clock, as the city's
English readers (and the German original) expect; see config/formats/de/formats.py."""

DATE_FORMAT = "j F Y"  # 12 November 2026
TIME_FORMAT = "H:i"  # 17:00
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"

WEEKDAY_DATE_FORMAT = "l, j F Y"  # Thursday, 12 November 2026
WEEKDAY_DATETIME_FORMAT = "l, j F Y, H:i"
WEEKDAY_MONTH_DAY_TIME_FORMAT = "l, j F, H:i"
SHORT_WEEKDAY_DATE_FORMAT = "D, j F Y"  # Thu, 12 November 2026
SHORT_WEEKDAY_DAY_FORMAT = "D j M"  # Thu 12 Nov
SHORT_WEEKDAY_DAY_TIME_FORMAT = "D j M, H:i"
