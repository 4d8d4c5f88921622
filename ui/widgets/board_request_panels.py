"""Request editor panels: the request's interventions, its final report, and the offer to resolve
it once its work is done (R-REQ-3, R-REQ-2). The work-log panel: board_worklog_panel.py.

Rows come from ``queries.interventions`` (read on a worker), every write goes through the op
runner with the version the panel showed, and the panel refreshes from the change sets.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFrame, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QMenu, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QToolButton,
                               QVBoxLayout, QWidget)

from servicedesk import limits
from servicedesk.permissions import Permission
from servicedesk.queries import interventions as reads
from servicedesk.queries.interventions import InterventionRow
from servicedesk.services import interventions
from servicedesk.uow import ChangeSet

from .. import fmt
from ..workers import Worker
from .board_common import override_note_text
from .board_view import status_label
from .board_worklog_panel import WorklogPanel  # noqa: F401 - registered from here by the feature
from .limited_text import limit_text
from ..interpreter import PaintsHoldingLock


def _item(text: str, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class InterventionsPanel(QWidget):
    """The request's interventions; schedule, edit, complete, cancel, print; compose the final
    report; after the last one is done, offer to resolve the request (#12)."""

    def __init__(self, ctx, editor) -> None:
        super().__init__()
        self.ctx = ctx
        self.editor = editor
        self.request_id: int | None = None
        self.rows: list[InterventionRow] = []
        self.setObjectName("interventionsPanel")
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
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
        self.resolve_bar = self._build_resolve_bar()
        layout = QVBoxLayout(self)
        layout.addWidget(self.resolve_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        ctx.bus.changes.connect(self._on_changes)
        self.set_request(editor)

    def _build_resolve_bar(self) -> QFrame:
        """The non-blocking offer to resolve the request once all its work is done."""
        bar = QFrame()
        bar.setObjectName("resolveBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setStyleSheet("#resolveBar { background: #ecfdf5; border: 1px solid #6ee7b7; border-radius: 4px; }")
        text = QLabel(QCoreApplication.translate("Board", "All interventions are done — resolve the request?"))
        text.setObjectName("resolveText")
        text.setWordWrap(True)
        self.resolve_btn = QPushButton(QCoreApplication.translate("Board", "Resolve…"))
        self.resolve_btn.setObjectName("resolveButton")
        self.resolve_btn.clicked.connect(self.resolve)
        later = QPushButton(QCoreApplication.translate("Board", "Not now"))
        later.setObjectName("resolveLaterButton")
        later.clicked.connect(bar.hide)
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(text, 1)
        row.addWidget(self.resolve_btn)
        row.addWidget(later)
        bar.hide()
        return bar

    def set_request(self, editor) -> None:
        self.editor = editor
        request_id = getattr(editor, "request_id", None)
        if request_id != self.request_id:
            self.resolve_bar.hide()
        self.request_id = request_id
        self.refresh()

    def _on_changes(self, changes: ChangeSet) -> None:
        if self.request_id is None:
            return
        if changes.touches("intervention") or self.request_id in changes.ids("service_request"):
            self.refresh()

    def refresh(self) -> None:
        if self.request_id is None:
            self.rows = []
            self.table.setRowCount(0)
            self.hint.setText(QCoreApplication.translate("Board", "Save the request first to schedule interventions."))
            self.hint.show()
            self._sync()
            return
        self.hint.hide()
        self.worker.run(reads.of_request, self.request_id, key="rows", on_done=self._show)

    def _show(self, rows: list[InterventionRow]) -> None:
        selected = self.current()
        self.rows = rows
        self.table.blockSignals(True)
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
        if selected is not None:  # the selection stays on its intervention
            for r, row in enumerate(rows):
                if row.id == selected.id:
                    self.table.selectRow(r)
        self.table.blockSignals(False)
        self._sync()

    def current(self) -> InterventionRow | None:
        items = self.table.selectedItems()
        if not items:
            return None
        wanted = items[0].data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == wanted), None)

    def _sync(self) -> None:
        actor = self.ctx.actor
        item = self.current()
        plan = actor.can(Permission.INTERVENTION_PLAN)
        has_request = self.request_id is not None
        is_open = item is not None and item.is_open
        own = item is not None and item.operator_id == actor.operator_id
        self.schedule_btn.setEnabled(has_request and plan)
        self.edit_btn.setEnabled(is_open and plan)
        may_work = plan or (own and actor.can(Permission.INTERVENTION_OWN))
        self.start_btn.setEnabled(item is not None and item.status == "planned" and may_work)
        self.complete_btn.setEnabled(is_open and may_work)
        self.cancel_btn.setEnabled(is_open and plan)
        self.print_btn.setEnabled(item is not None and item.planned_start is not None)
        self.report_btn.setEnabled(has_request and actor.can(Permission.REQUEST_NOTE))

    # -- actions ----------------------------------------------------------------------------------
    def schedule(self) -> None:
        from ..dialogs.schedule_dialog import ScheduleDialog

        if self.request_id is None:
            return
        ScheduleDialog(ctx=self.ctx, request_id=self.request_id, parent=self).exec()

    def edit(self) -> None:
        from ..dialogs.schedule_dialog import ScheduleDialog

        item = self.current()
        if item is None or not item.is_open:
            return
        ScheduleDialog(ctx=self.ctx, request_id=self.request_id, intervention_id=item.id,
                       parent=self).exec()

    def start(self) -> None:
        item = self.current()
        if item is None:
            return
        self.ctx.ops.run(self, interventions.start_intervention, item.id, item.version,
                         on_conflict=lambda _: self.refresh())

    def complete(self) -> None:
        from ..dialogs.schedule_dialog import CompleteDialog

        item = self.current()
        if item is None:
            return
        dialog = CompleteDialog(ctx=self.ctx, intervention_id=item.id, parent=self)
        dialog.exec()
        if dialog.step is not None and dialog.step.suggest_resolve:
            self.offer_resolve()

    def cancel(self) -> None:
        item = self.current()
        if item is None:
            return
        reason, ok = QInputDialog.getText(self, QCoreApplication.translate("Board", "Cancel intervention"),
                                          QCoreApplication.translate("Board", "Reason (optional):"))
        if not ok:
            return
        self.ctx.ops.run(self, interventions.cancel_intervention, item.id, item.version, reason,
                         on_conflict=lambda _: self.refresh())

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

    def _reload_editor(self, *_args) -> None:
        if hasattr(self.editor, "reload"):
            self.editor.reload()

    def _drafted_report(self, current: str) -> str:
        draft = reads.compose_final_report(self.request_id)
        if draft and draft not in current:
            return f"{current}\n\n{draft}".strip() if current else draft
        return current

    def compose_report(self) -> None:
        if self.request_id is None:
            return
        request = reads.request_brief(self.request_id)
        if request is None:
            return
        dialog = FinalReportDialog(self._drafted_report(request.final_report), parent=self)
        if dialog.exec() != FinalReportDialog.DialogCode.Accepted:
            return
        self.ctx.ops.run(self, interventions.save_final_report, request.id, request.version,
                         dialog.text(), on_success=self._reload_editor,
                         on_conflict=self._reload_editor)

    # -- the request follows its work: resolve once everything is done -----------------------------
    def offer_resolve(self) -> None:
        """Show the offer to resolve (it blocks nothing: the user may go on and answer later)."""
        if self.ctx.actor.can(Permission.REQUEST_EDIT):
            self.resolve_bar.show()
            self.ctx.bus.status_message.emit(QCoreApplication.translate(
                "Board", "All interventions are done — resolve the request?"))

    def resolve(self) -> bool:
        """The resolve step with the interventions' reports composed into the final report."""
        self.resolve_bar.hide()
        request = reads.request_brief(self.request_id) if self.request_id is not None else None
        if request is None or not request.is_open:
            return False
        dialog = FinalReportDialog(self._drafted_report(request.final_report), parent=self, resolving=True)
        if dialog.exec() != FinalReportDialog.DialogCode.Accepted:
            self.resolve_bar.show()
            return False
        outcome = self.ctx.ops.run(self, interventions.resolve_request, request.id, request.version,
                                   dialog.text(), on_success=self._reload_editor,
                                   on_conflict=self._reload_editor)
        if outcome is None:
            return False
        self.ctx.bus.status_message.emit(QCoreApplication.translate(
            "Board", "Request {number} resolved.").format(number=request.number))
        return True


class FinalReportDialog(PaintsHoldingLock, QDialog):
    """Edit the final report drafted from the interventions' reports (and, when resolving,
    resolve the request with it)."""

    def __init__(self, text: str, parent: QWidget | None = None, *, resolving: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("finalReportDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Resolve request") if resolving
                            else QCoreApplication.translate("Board", "Final report"))
        self.edit = QPlainTextEdit(text)
        self.edit.setObjectName("finalReportEdit")
        limit_text(self.edit, limits.limit("request", "final_report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        if resolving:
            buttons.button(QDialogButtonBox.StandardButton.Save).setText(
                QCoreApplication.translate("Board", "Resolve"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(QCoreApplication.translate(
            "Board", "Drafted from the reports of the completed interventions; edit before saving."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(640, 460)

    def text(self) -> str:
        return self.edit.toPlainText()
