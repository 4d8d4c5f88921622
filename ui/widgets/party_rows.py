"""Small pieces shared by the registry and maintenance pages: a short list on the id-paged
model (related records: contacts, history, visits), the table view they all use, a search box
with debounce, error text with field labels."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QWidget

from servicedesk.errors import ServiceDeskError, ValidationError

from .. import messages
from ..models.paged import Column, IdPagedModel


class RowList(IdPagedModel):
    """A short list already read in full (a record's contacts, history, visits): the same model
    as the long lists, its rows given at once. ``colour(row)`` may tint a row."""

    def __init__(self, columns: Sequence[Column], parent=None,
                 colour: Callable[[Any], QColor | None] | None = None) -> None:
        self._rows: dict[int, Any] = {}
        super().__init__(columns, lambda ids: {i: self._rows[i] for i in ids if i in self._rows},
                         parent)
        self._colour = colour

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Rows with an ``id``; shown in the given order."""
        self._rows = {r.id: r for r in rows}
        ids = [r.id for r in rows]
        if ids == self.ids():
            self.mark_all_stale()
        else:
            self.set_ids(ids)

    def row(self, index_row: int) -> Any:
        return self._rows.get(self.id_at(index_row))

    def role_data(self, rec: Any, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None:
            return self._colour(rec)
        return None


def make_table(model: QAbstractTableModel, widths: Sequence[int] = (), parent: QWidget | None = None,
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
