"""Parts of the contract editor that act at once on a saved contract: coverage (products and
units), the ticket ledger with the requests closed against it, the billing plan, renewal history.

Each panel shows what the editor read (``queries.contract_form.ContractView``) and writes through
the op runner with the ids and versions it shows; the change set of the write makes the editor
read the contract again, so the panels never guess what else changed.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from servicedesk.errors import ServiceDeskError, ValidationError
from servicedesk.queries.contract_form import ContractView, InstalmentRow, ProposalRow
from servicedesk.services import billing, renewals
from servicedesk.services import contracts as svc

from .. import fmt
from ..messages import error_text


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _item(text: str, data=None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class PanelBase(QWidget):
    """Shared plumbing: the editor gives the context, a messenger (warn/confirm) and the view."""

    def __init__(self, editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.view: ContractView | None = None

    @property
    def contract_id(self) -> int | None:
        return self.view.snapshot.id if self.view is not None else None

    def write(self, fn: Callable[..., Any], *args: Any,
              on_success: Callable[[Any], None] | None = None, **kwargs: Any) -> bool:
        """One write through the op runner. Invalid input is told in the editor's words; a
        conflict (the op runner says what changed) reads the contract again."""
        def refused(err: ServiceDeskError) -> bool:
            if not isinstance(err, ValidationError):
                return False  # conflict, permission, busy: the op runner tells them
            self.editor.warn(error_text(err))
            return True

        outcome = self.editor.ctx.ops.run(self, fn, *args, on_success=on_success,
                                          on_failure=refused,
                                          on_conflict=lambda _err: self.editor.refresh(),
                                          **kwargs)
        return outcome is not None

    def form_clean(self) -> bool:
        """Actions that move the contract itself (renew, expire) wait for the form to be saved
        or reverted: its version would be stale and the save refused."""
        if not self.editor.is_dirty():
            return True
        self.editor.warn(QCoreApplication.translate(
            "ContractPanels", "Save or revert your changes to the contract first."))
        return False


class CoveragePanel(PanelBase):
    """The products and the party's serial-numbered units the contract covers (R-CON-2)."""

    def __init__(self, editor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.products_label = QLabel(QCoreApplication.translate("ContractPanels", "Products covered"))
        self.products = QListWidget()
        self.products.setObjectName("contractProducts")
        self.units_label = QLabel(QCoreApplication.translate("ContractPanels", "Units (serial numbers) of the party"))
        self.units = QListWidget()
        self.units.setObjectName("contractUnits")
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.save_button = QPushButton(QCoreApplication.translate("ContractPanels", "Save coverage"))
        self.save_button.setObjectName("coverageSave")
        self.save_button.clicked.connect(self.save)
        for w in (self.products_label, self.products, self.units_label, self.units, self.hint):
            layout.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def set_view(self, view: ContractView | None, editable: bool) -> None:
        self.view = view
        self.products.clear()
        self.units.clear()
        self.save_button.setEnabled(view is not None and editable)
        if view is None:
            self.hint.setText(QCoreApplication.translate("ContractPanels", "Save the contract first."))
            return
        for target, items in ((self.products, view.products), (self.units, view.units)):
            for entry in items:
                item = QListWidgetItem(entry.label)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                item.setCheckState(Qt.CheckState.Checked if entry.checked
                                   else Qt.CheckState.Unchecked)
                target.addItem(item)
        self.hint.setText(QCoreApplication.translate("ContractPanels", "The party has no registered units.")
                          if not view.units else "")

    @staticmethod
    def _checked(widget: QListWidget) -> list[int]:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        if self.contract_id is None:
            return
        self.write(svc.set_coverage, self.contract_id, self._checked(self.products),
                   self._checked(self.units), on_success=lambda _c: self.editor.status(
                       QCoreApplication.translate("ContractPanels", "Coverage saved.")))


class TicketsPanel(PanelBase):
    """The ledger (R-CON-3): balance, top-up, movements and the requests closed against it."""

    def __init__(self, editor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        head = QHBoxLayout()
        self.balance_label = QLabel()
        self.balance_label.setObjectName("ticketBalance")
        self.balance_label.setWordWrap(True)
        self.topup_button = QPushButton(QCoreApplication.translate("ContractPanels", "Top up…"))
        self.topup_button.setObjectName("ticketTopUp")
        self.topup_button.clicked.connect(self.top_up)
        head.addWidget(self.balance_label, 1)
        head.addWidget(self.topup_button)
        layout.addLayout(head)
        layout.addWidget(QLabel(QCoreApplication.translate("ContractPanels", "Ledger")))
        self.ledger = _table([QCoreApplication.translate("ContractPanels", "Date"), QCoreApplication.translate("ContractPanels", "Movement"),
                              QCoreApplication.translate("ContractPanels", "Tickets"), QCoreApplication.translate("ContractPanels", "Note")])
        self.ledger.setObjectName("ticketLedger")
        layout.addWidget(self.ledger, 1)
        layout.addWidget(QLabel(QCoreApplication.translate("ContractPanels", "Requests closed against the contract")))
        self.requests = _table([QCoreApplication.translate("ContractPanels", "Request"), QCoreApplication.translate("ContractPanels", "Closed"),
                                QCoreApplication.translate("ContractPanels", "Subject")])
        self.requests.setObjectName("ticketRequests")
        self.requests.itemDoubleClicked.connect(self._open_request)
        layout.addWidget(self.requests, 1)
        self._kinds = {
            "initial": QCoreApplication.translate("ContractPanels", "initial"), "topup": QCoreApplication.translate("ContractPanels", "top-up"),
            "renewal": QCoreApplication.translate("ContractPanels", "renewal"), "debit": QCoreApplication.translate("ContractPanels", "request"),
            "reversal": QCoreApplication.translate("ContractPanels", "reversal"), "adjust": QCoreApplication.translate("ContractPanels", "adjustment"),
        }

    def set_view(self, view: ContractView | None, editable: bool) -> None:
        self.view = view
        self.topup_button.setEnabled(view is not None and editable)
        self.ledger.setRowCount(0)
        self.requests.setRowCount(0)
        if view is None:
            self.balance_label.setText(QCoreApplication.translate("ContractPanels", "Save the contract first."))
            return
        bal = view.balance
        text = QCoreApplication.translate("ContractPanels", "Available {a} · used {u} · remaining {r}").format(
            a=bal.available, u=bal.used, r=bal.remaining)
        low = bal.available > 0 and bal.remaining <= view.snapshot.ticket_low_threshold
        if low:
            text += "  ⚠ " + QCoreApplication.translate("ContractPanels", "low balance")
        self.balance_label.setText(text)
        self.balance_label.setProperty("role", "error" if low else "")
        self.balance_label.style().unpolish(self.balance_label)
        self.balance_label.style().polish(self.balance_label)
        self.ledger.setRowCount(len(view.ledger))
        for r, m in enumerate(view.ledger):
            qty = f"+{m.quantity}" if m.quantity > 0 else str(m.quantity)
            self.ledger.setItem(r, 0, _item(fmt.date(m.at.date())))
            self.ledger.setItem(r, 1, _item(self._kinds.get(m.kind, m.kind)))
            self.ledger.setItem(r, 2, _item(qty, right=True))
            self.ledger.setItem(r, 3, _item(m.note))
        self.requests.setRowCount(len(view.closed_requests))
        for r, req in enumerate(view.closed_requests):
            self.requests.setItem(r, 0, _item(req.number, req.id))
            self.requests.setItem(r, 1, _item(fmt.date(req.closed_at.date()) if req.closed_at else ""))
            self.requests.setItem(r, 2, _item(req.subject))
        self.ledger.resizeColumnsToContents()
        self.requests.resizeColumnsToContents()

    def top_up(self) -> None:
        if self.contract_id is None:
            return
        qty, ok = QInputDialog.getInt(self, QCoreApplication.translate("ContractPanels", "Top up tickets"),
                                      QCoreApplication.translate("ContractPanels", "Tickets to add:"), 5, 1, 100000)
        if ok:
            self.write(svc.top_up, self.contract_id, qty,
                       QCoreApplication.translate("ContractPanels", "top-up"))

    def _open_request(self, item: QTableWidgetItem) -> None:
        request_id = self.requests.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        if request_id:
            self.editor.ctx.bus.open_request.emit(int(request_id))


class BillingPanel(PanelBase):
    """The billing plan (R-CON-5): instalments of every term, edit, mark paid, regenerate."""

    def __init__(self, editor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check_label = QLabel()
        self.check_label.setObjectName("billingCheck")
        self.check_label.setWordWrap(True)
        layout.addWidget(self.check_label)
        self.table = _table([QCoreApplication.translate("ContractPanels", "Term"), QCoreApplication.translate("ContractPanels", "No."),
                             QCoreApplication.translate("ContractPanels", "Due"), QCoreApplication.translate("ContractPanels", "Amount"),
                             QCoreApplication.translate("ContractPanels", "Paid on"), QCoreApplication.translate("ContractPanels", "Note")])
        self.table.setObjectName("billingPlan")
        self.table.itemDoubleClicked.connect(lambda _i: self.edit())
        self.table.setMinimumHeight(160)
        layout.addWidget(self.table, 1)
        buttons = QGridLayout()
        self.edit_button = QPushButton(QCoreApplication.translate("ContractPanels", "Edit…"))
        self.paid_button = QPushButton(QCoreApplication.translate("ContractPanels", "Paid…"))
        self.unpaid_button = QPushButton(QCoreApplication.translate("ContractPanels", "Not paid"))
        self.add_button = QPushButton(QCoreApplication.translate("ContractPanels", "Add…"))
        self.delete_button = QPushButton(QCoreApplication.translate("ContractPanels", "Delete"))
        self.regen_button = QPushButton(QCoreApplication.translate("ContractPanels", "Regenerate"))
        self.regen_button.setToolTip(QCoreApplication.translate("ContractPanels", "Rebuild the plan of the current term "
                                                         "from the amount and the settings above"))
        self.edit_button.clicked.connect(self.edit)
        self.paid_button.clicked.connect(self.mark_paid)
        self.unpaid_button.clicked.connect(self.mark_unpaid)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self.regen_button.clicked.connect(self.regenerate)
        self._buttons = (self.edit_button, self.paid_button, self.unpaid_button, self.add_button,
                         self.delete_button, self.regen_button)
        for name, b in zip(("instalmentEdit", "instalmentPaid", "instalmentUnpaid",
                            "instalmentAdd", "instalmentDelete", "planRegenerate"), self._buttons):
            b.setObjectName(name)
        # two short rows: the dock is narrow
        for i, b in enumerate(self._buttons):
            buttons.addWidget(b, i // 3, i % 3)
        buttons.setColumnStretch(3, 1)
        layout.addLayout(buttons)
        self._rows: list[InstalmentRow] = []

    def set_view(self, view: ContractView | None, editable: bool) -> None:
        self.view = view
        for b in self._buttons:
            b.setEnabled(view is not None and editable)
        selected = self._selected_id()
        self.table.setRowCount(0)
        self._rows = []
        if view is None:
            self.check_label.setText(QCoreApplication.translate("ContractPanels", "Save the contract first."))
            return
        self._rows = list(view.instalments)
        money = view.money
        self.table.setColumnHidden(3, not money)  # amounts: only for who may see money
        self.table.setRowCount(len(self._rows))
        today = view.today
        for r, inst in enumerate(self._rows):
            self.table.setItem(r, 0, _item(str(inst.term_no), inst.id))
            self.table.setItem(r, 1, _item(str(inst.seq)))
            due = _item(fmt.date(inst.due_date))
            if inst.paid_on is None and inst.due_date < today:
                due.setForeground(Qt.GlobalColor.red)
                due.setToolTip(QCoreApplication.translate("ContractPanels", "Overdue"))
            self.table.setItem(r, 2, due)
            self.table.setItem(r, 3, _item("—" if inst.amount is None else fmt.euro(inst.amount),
                                           right=True))
            self.table.setItem(r, 4, _item(fmt.date(inst.paid_on)))
            self.table.setItem(r, 5, _item(inst.note))
        self.table.resizeColumnsToContents()
        keep = next((r for r, i in enumerate(self._rows) if i.id == selected), None)
        if keep is not None:  # the row the user worked on stays selected after a write
            self.table.selectRow(keep)
        else:
            current = [i for i in self._rows if i.term_no == view.snapshot.term_no]
            if current:
                self.table.scrollToItem(self.table.item(self._rows.index(current[0]), 0))
        term_rows = [i for i in self._rows if i.term_no == view.snapshot.term_no]
        chk = view.plan_check
        if chk is None:  # no money: how many, not how much
            self.check_label.setText(QCoreApplication.translate(
                "ContractPanels", "Current term: {n} instalments.").format(n=len(term_rows)))
            self.check_label.setProperty("role", "hint")
        else:
            if chk.count == 0:
                text = QCoreApplication.translate("ContractPanels", "No instalments for the current term.")
                bad = chk.amount > 0
            elif chk.balanced:
                text = QCoreApplication.translate("ContractPanels", "Current term: {n} instalments, total {t} = amount.").format(
                    n=chk.count, t=fmt.euro(chk.total))
                bad = False
            else:
                text = QCoreApplication.translate("ContractPanels", "Current term: instalments total {t}, contract amount {a} "
                                                  "(difference {d}).").format(
                    t=fmt.euro(chk.total), a=fmt.euro(chk.amount), d=fmt.euro(chk.difference))
                bad = True
            self.check_label.setText(("⚠ " if bad else "") + text)
            self.check_label.setProperty("role", "error" if bad else "hint")
        self.check_label.style().unpolish(self.check_label)
        self.check_label.style().polish(self.check_label)

    def _selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def selected(self) -> InstalmentRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rows):
            return self._rows[row]
        self.editor.warn(QCoreApplication.translate("ContractPanels", "Select an instalment first."))
        return None

    def edit(self) -> None:
        inst = self.selected()
        if inst is None:
            return
        from ..dialogs.contract_instalment import InstalmentDialog

        dialog = InstalmentDialog(inst.due_date, inst.amount, inst.note, parent=self)
        if not dialog.exec():
            return
        try:
            due, amount, note = dialog.values()
        except ValueError:
            self.editor.warn(QCoreApplication.translate("ContractPanels", "The amount is not a valid number."))
            return
        self.write(billing.update_instalment, inst.id, inst.version, due_date=due, amount=amount,
                   note=note)

    def mark_paid(self) -> None:
        inst = self.selected()
        if inst is None:
            return
        from ..dialogs.contract_instalment import PaidDialog

        dialog = PaidDialog(parent=self)
        if dialog.exec():
            self.write(billing.set_paid, inst.id, inst.version, dialog.value())

    def mark_unpaid(self) -> None:
        inst = self.selected()
        if inst is not None:
            self.write(billing.set_paid, inst.id, inst.version, None)

    def add(self) -> None:
        if self.view is None:
            return
        from ..dialogs.contract_instalment import InstalmentDialog

        dialog = InstalmentDialog(self.view.today, None, "", parent=self)
        if not dialog.exec():
            return
        try:
            due, amount, _note = dialog.values()
        except ValueError:
            self.editor.warn(QCoreApplication.translate("ContractPanels", "The amount is not a valid number."))
            return
        self.write(billing.add_instalment, self.contract_id, due,
                   amount if amount is not None else 0)

    def delete(self) -> None:
        inst = self.selected()
        if inst is None or not self.editor.confirm(QCoreApplication.translate("ContractPanels", "Delete this instalment?")):
            return
        self.write(billing.delete_instalment, inst.id, inst.version)

    def regenerate(self) -> None:
        if self.contract_id is None:
            return
        if self.editor.is_dirty():
            self.editor.warn(QCoreApplication.translate("ContractPanels", "Save the contract first: the plan is built from "
                                                 "the saved amount and settings."))
            return
        if not self.editor.confirm(QCoreApplication.translate("ContractPanels", "Replace the instalments of the current "
                                                       "term with a new plan?")):
            return
        self.write(billing.regenerate, self.contract_id)


class RenewalHistoryPanel(PanelBase):
    """The pending proposal (accept/reject) and the renewal history with the formula used."""

    def __init__(self, editor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.proposal_label = QLabel()
        self.proposal_label.setObjectName("renewalProposal")
        self.proposal_label.setWordWrap(True)
        layout.addWidget(self.proposal_label)
        row = QHBoxLayout()
        self.accept_button = QPushButton(QCoreApplication.translate("ContractPanels", "Accept proposal…"))
        self.accept_button.setObjectName("acceptProposal")
        self.reject_button = QPushButton(QCoreApplication.translate("ContractPanels", "Reject"))
        self.reject_button.setObjectName("rejectProposal")
        self.accept_button.clicked.connect(self.accept)
        self.reject_button.clicked.connect(self.reject)
        self.without_istat_button = QPushButton(QCoreApplication.translate("ContractPanels", "Renew without ISTAT…"))
        self.without_istat_button.setObjectName("renewWithoutIstat")
        self.without_istat_button.setToolTip(QCoreApplication.translate(
            "ContractPanels", "The ISTAT figure this renewal needs is not published yet: renew "
                              "now without it (recorded with the renewal)"))
        self.without_istat_button.clicked.connect(self.renew_without_istat)
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        row.addWidget(self.without_istat_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = _table([QCoreApplication.translate("ContractPanels", "Term"), QCoreApplication.translate("ContractPanels", "Status"),
                             QCoreApplication.translate("ContractPanels", "New term"), QCoreApplication.translate("ContractPanels", "Old amount"),
                             QCoreApplication.translate("ContractPanels", "New amount"), QCoreApplication.translate("ContractPanels", "Formula")])
        self.table.setObjectName("renewalHistory")
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table, 1)
        self._proposal: ProposalRow | None = None
        self._status = {
            "done": QCoreApplication.translate("ContractPanels", "renewed"), "proposed": QCoreApplication.translate("ContractPanels", "proposed"),
            "accepted": QCoreApplication.translate("ContractPanels", "accepted"), "rejected": QCoreApplication.translate("ContractPanels", "rejected"),
            "expired": QCoreApplication.translate("ContractPanels", "unanswered"),
        }

    def set_view(self, view: ContractView | None, editable: bool) -> None:
        self.view = view
        self.table.setRowCount(0)
        self._proposal = None
        rows = view.history if view is not None else ()
        outlook = view.outlook if view is not None else None
        money = view is not None and view.money
        for column in (3, 4, 5):  # old and new amount, formula
            self.table.setColumnHidden(column, not money)
        state = outlook.state if outlook else ""
        if state in ("proposed", "unanswered"):
            self._proposal = outlook.proposal
        self.accept_button.setVisible(self._proposal is not None)
        self.reject_button.setVisible(state == "proposed")
        self.without_istat_button.setVisible(state == "waiting")
        for b in (self.accept_button, self.reject_button, self.without_istat_button):
            b.setEnabled(editable)
        self.proposal_label.setText(self._proposal_text(outlook) if outlook else "")
        self.table.setRowCount(len(rows))
        for r, h in enumerate(rows):
            self.table.setItem(r, 0, _item(str(h.from_term_no)))
            self.table.setItem(r, 1, _item(self._status.get(h.status, h.status)))
            self.table.setItem(r, 2, _item(f"{fmt.date(h.new_term_start)} – {fmt.date(h.new_term_end)}"))
            self.table.setItem(r, 3, _item(fmt.euro(h.old_amount) if money else "—", right=True))
            self.table.setItem(r, 4, _item(fmt.euro(h.new_amount) if money else "—", right=True))
            self.table.setItem(r, 5, _item(self.formula(h) if money else ""))
        self.table.resizeColumnsToContents()

    def _proposal_text(self, outlook) -> str:
        state = outlook.state
        p = self._proposal
        if p is not None:
            if p.new_amount is None:  # an operator who may not see money (#14)
                text = QCoreApplication.translate(
                    "ContractPanels", "Renewal proposal: new term {s} – {e}.").format(
                    s=fmt.date(p.new_term_start), e=fmt.date(p.new_term_end))
            else:
                text = QCoreApplication.translate(
                    "ContractPanels", "Renewal proposal: new term {s} – {e}, amount {a} (was {o}).").format(
                    s=fmt.date(p.new_term_start), e=fmt.date(p.new_term_end),
                    a=fmt.euro(p.new_amount), o=fmt.euro(p.old_amount))
            if state == "proposed":
                text += " " + QCoreApplication.translate(
                    "ContractPanels", "Pending since {d}: accepted, the contract renews on {n}; "
                                      "rejected or unanswered by {e}, it expires.").format(
                    d=fmt.date(p.processed_on), n=fmt.date(p.new_term_start),
                    e=fmt.date(p.old_term_end))
            else:
                text += " " + QCoreApplication.translate(
                    "ContractPanels", "Unanswered when the term ended: accepting it now still "
                                      "renews the contract from {n}.").format(
                    n=fmt.date(p.new_term_start))
            if outlook.period is not None:
                text += " " + QCoreApplication.translate(
                    "ContractPanels", "The ISTAT FOI figure of {p} was not published when it "
                                      "was made: the amount leaves it out.").format(
                    p=outlook.period.label)
            return text
        if state == "accepted":
            return QCoreApplication.translate(
                "ContractPanels", "Proposal accepted: the contract renews on {d}.").format(
                d=fmt.date(outlook.on))
        if state == "rejected":
            return QCoreApplication.translate(
                "ContractPanels", "Proposal rejected: the contract ends on {e}.").format(
                e=fmt.date(outlook.on))
        if state == "waiting":
            return QCoreApplication.translate(
                "ContractPanels", "The term is over and the renewal waits for the ISTAT FOI figure "
                                  "of {p}. Add it (Contracts ▸ ISTAT FOI index) and run the "
                                  "renewals, or renew without it.").format(
                p=outlook.period.label)
        if state == "proposal_due":
            return QCoreApplication.translate(
                "ContractPanels", "The renewal will be proposed on {d}.").format(
                d=fmt.date(outlook.on))
        return QCoreApplication.translate("ContractPanels", "No renewal proposal awaiting a decision.")

    @staticmethod
    def formula(h) -> str:
        """The formula in the UI's number format, from the figures kept with the renewal."""
        from .contract_fields import format_pct

        if h.istat_year is None:
            return (f"{fmt.euro(h.old_amount)} × (1 + {format_pct(h.change_pct)}%) = "
                    f"{fmt.euro(h.new_amount)}")
        period = (QCoreApplication.translate("ContractPanels", "{y} average").format(y=h.istat_year)
                  if h.istat_month is None else
                  QCoreApplication.translate("ContractPanels", "12 months to {m:02d}/{y}").format(m=h.istat_month,
                                                                          y=h.istat_year))
        if h.istat_change_pct is not None:
            istat = QCoreApplication.translate("ContractPanels", "ISTAT FOI {y} {p}%").format(
                y=period, p=format_pct(h.istat_change_pct))
        elif h.istat_waived:
            istat = QCoreApplication.translate("ContractPanels", "ISTAT FOI {y} not published: renewed without it").format(y=period)
        else:
            istat = QCoreApplication.translate("ContractPanels", "ISTAT FOI {y} not yet published").format(y=period)
        text = (f"{fmt.euro(h.old_amount)} × (1 + {format_pct(h.change_pct)}% + "
                f"{format_pct(h.istat_share_pct)}% × {istat}) = ")
        agreed = h.agreed
        return text + (QCoreApplication.translate("ContractPanels", "{a} (agreed)").format(a=fmt.euro(h.new_amount))
                       if agreed else fmt.euro(h.new_amount))

    def accept(self) -> None:
        p = self._proposal
        if p is None or self.view is None or not self.form_clean():
            return
        from .contract_fields import format_amount, format_pct, parse_amount

        period = self.view.outlook.period
        change = self.view.istat_figures.get(period) if period is not None else None
        prompt = QCoreApplication.translate("ContractPanels", "Amount of the new term (as proposed, or as agreed):")
        if period is not None and change is None:
            prompt = QCoreApplication.translate(
                "ContractPanels", "The ISTAT FOI figure of {p} is still not published: the "
                                  "amount below leaves it out. Accept it as agreed with the "
                                  "party, or cancel and wait for the figure.").format(
                p=period.label) + "\n\n" + prompt
        elif period is not None:
            prompt = QCoreApplication.translate(
                "ContractPanels", "The ISTAT FOI figure of {p} ({c}%) is now published: leave the "
                                  "amount empty to apply it.").format(
                p=period.label, c=format_pct(change)) + "\n\n" + prompt
        text, ok = QInputDialog.getText(
            self, QCoreApplication.translate("ContractPanels", "Accept renewal proposal"), prompt,
            text="" if change is not None else format_amount(p.new_amount))
        if not ok:
            return
        try:
            amount = parse_amount(text)
        except ValueError:
            self.editor.warn(QCoreApplication.translate("ContractPanels", "The amount is not a valid number."))
            return
        self.write(renewals.accept_proposal, p.id, p.version, amount)

    def renew_without_istat(self) -> None:
        view = self.view
        if view is None or view.outlook.period is None or not self.form_clean():
            return
        c = view.snapshot
        if not self.editor.confirm(QCoreApplication.translate(
                "ContractPanels", "Renew now without the ISTAT FOI figure of {p}? The new term "
                                  "starts on {d}; the renewal records that the figure was "
                                  "left out by choice.").format(
                p=view.outlook.period.label, d=fmt.date(c.term_end + dt.timedelta(days=1)))):
            return
        self.write(renewals.renew_without_istat, c.id, c.version)

    def reject(self) -> None:
        p = self._proposal
        if p is None or not self.form_clean() or not self.editor.confirm(QCoreApplication.translate(
                "ContractPanels", "Reject the proposal? The contract expires at the end of its term.")):
            return
        self.write(renewals.reject_proposal, p.id, p.version)
