"""Request editor panels: the request's interventions and its work log (R-REQ-3, R-LOG-1)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QMenu, QMessageBox, QPlainTextEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from servicedesk.errors import ConflictError, ServiceDeskError
from servicedesk.models import Intervention, ServiceRequest, WorkLog
from servicedesk.permissions import Permission
from servicedesk.services import interventions, worklogs
from servicedesk import limits

from .. import fmt
from ..messages import conflict_text, show_error
from .board_common import ask_reload, override_note_text
from .board_view import status_label
from .limited_text import limit_text


def _item(text: str, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class InterventionsPanel(QWidget):
    """The request's interventions; schedule, edit, complete, cancel, print; compose the final report."""

    def __init__(self, ctx, editor) -> None:
        super().__init__()
        self.ctx = ctx
        self.editor = editor
        self.request_id: int | None = None
        self.setObjectName("interventionsPanel")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("interventionsTable")
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("Board", "Status"), QCoreApplication.translate("Board", "Activity type"),
            QCoreApplication.translate("Board", "Operator"), QCoreApplication.translate("Board", "Planned"),
            QCoreApplication.translate("Board", "Report")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._sync)
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.schedule_btn = QPushButton(QCoreApplication.translate("Board", "Schedule…"))
        self.schedule_btn.setObjectName("scheduleButton")
        self.edit_btn = QPushButton(QCoreApplication.translate("Board", "Edit…"))
        self.start_btn = QPushButton(QCoreApplication.translate("Board", "Start"))
        self.start_btn.setObjectName("startButton")
        self.start_btn.setToolTip(QCoreApplication.translate("Board", "Mark as in progress from now"))
        self.complete_btn = QPushButton(QCoreApplication.translate("Board", "Complete…"))
        self.complete_btn.setObjectName("completeButton")
        self.cancel_btn = QPushButton(QCoreApplication.translate("Board", "Cancel intervention"))
        self.cancel_btn.setObjectName("cancelInterventionButton")
        self.print_btn = QToolButton()
        self.print_btn.setText(QCoreApplication.translate("Board", "Print sheet…"))
        self.print_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_btn)
        menu.addAction(QCoreApplication.translate("Board", "Save as PDF…"), self.save_pdf)
        menu.addAction(QCoreApplication.translate("Board", "Print…"), self.print_sheet)
        self.print_btn.setMenu(menu)
        self.report_btn = QPushButton(QCoreApplication.translate("Board", "Compose final report…"))
        self.report_btn.setObjectName("composeReportButton")
        self.schedule_btn.clicked.connect(self.schedule)
        self.edit_btn.clicked.connect(self.edit)
        self.start_btn.clicked.connect(self.start)
        self.complete_btn.clicked.connect(self.complete)
        self.cancel_btn.clicked.connect(self.cancel)
        self.report_btn.clicked.connect(self.compose_report)
        buttons = QHBoxLayout()
        for b in (self.schedule_btn, self.edit_btn, self.start_btn, self.complete_btn, self.cancel_btn, self.print_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.report_btn)
        self.hint = QLabel()
        self.hint.setObjectName("panelHint")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        ctx.bus.changed.connect(self._on_changed)
        self.set_request(editor)

    def set_request(self, editor) -> None:
        self.editor = editor
        self.request_id = getattr(editor, "request_id", None)
        self.refresh()

    def _on_changed(self, topics: set[str]) -> None:
        if topics & {"interventions", "requests"}:
            self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(0)
        if self.request_id is None:
            self.hint.setText(QCoreApplication.translate("Board", "Save the request first to schedule interventions."))
            self.hint.show()
            self._sync()
            return
        self.hint.hide()
        rows = interventions.of_request(self.request_id)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            activity = row.activity_it if self.ctx.lang == "it" else row.activity_en
            who = row.operator_name or (f"({row.team_name})" if row.team_name else "")
            when = ""
            if row.planned_start and row.planned_end:
                when = f"{fmt.datetime(row.planned_start)}–{fmt.time(row.planned_end.time())}"
            report = row.report.replace("\n", " ")
            cells = [status_label(row.status), activity, who, when, report[:200]]
            for c, text in enumerate(cells):
                item = _item(text, row.id)
                if c == 1:
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(row.color))
                if row.override_note and c == 0:
                    item.setToolTip(override_note_text(row.override_note))
                    item.setText("⚠ " + text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._sync()

    def current(self) -> Intervention | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return Intervention.get_or_none(Intervention.id == items[0].data(Qt.ItemDataRole.UserRole))

    def _sync(self) -> None:
        actor = self.ctx.actor
        item = self.current()
        plan = actor.can(Permission.INTERVENTION_PLAN)
        has_request = self.request_id is not None
        is_open = item is not None and item.status in interventions.OPEN_STATUSES
        own = item is not None and item.operator_id == actor.operator_id
        self.schedule_btn.setEnabled(has_request and plan)
        self.edit_btn.setEnabled(is_open and plan)
        may_work = plan or (own and actor.can(Permission.INTERVENTION_OWN))
        self.start_btn.setEnabled(item is not None and item.status == "planned" and may_work)
        self.complete_btn.setEnabled(is_open and may_work)
        self.cancel_btn.setEnabled(is_open and plan)
        self.print_btn.setEnabled(item is not None and item.planned_start is not None)
        self.report_btn.setEnabled(has_request and actor.can(Permission.REQUEST_NOTE))

    def schedule(self) -> None:
        from ..dialogs.schedule_dialog import ScheduleDialog

        if self.request_id is None:
            return
        ScheduleDialog(ctx=self.ctx, request_id=self.request_id, parent=self).exec()
        self.refresh()

    def edit(self) -> None:
        from ..dialogs.schedule_dialog import ScheduleDialog

        item = self.current()
        if item is None or item.status not in interventions.OPEN_STATUSES:
            return
        ScheduleDialog(ctx=self.ctx, request_id=self.request_id, intervention=item, parent=self).exec()
        self.refresh()

    def start(self) -> None:
        item = self.current()
        if item is None:
            return
        try:
            interventions.start(item)
        except ConflictError as err:
            if ask_reload(self, conflict_text(err)):
                self.refresh()
            return
        except ServiceDeskError as err:
            show_error(self, err)
            return

    def complete(self) -> None:
        from ..dialogs.schedule_dialog import CompleteDialog

        item = self.current()
        if item is None:
            return
        CompleteDialog(ctx=self.ctx, intervention=item, parent=self).exec()
        self.refresh()

    def cancel(self) -> None:
        item = self.current()
        if item is None:
            return
        reason, ok = QInputDialog.getText(self, QCoreApplication.translate("Board", "Cancel intervention"),
                                          QCoreApplication.translate("Board", "Reason (optional):"))
        if not ok:
            return
        try:
            interventions.cancel(item, reason)
        except ConflictError as err:
            if ask_reload(self, conflict_text(err)):
                self.refresh()
            return
        except ServiceDeskError as err:
            show_error(self, err)
            return

    def save_pdf(self) -> None:
        from .board_actions import save_sheet_pdf

        item = self.current()
        if item is not None:
            save_sheet_pdf(self, self.ctx, item.id)

    def print_sheet(self) -> None:
        from .board_actions import print_sheet

        item = self.current()
        if item is not None:
            print_sheet(self, self.ctx, item.id)

    def compose_report(self) -> None:
        if self.request_id is None:
            return
        request = ServiceRequest.get_by_id(self.request_id)
        draft = interventions.compose_final_report(self.request_id)
        text = request.final_report
        if draft and draft not in text:
            text = f"{text}\n\n{draft}".strip() if text else draft
        dialog = FinalReportDialog(text, parent=self)
        if dialog.exec() != FinalReportDialog.DialogCode.Accepted:
            return
        try:
            interventions.set_final_report(request, dialog.text())
        except ConflictError as err:
            if ask_reload(self, conflict_text(err)) and hasattr(self.editor, "reload"):
                self.editor.reload()
            return
        except ServiceDeskError as err:
            show_error(self, err)
            return
        if hasattr(self.editor, "reload"):
            self.editor.reload()


class FinalReportDialog(QDialog):
    """Edit the final report drafted from the interventions' reports."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finalReportDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Final report"))
        self.edit = QPlainTextEdit(text)
        limit_text(self.edit, limits.limit("request", "final_report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate(
            "Board", "Drafted from the reports of the completed interventions; edit before saving.")))
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(640, 460)

    def text(self) -> str:
        return self.edit.toPlainText()


class WorklogPanel(QWidget):
    """The request's work-log entries with totals billable / not billable."""

    def __init__(self, ctx, editor) -> None:
        super().__init__()
        self.ctx = ctx
        self.editor = editor
        self.request_id: int | None = None
        self.setObjectName("worklogPanel")
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
        self.add_btn = QPushButton(QCoreApplication.translate("Board", "Add…"))
        self.add_btn.setObjectName("addWorklogButton")
        self.edit_btn = QPushButton(QCoreApplication.translate("Board", "Edit…"))
        self.delete_btn = QPushButton(QCoreApplication.translate("Board", "Delete"))
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
        ctx.bus.changed.connect(self._on_changed)
        self.set_request(editor)

    def set_request(self, editor) -> None:
        self.editor = editor
        self.request_id = getattr(editor, "request_id", None)
        self.refresh()

    def _on_changed(self, topics: set[str]) -> None:
        if topics & {"worklogs", "requests"}:
            self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(0)
        can_log = self.ctx.actor.can(Permission.WORKLOG_OWN) or self.ctx.actor.can(Permission.WORKLOG_ANY)
        self.add_btn.setEnabled(self.request_id is not None and can_log)
        if self.request_id is None:
            self.totals.setText("")
            return
        rows = worklogs.of_request(self.request_id)
        self.table.setRowCount(len(rows))
        yes, no = QCoreApplication.translate("Board", "yes"), QCoreApplication.translate("Board", "no")
        for r, e in enumerate(rows):
            activity = e.activity_type.name_it if self.ctx.lang == "it" else e.activity_type.name_en
            span = f"{fmt.time(e.start_time)}–{fmt.time(e.end_time)}" if e.start_time else ""
            cells = [fmt.date(e.work_date), e.operator.full_name, activity, span, fmt.hours(e.minutes),
                     yes if e.billable else no, e.notes.replace("\n", " ")[:200]]
            for c, text in enumerate(cells):
                item = _item(text, e.id)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        t = worklogs.totals(self.request_id)
        self.totals.setText(QCoreApplication.translate(
            "Board", "Logged: {total} h · billable {billable} h · not billable {other} h · travel {travel} h, {km} km").format(
            total=fmt.hours(t.minutes), billable=fmt.hours(t.billable_minutes),
            other=fmt.hours(t.non_billable_minutes), travel=fmt.hours(t.travel_minutes),
            km=fmt.number(t.km, 1)))

    def current(self) -> WorkLog | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return WorkLog.get_or_none(WorkLog.id == items[0].data(Qt.ItemDataRole.UserRole))

    def add(self) -> None:
        from ..dialogs.worklog_dialog import WorklogDialog

        if self.request_id is None:
            return
        WorklogDialog(ctx=self.ctx, request_id=self.request_id, parent=self).exec()
        self.refresh()

    def edit(self) -> None:
        from ..dialogs.worklog_dialog import WorklogDialog

        entry = self.current()
        if entry is None:
            return
        WorklogDialog(ctx=self.ctx, request_id=self.request_id, entry=entry, parent=self).exec()
        self.refresh()

    def delete(self) -> None:
        entry = self.current()
        if entry is None:
            return
        answer = QMessageBox.question(self, QCoreApplication.translate("Board", "Work log"),
                                      QCoreApplication.translate("Board", "Delete this work-log entry?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            worklogs.delete(entry)
        except ConflictError as err:
            if ask_reload(self, conflict_text(err)):
                self.refresh()
            return
        except ServiceDeskError as err:
            show_error(self, err)
            return
