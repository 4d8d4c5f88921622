"""The request queue as a table model: the shared id-paged model with the queue's columns,
urgency marks and sort keys (R-REQ-2)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from servicedesk import clock
from servicedesk.queries import requests as rq
from servicedesk.services import sla

from .. import fmt
from ..widgets import request_labels as labels
from .paged import ID_ROLE, Column, IdPagedModel

__all__ = ["COL", "COLUMNS", "ID_ROLE", "URGENCY_ROLE", "RequestQueueModel"]

URGENCY_ROLE = Qt.ItemDataRole.UserRole + 1


def _unit(rec: rq.QueueRow) -> str:
    return rec.unit + (f" (+{rec.units - 1})" if rec.units > 1 else "")


def _headers() -> dict[str, tuple[str, str]]:
    """Header text and tooltip of each column, in the user's language (literal calls: lupdate
    reads them)."""
    return {
        "number": (QCoreApplication.translate("RequestQueueModel", "Number"),
                   QCoreApplication.translate("RequestQueueModel",
                                              "Request number; the mark shows overdue, at-risk or paused SLA")),
        "opened": (QCoreApplication.translate("RequestQueueModel", "Opened"),
                   QCoreApplication.translate("RequestQueueModel",
                                              "When the request was opened")),
        "customer": (QCoreApplication.translate("RequestQueueModel", "Customer"),
                     QCoreApplication.translate("RequestQueueModel",
                                                "Customer")),
        "province": (QCoreApplication.translate("RequestQueueModel", "Prov."),
                     QCoreApplication.translate("RequestQueueModel",
                                                "Province of the customer")),
        "unit": (QCoreApplication.translate("RequestQueueModel", "Product / serial"),
                 QCoreApplication.translate("RequestQueueModel",
                                            "The first unit involved (product and serial number)")),
        "problem": (QCoreApplication.translate("RequestQueueModel", "Problem"),
                    QCoreApplication.translate("RequestQueueModel",
                                               "Problem type")),
        "priority": ("!",  # the column shows the priority's coloured mark
                     QCoreApplication.translate("RequestQueueModel",
                                                "Priority")),
        "status": (QCoreApplication.translate("RequestQueueModel", "Status"),
                   QCoreApplication.translate("RequestQueueModel",
                                              "Status")),
        "team": (QCoreApplication.translate("RequestQueueModel", "Team"),
                 QCoreApplication.translate("RequestQueueModel",
                                            "Team")),
        "owner": (QCoreApplication.translate("RequestQueueModel", "Owner"),
                  QCoreApplication.translate("RequestQueueModel",
                                             "Operator in charge")),
        "sla": (QCoreApplication.translate("RequestQueueModel", "SLA due"),
                QCoreApplication.translate("RequestQueueModel",
                                           "The running SLA deadline (response, then resolution), in working time")),
        "age": (QCoreApplication.translate("RequestQueueModel", "Age"),
                QCoreApplication.translate("RequestQueueModel",
                                           "Time since the request was opened")),
    }


# key, sort key (None: not sortable), display (None: the model's own, see ``data``)
_SPEC: list[tuple[str, str | None, Callable[[rq.QueueRow], Any] | None]] = [
    ("number", "number", lambda r: r.number),
    ("opened", "opened_at", lambda r: fmt.datetime(r.opened_at)),
    ("customer", "customer", lambda r: r.customer),
    ("province", "province", lambda r: r.province),
    ("unit", None, _unit),
    ("problem", "problem_type", lambda r: r.problem_type),
    ("priority", "priority", lambda r: None),  # its coloured mark; the name in the tooltip
    ("status", "status", lambda r: labels.status_short_name(r.status)),
    ("team", "team", lambda r: r.team),
    ("owner", "owner", lambda r: r.owner),
    ("sla", "sla_due", None),
    ("age", "age", None),
]
COLUMNS = [(key, sort) for key, sort, *_ in _SPEC]
COL = {key: i for i, (key, _) in enumerate(COLUMNS)}


class RequestQueueModel(IdPagedModel[rq.QueueRow]):
    """Ids of the queue in display order; rows 64 at a time (``rq.rows_for``).

    The dock runs the id query on a worker and hands the answer to :meth:`show_ids`;
    :meth:`set_spec` runs it here (scripts, benchmarks). Sorting by a header asks
    ``spec_loader`` (the dock's background load) for the new order."""

    def __init__(self, *, lang: str = "en", parent=None) -> None:
        self.lang = lang
        columns = [Column(key, lambda k=key: _headers()[k][0], display or (lambda r: None), sort,
                          lambda k=key: _headers()[k][1])
                   for key, sort, display in _SPEC]
        super().__init__(columns, lambda ids: rq.rows_for(ids, self.lang), parent)
        self.spec = rq.QueueSpec()
        self._now = clock.now()
        self._bold = QFont()
        self._bold.setBold(True)
        self.spec_loader: Callable[[rq.QueueSpec], None] = self.set_spec
        self.sort_requested.connect(self._sort_to)

    # -- loading ---------------------------------------------------------------------------
    def set_spec(self, spec: rq.QueueSpec) -> None:
        """Query and show ``spec`` now (on this thread)."""
        now = clock.now()
        self.show_ids(spec, rq.queue_ids(spec, now), now)

    def show_ids(self, spec: rq.QueueSpec, ids: list[int], now: dt.datetime,
                 first_rows: dict[int, rq.QueueRow] | None = None) -> None:
        """The answer of the id query for ``spec`` at ``now``: the same ids only repaint.
        ``first_rows``: the first page's rows, read with the ids."""
        self.spec = spec
        self._now = now
        self.set_ids(ids)
        if first_rows:
            self.seed(first_rows)

    def refresh(self) -> None:
        """Re-run the query (new data, new time: urgencies move on)."""
        self.set_spec(self.spec)

    @property
    def now(self) -> dt.datetime:
        return self._now

    def urgency_of(self, rec: rq.QueueRow) -> str:
        return sla.urgency(rec.status, rec.sla_due, rec.sla_risk_at, rec.paused_since, self._now)

    # -- what a row shows ------------------------------------------------------------------
    def display_data(self, rec: rq.QueueRow, column: Column[rq.QueueRow]) -> Any:
        if column.key in ("sla", "age"):
            return self._clock_text(rec, column.key)
        return column.display(rec)

    def _clock_text(self, rec: rq.QueueRow, key: str) -> str:
        if key == "age":
            return labels.age_text(rec.opened_at, self._now)
        if rec.paused_since is not None and rec.status in sla.OPEN_STATUSES:
            return labels.urgency_name(sla.PAUSED)
        return labels.short_datetime(rec.sla_due, self._now)

    def role_data(self, rec: rq.QueueRow, key: str, role: int) -> Any:
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

    def _tooltip(self, rec: rq.QueueRow, key: str, urgency: str) -> str:
        lines = [f"{rec.number} — {rec.customer}"]
        if rec.subject:
            lines.append(rec.subject)
        if key == "priority":
            lines.append(QCoreApplication.translate("RequestQueueModel", "Priority: %1")
                         .replace("%1", rec.priority_name))
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
            lines.append(QCoreApplication.translate("RequestQueueModel", "%1 units")
                         .replace("%1", str(rec.units)))
        return "\n".join(lines)

    # -- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            self._sort_to("urgency", False)  # no sort column: the queue's own order
            return
        super().sort(column, order)  # → sort_requested(key, descending) for sortable columns

    def _sort_to(self, key: str, descending: bool) -> None:
        if key == self.spec.sort and descending == self.spec.descending:
            return
        self.spec_loader(self.spec.with_(sort=key, descending=descending))
