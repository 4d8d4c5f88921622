"""Maintenance UI (R-MNT-1, R-MNT-2): generate visits from the dialog, outbox lists notices,
letters printed to PDF, SMTP dialog warns when no keyring exists."""
from __future__ import annotations

from PySide6.QtCore import Qt

from servicedesk.models import Intervention, OutboxMessage


def test_generate_dialog_creates_and_lists_visits(window, qtbot):
    from ui.dialogs.maintenance_generate import GenerateVisitsDialog

    before = Intervention.select().where(Intervention.maintenance_plan.is_null(False)).count()
    dialog = GenerateVisitsDialog(ctx=window.ctx, parent=window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    after = Intervention.select().where(Intervention.maintenance_plan.is_null(False)).count()
    assert dialog.model.rowCount() == after - before
    assert "visits created" in dialog.summary.text()
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0  # idempotent
    assert Intervention.select().where(Intervention.maintenance_plan.is_null(False)).count() == after


def test_outbox_page_and_letters_pdf(window, qtbot, tmp_path):
    from servicedesk.queries import maintenance as mq
    from servicedesk.services import maintenance, notices
    from ui.widgets.outbox_page import OutboxPage, write_letters

    maintenance.generate(60)
    notices.build_notices()
    page = OutboxPage(ctx=window.ctx)
    qtbot.addWidget(page)
    total = OutboxMessage.select().where(OutboxMessage.channel == "email").count()
    assert page.model.rowCount() == total
    ids = [m.id for m in OutboxMessage.select().where(OutboxMessage.channel == "letter")] \
        or [m.id for m in OutboxMessage.select().limit(2)]
    letters = mq.letters(ids)
    assert [x.id for x in letters] == ids
    pdf = tmp_path / "lettere.pdf"
    write_letters(str(pdf), letters)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_smtp_dialog_says_password_is_session_only(window, qtbot, monkeypatch):
    from servicedesk.services import mailer
    from ui.dialogs.smtp_settings import SmtpSettingsDialog

    monkeypatch.setattr(mailer, "keyring_available", lambda: False)
    dialog = SmtpSettingsDialog(ctx=window.ctx, parent=window)
    qtbot.addWidget(dialog)
    assert "only until ServiceDesk is closed" in dialog.keyring_note.text()
    dialog.host.setText("smtp.example.it")
    dialog.from_address.setText("office@example.it")
    dialog.password.setText("pw")
    dialog.company.setText("Termoservice")
    dialog.save()
    assert mailer.load_settings().host == "smtp.example.it"
    assert mailer.get_password(mailer.load_settings()) == "pw"
