"""The ISTAT FOI yearly changes applied at renewal: view, add a year, fix a value (R-CON-4)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from servicedesk import clock
from servicedesk.errors import ServiceDeskError, ValidationError
from servicedesk.models import IstatIndex
from servicedesk.permissions import Permission
from servicedesk.services import renewals
from servicedesk import limits

from .. import fmt
from ..messages import error_text
from ..widgets.contract_fields import AmountEdit, DateEdit, format_pct
from ..widgets.limited_text import limit_text


class IstatDialog(QDialog):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("istatDialog")
        self.setWindowTitle(self.tr("ISTAT FOI index"))
        self.changed = False
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Yearly change of the ISTAT FOI consumer price index (excluding "
                               "tobacco). At each renewal the latest figure published before the "
                               "renewal date is applied, times the contract's ISTAT share."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("istatTable")
        self.table.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Change %"),
                                              self.tr("Published on"), self.tr("Note")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda r, *_: self._pick(r))
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setObjectName("istatYear")
        self.year.setRange(1950, 2200)
        self.year.setGroupSeparatorShown(False)
        self.change = AmountEdit(percent=True)
        self.change.setObjectName("istatChange")
        self.published = DateEdit()
        self.note = QLineEdit()
        limit_text(self.note, limits.limit("istat", "note"))
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Change %"), self.change)
        form.addRow(self.tr("Published on"), self.published)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New year"))
        self.new_button.clicked.connect(self._new)
        self.save_button = QPushButton(self.tr("Save figure"))
        self.save_button.setObjectName("istatSave")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete)
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        editable = ctx.actor.can(Permission.CONTRACT_EDIT)
        for w in (self.new_button, self.save_button, self.delete_button):
            w.setEnabled(editable)
        self.resize(560, 560)
        self._rows: list[IstatIndex] = []
        self.refresh()
        self._new()

    def refresh(self, select_year: int | None = None) -> None:
        self._rows = list(IstatIndex.select().order_by(IstatIndex.year.desc()))
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            values = [str(row.year), format_pct(row.change_pct), fmt.date(row.published_on), row.note]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            if row.year == select_year:
                self.table.selectRow(r)

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            r = self._rows[row]
            self.year.setValue(r.year)
            self.change.set_value(r.change_pct)
            self.published.set_value(r.published_on)
            self.note.setText(r.note)

    def _new(self) -> None:
        latest = max((r.year for r in self._rows), default=clock.today().year - 2)
        self.year.setValue(latest + 1)
        self.change.clear()
        import datetime as dt

        self.published.set_value(dt.date(latest + 2, 1, 16))
        self.note.clear()
        self.table.clearSelection()
        self.change.setFocus()

    def _warn(self, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, self.windowTitle(), text)

    def save(self) -> bool:
        try:
            change = self.change.value()
        except ValueError:
            self._warn(self.tr("The change is not a valid number."))
            return False
        if change is None:
            self._warn(self.tr("Type the change in percent (e.g. 1,6 or -0,3)."))
            return False
        existing = next((r for r in self._rows if r.year == self.year.value()), None)
        try:
            renewals.save_istat(self.year.value(), change, self.published.value(),
                                self.note.text(),
                                expected_version=existing.version if existing else None)
        except ValidationError as err:
            self._warn(error_text(err))
            return False
        except ServiceDeskError as err:
            self._warn(error_text(err))
            self.refresh()
            return False
        self.changed = True
        self.refresh(self.year.value())
        return True

    def delete(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows):
            return
        year = self._rows[row].year
        if QMessageBox.question(self, self.windowTitle(),
                                self.tr("Delete the figure of %1?").replace("%1", str(year))) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            renewals.delete_istat(year)
        except ServiceDeskError as err:
            self._warn(error_text(err))
        self.changed = True
        self.refresh()
        self._new()
