"""Request editor panel: the request's work log with totals billable / not billable (R-LOG-1).

Rows and totals come from ``queries.worklogs`` (read on a worker); adding, editing and deleting
go through the op runner with the version the panel showed; the panel refreshes from the
change sets.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from servicedesk.permissions import Permission
from servicedesk.queries import worklogs as reads
from servicedesk.queries.worklogs import Totals, WorklogRow
from servicedesk.services import worklogs
from servicedesk.uow import ChangeSet

from .. import fmt
from ..workers import Worker


def _load(request_id: int) -> tuple[list[WorklogRow], Totals]:
    return reads.of_request(request_id), reads.totals(request_id)


class WorklogPanel(QWidget):
    """The request's work-log entries with totals billable / not billable."""

    def __init__(self, ctx, editor) -> None:
        super().__init__()
        self.ctx = ctx
        self.editor = editor
        self.request_id: int | None = None
        self.rows: list[WorklogRow] = []
        self.setObjectName("worklogPanel")
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("worklogTable")
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("Board", "Date"), QCoreApplication.translate("Board", "Operator"),
            QCoreApplication.translate("Board", "Activity type"), QCoreApplication.translate("Board", "Time"),
            QCoreApplication.translate("Board", "Hours"), QCoreApplication.translate("Board", "Billable"),
            QCoreApplication.translate("Board", "Notes")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.table.itemSelectionChanged.connect(self._sync)
        self.add_btn = QPushButton(QCoreApplication.translate("Board", "Add…"))
        self.add_btn.setObjectName("addWorklogButton")
        self.edit_btn = QPushButton(QCoreApplication.translate("Board", "Edit…"))
        self.edit_btn.setObjectName("editWorklogButton")
        self.delete_btn = QPushButton(QCoreApplication.translate("Board", "Delete"))
        self.delete_btn.setObjectName("deleteWorklogButton")
        self.add_btn.clicked.connect(self.add)
        self.edit_btn.clicked.connect(self.edit)
        self.delete_btn.clicked.connect(self.delete)
        self.totals = QLabel()
        self.totals.setObjectName("worklogTotals")
        buttons = QHBoxLayout()
        for b in (self.add_btn, self.edit_btn, self.delete_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        ctx.bus.changes.connect(self._on_changes)
        self.set_request(editor)

    def set_request(self, editor) -> None:
        self.editor = editor
        self.request_id = getattr(editor, "request_id", None)
        self.refresh()

    def _on_changes(self, changes: ChangeSet) -> None:
        if self.request_id is None:
            return
        if changes.touches("work_log", "operator", "activity_type") \
                or self.request_id in changes.ids("service_request"):
            self.refresh()

    def _can_log(self) -> bool:
        actor = self.ctx.actor
        return actor.can(Permission.WORKLOG_OWN) or actor.can(Permission.WORKLOG_ANY)

    def refresh(self) -> None:
        self.add_btn.setEnabled(self.request_id is not None and self._can_log())
        if self.request_id is None:
            self.rows = []
            self.table.setRowCount(0)
            self.totals.setText("")
            self._sync()
            return
        self.worker.run(_load, self.request_id, key="rows", on_done=self._show)

    def _show(self, loaded: tuple[list[WorklogRow], Totals]) -> None:
        rows, t = loaded
        selected = self.current()
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        yes, no = QCoreApplication.translate("Board", "yes"), QCoreApplication.translate("Board", "no")
        for r, e in enumerate(rows):
            activity = e.activity_it if self.ctx.lang == "it" else e.activity_en
            span = f"{fmt.time(e.start_time)}–{fmt.time(e.end_time)}" if e.start_time else ""
            cells = [fmt.date(e.work_date), e.operator_name, activity, span, fmt.hours(e.minutes),
                     yes if e.billable else no, e.notes.replace("\n", " ")[:200]]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            if selected is not None and e.id == selected.id:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.totals.setText(QCoreApplication.translate(
            "Board", "Logged: {total} h · billable {billable} h · not billable {other} h · travel {travel} h, {km} km").format(
            total=fmt.hours(t.minutes), billable=fmt.hours(t.billable_minutes),
            other=fmt.hours(t.non_billable_minutes), travel=fmt.hours(t.travel_minutes),
            km=fmt.number(t.km, 1)))
        self._sync()

    def current(self) -> WorklogRow | None:
        items = self.table.selectedItems()
        if not items:
            return None
        wanted = items[0].data(Qt.ItemDataRole.UserRole)
        return next((e for e in self.rows if e.id == wanted), None)

    def _sync(self) -> None:
        entry = self.current()
        actor = self.ctx.actor
        mine = entry is not None and (actor.can(Permission.WORKLOG_ANY) or (
            entry.operator_id == actor.operator_id and actor.can(Permission.WORKLOG_OWN)))
        self.edit_btn.setEnabled(mine)
        self.delete_btn.setEnabled(mine)

    def add(self) -> None:
        from ..dialogs.worklog_dialog import WorklogDialog

        if self.request_id is None:
            return
        WorklogDialog(ctx=self.ctx, request_id=self.request_id, parent=self).exec()

    def edit(self) -> None:
        from ..dialogs.worklog_dialog import WorklogDialog

        entry = self.current()
        if entry is None:
            return
        WorklogDialog(ctx=self.ctx, request_id=self.request_id, entry_id=entry.id, parent=self).exec()

    def delete(self) -> None:
        entry = self.current()
        if entry is None:
            return
        answer = QMessageBox.question(self, QCoreApplication.translate("Board", "Work log"),
                                      QCoreApplication.translate("Board", "Delete this work-log entry?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.ops.run(self, worklogs.delete_entry, entry.id, entry.version,
                         on_conflict=lambda _: self.refresh())
