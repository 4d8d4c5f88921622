"""Small pieces shared by the registry and maintenance pages: a read-only rows model, a search
box with debounce, error text with field labels, a busy-safe call wrapper."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLineEdit, QMessageBox, QTableView, QWidget

from servicedesk.errors import ConflictError, ServiceDeskError, ValidationError

from .. import messages


class RowsModel(QAbstractTableModel):
    """Rows of plain values (already formatted text, or numbers) with an id per row.

    ``rows`` are tuples whose first item is the record id (not shown)."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple] = []
        self._colors: dict[int, QColor] = {}
        self._tips: dict[int, str] = {}

    def set_rows(self, rows: list[tuple], colors: dict[int, QColor] | None = None,
                 tips: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._colors = colors or {}
        self._tips = tips or {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._rows[index.row()][index.column() + 1]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colors.get(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tips.get(index.row())
            if tip:
                return tip
            value = self._rows[index.row()][index.column() + 1]
            return str(value) if value not in (None, "") and len(str(value)) > 30 else None
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()][0]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def id_at(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row[0] == record_id:
                return i
        return -1


def make_table(model: RowsModel, widths: Sequence[int] = (), parent: QWidget | None = None,
               name: str = "") -> QTableView:
    view = QTableView(parent)
    if name:
        view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for i, w in enumerate(widths):
        view.setColumnWidth(i, w)
    return view


class SearchBox(QLineEdit):
    """A line edit that emits ``search`` a moment after the user stops typing."""

    search = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None, delay_ms: int = 250) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.search.emit(self.text()))
        self.textChanged.connect(lambda _t: self._timer.start())


def errors_text(err: ServiceDeskError, labels: dict[str, str]) -> str:
    """The error as sentences, naming fields with the form's labels."""
    if isinstance(err, ValidationError):
        lines = []
        for fe in err.errors:
            one = ValidationError([fe.__class__(fe.field, fe.code, fe.params)])
            text = messages.error_text(one)
            prefix = f"{fe.params.get('label') or messages.field_label(fe.field)}: "
            if text.startswith(prefix):
                text = text[len(prefix):]
            label = labels.get(fe.field, "") or messages.field_label(fe.field, "")
            lines.append(f"{label}: {text}" if label else text)
        return "\n".join(lines)
    return messages.error_text(err)


def run_safely(parent: QWidget, action: Callable[[], Any], labels: dict[str, str] | None = None,
               on_conflict: Callable[[], None] | None = None) -> tuple[bool, Any]:
    """Run a core call; show a clear message on a refusal. A concurrent edit offers to reload."""
    from PySide6.QtCore import QCoreApplication

    try:
        return True, action()
    except ConflictError as err:
        text = messages.conflict_text(err)
        if on_conflict is None:
            QMessageBox.warning(parent, QCoreApplication.translate("Registry", "Changed elsewhere"), text)
        else:
            answer = QMessageBox.question(
                parent, QCoreApplication.translate("Registry", "Changed elsewhere"),
                text + "\n\n" + QCoreApplication.translate(
                    "Registry", "Reload the record now? Your changes in the form will be lost."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                on_conflict()
        return False, None
    except ServiceDeskError as err:
        QMessageBox.warning(parent, QCoreApplication.translate("Registry", "Not saved"),
                            errors_text(err, labels or {}))
        return False, None
