"""The office's working calendar (``services.sla``) as tables over minutes since a base day."""
from __future__ import annotations

import bisect
import datetime as dt
import itertools

from ..services.sla import WorkingCalendar, default_calendar

# The generator asks "when is N working minutes after this moment?" a few hundred thousand
# times; ``WorkingCalendar.add`` walks the days for each answer (80 µs for the two due times of
# a request: 16 s over the large demo). Here the calendar's working days and periods are read
# once into prefix sums, so each answer is a bisection. The rules stay the service's: which
# days are working days (weekends, Italian holidays) and the working periods come from the
# office's ``WorkingCalendar``; a test checks the answers against it.


class Calendar:
    """Minutes since ``base`` as the time unit, with cached ISO strings in peewee's format."""

    def __init__(self, today: dt.date, years_back: int = 9, days_ahead: int = 150,
                 office: WorkingCalendar | None = None) -> None:
        office = office or default_calendar()
        self.base = dt.date(today.year - years_back, 1, 1)
        count = (today - self.base).days + days_ahead
        self.dates = [self.base + dt.timedelta(days=i) for i in range(count)]
        self.iso = [d.isoformat() for d in self.dates]
        self.iso_sp = [s + " " for s in self.iso]
        self.hms = ["%02d:%02d:00" % divmod(m, 60) for m in range(1440)]
        self.working = [office.is_working_day(d) for d in self.dates]
        self.periods = list(office.periods)
        per_day = office.minutes_per_day
        # worked_before[d]: working minutes from ``base`` to the start of day d
        self.worked_before = list(itertools.accumulate(
            (per_day if w else 0 for w in self.working), initial=0))
        self.today = (today - self.base).days
        self.now = self.today * 1440 + 8 * 60  # the generated history ends today at 08:00

    def day(self, date: dt.date) -> int:
        return (date - self.base).days

    def ts(self, minute: int) -> str:
        return self.iso_sp[minute // 1440] + self.hms[minute % 1440]

    def next_work(self, minute: int) -> int:
        """The first quarter hour at or after ``minute`` inside working hours."""
        minute = -(-minute // 15) * 15
        day, rest = divmod(minute, 1440)
        while True:
            if self.working[day]:
                for start, end in self.periods:
                    if rest < start:
                        return day * 1440 + start
                    if rest < end:
                        return day * 1440 + rest
            day += 1
            rest = 0

    def worked(self, minute: int) -> int:
        """Working minutes from ``base`` to ``minute``."""
        day, pos = divmod(minute, 1440)
        total = self.worked_before[day]
        if self.working[day]:
            for start, end in self.periods:
                if pos > start:
                    total += (pos if pos < end else end) - start
        return total

    def add_working(self, minute: int, amount: int) -> int:
        """``amount`` (> 0) working minutes after ``minute``, as ``services.sla`` counts them:
        the earliest moment at which that much working time has passed."""
        target = self.worked(minute) + amount
        day = bisect.bisect_left(self.worked_before, target) - 1
        rest = target - self.worked_before[day]
        for start, end in self.periods:
            if rest <= end - start:
                return day * 1440 + start + rest
            rest -= end - start
        raise AssertionError("working minutes beyond the day")  # pragma: no cover

    def working_between(self, first: int, last: int) -> int:
        """Working minutes from ``first`` to ``last`` (SLA pauses are counted in these)."""
        return self.worked(last) - self.worked(first)

    def working_day_before(self, day: int) -> int:
        while not self.working[day]:
            day -= 1
        return day

    def working_day_from(self, day: int) -> int:
        while not self.working[day]:
            day += 1
        return day

