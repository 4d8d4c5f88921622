"""The status workflow of the editor: the buttons of the moves allowed from the current status,
and each move asked for what it needs (the final report, a reason, a ticket override) and run
through the op runner (R-REQ-2, R-CON-3)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton, QSizePolicy, QWidget

from servicedesk.errors import ServiceDeskError, ValidationError
from servicedesk.services import requests as svc

from ... import messages
from ...widgets import request_labels as labels
from ...widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from .editor import RequestEditor


class StatusButtons(QWidget):
    """One button per allowed move; in a narrow tab they wrap onto a second line (never a
    horizontal scroll bar, never a wider window)."""

    requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestTransitions")
        self.box = FlowLayout(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def show_status(self, status: str | None, can_edit: bool) -> None:
        while self.box.count():
            item = self.box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if status is None or not can_edit:
            return
        for to in svc.allowed_transitions(status):
            text = labels.transition_label(to)
            if to == "in_progress" and status in ("resolved", "closed"):
                text = self.tr("Reopen")
            btn = QPushButton(text)
            btn.setObjectName(f"transition_{to}")
            btn.setToolTip(self.tr("Change the status to “%1”").replace("%1", labels.status_name(to)))
            btn.clicked.connect(lambda _c=False, t=to: self.requested.emit(t))
            self.box.addWidget(btn)

    def texts(self) -> list[str]:
        return [self.box.itemAt(i).widget().text() for i in range(self.box.count())
                if self.box.itemAt(i).widget() is not None]


class StatusWorkflow(QObject):
    """Moves the editor's request to another status."""

    def __init__(self, editor: "RequestEditor") -> None:
        super().__init__(editor)
        self.editor = editor

    def change(self, to: str, *, final_report: str | None = None, note: str | None = None,
               override: bool | None = None) -> bool:
        """Move the request to ``to``; asks for what is needed (the final report, a reason).
        Keyword arguments answer the questions in advance (scripts and tests)."""
        editor = self.editor
        if editor.snapshot is None:
            return False
        if editor.is_dirty() and not editor.save():
            return False
        snap = editor.snapshot
        parent = editor
        if to == "resolved" and final_report is None:
            text, ok = QInputDialog.getMultiLineText(
                parent, self.tr("Final report"),
                self.tr("What was found and done (the final report):"), snap.final_report)
            if not ok:
                return False
            final_report = text
        if to == "cancelled" and note is None:
            text, ok = QInputDialog.getText(parent, self.tr("Cancel request"),
                                            self.tr("Why is the request cancelled? (optional)"))
            if not ok:
                return False
            note = text
        exhausted: list[ValidationError] = []

        def failed(err: ServiceDeskError) -> bool:
            if isinstance(err, ValidationError):
                editor.form.label_errors(err)
                if override is None and any(fe.code == "tickets.exhausted" for fe in err.errors):
                    exhausted.append(err)
                    return True  # asked below: close anyway?
            return False

        outcome = editor.ctx.ops.run(parent, svc.set_status, snap.id, snap.version, to,
                                     final_report=final_report, note=note or "",
                                     ticket_override=bool(override), on_failure=failed,
                                     on_conflict=lambda _err: editor.reload())
        if outcome is None:
            return self._offer_override(to, exhausted[0]) if exhausted else False
        editor.written()
        editor.ctx.bus.status_message.emit(
            self.tr("%1: %2").replace("%1", snap.number).replace("%2", labels.status_name(to)))
        return True

    def _offer_override(self, to: str, err: ValidationError) -> bool:
        parent = self.editor
        text = messages.error_text(err) + "\n\n" + self.tr(
            "Close it anyway? The debit beyond the available tickets is recorded as an override.")
        answer = QMessageBox.question(parent, self.tr("No tickets left"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        reason, ok = QInputDialog.getText(parent, self.tr("Override"),
                                          self.tr("Reason for the override:"))
        if not ok:
            return False
        return self.change(to, note=reason, override=True)
