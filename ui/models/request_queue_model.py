"""The request queue as a table model: it holds ids only and fetches display rows a page at a time."""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from servicedesk import clock
from servicedesk.queries import requests as rq
from servicedesk.services import sla

from .. import fmt
from ..widgets import request_labels as labels

# (key, sort key or None)
COLUMNS = [
    ("number", "number"), ("opened", "opened_at"), ("customer", "customer"),
    ("province", "province"), ("unit", None), ("problem", "problem_type"),
    ("priority", "priority"), ("status", "status"), ("team", "team"), ("owner", "owner"),
    ("sla", "sla_due"), ("age", "age"),
]
COL = {key: i for i, (key, _) in enumerate(COLUMNS)}
# Rows are fetched 64 at a time (two screens): on a cold disk cache a page costs a few random
# reads per row, so small pages keep every fetch well under the 100 ms the UI may block.
PAGE = 64
MAX_PAGES = 200  # pages kept in memory (12,800 rows); the least recently used are dropped
ID_ROLE = Qt.ItemDataRole.UserRole
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 1


class RequestQueueModel(QAbstractTableModel):
    def __init__(self, *, lang: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.spec = rq.QueueSpec()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, rq.QueueRow]] = OrderedDict()
        self._now = clock.now()
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = self._header_texts()

    # -- loading ---------------------------------------------------------------------------
    def set_spec(self, spec: rq.QueueSpec) -> None:
        self.spec = spec
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query (new data, new time: urgencies move on)."""
        self.beginResetModel()
        self._now = clock.now()
        self._ids = rq.queue_ids(self.spec, self._now)
        self._pages.clear()
        self.endResetModel()

    @property
    def now(self) -> dt.datetime:
        return self._now

    def ids(self) -> list[int]:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, request_id: int) -> int:
        try:
            return self._ids.index(request_id)
        except ValueError:
            return -1

    def record(self, row: int) -> rq.QueueRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            page = rq.rows_for(self._ids[page_no * PAGE:(page_no + 1) * PAGE], self.lang)
            self._pages[page_no] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    def urgency_of(self, rec: rq.QueueRow) -> str:
        return sla.urgency(rec.status, rec.sla_due, rec.sla_risk_at, rec.paused_since, self._now)

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._headers[section][1]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == ID_ROLE:
            return self.id_at(row)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                        Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole, URGENCY_ROLE):
            return None
        rec = self.record(row)
        if rec is None:
            return None
        key = COLUMNS[col][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, key)
        urgency = self.urgency_of(rec)
        if role == URGENCY_ROLE:
            return urgency
        if role == Qt.ItemDataRole.DecorationRole:
            if key == "number":
                return labels.urgency_icon(urgency)
            if key == "priority":
                return labels.priority_icon(rec.priority_color)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = labels.URGENCY_TINTS.get(urgency)
            return QBrush(QColor(tint)) if tint else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in ("sla", "number") and urgency in labels.URGENCY_COLORS:
                return QBrush(QColor(labels.URGENCY_COLORS[urgency]))
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if key == "number" and urgency in (sla.OVERDUE, sla.AT_RISK) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(rec, key, urgency)
        return None

    def _display(self, rec: rq.QueueRow, key: str):
        if key == "number":
            return rec.number
        if key == "opened":
            return fmt.datetime(rec.opened_at)
        if key == "customer":
            return rec.customer
        if key == "province":
            return rec.province
        if key == "unit":
            return rec.unit + (f" (+{rec.units - 1})" if rec.units > 1 else "")
        if key == "problem":
            return rec.problem_type
        if key == "priority":
            return None  # its coloured mark (DecorationRole); the name is in the tooltip
        if key == "status":
            return labels.status_short_name(rec.status)
        if key == "team":
            return rec.team
        if key == "owner":
            return rec.owner
        if key == "sla":
            if rec.paused_since is not None and rec.status in sla.OPEN_STATUSES:
                return labels.urgency_name(sla.PAUSED)
            return labels.short_datetime(rec.sla_due, self._now)
        if key == "age":
            return labels.age_text(rec.opened_at, self._now)
        return None

    def _tooltip(self, rec: rq.QueueRow, key: str, urgency: str) -> str:
        head = f"{rec.number} — {rec.customer}"
        lines = [head]
        if rec.subject:
            lines.append(rec.subject)
        if key == "priority":
            lines.append(self.tr("Priority: %1").replace("%1", rec.priority_name))
        if key == "status":
            lines.append(labels.status_name(rec.status))
        mark = labels.urgency_name(urgency)
        if mark:
            lines.append(mark)
        if key == "sla" and rec.sla_due is not None:
            lines.append(fmt.datetime(rec.sla_due))
            lines.append(labels.remaining_text(sla.remaining_minutes(rec.sla_due, self._now),
                                                    overdue=rec.sla_due < self._now))
        if key == "unit" and rec.units > 1:
            lines.append(self.tr("%1 units").replace("%1", str(rec.units)))
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            key, desc = "urgency", False
        else:
            key = COLUMNS[column][1]
            desc = order == Qt.SortOrder.DescendingOrder
            if key is None:
                return
        if key == self.spec.sort and desc == self.spec.descending:
            return
        self.set_spec(self.spec.with_(sort=key, descending=desc))

    def _header_texts(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Number"), self.tr("Request number; the mark shows overdue, at-risk or paused SLA")),
            (self.tr("Opened"), self.tr("When the request was opened")),
            (self.tr("Customer"), self.tr("Customer")),
            (self.tr("Prov."), self.tr("Province of the customer")),
            (self.tr("Product / serial"), self.tr("The first unit involved (product and serial number)")),
            (self.tr("Problem"), self.tr("Problem type")),
            ("!", self.tr("Priority")),  # the column shows the priority's coloured mark
            (self.tr("Status"), self.tr("Status")),
            (self.tr("Team"), self.tr("Team")),
            (self.tr("Owner"), self.tr("Operator in charge")),
            (self.tr("SLA due"), self.tr("The running SLA deadline (response, then resolution), in working time")),
            (self.tr("Age"), self.tr("Time since the request was opened")),
        ]
