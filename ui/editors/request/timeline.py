"""The request's history in one timeline (status changes, notes, answers, interventions) and
the box to add a note or an answer given to the customer (R-REQ-2, R-REQ-5).

The core stores what happened as codes (event kinds, statuses, intervention actions); the
sentences are made here, in the user's language."""
from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from servicedesk import limits
from servicedesk.errors import ServiceDeskError, ValidationError
from servicedesk.queries.requests import TimelineEntry
from servicedesk.services import requests as svc

from ... import fmt
from ...widgets import request_labels as labels
from ...widgets.limited_text import limit_text

COLORS = {"status": "#2563eb", "answer": "#047857", "note": "#374151",
          "ticket_override": "#b91c1c", "intervention": "#7c3aed",
          "intervention_event": "#7c3aed", "kb_applied": "#047857"}


class TimelinePanel(QWidget):
    """``show_entries(entries)`` renders the history, newest first."""

    note_added = Signal()

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request_id: int | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("requestTimeline")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        box.addWidget(self.browser, 1)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("requestNote")
        limit_text(self.note, limits.limit("request", "note"))
        self.note.setPlaceholderText(
            self.tr("Write a note for the office or an answer given to the customer…"))
        self.note.setMaximumHeight(80)
        box.addWidget(self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.note_btn = QPushButton(self.tr("Add note"), self)
        self.note_btn.setObjectName("requestAddNote")
        self.note_btn.clicked.connect(lambda: self.add_note("note"))
        self.answer_btn = QPushButton(self.tr("Record answer to customer"), self)
        self.answer_btn.setObjectName("requestAddAnswer")
        self.answer_btn.clicked.connect(lambda: self.add_note("answer"))
        row.addWidget(self.note_btn)
        row.addWidget(self.answer_btn)
        box.addLayout(row)

    # -- showing ---------------------------------------------------------------------------
    def show_unsaved(self) -> None:
        self.request_id = None
        self.browser.setHtml("<p style='color:#6b7280'>%s</p>" % html.escape(
            self.tr("The history starts when the request is saved.")))

    def show_loading(self) -> None:
        self.browser.setHtml("<p style='color:#6b7280'>%s</p>" % html.escape(self.tr("Loading…")))

    def show_entries(self, request_id: int, entries: tuple[TimelineEntry, ...] | list) -> None:
        self.request_id = request_id
        self.browser.setHtml("".join(self.entry_html(e) for e in reversed(list(entries))))

    def set_can_note(self, on: bool) -> None:
        for w in (self.note, self.note_btn, self.answer_btn):
            w.setEnabled(on)

    def entry_html(self, e: TimelineEntry) -> str:
        who = html.escape(e.operator or self.tr("system"))
        when = html.escape(fmt.datetime(e.at))
        text = e.text
        if e.maintenance_plan_id is not None:
            text = self.tr("Visit of maintenance plan no. %1").replace(
                "%1", str(e.maintenance_plan_id))
        body = html.escape(text).replace("\n", "<br>") if text else ""
        link = ""
        if e.intervention_id:
            open_text = html.escape(self.tr("open"))
            link = f" <a href='intervention:{e.intervention_id}'>{open_text}</a>"
        return (f"<div style='margin-bottom:8px'><span style='color:{COLORS.get(e.kind, '#374151')};"
                f"font-weight:bold'>{html.escape(self.headline(e))}</span>{link}<br>"
                f"<span style='color:#6b7280'>{when} · {who}</span>"
                + (f"<br>{body}" if body else "") + "</div>")

    def headline(self, e: TimelineEntry) -> str:
        """What happened, as a sentence in the user's language."""
        if e.kind == "status":
            if not e.from_status:
                return self.tr("Request opened")
            return self.tr("Status: %1 → %2").replace("%1", labels.status_name(e.from_status)) \
                .replace("%2", labels.status_name(e.to_status or ""))
        if e.kind == "answer":
            return self.tr("Answer to the customer")
        if e.kind == "note":
            return self.tr("Note")
        if e.kind == "ticket_override":
            return self.tr("Closed without tickets left (override)")
        if e.kind == "kb_applied":
            return self.tr("Knowledge base article applied")
        if e.kind == "intervention_event":  # what happened to one intervention, when
            what = self._intervention_action(e.intervention_status)
            return f"{what}: {e.activity}" if e.activity else what
        if e.kind == "intervention":  # the intervention itself, as it is now
            what = self.tr("Intervention")
            status = self._intervention_status(e.intervention_status)
            parts = [x for x in (e.activity, status) if x]
            return f"{what}: {' — '.join(parts)}" if parts else what
        return self.tr("Event")

    def _intervention_action(self, code: str) -> str:
        names = {"scheduled": self.tr("Intervention scheduled"),
                 "rescheduled": self.tr("Intervention rescheduled"),
                 "done": self.tr("Intervention completed"),
                 "cancelled": self.tr("Intervention cancelled")}
        return names.get(code, self.tr("Intervention"))

    def _intervention_status(self, code: str) -> str:
        names = {"planned": self.tr("planned"), "in_progress": self.tr("in progress"),
                 "done": self.tr("done"), "cancelled": self.tr("cancelled")}
        return names.get(code, "")

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("intervention:"):
            self.ctx.bus.open_intervention.emit(int(text.split(":", 1)[1]))

    # -- notes -----------------------------------------------------------------------------
    def append_note(self, text: str) -> None:
        current = self.note.toPlainText().rstrip()
        self.note.setPlainText(f"{current}\n{text}" if current else text)

    def add_note(self, kind: str) -> bool:
        if self.request_id is None:
            return False

        def failed(err: ServiceDeskError) -> bool:
            if isinstance(err, ValidationError):
                label = self.tr("Note")
                for fe in err.errors:
                    fe.params.setdefault("label", label)
            return False  # the op runner tells the user

        done = self.ctx.ops.run(self, svc.add_note, self.request_id, self.note.toPlainText(),
                                kind=kind, on_failure=failed)
        if done is None:
            return False
        self.note.clear()
        self.note_added.emit()
        return True
