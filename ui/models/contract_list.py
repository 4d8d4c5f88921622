"""Table model of the contract list: holds ids, fetches rows one page at a time."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from servicedesk.queries import contracts as cq

from .. import fmt

PAGE = 100
COLUMNS = ("number", "party", "title", "status", "term_end", "cancel_by", "amount", "tickets")
SORTABLE = {"number": "number", "party": "party", "title": "title", "status": "status",
            "term_end": "term_end", "amount": "amount"}
_ALERT_COLOURS = {"notice": "#c2410c", "expiring": "#b45309", "proposal": "#1d4ed8",
                  "waiting": "#b91c1c"}


class ContractListModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, cq.ContractRow]] = {}
        self.spec = cq.ContractFilter(status="open")
        self.sort_key, self.descending = "term_end", False
        self._headers = {
            "number": self.tr("Number"), "party": self.tr("Party"), "title": self.tr("Title"),
            "status": self.tr("Status"), "term_end": self.tr("Term ends"),
            "cancel_by": self.tr("Notice by"), "amount": self.tr("Amount"),
            "tickets": self.tr("Tickets left"),
        }
        self._status = status_names()

    # -- loading --------------------------------------------------------------------------------
    def set_filter(self, spec: cq.ContractFilter) -> None:
        self.spec = spec
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = cq.ids(self.spec, self.sort_key, self.descending)
        self._pages.clear()
        self.endResetModel()

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, contract_id: int) -> int:
        try:
            return self._ids.index(contract_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> cq.ContractRow | None:
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * PAGE:(page + 1) * PAGE]
            rows = {r.id: r for r in cq.rows(ids)}
            self._pages[page] = rows
        return rows.get(self._ids[row])

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return self._headers[COLUMNS[section]]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "number":
                return row.number
            if col == "party":
                return row.party
            if col == "title":
                return row.title
            if col == "status":
                return self._status.get(row.status, row.status)
            if col == "term_end":
                return fmt.date(row.term_end)
            if col == "cancel_by":
                return fmt.date(row.cancel_by) if row.renews else "—"
            if col == "amount":  # None: the operator may not see money
                return "—" if row.amount is None else fmt.euro(row.amount)
            if col == "tickets":
                return "" if row.tickets_remaining is None else fmt.number(row.tickets_remaining)
        elif role == Qt.ItemDataRole.ForegroundRole:
            if col in ("term_end", "cancel_by", "number") and row.alert:
                return QBrush(QColor(_ALERT_COLOURS[row.alert]))
            if col == "tickets" and row.tickets_low:
                return QBrush(QColor("#b91c1c"))
            if row.status in ("expired", "cancelled", "closed"):
                return QBrush(QColor("#6b7280"))
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in ("amount", "tickets"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if row.alert:
                return alert_text(row.alert)
            return f"{row.number} — {row.title}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORTABLE.get(COLUMNS[column]) if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


def status_names() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("Contracts", "draft"), "active": QCoreApplication.translate("Contracts", "active"),
        "suspended": QCoreApplication.translate("Contracts", "suspended"),
        "expired": QCoreApplication.translate("Contracts", "expired"),
        "cancelled": QCoreApplication.translate("Contracts", "cancelled"),
        "closed": QCoreApplication.translate("Contracts", "closed"),
    }


def alert_text(kind: str) -> str:
    return {
        "notice": QCoreApplication.translate("Contracts", "The notice deadline is near"),
        "expiring": QCoreApplication.translate("Contracts", "The current term ends soon"),
        "proposal": QCoreApplication.translate("Contracts", "A renewal proposal awaits a decision"),
        "waiting": QCoreApplication.translate("Contracts", "The term is over: the renewal waits for an ISTAT figure"),
    }.get(kind, "")
