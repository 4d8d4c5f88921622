"""The few SQL spellings that differ between SQLite and PostgreSQL, in one place (issue 17).

Queries are written once, in peewee expressions or in raw SQL that both databases read (``?``
placeholders are accepted on PostgreSQL too: servicedesk.pg.database.portable_sql). Where the
two differ — a query-plan hint, case-insensitive LIKE, date arithmetic, a full-text match — the
query module asks here, with the database it runs on, so the branch stays one call long.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import peewee as pw

SQLITE, POSTGRESQL = "sqlite", "postgresql"


def _bound(db: Any = None) -> Any:
    if db is not None:
        return db
    from .models import database_proxy

    return database_proxy.obj


def name(db: Any = None) -> str:
    return getattr(_bound(db), "dialect", SQLITE)


def is_pg(db: Any = None) -> bool:
    return name(db) == POSTGRESQL


def embeddable(sql: str, db: Any = None) -> str:
    """Raw SQL written with ``?`` placeholders, ready to sit inside a peewee query of ``db``
    (``pw.SQL(embeddable(sql), params)``): psycopg's ``%s`` style on PostgreSQL."""
    if not is_pg(db):
        return sql
    from .pg.database import portable_sql

    return portable_sql(sql)


# -- raw SQL fragments -------------------------------------------------------------------------
def plus(db: Any = None) -> str:
    """SQLite's unary ``+`` that keeps a column out of index choice (a query-plan hint);
    PostgreSQL plans from its statistics and has no such operator on text."""
    return "" if is_pg(db) else "+"


def like(db: Any = None) -> str:
    """Case-insensitive LIKE, as SQLite's LIKE is for ASCII."""
    return "ILIKE" if is_pg(db) else "LIKE"


def nocase(expr: str, db: Any = None) -> str:
    """A sort key that ignores case."""
    return f"lower({expr})" if is_pg(db) else f"{expr} COLLATE NOCASE"


def trigram_contains(table: str, column: str, db: Any = None) -> str:
    """Ids of ``table`` rows whose ``column`` contains the parameter (``%text%``, the text free
    of wildcards) through a trigram index: the FTS5 trigram table ``<table>_<column>_fts`` on
    SQLite (m0140), pg_trgm's GIN index on PostgreSQL."""
    if is_pg(db):
        return f"SELECT id FROM {table} WHERE {column} ILIKE ?"
    return f"SELECT rowid FROM {table}_{column}_fts WHERE {column} LIKE ?"


def count_if(condition: str) -> str:
    """How many rows meet ``condition`` (SQLite sums booleans; PostgreSQL does not)."""
    return f"COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0)"


def words_match(db: Any = None) -> str:
    """Ids of requests whose subject/description hold every word of the parameter, each as a
    prefix (``?`` takes :func:`words_query`): FTS5 on SQLite, the GIN word index on PostgreSQL."""
    if is_pg(db):
        return ("SELECT id FROM service_request WHERE sd_words(subject, description) "
                "@@ to_tsquery('sd_simple', ?)")
    return "SELECT rowid FROM request_fts WHERE request_fts MATCH ?"


def words_query(words: list[str], db: Any = None) -> str | None:
    """The parameter of :func:`words_match` for these words."""
    if not words:
        return None
    if is_pg(db):
        return " & ".join("'" + w.replace("'", "") + "':*" for w in words)
    return " AND ".join(f'"{w}"*' for w in words)


# -- peewee expressions --------------------------------------------------------------------------
class Either(pw.ColumnBase):
    """An expression spelled per backend, chosen when the query becomes SQL (so expressions
    built once at import, like the analysis dimensions, serve both databases)."""

    def __init__(self, sqlite: Any, postgresql: Any) -> None:
        super().__init__()
        self.sqlite, self.postgresql = sqlite, postgresql

    def __sql__(self, ctx: Any) -> Any:
        # peewee's context does not name the database; its placeholder does ("%s": psycopg)
        return ctx.sql(self.postgresql if ctx.state.param == "%s" else self.sqlite)


def month_key(expr: Any) -> Any:
    """``YYYY-MM`` of a date or date-time column (SQLite: a substring of the stored text,
    several times cheaper than strftime)."""
    # literals, not parameters: a bound format would make the SELECT and GROUP BY expressions
    # differ for PostgreSQL ($1 vs $2)
    return Either(pw.fn.substr(expr, pw.SQL("1"), pw.SQL("7")).coerce(False),
                  pw.fn.to_char(expr, pw.SQL("'YYYY-MM'")).coerce(False))


def week_start(expr: Any) -> Any:
    """The Monday of the week of a date or date-time column, as ``YYYY-MM-DD``."""
    return Either(pw.fn.date(expr, pw.SQL("'-6 days'"), pw.SQL("'weekday 1'")).coerce(False),
                  pw.fn.to_char(pw.fn.date_trunc(pw.SQL("'week'"), expr),
                                pw.SQL("'YYYY-MM-DD'")).coerce(False))


def hours_between(start: Any, end: Any) -> Any:
    """``end - start`` in hours (fractional)."""
    return Either((pw.fn.julianday(end).coerce(False) - pw.fn.julianday(start).coerce(False))
                  * pw.SQL("24.0"),
                  pw.NodeList((pw.SQL("EXTRACT(EPOCH FROM ("), end, pw.SQL("-"), start,
                               pw.SQL(")) / 3600.0")), glue=" "))


def nocase_key(expr: Any) -> Any:
    """A sort key that ignores case (SQLite's NOCASE collation; ``lower()`` on PostgreSQL)."""
    return Either(expr.collate("NOCASE"), pw.fn.lower(expr))


def no_index(expr: Any) -> Any:
    """``expr`` kept out of SQLite's index choice (unary ``+``); as it is on PostgreSQL."""
    return Either(pw.NodeList((pw.SQL("+"), expr), glue=""), expr)


# -- values read back ------------------------------------------------------------------------------
def as_datetime(value: Any) -> dt.datetime | None:
    """A date-time read with raw SQL: SQLite hands back text, PostgreSQL a datetime."""
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
