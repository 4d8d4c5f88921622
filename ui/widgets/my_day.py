""""My day": a technician's interventions of today, each logged to the work log with one click (R-LOG-1).

Read as rows (``queries.board``/``queries.worklogs``); the one-click log is a unit of work run by
the op runner; the list follows the change sets of interventions and work logs.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from servicedesk import clock
from servicedesk.permissions import Permission
from servicedesk.queries import worklogs as worklog_reads
from servicedesk.queries.board import interventions_of_operator
from servicedesk.services import worklogs
from servicedesk.uow import ChangeSet

from .. import fmt
from ..settings import MY_DAY_OPERATOR
from .board_common import confirm_overlap, fill_operators, run_confirmed
from .board_view import status_label


class MyDayWidget(QWidget):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("myDay")
        self.operator = QComboBox()
        self.operator.setObjectName("myDayOperator")
        self.operator.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.operator.setMinimumContentsLength(12)
        actor = ctx.actor
        self.title = QLabel()
        self.title.setObjectName("myDayTitle")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("myDayTable")
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("Board", "Time"), QCoreApplication.translate("Board", "Customer"),
            QCoreApplication.translate("Board", "Activity type"), QCoreApplication.translate("Board", "Status"),
            QCoreApplication.translate("Board", "Work log"), ""])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.operator)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(QCoreApplication.translate("Board", "No interventions today."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)
        if actor.operator_id is None or actor.can(Permission.WORKLOG_ANY):
            fill_operators(self.operator, ctx.lookups(), none_label=QCoreApplication.translate("Board", "(choose an operator)"),
                           selected=actor.operator_id)
            if actor.operator_id is None and ctx.settings is not None:
                remembered = MY_DAY_OPERATOR.read(ctx.settings)
                i = self.operator.findData(int(remembered)) if remembered.isdigit() else -1
                if i >= 0:
                    self.operator.setCurrentIndex(i)
        else:
            self.operator.addItem(actor.name, actor.operator_id)
            self.operator.setEnabled(False)
        self.operator.currentIndexChanged.connect(self._operator_changed)
        ctx.bus.changes.connect(self._on_changes)
        self.refresh()

    def _operator_changed(self) -> None:
        if self.ctx.settings is not None and self.ctx.actor.operator_id is None:
            MY_DAY_OPERATOR.write(self.ctx.settings, self.operator.currentData() or "")
        self.refresh()

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches("intervention", "work_log", "operator", "service_request", "party"):
            self.refresh()

    def refresh(self) -> None:
        today = clock.today()
        self.title.setText(QCoreApplication.translate("Board", "<b>My day</b> · {date}").format(date=fmt.date(today)))
        op_id = self.operator.currentData()
        self.table.setRowCount(0)
        self._blocks = []
        if op_id is None:
            self.empty.setText(QCoreApplication.translate("Board", "Choose an operator to see the day's interventions."))
            self.empty.show()
            return
        lo = dt.datetime.combine(today, dt.time(0))
        blocks = interventions_of_operator(op_id, lo, lo + dt.timedelta(days=1))
        self._blocks = blocks
        logged = worklog_reads.logged_interventions([b.id for b in blocks])
        self.empty.setText(QCoreApplication.translate("Board", "No interventions today."))
        self.empty.setVisible(not blocks)
        self.table.setRowCount(len(blocks))
        for r, b in enumerate(blocks):
            activity = b.activity_it if self.ctx.lang == "it" else b.activity_en
            cells = [f"{fmt.time(b.start.time())}–{fmt.time(b.end.time())}",
                     b.customer + (f" · {b.city}" if b.city else ""), activity, status_label(b.status),
                     QCoreApplication.translate("Board", "logged") if b.id in logged else ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, b.request_id)
                if c == 2:
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(b.color))
                self.table.setItem(r, c, item)
            button = QPushButton(QCoreApplication.translate("Board", "Log") if b.id not in logged
                                 else QCoreApplication.translate("Board", "Log again"))
            button.setObjectName(f"logButton_{b.id}")
            button.clicked.connect(lambda _=False, iid=b.id: self.log(iid))
            self.table.setCellWidget(r, 5, button)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _open(self, index) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.ctx.bus.open_request.emit(item.data(Qt.ItemDataRole.UserRole))

    def log(self, intervention_id: int) -> bool:
        """One click: a work-log entry from the intervention's times (today at most)."""
        data = worklog_reads.from_intervention(intervention_id, operator_id=self.operator.currentData())
        request_id = next((b.request_id for b in self._blocks if b.id == intervention_id), None)
        if request_id is None:
            return False
        outcome = run_confirmed(self.ctx, self, worklogs.create, request_id, data,
                                confirm=lambda err: confirm_overlap(self, err),
                                title=QCoreApplication.translate("Board", "Work log"))
        if outcome is None:
            return False
        self.ctx.bus.status_message.emit(QCoreApplication.translate("Board", "Work logged."))
        return True
