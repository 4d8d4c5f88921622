"""The audit trail of a record: who changed which field when, old → new (R-X-1).

``AuditView(ctx=..., table_name="contract", record_id=12)`` can be embedded in any editor;
``set_record(table_name, record_id)`` switches record. For requests the view shows the request
together with its interventions and work logs; it is registered as the request panel "audit".
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from servicedesk import audit

from .. import fmt
from ..extensions import RequestPanel, register_request_panel

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
    t = QCoreApplication.translate
    names = {
        "status": t("Audit", "Status"), "priority": t("Audit", "Priority"),
        "owner": t("Audit", "Owner"), "team": t("Audit", "Team"), "subject": t("Audit", "Subject"),
        "description": t("Audit", "Description"), "customer": t("Audit", "Customer"),
        "contact": t("Audit", "Contact"), "contract": t("Audit", "Contract"),
        "job_order": t("Audit", "Job order"), "problem_type": t("Audit", "Problem type"),
        "final_report": t("Audit", "Final report"), "resolution_due": t("Audit", "Resolution due"),
        "response_due": t("Audit", "Response due"), "operator": t("Audit", "Operator"),
        "activity_type": t("Audit", "Activity type"), "planned_start": t("Audit", "Planned start"),
        "planned_end": t("Audit", "Planned end"), "instructions": t("Audit", "Instructions"),
        "report": t("Audit", "Report"), "actual_start": t("Audit", "Actual start"),
        "actual_end": t("Audit", "Actual end"), "work_date": t("Audit", "Date"),
        "minutes": t("Audit", "Minutes"), "travel_minutes": t("Audit", "Travel minutes"),
        "km": t("Audit", "Km"), "billable": t("Audit", "Billable"), "notes": t("Audit", "Notes"),
        "amount": t("Audit", "Amount"), "title": t("Audit", "Title"), "party": t("Audit", "Party"),
        "term_start": t("Audit", "Term start"), "term_end": t("Audit", "Term end"),
        "renewal_type": t("Audit", "Renewal"), "change_pct": t("Audit", "Change %"),
        "istat_share_pct": t("Audit", "ISTAT share %"), "notice_days": t("Audit", "Notice days"),
        "tickets_per_term": t("Audit", "Tickets per term"), "signed_by": t("Audit", "Signed by"),
        "signed_on": t("Audit", "Signed on"), "archived": t("Audit", "Archived"),
    }
    return names.get(field, field.replace("_", " "))


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
            old, new = e.old_display or "", e.new_display or ""
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


class AuditView(QWidget):
    """Who changed what on one record (and, for a request, on its interventions and work logs)."""

    def __init__(self, *, ctx, table_name: str | None = None, record_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditView")
        self.table_name = table_name
        self.record_id = record_id
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
        ctx.bus.changed.connect(self._on_changed)
        self.refresh()

    def set_record(self, table_name: str | None, record_id: int | None) -> None:
        self.table_name, self.record_id = table_name, record_id
        self.refresh()

    def set_request(self, editor) -> None:
        """Request-panel protocol: called when the editor loads or saves a request."""
        self.set_record("service_request", getattr(editor, "request_id", None))

    def _on_changed(self, topics: set[str]) -> None:
        if self.isVisible() and topics & {"requests", "interventions", "worklogs", "contracts"}:
            self.refresh()

    def refresh(self) -> None:
        if not self.table_name or not self.record_id:
            self.model.set_entries([], False)
            self.summary.setText(self.tr("The history appears once the record is saved."))
            return
        if self.table_name == "service_request":
            entries = audit.request_history(self.record_id, limit=LIMIT)
            show_record = True
        else:
            entries = audit.history(self.table_name, self.record_id, limit=LIMIT)
            show_record = False
        self.model.set_entries(entries, show_record)
        self.view.setColumnHidden(2, not show_record)
        if not entries:
            self.summary.setText(self.tr("No changes recorded."))
        elif len(entries) >= LIMIT:
            self.summary.setText(self.tr("The latest %1 changes.").replace("%1", str(LIMIT)))
        else:
            self.summary.setText(self.tr("Changes: %1, newest first.").replace("%1", str(len(entries))))


register_request_panel(RequestPanel(
    key="audit",
    title=lambda: QCoreApplication.translate("Audit", "History of changes"),
    factory=lambda ctx, editor: AuditView(ctx=ctx),
    order=900,
))
