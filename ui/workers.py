"""The one way to run work off the GUI thread: queries, exports, long writes.

``Worker(owner).run(fn, *args, on_done=…, on_error=…, key="…")`` runs ``fn`` on a pool thread
as the operator who asked (``context.acting_as``), closes that thread's database connection
afterwards, and delivers the result (or the exception) on the GUI thread. A newer job with the
same ``key`` makes an older one stale: its result is dropped (typing in a filter never shows the
answer to an earlier text). A job that wants progress and cancel takes a :class:`JobControl` as
its first argument (``run(fn, …, control=True)``). Nothing here touches a widget from a pool
thread; results reach the owner through a queued signal, and jobs whose owner is gone are
dropped.
"""
from __future__ import annotations

import itertools
import logging
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from servicedesk import context
from servicedesk.db import close_thread_connection

_log = logging.getLogger(__name__)
_ids = itertools.count(1)


class Cancelled(Exception):
    """Raised inside a job by :meth:`JobControl.check` once the user has cancelled it."""


@dataclass
class JobControl:
    """Handed to jobs started with ``control=True``: report progress, notice a cancel."""

    _progress: Callable[[int, int, str], None]
    _cancelled: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        self._progress(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled()


class _Relay(QObject):
    """Lives on the GUI thread; pool threads emit, the owner's callbacks run here."""

    finished = Signal(int, bool, object)  # job id, ok, result or exception
    progressed = Signal(int, int, int, str)  # job id, done, total, text


class Job:
    """A submitted job: ``cancel()`` asks it to stop (and drops its result)."""

    def __init__(self, job_id: int, key: str | None, control: JobControl) -> None:
        self.id = job_id
        self.key = key
        self.control = control
        self.done = False

    def cancel(self) -> None:
        self.control._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self.control.cancelled


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: Callable, args: tuple, kwargs: dict, relay: _Relay,
                 with_control: bool, actor: context.Actor) -> None:
        super().__init__()
        self.job, self.fn, self.args, self.kwargs = job, fn, args, kwargs
        self.relay, self.with_control, self.actor = relay, with_control, actor

    def run(self) -> None:  # on a pool thread
        ok, result = True, None
        try:
            with context.acting_as(self.actor):
                args = (self.job.control, *self.args) if self.with_control else self.args
                result = self.fn(*args, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, never lost
            ok, result = False, exc
        finally:
            try:
                close_thread_connection()
            except Exception:  # noqa: BLE001 - e.g. a transaction a failed job left open
                _log.exception("closing a worker's connection")
        try:
            self.relay.finished.emit(self.job.id, ok, result)
        except RuntimeError:  # the owner (and its relay) is gone: nobody to tell
            pass


class Worker(QObject):
    """Runs jobs for one owner widget. ``threaded=False`` runs them inline (screenshots, tests
    that want determinism); results then arrive before ``run`` returns."""

    def __init__(self, parent: QObject, *, threads: int = 1, threaded: bool = True) -> None:
        super().__init__(parent)
        self.threaded = threaded
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, threads))
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.progressed.connect(self._progressed)
        self._jobs: dict[int, tuple[Job, Callable | None, Callable | None, Callable | None]] = {}
        self._latest: dict[str, int] = {}

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int, str], None] | None = None, key: str | None = None,
            control: bool = False, **kwargs: Any) -> Job:
        job_id = next(_ids)
        relay = self._relay
        job = Job(job_id, key, JobControl(lambda d, t, s: _emit_progress(relay, job_id, d, t, s)))
        if key is not None:
            previous = self._latest.get(key)
            if previous in self._jobs:
                self._jobs[previous][0].cancel()
            self._latest[key] = job_id
        self._jobs[job_id] = (job, on_done, on_error, on_progress)
        runnable = _Runnable(job, fn, args, kwargs, relay, control, context.current())
        if self.threaded:
            self._pool.start(runnable)
        else:
            runnable.run()
        return job

    def is_running(self, key: str | None = None) -> bool:
        if key is None:
            return bool(self._jobs)
        return self._latest.get(key) in self._jobs

    def cancel_all(self) -> None:
        for job, *_ in self._jobs.values():
            job.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for running jobs (tests, closing a window); their results are still delivered
        by the event loop afterwards."""
        return self._pool.waitForDone(msecs)

    # -- on the GUI thread ------------------------------------------------------------------
    def _finished(self, job_id: int, ok: bool, result: Any) -> None:
        entry = self._jobs.pop(job_id, None)
        if entry is None:
            return
        job, on_done, on_error, _ = entry
        job.done = True
        stale = job.key is not None and self._latest.get(job.key) != job_id
        if job.key is not None and not stale:
            self._latest.pop(job.key, None)
        if stale or job.cancelled:
            return
        if ok:
            if on_done is not None:
                on_done(result)
        elif isinstance(result, Cancelled):
            return
        elif on_error is not None:
            on_error(result)
        else:
            _log.error("background job failed", exc_info=result)

    def _progressed(self, job_id: int, done: int, total: int, text: str) -> None:
        entry = self._jobs.get(job_id)
        if entry is not None and entry[3] is not None and not entry[0].cancelled:
            entry[3](done, total, text)


def _emit_progress(relay: _Relay, job_id: int, done: int, total: int, text: str) -> None:
    try:
        relay.progressed.emit(job_id, done, total, text)
    except RuntimeError:  # owner gone
        pass
