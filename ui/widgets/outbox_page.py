"""Outbox of customer notices (R-MNT-2): status, attempts, errors; retry, cancel, send now,
print letters (PDF) for customers without e-mail."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextOption
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)

from servicedesk.permissions import Permission
from servicedesk.queries import maintenance as mq
from servicedesk.services import mailer, notices

from .. import fmt
from ..models.paged import Column, IdPagedModel, ViewState
from ..workers import Worker
from .party_rows import make_table


def outbox_status_names() -> dict[str, str]:
    return {"queued": QCoreApplication.translate("Maintenance", "queued"), "sending": QCoreApplication.translate("Maintenance", "sending"),
            "sent": QCoreApplication.translate("Maintenance", "sent"), "failed": QCoreApplication.translate("Maintenance", "failed"),
            "cancelled": QCoreApplication.translate("Maintenance", "cancelled")}


def write_letters(path: str, messages: list[mq.Letter]) -> None:
    """One A4 page per letter: sender, address block, place and date, text (Qt's PDF writer)."""
    sender = notices.load_sender()
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(QCoreApplication.translate("Maintenance", "Maintenance notices"))
    painter = QPainter(writer)
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        width, height = page.width(), page.height()
        body_font = QFont("Helvetica", 11)
        bold = QFont("Helvetica", 12, QFont.Weight.Bold)
        for n, message in enumerate(messages):
            if n:
                writer.newPage()
            address, place, body = message.address, message.place, message.body
            y = 0.0
            painter.setFont(bold)
            painter.drawText(QRectF(0, y, width, 40), Qt.AlignmentFlag.AlignLeft, sender.company)
            painter.setFont(body_font)
            contact = "  ·  ".join(p for p in (sender.phone, sender.email) if p)
            painter.drawText(QRectF(0, y + 40, width, 30), Qt.AlignmentFlag.AlignLeft, contact)
            y = height * 0.16
            painter.drawText(QRectF(width * 0.55, y, width * 0.45, 200),
                             Qt.AlignmentFlag.AlignLeft, address)
            y = height * 0.32
            painter.drawText(QRectF(0, y, width, 30), Qt.AlignmentFlag.AlignRight, place)
            y += 60
            painter.setFont(QFont("Helvetica", 11, QFont.Weight.Bold))
            painter.drawText(QRectF(0, y, width, 60), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                             message.subject)
            y += 80
            painter.setFont(body_font)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WordWrap)
            body = body.replace(notices.TEXTS["it"]["ics"], "").replace(notices.TEXTS["en"]["ics"], "")
            painter.drawText(QRectF(0, y, width, height - y), body, option)
    finally:
        painter.end()


class _OutboxModel(IdPagedModel):
    def role_data(self, rec: mq.OutboxRow, key: str, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and rec.status == "failed":
            return QColor("#b91c1c")
        if role == Qt.ItemDataRole.ToolTipRole and key in ("subject", "to", "error"):
            return {"subject": rec.subject, "to": _to(rec), "error": rec.last_error}[key] or None
        return None


def _to(m: mq.OutboxRow) -> str:
    if m.channel == "email":
        return f"{m.to_name} <{m.to_address}>" if m.to_name else m.to_address
    return m.to_name


class OutboxPage(QWidget):
    """Workspace tab "Outbox"."""

    def __init__(self, *, ctx, sender=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPage")
        self.ctx = ctx
        self.sender_worker = sender
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.setObjectName("outboxFilter")
        self.filter.addItem(QCoreApplication.translate("Maintenance", "To send or check"), "pending")
        self.filter.addItem(QCoreApplication.translate("Maintenance", "Letters to print"), "letters")
        self.filter.addItem(QCoreApplication.translate("Maintenance", "Sent"), "sent")
        self.filter.addItem(QCoreApplication.translate("Maintenance", "All"), "all")
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.state = QLabel()
        self.state.setObjectName("outboxState")
        self.state.setWordWrap(True)
        send = QPushButton(QCoreApplication.translate("Maintenance", "Send now"))
        send.setObjectName("outboxSendNow")
        send.clicked.connect(self.send_now)
        self.retry_button = QPushButton(QCoreApplication.translate("Maintenance", "Retry"))
        self.retry_button.setObjectName("outboxRetry")
        self.retry_button.clicked.connect(self.retry)
        self.cancel_button = QPushButton(QCoreApplication.translate("Maintenance", "Do not send"))
        self.cancel_button.setObjectName("outboxCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button = QPushButton(QCoreApplication.translate("Maintenance", "Print letters (PDF)…"))
        self.print_button.setObjectName("outboxPrint")
        self.print_button.clicked.connect(self.print_letters)
        bar.addWidget(self.filter)
        bar.addWidget(self.state, 1)
        for b in (send, self.retry_button, self.cancel_button, self.print_button):
            bar.addWidget(b)
        self.can_edit = ctx.actor.can(Permission.MAINTENANCE_EDIT)
        for b in (self.retry_button, self.cancel_button, self.print_button):
            b.setEnabled(self.can_edit)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        names = outbox_status_names()
        channels = {"email": QCoreApplication.translate("Maintenance", "e-mail"), "letter": QCoreApplication.translate("Maintenance", "letter")}
        columns = [
            Column("created", lambda: QCoreApplication.translate("Maintenance", "Created"), lambda m: fmt.datetime(m.created_at)),
            Column("channel", lambda: QCoreApplication.translate("Maintenance", "Channel"), lambda m: channels.get(m.channel, m.channel)),
            Column("to", lambda: QCoreApplication.translate("Maintenance", "To"), _to),
            Column("subject", lambda: QCoreApplication.translate("Maintenance", "Subject"), lambda m: m.subject),
            Column("status", lambda: QCoreApplication.translate("Maintenance", "Status"), lambda m: names.get(m.status, m.status)),
            Column("attempts", lambda: QCoreApplication.translate("Maintenance", "Attempts"), lambda m: m.attempts or ""),
            Column("next", lambda: QCoreApplication.translate("Maintenance", "Next attempt"),
                   lambda m: fmt.datetime(m.next_attempt_at) if m.status == "queued" and m.next_attempt_at else ""),
            Column("error", lambda: QCoreApplication.translate("Maintenance", "Last error"), lambda m: m.last_error)]
        self.model = _OutboxModel(columns, mq.outbox_rows, self)
        self.view = make_table(self.model, (120, 70, 200, 320, 80, 70, 120), name="outboxList")
        self.view.selectionModel().currentRowChanged.connect(self._show_body)
        split.addWidget(self.view)
        self.body = QPlainTextEdit()
        self.body.setObjectName("outboxBody")
        self.body.setReadOnly(True)
        split.addWidget(self.body)
        split.setSizes([420, 200])
        layout.addWidget(split, 1)
        ctx.bus.changes.connect(self._on_changes)
        if sender is not None:
            sender.finished.connect(self._show_state)
        self.refresh()

    def refresh(self) -> None:
        """Read the list again on a worker; selection and scroll come back by id."""
        state = ViewState.capture(self.view, self.model) if self.model.rowCount() else None
        spec = mq.OutboxFilter(self.filter.currentData())
        self.worker.run(mq.outbox_ids, spec, on_done=lambda ids: self._listed(ids, state),
                        key="ids")

    def _listed(self, ids: list[int], state: ViewState | None) -> None:
        self.model.set_ids(ids)
        if state is not None:
            state.restore(self.view, self.model)
        self._show_state()

    def _on_changes(self, changes) -> None:
        if not changes.touches("outbox_message"):
            return
        if changes.ids("outbox_message", "created", "deleted") or changes.bulk("outbox_message"):
            self.refresh()
        else:
            self.model.mark_stale(changes.ids("outbox_message"))
            self._show_state()

    def _show_state(self) -> None:
        c = mq.outbox_counts()
        smtp = mailer.load_settings()
        parts = [QCoreApplication.translate("Maintenance", "{n} queued").format(n=c.get("queued", 0)),
                 QCoreApplication.translate("Maintenance", "{n} failed").format(n=c.get("failed", 0))]
        if not smtp.configured:
            parts.append(QCoreApplication.translate("Maintenance", "e-mail not configured: Maintenance → E-mail settings"))
        elif self.sender_worker is not None and self.sender_worker.last_offline:
            parts.append(QCoreApplication.translate("Maintenance", "server not reachable, retrying: {why}").format(
                why=self.sender_worker.last_offline[:80]))
        self.state.setText(" · ".join(parts))

    def _selected(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _show_body(self, current, _previous) -> None:
        m = mq.outbox_message(self.model.id_at(current.row())) if current.isValid() else None
        self.body.setPlainText(f"{m.to_address}\n\n{m.subject}\n\n{m.body}" if m else "")

    def retry(self) -> None:
        mid = self._selected()
        if mid is not None and self.can_edit:
            if self.ctx.ops.run(self, mailer.retry_now, mid) is not None:
                self.send_now()

    def cancel(self) -> None:
        mid = self._selected()
        if mid is not None and self.can_edit:
            self.ctx.ops.run(self, mailer.cancel_message, mid)

    def send_now(self) -> None:
        if self.sender_worker is not None:
            self.sender_worker.tick(force=True)

    def print_letters(self) -> None:
        ids = mq.letters_to_print()
        if not ids:
            QMessageBox.information(self, QCoreApplication.translate("Maintenance", "Letters"), QCoreApplication.translate("Maintenance", "No letters to print."))
            return
        from ..files import remember, suggested_path

        name = QCoreApplication.translate("Maintenance", "maintenance-notices.pdf")
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Maintenance", "Save the letters as PDF"),
                                              suggested_path(self.ctx, "letters", name), "PDF (*.pdf)")
        remember(self.ctx, "letters", path)
        if not path:
            return
        write_letters(path, mq.letters(ids))
        answer = QMessageBox.question(self, QCoreApplication.translate("Maintenance", "Letters"),
                                      QCoreApplication.translate("Maintenance", "{n} letters saved. Mark them as sent?").format(n=len(ids)))
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.ops.run(self, mailer.mark_printed, ids)
