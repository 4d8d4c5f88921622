"""LIKE patterns with the user's text taken literally: one helper for every search (#14).

A serial number such as ``AB_100%`` must find that unit, and ``%`` typed in a picker must not
match everything. Every LIKE built from user text goes through here: ``%``, ``_`` and the escape
character are escaped and the ESCAPE clause is always written (without it an escaped pattern
matches nothing). Case-insensitive like SQLite's LIKE (ASCII); with ESCAPE SQLite still uses a
NOCASE index for a prefix match.
"""
from __future__ import annotations

from typing import Any

import peewee as pw

ESCAPE_CHAR = "\\"
SQL_ESCAPE = "ESCAPE '\\'"  # for raw SQL: "col LIKE ? " + SQL_ESCAPE


def escape(text: str) -> str:
    """``text`` with the LIKE wildcards and the escape character made literal."""
    return (str(text).replace(ESCAPE_CHAR, ESCAPE_CHAR * 2).replace("%", ESCAPE_CHAR + "%")
            .replace("_", ESCAPE_CHAR + "_"))


def pattern(text: str, how: str = "contains") -> str:
    """The LIKE pattern for ``text``: ``contains`` (%text%), ``starts`` (text%), ``ends``
    (%text) or ``equals`` (text, case-insensitive)."""
    core = escape(text)
    if how == "contains":
        return f"%{core}%"
    if how == "starts":
        return f"{core}%"
    if how == "ends":
        return f"%{core}"
    if how == "equals":
        return core
    raise ValueError(how)


def like(expr: Any, text: str, how: str = "contains") -> pw.Expression:
    """``expr LIKE <pattern> ESCAPE '\\'`` as a peewee expression."""
    return pw.Expression(expr, pw.OP.ILIKE, pw.NodeList(
        (pw.Value(pattern(text, how), converter=False), pw.SQL(SQL_ESCAPE))))


def contains(expr: Any, text: str) -> pw.Expression:
    return like(expr, text, "contains")


def starts(expr: Any, text: str) -> pw.Expression:
    return like(expr, text, "starts")


def any_of(exprs: list[Any], text: str, how: str = "contains") -> pw.Expression:
    """``e1 LIKE p OR e2 LIKE p …`` for one text."""
    cond = None
    for expr in exprs:
        part = like(expr, text, how)
        cond = part if cond is None else cond | part
    return cond
