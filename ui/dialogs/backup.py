"""Backups dialog (list, back up now, restore, settings) and the offer to recover a damaged
database from its latest good backup (R-X-1)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QSpinBox, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from servicedesk import backup
from servicedesk.errors import ServiceDeskError, ValidationError

from .. import fmt
from ..messages import error_text
from ..interpreter import PaintsHoldingLock


def _left(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def kind_label(kind: str) -> str:
    return {"auto": QCoreApplication.translate("Backup", "automatic"),
            "manual": QCoreApplication.translate("Backup", "manual"),
            "prerestore": QCoreApplication.translate("Backup", "before a restore")}.get(kind, kind)


def size_label(size: int) -> str:
    if size >= 1024 * 1024:
        return QCoreApplication.translate("Backup", "%1 MB").replace("%1", fmt.number(size / 1024 / 1024, 1))
    return QCoreApplication.translate("Backup", "%1 KB").replace("%1", fmt.number(max(1, size // 1024)))


class BackupDialog(PaintsHoldingLock, QDialog):
    """The backups of the open database; restoring one replaces the database content."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db_path = Path(ctx.db.info.path)
        self.restored_from: Path | None = None
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setProperty("role", "hint")
        layout.addWidget(self.where)
        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("File")])
        self.list.setColumnWidth(0, 150)
        self.list.setColumnWidth(1, 130)
        self.list.setColumnWidth(2, 80)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.list, 1)
        actions = QHBoxLayout()
        self.now_button = QPushButton(self.tr("Back up now"))
        self.now_button.setObjectName("backupNow")
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore selected…"))
        self.restore_button.setObjectName("restoreSelected")
        self.restore_button.clicked.connect(self.restore_selected)
        other = QPushButton(self.tr("Restore from another file…"))
        other.clicked.connect(self.restore_other)
        folder = QPushButton(self.tr("Open folder"))
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder()))))
        for b in (self.now_button, self.restore_button, other, folder):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)

        box = QGroupBox(self.tr("Automatic backups"))
        form = QFormLayout(box)
        self.automatic = QCheckBox(self.tr("Back up automatically at start and once a day"))
        folder_row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("next to the database"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.daily = QSpinBox()
        self.daily.setRange(1, 365)
        self.daily.setSuffix(" " + self.tr("days"))
        self.weekly = QSpinBox()
        self.weekly.setRange(0, 520)
        self.weekly.setSuffix(" " + self.tr("weeks"))
        form.addRow("", self.automatic)
        form.addRow(self.tr("Folder:"), folder_row)
        for spin in (self.daily, self.weekly):
            spin.setMinimumWidth(120)
        form.addRow(self.tr("Keep one a day for:"), _left(self.daily))
        form.addRow(self.tr("Then one a week for:"), _left(self.weekly))
        self.error = QLabel()
        self.error.setObjectName("backupError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow(self.error)
        save = QPushButton(self.tr("Save settings"))
        save.setObjectName("saveBackupSettings")
        save.clicked.connect(self.save_settings)
        form.addRow("", _left(save))
        layout.addWidget(box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        settings = backup.load_settings()
        self.automatic.setChecked(settings.automatic)
        self.folder.setText(settings.folder)
        self.daily.setValue(settings.daily)
        self.weekly.setValue(settings.weekly)
        self.reload()

    def _folder(self) -> Path:
        return backup.backup_folder(self.db_path, backup.load_settings())

    def reload(self) -> None:
        folder = self._folder()
        self.where.setText(self.tr("Backups of %1 in %2. Automatic backups are rotated; manual ones are kept "
                                   "until you delete them.").replace("%1", self.db_path.name)
                           .replace("%2", str(folder)))
        self.list.clear()
        for info in backup.list_backups(self.db_path, folder):
            item = QTreeWidgetItem([fmt.datetime(info.taken_at), kind_label(info.kind),
                                    size_label(info.size), info.path.name])
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addTopLevelItem(item)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text() or
                                                str(self.db_path.parent))
        if path:
            self.folder.setText(path)

    def save_settings(self) -> None:
        settings = backup.BackupSettings(folder=self.folder.text().strip(), daily=self.daily.value(),
                                         weekly=self.weekly.value(), automatic=self.automatic.isChecked())
        try:
            backup.save_settings(settings)
        except ValidationError as err:
            labels = {"folder": self.tr("Folder"), "daily": self.tr("Days"), "weekly": self.tr("Weeks")}
            for fe in err.errors:
                fe.params.setdefault("label", labels.get(fe.field, fe.field))
            self.error.setText(error_text(err))
            self.error.show()
            return
        except ServiceDeskError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        self.error.hide()
        self.reload()

    def back_up_now(self) -> None:
        try:
            info = backup.backup_now(self.db_path)
        except ServiceDeskError as err:
            QMessageBox.warning(self, self.tr("Backup"), error_text(err))
            return
        self.ctx.bus.status_message.emit(self.tr("Backup saved: %1").replace("%1", str(info.path)))
        self.reload()

    def restore_selected(self) -> None:
        items = self.list.selectedItems()
        if items:
            self._restore(Path(items[0].data(0, Qt.ItemDataRole.UserRole)))

    def restore_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from backup"), str(self._folder()),
                                              self.tr("ServiceDesk database (*.db *.sqlite);;All files (*)"))
        if path:
            self._restore(Path(path))

    def _restore(self, path: Path) -> None:
        answer = QMessageBox.warning(
            self, self.tr("Restore from backup"),
            self.tr("Replace the whole content of the database with the backup “%1”?\n\n"
                    "Everything entered after that backup is replaced; the current content is first kept "
                    "as a backup of kind “before a restore”, so this can be undone. Other workstations "
                    "should close ServiceDesk first.").replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            aside = backup.restore(self.db_path, path)
        except ServiceDeskError as err:
            QMessageBox.warning(self, self.tr("Restore from backup"), error_text(err))
            return
        self.restored_from = path
        QMessageBox.information(self, self.tr("Restore from backup"),
                                self.tr("The database was restored. The previous content is in %1. "
                                        "ServiceDesk now reopens the database.").replace("%1", aside.name))
        self.accept()


def offer_recovery(path: Path, parent: QWidget | None = None) -> bool:
    """The database at ``path`` is damaged: offer its latest good backup. True when the file
    was replaced by the backup (the caller opens it again)."""
    best = backup.latest_good_backup(path, backup.backup_folder(path))
    title = QCoreApplication.translate("Backup", "The database is damaged")
    if best is None:
        QMessageBox.critical(parent, title, QCoreApplication.translate(
            "Backup", "The database “%1” is damaged and no good backup was found next to it. "
            "Ask your administrator: a backup may be in another folder.").replace("%1", str(path)))
        return False
    answer = QMessageBox.question(parent, title, QCoreApplication.translate(
        "Backup", "The database “%1” is damaged.\n\nRestore the latest good backup, taken on %2? "
        "The damaged file is kept aside with “.corrupt” in its name.")
        .replace("%1", str(path)).replace("%2", fmt.datetime(best.taken_at)))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backup.recover_corrupt(path, best.path)
    except (ServiceDeskError, OSError) as err:
        QMessageBox.critical(parent, title, str(err))
        return False
    return True


def recover_and_open(path: Path, err: ServiceDeskError, *, shared: bool = False):
    """At start: the database could not be opened. When it is damaged, offer the latest good
    backup and open the recovered file; None when there is nothing to do (the caller reports
    ``err`` as before)."""
    import os

    if err.code != "db.corrupt" or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return None
    if not offer_recovery(Path(path)):
        return None
    from servicedesk.db import open_database

    try:
        return open_database(path, shared=shared or None)
    except ServiceDeskError as again:
        QMessageBox.critical(None, QCoreApplication.translate("Backup", "The database is damaged"),
                             error_text(again))
        return None
