"""The office's default lead of renewal proposals (R-CON-4, #15): days before the term end."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ..widgets.contract_fields import OptionalSpin
from ..interpreter import PaintsHoldingLock


class ProposalDaysDialog(PaintsHoldingLock, QDialog):
    def __init__(self, days: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalDaysDialog")
        self.setWindowTitle(self.tr("Renewal proposals"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Contracts renewed on proposal: the renewal run makes the "
                               "proposal this many days before the term ends, so the party "
                               "answers while the contract still runs. A contract may set its "
                               "own number of days (Renewal tab)."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        form = QFormLayout()
        self.days = OptionalSpin(self.tr("each contract's notice period"), 3650)
        self.days.setObjectName("proposalDays")
        self.days.setSuffix(self.tr(" days before the end"))
        self.days.set_value(days)
        form.addRow(self.tr("Propose"), self.days)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, 180)

    def value(self) -> int | None:
        return self.days.value_or_none()
