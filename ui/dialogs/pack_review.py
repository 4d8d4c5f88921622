"""The merge's review: each field changed on both sides, with base, office and laptop values;
the user keeps one side per field (#16)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from servicedesk.packs.merge import DELETED_IN_OFFICE, DELETED_ON_LAPTOP, LAPTOP, OFFICE, Conflict

from ..pack_labels import field_name, table_name, value_text
from ..widgets.request_labels import status_name
from ..interpreter import PaintsHoldingLock

ELIDE = 60


def _shown(conflict: Conflict, value) -> str:
    if conflict.field == "status" and isinstance(value, str):
        return status_name(value)
    text = value_text(value)
    return text if len(text) <= ELIDE else text[:ELIDE - 1] + "…"


class PackReviewDialog(PaintsHoldingLock, QDialog):
    """Decide ``conflicts`` (their ``decision`` is set when the dialog is accepted)."""

    COLUMNS = 6

    def __init__(self, conflicts: list[Conflict], *, operator: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.setObjectName("packReviewDialog")
        self.setWindowTitle(self.tr("Review the conflicts"))
        intro = QLabel(self.tr("These fields were changed both in the office and on the laptop "
                               "of %1 since the pack was prepared. Choose, field by field, the "
                               "value to keep; every choice is recorded in the audit trail.")
                       .replace("%1", operator))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(conflicts), self.COLUMNS)
        self.table.setObjectName("packConflicts")
        self.table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Field"), self.tr("When prepared"), self.tr("Office"),
            self.tr("Laptop"), self.tr("Keep")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        self.choices: list[QComboBox] = []
        for row, c in enumerate(conflicts):
            record = f"{table_name(c.table).capitalize()} {c.label}"
            if c.kind == DELETED_IN_OFFICE:
                base, office, laptop = "", self.tr("deleted"), self.tr("changed")
            elif c.kind == DELETED_ON_LAPTOP:
                base, office, laptop = "", self.tr("changed"), self.tr("deleted")
            else:
                base, office, laptop = _shown(c, c.base), _shown(c, c.office), _shown(c, c.laptop)
            cells = [record, field_name(c.field), base, office, laptop]
            full = [record, field_name(c.field), value_text(c.base), value_text(c.office),
                    value_text(c.laptop)]
            for col, (text, tip) in enumerate(zip(cells, full)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if col == 3:
                    item.setBackground(Qt.GlobalColor.transparent)
                self.table.setItem(row, col, item)
            choice = QComboBox()
            choice.setObjectName(f"packChoice{row}")
            choice.setMinimumContentsLength(9)
            choice.addItem(self.tr("Office"), OFFICE)
            choice.addItem(self.tr("Laptop"), LAPTOP)
            if c.decision is not None:
                choice.setCurrentIndex(choice.findData(c.decision))
            else:
                choice.setCurrentIndex(-1)
                choice.setPlaceholderText(self.tr("choose…"))
            choice.currentIndexChanged.connect(self._update)
            self.table.setCellWidget(row, 5, choice)
            self.choices.append(choice)
        # a few rows: sized to their contents once; the three values share what is left
        for col in (0, 1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col in (2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        all_office = QPushButton(self.tr("Office for all"))
        all_office.setObjectName("packAllOffice")
        all_office.clicked.connect(lambda: self.choose_all(OFFICE))
        all_laptop = QPushButton(self.tr("Laptop for all"))
        all_laptop.setObjectName("packAllLaptop")
        all_laptop.clicked.connect(lambda: self.choose_all(LAPTOP))
        self.left = QLabel()
        self.left.setObjectName("packLeft")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use these choices"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(all_office)
        bar.addWidget(all_laptop)
        bar.addStretch(1)
        bar.addWidget(self.left)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        layout.addWidget(self.buttons)
        self.resize(980, 420)
        self._update()

    def choose(self, row: int, side: str) -> None:
        self.choices[row].setCurrentIndex(self.choices[row].findData(side))

    def choose_all(self, side: str) -> None:
        for row in range(len(self.choices)):
            self.choose(row, side)

    def _update(self) -> None:
        left = sum(1 for c in self.choices if c.currentData() is None)
        self.left.setText(self.tr("%1 still to choose").replace("%1", str(left)) if left else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(left == 0)

    def accept(self) -> None:
        for conflict, choice in zip(self.conflicts, self.choices):
            conflict.decision = choice.currentData()
        super().accept()

    def decisions(self) -> dict[tuple[str, str, str], str]:
        return {c.key: c.decision for c in self.conflicts if c.decision is not None}
