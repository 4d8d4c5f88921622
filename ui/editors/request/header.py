"""The editor's head line: number, status and the SLA clock (or what opening now would give)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from servicedesk import clock
from servicedesk.queries.lookups import PriorityRow
from servicedesk.queries.request_form import RequestSnapshot
from servicedesk.services import sla
from servicedesk.services.requests import ContractOption

from ... import fmt
from ...widgets import request_labels as labels

_BADGE = "QLabel { background: #e8ecf2; border-radius: 9px; padding: 2px 10px; color: #1f2a3a; }"


class RequestHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        row.addWidget(self.title)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("requestStatus")
        row.addWidget(self.status_label)
        row.addStretch(0)
        self.sla_label = QLabel(self)
        self.sla_label.setObjectName("requestSla")
        self.sla_label.setWordWrap(True)  # wraps in a narrow tab instead of widening the window
        self.sla_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.sla_label, 1)

    def show_loading(self, number: str) -> None:
        self.title.setText(number)
        self.status_label.setText("")
        self.status_label.setStyleSheet("")
        self.sla_label.setStyleSheet("")
        self.sla_label.setText(self.tr("Loading…"))

    def show_request(self, r: RequestSnapshot) -> None:
        self.title.setText(r.number)
        self.status_label.setText(labels.status_name(r.status))
        self.status_label.setStyleSheet(_BADGE)
        now = clock.now()
        code = sla.urgency(r.status, r.sla_due, r.sla_risk_at, r.paused_since, now)
        if code == sla.PAUSED:
            text = labels.urgency_name(code)
        elif r.sla_due is not None:
            which = (self.tr("Response due") if r.first_response_at is None
                     else self.tr("Resolution due"))
            text = f"{which}: {fmt.datetime(r.sla_due)} — " + labels.remaining_text(
                sla.remaining_minutes(r.sla_due, now), overdue=r.sla_due < now)
        elif r.status in ("resolved", "closed") and (r.closed_at or r.resolved_at):
            stamp = r.closed_at if r.status == "closed" else r.resolved_at
            text = (self.tr("Resolved on %1") if r.status == "resolved"
                    else self.tr("Closed on %1")).replace("%1", fmt.datetime(stamp))
        else:
            text = ""
        color = labels.URGENCY_COLORS.get(code, "#374151")
        self.sla_label.setStyleSheet(f"QLabel {{ color: {color}; font-weight: bold; }}"
                                     if code in (sla.OVERDUE, sla.AT_RISK) else "")
        self.sla_label.setText(text)

    def show_new(self, priority: PriorityRow | None, contract: ContractOption | None) -> None:
        """A request not saved yet: the clocks it would get if opened now."""
        self.title.setText(self.tr("New request"))
        self.status_label.setText("")
        self.status_label.setStyleSheet("")
        self.sla_label.setStyleSheet("")
        if priority is None:
            self.sla_label.setText("")
            return
        clocks = sla.due_times(clock.now(), sla.sla_hours(priority, contract))
        self.sla_label.setText(self.tr("If opened now: response by %1, resolution by %2")
                               .replace("%1", fmt.datetime(clocks.response_due))
                               .replace("%2", fmt.datetime(clocks.resolution_due)))

    def show_missing(self, number: str) -> None:
        self.title.setText(number)
        self.status_label.setText("")
        self.status_label.setStyleSheet("")
        self.sla_label.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")
        self.sla_label.setText(self.tr("This request no longer exists."))
