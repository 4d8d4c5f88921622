"""Operators' absences (holiday, sick leave, training): list, add, edit, delete.

Read as rows with their version (``queries.board.absences_of``); every write runs through the
op runner, an edit or delete only of the absence as the list showed it.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateTimeEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLineEdit,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from servicedesk import clock, limits
from servicedesk.queries.board import AbsenceSpan, absences_of
from servicedesk.services import scheduling

from .. import fmt
from ..widgets.board_common import fill_operators
from ..widgets.board_view import absence_label
from ..widgets.limited_text import limit_text
from ..interpreter import PaintsHoldingLock


class AbsenceDialog(PaintsHoldingLock, QDialog):
    """Absences of one operator from 60 days ago on; the form below edits the selected one."""

    def __init__(self, *, ctx, operator_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: AbsenceSpan | None = None
        self.rows: list[AbsenceSpan] = []
        self.setObjectName("absenceDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Absences"))
        self.operator = QComboBox()
        self.operator.setObjectName("operatorCombo")
        fill_operators(self.operator, ctx.lookups(), selected=operator_id)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("absenceTable")
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("Board", "Kind"), QCoreApplication.translate("Board", "From"),
            QCoreApplication.translate("Board", "To"), QCoreApplication.translate("Board", "Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.kind = QComboBox()
        self.kind.setObjectName("kindCombo")
        for k in scheduling.ABSENCE_KINDS:
            self.kind.addItem(absence_label(k), k)
        self.start = QDateTimeEdit()
        self.start.setObjectName("startEdit")
        self.end = QDateTimeEdit()
        self.end.setObjectName("endEdit")
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.note = QLineEdit()
        self.note.setObjectName("noteEdit")
        limit_text(self.note, limits.limit("absence", "note"))
        self.new_btn = QPushButton(QCoreApplication.translate("Board", "New"))
        self.save_btn = QPushButton(QCoreApplication.translate("Board", "Save absence"))
        self.save_btn.setObjectName("saveAbsence")
        self.delete_btn = QPushButton(QCoreApplication.translate("Board", "Delete"))
        self.new_btn.clicked.connect(self.new)
        self.save_btn.clicked.connect(self.save)
        self.delete_btn.clicked.connect(self.delete)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Board", "Kind"), self.kind)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(self.end)
        form.addRow(QCoreApplication.translate("Board", "From – to"), times)
        form.addRow(QCoreApplication.translate("Board", "Note"), self.note)
        actions = QHBoxLayout()
        actions.addWidget(self.new_btn)
        actions.addWidget(self.delete_btn)
        actions.addStretch(1)
        actions.addWidget(self.save_btn)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        top = QFormLayout()
        top.addRow(QCoreApplication.translate("Board", "Operator"), self.operator)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.operator.currentIndexChanged.connect(self.load)
        self.table.itemSelectionChanged.connect(self._selected)
        self.resize(720, 520)
        self.load()
        self.new()

    def load(self) -> None:
        op_id = self.operator.currentData()
        self.table.setRowCount(0)
        if op_id is None:
            return
        since = dt.datetime.combine(clock.today() - dt.timedelta(days=60), dt.time(0))
        rows = absences_of(op_id, since)
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            cells = [absence_label(a.kind), fmt.datetime(a.start), fmt.datetime(a.end), a.note]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def new(self) -> None:
        self.current = None
        self.table.clearSelection()
        day = clock.today() + dt.timedelta(days=1)
        self.kind.setCurrentIndex(0)
        self.start.setDateTime(fmt.qdatetime(dt.datetime.combine(day, dt.time(0))))
        self.end.setDateTime(fmt.qdatetime(dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0))))
        self.note.clear()
        self.delete_btn.setEnabled(False)

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        wanted = items[0].data(Qt.ItemDataRole.UserRole)
        absence = next((a for a in self.rows if a.id == wanted), None)
        if absence is None:
            return
        self.current = absence
        self.kind.setCurrentIndex(max(0, self.kind.findData(absence.kind)))
        self.start.setDateTime(fmt.qdatetime(absence.start))
        self.end.setDateTime(fmt.qdatetime(absence.end))
        self.note.setText(absence.note)
        self.delete_btn.setEnabled(True)

    def _reloaded(self, *_args) -> None:
        self.load()
        self.new()

    def save(self) -> None:
        args = dict(kind=self.kind.currentData(), start=fmt.pydatetime(self.start.dateTime()),
                    end=fmt.pydatetime(self.end.dateTime()), note=self.note.text())
        if self.current is None:
            outcome = self.ctx.ops.run(self, scheduling.add_absence, self.operator.currentData(), **args)
        else:
            outcome = self.ctx.ops.run(self, scheduling.edit_absence, self.current.id,
                                       self.current.version, on_conflict=self._reloaded, **args)
        if outcome is not None:
            self._reloaded()

    def delete(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(self, QCoreApplication.translate("Board", "Absences"),
                                      QCoreApplication.translate("Board", "Delete this absence?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        outcome = self.ctx.ops.run(self, scheduling.delete_absence, self.current.id,
                                   self.current.version, on_conflict=self._reloaded)
        if outcome is not None:
            self._reloaded()
