"""Generate the visits of the maintenance plans for a horizon and list what was created
(R-MNT-1). The generation (thousands of visits on a large database) runs on a worker."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from servicedesk import uow
from servicedesk.errors import ServiceDeskError
from servicedesk.permissions import Permission
from servicedesk.queries import maintenance as mq
from servicedesk.services import maintenance, notices

from .. import fmt
from ..models.paged import Column
from ..widgets.party_rows import RowList, make_table
from ..workers import Worker
from ..interpreter import PaintsHoldingLock

SHOWN = 5000  # visits listed at most (the summary counts them all)


@dataclass(frozen=True)
class CreatedVisit:
    id: int  # the request
    due_date: object
    start: object
    operator_id: int | None
    placed: bool
    customer: str
    request_number: str


def generate_and_notify(horizon_days: int) -> tuple[maintenance.GenerationResult, list[CreatedVisit]]:
    """On a worker: generate the visits, queue their notices, read what the list shows."""
    result = uow.perform(maintenance.generate, horizon_days).result
    uow.perform(notices.build_notices)
    created = result.created[:SHOWN]
    customers = mq.customer_names([v.customer_id for v in created])
    rows = [CreatedVisit(v.request_id, v.due_date, v.start, v.operator_id, v.placed,
                         customers.get(v.customer_id, ""), v.request_number)
            for v in created if v.request_id]
    return result, rows


class GenerateVisitsDialog(PaintsHoldingLock, QDialog):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maintenanceGenerateDialog")
        self.ctx = ctx
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self.setWindowTitle(QCoreApplication.translate("Maintenance", "Generate maintenance visits"))
        layout = QVBoxLayout(self)
        intro = QLabel(QCoreApplication.translate("Maintenance", "Creates the visits due within the horizon for every active plan and places them on the team board in the first free slot. Running it again creates no duplicates."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("Maintenance", "Horizon")))
        self.horizon = QSpinBox()
        self.horizon.setObjectName("generateHorizon")
        self.horizon.setRange(1, 366)
        self.horizon.setValue(maintenance.DEFAULT_HORIZON_DAYS)
        self.horizon.setSuffix(" " + QCoreApplication.translate("Maintenance", "days"))
        row.addWidget(self.horizon)
        self.run_button = QPushButton(QCoreApplication.translate("Maintenance", "Generate"))
        self.run_button.setObjectName("generateRun")
        self.run_button.setDefault(True)
        self.can_run = ctx.actor.can(Permission.MAINTENANCE_EDIT)
        self.run_button.setEnabled(self.can_run)
        self.run_button.clicked.connect(self.run)
        row.addWidget(self.run_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("generateSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        lookups = ctx.lookups()
        unplaced = QCoreApplication.translate("Maintenance", "no free slot: to place by hand")

        def who(v: CreatedVisit) -> str:
            if not v.placed:
                return unplaced
            op = lookups.operator(v.operator_id)
            return op.full_name if op else ""

        self.model = RowList([
            Column("due", lambda: QCoreApplication.translate("Maintenance", "Due"), lambda v: fmt.date(v.due_date)),
            Column("planned", lambda: QCoreApplication.translate("Maintenance", "Planned"), lambda v: fmt.datetime(v.start) if v.start else ""),
            Column("operator", lambda: QCoreApplication.translate("Maintenance", "Operator"), who),
            Column("customer", lambda: QCoreApplication.translate("Maintenance", "Customer"), lambda v: v.customer),
            Column("request", lambda: QCoreApplication.translate("Maintenance", "Request"), lambda v: v.request_number)],
            self, colour=lambda v: None if v.placed else QColor("#b91c1c"))
        self.view = make_table(self.model, (90, 140, 160, 220), name="generateResult")
        self.view.doubleClicked.connect(self._open)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(820, 520)

    def run(self) -> None:
        if not self.can_run or self.worker.is_running("generate"):
            return
        self.run_button.setEnabled(False)
        self.summary.setText(QCoreApplication.translate("Maintenance", "Generating the visits…"))
        self.worker.run(generate_and_notify, self.horizon.value(), on_done=self._done,
                        on_error=self._failed, key="generate")

    def _done(self, payload) -> None:
        result, rows = payload
        self.run_button.setEnabled(self.can_run)
        self.model.set_rows(rows)
        self.summary.setText(QCoreApplication.translate("Maintenance", "{plans} active plans: {new} visits created ({unplaced} without a free slot), {covered} already planned.").format(
            plans=result.plans, new=len(result.created), unplaced=len(result.unplaced),
            covered=result.covered))

    def _failed(self, err: BaseException) -> None:
        self.run_button.setEnabled(self.can_run)
        self.summary.setText("")
        if not isinstance(err, ServiceDeskError):
            raise err
        self.ctx.ops.report(self, err)

    def _open(self, index) -> None:
        rid = self.model.id_at(index.row())
        if rid:
            self.ctx.bus.open_request.emit(rid)

    def done(self, result: int) -> None:  # noqa: D401 - Qt's close: stop waiting for the worker
        self.worker.cancel_all()
        super().done(result)
