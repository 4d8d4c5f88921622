"""The results table: a row count from COUNT(*) and rows fetched one page at a time."""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from servicedesk.queries.analysis import AnalysisQuery

from .. import fmt

PAGE = 200
MAX_PAGES = 30  # pages kept in memory (6,000 rows)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NUMERIC = {"money", "hours", "int", "number"}


class AnalysisTableModel(QAbstractTableModel):
    def __init__(self, *, headers: dict[str, str], codes: dict[str, dict], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._codes = codes
        self.query: AnalysisQuery | None = None
        self._columns: list = []
        self._count = 0
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self.sort_key: tuple[str, bool] | None = None

    # -- feeding ----------------------------------------------------------------------------
    def set_query(self, query: AnalysisQuery | None, count: int | None = None) -> None:
        self.beginResetModel()
        self.query = query
        self._columns = list(query.columns) if query is not None else []
        if query is not None and (self.sort_key is None
                                  or self.sort_key[0] not in {c.key for c in self._columns}):
            self.sort_key = query.subject.default_sort
        self._count = (count if count is not None else query.count()) if query is not None else 0
        self._pages.clear()
        self.endResetModel()

    def columns(self) -> list:
        return self._columns

    def sort_column(self) -> int:
        keys = [c.key for c in self._columns]
        return keys.index(self.sort_key[0]) if self.sort_key and self.sort_key[0] in keys else -1

    def _row(self, row: int) -> tuple | None:
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            if self.query is None:
                return None
            rows = self.query.page(page * PAGE, PAGE, self.sort_key)
            self._pages[page] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        offset = row - page * PAGE
        return rows[offset] if offset < len(rows) else None

    def row_id(self, row: int) -> int | None:
        data = self._row(row)
        return data[0] if data else None

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers.get(column.key, column.key)
            if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in _NUMERIC:
                return _RIGHT
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.TextAlignmentRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.kind in _NUMERIC else None
        row = self._row(index.row())
        if row is None:
            return None
        text = self.display(column, row[index.column() + 1])
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text

    def display(self, column, value: Any) -> str:
        if value is None:
            return ""
        kind = column.kind
        if kind == "code":
            return self._codes.get(column.codes, {}).get(value, str(value))
        if kind == "datetime" and isinstance(value, dt.datetime):
            return fmt.datetime(value)
        if kind in ("date", "datetime") and isinstance(value, dt.date):
            return fmt.date(value)
        if kind == "money":
            return fmt.euro(value)
        if kind == "hours":
            return fmt.number(value, 2)
        if kind == "number":
            return fmt.number(value, 1 if isinstance(value, (Decimal, float)) else 0)
        if kind == "int":
            return fmt.number(value)
        if kind == "bool":
            return "✓" if value else ""
        text = str(value)
        return text if len(text) <= 300 else text[:297] + "…"

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.beginResetModel()
        self.sort_key = (self._columns[column].key, order == Qt.SortOrder.DescendingOrder)
        self._pages.clear()
        self.endResetModel()
