"""Tools › Back up now / Restore from backup / Backups / Database mode; automatic backups on start
and daily on a worker thread; the full integrity check after opening (a damaged file is no longer
written and its latest good backup is offered); the "database busy" indicator (R-X-1, #14)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from servicedesk import retry
from servicedesk.db import change_journal_mode, full_check
from servicedesk.errors import ServiceDeskError
from servicedesk.permissions import Permission

from .. import messages
from ..workers import Job, JobControl, Worker

if TYPE_CHECKING:
    from servicedesk.backup import BackupSettings

ORDER = 95
START_DELAY_MS = 20_000  # let the window settle before the first automatic backup
CHECK_DELAY_MS = 3_000  # the full integrity check starts once the window is up
CHECK_EVERY_MS = 60 * 60 * 1000  # hourly: is today's backup there (this or another workstation)?


def _backup():
    """``servicedesk.backup``, imported when a backup is first checked or taken (#18)."""
    from servicedesk import backup

    return backup


def _register_messages() -> None:
    reg = messages.register
    reg("backup.folder", lambda p: QCoreApplication.translate("Messages", "The backup folder “{path}” does not exist or cannot be written.").format(**p))
    reg("backup.bad", lambda p: QCoreApplication.translate("Messages", "“{path}” is not a good ServiceDesk backup (damaged or of another program).").format(**p))
    reg("backup.newer", lambda p: QCoreApplication.translate("Messages", "The backup “{path}” was written by a newer version of ServiceDesk.").format(**p))
    reg("backup.failed", lambda p: QCoreApplication.translate("Messages", "The backup could not be written to “{path}”.").format(**p))
    reg("backup.source_damaged", lambda p: QCoreApplication.translate("Messages", "The database “{path}” is damaged: the backup was not kept. Restore the latest good backup.").format(**p))
    reg("backup.keep_range", lambda p: QCoreApplication.translate("Messages", "Between {min} and {max}.").format(**p))


_register_messages()


def take_backup_job(db_path: Path, settings: BackupSettings, manual: bool):
    """On a worker: take a backup (files and sqlite3 only: no peewee models here). Any failure
    comes back as a BackupError the user can read."""
    try:
        if manual:
            folder = _backup().backup_folder(db_path, settings)
            return _backup().take_backup(db_path, kind="manual", folder=folder)
        return _backup().automatic_backup(db_path, settings=settings)
    except ServiceDeskError:
        raise
    except Exception as err:  # noqa: BLE001 - reported to the user, never lost silently
        raise _backup().BackupError(str(err), code="backup.failed", path=str(db_path)) from err


def integrity_job(control: JobControl, db_path: Path) -> str:
    """On a worker: the full integrity check of the open file, read-only; stops when the
    window closes (the job is cancelled)."""
    return full_check(db_path, cancelled=lambda: control.cancelled)


class BackupController(QObject):
    integrity_checked = Signal(str)  # "ok" or what the check found

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.db_path = Path(self.ctx.db.info.path)
        # Its own pool: a backup or the integrity check never waits behind queries.
        self.worker = Worker(self, threads=2)
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
        QTimer.singleShot(CHECK_DELAY_MS, self.check_integrity)
        QTimer.singleShot(START_DELAY_MS, self.automatic)
        self.timer.start()

    @property
    def running(self) -> bool:
        """A backup is being taken."""
        return self.worker.is_running("backup")

    def check_integrity(self) -> Job:
        """Start the full check of the open file; damage found → :meth:`found_damage`."""
        job = self.worker.run(integrity_job, self.db_path, control=True, key="integrity",
                              on_done=self._checked, on_error=lambda _err: None)
        # a check that cannot run is not damage; a closing window stops it
        self.window.destroyed.connect(lambda *_: job.cancel())
        return job

    def _checked(self, result: str) -> None:
        self.integrity_checked.emit(result)
        if result != "ok":
            self.found_damage(result)

    def found_damage(self, problem: str) -> None:
        """From now on nothing is written to the file; the latest good backup is offered."""
        self.ctx.db.mark_damaged(problem)
        self._damaged(ServiceDeskError(problem, code="db.damaged", path=str(self.db_path)))

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
            settings = _backup().load_settings()
        except Exception:  # noqa: BLE001 - a busy/closed database: try again at the next tick
            return
        if not _backup().due_for_automatic(self.db_path, settings):
            return
        self._run(settings, manual=False)

    def back_up_now(self) -> None:
        if not self.ctx.actor.can(Permission.BACKUP):
            messages.show_error(self.window, ServiceDeskError(code="permission"))
            return
        if self.running:
            return
        self._run(_backup().load_settings(), manual=True)

    def _run(self, settings: BackupSettings, *, manual: bool) -> None:
        if manual:
            self.ctx.bus.status_message.emit(self.tr("Backing up…"))
        self.worker.run(take_backup_job, self.db_path, settings, manual, key="backup",
                        on_done=self._done, on_error=lambda err: self._failed(err, manual))

    def _done(self, info) -> None:
        if info is not None:
            self.ctx.bus.status_message.emit(self.tr("Backup saved: %1").replace("%1", str(info.path)))

    def _failed(self, err: BaseException, manual: bool) -> None:
        if not isinstance(err, ServiceDeskError):
            raise err
        if err.code == "backup.source_damaged":
            self._damaged(err)
            return
        if manual or self.ctx.actor.can(Permission.BACKUP):
            QMessageBox.warning(self.window, self.tr("Backup"), messages.error_text(err))
        else:
            self.ctx.bus.status_message.emit(messages.error_text(err))

    def _damaged(self, err: ServiceDeskError) -> None:
        self.ctx.db.mark_damaged(str(err))  # a backup found it: no more writes either
        text = messages.error_text(err)
        if self.ctx.actor.can(Permission.BACKUP):
            best = _backup().latest_good_backup(self.db_path, _backup().backup_folder(
                self.db_path, self._settings_or_default()))
            if best is not None:
                from .. import fmt

                answer = QMessageBox.critical(
                    self.window, self.tr("The database is damaged"),
                    text + "\n\n" + self.tr("Restore the latest good backup, taken on %1, now? Other "
                                             "workstations should close ServiceDesk first.")
                    .replace("%1", fmt.datetime(best.taken_at)),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
                if answer == QMessageBox.StandardButton.Yes:
                    self.restore_backup(best.path)
                return
            answer = QMessageBox.critical(
                self.window, self.tr("The database is damaged"),
                text + "\n\n" + self.tr("Open the backups to restore one now?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.open_backups()
        else:
            QMessageBox.critical(self.window, self.tr("The database is damaged"),
                                 text + "\n\n" + self.tr("Tell your administrator now."))

    def _settings_or_default(self) -> BackupSettings:
        try:
            return _backup().load_settings()
        except Exception:  # noqa: BLE001 - the settings row itself may be on a damaged page
            return _backup().BackupSettings()

    def restore_backup(self, path: Path) -> None:
        try:
            _backup().restore(self.db_path, path)
        except ServiceDeskError as err:
            QMessageBox.warning(self.window, self.tr("Restore from backup"), messages.error_text(err))
            return
        self.window.database_chosen.emit(str(self.db_path))  # reopened by the application

    def database_mode(self) -> None:
        """Tools › Database mode: the journal mode of the file, for every workstation."""
        if not self.ctx.actor.can(Permission.BACKUP):
            messages.show_error(self.window, ServiceDeskError(code="permission"))
            return
        shared = self.ctx.db.info.shared
        if shared:
            text = self.tr("This database is in shared mode (rollback journal): several workstations "
                           "can use it, also from a network share.\n\nSwitch it to single-workstation "
                           "mode (WAL, faster), for a file that only this computer uses on its own disk?")
        else:
            text = self.tr("This database is in single-workstation mode (WAL): fast, for one computer "
                           "with the file on its own disk.\n\nSwitch it to shared mode (rollback "
                           "journal), so that several workstations can use it, also from a network share?")
        text += "\n\n" + self.tr("The mode is stored in the file and applies to every workstation; "
                                  "it can be changed only while nobody else has the file open.")
        answer = QMessageBox.question(self.window, self.tr("Database mode"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            change_journal_mode(self.ctx.db, not shared)
        except ServiceDeskError as err:
            QMessageBox.warning(self.window, self.tr("Database mode"), messages.error_text(err))
            return
        label = self.window.findChild(QLabel, "statusDatabase")
        if label is not None:  # the status bar shows the file and its mode
            head = label.text().split("  ·  ")[0]
            label.setText(f"{head}  ·  " + (QCoreApplication.translate("MainWindow", "shared file") if not shared
                                            else QCoreApplication.translate("MainWindow", "local file")))
        self.ctx.bus.status_message.emit(
            self.tr("The database is now in shared mode.") if not shared
            else self.tr("The database is now in single-workstation mode."))

    def open_backups(self) -> None:
        if not self.ctx.actor.can(Permission.BACKUP):
            messages.show_error(self.window, ServiceDeskError(code="permission"))
            return
        from ..dialogs.backup import BackupDialog

        dialog = BackupDialog(ctx=self.ctx, parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.restored_from is not None:
            self.window.database_chosen.emit(str(self.db_path))


def install(window) -> None:
    if getattr(window.ctx.db, "dialect", "sqlite") != "sqlite":
        return  # a database server: its backups are server_backup's (issue 17)
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
    mode = QAction(QCoreApplication.translate("BackupFeature", "Database &mode…"), window)
    mode.setObjectName("actionDatabaseMode")
    mode.triggered.connect(controller.database_mode)
    for action in (now, restore, settings, mode):
        tools.addAction(action)

    def refresh() -> None:
        allowed = window.ctx.actor.can(Permission.BACKUP)
        for action in (now, restore, settings, mode):
            action.setEnabled(allowed)

    tools.aboutToShow.connect(refresh)
    refresh()
    if window.ctx.db.info.shared_requested and not window.ctx.screenshot_mode:
        window.ctx.bus.status_message.emit(QCoreApplication.translate(
            "BackupFeature", "This database is in single-workstation mode; --shared does not change it. "
            "An administrator can switch it: Tools › Database mode."))
    controller.start()
