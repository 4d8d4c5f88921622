"""Numbered schema migrations, applied in order on open.

A migration is a module ``mNNNN_name.py`` here with ``up(db)``. Numbers are never reused;
the highest applied number is stored in ``PRAGMA user_version`` and in ``schema_migrations``.

One list serves both backends. ``up(db)`` is the SQLite step; a module also provides
``up_postgres(db)`` with the same change in PostgreSQL terms, or says ``PORTABLE = True`` when
its ``up`` uses only peewee expressions that work on both (a test fails on a module with
neither). Migrations 1-100 predate PostgreSQL: a new PostgreSQL database starts from one frozen
baseline that holds their result (``servicedesk.pg.schema``).
Ranges by area keep parallel work apart: 1-29 foundation, 30-39 requests, 40-49 interventions,
50-59 contracts, 60-69 knowledge base, 70-79 analysis, 80-89 products/maintenance, 90-99 roles/backup.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Callable

_NAME = re.compile(r"^m(\d{4})_(\w+)$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    up: Callable
    up_postgres: Callable | None = None
    portable: bool = False


def all_migrations() -> list[Migration]:
    found: list[Migration] = []
    for info in pkgutil.iter_modules(__path__):
        m = _NAME.match(info.name)
        if not m:
            continue
        module: ModuleType = importlib.import_module(f"{__name__}.{info.name}")
        found.append(Migration(int(m.group(1)), m.group(2), module.up,
                               getattr(module, "up_postgres", None),
                               bool(getattr(module, "PORTABLE", False))))
    found.sort(key=lambda mig: mig.number)
    numbers = [mig.number for mig in found]
    if len(numbers) != len(set(numbers)):
        raise RuntimeError(f"duplicate migration numbers: {numbers}")
    return found


def latest_version() -> int:
    migrations = all_migrations()
    return migrations[-1].number if migrations else 0
