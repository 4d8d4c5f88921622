"""Tools › Back up now / Restore from backup / Backups; automatic backups on start and daily on
a worker thread; the "database busy" indicator in the status bar (R-X-1)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from servicedesk import backup, retry
from servicedesk.errors import ServiceDeskError
from servicedesk.permissions import Permission

from .. import messages

ORDER = 95
START_DELAY_MS = 20_000  # let the window settle before the first automatic backup
CHECK_EVERY_MS = 60 * 60 * 1000  # hourly: is today's backup there (this or another workstation)?


def _register_messages() -> None:
    reg = messages.register
    reg("backup.folder", lambda p: QCoreApplication.translate("Messages", "The backup folder “{path}” does not exist or cannot be written.").format(**p))
    reg("backup.bad", lambda p: QCoreApplication.translate("Messages", "“{path}” is not a good ServiceDesk backup (damaged or of another program).").format(**p))
    reg("backup.newer", lambda p: QCoreApplication.translate("Messages", "The backup “{path}” was written by a newer version of ServiceDesk.").format(**p))
    reg("backup.failed", lambda p: QCoreApplication.translate("Messages", "The backup could not be written to “{path}”.").format(**p))
    reg("backup.source_damaged", lambda p: QCoreApplication.translate("Messages", "The database “{path}” is damaged: the backup was not kept. Restore the latest good backup.").format(**p))
    reg("backup.keep_range", lambda p: QCoreApplication.translate("Messages", "Between {min} and {max}.").format(**p))


_register_messages()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class BackupJob(QRunnable):
    """Takes a backup off the GUI thread (files and sqlite3 only: no peewee models here)."""

    def __init__(self, db_path: Path, settings: backup.BackupSettings, *, manual: bool) -> None:
        super().__init__()
        self.db_path, self.settings, self.manual = db_path, settings, manual
        self.signals = _Signals()

    def run(self) -> None:
        try:
            if self.manual:
                folder = backup.backup_folder(self.db_path, self.settings)
                result = backup.take_backup(self.db_path, kind="manual", folder=folder)
            else:
                result = backup.automatic_backup(self.db_path, settings=self.settings)
        except ServiceDeskError as err:
            self.signals.failed.emit(err)
            return
        except Exception as err:  # noqa: BLE001 - reported to the user, never lost silently
            self.signals.failed.emit(backup.BackupError(str(err), code="backup.failed",
                                                        path=str(self.db_path)))
            return
        self.signals.done.emit(result)


class BackupController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.db_path = Path(self.ctx.db.info.path)
        self.running = False
        self._jobs: list[BackupJob] = []
        self.busy_label = QLabel(self.tr("Database busy: waiting for another workstation…"))
        self.busy_label.setObjectName("statusBusy")
        self.busy_label.setStyleSheet("color: #b45309; font-weight: bold;")
        self.busy_label.hide()
        window.add_status_widget(self.busy_label)
        retry.add_busy_listener(self.on_busy)
        window.destroyed.connect(lambda *_: retry.remove_busy_listener(self.on_busy))
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.automatic)

    def start(self) -> None:
        if self.ctx.screenshot_mode:
            return  # screenshots and UI tests build windows: no background file work
        QTimer.singleShot(START_DELAY_MS, self.automatic)
        self.timer.start()

    def on_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        # the write waits on this thread: repaint now, without running user input meanwhile
        app = QApplication.instance()
        if app is not None:
            app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def automatic(self) -> None:
        if self.running:
            return
        try:
            settings = backup.load_settings()
        except Exception:  # noqa: BLE001 - a busy/closed database: try again at the next tick
            return
        if not backup.due_for_automatic(self.db_path, settings):
            return
        self._run(BackupJob(self.db_path, settings, manual=False), manual=False)

    def back_up_now(self) -> None:
        if not self.ctx.actor.can(Permission.BACKUP):
            messages.show_error(self.window, ServiceDeskError(code="permission"))
            return
        if self.running:
            return
        self._run(BackupJob(self.db_path, backup.load_settings(), manual=True), manual=True)

    def _run(self, job: BackupJob, *, manual: bool) -> None:
        self.running = True
        self._jobs.append(job)
        job.setAutoDelete(False)
        job.signals.done.connect(lambda info: self._done(job, info, manual))
        job.signals.failed.connect(lambda err: self._failed(job, err, manual))
        if manual:
            self.ctx.bus.status_message.emit(self.tr("Backing up…"))
        QThreadPool.globalInstance().start(job)

    def _finish(self, job: BackupJob) -> None:
        self.running = False
        if job in self._jobs:
            self._jobs.remove(job)

    def _done(self, job: BackupJob, info, manual: bool) -> None:
        self._finish(job)
        if info is not None:
            self.ctx.bus.status_message.emit(self.tr("Backup saved: %1").replace("%1", str(info.path)))

    def _failed(self, job: BackupJob, err: ServiceDeskError, manual: bool) -> None:
        self._finish(job)
        if err.code == "backup.source_damaged":
            self._damaged(err)
            return
        if manual or self.ctx.actor.can(Permission.BACKUP):
            QMessageBox.warning(self.window, self.tr("Backup"), messages.error_text(err))
        else:
            self.ctx.bus.status_message.emit(messages.error_text(err))

    def _damaged(self, err: ServiceDeskError) -> None:
        text = messages.error_text(err)
        if self.ctx.actor.can(Permission.BACKUP):
            answer = QMessageBox.critical(
                self.window, self.tr("The database is damaged"),
                text + "\n\n" + self.tr("Open the backups to restore one now?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.open_backups()
        else:
            QMessageBox.critical(self.window, self.tr("The database is damaged"),
                                 text + "\n\n" + self.tr("Tell your administrator now."))

    def open_backups(self) -> None:
        if not self.ctx.actor.can(Permission.BACKUP):
            messages.show_error(self.window, ServiceDeskError(code="permission"))
            return
        from ..dialogs.backup import BackupDialog

        dialog = BackupDialog(ctx=self.ctx, parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.restored_from is not None:
            from ..app import relaunch_with_database

            relaunch_with_database(self.window, str(self.db_path))


def install(window) -> None:
    controller = BackupController(window)
    window.backup_controller = controller
    tools = window.menu("tools")
    tools.addSeparator()
    now = QAction(QCoreApplication.translate("BackupFeature", "&Back up now"), window)
    now.setObjectName("actionBackupNow")
    now.triggered.connect(controller.back_up_now)
    restore = QAction(QCoreApplication.translate("BackupFeature", "&Restore from backup…"), window)
    restore.setObjectName("actionRestore")
    restore.triggered.connect(controller.open_backups)
    settings = QAction(QCoreApplication.translate("BackupFeature", "Backup &settings…"), window)
    settings.setObjectName("actionBackupSettings")
    settings.triggered.connect(controller.open_backups)
    for action in (now, restore, settings):
        tools.addAction(action)

    def refresh() -> None:
        allowed = window.ctx.actor.can(Permission.BACKUP)
        for action in (now, restore, settings):
            action.setEnabled(allowed)

    tools.aboutToShow.connect(refresh)
    refresh()
    controller.start()
