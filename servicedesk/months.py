"""Calendar-month arithmetic shared by contracts, billing, warranties and maintenance plans."""
from __future__ import annotations

import calendar
import datetime as dt

_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(day: dt.date, months: int, anchor_day: int | None = None) -> dt.date:
    """``day`` moved by ``months`` calendar months, on ``anchor_day`` (default: ``day.day``)
    clamped to the length of the target month (31 Jan + 1 → 28 Feb; leap years included)."""
    anchor = anchor_day or day.day
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if anchor <= 28:  # every month has the day: no need to know the month's length
        return dt.date(year, month, anchor)
    last = 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]
    return dt.date(year, month, min(anchor, last))


def months_between(a: dt.date, b: dt.date) -> int:
    """Whole calendar months from ``a`` to ``b`` (by month index, days ignored)."""
    return (b.year - a.year) * 12 + (b.month - a.month)
