"""Tools for a database on a PostgreSQL server (issue 17): the busy indicator, and a backup
with pg_dump where the client tools are installed (restoring is IT's job: README).

The SQLite file's backups, checks and modes are ``backup``'s; this feature installs itself only
on a server database, that one only on a file.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from servicedesk import clock, retry
from servicedesk.errors import ServiceDeskError
from servicedesk.permissions import Permission

from .. import messages
from ..workers import Worker

ORDER = 95


def _register_messages() -> None:
    reg = messages.register
    reg("backup.pg_dump_missing", lambda p: QCoreApplication.translate("Messages", "pg_dump is not installed on this computer. Backups of the database server are made by IT on the server (see “A bigger office: PostgreSQL” in the README)."))
    reg("backup.pg_dump_failed", lambda p: QCoreApplication.translate("Messages", "The backup did not succeed: {detail}. No backup file was written.").format(**p))


_register_messages()


class ServerTools(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.worker = Worker(self)
        self.busy_label = QLabel(self.tr("Database busy: waiting for another workstation…"))
        self.busy_label.setObjectName("statusBusy")
        self.busy_label.setStyleSheet("color: #b45309; font-weight: bold;")
        self.busy_label.hide()
        window.add_status_widget(self.busy_label)
        retry.add_busy_listener(self.on_busy)
        window.destroyed.connect(lambda *_: retry.remove_busy_listener(self.on_busy))

    def on_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        app = QApplication.instance()
        if app is not None:
            app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def back_up_now(self, target: str | None = None) -> None:
        """pg_dump of the database into a file the user picks (custom format)."""
        from servicedesk.pg import backup

        if not self.ctx.actor.can(Permission.BACKUP):
            messages.show_error(self.window, ServiceDeskError(code="permission"))
            return
        if not backup.available():
            messages.show_error(self.window, ServiceDeskError(code="backup.pg_dump_missing"))
            return
        if target is None:
            name = f"{self.ctx.db.info.dbname}-{clock.now():%Y%m%d-%H%M}.dump"
            target, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Back up the database"), name,
                self.tr("PostgreSQL dump (*.dump)"))
            if not target:
                return
        self.ctx.bus.status_message.emit(self.tr("Backing up the database…"))
        self.worker.run(backup.dump, self.ctx.db.info.url, target, key="pg_dump",
                        on_done=self._done, on_error=self._failed)

    def _done(self, path) -> None:
        self.ctx.bus.status_message.emit(self.tr("Backup saved: %1").replace("%1", str(path)))

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, ServiceDeskError):
            messages.show_error(self.window, err)
        else:
            QMessageBox.warning(self.window, self.tr("Backup"), str(err))


def install(window) -> None:
    if getattr(window.ctx.db, "dialect", "sqlite") != "postgresql":
        return
    tools = ServerTools(window)
    window.server_tools = tools
    menu = window.menu("tools")
    menu.addSeparator()
    now = QAction(QCoreApplication.translate("ServerTools", "&Back up the database…"), window)
    now.setObjectName("actionServerBackup")
    now.triggered.connect(lambda: tools.back_up_now())
    menu.addAction(now)
    menu.aboutToShow.connect(lambda: now.setEnabled(window.ctx.actor.can(Permission.BACKUP)))
