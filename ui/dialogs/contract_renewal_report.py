"""What the renewal run did: one line per contract renewed, proposed or expired (R-CON-4)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from servicedesk.permissions import sees_money
from servicedesk.services.istat import Period
from servicedesk.services.renewals import RunResult

from .. import fmt
from ..interpreter import PaintsHoldingLock


class RenewalReportDialog(PaintsHoldingLock, QDialog):
    open_contract = Signal(int)

    def __init__(self, result: RunResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renewalReport")
        self.setWindowTitle(self.tr("Contract renewals"))
        actions = {"renewed": self.tr("renewed"), "proposed": self.tr("proposal created"),
                   "expired": self.tr("expired"), "error": self.tr("not processed"),
                   "waiting": self.tr("waiting")}
        reasons = {"notice": self.tr("notice given in time"),
                   "max_renewals": self.tr("maximum renewals reached"),
                   "not_renewable": self.tr("not renewable"),
                   "late_notice": self.tr("notice given late: effective at the next expiry"),
                   "proposal_accepted": self.tr("proposal accepted"),
                   "rejected": self.tr("proposal rejected"),
                   "unanswered": self.tr("proposal unanswered at the end of the term"),
                   "no_proposal": self.tr("no proposal was made before the end of the term")}
        layout = QVBoxLayout(self)
        text = self.tr("Run of %1: %2 renewed, %3 proposals created, %4 expired.")
        if result.count("error"):
            text += " " + self.tr("%1 not processed.").replace("%1", str(result.count("error")))
        if result.waiting:
            text += " " + self.tr("%1 waiting for an ISTAT figure.").replace(
                "%1", str(len(result.waiting)))
        summary = QLabel(text
                         .replace("%1", fmt.date(result.today))
                         .replace("%2", str(result.count("renewed")))
                         .replace("%3", str(result.count("proposed")))
                         .replace("%4", str(result.count("expired"))))
        summary.setObjectName("renewalSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        items = result.items + result.waiting
        self.table = QTableWidget(min(len(items), 5000), 7)
        self.table.setObjectName("renewalItems")
        self.table.setHorizontalHeaderLabels([
            self.tr("Contract"), self.tr("Party"), self.tr("Action"), self.tr("Term ended"),
            self.tr("New term ends"), self.tr("Amount"), self.tr("Why")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        money = sees_money()  # the run works as the system: its result holds every amount
        self.table.setColumnHidden(5, not money)
        for r, item in enumerate(items[:5000]):
            amount = ""
            if money and item.new_amount is not None:
                amount = f"{fmt.euro(item.old_amount)} → {fmt.euro(item.new_amount)}"
            why = reasons.get(item.reason, "")
            if item.action == "error":
                why = self.tr("the contract's data needs fixing (%1)").replace("%1", item.reason)
            elif item.reason in ("istat_missing", "istat_pending"):
                label = Period.from_code(item.detail).label if item.detail else ""
                why = (self.tr("ISTAT FOI figure of %1 missing: add it, or renew without it")
                       if item.reason == "istat_missing" else
                       self.tr("ISTAT FOI figure of %1 not yet published: the amount leaves "
                               "it out")).replace("%1", label)
            cells = [item.number, item.party, actions.get(item.action, item.action),
                     fmt.date(item.old_term_end), fmt.date(item.new_term_end), amount, why]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.contract_id)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self.table.itemDoubleClicked.connect(
            lambda cell: self.open_contract.emit(int(cell.data(Qt.ItemDataRole.UserRole))))
        layout.addWidget(self.table, 1)
        if not items:
            empty = QLabel(self.tr("No contract had a term to renew."))
            empty.setProperty("role", "hint")
            layout.addWidget(empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 420 if items else 180)
