"""Load the reference data shipped in ``resources/data`` (idempotent: existing codes are kept)."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .models import ActivityType, IstatIndex, Priority, ProblemType, Province
from .resources import data_file


@lru_cache(maxsize=None)
def reference() -> dict[str, Any]:
    return json.loads(data_file("reference.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def provinces() -> list[dict[str, str]]:
    return json.loads(data_file("provinces.json").read_text(encoding="utf-8"))["provinces"]


def istat_rows() -> list[dict[str, Any]]:
    return json.loads(data_file("istat_foi.json").read_text(encoding="utf-8"))["rows"]


def istat_month_rows() -> list[dict[str, Any]]:
    return json.loads(data_file("istat_foi.json").read_text(encoding="utf-8")).get("months", [])


def request_statuses() -> list[dict[str, Any]]:
    return reference()["request_statuses"]


def _insert_missing(model, key: str, rows: list[dict[str, Any]]) -> None:
    have = {getattr(r, key) for r in model.select(getattr(model, key))}
    new = [r for r in rows if r[key] not in have]
    if new:
        model.insert_many(new).execute()


def load_reference_data() -> None:
    ref = reference()
    _insert_missing(Province, "code", provinces())
    _insert_missing(ActivityType, "code", ref["activity_types"])
    _insert_missing(ProblemType, "code", ref["problem_types"])
    _insert_missing(Priority, "code", ref["priorities"])
    _insert_missing(IstatIndex, "year", [
        {"year": r["year"], "change_pct": Decimal(r["change_pct"]),
         "published_on": dt.date.fromisoformat(r["published_on"])}
        for r in istat_rows()])


def load_istat() -> None:
    """The shipped ISTAT FOI figures not yet in the database (a figure the office has typed or
    imported is never replaced). Raw SQL: it runs inside migrations, whatever later columns the
    models grow."""
    from . import clock
    from .models.base import new_uuid

    db = IstatIndex._meta.database
    now = clock.now().isoformat(sep=" ")
    have = {r[0] for r in db.execute_sql('SELECT "year" FROM "istat_index"').fetchall()}
    for r in istat_rows():
        if r["year"] not in have:
            db.execute_sql('INSERT INTO "istat_index" ("uuid", "created_at", "updated_at", '
                           '"version", "year", "change_pct", "published_on", "note") '
                           'VALUES (?, ?, ?, 1, ?, ?, ?, ?)',
                           (new_uuid(), now, now, r["year"], str(Decimal(r["change_pct"])),
                            r["published_on"], ""))
    have = {(y, m) for y, m in db.execute_sql('SELECT "year", "month" FROM "istat_month"')}
    for r in istat_month_rows():
        if (r["year"], r["month"]) in have:
            continue
        db.execute_sql('INSERT INTO "istat_month" ("uuid", "created_at", "updated_at", "version", '
                       '"year", "month", "change_pct", "index_value", "index_base", '
                       '"published_on", "note") VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
                       (new_uuid(), now, now, r["year"], r["month"], r["change_pct"],
                        r.get("index_value"), r.get("index_base", ""), r.get("published_on"),
                        ("ISTAT FOI; " + r["source"])[:200] if r.get("source") else ""))
