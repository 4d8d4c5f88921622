"""ISTAT FOI figures applied at renewal (R-CON-4): which figure a renewal needs, the table of
figures, and the user's edits.

A contract applies one of two figures, chosen per contract (``Contract.istat_month_lag``):

- **annual average** (``None``): the FOI's average change of the calendar year before the year
  the new term starts in (a term starting in March 2027 applies the 2026 average, published by
  ISTAT in mid-January 2027);
- **change over 12 months of a month** (``N``, 1–12): the change of the month N months before
  the month the new term starts in, over the same month of the year before (the usual clause
  "variazione FOI dei 12 mesi precedenti"): with N = 2 a term starting in March 2027 applies
  the change January 2026 → January 2027.

A figure is applied only when it exists in the table: a missing one is never taken as zero nor
replaced by an older one. The renewal waits (an alert says which figure) until the office adds
it (by hand or from ISTAT's file) or chooses explicitly to renew without it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .. import context, limits
from ..errors import FieldError, NotFound, ValidationError
from ..models import IstatIndex, IstatMonth
from ..permissions import Permission

MAX_LAG = 12
CHANGE_RANGE = (Decimal(-50), Decimal(100))


@dataclass(frozen=True, order=True)
class Period:
    """The period a figure refers to: a year (its annual average) or a month of a year."""

    year: int
    month: int | None = None  # None: the annual average

    @property
    def label(self) -> str:
        """Language-neutral: "2026" (annual average) or "01/2027" (a month)."""
        return str(self.year) if self.month is None else f"{self.month:02d}/{self.year}"

    @property
    def code(self) -> str:
        return str(self.year) if self.month is None else f"{self.year}-{self.month:02d}"

    @classmethod
    def from_code(cls, code: str) -> Period:
        year, _, month = code.partition("-")
        return cls(int(year), int(month) if month else None)


@dataclass(frozen=True)
class Figure:
    """A figure as ``renewals.revalue`` reads it."""

    period: Period
    change_pct: Decimal

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def month(self) -> int | None:
        return self.period.month


def needed_period(new_term_start: dt.date, month_lag: int | None) -> Period:
    """The figure a term starting on ``new_term_start`` needs (see the module docstring)."""
    if month_lag is None:
        return Period(new_term_start.year - 1)
    index = new_term_start.year * 12 + new_term_start.month - 1 - month_lag
    return Period(index // 12, index % 12 + 1)


class IstatTable:
    """Every figure in memory (one query each instead of one per renewal, for the run)."""

    def __init__(self) -> None:
        self.figures: dict[Period, Decimal] = {
            Period(y): Decimal(c) for y, c in IstatIndex.select(IstatIndex.year,
                                                                 IstatIndex.change_pct).tuples()}
        for y, m, c in (IstatMonth.select(IstatMonth.year, IstatMonth.month, IstatMonth.change_pct)
                        .where(IstatMonth.change_pct.is_null(False)).tuples()):
            self.figures[Period(y, m)] = Decimal(c)

    def get(self, period: Period) -> Figure | None:
        change = self.figures.get(period)
        return None if change is None else Figure(period, change)


def figure(period: Period) -> Figure | None:
    """The figure of ``period`` if the table has it."""
    if period.month is None:
        row = IstatIndex.get_or_none(IstatIndex.year == period.year)
        change = row.change_pct if row is not None else None
    else:
        row = IstatMonth.get_or_none(IstatMonth.year == period.year,
                                     IstatMonth.month == period.month)
        change = row.change_pct if row is not None else None
    return None if change is None else Figure(period, Decimal(change))


def latest() -> tuple[Period | None, Period | None]:
    """The latest annual average and the latest month with a change in the table."""
    year = IstatIndex.select(IstatIndex.year).order_by(IstatIndex.year.desc()).scalar()
    month = (IstatMonth.select(IstatMonth.year, IstatMonth.month)
             .where(IstatMonth.change_pct.is_null(False))
             .order_by(IstatMonth.year.desc(), IstatMonth.month.desc()).tuples().first())
    return (Period(year) if year else None), (Period(*month) if month else None)


@dataclass(frozen=True)
class YearRow:
    year: int
    change_pct: Decimal
    published_on: dt.date | None
    note: str
    version: int


@dataclass(frozen=True)
class MonthRow:
    year: int
    month: int
    change_pct: Decimal | None
    index_value: Decimal | None
    published_on: dt.date | None
    note: str
    version: int


def year_rows() -> list[YearRow]:
    """The annual averages, newest first (for the ISTAT dialog)."""
    return [YearRow(r.year, r.change_pct, r.published_on, r.note, r.version)
            for r in IstatIndex.select().order_by(IstatIndex.year.desc())]


def month_rows() -> list[MonthRow]:
    """The monthly figures, newest first."""
    return [MonthRow(r.year, r.month, r.change_pct, r.index_value, r.published_on, r.note,
                     r.version)
            for r in IstatMonth.select().order_by(IstatMonth.year.desc(),
                                                  IstatMonth.month.desc())]


# -- the user's edits -------------------------------------------------------------------------
def _number(value: Any, name: str, errors: list[FieldError], *, required: bool,
            low: Decimal, high: Decimal, code: str) -> Decimal | None:
    if value is None or value == "":
        if required:
            errors.append(FieldError(name, "required"))
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors.append(FieldError(name, "invalid_number"))
        return None
    if not number.is_finite():
        errors.append(FieldError(name, "invalid_number"))
        return None
    if not low <= number <= high:
        errors.append(FieldError(name, code))
    return number


def save_year(year: int, change_pct: Any, published_on: dt.date, note: str = "",
              expected_version: int | None = None) -> IstatIndex:
    """Add an annual average or fix one (the shipped figures are editable by the user)."""
    context.require(Permission.CONTRACT_EDIT)
    errors: list[FieldError] = []
    if not isinstance(year, int) or not 1950 <= year <= 2200:
        errors.append(FieldError("year", "istat.year_range"))
    change = _number(change_pct, "change_pct", errors, required=True, low=CHANGE_RANGE[0],
                     high=CHANGE_RANGE[1], code="istat.change_range")
    if not isinstance(published_on, dt.date):
        errors.append(FieldError("published_on", "invalid_date"))
    elif isinstance(year, int) and published_on.year <= year:
        errors.append(FieldError("published_on", "istat.published_before_year"))
    too_long = limits.too_long("note", note or "", limits.limit("istat", "note"))
    if too_long is not None:
        errors.append(too_long)
    if errors:
        raise ValidationError(errors)
    with IstatIndex._meta.database.atomic():
        row = IstatIndex.get_or_none(IstatIndex.year == year)
        if row is None:
            return IstatIndex.create(year=year, change_pct=change, published_on=published_on,
                                     note=note or "")
        if expected_version is not None:
            row.version = expected_version
        row.change_pct, row.published_on, row.note = change, published_on, note or ""
        row.save()
        return row


def delete_year(year: int) -> None:
    context.require(Permission.CONTRACT_EDIT)
    IstatIndex.delete().where(IstatIndex.year == year).execute()


def save_month(year: int, month: int, change_pct: Any, index_value: Any = None,
               published_on: dt.date | None = None, note: str = "",
               expected_version: int | None = None) -> IstatMonth:
    """Add or fix the figure of one month: its change over 12 months (needed to apply it) and,
    optionally, the index."""
    context.require(Permission.CONTRACT_EDIT)
    errors: list[FieldError] = []
    if not isinstance(year, int) or not 1950 <= year <= 2200:
        errors.append(FieldError("year", "istat.year_range"))
    if not isinstance(month, int) or not 1 <= month <= 12:
        errors.append(FieldError("month", "istat.month_range"))
    change = _number(change_pct, "change_pct", errors, required=True, low=CHANGE_RANGE[0],
                     high=CHANGE_RANGE[1], code="istat.change_range")
    index = _number(index_value, "index_value", errors, required=False, low=Decimal("0.01"),
                    high=Decimal("999999"), code="istat.index_range")
    if published_on is not None:
        if not isinstance(published_on, dt.date):
            errors.append(FieldError("published_on", "invalid_date"))
        elif isinstance(year, int) and isinstance(month, int) and 1 <= month <= 12 \
                and published_on < dt.date(year, month, 1):
            errors.append(FieldError("published_on", "istat.published_before_month"))
    too_long = limits.too_long("note", note or "", limits.limit("istat", "note"))
    if too_long is not None:
        errors.append(too_long)
    if errors:
        raise ValidationError(errors)
    with IstatMonth._meta.database.atomic():
        row = IstatMonth.get_or_none(IstatMonth.year == year, IstatMonth.month == month)
        if row is None:
            return IstatMonth.create(year=year, month=month, change_pct=change, index_value=index,
                                     published_on=published_on, note=note or "")
        if expected_version is not None:
            row.version = expected_version
        row.change_pct, row.published_on, row.note = change, published_on, note or ""
        if index is not None:
            row.index_value = index
        row.save()
        return row


def delete_month(year: int, month: int) -> None:
    context.require(Permission.CONTRACT_EDIT)
    row = IstatMonth.get_or_none(IstatMonth.year == year, IstatMonth.month == month)
    if row is None:
        raise NotFound("ISTAT month not found")
    row.delete_instance()


# -- ISTAT's file ---------------------------------------------------------------------------------
@dataclass
class ImportPlan:
    """What importing a parsed file changes: per figure new / changed / unchanged."""

    months_new: list[Any]
    months_changed: list[tuple[Any, Decimal | None]]  # (figure, change in the table before)
    months_same: int
    years_new: list[Any]
    years_changed: list[tuple[Any, Decimal]]
    years_same: int
    computed: int  # monthly changes worked out from the file's indices
    years_incomplete: list[int]  # averages of a year not over on the import date: left out

    @property
    def writes(self) -> int:
        return (len(self.months_new) + len(self.months_changed) + len(self.years_new)
                + len(self.years_changed))


def plan_import(parsed: Any, today: dt.date | None = None) -> ImportPlan:
    """Compare the figures of ``parsed`` (``istat_file.ParsedFile``) with the table."""
    from .. import clock

    today = today or clock.today()
    have_months = {(r.year, r.month): r for r in IstatMonth.select()}
    have_years = {r.year: r for r in IstatIndex.select()}
    plan = ImportPlan([], [], 0, [], [], 0, 0, [])
    for f in parsed.months:
        if f.change_pct is None and f.index_value is None:
            continue
        plan.computed += 1 if f.computed and f.change_pct is not None else 0
        row = have_months.get((f.year, f.month))
        if row is None:
            plan.months_new.append(f)
        elif (f.change_pct is not None and row.change_pct != f.change_pct.quantize(Decimal("0.01"))) \
                or (f.index_value is not None and row.index_value is None):
            plan.months_changed.append((f, row.change_pct))
        else:
            plan.months_same += 1
    for f in parsed.years:
        if f.year >= today.year:
            plan.years_incomplete.append(f.year)
            continue
        row = have_years.get(f.year)
        if row is None:
            plan.years_new.append(f)
        elif row.change_pct != f.change_pct.quantize(Decimal("0.01")):
            plan.years_changed.append((f, row.change_pct))
        else:
            plan.years_same += 1
    return plan


def import_figures(parsed: Any, source: str = "", today: dt.date | None = None) -> ImportPlan:
    """Write the new and changed figures of ``parsed`` in one transaction; returns the plan.
    A change already in the table and absent from the file stays; a figure only in the table
    is never removed."""
    from .. import clock

    context.require(Permission.CONTRACT_EDIT)
    today = today or clock.today()
    note = (f"ISTAT file {source}" if source else "ISTAT file")[:170] + f", {today.isoformat()}"
    with IstatMonth._meta.database.atomic():
        plan = plan_import(parsed, today)
        for f in plan.months_new:
            IstatMonth.create(year=f.year, month=f.month, change_pct=f.change_pct,
                              index_value=f.index_value, index_base=_base_code(f.index_base),
                              note=note + (" (change computed from the indices)"
                                           if f.computed else ""))
        for f, _old in plan.months_changed:
            row = IstatMonth.get(IstatMonth.year == f.year, IstatMonth.month == f.month)
            if f.change_pct is not None:
                row.change_pct = f.change_pct
            if f.index_value is not None:
                row.index_value, row.index_base = f.index_value, _base_code(f.index_base)
            row.note = note + (" (change computed from the indices)" if f.computed else "")
            row.save()
        for f in plan.years_new:
            IstatIndex.create(year=f.year, change_pct=f.change_pct, published_on=today, note=note)
        for f, _old in plan.years_changed:
            row = IstatIndex.get(IstatIndex.year == f.year)
            row.change_pct, row.note = f.change_pct, note
            row.save()
        return plan


def _base_code(base: str) -> str:
    return "" if base in ("", "?") else base[:10]
