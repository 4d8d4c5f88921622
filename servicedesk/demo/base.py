"""What every stage of the generator shares: the random stream, the writer, the records."""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

from .vocabulary import MOBILE_PREFIXES, PHONE_PREFIX


@dataclass
class Party:
    """A customer or supplier as the later stages need it (the row is already written)."""

    id: int
    name: str
    short: str
    city: str
    province: str
    address: str
    ne: bool
    since: int  # day index from which it is a customer
    families: dict[str, int]
    contacts: list[int]
    domain: str


@dataclass
class ContractInfo:
    """What requests need of a contract: validity, units covered, service level, tickets."""

    id: int
    start: int  # day
    end: int  # day: last day of validity
    family: str
    units: set[int]
    job_order: int | None
    response_hours: int | None
    resolution_hours: int | None
    tickets: bool


class Stage:
    """Helpers of the stages (mixed into :class:`~.builder.DemoBuilder`)."""

    def _rr(self, low: int, high: int) -> int:
        """``rng.randrange(low, high)``, four times faster (same stream for the same seed)."""
        return low + int(self._random() * (high - low))

    def _pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self._random() * len(seq))]

    def _choose(self, items: Sequence[Any], cum: Sequence[float]) -> Any:
        """A weighted pick with precomputed cumulative weights (``itertools.accumulate``)."""
        return items[bisect.bisect(cum, self._random() * cum[-1])]

    def _ts_date(self, day: dt.date, minute: int = 540) -> str:
        return f"{day.isoformat()} {minute // 60:02d}:{minute % 60:02d}:00"

    def _person(self) -> tuple[str, str]:
        names = self.texts["names"]
        first = self._pick(names["male"] if self.rng.random() < 0.55 else names["female"])
        return first, self._pick(names["surnames"])

    def _phone(self, province: str) -> str:
        prefix = PHONE_PREFIX.get(province, "02")
        digits = "".join(str(self._rr(0, 10)) for _ in range(10 - len(prefix)))
        return f"{prefix} {digits}"

    def _mobile(self) -> str:
        r = self._rr(0, 10_000_000)
        return f"{self._pick(MOBILE_PREFIXES)} {r // 10000:03d} {r % 10000:04d}"

    def _serial(self, pattern: str) -> str:
        out = []
        for ch in pattern:
            if ch == "#":
                out.append(str(self._rr(0, 10)))
            elif ch == "@":
                out.append("ABCDEFGHJKLMNPRSTUVWXYZ"[self._rr(0, 23)])
            else:
                out.append(ch)
        return "".join(out)

    def _tech_team(self, family: str, ne: bool) -> int:
        """The team that serves ``family`` where the customer is (north-east or not)."""
        key = (family, ne)
        team = self._team_cache.get(key)
        if team is None:
            team = next((tid for spec, tid in zip(self.scale.teams, self.team_ids)
                         if family in spec.families
                         and (spec.region is None or (spec.region == "ne") == ne)),
                        self.team_ids[0])
            self._team_cache[key] = team
        return team
