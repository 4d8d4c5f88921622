"""Generate the visits of the maintenance plans for a horizon and list what was created (R-MNT-1)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from servicedesk.models import Operator, Party
from servicedesk.permissions import Permission
from servicedesk.services import maintenance, notices

from .. import fmt
from ..widgets.maintenance_page import plan_labels
from ..widgets.party_rows import RowsModel, make_table, run_safely


class GenerateVisitsDialog(QDialog):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maintenanceGenerateDialog")
        self.ctx = ctx
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
        self.run_button.setEnabled(ctx.actor.can(Permission.MAINTENANCE_EDIT))
        self.run_button.clicked.connect(self.run)
        row.addWidget(self.run_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("generateSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowsModel([QCoreApplication.translate("Maintenance", "Due"), QCoreApplication.translate("Maintenance", "Planned"),
                                QCoreApplication.translate("Maintenance", "Operator"), QCoreApplication.translate("Maintenance", "Customer"),
                                QCoreApplication.translate("Maintenance", "Request")], self)
        self.view = make_table(self.model, (90, 140, 160, 220), name="generateResult")
        self.view.doubleClicked.connect(self._open)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(820, 520)

    def run(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ok, result = run_safely(self, lambda: maintenance.generate(self.horizon.value()),
                                    plan_labels())
            if ok:
                run_safely(self, notices.build_notices)
        finally:
            QApplication.restoreOverrideCursor()
        if not ok:
            return
        ops = dict(Operator.select(Operator.id, Operator.full_name).tuples())
        ids = list({v.customer_id for v in result.created})
        customers = {}
        for i in range(0, len(ids), 900):
            customers.update(Party.select(Party.id, Party.name)
                             .where(Party.id.in_(ids[i:i + 900])).tuples())
        rows, colors = [], {}
        for i, v in enumerate(result.created[:5000]):
            who = ops.get(v.operator_id, "") if v.placed else QCoreApplication.translate("Maintenance", "no free slot: to place by hand")
            rows.append((v.request_id, fmt.date(v.due_date), fmt.datetime(v.start), who,
                         customers.get(v.customer_id, ""), v.request_number))
            if not v.placed:
                colors[i] = QColor("#b91c1c")
        self.model.set_rows(rows, colors)
        self.summary.setText(QCoreApplication.translate("Maintenance", "{plans} active plans: {new} visits created ({unplaced} without a free slot), {covered} already planned.").format(
            plans=result.plans, new=len(result.created), unplaced=len(result.unplaced),
            covered=result.covered))

    def _open(self, index) -> None:
        rid = self.model.id_at(index.row())
        if rid:
            self.ctx.bus.open_request.emit(rid)
