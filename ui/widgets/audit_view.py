"""The audit trail of a record: who changed which field when, old → new (R-X-1).

``AuditView(ctx=..., table_name="contract", record_id=12)`` can be embedded in any editor;
``set_record(table_name, record_id)`` switches record. For requests the view shows the request
together with its interventions and work logs; it is registered as the request panel "audit".
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from servicedesk import audit

from .. import fmt
from ..workers import Worker

LIMIT = 1000


def table_label(table_name: str) -> str:
    names = {
        "service_request": QCoreApplication.translate("Audit", "Request"),
        "intervention": QCoreApplication.translate("Audit", "Intervention"),
        "work_log": QCoreApplication.translate("Audit", "Work log"),
        "contract": QCoreApplication.translate("Audit", "Contract"),
    }
    return names.get(table_name, table_name)


def action_label(action: str) -> str:
    names = {"create": QCoreApplication.translate("Audit", "created"),
             "update": QCoreApplication.translate("Audit", "changed"),
             "delete": QCoreApplication.translate("Audit", "deleted")}
    return names.get(action, action)


def field_label(field: str | None) -> str:
    """A readable name for a model field; unknown fields fall back to the field name."""
    if not field:
        return ""
    names = {
        "status": QCoreApplication.translate("Audit", "Status"), "priority": QCoreApplication.translate("Audit", "Priority"),
        "owner": QCoreApplication.translate("Audit", "Owner"), "team": QCoreApplication.translate("Audit", "Team"), "subject": QCoreApplication.translate("Audit", "Subject"),
        "description": QCoreApplication.translate("Audit", "Description"), "customer": QCoreApplication.translate("Audit", "Customer"),
        "contact": QCoreApplication.translate("Audit", "Contact"), "contract": QCoreApplication.translate("Audit", "Contract"),
        "job_order": QCoreApplication.translate("Audit", "Job order"), "problem_type": QCoreApplication.translate("Audit", "Problem type"),
        "final_report": QCoreApplication.translate("Audit", "Final report"), "resolution_due": QCoreApplication.translate("Audit", "Resolution due"),
        "response_due": QCoreApplication.translate("Audit", "Response due"), "operator": QCoreApplication.translate("Audit", "Operator"),
        "activity_type": QCoreApplication.translate("Audit", "Activity type"), "planned_start": QCoreApplication.translate("Audit", "Planned start"),
        "planned_end": QCoreApplication.translate("Audit", "Planned end"), "instructions": QCoreApplication.translate("Audit", "Instructions"),
        "report": QCoreApplication.translate("Audit", "Report"), "actual_start": QCoreApplication.translate("Audit", "Actual start"),
        "actual_end": QCoreApplication.translate("Audit", "Actual end"), "work_date": QCoreApplication.translate("Audit", "Date"),
        "minutes": QCoreApplication.translate("Audit", "Minutes"), "travel_minutes": QCoreApplication.translate("Audit", "Travel minutes"),
        "km": QCoreApplication.translate("Audit", "Km"), "billable": QCoreApplication.translate("Audit", "Billable"), "notes": QCoreApplication.translate("Audit", "Notes"),
        "amount": QCoreApplication.translate("Audit", "Amount"), "title": QCoreApplication.translate("Audit", "Title"), "party": QCoreApplication.translate("Audit", "Party"),
        "term_start": QCoreApplication.translate("Audit", "Term start"), "term_end": QCoreApplication.translate("Audit", "Term end"),
        "renewal_type": QCoreApplication.translate("Audit", "Renewal"), "change_pct": QCoreApplication.translate("Audit", "Change %"),
        "istat_share_pct": QCoreApplication.translate("Audit", "ISTAT share %"), "notice_days": QCoreApplication.translate("Audit", "Notice days"),
        "tickets_per_term": QCoreApplication.translate("Audit", "Tickets per term"), "signed_by": QCoreApplication.translate("Audit", "Signed by"),
        "signed_on": QCoreApplication.translate("Audit", "Signed on"), "archived": QCoreApplication.translate("Audit", "Archived"),
    }
    if field in names:
        return names[field]
    from ..field_labels import field_label as registered

    return registered(field) or field.replace("_", " ")


def display_value(table_name: str, field: str | None, value: str | None) -> str:
    """A stored audit value as the user reads it elsewhere: dates, amounts, yes/no, statuses."""
    if value is None or value == "":
        return ""
    kind = audit.field_kind(table_name, field)
    try:
        if kind == "datetime":
            return fmt.datetime(dt.datetime.fromisoformat(value))
        if kind == "date":
            return fmt.date(dt.date.fromisoformat(value))
        if kind == "decimal":
            return fmt.number(Decimal(value), max(0, -Decimal(value).as_tuple().exponent))
        if kind == "bool":
            yes = value in ("True", "1", "true")
            return QCoreApplication.translate("Audit", "yes") if yes else QCoreApplication.translate("Audit", "no")
    except (ValueError, ArithmeticError):
        return value
    if field == "status":
        return status_label(table_name, value)
    if field == "override_note":
        from .board_common import override_note_text

        return override_note_text(value)
    return value


def status_label(table_name: str, code: str) -> str:
    if table_name == "service_request":
        try:
            from .request_labels import status_name
        except ImportError:  # pragma: no cover - the requests feature is optional here
            return code
        return status_name(code)
    names = {"planned": QCoreApplication.translate("Audit", "planned"),
             "in_progress": QCoreApplication.translate("Audit", "in progress"),
             "done": QCoreApplication.translate("Audit", "done"),
             "cancelled": QCoreApplication.translate("Audit", "cancelled")}
    return names.get(code, code)


class AuditTableModel(QAbstractTableModel):
    """Rows of :class:`servicedesk.audit.AuditEntry`, newest first; texts built once on load."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str, str, str]] = []
        self._tips: list[str] = []
        self._headers = [self.tr("When"), self.tr("Who"), self.tr("Record"), self.tr("Field"),
                         self.tr("Before"), self.tr("After")]

    def set_entries(self, entries: list[audit.AuditEntry], show_record: bool) -> None:
        self.beginResetModel()
        system = self.tr("system")
        self._rows, self._tips = [], []
        for e in entries:
            record = f"{table_label(e.table_name)} #{e.record_id}" if show_record else table_label(e.table_name)
            field = field_label(e.field) if e.action == "update" else action_label(e.action)
            old = display_value(e.table_name, e.field, e.old_display)
            new = display_value(e.table_name, e.field, e.new_display)
            self._rows.append((fmt.datetime(e.at), e.operator_name or system, record, field,
                               _one_line(old), _one_line(new)))
            self._tips.append(f"{old}\n→\n{new}" if e.action == "update" else "")
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() >= 4:
            return self._tips[index.row()] or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117] + "…"


def read(table_name: str | None, record_id: int | None) -> tuple[str | None, int | None, list]:
    """The trail to show (a request's with its interventions and work logs); no widgets here:
    it runs on a worker thread."""
    if not table_name or not record_id:
        return table_name, record_id, []
    if table_name == "service_request":
        return table_name, record_id, audit.request_history(record_id, limit=LIMIT)
    return table_name, record_id, audit.history(table_name, record_id, limit=LIMIT)


class AuditView(QWidget):
    """Who changed what on one record (and, for a request, on its interventions and work logs).
    A record given to the constructor is read at once; afterwards the trail is read on a
    worker (as the request-panel protocol's ``read``/``show_read``, or after changes)."""

    def __init__(self, *, ctx, table_name: str | None = None, record_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditView")
        self.table_name = table_name
        self.record_id = record_id
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        head = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        head.addWidget(self.summary, 1)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        head.addWidget(refresh)
        layout.addLayout(head)
        self.model = AuditTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((130, 140, 130, 130, 200)):
            header.resizeSection(col, width)
        layout.addWidget(self.view)
        ctx.bus.changes.connect(self._on_changes)
        if table_name and record_id:  # given at construction: read at once
            self.show_read(read(table_name, record_id))
        else:
            self._show([])

    def set_record(self, table_name: str | None, record_id: int | None) -> None:
        self.table_name, self.record_id = table_name, record_id
        self.refresh()

    # -- the request-panel protocol (ui/extensions.py) -------------------------------------
    @staticmethod
    def read(request_id: int | None) -> tuple[str | None, int | None, list]:
        return read("service_request", request_id)

    def show_read(self, result: tuple[str | None, int | None, list]) -> None:
        self.table_name, self.record_id, entries = result
        self._show(entries)

    # -- refreshing ------------------------------------------------------------------------
    def _on_changes(self, changes) -> None:
        if self.isVisible() and self.record_id and changes.touches(
                self.table_name, "intervention", "work_log"):
            self.refresh()

    def refresh(self) -> None:
        if not self.table_name or not self.record_id:
            self.show_read((self.table_name, self.record_id, []))
            return
        self.worker.run(read, self.table_name, self.record_id, on_done=self.show_read,
                        key="audit")

    def _show(self, entries: list) -> None:
        if not self.table_name or not self.record_id:
            self.model.set_entries([], False)
            self.summary.setText(self.tr("The history appears once the record is saved."))
            return
        show_record = self.table_name == "service_request"
        self.model.set_entries(entries, show_record)
        self.view.setColumnHidden(2, not show_record)
        if not entries:
            self.summary.setText(self.tr("No changes recorded."))
        elif len(entries) >= LIMIT:
            self.summary.setText(self.tr("The latest %1 changes.").replace("%1", str(LIMIT)))
        else:
            self.summary.setText(self.tr("Changes: %1, newest first.").replace("%1", str(len(entries))))
