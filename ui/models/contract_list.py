"""The contract list as a table model: the shared id-paged model with the contract columns,
alert colours and sort keys (R-CON-1..6)."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from servicedesk.permissions import sees_money
from servicedesk.queries import contracts as cq

from .. import fmt
from .paged import Column, IdPagedModel

COLUMNS = ("number", "party", "title", "status", "term_end", "cancel_by", "amount", "tickets")
_ALERT_COLOURS = {"notice": "#c2410c", "expiring": "#b45309", "proposal": "#1d4ed8",
                  "waiting": "#b91c1c"}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _headers() -> dict[str, str]:
    """Header texts in the user's language (literal calls: lupdate reads them); short, the
    dock is narrow: the tooltips say it all."""
    return {
        "number": QCoreApplication.translate("ContractListModel", "Number"),
        "party": QCoreApplication.translate("ContractListModel", "Party"),
        "title": QCoreApplication.translate("ContractListModel", "Title"),
        "status": QCoreApplication.translate("ContractListModel", "Status"),
        "term_end": QCoreApplication.translate("ContractListModel", "Term ends"),
        "cancel_by": QCoreApplication.translate("ContractListModel", "Notice"),
        "amount": QCoreApplication.translate("ContractListModel", "Amount"),
        "tickets": QCoreApplication.translate("ContractListModel", "Tickets"),
    }


def _tooltips() -> dict[str, str]:
    return {
        "number": QCoreApplication.translate("ContractListModel", "Contract number"),
        "party": QCoreApplication.translate("ContractListModel", "Customer or supplier"),
        "title": QCoreApplication.translate("ContractListModel", "Title"),
        "status": QCoreApplication.translate("ContractListModel", "Status"),
        "term_end": QCoreApplication.translate("ContractListModel", "Last day of the current term"),
        "cancel_by": QCoreApplication.translate(
            "ContractListModel", "Last day to give notice of cancellation for the current term "
                                 "(— : the contract ends at the term end anyway)"),
        "amount": QCoreApplication.translate("ContractListModel", "Amount of the current term"),
        "tickets": QCoreApplication.translate("ContractListModel", "Tickets left"),
    }


def _amount(row: cq.ContractRow) -> str:
    return "—" if row.amount is None else fmt.euro(row.amount)  # None: money hidden


# key, sort key (None: not sortable), display
_SPEC: list[tuple[str, str | None, Callable[[cq.ContractRow], Any]]] = [
    ("number", "number", lambda r: r.number),
    ("party", "party", lambda r: r.party),
    ("title", "title", lambda r: r.title),
    ("status", "status", lambda r: status_names().get(r.status, r.status)),
    ("term_end", "term_end", lambda r: fmt.date(r.term_end)),
    ("cancel_by", None, lambda r: fmt.date(r.cancel_by) if r.renews else "—"),
    ("amount", "amount", _amount),
    ("tickets", None,
     lambda r: "" if r.tickets_remaining is None else fmt.number(r.tickets_remaining)),
]


class ContractListModel(IdPagedModel[cq.ContractRow]):
    """Ids of the list in display order (asked by the dock on a worker, handed to
    :meth:`show`); rows 64 at a time (``cq.rows``). Sorting by a header emits
    ``sort_requested``; the dock asks for the new order. Without the money permission the
    amount column shows "—" and does not sort."""

    def __init__(self, parent=None) -> None:
        columns = [Column(key, lambda k=key: _headers()[k], display, sort,
                          lambda k=key: _tooltips()[k],
                          align=_RIGHT if key in ("amount", "tickets") else None)
                   for key, sort, display in _SPEC]
        super().__init__(columns, lambda ids: {r.id: r for r in cq.rows(ids)}, parent)
        self.spec = cq.ContractFilter(status="open")
        self.sort_key, self.descending = "term_end", False

    def show(self, view: cq.ListView) -> None:
        """The answer of the id query: the same ids only repaint."""
        self.spec, self.sort_key, self.descending = view.spec, view.sort, view.descending
        self.set_ids(view.ids)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].key == "amount" \
                and not sees_money():
            return  # the order would tell the amounts (the operator signed in now decides)
        super().sort(column, order)

    def role_data(self, row: cq.ContractRow, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in ("term_end", "cancel_by", "number") and row.alert:
                return QBrush(QColor(_ALERT_COLOURS[row.alert]))
            if key == "tickets" and row.tickets_low:
                return QBrush(QColor("#b91c1c"))
            if row.status in ("expired", "cancelled", "closed"):
                return QBrush(QColor("#6b7280"))
        elif role == Qt.ItemDataRole.ToolTipRole:
            if row.alert:
                return alert_text(row.alert)
            return f"{row.number} — {row.title}"
        return None


def status_names() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("Contracts", "draft"),
        "active": QCoreApplication.translate("Contracts", "active"),
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
        "waiting": QCoreApplication.translate(
            "Contracts", "The term is over: the renewal waits for an ISTAT figure"),
    }.get(kind, "")
