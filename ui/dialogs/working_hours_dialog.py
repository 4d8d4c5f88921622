"""Edit an operator's weekly working hours (two periods a day), or return to the office default.

Read through ``queries.board.working_week``; saved through the op runner.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGridLayout, QLabel, QTimeEdit, QVBoxLayout, QWidget)

from servicedesk.errors import ServiceDeskError
from servicedesk.queries.board import working_week
from servicedesk.services import scheduling

from ..messages import show_error
from ..widgets.board_common import fill_operators
from ..widgets.board_view import weekday_name
from ..interpreter import PaintsHoldingLock


class WorkingHoursDialog(PaintsHoldingLock, QDialog):
    def __init__(self, *, ctx, operator_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workingHoursDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Working hours"))
        self.operator = QComboBox()
        self.operator.setObjectName("operatorCombo")
        fill_operators(self.operator, ctx.lookups(), selected=operator_id)
        self.default = QCheckBox(QCoreApplication.translate("Board", "Use the office default (Monday–Friday)"))
        self.default.setObjectName("defaultCheck")
        grid = QGridLayout()
        heads = [QCoreApplication.translate("Board", "Works"), QCoreApplication.translate("Board", "Morning"),
                 "", QCoreApplication.translate("Board", "Afternoon"), ""]
        for c, text in enumerate(heads):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, c + 1)
        self.rows: list[tuple[QCheckBox, list[QTimeEdit], QCheckBox]] = []
        monday = dt.date(2024, 1, 1)
        for wd in range(7):
            works = QCheckBox()
            edits = []
            for _ in range(4):
                e = QTimeEdit()
                e.setDisplayFormat("HH:mm")
                edits.append(e)
            second = QCheckBox(QCoreApplication.translate("Board", "2nd period"))
            grid.addWidget(QLabel(weekday_name(monday + dt.timedelta(days=wd))), wd + 1, 0)
            grid.addWidget(works, wd + 1, 1)
            grid.addWidget(edits[0], wd + 1, 2)
            grid.addWidget(edits[1], wd + 1, 3)
            grid.addWidget(second, wd + 1, 4)
            grid.addWidget(edits[2], wd + 1, 5)
            grid.addWidget(edits[3], wd + 1, 6)
            works.toggled.connect(self._sync_enabled)
            second.toggled.connect(self._sync_enabled)
            self.rows.append((works, edits, second))
        self.grid_host = QWidget()
        self.grid_host.setLayout(grid)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Board", "Operator"), self.operator)
        form.addRow("", self.default)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.grid_host)
        layout.addWidget(buttons)
        self.operator.currentIndexChanged.connect(self.load)
        self.default.toggled.connect(self._sync_enabled)
        self.load()

    def load(self) -> None:
        op_id = self.operator.currentData()
        if op_id is None:
            return
        loaded = working_week(op_id)
        week = loaded.periods
        self.default.setChecked(not loaded.own)
        for wd, (works, edits, second) in enumerate(self.rows):
            periods = week.get(wd, [])
            works.setChecked(bool(periods))
            first = periods[0] if periods else (dt.time(8, 30), dt.time(12, 30))
            other = periods[1] if len(periods) > 1 else (dt.time(13, 30), dt.time(17, 30))
            second.setChecked(len(periods) > 1)
            for e, t in zip(edits, (*first, *other)):
                e.setTime(QTime(t.hour, t.minute))
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        custom = not self.default.isChecked()
        self.grid_host.setEnabled(custom)
        for works, edits, second in self.rows:
            on = works.isChecked()
            edits[0].setEnabled(on)
            edits[1].setEnabled(on)
            second.setEnabled(on)
            edits[2].setEnabled(on and second.isChecked())
            edits[3].setEnabled(on and second.isChecked())

    def periods(self) -> list[tuple[int, dt.time, dt.time]]:
        out = []
        if self.default.isChecked():
            return out
        for wd, (works, edits, second) in enumerate(self.rows):
            if not works.isChecked():
                continue
            times = [dt.time(e.time().hour(), e.time().minute()) for e in edits]
            out.append((wd, times[0], times[1]))
            if second.isChecked():
                out.append((wd, times[2], times[3]))
        return out

    def save(self) -> None:
        op_id = self.operator.currentData()
        periods = self.periods()
        if not self.default.isChecked() and not periods:
            show_error(self, ServiceDeskError(code="scheduling.no_hours"))
            return
        if self.ctx.ops.run(self, scheduling.set_working_hours, op_id, periods) is not None:
            self.accept()
