"""Deterministic demo data: a small office to try ServiceDesk, a large one to benchmark it."""
from __future__ import annotations

# Conventions of the generated data (other modules and tests may rely on them):
# - everything is relative to ``today`` and reproducible from ``seed``; "now" is today 08:00,
#   so the whole history lies before it and every planned intervention after it;
# - the data is what the services would have written: SLA due times in working time
#   (services.sla), first response = leaving 'new', only allowed status moves
#   (services.requests), renewal history and amounts as the renewal run computes them,
#   billing plans from services.billing, maintenance visits as services.maintenance makes
#   them (on site, no SLA clocks, next due one period after the last completed visit);
# - Product.family and KbArticle.product_family hold the Italian family label
#   ("Stampanti e multifunzione", "Caldaie", ...); VAT numbers are 11 digits without "IT";
# - e-mail addresses use the reserved ``.example`` domain, so a notice can never reach a
#   real company;
# - contract statuses: draft, active, suspended, expired, cancelled; periodicity: monthly,
#   quarterly, half_yearly, yearly; instalments exist for every term (``term_no``);
# - planned interventions never overlap for one operator and avoid absences and holidays;
# - derived data is built at the end: FTS index of requests, KB search indexes, SLA keys.
# Rows are written as plain tuples through the raw sqlite3 connection: the large scale is
# about 3.5 million rows and must be written in well under 90 seconds.

import argparse
import bisect
import calendar
import datetime as dt
import heapq
import itertools
import json
import os
import random
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, NamedTuple, Sequence

from stdnum import luhn

from . import clock
from .db import open_database
from .errors import ServiceDeskError
from .paths import data_file
from .permissions import Role
from .reference_data import istat_rows, provinces, reference
from .services import billing
from .services import renewals as renewals_service

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class TeamSpec:
    name: str
    color: str
    families: tuple[str, ...]
    region: str | None  # "ne" (north-east), "other", or None for everywhere
    technicians: int
    staff: tuple[str, ...] = ()  # coordinator / manager members of the team


@dataclass(frozen=True)
class Scale:
    customers: int
    suppliers: int
    products: int
    units: int
    contracts: int
    requests: int
    interventions: int
    work_logs: int
    kb_articles: int
    maintenance_plans: int
    job_orders: int
    open_requests: int
    teams: tuple[TeamSpec, ...]


_FIELD = ("printers", "pos", "ups")
SCALES: dict[str, Scale] = {
    "small": Scale(
        customers=150, suppliers=10, products=60, units=400, contracts=80, requests=1500,
        interventions=2500, work_logs=5000, kb_articles=300, maintenance_plans=200, job_orders=40,
        open_requests=220, teams=(
            TeamSpec("Assistenza Milano", "#2563eb", _FIELD, None, 4, ("coordinator",)),
            TeamSpec("Help desk remoto", "#8b5cf6", ("software", "servers"), None, 2, ("manager",)),
            TeamSpec("Tecnici Nord-Est", "#10b981", ("boilers", "hvac", "plc"), None, 4),
        )),
    "large": Scale(
        customers=20_000, suppliers=60, products=10_000, units=60_000, contracts=10_000,
        requests=200_000, interventions=400_000, work_logs=1_000_000, kb_articles=10_000,
        maintenance_plans=5_000, job_orders=3_000, open_requests=3_500, teams=(
            TeamSpec("Assistenza Milano", "#2563eb", _FIELD, "other", 10, ("coordinator",)),
            TeamSpec("Tecnici Nord-Est", "#0ea5e9", _FIELD, "ne", 5, ("coordinator",)),
            TeamSpec("Help desk remoto", "#8b5cf6", ("software", "servers"), None, 5, ("manager",)),
            TeamSpec("Climatizzazione", "#06b6d4", ("hvac",), None, 6, ("coordinator",)),
            TeamSpec("Automazione", "#f59e0b", ("plc",), None, 3, ("manager",)),
            TeamSpec("Caldaie", "#ef4444", ("boilers",), None, 6),
        )),
}

NORTH_EAST = {"Veneto", "Friuli-Venezia Giulia", "Trentino-Alto Adige", "Emilia-Romagna"}
COMPANY_DOMAIN = "tecnoservizi.example"
OPERATOR_COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04",
                   "#db2777", "#4f46e5", "#059669", "#b45309", "#7c3aed", "#0d9488", "#be123c"]
# ISTAT numeric province code used in the VAT office digits (new provinces use their parent's).
_ISTAT = ("TO1 VC2 NO3 CN4 AT5 AL6 AO7 IM8 SV9 GE10 SP11 VA12 CO13 SO14 MI15 BG16 BS17 PV18 CR19 "
          "MN20 BZ21 TN22 VR23 VI24 BL25 TV26 VE27 PD28 RO29 UD30 GO31 TS32 PC33 PR34 RE35 MO36 "
          "BO37 FE38 RA39 FC40 PU41 AN42 MC43 AP44 MS45 LU46 PT47 FI48 LI49 PI50 AR51 SI52 GR53 "
          "PG54 TR55 VT56 RI57 RM58 LT59 FR60 CE61 BN62 NA63 AV64 SA65 AQ66 TE67 PE68 CH69 CB70 "
          "FG71 BA72 TA73 BR74 LE75 PZ76 MT77 CS78 CZ79 RC80 TP81 PA82 ME83 AG84 CL85 EN86 CT87 "
          "RG88 SR89 SS90 NU91 CA92 PN93 IS94 OR95 BI96 LC97 LO98 RN99 PO100 KR79 VV79 VB3 MB15 "
          "FM44 BT72 SU92")
ISTAT_CODE = {item[:2]: int(item[2:]) for item in _ISTAT.split()}
_PREFIX = ("MI02 MB039 BG035 BS030 CO031 VA0332 LC0341 SO0342 PV0382 CR0372 MN0376 LO0371 TO011 "
           "AT0141 AL0131 CN0171 NO0321 VC0161 BI015 VB0323 AO0165 GE010 SV019 SP0187 IM0183 "
           "VR045 VI0444 PD049 TV0422 VE041 RO0425 BL0437 TN0461 BZ0471 UD0432 PN0434 TS040 "
           "GO0481 BO051 MO059 RE0522 PR0521 PC0523 FE0532 RA0544 FC0543 RN0541 FI055 PO0574 "
           "PT0573 LU0583 PI050 LI0586 AR0575 SI0577 GR0564 MS0585 PG075 TR0744 AN071 PU0721 "
           "MC0733 FM0734 AP0736 RM06 LT0773 FR0775 VT0761 RI0746 PE085 CH0871 TE0861 AQ0862 "
           "CB0874 IS0865 NA081 CE0823 SA089 AV0825 BN0824 BA080 BT0883 FG0881 TA099 BR0831 "
           "LE0832 PZ0971 MT0835 CS0984 CZ0961 RC0965 KR0962 VV0963 PA091 CT095 ME090 SR0931 "
           "RG0932 TP0923 AG0922 CL0934 EN0935 CA070 SS079 NU0784 OR0783 SU0781")
PHONE_PREFIX = {item[:2]: item[2:] for item in _PREFIX.split()}
MOBILE_PREFIXES = ("320", "328", "329", "331", "333", "334", "335", "338", "339", "340", "342",
                   "345", "347", "348", "349", "351", "366", "380", "388", "389", "392", "393")
CONTRACT_TYPES = {  # family -> weights of contract types suited to it
    "printers": {"full_service": 45, "tickets": 25, "maintenance": 10, "warranty_extension": 10},
    "boilers": {"maintenance": 60, "full_service": 15, "tickets": 10, "warranty_extension": 15},
    "hvac": {"maintenance": 50, "full_service": 20, "tickets": 15, "warranty_extension": 15},
    "plc": {"on_call": 35, "tickets": 30, "maintenance": 20, "full_service": 15},
    "pos": {"full_service": 40, "maintenance": 30, "tickets": 30},
    "ups": {"maintenance": 50, "full_service": 20, "warranty_extension": 30},
    "servers": {"full_service": 30, "tickets": 30, "on_call": 20, "warranty_extension": 20},
    "software": {"software_support": 80, "tickets": 20},
}
FAMILY_NOUN = {"printers": "sistemi di stampa", "boilers": "impianti termici",
               "hvac": "impianti di climatizzazione", "plc": "impianti di automazione",
               "pos": "registratori di cassa e POS", "ups": "gruppi di continuità",
               "servers": "server e rete", "software": "software gestionale"}
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
OPEN_STATUS_WEIGHTS = (("new", 8), ("assigned", 30), ("in_progress", 37),
                       ("waiting_customer", 12), ("waiting_supplier", 13))

# Table columns in insertion order; every table starts with the BaseModel columns.
_BASE = ("id", "uuid", "created_at", "updated_at", "version")
COLUMNS: dict[str, tuple[str, ...]] = {
    "team": _BASE + ("name", "color", "archived"),
    "operator": _BASE + ("username", "full_name", "email", "phone", "team_id", "role",
                         "password_hash", "color", "active"),
    "working_hours": _BASE + ("operator_id", "weekday", "start", "end"),
    "absence": _BASE + ("operator_id", "kind", "start", "end", "note"),
    "party": _BASE + ("code", "name", "is_customer", "is_supplier", "vat_number", "fiscal_code",
                      "address", "postal_code", "city", "province", "country", "phone", "email",
                      "pec", "sdi_code", "notes", "archived"),
    "contact": _BASE + ("party_id", "name", "role", "phone", "mobile", "email",
                        "receives_notices", "archived"),
    "job_order": _BASE + ("code", "title", "party_id", "opened_on", "closed_on", "archived"),
    "product": _BASE + ("code", "name", "family", "manufacturer", "warranty_months", "archived"),
    "unit": _BASE + ("product_id", "serial", "owner_id", "install_date", "warranty_end", "site",
                     "address", "city", "province", "notes", "archived"),
    "unit_ownership": _BASE + ("unit_id", "owner_id", "since", "until"),
    "contract": _BASE + ("number", "direction", "party_id", "title", "job_order_id", "signed_on",
                         "signed_by_id", "contract_type", "status", "start_date", "initial_months",
                         "renewal_months", "term_no", "term_start", "term_end", "amount",
                         "renewal_type", "change_pct", "istat_share_pct", "max_renewals",
                         "renewals_done", "notice_days", "notice_given_on", "tickets_per_term",
                         "tickets_per_request", "ticket_low_threshold", "response_hours",
                         "resolution_hours", "billing_periodicity", "instalments_count",
                         "first_due_date", "notes", "archived"),
    "contract_product": _BASE + ("contract_id", "product_id"),
    "contract_unit": _BASE + ("contract_id", "unit_id"),
    "instalment": _BASE + ("contract_id", "term_no", "seq", "due_date", "amount", "paid_on",
                           "note"),
    "contract_renewal": _BASE + ("contract_id", "from_term_no", "kind", "status", "processed_on",
                                 "old_term_end", "new_term_start", "new_term_end", "old_amount",
                                 "new_amount", "change_pct", "istat_share_pct", "istat_change_pct",
                                 "istat_year", "formula", "decided_by_id", "decided_on"),
    "ticket_movement": _BASE + ("contract_id", "at", "quantity", "kind", "term_no", "request_id",
                                "operator_id", "override", "note"),
    "request_counter": _BASE + ("year", "last"),
    "service_request": _BASE + ("number", "customer_id", "contact_id", "channel", "subject",
                                "description", "problem_type_id", "priority_id", "status",
                                "contract_id", "job_order_id", "team_id", "owner_id", "opened_at",
                                "first_response_at", "response_due", "resolution_due",
                                "paused_since", "paused_minutes", "resolved_at", "closed_at",
                                "final_report", "kb_article_id"),
    "request_unit": _BASE + ("request_id", "unit_id"),
    "request_event": _BASE + ("request_id", "at", "operator_id", "kind", "from_status", "to_status",
                              "text"),
    "intervention": _BASE + ("request_id", "activity_type_id", "operator_id", "team_id",
                             "priority_id", "status", "planned_start", "planned_end",
                             "instructions", "actual_start", "actual_end", "report",
                             "override_note", "due_date", "maintenance_plan_id"),
    "work_log": _BASE + ("request_id", "intervention_id", "operator_id", "customer_id",
                         "job_order_id", "activity_type_id", "work_date", "start_time", "end_time",
                         "minutes", "travel_minutes", "km", "billable", "notes"),
    "kb_article": _BASE + ("title", "symptoms", "cause", "solution", "product_id",
                           "product_family", "problem_type_id", "tags", "author_id",
                           "source_request_id", "applied_count", "archived"),
    "kb_application": _BASE + ("article_id", "request_id", "operator_id", "at"),
    "maintenance_plan": _BASE + ("unit_id", "contract_id", "title", "activity_type_id", "every",
                                 "period", "start_date", "until_date", "team_id", "operator_id",
                                 "duration_minutes", "instructions", "notice_days", "last_done_on",
                                 "active"),
}
# The two biggest tables bind each value once (created_at = updated_at, version 1): their
# rows are (id, uuid, stamp, <the columns after version>), 10% less time per row.
COMPACT_VALUES = {
    "request_event": "?1, ?2, ?3, ?3, 1, ?4, ?3, ?5, ?6, ?7, ?8, ?9",
    "work_log": "?1, ?2, ?3, ?3, 1, " + ", ".join(f"?{i}" for i in range(4, 18)),
}
# Tables whose secondary indexes are dropped during the bulk load and rebuilt afterwards
# (measured on the large scale: 25 s of CREATE INDEX against 40 s of random B-tree inserts),
# except the indexes whose keys only grow as rows are written: keeping those costs less.
BULK_TABLES = ("service_request", "request_unit", "request_event", "intervention", "work_log",
               "kb_application", "ticket_movement")
APPEND_ONLY_INDEXES = ("_uuid", "_request_id", "_request_id_at", "_request_id_unit_id", "_number",
                       "_opened_at", "_intervention_id")


# -- vocabulary -----------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _texts() -> dict[str, Any]:
    return json.loads(data_file("demo_texts.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _places() -> dict[str, Any]:
    return json.loads(data_file("demo_places.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Problem:
    """One problem of a product family, its placeholders filled: the seed of requests and KB."""

    family: str
    pt: str  # problem type code
    act: str  # activity type code of the fix
    subject: str
    symptoms: tuple[str, ...]
    fixes: tuple[tuple[str, str], ...]  # (cause, solution) pairs
    tags: tuple[str, ...]
    weight: float


def _expand_problems(family: str, specs: list[dict[str, Any]]) -> list[Problem]:
    out: list[Problem] = []
    for spec in specs:
        variables = spec.get("vars") or {"_": [""]}
        (name, values), = variables.items()
        for value in values:
            fill = {name: value}
            out.append(Problem(
                family, spec["pt"], spec["act"], spec["subject"].format(**fill),
                tuple(s.format(**fill) for s in spec["symptoms"]),
                tuple((c.format(**fill), s.format(**fill)) for c, s in spec["fixes"]),
                tuple(s.format(**fill) for s in spec["tags"]),
                spec["w"] / len(values)))
    return out


def vat_number(rng: random.Random, province: str) -> str:
    """An Italian partita IVA: 7-digit company number, VAT office, Luhn check digit."""
    body = f"{rng.randrange(1, 10_000_000):07d}{ISTAT_CODE.get(province, 15):03d}"
    return body + luhn.calc_check_digit(body)


def _slug(text: str, limit: int = 24) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in plain if ch.isalnum())[:limit] or "azienda"


def add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    L = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * L) // 433
    month = (h + L - 7 * m + 90) // 25
    return dt.date(year, month, (h + L - 7 * m + 33 * month + 19) % 32)


def italian_holidays(year: int) -> set[dt.date]:
    fixed = [(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26)]
    days = {dt.date(year, m, d) for m, d in fixed}
    days.add(_easter(year) + dt.timedelta(days=1))  # Easter Monday
    return days


def _cents(value: int) -> str:
    return f"{value // 100}.{value % 100:02d}"


class _Istat(NamedTuple):
    """An ISTAT FOI figure, shaped as ``services.renewals.revalue`` reads it."""

    year: int
    change_pct: Decimal
    published_on: dt.date


def _weighted(rng: random.Random, items: Sequence[Any], weights: Sequence[float], k: int) -> list:
    return rng.choices(items, weights=weights, k=k)


# -- time -----------------------------------------------------------------------------------------
class Calendar:
    """Minutes since ``base`` as the time unit, with cached ISO strings in peewee's format."""

    def __init__(self, today: dt.date, years_back: int = 9, days_ahead: int = 150) -> None:
        self.base = dt.date(today.year - years_back, 1, 1)
        count = (today - self.base).days + days_ahead
        self.dates = [self.base + dt.timedelta(days=i) for i in range(count)]
        self.iso = [d.isoformat() for d in self.dates]
        self.iso_sp = [s + " " for s in self.iso]
        self.hms = ["%02d:%02d:00" % divmod(m, 60) for m in range(1440)]
        holidays: set[dt.date] = set()
        for year in range(self.base.year, self.dates[-1].year + 1):
            holidays |= italian_holidays(year)
        self.working = [d.weekday() < 5 and d not in holidays for d in self.dates]
        self.periods = [(_minutes(a), _minutes(b)) for a, b in reference()["working_hours_default"]]
        per_day = sum(end - start for start, end in self.periods)
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


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


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


# -- writing --------------------------------------------------------------------------------------
class Writer:
    """Buffers rows per table and hands them, a batch at a time, to ``executemany``."""

    def __init__(self, sink: Callable[[str, list[tuple]], Any], seed: int) -> None:
        self.sink = sink  # executemany, here or in the writer process
        # Unique, unpredictable-looking but increasing uuids: index inserts become appends.
        self._uuid = random.Random(seed * 7919 + 17).getrandbits(124) | (1 << 124)
        self.rows: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
        self.next_id: dict[str, int] = {t: 1 for t in COLUMNS}
        self.counts: dict[str, int] = {t: 0 for t in COLUMNS}
        self._sql = {}
        for table, cols in COLUMNS.items():
            values = COMPACT_VALUES.get(table) or ", ".join("?" * len(cols))
            names = ", ".join(f'"{c}"' for c in cols)
            self._sql[table] = f'INSERT INTO "{table}" ({names}) VALUES ({values})'

    def uuid(self) -> str:
        self._uuid += 1
        return "%032x" % self._uuid

    def new_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def flush(self, *tables: str) -> None:
        for table in tables or tuple(self.rows):
            rows = self.rows[table]
            if rows:
                self.sink(self._sql[table], rows)
                self.counts[table] += len(rows)
                self.rows[table] = []


# -- the generator --------------------------------------------------------------------------------
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


class DemoBuilder:
    """Builds one demo database; each stage writes its tables and keeps what later ones need."""

    def __init__(self, reference_ids: dict[str, dict], scale: Scale, seed: int, today: dt.date,
                 progress: Progress | None, sink: Callable[[str, list[tuple]], Any]) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self._random = self.rng.random
        self._team_cache: dict[tuple[str, bool], int] = {}
        self.cal = Calendar(today)
        self.w = Writer(sink, seed)
        self.progress = progress or (lambda stage, fraction: None)
        self.texts = _texts()
        self.phr = self.texts["phrases"]
        fams = self.texts["families"]
        self.families = list(fams)
        self.family_label = {k: v["name"] for k, v in fams.items()}
        self.problems = {k: _expand_problems(k, v["problems"]) for k, v in fams.items()}
        self.problem_list = [p for k in self.families for p in self.problems[k]]
        self.problem_index = {id(p): i for i, p in enumerate(self.problem_list)}
        self.problem_weights = {k: [p.weight for p in v] for k, v in self.problems.items()}
        self.region = {p["code"]: p["region"] for p in provinces()}
        self.activity = reference_ids["activity"]
        self.problem_type = reference_ids["problem_type"]
        self.priority = reference_ids["priority"]

    # -- helpers ----------------------------------------------------------------------------------
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

    # -- stages -----------------------------------------------------------------------------------
    def run(self, share: float = 1.0) -> dict[str, int]:
        """Run every stage; progress goes from 0 to ``share`` (the caller reports the rest)."""
        stages = [("org", self.build_org, 1), ("parties", self.build_parties, 4),
                  ("products", self.build_products, 1), ("units", self.build_units, 4),
                  ("contracts", self.build_contracts, 4),
                  ("maintenance", self.build_maintenance, 2),
                  ("requests", self.build_requests, 80), ("tickets", self.build_tickets, 1),
                  ("knowledge base", self.build_kb, 1)]
        total = sum(weight for _, _, weight in stages)
        done = 0
        for name, stage, weight in stages:
            low, high = share * done / total, share * (done + weight) / total
            self._report = lambda fraction, name=name, low=low, high=high: self.progress(
                name, low + (high - low) * fraction)
            self._report(0.0)
            stage()
            self.w.flush()
            done += weight
        return dict(self.w.counts)

    # org: teams, operators, working hours, absences
    def build_org(self) -> None:
        w, cal = self.w, self.cal
        created = self._ts_date(cal.dates[0], 540)
        self.team_ids: list[int] = []
        for spec in self.scale.teams:
            tid = w.new_id("team")
            self.team_ids.append(tid)
            w.rows["team"].append((tid, w.uuid(), created, created, 1, spec.name, spec.color, 0))
        used: set[str] = set()
        self.techs: dict[int, list[int]] = {}
        self.staff: dict[str, list[int]] = {"coordinator": [], "manager": [], "admin": []}
        self.operator_names: dict[int, str] = {}

        def operator(full: str, username: str, team: int | None, role: str) -> int:
            oid = w.new_id("operator")
            color = OPERATOR_COLORS[(oid - 1) % len(OPERATOR_COLORS)]
            w.rows["operator"].append((oid, w.uuid(), created, created, 1, username, full,
                                       f"{username}@{COMPANY_DOMAIN}", self._mobile(), team, role,
                                       "", color, 1))
            self.operator_names[oid] = full
            return oid

        admin = operator("Amministratore di sistema", "admin", None, Role.ADMIN.value)
        self.staff["admin"].append(admin)
        for spec, tid in zip(self.scale.teams, self.team_ids):
            members = [(r, Role(r).value) for r in spec.staff]
            members += [("technician", Role.TECHNICIAN.value)] * spec.technicians
            self.techs[tid] = []
            for kind, role in members:
                while True:
                    first, last = self._person()
                    username = f"{first[0].lower()}.{_slug(last, 30)}"
                    if username not in used:
                        break
                used.add(username)
                oid = operator(f"{first} {last}", username, tid, role)
                (self.techs[tid] if kind == "technician" else self.staff[kind]).append(oid)
        self.all_techs = [o for t in self.team_ids for o in self.techs[t]]
        self.signers = self.staff["manager"] + self.staff["coordinator"] + self.staff["admin"]
        self.coordinators = self.staff["coordinator"] or self.staff["manager"]
        for oid in range(1, w.next_id["operator"]):
            for weekday in range(5):
                for start, end in reference()["working_hours_default"]:
                    w.rows["working_hours"].append((w.new_id("working_hours"), w.uuid(), created,
                                                    created, 1, oid, weekday, start + ":00",
                                                    end + ":00"))
        self._absences()

    def _absences(self) -> None:
        w, rng, cal = self.w, self.rng, self.cal
        self.absences: dict[int, list[tuple[int, int]]] = {}

        def add(op: int, kind: str, start: int, end: int, note: str) -> None:
            created = cal.ts(max(0, min(start, cal.now) - 1440 * self._rr(3, 30)))
            self.absences.setdefault(op, []).append((start, end))
            w.rows["absence"].append((w.new_id("absence"), w.uuid(), created, created, 1, op, kind,
                                      cal.ts(start), cal.ts(end), note))

        today = cal.today
        year = cal.dates[today].year
        for op in self.all_techs:  # summer holidays of the past years
            for past in range(year - 3, year):
                first = cal.day(dt.date(past, 8, 1)) + self._rr(0, 21)
                add(op, "holiday", first * 1440, (first + 13) * 1440 + 1439, "Ferie estive")
        techs = list(self.all_techs)
        rng.shuffle(techs)
        n = max(1, len(techs) // 10)
        next_monday = today + (7 - cal.dates[today].weekday())
        for op in techs[:n]:  # a few days off next week
            first = next_monday + self._rr(0, 2)
            add(op, "holiday", first * 1440, (first + self._rr(2, 4)) * 1440 + 1439, "Ferie")
        for op in techs[n:2 * n]:  # off sick since yesterday
            add(op, "sick", (today - 1) * 1440, (today + self._rr(0, 2)) * 1440 + 1439,
                "Malattia")
        for op in techs[2 * n:3 * n]:  # a morning of training in the second week
            day = next_monday + 7 + self._rr(0, 5)
            add(op, "training", day * 1440 + 510, day * 1440 + 750, "Corso di aggiornamento")

    # parties: customers, suppliers, contacts
    def build_parties(self) -> None:
        rng, cal = self.rng, self.cal
        places = _places()["places"]
        self.places = places
        self.place_cum = list(itertools.accumulate(p[3] for p in places))
        company = self.texts["company"]
        sectors = company["sectors"]
        sector_cum = list(itertools.accumulate(s["w"] for s in sectors))
        self.customers: list[Party] = []
        names_used: set[str] = set()
        vats: set[str] = set()
        earliest = cal.today - 8 * 365
        for i in range(self.scale.customers):
            for _ in range(20):
                sector = self._choose(sectors, sector_cum)
                place = self._choose(places, self.place_cum)
                name, short = self._company_name(sector, place[0])
                if name not in names_used:
                    break
            names_used.add(name)
            since = earliest + int((cal.today - 60 - earliest) * rng.random() ** 1.4)
            self.customers.append(self._party("C", i + 1, name, short, place, since,
                                              dict(sector["families"]), vats, customer=True))
        self.suppliers: list[tuple[Party, str]] = []
        for i in range(self.scale.suppliers):
            family = self.families[i % len(self.families)]
            for _ in range(20):
                base = self._pick(company["suppliers"][family])
                geo, form = self._pick(company["supplier_geo"]), self._pick(["S.r.l.", "S.p.A."])
                name = f"{base} {geo} {form}"
                if name not in names_used:
                    break
            names_used.add(name)
            place = self._choose(places, self.place_cum)
            party = self._party("F", i + 1, name, name.rsplit(" ", 1)[0], place, earliest,
                                {family: 1}, vats, customer=False)
            self.suppliers.append((party, family))

    def _company_name(self, sector: dict[str, Any], city: str) -> tuple[str, str]:
        rng = self.rng
        company = self.texts["company"]
        names = self.texts["names"]
        head = self._pick(sector["names"])
        style = sector["style"]
        if style == "surname_or_geo":
            style = "surname" if rng.random() < 0.6 else "geo"
        if style == "shop_or_surname":
            style = "surname" if rng.random() < 0.5 else "shop"
        if style == "comune":
            return f"Comune di {city}", f"Comune di {city}"
        if style == "compound":
            core = self._pick(company["prefix"]) + self._pick(company["suffix"])
        elif style == "geo":
            core = f"{head} {self._pick(company['geo'])}"
        elif style in company["fancy"]:
            core = f"{head} {self._pick(company['fancy'][style])}"
        else:
            surname = self._pick(names["surnames"])
            r = rng.random()
            if sector["forms"] and r < 0.15:
                surname = f"F.lli {surname}"
            elif sector["forms"] and r < 0.25:
                surname = f"{surname} & {self._pick(names['surnames'])}"
            core = f"{head} {surname}"
        form = ""
        if sector["forms"]:
            forms = company["forms"]
            if sector["forms"] == 2:  # industry: always a company form
                forms = [f for f in forms if f[0] in ("S.r.l.", "S.p.A.")]
            form = _weighted(rng, [f[0] for f in forms], [f[1] for f in forms], 1)[0]
        return (f"{core} {form}" if form else core), core

    def _party(self, prefix: str, n: int, name: str, short: str, place: list, since: int,
               families: dict[str, int], vats: set[str], *, customer: bool) -> Party:
        rng, w, cal = self.rng, self.w, self.cal
        city, prov, cap = place[0], place[1], place[2]
        while True:
            vat = vat_number(rng, prov)
            if vat not in vats:
                vats.add(vat)
                break
        streets = _places()["streets"]
        address = f"{self._pick(streets)} {self._rr(1, 180)}"
        if rng.random() < 0.1:
            address += self._pick(["/A", "/B", " int. 3", " – Zona Industriale"])
        domain = f"{_slug(short)}.example"
        is_pa = name.startswith("Comune di")
        sdi = ("".join(self._pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(6))
               if is_pa else ("0000000" if rng.random() < 0.2 else
                              "".join(self._pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                                      for _ in range(7))))
        email = ("protocollo" if is_pa else self._pick(["info", "amministrazione", "segreteria"]))
        pid = w.new_id("party")
        created = cal.ts(since * 1440 + 540)
        w.rows["party"].append((pid, w.uuid(), created, created, 1, f"{prefix}{n:06d}", name,
                                int(customer), int(not customer), vat, vat, address, cap, city,
                                prov, "IT", self._phone(prov), f"{email}@{domain}",
                                f"{_slug(short)}@pec.example", sdi, "", 0))
        party = Party(pid, name, short, city, prov, address,
                      self.region.get(prov) in NORTH_EAST, since, families, [], domain)
        self._contacts(party, created, customer)
        return party

    def _contacts(self, party: Party, created: str, customer: bool) -> None:
        rng, w = self.rng, self.w
        company = self.texts["company"]
        count = 1 + (rng.random() < 0.6) + (rng.random() < 0.25)
        roles = (company["contact_roles"] if customer else
                 ["Ufficio assistenza tecnica", "Commerciale", "Amministrazione"])
        noticed = False
        for k in range(count):
            first, last = self._person()
            role = self._pick(roles) if k else ("Titolare" if customer else roles[0])
            notices = customer and not noticed and (
                role in company["notice_roles"] or k == count - 1)
            noticed = noticed or notices
            cid = w.new_id("contact")
            email = f"{_slug(first, 20)}.{_slug(last, 20)}@{party.domain}"
            w.rows["contact"].append((cid, w.uuid(), created, created, 1, party.id,
                                      f"{first} {last}", role, self._phone(party.province),
                                      self._mobile() if rng.random() < 0.7 else "", email,
                                      int(notices), 0))
            party.contacts.append(cid)

    # products and units
    def build_products(self) -> None:
        w, cal = self.w, self.cal
        fams = self.texts["families"]
        catalogue: dict[str, list[tuple]] = {}
        for family, spec in fams.items():
            items = []
            for manufacturer, pattern, prefix, variants, serial, warranty in spec["items"]:
                for v in variants:
                    items.append((manufacturer, pattern.format(v=v), prefix, v, serial, warranty))
            catalogue[family] = items
        total = sum(len(v) for v in catalogue.values())
        wanted = min(self.scale.products, total)
        weight_sum = sum(fams[f]["weight"] for f in fams)
        quota = {f: max(3, round(wanted * fams[f]["weight"] / weight_sum)) for f in fams}
        created = cal.ts(0 + 480)
        self.products: dict[str, list[int]] = {}
        self.product_weights: dict[str, list[float]] = {}
        self.product_info: dict[int, tuple[str, str, str, str, int]] = {}
        codes: set[str] = set()
        for family, items in catalogue.items():
            chosen = items if quota[family] >= len(items) else self._spread(items, quota[family])
            self.products[family] = []
            self.product_weights[family] = []
            for manufacturer, name, prefix, variant, serial, warranty in chosen:
                code = f"{prefix}-{_slug(variant, 16).upper()}"
                while code in codes:
                    code += "X"
                codes.add(code)
                pid = w.new_id("product")
                w.rows["product"].append((pid, w.uuid(), created, created, 1, code, name,
                                          self.family_label[family], manufacturer, warranty, 0))
                self.products[family].append(pid)
                self.product_weights[family].append(self._pick((1, 2, 3, 4, 6)))
                self.product_info[pid] = (family, name, manufacturer, serial, warranty)

    def _spread(self, items: list[tuple], n: int) -> list[tuple]:
        """``n`` items spread across the list (every manufacturer gets a share)."""
        step = len(items) / n
        return [items[int(i * step)] for i in range(n)]

    def build_units(self) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        n_customers = len(self.customers)
        # A few customers with many units, most with a handful; none owning a quarter of all.
        weights = [min(rng.paretovariate(1.6), 25.0) for _ in range(n_customers)]
        total_w = sum(weights)
        extra = self.scale.units - n_customers
        per = [1 + int(extra * x / total_w) for x in weights]
        short = self.scale.units - sum(per)
        for i in heapq.nlargest(max(0, short), range(n_customers), key=weights.__getitem__):
            per[i] += 1
        fams = self.texts["families"]
        product_cum = {f: list(itertools.accumulate(w)) for f, w in self.product_weights.items()}
        self.unit_product: list[int] = [0]
        self.unit_owner: list[int] = [0]
        self.unit_family: list[str] = [""]
        self.unit_install: list[int] = [0]
        self.unit_warranty: list[int] = [0]
        self.unit_serial: list[str] = [""]
        self.customer_units: dict[int, list[int]] = {}
        self.party_by_id = {p.id: p for p in self.customers}
        serials: set[tuple[int, str]] = set()
        rows, own = w.rows["unit"], w.rows["unit_ownership"]
        for party, count in zip(self.customers, per):
            fam_keys = list(party.families)
            fam_w = [party.families[k] for k in fam_keys]
            units = self.customer_units.setdefault(party.id, [])
            for family in _weighted(rng, fam_keys, fam_w, count):
                pid = self._choose(self.products[family], product_cum[family])
                _, _, _, pattern, warranty = self.product_info[pid]
                while True:
                    serial = self._serial(pattern)
                    if (pid, serial) not in serials:
                        serials.add((pid, serial))
                        break
                first = max(party.since, 1)
                install = first + int((cal.today - 7 - first) * rng.random())
                install = cal.working_day_from(install)
                install_date = cal.dates[install]
                warranty_end = add_months(install_date, warranty)
                site = self._pick(fams[family]["sites"])
                address, city, prov = party.address, party.city, party.province
                if rng.random() < 0.08:
                    place = self._choose(self.places, self.place_cum)
                    city, prov = place[0], place[1]
                    address = f"{self._pick(_places()['streets'])} {self._rr(1, 120)}"
                    site = f"Filiale di {city} – {site}"
                uid = w.new_id("unit")
                created = cal.ts(install * 1440 + 600)
                rows.append((uid, w.uuid(), created, created, 1, pid, serial, party.id,
                             cal.iso[install], warranty_end.isoformat(), site, address, city, prov,
                             "", 0))
                own.append((w.new_id("unit_ownership"), w.uuid(), created, created, 1, uid,
                            party.id, cal.iso[install], None))
                self.unit_product.append(pid)
                self.unit_owner.append(party.id)
                self.unit_family.append(family)
                self.unit_install.append(install)
                self.unit_warranty.append(cal.day(warranty_end) if warranty_end <= cal.dates[-1]
                                          else len(cal.dates))
                self.unit_serial.append(serial)
                units.append(uid)
            party.families = {}
            for uid in units:
                f = self.unit_family[uid]
                party.families[f] = party.families.get(f, 0) + 1

    # job orders: one for about half of the contracts, the others for projects
    def _project_job_orders(self) -> None:
        self.job_orders: dict[int, list[int]] = {}
        n_extra = max(0, self.scale.job_orders - self.scale.contracts // 2)
        for _ in range(n_extra):
            party = self._pick(self.customers)
            if party.families:
                family = max(party.families, key=party.families.__getitem__)
                self._job_order(party, family, None)

    def _number_job_orders(self) -> None:
        """Codes COM-YYYY-NNN follow the opening dates (rows are created out of order)."""
        rows = self.w.rows["job_order"]
        rows.sort(key=lambda r: (r[8], r[0]))
        seq: dict[str, int] = {}
        for i, row in enumerate(rows):
            year = row[8][:4]
            seq[year] = seq.get(year, 0) + 1
            rows[i] = row[:5] + (f"COM-{year}-{seq[year]:03d}",) + row[6:]

    def _job_order(self, party: Party, family: str, contract_start: int | None) -> int:
        rng, w, cal = self.rng, self.w, self.cal
        opened = contract_start if contract_start is not None else (
            party.since + int((cal.today - party.since) * rng.random()))
        opened = min(opened, cal.today + 60)
        noun = FAMILY_NOUN[family]
        title = self._pick([f"Manutenzione {noun} – {party.short}",
                            f"Assistenza {noun} {party.short}",
                            f"Fornitura e installazione {noun} – sede di {party.city}",
                            f"Progetto rinnovo {noun} {party.short}"])
        closed = None
        if contract_start is None and opened < cal.today - 200 and rng.random() < 0.6:
            closed = (cal.base + dt.timedelta(days=opened + self._rr(60, 200))).isoformat()
        jid = w.new_id("job_order")
        opened_date = cal.base + dt.timedelta(days=opened)
        created = self._ts_date(opened_date, 540)
        w.rows["job_order"].append((jid, w.uuid(), created, created, 1, "", title[:200], party.id,
                                    opened_date.isoformat(), closed, 0))
        if closed is None:
            self.job_orders.setdefault(party.id, []).append(jid)
        return jid

    # contracts, their units and products, renewals, billing plan, ticket credits
    def build_contracts(self) -> None:
        self.istat = sorted((_Istat(r["year"], Decimal(r["change_pct"]),
                                    dt.date.fromisoformat(r["published_on"]))
                             for r in istat_rows()), key=lambda r: (r.published_on, r.year))
        self.istat_published = [r.published_on for r in self.istat]
        self.contracts_by_party: dict[int, list[ContractInfo]] = {}
        self.ticket_info: dict[int, tuple[list[tuple[int, int, int, str]], list[tuple]]] = {}
        self.plan_candidates: list[tuple[int, ContractInfo, dt.date | None]] = []
        self._project_job_orders()
        plans = [self._plan_contract(i) for i in range(self.scale.contracts)]
        plans.sort(key=lambda p: (p["signed"] or p["start"], p["party"].id))
        seq: dict[int, int] = {}
        for plan in plans:
            year = (plan["signed"] or self.cal.dates[self.cal.today]).year
            seq[year] = seq.get(year, 0) + 1
            self._write_contract(plan, f"CT-{year}-{seq[year]:05d}")
        self._number_job_orders()

    def _plan_contract(self, i: int) -> dict[str, Any]:
        rng, cal = self.rng, self.cal
        today = cal.dates[cal.today]
        n_passive = round(self.scale.contracts * 0.06) if self.suppliers else 0
        if i < n_passive:
            party, family = self.suppliers[i % len(self.suppliers)]
            ctype = self._pick(["full_service", "on_call", "maintenance"])
            direction = "passive"
        else:
            direction = "active"
            for _ in range(4):
                party = self.customers[self._rr(0, len(self.customers))]
                if party.id not in self.contracts_by_party or rng.random() < 0.1:
                    break
            self.contracts_by_party.setdefault(party.id, [])
            fams = list(party.families)
            family = _weighted(rng, fams, [party.families[f] for f in fams], 1)[0]
            types = CONTRACT_TYPES[family]
            ctype = _weighted(rng, list(types), list(types.values()), 1)[0]
        draft = rng.random() < 0.03
        if draft:
            start = today + dt.timedelta(days=self._rr(5, 45))
        else:
            back = int(6 * 365 * rng.random() ** 1.3) + 1
            start = today - dt.timedelta(days=back)
            since = cal.dates[party.since]
            if start < since:
                start = since + dt.timedelta(days=self._rr(0, 60))
                start = min(start, today - dt.timedelta(days=1))
        start = start.replace(day=1) if rng.random() < 0.5 else start
        # Terms renew for as long as the first one: the renewal run revalues the amount of a
        # term as it is, so a shorter renewal term would keep a longer term's price.
        initial = _weighted(rng, [12, 24, 36], [60, 20, 20], 1)[0]
        periodicity = "yearly" if ctype == "tickets" else _weighted(
            rng, list(PERIOD_MONTHS), [15, 35, 20, 30], 1)[0]
        first_due = start if rng.random() < 0.7 else start.replace(
            day=calendar.monthrange(start.year, start.month)[1])  # end of the first month
        tickets = _weighted(rng, [10, 20, 30, 50], [3, 4, 2, 1], 1)[0] if ctype == "tickets" else 0
        units = []
        if direction == "active":
            limit = cal.day(add_months(start, initial)) if draft else cal.today
            units = [u for u in self.customer_units[party.id]
                     if self.unit_family[u] == family and self.unit_install[u] <= limit][:25]
        return dict(
            direction=direction, party=party, family=family, type=ctype, draft=draft, start=start,
            signed=None if draft else start - dt.timedelta(days=self._rr(5, 40)),
            signed_by=self._pick(self.signers), initial=initial, first_due=first_due,
            renewal_type=_weighted(rng, ["tacit", "proposal", "none"], [55, 30, 15], 1)[0],
            change=_weighted(rng, ["0", "2", "3", "5", "-3"], [60, 15, 12, 8, 5], 1)[0],
            share=_weighted(rng, ["0", "75", "100"], [40, 35, 25], 1)[0],
            max_renewals=_weighted(rng, [None, 2, 3, 5], [50, 15, 20, 15], 1)[0],
            notice_days=self._pick([30, 60, 90]), tickets=tickets, periodicity=periodicity,
            instalments=max(1, initial // PERIOD_MONTHS[periodicity]),
            units=units, base=self._base_amount(ctype, len(units), tickets, direction),
            sla=self._sla(ctype, direction))

    def _base_amount(self, ctype: str, units: int, tickets: int, direction: str) -> int:
        """Yearly value in cents, rounded to ten euro."""
        if direction == "passive":
            euro = self._rr(2_000, 20_000)
        elif ctype == "tickets":
            euro = tickets * self._pick([55, 60, 65, 70, 75, 80, 90])
        elif ctype == "software_support":
            euro = self._rr(400, 3_000)
        elif ctype == "on_call":
            euro = self._rr(2_000, 12_000)
        else:
            per_unit = {"full_service": (300, 900), "maintenance": (120, 400),
                        "warranty_extension": (80, 250)}[ctype]
            euro = max(250, max(1, units) * self._rr(*per_unit))
        return euro // 10 * 1000

    def _sla(self, ctype: str, direction: str) -> tuple[int | None, int | None]:
        rng = self.rng
        if direction == "passive":
            return 8, 40
        if ctype == "on_call":
            return 2, 8
        if ctype == "full_service":
            return self._pick([(4, 16), (8, 24)])
        if ctype in ("software_support", "maintenance") and rng.random() < 0.5:
            return 8, 40
        return None, None

    def _istat_for(self, day: dt.date) -> _Istat | None:
        """The latest ISTAT FOI figure published before ``day`` (as the renewal run takes)."""
        n = bisect.bisect_left(self.istat_published, day)
        return self.istat[n - 1] if n else None

    def _terms(self, plan: dict[str, Any]) -> tuple[list[tuple], list[tuple], str, dt.date | None]:
        """Terms (no, start, end, cents) up to the current one, renewal rows, status, notice:
        the history the renewal run (``services.renewals``) would have written day by day."""
        rng, today = self.rng, self.cal.dates[self.cal.today]
        one = dt.timedelta(days=1)
        start, months = plan["start"], plan["initial"]
        ts, amount = start, plan["base"] * months // 12
        te = renewals_service.term_end_for(ts, months, start.day)
        terms = [(1, ts, te, amount)]
        rows: list[tuple] = []
        if plan["draft"]:
            return terms, rows, "draft", None
        status, notice = "active", None
        kind, limit = plan["renewal_type"], plan["max_renewals"]
        while te < today:
            if kind == "tacit" and rng.random() < 0.06:  # the customer gave notice in time
                notice = renewals_service.cancel_by(te, plan["notice_days"]) - dt.timedelta(
                    days=self._rr(1, 30))
            if kind == "none" or notice or (limit is not None and len(terms) - 1 >= limit):
                status = "expired"
                break
            new_ts = te + one
            new_te = renewals_service.term_end_for(new_ts, months, start.day)
            rev = renewals_service.revalue(Decimal(amount) / 100, Decimal(plan["change"]),
                                           Decimal(plan["share"]), self._istat_for(new_ts))
            row = [len(terms), kind, "done", new_ts, te, new_ts, new_te, rev, None, new_ts]
            if kind == "proposal":  # proposed the day after expiry, decided within weeks
                decided = new_ts + dt.timedelta(days=self._rr(3, 30))
                if decided >= today:
                    rows.append(tuple(row[:2]) + ("proposed",) + tuple(row[3:8]) + (None, None))
                    break  # still waiting: active, its term over
                accepted = rng.random() < 0.82
                row[2:] = ["accepted" if accepted else "rejected", new_ts, te, new_ts, new_te,
                           rev, self._pick(self.signers), decided]
                if not accepted:
                    rows.append(tuple(row))
                    status = "expired"
                    break
            rows.append(tuple(row))
            amount = int(rev.new_amount * 100)
            terms.append((len(terms) + 1, new_ts, new_te, amount))
            ts, te = new_ts, new_te
        if status == "active" and kind == "tacit" and 0 <= (te - today).days <= 120 \
                and rng.random() < 0.15:  # will not renew: notice received
            notice = min(today - one, renewals_service.cancel_by(te, plan["notice_days"]))
        return terms, rows, status, notice

    def _write_contract(self, plan: dict[str, Any], number: str) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        today = cal.dates[cal.today]
        party, family, ctype = plan["party"], plan["family"], plan["type"]
        terms, renewals, status, notice = self._terms(plan)
        cid = w.new_id("contract")
        no, ts, te, amount = terms[-1]
        valid_until = te
        notes = self._pick(["", "", "", "Adeguamento ISTAT al rinnovo secondo quota concordata.",
                            "Inclusi ricambi e manodopera, esclusi i materiali di consumo.",
                            "Fatturazione anticipata.", "Referente commerciale: ufficio vendite."])
        if status == "active" and ts < today:
            r = rng.random()
            if r < 0.03:  # ended early by agreement: no longer covers anything
                status, notes = "cancelled", "Risolto anticipatamente su richiesta del cliente."
                valid_until = ts + (today - ts) * rng.random()
            elif r < 0.04:
                status, notes = "suspended", "Sospeso per insoluti."
        plan["units"] = [u for u in plan["units"] if self.unit_install[u] <= cal.day(te)]
        job_order = None
        if plan["direction"] == "active" and rng.random() < 0.5:
            job_order = self._job_order(party, family, cal.day(plan["start"]))
        title = self._contract_title(plan, FAMILY_NOUN[family])
        created_day = plan["signed"] or today - dt.timedelta(days=self._rr(1, 20))
        created = self._ts_date(created_day, 600)
        changed = [created_day] + [r[9] or r[3] for r in renewals if (r[9] or r[3]) <= today]
        updated = self._ts_date(max(changed), 610)
        response, resolution = plan["sla"]
        w.rows["contract"].append((
            cid, w.uuid(), created, updated, 1, number, plan["direction"], party.id, title[:200],
            job_order, plan["signed"] and plan["signed"].isoformat(),
            None if plan["draft"] else plan["signed_by"], ctype, status, plan["start"].isoformat(),
            plan["initial"], plan["initial"], no, ts.isoformat(), te.isoformat(), _cents(amount),
            plan["renewal_type"], plan["change"], plan["share"], plan["max_renewals"],
            len(terms) - 1, plan["notice_days"], notice and notice.isoformat(), plan["tickets"], 1,
            self._pick([2, 3, 5]) if plan["tickets"] else 2, response, resolution,
            plan["periodicity"], plan["instalments"], plan["first_due"].isoformat(), notes, 0))
        for term, kind, state, processed, old_end, new_start, new_end, rev, by, on in renewals:
            w.rows["contract_renewal"].append((
                w.new_id("contract_renewal"), w.uuid(), self._ts_date(processed, 420),
                self._ts_date(on or processed, 425), 1, cid, term, kind, state,
                processed.isoformat(), old_end.isoformat(), new_start.isoformat(),
                new_end.isoformat(), f"{rev.old_amount:.2f}", f"{rev.new_amount:.2f}",
                str(rev.change_pct), str(rev.istat_share_pct),
                None if rev.istat_change_pct is None else str(rev.istat_change_pct),
                rev.istat_year, rev.formula, by, on and on.isoformat()))
        self._instalments(cid, plan, terms)
        for uid in plan["units"]:
            w.rows["contract_unit"].append((w.new_id("contract_unit"), w.uuid(), created, created,
                                            1, cid, uid))
        products = sorted({self.unit_product[u] for u in plan["units"]})
        if plan["direction"] == "passive":
            products = self.products[family][:8]
        for pid in products:
            w.rows["contract_product"].append((w.new_id("contract_product"), w.uuid(), created,
                                               created, 1, cid, pid))
        if plan["direction"] == "passive" or plan["draft"]:
            return
        info = ContractInfo(cid, cal.day(plan["start"]), cal.day(valid_until), family,
                            set(plan["units"]), job_order, response, resolution,
                            plan["tickets"] > 0)
        self.contracts_by_party.setdefault(party.id, []).append(info)
        if plan["tickets"]:
            credits = [(cal.day(t[1]) * 1440 + 540, plan["tickets"], t[0],
                        "initial" if t[0] == 1 else "renewal") for t in terms if t[1] <= today]
            self.ticket_info[cid] = (credits, [(cal.day(t[1]), cal.day(t[2]), t[0]) for t in terms])
        if ctype in ("maintenance", "full_service"):
            until = None if status == "active" and plan["renewal_type"] != "none" else valid_until
            for uid in plan["units"]:
                self.plan_candidates.append((uid, info, until))

    def _contract_title(self, plan: dict[str, Any], noun: str) -> str:
        if plan["direction"] == "passive":
            return self._pick([f"Assistenza di secondo livello {noun} – {plan['party'].short}",
                               f"Fornitura ricambi e supporto tecnico {noun}"])
        return {
            "full_service": f"Contratto full service {noun}",
            "tickets": f"Pacchetto {plan['tickets']} ticket assistenza {noun}",
            "maintenance": f"Manutenzione programmata {noun}",
            "warranty_extension": f"Estensione di garanzia {plan['initial']} mesi {noun}",
            "software_support": f"Assistenza e aggiornamento {noun}",
            "on_call": f"Reperibilità H24 {noun}",
        }[plan["type"]]

    def _instalments(self, cid: int, plan: dict[str, Any], terms: list[tuple]) -> None:
        """The billing plan of every term, as ``services.billing`` plans it: equal parts (the
        last absorbs the rounding), due dates kept on the first due date's day of the month."""
        w = self.w
        today = self.cal.dates[self.cal.today]
        rows = w.rows["instalment"]
        start, first_due = plan["start"], plan["first_due"]
        for no, ts, _, amount in terms:
            first = renewals_service.add_months(
                first_due, renewals_service.months_between(start, ts), first_due.day)
            created = self._ts_date(min(ts, today), 615)
            for part in billing.plan(Decimal(amount) / 100, plan["instalments"], first,
                                     plan["periodicity"]):
                paid = None
                if part.due_date < today and self._random() < 0.97:
                    paid_day = part.due_date + dt.timedelta(days=self._rr(0, 40))
                    paid = paid_day.isoformat() if paid_day < today else None
                rows.append((w.new_id("instalment"), w.uuid(), created, created, 1, cid, no,
                             part.seq, part.due_date.isoformat(), f"{part.amount:.2f}", paid, ""))

    # maintenance plans and their visits
    def build_maintenance(self) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        fams = self.texts["families"]
        today = cal.dates[cal.today]
        yesterday = today - dt.timedelta(days=1)
        cands = list(self.plan_candidates)
        rng.shuffle(cands)
        seen = {uid for uid, _, _ in cands}
        others = [u for u in range(1, len(self.unit_owner)) if u not in seen]
        rng.shuffle(others)
        chosen = (cands + [(u, None, None) for u in others])[:self.scale.maintenance_plans]
        durations = {"boilers": 90, "hvac": 120, "ups": 60, "pos": 45, "printers": 60, "plc": 120,
                     "servers": 90, "software": 60}
        two_visits = len(chosen) * 2 <= self.scale.requests * 0.15
        self.visits: list[tuple] = []
        act = self.activity["maintenance"][0]
        product_name = {pid: info[1] for pid, info in self.product_info.items()}
        for uid, info, until in chosen:
            family = self.unit_family[uid]
            spec = fams[family]["maintenance"]
            party = self.party_by_id[self.unit_owner[uid]]
            team = self._tech_team(family, party.ne)
            operator = self._pick(self.techs[team]) if rng.random() < 0.6 else None
            every = self._pick(spec["every"])
            install = cal.dates[self.unit_install[uid]]
            start = max(install + dt.timedelta(days=self._rr(20, 90)),
                        cal.dates[info.start] if info else install)
            if until is not None and start > until:
                info, until = None, None
            dues, k = [], 0
            while True:
                due = add_months(start, k * every)
                if until is not None and due > until:
                    break
                dues.append(due)
                if due > yesterday:
                    break
                k += 1
            past = [d for d in dues if d <= yesterday]
            pid = w.new_id("maintenance_plan")
            title = f"{spec['title']} – {product_name[self.unit_product[uid]]}"
            instructions = self._pick(spec["instructions"])
            visits = past[-2:] if two_visits else past[-1:]
            if visits and two_visits and (today - visits[0]).days > 400:
                visits = visits[-1:]
            last_done = None
            for due in visits:
                done = cal.working_day_before(min(cal.day(due) - self._rr(0, 5), cal.today - 1))
                last_done = done
                self.visits.append((pid, uid, cal.day(due), done, team, operator,
                                    durations[family], info, title, instructions))
            # as services.maintenance: one period after the last completed visit, else the start
            upcoming = start if last_done is None else max(
                start, add_months(cal.dates[last_done], every))
            active = until is None or until >= today
            if active and (until is None or upcoming <= until) and (upcoming - today).days <= 14:
                self.visits.append((pid, uid, cal.day(upcoming), None, team, operator,
                                    durations[family], info, title, instructions))
            created = self._ts_date(min(start, today) - dt.timedelta(days=10), 560)
            updated = cal.ts(last_done * 1440 + 1020) if last_done else created
            w.rows["maintenance_plan"].append((
                pid, w.uuid(), created, updated, 1, uid, info.id if info else None, title[:200],
                act,
                every, "months", start.isoformat(), until and until.isoformat(), team, operator,
                durations[family], instructions, self._pick([7, 14]),
                cal.iso[last_done] if last_done else None, int(active)))

    # service requests with their units, history, interventions and work logs
    def build_requests(self) -> None:
        skeleton = self._skeleton()
        self._choose_states(skeleton)
        self._plan_kb(skeleton)
        self.board = Board(self.cal, 75, self.absences)
        self.debits: list[tuple[int, int, int, int | None]] = []
        self.iv_target, self.wl_target = self.scale.interventions, self.scale.work_logs
        self.iv_made = self.wl_made = 0
        flush = ("service_request", "request_unit", "request_event", "intervention", "work_log",
                 "kb_application")
        counters: dict[int, list[int]] = {}
        dates = self.cal.dates
        for rid, (opened, kind, a, b) in enumerate(skeleton, 1):
            year = dates[opened // 1440].year
            counter = counters.setdefault(year, [0, opened, opened])
            counter[0] += 1
            counter[2] = opened
            number = f"RS-{year}-{counter[0]:06d}"
            if kind == 0:
                self._regular(rid, number, opened, a, b)
            elif kind == 1:
                self._visit(rid, number, opened, self.visits[a])
            else:
                self._installation(rid, number, opened, a)
            if rid % 10_000 == 0:
                self.w.flush(*flush)
                self._report(rid / len(skeleton))
        w = self.w
        for year, (last, first, latest) in sorted(counters.items()):
            w.rows["request_counter"].append((w.new_id("request_counter"), w.uuid(),
                                              self.cal.ts(first), self.cal.ts(latest), 1, year,
                                              last))

    def _skeleton(self) -> list[tuple[int, int, int, int]]:
        """(opened minute, kind, a, b) of every request, sorted. Kind 0: customer request
        (a unit, b problem*4+channel); 1: maintenance visit (a visit); 2: installation (a unit)."""
        rng, cal = self.rng, self.cal
        now = cal.now
        window = cal.today - 3 * 365
        entries: list[tuple[int, int, int, int]] = []
        for i, visit in enumerate(self.visits):
            due, done = visit[2], visit[3]
            if done is not None:
                day = cal.working_day_before(done - self._rr(7, 16))
                entries.append((day * 1440 + 420 + self._rr(0, 45), 1, i, 0))
            else:
                day = min(cal.today - 1, cal.working_day_before(due - self._rr(7, 16)))
                entries.append((min(now - 60, day * 1440 + 420 + self._rr(0, 45)), 1, i, 0))
        n_units = len(self.unit_owner) - 1
        budget = self.scale.requests - len(entries)
        for uid in range(1, n_units + 1):
            install = self.unit_install[uid]
            if install >= window + 30 and rng.random() < 0.3 and budget > self.scale.requests // 2:
                day = cal.working_day_before(install - self._rr(5, 25))
                entries.append((day * 1440 + self._rr(540, 1020), 2, uid, 0))
                budget -= 1
        old_units = [u for u in range(1, n_units + 1) if self.unit_install[u] < window]
        old_units = old_units or list(range(1, n_units + 1))
        span = cal.today - window
        offsets, cum = {}, {}
        base = 0
        for family in self.families:
            offsets[family] = base
            base += len(self.problems[family])
            acc, total = [], 0.0
            for wgt in self.problem_weights[family]:
                total += wgt
                acc.append(total)
            cum[family] = acc
        ranges = {f: range(len(self.problems[f])) for f in self.families}
        channel_cum = [50, 78, 95, 100]
        for _ in range(max(0, budget)):
            day = window + int(span * rng.random() ** 0.8)
            if not cal.working[day] and rng.random() < 0.85:
                ahead = cal.working_day_from(day)
                day = ahead if ahead < cal.today else cal.working_day_before(day)
            ch = rng.choices(range(4), cum_weights=channel_cum)[0]
            minute = self._rr(480, 1110) if ch in (0, 3) else self._rr(420, 1320)
            for _ in range(8):
                uid = self._rr(1, n_units + 1)
                if self.unit_install[uid] < day:
                    break
            else:
                uid = self._pick(old_units)
            family = self.unit_family[uid]
            pidx = offsets[family] + rng.choices(ranges[family], cum_weights=cum[family])[0]
            entries.append((day * 1440 + minute, 0, uid, pidx * 4 + ch))
        entries.sort()
        return entries

    def _choose_states(self, skeleton: list[tuple[int, int, int, int]]) -> None:
        """Which customer requests are still open (mostly recent ones) and which were cancelled."""
        rng, now = self.rng, self.cal.now
        planned_visits = sum(1 for v in self.visits if v[3] is None)
        target = max(0, self.scale.open_requests - planned_visits)
        regular = [rid for rid, e in enumerate(skeleton, 1) if e[1] == 0]
        keys = []
        for rid in regular:
            age_days = (now - skeleton[rid - 1][0]) / 1440
            weight = 1.0 / (1.0 + age_days / 12.0) ** 1.5
            keys.append((rng.random() ** (1.0 / weight), rid))
        self.open_ids = {rid for _, rid in heapq.nlargest(target, keys)}
        self.cancel_ids = {rid for rid in regular
                           if rid not in self.open_ids and rng.random() < 0.03}
        n_open = len(self.open_ids)
        n_closed = len(regular) - n_open - len(self.cancel_ids)
        n_install = sum(1 for e in skeleton if e[1] == 2)
        self.closed_left = n_closed
        self.iv_reserve = n_open * 1.0 + len(self.visits) + n_install * 1.4 + len(
            self.cancel_ids) * 0.15

    def _plan_kb(self, skeleton: list[tuple[int, int, int, int]]) -> None:
        """KB articles, some written from a resolved request (which then uses their text)."""
        rng, cal = self.rng, self.cal
        n = self.scale.kb_articles
        limit = cal.now - 60 * 1440
        eligible = [rid for rid, e in enumerate(skeleton, 1) if e[1] == 0 and e[0] < limit
                    and rid not in self.open_ids and rid not in self.cancel_ids]
        sources = rng.sample(eligible, min(int(n * 0.4), len(eligible) // 3))
        articles: list[list[Any]] = []
        for rid in sources:
            opened, _, uid, packed = skeleton[rid - 1]
            p = self.problem_list[packed // 4]
            articles.append([opened + 3 * 1440, rid, packed // 4, self.unit_product[uid],
                             self._rr(0, len(p.symptoms)), self._rr(0, len(p.fixes)),
                             self._rr(-6, 5)])
        fam_w = [self.texts["families"][f]["weight"] for f in self.families]
        first = (cal.today - 5 * 365) * 1440
        for _ in range(n - len(sources)):
            family = _weighted(rng, self.families, fam_w, 1)[0]
            p = _weighted(rng, self.problems[family], self.problem_weights[family], 1)[0]
            product = self._pick(self.products[family]) if rng.random() < 0.7 else None
            articles.append([first + int((limit - first) * rng.random()), 0,
                             self.problem_index[id(p)], product, self._rr(0, len(p.symptoms)),
                             self._rr(0, len(p.fixes)), self._rr(-6, 5)])
        articles.sort(key=lambda a: (a[0], a[1], a[2]))
        self.kb_articles = articles
        self.kb_forced = {a[1]: aid for aid, a in enumerate(articles, 1) if a[1]}
        self.kb_static: dict[int, list[tuple[int, int]]] = {}
        for aid, a in enumerate(articles, 1):
            if not a[1]:
                self.kb_static.setdefault(a[2], []).append((a[0], aid))
        self.kb_dynamic: dict[int, list[tuple[int, int]]] = {}
        self.kb_applied = [0] * (n + 1)
        self.kb_author: dict[int, int | None] = {}

    # -- one request ------------------------------------------------------------------------------
    def _new_request(self, rid: int, number: str, opened: int, uid: int, team: int,
                     priority: str, channel: str, subject: str, description: str,
                     problem_type: int | None, contract: ContractInfo | None) -> _Req:
        party = self.party_by_id[self.unit_owner[uid]]
        prio_id, resp_h, res_h = self.priority[priority]
        if contract is not None and contract.response_hours:
            resp_h, res_h = contract.response_hours, contract.resolution_hours or res_h
        job_order = contract.job_order if contract is not None else None
        rng = self.rng
        if job_order is None and rng.random() < 0.08:
            orders = self.job_orders.get(party.id)
            job_order = self._pick(orders) if orders else None
        techs = self.techs[team]
        return _Req(rid, number, opened, party, uid, team, techs, self._pick(techs), prio_id,
                    PRIORITY_RANK[priority], resp_h, res_h, contract, job_order, channel, subject,
                    description, problem_type,
                    self._pick(party.contacts) if rng.random() < 0.9 else None)

    def _regular(self, rid: int, number: str, opened: int, uid: int, packed: int) -> None:
        rng, phr = self.rng, self.phr
        pidx, ch = divmod(packed, 4)
        p = self.problem_list[pidx]
        party = self.party_by_id[self.unit_owner[uid]]
        team = self._tech_team(p.family, party.ne)
        cum = PRIORITY_CUM_LIGHT if p.pt in ("usage", "configuration") else PRIORITY_CUM
        priority = PRIORITY_CODES[bisect.bisect(cum, self._random() * 100)]
        age = self.cal.now - opened
        stale = rid in self.open_ids and age > 20 * 1440
        if stale:  # what stays open for weeks is seldom urgent, and mostly waiting
            priority = "normal" if rng.random() < 0.4 else "low"
        forced = self.kb_forced.get(rid)
        if forced:
            si, fix = self.kb_articles[forced - 1][4:6]
        else:
            si, fix = self._rr(0, len(p.symptoms)), self._rr(0, len(p.fixes))
        text = p.symptoms[si]
        if priority in ("critical", "high") and rng.random() < 0.6:
            text += " " + self._pick(phr["urgent"])
        if rng.random() < 0.35:
            text += " " + self._pick(phr["extra"])
        if rng.random() < 0.3:
            text += f" Matricola {self.unit_serial[uid]}."
        contract = self._contract_for(party.id, uid, p.family, opened // 1440)
        req = self._new_request(rid, number, opened, uid, team, priority, CHANNELS[ch], p.subject,
                                text, self.problem_type[p.pt], contract)
        creator = None if req.channel in ("web", "email") else self._pick(self.coordinators)
        req.events.append((opened, creator, "status", None, "new", ""))
        if rid in self.open_ids:
            self.iv_reserve -= 1.0
            self._open_path(req, p, self._open_status(age, stale))
        elif rid in self.cancel_ids:
            self.iv_reserve -= 0.15
            self._cancel_path(req)
        else:
            self.closed_left -= 1
            if not self._closed_path(req, p, pidx, fix, forced):
                self._open_path(req, p, "in_progress")
        self._emit(req)

    def _open_status(self, age: int, stale: bool) -> str:
        if age < 1440:
            return "new" if self.rng.random() < 0.55 else "assigned"
        cum = STALE_CUM if stale else OPEN_CUM
        return OPEN_STATUSES[bisect.bisect(cum, self._random() * cum[-1])]

    def _contract_for(self, party: int, uid: int, family: str, day: int) -> ContractInfo | None:
        best = None
        for info in self.contracts_by_party.get(party, ()):
            if info.start <= day <= info.end:
                if uid in info.units:
                    return info
                if best is None and info.family == family:
                    best = info
        return best

    def _assign(self, req: _Req, first_response: int, answer: bool = True) -> None:
        """Leaving 'new' is the first response (as in ``services.requests``); often the
        technician also writes to the customer soon after."""
        req.events.append((first_response, self._pick(self.coordinators), "status", "new",
                           "assigned", f"Assegnata a {self.operator_names[req.owner]}"))
        req.first_response = first_response
        if answer and self._random() < 0.6:
            at = first_response + self._rr(1, 45)
            if at < self.cal.now:
                req.events.append((at, req.owner, "answer", None, None,
                                   self._pick(self.phr["answers"])))

    def _first_response(self, req: _Req) -> int:
        rng = self.rng
        late = 1.0 if rng.random() < 0.92 else 2.5
        return self.cal.add_working(req.opened,
                                    max(5, int(req.resp_h * 60 * rng.random() ** 1.5 * late)))

    def _duration(self, act: str) -> int:
        minutes = self.activity[act][3]
        return max(30, int(minutes * (0.5 + self.rng.random())) // 15 * 15)

    def _timeline(self, req: _Req, p: Problem, k: int, start: int) -> list[tuple]:
        """``k`` past visits after ``start``: (act, operator, planned and actual start/end)."""
        rng, cal = self.rng, self.cal
        out, t = [], start
        for i in range(k):
            act = p.act
            if i == 0 and k > 1 and act == "repair" and rng.random() < 0.3:
                act = "inspection"
            elif i > 0 and act in ("remote", "configuration") and rng.random() < 0.4:
                act = "repair"
            if i == 0:
                low, high = FIRST_GAP[req.rank]
                gap = self._rr(low, high)
            else:
                gap = self._rr(1, 6) * 1440 + self._rr(0, 240)
            s = cal.next_work(t + gap)
            dur = self._duration(act)
            a_s = s + self._pick(JITTER)
            a_e = a_s + max(15, int(dur * (0.75 + rng.random() * 0.6)) // 5 * 5)
            op = req.owner if rng.random() < 0.75 else self._pick(req.techs)
            out.append((act, op, s, s + dur, a_s, a_e))
            t = a_e
        return out

    def _n_interventions(self) -> int:
        rng = self.rng
        budget = self.iv_target - self.iv_made - self.iv_reserve
        mean = max(0.3, budget / max(1, self.closed_left + 1))
        if rng.random() < 0.08:
            return 0
        mean /= 0.92
        n = int(mean)
        n += rng.random() < mean - n
        if n >= 2:
            r = rng.random()
            n += -1 if r < 0.2 else (1 if r < 0.4 else 0)
        return max(1, min(n, 6))

    def _closed_path(self, req: _Req, p: Problem, pidx: int, fix: int,
                     forced: int | None) -> bool:
        rng, cal, phr = self.rng, self.cal, self.phr
        now = cal.now
        first = self._first_response(req)
        ivs = self._timeline(req, p, self._n_interventions(), first)
        phone = self._pick((15, 20, 30, 45, 60))  # solved on the phone when no visit is needed
        start = max(first + 1, ivs[0][4] if ivs else cal.next_work(first))
        resolved = (ivs[-1][5] if ivs else start + phone) + self._rr(5, 90)
        if resolved >= now - 30:
            return False  # still being worked on: the caller makes it an open request
        if rng.random() < 0.3:
            closed = cal.next_work(resolved + self._rr(60, 240))
        else:
            closed = cal.next_work(resolved + self._rr(1, 6) * 1440 + self._rr(0, 480))
        ev = req.events
        self._assign(req, first)
        ev.append((start, req.owner, "status", "assigned", "in_progress", ""))
        for i in range(len(ivs) - 1):
            if rng.random() < 0.45:
                ws = ivs[i][5] + self._rr(10, 60)
                we = ivs[i + 1][4] - self._rr(30, 300)
                if we > ws + 60:
                    state = "waiting_supplier" if rng.random() < 0.7 else "waiting_customer"
                    ev.append((ws, req.owner, "status", "in_progress", state,
                               self._pick(phr[state])))
                    ev.append((we, req.owner, "status", state, "in_progress", ""))
                    req.paused += self.cal.working_between(ws, we)
        self._notes(req, start, resolved)
        cause, solution = p.fixes[fix]
        outcome = self._pick(phr["outcome"])
        for n, (act, op, ps, pe, a_s, a_e) in enumerate(ivs, 1):
            report = (f"{solution} {outcome}" if n == len(ivs) else
                      self._pick(phr["diagnosis"]).format(cause=cause))
            iid = self._intervention(req, act, op, "done", ps, pe, a_s, a_e, report)
            self._work_logs(req, iid, op, act, a_s, a_e)
        if not ivs:
            self._phone_log(req, start, phone)
        if forced:
            req.kb_article = forced
            self.kb_author[forced] = req.owner
            created = resolved + self._rr(10, 120)
            self.kb_articles[forced - 1][0] = created
            self.kb_dynamic.setdefault(pidx, []).append((created, forced))
            ev.append((resolved, req.owner, "note", None, None,
                       "Problema e soluzione registrati nella Knowledge Base."))
        elif rng.random() < 0.15:
            self._apply_kb(req, pidx, start)
        closer = self._pick(self.coordinators) if rng.random() < 0.6 else req.owner
        ev.append((resolved, req.owner, "status", "in_progress", "resolved", ""))
        req.resolved = resolved
        if closed < now:
            ev.append((closed, closer, "status", "resolved", "closed", ""))
            req.closed, req.status = closed, "closed"
        else:
            req.status = "resolved"
        req.final_report = f"Diagnosi: {cause}\nIntervento: {solution}\nEsito: {outcome}"
        return True

    def _open_path(self, req: _Req, p: Problem, status: str) -> None:
        rng, now = self.rng, self.cal.now
        req.status = status
        if status == "new":
            req.owner = None
            if rng.random() < 0.2:
                self._notes(req, req.opened + 1, now - 1)
            return
        first = self._first_response(req)
        if first >= now - 5:
            first = req.opened + max(1, int((now - 5 - req.opened) * (0.2 + 0.6 * rng.random())))
        self._assign(req, first)
        if status != "assigned":
            start = first + 1 + int((now - 3 - first) * rng.random())
            ivs = self._timeline(req, p, 1, first)
            last = start
            if ivs and ivs[0][5] < now - 30:
                act, op, ps, pe, a_s, a_e = ivs[0]
                report = self._pick(self.phr["diagnosis"]).format(cause=p.fixes[0][0])
                iid = self._intervention(req, act, op, "done", ps, pe, a_s, a_e, report)
                self._work_logs(req, iid, op, act, a_s, a_e)
                start, last = max(first + 1, a_s), a_e
            req.events.append((start, req.owner, "status", "assigned", "in_progress", ""))
            if status.startswith("waiting"):
                ws = max(start + 1, last + self._rr(10, 240))
                if ws >= now:
                    ws = start + max(1, (now - start) // 2)
                req.events.append((ws, req.owner, "status", "in_progress", status,
                                   self._pick(self.phr[status])))
                req.paused_since = ws
        if rng.random() < PLAN_CHANCE[status]:
            low, high = PLAN_AHEAD[req.rank]  # urgent visits first, the others spread out
            if status == "waiting_supplier":
                low, high = low + 3, high + 3
            start = self._plan_visit(req, p.act, now + self._rr(low * 1440, high * 1440 + 1),
                                     first)
            if start is not None and status == "in_progress" and rng.random() < 0.3:
                self._plan_visit(req, "repair" if p.act == "inspection" else p.act,
                                 start + self._rr(2, 5) * 1440, first)  # back to finish

    def _plan_visit(self, req: _Req, act: str, not_before: int, since: int,
                    duration: int | None = None, plan: int | None = None,
                    due: int | None = None) -> int | None:
        """A planned intervention on the board (no overlaps, working hours, no absences);
        returns its start, or None when nobody of the team is free in the horizon."""
        rng, now = self.rng, self.cal.now
        duration = duration or self._duration(act)
        gap = 30 if self.activity[act][2] else 0
        booked = self.board.book(req.techs, req.owner, not_before, duration, gap)
        if booked is None:
            return None
        op, start = booked
        created = since + int((now - 1 - since) * rng.random())
        self._intervention(req, act, op, "planned", start, start + duration, None, None, "",
                           created=created, plan=plan, due=due)
        return start

    def _cancel_path(self, req: _Req) -> None:
        rng, now = self.rng, self.cal.now
        previous = "new"
        if rng.random() < 0.5:
            self._assign(req, req.opened + self._rr(5, 120), answer=False)
            previous = "assigned"
        else:
            req.owner = None
        at = min(now - 1, req.opened + self._rr(150, 3 * 1440))
        req.events.append((at, self._pick(self.coordinators), "status", previous, "cancelled",
                           self._pick(self.phr["cancel"])))
        req.status, req.closed = "cancelled", at

    def _notes(self, req: _Req, start: int, end: int) -> None:
        rng = self.rng
        count = (rng.random() < 0.35) + (rng.random() < 0.1)
        for _ in range(count if end > start else 0):
            req.events.append((start + int((end - start) * rng.random()), req.owner, "note", None,
                               None, self._pick(self.phr["notes"])))

    def _apply_kb(self, req: _Req, pidx: int, at: int) -> None:
        candidates = []
        static = self.kb_static.get(pidx)
        if static:
            n = bisect.bisect_left(static, (at, 0))
            if n:
                candidates.append(static[self._rr(0, n)][1])
        dynamic = self.kb_dynamic.get(pidx)
        if dynamic:
            created, aid = dynamic[self._rr(0, len(dynamic))]
            if created < at:
                candidates.append(aid)
        if not candidates:
            return
        aid = self._pick(candidates)
        when = at + self._rr(1, 30)
        w = self.w
        stamp = self.cal.ts(when)
        w.rows["kb_application"].append((w.new_id("kb_application"), w.uuid(), stamp, stamp, 1, aid,
                                         req.rid, req.owner, stamp))
        self.kb_applied[aid] += 1
        req.kb_article = aid
        req.events.append((when, req.owner, "kb_applied", None, None,
                           f"Applicata la soluzione dell'articolo KB n. {aid}."))

    def _intervention(self, req: _Req, act: str, op: int | None, status: str, ps: int, pe: int,
                      a_s: int | None, a_e: int | None, report: str, *,
                      created: int | None = None, plan: int | None = None,
                      due: int | None = None) -> int:
        rng, w, cal = self.rng, self.w, self.cal
        ts = cal.ts
        iid = w.new_id("intervention")
        on_site = self.activity[act][2]
        if rng.random() < 0.5:
            instructions = self._pick(self.phr["instructions"] if on_site else
                                      self.phr["instructions_remote"])
        else:
            instructions = ""
        if created is None:
            created = max(req.opened + 1, ps - self._rr(60, 2880))
            created = min(created, ps - 1)
        updated = a_e + self._rr(5, 120) if a_e is not None else created
        w.rows["intervention"].append((
            iid, w.uuid(), ts(created), ts(min(updated, cal.now - 1)), 1, req.rid,
            self.activity[act][0], op, req.team, req.priority, status, ts(ps), ts(pe),
            instructions, a_s is not None and ts(a_s) or None, a_e is not None and ts(a_e) or None,
            report, "", due is not None and cal.iso[due] or None, plan))
        self.iv_made += 1
        req.last = max(req.last, updated if a_e is not None else created)
        return iid

    def _work_logs(self, req: _Req, iid: int | None, op: int, act: str, start: int,
                   end: int) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        mean = max(1.0, (self.wl_target - self.wl_made) / max(1, self.iv_target - self.iv_made + 1))
        n = int(mean)
        n += rng.random() < mean - n
        if n >= 2:
            r = rng.random()
            n += -1 if r < 0.2 else (1 if r < 0.4 else 0)
        n = max(1, min(n, (end - start) // 10))
        act_id, billable, on_site, _ = self.activity[act]
        day = start // 1440
        billable = int(billable and req.contract is None and self.unit_warranty[req.uid] < day)
        notes = self.phr["worklog"].get(act) or self.phr["worklog"]["repair"]
        iso, hms, uuid, rnd = cal.iso, cal.hms, w.uuid, self._random
        rows = w.rows["work_log"]
        stamp = cal.ts(min(end + self._rr(10, 300), cal.now - 1))
        bounds = [start + ((end - start) * j // n) // 5 * 5 for j in range(n)] + [end]
        customer, rid, job_order = req.party.id, req.rid, req.job_order
        wid = w.next_id["work_log"]
        for j in range(n):
            a, b = bounds[j], bounds[j + 1]
            if b <= a:
                continue
            travel, km = 0, "0"
            if j == 0 and on_site:
                travel = TRAVEL[int(rnd() * len(TRAVEL))]
                km = f"{travel * (0.5 + rnd() * 0.8):.1f}"
            rows.append((wid, uuid(), stamp, rid, iid, op, customer, job_order, act_id,
                         iso[a // 1440], hms[a % 1440], hms[b % 1440], b - a, travel, km,
                         billable, notes[int(rnd() * len(notes))]))
            wid += 1
        self.wl_made += wid - w.next_id["work_log"]
        w.next_id["work_log"] = wid

    def _phone_log(self, req: _Req, start: int, minutes: int) -> None:
        w, cal = self.w, self.cal
        stamp = cal.ts(min(start + minutes + self._rr(5, 120), cal.now - 1))
        act_id, billable, _, _ = self.activity["remote"]
        billable = billable and req.contract is None
        w.rows["work_log"].append((
            w.new_id("work_log"), w.uuid(), stamp, req.rid, None, req.owner,
            req.party.id, req.job_order, act_id, cal.iso[start // 1440], cal.hms[start % 1440],
            cal.hms[(start + minutes) % 1440], minutes, 0, "0", int(billable),
            self._pick(self.phr["worklog"]["phone"])))
        self.wl_made += 1

    def _visit(self, rid: int, number: str, opened: int, visit: tuple) -> None:
        """A periodic maintenance visit: done in the past or planned in the coming two weeks."""
        rng, cal = self.rng, self.cal
        plan, uid, due, done, team, plan_op, duration, info, title, instructions = visit
        description = (f"{instructions} Scadenza {cal.dates[due].strftime('%d/%m/%Y')}, "
                       f"matricola {self.unit_serial[uid]}.")
        # as services.maintenance writes them: on site, normal priority, no SLA clocks
        req = self._new_request(rid, number, opened, uid, team, "normal", "onsite", title[:200],
                                description, None, info)
        req.sla = False
        if plan_op is not None:
            req.owner = plan_op
        req.events.append((opened, None, "status", None, "new", ""))
        first = opened + self._rr(1, 10)
        self._assign(req, first, answer=False)
        self.iv_reserve -= 1
        if done is None:
            req.status = "assigned"
            self._plan_visit(req, "maintenance", max(cal.now, (due - 3) * 1440), opened,
                             duration, plan, due)
            self._emit(req)
            return
        start = cal.next_work(done * 1440 + self._pick((510, 540, 600, 810, 870)))
        a_s = start + self._pick(JITTER)
        a_e = a_s + max(30, int(duration * (0.8 + rng.random() * 0.5)) // 5 * 5)
        req.events.append((max(first + 1, a_s), req.owner, "status", "assigned", "in_progress", ""))
        report = f"Manutenzione eseguita. {instructions} Nessuna anomalia rilevante."
        iid = self._intervention(req, "maintenance", req.owner, "done", start, start + duration,
                                 a_s, a_e, report, plan=plan, due=due)
        self._work_logs(req, iid, req.owner, "maintenance", a_s, a_e)
        self._finish(req, a_e + self._rr(5, 30), report)
        self._emit(req)

    def _installation(self, rid: int, number: str, opened: int, uid: int) -> None:
        """The request under which a unit was installed (and its users trained)."""
        rng, cal = self.rng, self.cal
        party = self.party_by_id[self.unit_owner[uid]]
        family = self.unit_family[uid]
        name = self.product_info[self.unit_product[uid]][1]
        description = (f"Richiesta installazione e messa in servizio di {name} presso la sede di "
                       f"{party.city}.")
        req = self._new_request(rid, number, opened, uid, self._tech_team(family, party.ne),
                                "normal", "email", f"Installazione {name}"[:200], description,
                                None, self._contract_for(party.id, uid, family, opened // 1440))
        req.events.append((opened, self._pick(self.coordinators), "status", None, "new", ""))
        self._assign(req, opened + self._rr(10, 240))
        self.iv_reserve -= 1.4
        start = cal.next_work(self.unit_install[uid] * 1440 + 510)
        duration = self._pick((180, 240, 300, 360, 480))
        a_e = start + duration + self._pick((-30, 0, 15, 30, 60))
        req.events.append((start, req.owner, "status", "assigned", "in_progress", ""))
        iid = self._intervention(req, "installation", req.owner, "done", start, start + duration,
                                 start, a_e, "Installazione, collegamenti e collaudo completati.")
        self._work_logs(req, iid, req.owner, "installation", start, a_e)
        report = f"Installazione e collaudo di {name} completati."
        if rng.random() < 0.4:
            t_s = cal.next_work(a_e + self._rr(0, 1440))
            t_e = t_s + self._pick((90, 120, 180))
            if t_e < cal.now - 60:
                iid = self._intervention(req, "training", req.owner, "done", t_s, t_e, t_s, t_e,
                                         "Formazione degli utenti all'uso dell'apparecchiatura.")
                self._work_logs(req, iid, req.owner, "training", t_s, t_e)
                a_e = t_e
                report += " Eseguita la formazione degli utenti."
        self._finish(req, a_e + self._rr(10, 60), report)
        self._emit(req)

    def _finish(self, req: _Req, resolved: int, report: str) -> None:
        cal = self.cal
        resolved = min(resolved, cal.now - 2)
        req.events.append((resolved, req.owner, "status", "in_progress", "resolved", ""))
        req.resolved, req.final_report = resolved, report
        closed = cal.next_work(resolved + self._rr(60, 3 * 1440))
        if closed < cal.now:
            req.events.append((closed, self._pick(self.coordinators), "status", "resolved",
                               "closed", ""))
            req.closed, req.status = closed, "closed"
        else:
            req.status = "resolved"

    def _emit(self, req: _Req) -> None:
        """Write the request row, its units and its history (events in time order)."""
        w, cal, rng = self.w, self.cal, self.rng
        ts, days, hms, uuid = cal.ts, cal.iso_sp, cal.hms, w.uuid
        events = sorted(req.events, key=_first)
        rows = w.rows["request_event"]
        rid = req.rid
        eid = w.next_id["request_event"]
        for at, op, kind, frm, to, text in events:
            stamp = days[at // 1440] + hms[at % 1440]
            rows.append((eid, uuid(), stamp, rid, op, kind, frm, to, text))
            eid += 1
        w.next_id["request_event"] = eid
        last = max(events[-1][0], min(req.last, cal.now - 1))
        if req.status == "closed" and req.contract is not None and req.contract.tickets:
            self.debits.append((req.contract.id, req.closed, rid, events[-1][1]))
        opened = req.opened
        add = cal.add_working
        response_due = resolution_due = None
        if req.sla:
            response_due = ts(add(opened, req.resp_h * 60 + req.paused))
            resolution_due = ts(add(opened, req.res_h * 60 + req.paused))
        w.rows["service_request"].append((
            rid, w.uuid(), ts(opened), ts(last), 1, req.number, req.party.id, req.contact,
            req.channel, req.subject, req.description, req.problem_type, req.priority, req.status,
            req.contract.id if req.contract else None, req.job_order, req.team, req.owner,
            ts(opened), req.first_response and ts(req.first_response),
            response_due, resolution_due,
            req.paused_since and ts(req.paused_since), req.paused,
            req.resolved and ts(req.resolved), req.closed and ts(req.closed), req.final_report,
            req.kb_article))
        stamp = ts(opened)
        units = w.rows["request_unit"]
        units.append((w.new_id("request_unit"), w.uuid(), stamp, stamp, 1, rid, req.uid))
        if rng.random() < 0.1:
            family = self.unit_family[req.uid]
            for other in self.customer_units[req.party.id]:
                if other != req.uid and self.unit_family[other] == family \
                        and self.unit_install[other] < opened // 1440:
                    units.append((w.new_id("request_unit"), w.uuid(), stamp, stamp, 1, rid, other))
                    break

    # tickets: credits of every term, one debit per closed request, top-ups, never negative
    def build_tickets(self) -> None:
        w, cal = self.w, self.cal
        debits: dict[int, list[tuple[int, int, int | None]]] = {}
        for cid, at, rid, op in self.debits:
            debits.setdefault(cid, []).append((at, rid, op))
        rows = w.rows["ticket_movement"]
        for cid, (credits, terms) in self.ticket_info.items():
            moves = [(at, 0, qty, term, kind, None, None) for at, qty, term, kind in credits]
            moves += [(at, 1, -1, 0, "debit", rid, op) for at, rid, op in debits.get(cid, ())]
            moves.sort(key=lambda m: (m[0], m[1], m[5] or 0))
            balance, per_term = 0, credits[0][1]
            starts = [t[0] for t in terms]
            for at, _, qty, term, kind, rid, op in moves:
                if kind == "debit":
                    term = terms[max(0, bisect.bisect_right(starts, at // 1440) - 1)][2]
                    if balance < 1:
                        top = max(5, per_term // 2)
                        stamp = cal.ts(at - self._rr(30, 240))
                        rows.append((w.new_id("ticket_movement"), w.uuid(), stamp, stamp, 1, cid,
                                     stamp, top, "topup", term, None, self._pick(self.signers), 0,
                                     "Ricarica pacchetto ticket"))
                        balance += top
                    note = ""
                else:
                    note = "Ticket del pacchetto" if kind == "initial" else "Ticket del rinnovo"
                balance += qty
                stamp = cal.ts(at)
                rows.append((w.new_id("ticket_movement"), w.uuid(), stamp, stamp, 1, cid, stamp,
                             qty, kind, term, rid, op, 0, note))

    # knowledge base: articles with their applications counted
    def build_kb(self) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        tips = self.phr["kb_tips"]
        rows = w.rows["kb_article"]
        for aid, (created, source, pidx, product, si, fix, tip) in enumerate(
                self.kb_articles, 1):
            p = self.problem_list[pidx]
            author = self.kb_author.get(aid)
            if author is None:
                team = self._tech_team(p.family, rng.random() < 0.3)
                author = self._pick(self.techs[team])
            if product is not None:
                _, name, manufacturer, _, _ = self.product_info[product]
                title = f"{p.subject} – {name}"
                tags = [*p.tags, manufacturer]
            else:
                title = f"{p.subject} ({self.family_label[p.family].lower()})"
                tags = list(p.tags)
            symptoms = p.symptoms[si]
            if len(p.symptoms) > 1 and rng.random() < 0.3:
                symptoms += "\n" + p.symptoms[(si + 1) % len(p.symptoms)]
            cause, solution = p.fixes[fix]
            solution += f"\nNota: {tips[tip]}" if tip >= 0 else ""
            stamp = cal.ts(min(created, cal.now - 1))
            rows.append((aid, w.uuid(), stamp, stamp, 1, title[:200], symptoms, cause, solution,
                         product, self.family_label[p.family], self.problem_type[p.pt],
                         ", ".join(tags)[:300], author, source or None, self.kb_applied[aid], 0))
        w.next_id["kb_article"] = len(self.kb_articles) + 1


@dataclass(slots=True)
class _Req:
    """A request being generated; written by ``DemoBuilder._emit``."""

    rid: int
    number: str
    opened: int
    party: Party
    uid: int
    team: int
    techs: list[int]
    owner: int | None
    priority: int
    rank: int
    resp_h: int
    res_h: int
    contract: ContractInfo | None
    job_order: int | None
    channel: str
    subject: str
    description: str
    problem_type: int | None
    contact: int | None
    status: str = "new"
    first_response: int | None = None
    resolved: int | None = None
    closed: int | None = None
    sla: bool = True  # False: no response/resolution due (maintenance visits)
    paused_since: int | None = None
    paused: int = 0
    final_report: str = ""
    kb_article: int | None = None
    last: int = 0
    events: list[tuple] = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.events = []


def _first(item: tuple) -> int:
    return item[0]


CHANNELS = ("phone", "email", "web", "onsite")
PRIORITY_CODES = ("critical", "high", "normal", "low")
PRIORITY_RANK = {code: rank for rank, code in enumerate(PRIORITY_CODES, 1)}
PRIORITY_CUM = (5, 25, 80)  # percent: critical, high, normal, the rest low
PRIORITY_CUM_LIGHT = (0, 10, 60)  # how-to and configuration questions are seldom urgent
FIRST_GAP = {1: (0, 120), 2: (30, 480), 3: (120, 2880), 4: (1440, 5 * 1440)}
OPEN_STATUSES = tuple(code for code, _ in OPEN_STATUS_WEIGHTS)
OPEN_CUM = tuple(sum(wt for _, wt in OPEN_STATUS_WEIGHTS[:i + 1])
                 for i in range(len(OPEN_STATUS_WEIGHTS)))
STALE_CUM = (2, 12, 27, 62, 100)  # open for weeks: mostly waiting for the customer or a part
PLAN_AHEAD = {1: (0, 1), 2: (0, 2), 3: (0, 4), 4: (1, 7)}  # days from now, by priority rank
PLAN_CHANCE = {"assigned": 0.95, "in_progress": 0.9, "waiting_supplier": 0.6,
               "waiting_customer": 0.3}  # an open request has a visit on the board
JITTER = (-10, -5, 0, 0, 0, 5, 10, 15, 20, 30)
TRAVEL = (10, 15, 20, 25, 30, 40, 45, 60, 75, 90)


# -- public entry points --------------------------------------------------------------------------
def _bulk_mode(con: Any, on: bool, journal: str = "wal", shared: bool = False) -> None:
    """Fast, unsafe pragmas while the new file is written; the normal ones afterwards."""
    if on:
        for pragma in ("foreign_keys=OFF", "journal_mode=OFF", "synchronous=OFF",
                       "cache_size=-262144", "temp_store=MEMORY"):
            con.execute(f"PRAGMA {pragma}")
    else:
        for pragma in (f"journal_mode={journal}", f"synchronous={'FULL' if shared else 'NORMAL'}",
                       "cache_size=-64000", "foreign_keys=ON"):
            con.execute(f"PRAGMA {pragma}")


def _drop_indexes(con: Any, tables: Sequence[str]) -> list[str]:
    """Drop the indexes that rows arrive in random order for (rebuilt at the end, faster);
    keep those that only ever append (uuid, request id, number, opening time)."""
    marks = ",".join("?" * len(tables))
    found = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                        f"NULL AND tbl_name IN ({marks}) ORDER BY name", tuple(tables)).fetchall()
    dropped = []
    for name, sql in found:
        if name.endswith(APPEND_ONLY_INDEXES) and not name.startswith("ticket_movement"):
            continue
        con.execute(f'DROP INDEX "{name}"')
        dropped.append(sql)
    return dropped


def _suspend_fts_triggers(con: Any, tables: Sequence[str]) -> tuple[list[str], list[str]]:
    """External-content FTS tables over ``tables``, and the triggers that keep them in step.

    The triggers are dropped for the bulk load (one FTS 'rebuild' afterwards is far cheaper
    than a trigger per row); every other trigger stays and runs as usual.
    """
    fts = []
    for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                 "AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"):
        match = re.search(r"\bcontent\s*=\s*['\"]?(\w+)", sql)
        if match and match.group(1) in tables:
            fts.append(name)
    triggers = []
    for name, table, sql in con.execute("SELECT name, tbl_name, sql FROM sqlite_master "
                                        "WHERE type = 'trigger'").fetchall():
        if table in tables and any(re.search(rf"\b{f}\b", sql) for f in fts):
            con.execute(f'DROP TRIGGER "{name}"')
            triggers.append(sql)
    return fts, triggers


def _derived_data(db: Any, progress: Progress | None, low: float, high: float) -> None:
    """What the services keep in step on every write and a raw load must compute: the stored
    SLA keys of open requests and the knowledge-base search indexes."""
    from .search import index as search_index
    from .services import sla

    sla.refresh_stored_keys(db, only_missing=True)

    def report(done: int, total: int) -> None:
        if progress:
            progress("search index", low + (high - low) * done / max(1, total))

    search_index.rebuild_indexes(db, report)


def _reference_ids(con: Any) -> dict[str, dict]:
    """Ids of the shipped reference rows the generator refers to."""
    return {
        "activity": {c: (i, bool(b), bool(o), m) for i, c, b, o, m in con.execute(
            "SELECT id, code, billable, on_site, default_minutes FROM activity_type")},
        "problem_type": {c: i for i, c in con.execute("SELECT id, code FROM problem_type")},
        "priority": {c: (i, r, s) for i, c, r, s in con.execute(
            "SELECT id, code, response_hours, resolution_hours FROM priority")},
    }


def generate(path: str | os.PathLike, scale: str = "small", *, seed: int = 2026,
             today: dt.date | None = None, progress: Progress | None = None,
             overwrite: bool = False) -> dict[str, int]:
    """Create a new demo database at ``path`` and return the number of rows per table.

    Refuses (ValueError) to touch an existing non-empty file unless ``overwrite``. The
    connection is closed afterwards; open the file with ``servicedesk.db.open_database``.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r} (choose from {', '.join(SCALES)})")
    path = Path(path).expanduser()
    if path.is_dir():
        raise ValueError(f"{path} is a folder, not a database file")
    if path.exists() and path.stat().st_size > 0 and not overwrite:
        raise ValueError(f"{path} already exists (use --force to replace it)")
    if overwrite:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    today = today or clock.today()
    report = progress or (lambda stage, fraction: None)
    spec = SCALES[scale]
    db = open_database(path)
    ok = False
    try:
        con = db.connection()
        reference_ids = _reference_ids(con)
        _bulk_mode(con, True)
        indexes = _drop_indexes(con, BULK_TABLES)
        fts, triggers = _suspend_fts_triggers(con, BULK_TABLES)
        # Measured on two cores: neither a writer thread (GIL hand-off per row) nor a writer
        # process (pickling, memory bandwidth) beats inserting from here.
        con.execute("BEGIN")
        counts = DemoBuilder(reference_ids, spec, seed, today, progress,
                             sink=con.executemany).run(share=0.6)
        con.execute("COMMIT")
        for n, sql in enumerate(indexes):
            report("indexes", 0.6 + 0.15 * n / len(indexes))
            con.execute(sql)
        report("full-text index", 0.75)
        for name in fts:
            con.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')
        for sql in triggers:
            con.execute(sql)
        _derived_data(db, progress, 0.76, 0.98)
        _demo_passwords(con)
        con.execute("PRAGMA analysis_limit=1000")
        con.execute("ANALYZE")
        _bulk_mode(con, False, db.info.journal_mode, db.shared)
        ok = True
        report("done", 1.0)
    finally:
        db.close()
        if not ok:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    return counts


DEMO_PASSWORD = "demo"


def _demo_passwords(con) -> None:
    """Every demo operator signs in with the password ``demo`` (scrypt-hashed like any other;
    one hash serves them all, a shortcut only the demo takes)."""
    from .services.auth import hash_password

    con.execute("UPDATE operator SET password_hash = ?", (hash_password(DEMO_PASSWORD),))


def ensure_demo_database(path: str | os.PathLike) -> Path:
    """The small demo database at ``path``, generated first if it does not exist yet."""
    path = Path(path).expanduser()
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        generate(path, "small")
    return path


def _summary(path: Path, scale: str, seed: int, counts: dict[str, int], seconds: float) -> str:
    suppliers = SCALES[scale].suppliers
    parts = [(counts["party"] - suppliers, "customers"), (suppliers, "suppliers"),
             (counts["unit"], "units"), (counts["contract"], "contracts"),
             (counts["service_request"], "requests"), (counts["intervention"], "interventions"),
             (counts["work_log"], "work logs"), (counts["kb_article"], "KB articles")]
    size = path.stat().st_size / 1_048_576
    listed = ", ".join(f"{n:,} {label}" for n, label in parts)
    return f"{path}: {scale} demo (seed {seed}): {listed}; {size:,.1f} MB in {seconds:.1f} s"


def main(argv: Sequence[str] | None = None) -> int:
    """``servicedesk-demo [--scale small|large] [--seed N] [--force] PATH``."""
    parser = argparse.ArgumentParser(prog="servicedesk-demo",
                                     description="Write a ServiceDesk demo database.")
    parser.add_argument("path", help="the database file to create")
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = generate(args.path, args.scale, seed=args.seed, overwrite=args.force)
    except (ValueError, ServiceDeskError, OSError) as exc:
        print(f"servicedesk-demo: error: {exc}", file=sys.stderr)
        return 2
    print(_summary(Path(args.path).expanduser(), args.scale, args.seed, counts,
                   time.perf_counter() - started))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
