"""Dates, times, numbers and euro amounts shown with the current QLocale (Italian: 1.234,50 €)."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def _loc() -> QLocale:
    return QLocale()


def date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return _loc().toString(QDate(value.year, value.month, value.day), _date_pattern())


def _date_pattern() -> str:
    # Four-digit years everywhere: "27/11/2026" (it), "11/27/2026" (en_US).
    pattern = _loc().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return f"{date(value.date())} {time(value.time())}"


def time(value: dt.time | None) -> str:
    if value is None:
        return ""
    return _loc().toString(QTime(value.hour, value.minute), "HH:mm")


def number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """Grouped thousands always ("1.234,50" in Italian), whatever the locale's minimum grouping."""
    if value is None:
        return ""
    loc = _loc()
    quant = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    text = format(Decimal(str(value)).quantize(quant, rounding=ROUND_HALF_UP), f",.{decimals}f")
    return text.replace(",", "\0").replace(".", loc.decimalPoint()).replace("\0", loc.groupSeparator())


def euro(value: Decimal | float | int | None) -> str:
    if value is None:
        return ""
    return f"{number(value, 2)} €"


def hours(minutes: int | None) -> str:
    """Minutes as hours with two decimals ("1,50")."""
    if minutes is None:
        return ""
    return number(minutes / 60, 2)


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(qdate(value.date()), QTime(value.hour, value.minute, value.second))


def pydatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
