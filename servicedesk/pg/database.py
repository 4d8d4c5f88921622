"""The ServiceDesk database on a PostgreSQL server: connection, dialect, opening checks.

``open_postgres(url)`` is what :func:`servicedesk.db.open_database` calls for a
``postgresql://`` URL. The URL is handed to libpq as it is, so everything libpq takes works
(``sslmode``, ``sslrootcert``, ``host=/path/to/socket``, ``service=`` …); the password comes
from the URL, ``PGPASSWORD``/``.pgpass`` (libpq's own) or, when libpq had none, from the OS
keyring (:func:`store_password`).

Write transactions take turns, as on SQLite: every transaction (``db.atomic()``, a unit of
work) begins by taking one transaction-scoped advisory lock, the server-side twin of SQLite's
``BEGIN IMMEDIATE``, and runs at READ COMMITTED, so each statement sees everything committed
before it. The services were written for writers that take turns (read the balance, then
debit the ticket; read the counter, then number the request), and they stay correct without
a retry at every call site; readers are never blocked. A lock wait longer than
``LOCK_TIMEOUT_MS`` is "busy" and the unit of work retries it, as for a busy SQLite file.
BEGIN and the lock travel in one round trip.

Worker threads (the UI's background loads) close their connection when a job ends; on a
server a new connection costs several round trips (TCP, TLS, authentication), so a few idle
ones are kept for the next job (:data:`IDLE_KEPT`, for :data:`IDLE_MAX_S` at most). The
app's own thread closing the database closes them all.
"""
from __future__ import annotations

import functools
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import peewee as pw

from .. import retry
from ..errors import DatabaseOpenError
from ..uow import UnitOfWorkMixin
from . import errors as pgerrors

KEYRING_SERVICE = "ServiceDesk PostgreSQL"
LOCK_TIMEOUT_MS = 10_000  # like SQLite's busy timeout: then the unit of work retries
WRITE_LOCK = 0x53444B32  # the advisory lock every write transaction takes ("SDK2")
CONNECT_TIMEOUT_S = 10
DEFAULT_TIMEZONE = "Europe/Rome"
IDLE_KEPT = 4  # idle connections kept for the next worker job
IDLE_MAX_S = 60.0  # older idle ones are closed (the server or a firewall may have dropped them)


@dataclass
class ServerInfo:
    """What was opened, for the status bar and the tests (the SQLite side has DatabaseInfo)."""

    url: str
    user: str
    host: str
    port: str
    dbname: str
    schema_version: int
    server_version: int = 0
    created: bool = False
    upgraded_from: int | None = None
    backup_path: None = None  # migrations run in one transaction: a failed one leaves no trace
    shared: bool = True
    journal_mode: str = "server"
    path: None = None
    tls: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def location(self) -> str:
        return self.label

    @property
    def identity(self) -> str:
        return f"postgresql://{self.user}@{self.host or 'localhost'}:{self.port}/{self.dbname}"

    @property
    def label(self) -> str:
        """``user@host/db`` (the port only when not the default), never the password."""
        host = self.host or "localhost"
        if host.startswith("/"):
            host = "localhost"
        port = f":{self.port}" if self.port and self.port != "5432" and self.host \
            and not self.host.startswith("/") else ""
        return f"{self.user}@{host}{port}/{self.dbname}"


def local_timezone() -> str:
    """The IANA name of this workstation's zone: naive times in the app are its wall clock."""
    for var in ("SERVICEDESK_TIMEZONE", "TZ"):
        value = os.environ.get(var, "").lstrip(":")
        if value and "/" in value and not value.startswith("/"):
            return value
    try:
        link = os.readlink("/etc/localtime")
        if "zoneinfo/" in link:
            return link.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    try:
        with open("/etc/timezone", encoding="utf-8") as fh:
            value = fh.read().strip()
            if value:
                return value
    except OSError:
        pass
    return DEFAULT_TIMEZONE


# -- the driver: psycopg, imported here and only here --------------------------------------
class _Adapter(pw.Psycopg3Adapter):
    """peewee's psycopg 3 adapter, with psycopg imported when the first server is opened
    (peewee's own module-level import is suppressed in ``servicedesk/__init__``)."""

    def __init__(self) -> None:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb

        self._psycopg = psycopg
        self.txn_idle = TransactionStatus.IDLE
        self.txn_inerror = TransactionStatus.INERROR
        self.txn_unknown = TransactionStatus.UNKNOWN
        self._intrans = TransactionStatus.INTRANS
        super().__init__()
        self.json_type, self.jsonb_type = Json, Jsonb

    def check_driver(self) -> None:
        pass

    def get_binary_type(self) -> Any:
        return self._psycopg.Binary

    def connect(self, db: "ServiceDeskPostgres", **params: Any) -> Any:
        return db._open_connection(**params)

    def server_side_cursor(self, conn: Any) -> Any:
        import uuid

        in_txn = self.txn_status(conn) == self._intrans
        return conn.cursor(name=str(uuid.uuid1()), withhold=not in_txn)


@functools.lru_cache(maxsize=1)
def _naive_loaders() -> tuple[type, type]:
    """``timestamptz`` read back as the naive wall-clock time of the session's zone (the app's
    datetimes are naive local times, as SQLite stores them)."""
    from psycopg.types.datetime import TimestamptzBinaryLoader, TimestamptzLoader

    class NaiveText(TimestamptzLoader):
        def load(self, data):  # type: ignore[override]
            return super().load(data).replace(tzinfo=None)

    class NaiveBinary(TimestamptzBinaryLoader):
        def load(self, data):  # type: ignore[override]
            return super().load(data).replace(tzinfo=None)

    return NaiveText, NaiveBinary


# Listeners of every statement sent (the benchmarks count round trips per user action).
_statement_hooks: list[Callable[[str], None]] = []


def add_statement_hook(hook: Callable[[str], None]) -> None:
    """``hook(sql)`` for every statement sent to any server (one call per round trip:
    ``executemany`` is pipelined, a connection counts as ``"CONNECT"``)."""
    _statement_hooks.append(hook)


def remove_statement_hook(hook: Callable[[str], None]) -> None:
    if hook in _statement_hooks:
        _statement_hooks.remove(hook)


def _notify(sql: str) -> None:
    for hook in list(_statement_hooks):
        hook(sql)


@functools.lru_cache(maxsize=1)
def _portable_cursor() -> type:
    """psycopg's cursor, taking SQL written with ``?`` too (see :func:`portable_sql`): every
    statement goes through it — peewee's, ``execute_sql`` and ``cursor().executemany``."""
    import psycopg

    class PortableCursor(psycopg.Cursor):
        def execute(self, query, params=None, **kwargs):  # type: ignore[override]
            if isinstance(query, str):
                query = portable_sql(query)
            if _statement_hooks:
                _notify(str(query))
            return super().execute(query, params, **kwargs)

        def executemany(self, query, params_seq, **kwargs):  # type: ignore[override]
            if isinstance(query, str):
                query = portable_sql(query)
            if _statement_hooks:
                _notify(str(query))
            return super().executemany(query, params_seq, **kwargs)

    return PortableCursor


@functools.lru_cache(maxsize=4096)
def portable_sql(sql: str) -> str:
    """Raw SQL written with ``?`` placeholders (SQLite's and the DB-API's qmark style) in the
    driver's ``%s`` style, literal ``%`` doubled. Statements peewee built for this database
    already use ``%s`` and pass unchanged. ``?`` inside quotes is left alone."""
    if "%s" in sql or ("?" not in sql and "%" not in sql):
        return sql
    out: list[str] = []
    quote: str | None = None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
            out.append("%%" if ch == "%" else ch)
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


class ServiceDeskPostgres(UnitOfWorkMixin, pw.PostgresqlDatabase):
    """peewee's PostgresqlDatabase whose transactions are units of work (servicedesk.uow),
    taking turns like SQLite's writers, on psycopg 3; raw ``?`` SQL is accepted (see
    :func:`portable_sql`, applied by the connection's cursor class)."""

    dialect = "postgresql"
    shared = True
    info: ServerInfo

    def __init__(self, url: str, **kwargs: Any) -> None:
        self._password: str | None = None
        self._password_lock = threading.Lock()
        self._idle: list[tuple[float, Any]] = []  # (when it became idle, connection)
        self._idle_lock = threading.Lock()
        super().__init__(url, autoconnect=True, **kwargs)

    def init(self, database: Any, **kwargs: Any) -> None:
        super().init(database, **kwargs)
        self._adapter = _Adapter()

    @property
    def lock_wait_ms(self) -> int:
        """How long this thread's next BEGIN waits for the write lock (servicedesk.retry sets
        it, as it sets SQLite's busy timeout of the thread's connection)."""
        return getattr(self._state, "lock_wait_ms", LOCK_TIMEOUT_MS)

    @lock_wait_ms.setter
    def lock_wait_ms(self, ms: int) -> None:
        self._state.lock_wait_ms = int(ms)

    def begin(self, isolation_level: Any = None) -> None:
        """BEGIN and the write lock in one round trip (see the module docstring); waiting for
        the lock longer than ``lock_wait_ms`` is "busy" (lock_not_available)."""
        with pw.__exception_wrapper__:
            cursor = self.cursor()
            try:
                cursor.execute("BEGIN ISOLATION LEVEL READ COMMITTED; "
                               f"SET LOCAL lock_timeout = {int(self.lock_wait_ms)}; "
                               f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            except Exception:
                # the lock wait timed out (busy) or the server went away: no transaction open
                try:
                    self._state.conn.rollback()
                except Exception:  # noqa: BLE001 - the connection itself is gone
                    pass
                raise

    # -- connecting -------------------------------------------------------------------------
    def _connect(self) -> Any:
        reused = self._take_idle()
        if reused is not None:
            return reused
        conn = self._adapter.connect(self, **self.connect_params)
        conn.autocommit = True  # peewee sends BEGIN itself
        return conn

    def _close(self, conn: Any) -> None:
        """A worker thread's connection waits for the next job when it is clean (no
        transaction, not broken); the app's own thread closes for real."""
        if threading.current_thread() is not threading.main_thread() and _reusable(conn):
            with self._idle_lock:
                if len(self._idle) < IDLE_KEPT:
                    self._idle.append((time.monotonic(), conn))
                    return
        conn.close()

    def close(self) -> bool:
        was_open = super().close()
        if threading.current_thread() is threading.main_thread():
            self.close_idle()
        return was_open

    def close_idle(self) -> None:
        """Close the connections kept for worker jobs."""
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for _since, conn in idle:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - already gone
                pass

    def _take_idle(self) -> Any:
        now = time.monotonic()
        while True:
            with self._idle_lock:
                if not self._idle:
                    return None
                since, conn = self._idle.pop()
            if now - since <= IDLE_MAX_S and _reusable(conn):
                return conn
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - already gone
                pass

    def _open_connection(self, **params: Any) -> Any:
        import psycopg
        from psycopg import conninfo as ci

        url = self.database
        given = ci.conninfo_to_dict(url)
        extra: dict[str, Any] = dict(params)
        extra.setdefault("application_name", "ServiceDesk")
        if "connect_timeout" not in given and "PGCONNECT_TIMEOUT" not in os.environ:
            extra.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        options = [given.get("options") or os.environ.get("PGOPTIONS") or ""]
        if "PGTZ" not in os.environ and "timezone" not in options[0].lower():
            options.append(f"-c TimeZone={local_timezone()}")
        options.append(f"-c lock_timeout={LOCK_TIMEOUT_MS}")
        extra["options"] = " ".join(o for o in options if o).strip()
        if self._password and "password" not in given:
            extra["password"] = self._password
        try:
            conn = psycopg.connect(url, **extra)
        except psycopg.OperationalError as exc:
            if "password" in given or os.environ.get("PGPASSWORD") or self._password \
                    or pgerrors.open_error_code(exc) != "db.pg_auth":
                raise
            secret = keyring_password(given)
            if not secret:
                raise
            conn = psycopg.connect(url, **dict(extra, password=secret))
            with self._password_lock:
                self._password = secret
        if _statement_hooks:
            _notify("CONNECT")
        conn.cursor_factory = _portable_cursor()
        naive_text, naive_binary = _naive_loaders()
        conn.adapters.register_loader("timestamptz", naive_text)
        conn.adapters.register_loader("timestamptz", naive_binary)
        return conn



def _reusable(conn: Any) -> bool:
    from psycopg.pq import TransactionStatus

    return (not conn.closed and not getattr(conn, "broken", False)
            and conn.info.transaction_status == TransactionStatus.IDLE)


# -- keyring ---------------------------------------------------------------------------------
def keyring_key(params: dict[str, Any]) -> str:
    """``user@host:port/dbname``: the account under which the password is kept."""
    user = params.get("user") or os.environ.get("PGUSER") or _os_user()
    host = params.get("host") or os.environ.get("PGHOST") or "localhost"
    port = params.get("port") or os.environ.get("PGPORT") or "5432"
    dbname = params.get("dbname") or os.environ.get("PGDATABASE") or user
    return f"{user}@{host}:{port}/{dbname}"


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        return "postgres"


def keyring_password(params: dict[str, Any]) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_key(params))
    except Exception:  # noqa: BLE001 - no keyring backend on this machine: libpq's ways remain
        return None


def store_password(url: str, password: str) -> str:
    """Keep ``password`` in the OS keyring for the server/database/user of ``url``."""
    import keyring
    from psycopg import conninfo as ci

    key = keyring_key(ci.conninfo_to_dict(url))
    keyring.set_password(KEYRING_SERVICE, key, password)
    return key


def describe_url(url: str) -> dict[str, str]:
    """user, host, port and dbname of ``url`` (libpq's defaults filled in), no password."""
    from psycopg import conninfo as ci

    params = ci.conninfo_to_dict(url)
    user = str(params.get("user") or os.environ.get("PGUSER") or _os_user())
    return {"user": user,
            "host": str(params.get("host") or os.environ.get("PGHOST") or ""),
            "port": str(params.get("port") or os.environ.get("PGPORT") or "5432"),
            "dbname": str(params.get("dbname") or os.environ.get("PGDATABASE") or user)}


# -- opening ---------------------------------------------------------------------------------
def open_postgres(url: str, *, create: bool = True, migrate: bool = True,
                  migrate_to: int | None = None) -> ServiceDeskPostgres:
    """Connect, check that the database is usable by ServiceDesk, upgrade it, bind the models.

    Refused with a :class:`DatabaseOpenError` (nothing changed) when the server cannot be
    reached, the password is wrong, the database does not exist, the user lacks the rights,
    the schema is newer than this version, or the database belongs to another program.
    """
    from ..models import database_proxy
    from . import schema

    url = url.strip()
    where = describe_url(url)
    label = f"{where['user']}@{where['host'] or 'localhost'}/{where['dbname']}"
    db = ServiceDeskPostgres(url)
    previous = database_proxy.obj
    try:
        db.connect()
        state = schema.inspect(db)
        if state.foreign:
            raise DatabaseOpenError(f"{label} is not a ServiceDesk database", code="db.foreign",
                                    path=label)
        if state.empty and not create:
            raise DatabaseOpenError(f"{label} is empty", code="db.missing", path=label)
        supported = schema.latest_version()
        if state.version > supported:
            raise DatabaseOpenError(
                f"{label} was written by a newer ServiceDesk (schema {state.version} > {supported})",
                code="db.newer_schema", path=label, found=state.version, supported=supported)
        if not state.can_use:
            raise DatabaseOpenError(f"{current_user(db)} may not use {label}",
                                    code="db.pg_no_rights", path=label, user=where["user"],
                                    detail=state.missing_right)
        database_proxy.initialize(db)
        info = ServerInfo(url=url, schema_version=state.version, created=state.empty,
                          server_version=db.server_version or 0,
                          tls=bool(getattr(db.connection().pgconn, "ssl_in_use", False)),
                          **where)
        if migrate:
            schema.migrate(db, state, info, migrate_to)
    except DatabaseOpenError:
        _abandon(db, previous)
        raise
    except (pw.DatabaseError, pw.InterfaceError) as exc:
        _abandon(db, previous)
        code = pgerrors.open_error_code(exc)
        raise DatabaseOpenError(pgerrors.first_line(exc), code=code, path=label,
                                **pgerrors.describe(exc, user=where["user"],
                                                    host=where["host"] or "localhost",
                                                    dbname=where["dbname"])) from exc
    db.info = info
    retry.install(db)
    return db


def current_user(db: ServiceDeskPostgres) -> str:
    return db.execute_sql("SELECT current_user").fetchone()[0]


def _abandon(db: ServiceDeskPostgres, previous: Any) -> None:
    from ..models import database_proxy

    try:
        if not db.is_closed():
            db.close()
    except pw.DatabaseError:  # pragma: no cover - connection already broken
        pass
    database_proxy.initialize(previous)
