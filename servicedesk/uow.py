"""Units of work: one write transaction that says what it changed, and undoes itself in memory.

Every write transaction of a ServiceDesk database is a :class:`UnitOfWork` (the database's
outermost ``atomic()``/``transaction()`` opens one, see :class:`UnitOfWorkMixin`). While it runs,
``BaseModel.save``/``delete_instance`` and ``Model.update()/delete()/insert_many()`` queries report
each row they touch (:func:`record`) and each model instance they are about to change
(:func:`remember`). When the transaction commits, the collected :class:`ChangeSet` is handed to
the commit listeners (the UI publishes it); when anything fails — a validation error half-way, a
COMMIT refused because another workstation holds the file — the database rolls back and every
remembered instance gets its fields (version included) back, so nothing in memory claims a write
that did not happen (the "lost update" of round 1).

:func:`perform` runs a service as one unit of work and returns ``Outcome(result, changes)``; it
retries the whole unit while the database is busy, at BEGIN or at COMMIT. Savepoints (nested
``atomic()``) keep their own layer of snapshots, so a rolled-back savepoint restores exactly the
instances it touched.
"""
from __future__ import annotations

import contextlib
import contextvars
import logging
import random
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Iterable, Iterator, TypeVar

from . import give_way

T = TypeVar("T")
_log = logging.getLogger(__name__)

CREATED, UPDATED, DELETED = "created", "updated", "deleted"


@dataclass(frozen=True)
class Change:
    """One row created, updated or deleted. ``id`` is ``None`` for rows written in bulk whose
    ids were not read back (the entity as a whole is then to be refreshed)."""

    entity: str  # the table name: "service_request", "work_log" …
    id: int | None
    uuid: str | None
    kind: str  # CREATED, UPDATED or DELETED
    fields: frozenset[str] = frozenset()


class ChangeSet:
    """What one unit of work changed, net: a row created then updated is *created*, created then
    deleted is nothing, updated twice is one update with both fields."""

    def __init__(self, changes: Iterable[Change] = (), origin: Any = None,
                 database: Any = None) -> None:
        self._rows: dict[tuple[str, int], Change] = {}
        self._bulk: dict[str, set[str]] = {}
        self.origin = origin  # who asked (the UI passes the widget that started the op)
        self.database = database  # where it happened (a process may hold several databases)
        for change in changes:
            self.add(change)

    # -- building ---------------------------------------------------------------------------
    def add(self, change: Change) -> None:
        if change.id is None:
            self._bulk.setdefault(change.entity, set()).add(change.kind)
            return
        key = (change.entity, change.id)
        old = self._rows.get(key)
        if old is None:
            self._rows[key] = change
            return
        if change.kind == DELETED:
            if old.kind == CREATED:
                del self._rows[key]
            else:
                self._rows[key] = Change(change.entity, change.id, change.uuid or old.uuid, DELETED,
                                         old.fields | change.fields)
            return
        if old.kind == DELETED and change.kind == CREATED:  # same id again (SQLite may reuse it)
            self._rows[key] = Change(change.entity, change.id, change.uuid, UPDATED, change.fields)
            return
        self._rows[key] = Change(change.entity, change.id, old.uuid or change.uuid, old.kind,
                                 old.fields | change.fields)

    def merge(self, other: "ChangeSet") -> "ChangeSet":
        """A new change set: this one followed by ``other``."""
        merged = ChangeSet(self, origin=self.origin if self.origin is not None else other.origin,
                           database=self.database or other.database)
        for entity, kinds in self._bulk.items():
            merged._bulk.setdefault(entity, set()).update(kinds)
        for change in other:
            merged.add(change)
        for entity, kinds in other._bulk.items():
            merged._bulk.setdefault(entity, set()).update(kinds)
        return merged

    # -- reading ----------------------------------------------------------------------------
    def __iter__(self) -> Iterator[Change]:
        return iter(list(self._rows.values()))

    def __len__(self) -> int:
        return len(self._rows) + len(self._bulk)

    def __bool__(self) -> bool:
        return bool(self._rows) or bool(self._bulk)

    def __repr__(self) -> str:
        parts = [f"{c.kind} {c.entity}#{c.id}" for c in self]
        parts += [f"bulk {e} ({'/'.join(sorted(k))})" for e, k in self._bulk.items()]
        return f"ChangeSet({', '.join(parts)})"

    def entities(self) -> set[str]:
        return {c.entity for c in self._rows.values()} | set(self._bulk)

    def touches(self, *entities: str) -> bool:
        """True when any of ``entities`` (table names) changed."""
        mine = self.entities()
        return any(e in mine for e in entities)

    def ids(self, entity: str, *kinds: str) -> set[int]:
        """Ids of ``entity`` changed (of the given kinds; all kinds when none given)."""
        return {c.id for c in self._rows.values()
                if c.entity == entity and (not kinds or c.kind in kinds)}

    def bulk(self, entity: str) -> bool:
        """True when rows of ``entity`` were written in bulk without their ids: refresh all."""
        return entity in self._bulk

    def get(self, entity: str, record_id: int) -> Change | None:
        return self._rows.get((entity, record_id))

    def of_kind(self, kind: str) -> list[Change]:
        return [c for c in self._rows.values() if c.kind == kind]

    @property
    def created(self) -> list[Change]:
        return self.of_kind(CREATED)

    @property
    def updated(self) -> list[Change]:
        return self.of_kind(UPDATED)

    @property
    def deleted(self) -> list[Change]:
        return self.of_kind(DELETED)


@dataclass
class Outcome(Generic[T]):
    """What :func:`perform` returns: the service's own result and what it changed."""

    result: T
    changes: ChangeSet = field(default_factory=ChangeSet)


# -- the unit of work ------------------------------------------------------------------------
class _Layer:
    """Snapshots and changes of one transaction level (the transaction or a savepoint)."""

    __slots__ = ("snapshots", "changes")

    def __init__(self) -> None:
        self.snapshots: dict[int, tuple[Any, dict, set]] = {}
        self.changes: list[Change] = []


class UnitOfWork:
    """The state of one write transaction; see the module docstring."""

    def __init__(self, origin: Any = None, database: Any = None) -> None:
        self.origin = origin
        self.database = database
        self._layers: list[_Layer] = [_Layer()]
        self.after_commit: list[Callable[[], None]] = []

    def remember(self, instance: Any) -> None:
        """Keep ``instance``'s fields as they are now, to put them back if this level fails."""
        layer = self._layers[-1]
        key = id(instance)
        if key not in layer.snapshots:
            layer.snapshots[key] = (instance, dict(instance.__data__), set(instance._dirty))

    def record(self, change: Change) -> None:
        self._layers[-1].changes.append(change)

    # savepoints
    def push(self) -> None:
        self._layers.append(_Layer())

    def release(self) -> None:
        """The savepoint was released: its snapshots and changes join the level below."""
        top = self._layers.pop()
        below = self._layers[-1]
        for key, snap in top.snapshots.items():
            below.snapshots.setdefault(key, snap)
        below.changes.extend(top.changes)

    def rollback_layer(self) -> None:
        """The savepoint was rolled back: put its instances back, forget its changes."""
        _restore(self._layers.pop())

    def restore(self) -> None:
        """The whole unit failed: every remembered instance as it was before the unit."""
        while len(self._layers) > 1:
            self.rollback_layer()
        _restore(self._layers[0])
        self._layers = [_Layer()]

    def change_set(self) -> ChangeSet:
        changes = ChangeSet(origin=self.origin, database=self.database)
        for layer in self._layers:
            for change in layer.changes:
                changes.add(change)
        return changes


def _restore(layer: _Layer) -> None:
    # Latest snapshot last: an instance touched at several levels ends as it was first seen.
    for instance, data, dirty in layer.snapshots.values():
        instance.__data__ = dict(data)
        instance._dirty = set(dirty)


_current: contextvars.ContextVar[UnitOfWork | None] = contextvars.ContextVar("servicedesk_uow",
                                                                            default=None)
_origin: contextvars.ContextVar[Any] = contextvars.ContextVar("servicedesk_uow_origin",
                                                             default=None)
CommitListener = Callable[[ChangeSet], None]
_commit_listeners: list[CommitListener] = []


def current() -> UnitOfWork | None:
    """The unit of work of the running write transaction (``None`` outside one)."""
    return _current.get()


def remember(instance: Any) -> None:
    uow = _current.get()
    if uow is not None:
        uow.remember(instance)


def record(entity: str, record_id: int | None, uuid: str | None, kind: str,
           fields: Iterable[str] = ()) -> None:
    """Report a row written (services that write with raw SQL call this themselves)."""
    uow = _current.get()
    if uow is not None:
        uow.record(Change(entity, record_id, uuid, kind, frozenset(fields)))


def add_commit_listener(listener: CommitListener) -> None:
    """``listener(changes)`` after every committed unit of work that changed something, in the
    thread that committed (the UI hands it over to its own thread)."""
    if listener not in _commit_listeners:
        _commit_listeners.append(listener)


def remove_commit_listener(listener: CommitListener) -> None:
    if listener in _commit_listeners:
        _commit_listeners.remove(listener)


def begin_unit(database: Any = None) -> tuple[UnitOfWork, contextvars.Token]:
    uow = UnitOfWork(origin=_origin.get(), database=database)
    return uow, _current.set(uow)


def end_unit(uow: UnitOfWork, token: contextvars.Token, committed: bool) -> None:
    try:
        _current.reset(token)
    except ValueError:  # pragma: no cover - reset from another context (generator teardown)
        _current.set(None)
    if not committed:
        uow.restore()
        return
    changes = uow.change_set()
    previous = getattr(uow, "committed_changes", None)
    uow.committed_changes = previous.merge(changes) if previous else changes  # type: ignore[attr-defined]
    for callback in uow.after_commit:
        callback()
    if changes:
        for listener in list(_commit_listeners):
            try:
                listener(changes)
            except Exception:  # noqa: BLE001 - the data is committed; a listener cannot undo it
                _log.exception("commit listener failed")


# -- running a service as one unit -----------------------------------------------------------
def perform(fn: Callable[..., T], *args: Any, **kwargs: Any) -> Outcome[T]:
    """Run ``fn(*args, **kwargs)`` as one unit of work and return ``Outcome(result, changes)``.

    The unit is retried from the start while the database is busy (another workstation holding
    the write lock at BEGIN, or readers keeping COMMIT from finishing on a shared file); before
    each new attempt and after any failure the model instances passed in are put back as they
    were. ``DatabaseBusyError`` reaches the caller only after the retry deadline. Inside another
    unit of work the call joins it (as a savepoint) and returns the changes it made itself.
    """
    return run(fn, args, kwargs)


@contextlib.contextmanager
def origin(who: Any) -> Iterator[None]:
    """Units of work started inside the block carry ``who`` as their change set's origin (the
    UI passes the widget that started an operation, so it can skip its own refresh)."""
    token = _origin.set(who)
    try:
        yield
    finally:
        _origin.reset(token)


def run(fn: Callable[..., T], args: tuple = (), kwargs: dict | None = None, *,
        db: Any = None, first_wait_ms: int | None = None, retry_wait_ms: int | None = None,
        deadline_s: float | None = None) -> Outcome[T]:
    """:func:`perform` with its knobs: the database (default: the bound one) and the waits."""
    from . import retry
    from .errors import DatabaseBusyError
    from .models.base import database_proxy

    kwargs = kwargs or {}
    database = db or database_proxy.obj
    if _current.get() is not None or database.in_transaction():
        return _perform_nested(database, fn, args, kwargs)
    first = retry.FIRST_WAIT_MS if first_wait_ms is None else first_wait_ms
    again = retry.RETRY_WAIT_MS if retry_wait_ms is None else retry_wait_ms
    deadline = time.monotonic() + (retry.DEADLINE_S if deadline_s is None else deadline_s)
    attempt = 0
    busy_shown = False
    snapshots = _snapshot_args(args, kwargs)
    try:
        while True:
            wait = first if attempt == 0 else again
            holder: list[UnitOfWork] = []
            token = retry._unit_timeout.set(wait)
            try:
                with retry.patience(database, wait):
                    with database.atomic():
                        uow = _current.get()
                        if uow is not None:
                            holder.append(uow)
                        result = fn(*args, **kwargs)
                changes = getattr(holder[0], "committed_changes", None) if holder else None
                return Outcome(result, changes if changes is not None else ChangeSet())
            except Exception as exc:  # noqa: BLE001 - busy is retried, the rest re-raised
                _restore_args(snapshots)
                if not retry.is_busy_error(exc):
                    raise
                attempt += 1
                if time.monotonic() >= deadline:
                    if isinstance(exc, DatabaseBusyError):
                        raise
                    raise DatabaseBusyError(str(exc), attempts=attempt) from exc
                if not busy_shown:
                    busy_shown = True
                    retry.notify(True)
                # jitter, so workstations that waited together do not collide again
                time.sleep(random.uniform(0.005, 0.05) * min(attempt, 10))
            finally:
                retry._unit_timeout.reset(token)
    finally:
        if busy_shown:
            retry.notify(False)


def _perform_nested(database: Any, fn: Callable[..., T], args: tuple, kwargs: dict) -> Outcome[T]:
    uow = _current.get()
    if uow is None:
        # A caller's transaction opened outside a unit of work (e.g. a benchmark's rollback
        # block): run inside it as a savepoint; nothing to report.
        with database.atomic():
            return Outcome(fn(*args, **kwargs), ChangeSet())
    before = sum(len(layer.changes) for layer in uow._layers)
    with database.atomic():
        result = fn(*args, **kwargs)
    mine = [c for layer in uow._layers for c in layer.changes][before:]
    return Outcome(result, ChangeSet(mine, origin=uow.origin, database=uow.database))


def _model_instances(values: Iterable[Any]) -> Iterator[Any]:
    from .models.base import BaseModel

    for value in values:
        if isinstance(value, BaseModel):
            yield value
        elif isinstance(value, (list, tuple, set, frozenset)):
            yield from (v for v in value if isinstance(v, BaseModel))


def _snapshot_args(args: tuple, kwargs: dict) -> list[tuple[Any, dict, set]]:
    return [(obj, dict(obj.__data__), set(obj._dirty))
            for obj in _model_instances([*args, *kwargs.values()])]


def _restore_args(snapshots: list[tuple[Any, dict, set]]) -> None:
    for obj, data, dirty in snapshots:
        obj.__data__ = dict(data)
        obj._dirty = set(dirty)


def unit_of_work(fn: Callable[..., T]) -> Callable[..., T]:
    """Decorator for write services: the call runs as one unit of work (joining the caller's
    when there is one) and returns the service's result; ``perform(service, …)`` also gives the
    change set."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        return run(fn, args, kwargs).result

    wrapper.__wrapped_service__ = fn  # type: ignore[attr-defined]
    return wrapper


# -- the database side: every outermost transaction is a unit of work ------------------------
import peewee as _pw  # noqa: E402 - kept beside the classes that extend it


class _UnitTransaction(_pw._transaction):
    """The outermost transaction: opens a :class:`UnitOfWork`, hands its change set to the
    listeners after COMMIT, restores the remembered instances when it rolls back or when COMMIT
    fails (peewee rolls back then)."""

    _unit: tuple[UnitOfWork, contextvars.Token] | None = None

    def __enter__(self):
        if self.db.transaction_depth() == 0 and _current.get() is None:
            self._unit = begin_unit(self.db)
        try:
            return super().__enter__()
        except BaseException:
            self._end(False)
            raise

    def __exit__(self, exc_type, exc_val, exc_tb):
        try:
            result = super().__exit__(exc_type, exc_val, exc_tb)
        except BaseException:
            self._end(False)
            raise
        self._end(exc_type is None)
        return result

    def _end(self, committed: bool) -> None:
        unit, self._unit = self._unit, None
        if unit is not None:
            end_unit(unit[0], unit[1], committed)

    def commit(self, begin: bool = True):
        super().commit(begin)
        if begin and self._unit is not None:  # committed half-way: publish, start afresh
            uow, token = self._unit
            end_unit(uow, token, True)
            self._unit = begin_unit(self.db)

    def rollback(self, begin: bool = True):
        super().rollback(begin)
        if begin and self._unit is not None:  # rolled back half-way: undo, start afresh
            uow, token = self._unit
            end_unit(uow, token, False)
            self._unit = begin_unit(self.db)


class _UnitSavepoint(_pw._savepoint):
    """A nested ``atomic()``: its own layer of snapshots, undone if the savepoint rolls back."""

    _layer_uow: UnitOfWork | None = None

    def __enter__(self):
        self._layer_uow = _current.get()
        if self._layer_uow is not None:
            self._layer_uow.push()
        try:
            return super().__enter__()
        except BaseException:
            if self._layer_uow is not None:
                self._layer_uow.rollback_layer()
            raise

    def __exit__(self, exc_type, exc_val, exc_tb):
        uow = self._layer_uow
        try:
            result = super().__exit__(exc_type, exc_val, exc_tb)
        except BaseException:
            if uow is not None:
                uow.rollback_layer()
            raise
        if uow is not None:
            if exc_type is None:
                uow.release()
            else:
                uow.rollback_layer()
        return result

    def rollback(self, begin: bool = True):
        super().rollback(begin)
        uow = self._layer_uow
        if begin and uow is not None:  # rolled back half-way (on exit, __exit__ handles it)
            uow.rollback_layer()
            uow.push()


class UnitOfWorkMixin:
    """Mixed into the database classes: ``transaction()``/``atomic()`` are units of work. A
    statement of a background thread first gives way to a window that paints (give_way)."""

    def execute_sql(self, sql: Any, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        give_way.statement_starts()
        return super().execute_sql(sql, params, *args, **kwargs)  # type: ignore[misc]

    def transaction(self, *args: Any, **kwargs: Any) -> _UnitTransaction:
        return _UnitTransaction(self, *args, **kwargs)

    def savepoint(self) -> _UnitSavepoint:
        return _UnitSavepoint(self)
