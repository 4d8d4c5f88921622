"""Schema version and migrations of a PostgreSQL database, from the same list as SQLite's.

A new database gets ``m0001_postgres_baseline.sql`` (next to SQLite's frozen ``m0001_initial.sql``,
shipped the same way) — the schema of SQLite migrations 1-100 in PostgreSQL types
— in place of those migrations (they are recorded as applied, so ``schema_migrations`` reads the
same on both backends); every later migration runs its ``up_postgres`` (or its ``up`` when the
module is ``PORTABLE``). All pending migrations run in one transaction: PostgreSQL's DDL is
transactional, so a failed upgrade leaves the database as it was (no backup copy needed, unlike
an SQLite file). Two workstations upgrading at once take turns on an advisory lock.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import clock
from ..errors import DatabaseOpenError
from ..migrations import Migration, all_migrations
from ..migrations import latest_version as _latest

if TYPE_CHECKING:
    from .database import ServerInfo, ServiceDeskPostgres

# SQLite migrations whose result the baseline holds (they have no PostgreSQL variant).
BASELINE = frozenset({1, 30, 31, 60, 70, 71, 80, 90, 100})
# Older migrations that work on both backends as they are (peewee only).
PORTABLE_BEFORE = frozenset({2})
MARKER = "ServiceDesk schema"  # the comment on schema_migrations: this database is ours
LOCK_KEY = 0x53444B31  # advisory lock taken while migrating ("SDK1", as SQLite's application_id)


def latest_version() -> int:
    return _latest()


@dataclass
class State:
    """What :func:`inspect` found in the database."""

    empty: bool
    foreign: bool
    version: int = 0
    applied: set[int] = field(default_factory=set)
    can_use: bool = True
    missing_right: str = ""


_INSPECT = """
SELECT current_schema(),
       COALESCE(has_schema_privilege(current_schema(), 'CREATE'), false),
       (SELECT count(*) FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')),
       to_regclass('schema_migrations') IS NOT NULL,
       obj_description(to_regclass('schema_migrations'), 'pg_class')
"""
_RIGHTS = """
SELECT c.relname, c.relkind FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = current_schema()
   AND ((c.relkind = 'r' AND NOT has_table_privilege(c.oid, 'SELECT,INSERT,UPDATE,DELETE'))
     OR (c.relkind = 'S' AND NOT has_sequence_privilege(c.oid, 'USAGE')))
 LIMIT 1
"""


def inspect(db: "ServiceDeskPostgres") -> State:
    """Empty, ours (which version, may this user read and write it) or another program's."""
    schema, can_create, tables, has_migrations, comment = db.execute_sql(_INSPECT).fetchone()
    if schema is None:
        return State(empty=True, foreign=False, can_use=False, missing_right="schema")
    if not tables:
        return State(empty=True, foreign=False, can_use=bool(can_create),
                     missing_right="" if can_create else f"CREATE ON SCHEMA {schema}")
    if not has_migrations or comment != MARKER:
        return State(empty=False, foreign=True)
    applied = {r[0] for r in db.execute_sql("SELECT number FROM schema_migrations")}
    denied = db.execute_sql(_RIGHTS).fetchone()
    return State(empty=False, foreign=False, version=max(applied, default=0), applied=applied,
                 can_use=denied is None,
                 missing_right="" if denied is None else f"{denied[0]}")


def step(migration: Migration):
    """The callable that applies ``migration`` to a PostgreSQL database, or ``None`` when the
    baseline holds it."""
    if migration.number in BASELINE:
        return {1: _baseline, 60: _search_indexes}.get(migration.number)
    if migration.up_postgres is not None:
        return migration.up_postgres
    if migration.portable or migration.number in PORTABLE_BEFORE:
        return migration.up
    raise RuntimeError(f"migration {migration.number} ({migration.name}) has no PostgreSQL "
                       "variant: add up_postgres(db) or PORTABLE = True")


def _search_indexes(db: "ServiceDeskPostgres") -> None:
    """m0060's data step: the (empty) KB indexes marked as built in the current format."""
    from ..search.index import rebuild_indexes

    rebuild_indexes(db)


def _baseline(db: "ServiceDeskPostgres") -> None:
    from ..resources import migration_sql

    for statement in migration_sql("m0001_postgres_baseline.sql").read_text(encoding="utf-8").split(";\n"):
        lines = [ln for ln in statement.splitlines() if not ln.startswith("--")]
        if "".join(lines).strip():
            db.execute_sql("\n".join(lines))


def migrate(db: "ServiceDeskPostgres", state: State, info: "ServerInfo",
            migrate_to: int | None = None) -> None:
    """Apply every known migration not yet recorded, in one transaction."""
    wanted = [m for m in all_migrations() if migrate_to is None or m.number <= migrate_to]
    if not [m for m in wanted if m.number not in state.applied]:
        return
    # The lock is taken before the transaction starts, so its snapshot sees what another
    # workstation committed while we waited.
    db.execute_sql("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
    try:
        with db.atomic():
            db.execute_sql("CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY "
                           "KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)")
            db.execute_sql(f"COMMENT ON TABLE schema_migrations IS '{MARKER}'")
            done = {r[0] for r in db.execute_sql("SELECT number FROM schema_migrations")}
            for migration in wanted:
                if migration.number in done:
                    continue
                apply = step(migration)
                if apply is not None:
                    apply(db)
                db.execute_sql("INSERT INTO schema_migrations (number, name, applied_at) "
                               "VALUES (%s, %s, %s)",
                               (migration.number, migration.name, clock.now()))
                done.add(migration.number)
    except RuntimeError as exc:
        raise DatabaseOpenError(str(exc), code="db.pg_error", detail=str(exc)) from exc
    finally:
        db.execute_sql("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
    info.schema_version = max(done)
    if state.version:
        info.upgraded_from = state.version
