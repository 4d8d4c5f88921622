"""Driver errors → the core's codes: why a server cannot be used, and which errors mean "busy".

The SQLSTATE codes are PostgreSQL's (Appendix A of its manual); connection failures carry none,
so those are told apart by libpq's message.
"""
from __future__ import annotations

from typing import Any

# Retry the whole unit of work: another transaction got in the way, nothing was wrong with ours.
BUSY_STATES = frozenset({
    "40001",  # serialization_failure
    "40P01",  # deadlock_detected
    "55P03",  # lock_not_available (lock_timeout)
})
AUTH_STATES = frozenset({"28P01", "28000"})  # invalid_password, invalid_authorization_specification
NO_DATABASE = "3D000"  # invalid_catalog_name
NO_RIGHTS = frozenset({"42501"})  # insufficient_privilege
_AUTH_WORDS = ("password authentication failed", "no password supplied", "password is required",
               "authentication failed", "role \"")
_TLS_WORDS = ("ssl", "certificate", "tls")


def sqlstate(exc: BaseException | None) -> str | None:
    """The SQLSTATE of a psycopg error, also when peewee wrapped it (``exc.orig``)."""
    seen = 0
    while exc is not None and seen < 4:
        state = getattr(exc, "sqlstate", None)
        if state:
            return state
        exc = getattr(exc, "orig", None) or exc.__cause__
        seen += 1
    return None


def is_busy(exc: BaseException) -> bool:
    return sqlstate(exc) in BUSY_STATES


def open_error_code(exc: BaseException) -> str:
    """The ``db.…`` code for an error met while connecting or checking the database."""
    state = sqlstate(exc)
    text = str(getattr(exc, "orig", None) or exc).lower()
    if state == NO_DATABASE or ("database \"" in text and "does not exist" in text):
        return "db.pg_no_database"
    if state in AUTH_STATES or any(w in text for w in _AUTH_WORDS):
        return "db.pg_auth"
    if state in NO_RIGHTS or "permission denied" in text:
        return "db.pg_no_rights"
    if state is None and any(w in text for w in _TLS_WORDS):
        return "db.pg_tls"
    if state is None or state.startswith("08") or state in ("57P03", "53300"):
        # connection_exception, cannot_connect_now (starting up), too_many_connections
        return "db.pg_unreachable"
    return "db.pg_error"


def first_line(exc: BaseException) -> str:
    """libpq's message without its hints and the peewee wrapping, for the details line."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def describe(exc: BaseException, **params: Any) -> dict[str, Any]:
    return dict(params, detail=first_line(exc))
