"""Dialogs of the billing plan: edit one instalment, mark it paid."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from servicedesk import clock
from servicedesk import limits

from ..widgets.contract_fields import AmountEdit, DateEdit
from ..widgets.limited_text import limit_text
from ..interpreter import PaintsHoldingLock


class InstalmentDialog(PaintsHoldingLock, QDialog):
    def __init__(self, due: dt.date, amount: Decimal | None, note: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Instalment"))
        form = QFormLayout(self)
        self.due = DateEdit()
        self.due.set_value(due)
        self.amount = AmountEdit()
        self.amount.set_value(amount)
        self.note = QLineEdit(note)
        limit_text(self.note, limits.limit("instalment", "note"))
        form.addRow(self.tr("Due date"), self.due)
        form.addRow(self.tr("Amount (€)"), self.amount)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(340)

    def values(self) -> tuple[dt.date, Decimal | None, str]:
        """(due date, amount, note); raises ValueError when the amount is not a number."""
        return self.due.value(), self.amount.value(), self.note.text()


class PaidDialog(PaintsHoldingLock, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Instalment paid"))
        form = QFormLayout(self)
        self.date = DateEdit()
        self.date.set_value(clock.today())
        form.addRow(self.tr("Paid on"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> dt.date:
        return self.date.value()
