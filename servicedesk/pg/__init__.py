"""The PostgreSQL backend (issue 17): imported only when a ``postgresql://`` URL is opened.

``database`` holds the database class and opening; ``schema`` the migrations on PostgreSQL;
``errors`` the translation of driver errors into the core's codes. Nothing here is imported at
start-up on SQLite: psycopg costs about a second on a cold start.
"""
from __future__ import annotations

URL_PREFIXES = ("postgresql://", "postgres://")


def is_server_url(target: object) -> bool:
    """True for a ``postgresql://`` (or ``postgres://``) URL, the way libpq spells them."""
    return isinstance(target, str) and target.strip().lower().startswith(URL_PREFIXES)
