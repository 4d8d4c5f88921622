"""The results table: the selection's ids in table order (asked of a worker), rows fetched by id
one page at a time (ui/models/paged.py), so scrolling to row 100,000 runs no OFFSET."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from servicedesk.queries.analysis import AnalysisQuery

from .. import fmt
from ..models.paged import Column, IdPagedModel

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_NUMERIC = {"money", "hours", "int", "number"}


class AnalysisTableModel(IdPagedModel[tuple]):
    """Rows are ``(id, col1, col2 …)`` tuples of :meth:`AnalysisQuery.rows_by_id`; the columns
    are the query's (they change with the subject and the money permission)."""

    def __init__(self, *, headers: dict[str, str], codes: dict[str, dict], parent=None) -> None:
        super().__init__([], self._fetch, parent)
        self._header_text = headers
        self._codes = codes
        self.query: AnalysisQuery | None = None
        self._columns: list = []
        self.sort_key: tuple[str, bool] | None = None

    def _fetch(self, ids: list[int]) -> dict[int, tuple]:
        return self.query.rows_by_id(ids) if self.query is not None else {}

    # -- feeding ----------------------------------------------------------------------------
    def set_result(self, query: AnalysisQuery, ids: list[int],
                   sort_key: tuple[str, bool] | None) -> None:
        """The answer of ``query`` in the order ``sort_key``. The same columns and the same ids
        (a refresh after a write elsewhere) only repaint: selection and scroll stay."""
        same_columns = [c.key for c in query.columns] == [c.key for c in self._columns]
        self.query, self.sort_key = query, sort_key
        if same_columns:
            self.set_ids(ids)
            return
        self.beginResetModel()
        self._columns = list(query.columns)
        self.columns = [self._column(i, c) for i, c in enumerate(self._columns)]
        self._headers = [(c.header(), c.header()) for c in self.columns]
        self._ids = list(ids)
        self._rows_of = None
        self._drop_pages()
        self.endResetModel()

    def load(self, query: AnalysisQuery, sort_key: tuple[str, bool] | None = None) -> None:
        """Read the ids here (tests and small selections; the page asks a worker)."""
        self.set_result(query, query.id_list(sort_key), sort_key)

    def _column(self, index: int, column) -> Column[tuple]:
        header = self._header_text.get(column.key, column.key)
        return Column(column.key, header=lambda h=header: h,
                      display=lambda row, i=index + 1, c=column: self.display(c, row[i]),
                      sort=column.key, align=_RIGHT if column.kind in _NUMERIC else None)

    def query_columns(self) -> list:
        """The query's columns (kind, width …) in table order."""
        return self._columns

    def sort_column(self) -> int:
        keys = [c.key for c in self._columns]
        return keys.index(self.sort_key[0]) if self.sort_key and self.sort_key[0] in keys else -1

    def row_id(self, row: int) -> int | None:
        return self.id_at(row)

    # -- Qt model ---------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole \
                and 0 <= section < len(self._columns):
            return _RIGHT if self._columns[section].kind in _NUMERIC else None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._ids):
            return section + 1  # the row number: "row 1,234 of 200,000" at a glance
        return super().headerData(section, orientation, role)

    def role_data(self, rec: tuple, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:  # long texts are cut in the cell: whole here
            index = next(i for i, c in enumerate(self._columns) if c.key == key)
            text = self.display(self._columns[index], rec[index + 1])
            return text if len(text) > 40 else None
        return None

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
