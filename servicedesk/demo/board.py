"""The team board of the coming weeks: free working time per technician, booked in turn."""
from __future__ import annotations

from typing import Sequence

from .worktime import Calendar


class Board:
    """Free working time of technicians in the coming weeks: plans visits without overlaps."""

    def __init__(self, cal: Calendar, horizon_days: int,
                 absences: dict[int, list[tuple[int, int]]]) -> None:
        self.cal = cal
        self.first = cal.today
        self.last = min(cal.today + horizon_days, len(cal.dates) - 1)
        self.absences = absences
        self._free: dict[tuple[int, int], list[list[int]]] = {}

    def _slots(self, op: int, day: int) -> list[list[int]]:
        key = (op, day)
        slots = self._free.get(key)
        if slots is None:
            slots = []
            if self.cal.working[day]:
                base = day * 1440
                for start, end in self.cal.periods:
                    pieces = [[base + start, base + end]]
                    for a, b in self.absences.get(op, ()):
                        pieces = [p for s, e in pieces for p in _cut(s, e, a, b)]
                    slots.extend(pieces)
            self._free[key] = slots
        return slots

    def earliest(self, op: int, not_before: int, duration: int) -> int | None:
        day = max(not_before // 1440, self.first)
        while day <= self.last:
            for start, end in self._free.get((op, day)) or self._slots(op, day):
                if end - start < duration:
                    continue
                begin = -(-(start if start > not_before else not_before) // 15) * 15
                if begin + duration <= end:
                    return begin
            day += 1
        return None

    def take(self, op: int, start: int, end: int) -> None:
        slots = self._slots(op, start // 1440)
        for i, (s, e) in enumerate(slots):
            if s <= start < e:
                slots[i:i + 1] = [[a, b] for a, b in ((s, start), (min(end, e), e)) if b > a]
                return
        raise AssertionError("slot not free")  # pragma: no cover

    def book(self, ops: Sequence[int], preferred: int | None, not_before: int, duration: int,
             gap: int) -> tuple[int, int] | None:
        """Book ``duration`` minutes for the operator free first; ``preferred`` wins a tie
        within a day. Returns (operator, start) or None when nobody is free in the horizon."""
        best: tuple[int, int] | None = None
        for op in ops:
            start = self.earliest(op, not_before, duration)
            if start is not None and (best is None or start < best[1]):
                best = (op, start)
        if best is None:
            return None
        if preferred is not None and preferred != best[0] and preferred in ops:
            start = self.earliest(preferred, not_before, duration)
            if start is not None and start <= best[1] + 1440:
                best = (preferred, start)
        self.take(best[0], best[1], best[1] + duration + gap)
        return best


def _cut(s: int, e: int, a: int, b: int) -> list[tuple[int, int]]:
    if b <= s or a >= e:
        return [(s, e)]
    return [(x, y) for x, y in ((s, a), (b, e)) if y > x]
