"""The background sender: a QTimer that, on a worker thread, queues the notices that are due and
sends the outbox (R-MNT-2). The UI thread never waits for the network or the SMTP server."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from servicedesk.errors import ServiceDeskError

INTERVAL_MS = 60_000
NOTICES_EVERY_S = 3600


class _Signals(QObject):
    done = Signal(object)  # (SendResult | None, notices queued, error text)


class _Job(QRunnable):
    def __init__(self, db, build: bool, signals: _Signals) -> None:
        super().__init__()
        self.db = db
        self.build = build
        self.signals = signals

    def run(self) -> None:  # worker thread: no widgets here
        from servicedesk.services import mailer, notices

        queued, result, error = 0, None, ""
        try:
            mailer.recover_stuck()
            if self.build:
                queued = len(notices.build_notices().queued)
            result = mailer.send_due()
        except ServiceDeskError as err:
            error = str(err)
        except Exception as err:  # noqa: BLE001 - a background job must never crash the app
            error = f"{type(err).__name__}: {err}"
        finally:
            try:
                self.db.close()  # this thread's connection
            except Exception:  # noqa: BLE001
                pass
        self.signals.done.emit((result, queued, error))


class OutboxSender(QObject):
    """Owned by the maintenance feature; ``tick(force=True)`` is "Send now"."""

    finished = Signal()

    def __init__(self, *, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.last_offline = ""
        self.last_error = ""
        self._last_build = 0.0
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(5_000, self.tick)

    def stop(self) -> None:
        self.timer.stop()
        self.pool.waitForDone(10_000)

    def tick(self, force: bool = False) -> None:
        if self.running:
            return
        self.running = True
        build = force or time.monotonic() - self._last_build > NOTICES_EVERY_S
        if build:
            self._last_build = time.monotonic()
        self.pool.start(_Job(self.ctx.db, build, self._signals))

    def _done(self, payload) -> None:
        result, queued, error = payload
        self.running = False
        self.last_error = error
        self.last_offline = result.offline if result is not None and result.offline != "not configured" else ""
        self.finished.emit()
