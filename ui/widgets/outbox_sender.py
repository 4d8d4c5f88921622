"""The background sender: a QTimer that, on a worker (``ui/workers.py``), queues the notices
that are due and sends the outbox (R-MNT-2). The UI thread never waits for the network or the
SMTP server; what the sender writes reaches the open pages as change sets like any write."""
from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from servicedesk import uow
from servicedesk.errors import ServiceDeskError

from ..workers import Worker

INTERVAL_MS = 60_000
NOTICES_EVERY_S = 3600


@dataclass(frozen=True)
class SendRound:
    offline: str  # why the server was not reached ("" when it was)
    queued: int  # notices queued this round
    error: str  # a refusal of the core, for the outbox page's state line


def send_round(build: bool) -> SendRound:
    """On a worker: put back messages stuck in "sending", queue due notices, send what is due.
    Each step is its own unit of work."""
    from servicedesk.services import mailer, notices

    queued, error, offline = 0, "", ""
    try:
        uow.perform(mailer.recover_stuck)
        if build:
            queued = len(uow.perform(notices.build_notices).result.queued)
        result = uow.perform(mailer.send_due).result
        if result is not None and result.offline != "not configured":
            offline = result.offline or ""
    except ServiceDeskError as err:
        error = str(err)
    return SendRound(offline, queued, error)


class OutboxSender(QObject):
    """Owned by the maintenance feature; ``tick(force=True)`` is "Send now"."""

    finished = Signal()

    def __init__(self, *, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_offline = ""
        self.last_error = ""
        self._last_build = 0.0
        self.worker = Worker(self)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self.worker.is_running("send")

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(5_000, self.tick)

    def stop(self) -> None:
        self.timer.stop()
        self.worker.wait(10_000)

    def tick(self, force: bool = False) -> None:
        if self.running:
            return
        build = force or time.monotonic() - self._last_build > NOTICES_EVERY_S
        if build:
            self._last_build = time.monotonic()
        self.worker.run(send_round, build, on_done=self._done, on_error=self._crashed, key="send")

    def _done(self, result: SendRound) -> None:
        self.last_error = result.error
        self.last_offline = result.offline
        self.finished.emit()

    def _crashed(self, err: BaseException) -> None:
        # A background round must never take the app down; the state line says what happened.
        self.last_error = f"{type(err).__name__}: {err}"
        self.finished.emit()
