"""Complete an intervention: actual times, the report, and the time logged in the work log (R-REQ-3, R-LOG-1)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from servicedesk import clock, limits
from servicedesk.queries import interventions as reads
from servicedesk.queries import worklogs as worklog_reads
from servicedesk.services import interventions, worklogs
from servicedesk.services.interventions import Step

from .. import fmt
from ..widgets.board_common import confirm_overlap, run_confirmed
from ..widgets.limited_text import limit_text
from ..interpreter import PaintsHoldingLock


class CompleteDialog(PaintsHoldingLock, QDialog):
    """Record actual start/end and the report; optionally log the time in the work log.
    ``step`` holds what the completion left (``suggest_resolve``: it was the last open one)."""

    def __init__(self, *, ctx, intervention_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.intervention = reads.intervention(intervention_id)
        self.step: Step | None = None
        self.setObjectName("completeDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Complete intervention"))
        self.start = QDateTimeEdit()
        self.start.setObjectName("actualStartEdit")
        self.end = QDateTimeEdit()
        self.end.setObjectName("actualEndEdit")
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.report = QPlainTextEdit()
        self.report.setObjectName("reportEdit")
        limit_text(self.report, limits.limit("intervention", "report"))
        self.report.setPlaceholderText(QCoreApplication.translate("Board", "What was found and what was done"))
        self.log_work = QCheckBox(QCoreApplication.translate("Board", "Also log this time in the work log"))
        self.log_work.setObjectName("logWorkCheck")
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Board", "Actual start"), self.start)
        form.addRow(QCoreApplication.translate("Board", "Actual end"), self.end)
        form.addRow(QCoreApplication.translate("Board", "Report"), self.report)
        form.addRow("", self.log_work)
        # R-X-7: the customer signs the report on screen right after completing (#16)
        self.sign = QCheckBox(QCoreApplication.translate("Board", "The customer signs on screen now"))
        self.sign.setObjectName("signNowCheck")
        form.addRow("", self.sign)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("Board", "Complete"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 400)
        self._show()

    def _show(self) -> None:
        item = self.intervention
        if item is None:
            return
        now = clock.now()
        begin = item.actual_start or item.planned_start or now
        finish = item.planned_end or now
        if begin > now:
            begin = now - dt.timedelta(hours=1)
        if finish > now or finish <= begin:
            finish = max(now, begin + dt.timedelta(minutes=15)) if begin < now else begin + dt.timedelta(hours=1)
        self.start.setDateTime(fmt.qdatetime(begin))
        self.end.setDateTime(fmt.qdatetime(finish))
        if not self.report.toPlainText():
            self.report.setPlainText(item.report)
        self.log_work.setChecked(item.operator_id is not None)
        self.log_work.setEnabled(item.operator_id is not None)

    def _reload(self, *_args) -> None:
        self.intervention = reads.intervention(self.intervention.id)
        if self.intervention is None or not self.intervention.is_open:
            self.reject()
            return
        self._show()

    def save(self) -> None:
        if self.intervention is None:
            self.reject()
            return
        begin, finish = fmt.pydatetime(self.start.dateTime()), fmt.pydatetime(self.end.dateTime())
        outcome = self.ctx.ops.run(self, interventions.complete_intervention, self.intervention.id,
                                   self.intervention.version, actual_start=begin, actual_end=finish,
                                   report=self.report.toPlainText(), on_conflict=self._reload)
        if outcome is None:
            return
        self.step = outcome.result
        if self.log_work.isChecked():
            self._log()
        self.accept()
        if self.sign.isChecked():
            from .signature_dialog import SignatureDialog

            SignatureDialog(ctx=self.ctx, intervention_id=self.intervention.id,
                            parent=self.parentWidget()).exec()

    def _log(self) -> None:
        data = worklog_reads.from_intervention(self.intervention.id)
        run_confirmed(self.ctx, self, worklogs.create, self.intervention.request_id, data,
                      confirm=lambda err: confirm_overlap(self, err),
                      title=QCoreApplication.translate(
                          "Board", "The intervention was completed, but the work log was not written"))
