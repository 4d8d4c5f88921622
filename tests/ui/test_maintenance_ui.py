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


def test_generation_runs_on_a_worker_and_the_plan_page_follows(window, qtbot):
    """#13: the generation runs off the GUI thread; what it wrote reaches the open plans page
    as a change set (its visits list grows without a reload by hand)."""
    from ui.dialogs.maintenance_generate import GenerateVisitsDialog
    from ui.widgets.maintenance_page import PlansPage

    page = PlansPage(ctx=window.ctx)
    qtbot.addWidget(page)
    plan_id = page.editor.record_id
    before = page.editor.visits.rowCount()
    dialog = GenerateVisitsDialog(ctx=window.ctx, parent=window)
    qtbot.addWidget(dialog)
    dialog.worker.threaded = True
    dialog.horizon.setValue(366)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert not dialog.run_button.isEnabled()  # running
    qtbot.waitUntil(lambda: "visits created" in dialog.summary.text(), timeout=60_000)
    assert dialog.run_button.isEnabled()
    made = Intervention.select().where(Intervention.maintenance_plan == plan_id).count()
    qtbot.waitUntil(lambda: page.editor.visits.rowCount() == min(made, 200), timeout=10_000)
    assert made >= before


def test_outbox_actions_go_through_the_op_runner(window, qtbot):
    from servicedesk.services import maintenance, notices
    from ui.widgets.outbox_page import OutboxPage

    maintenance.generate(60)
    notices.build_notices()
    page = OutboxPage(ctx=window.ctx)
    qtbot.addWidget(page)
    qtmodeltester_rows = page.model.rowCount()
    assert qtmodeltester_rows > 0
    message = OutboxMessage.get_by_id(page.model.id_at(0))
    page.view.selectRow(0)
    assert message.subject in page.body.toPlainText()
    page.cancel()
    assert OutboxMessage.get_by_id(message.id).status == "cancelled"
    assert page.model.index(0, 4).data() == "cancelled"  # repainted from the change set
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert page.model.rowCount() == OutboxMessage.select().count()


def test_outbox_model_passes_the_model_tester(window, qtbot, qtmodeltester):
    from servicedesk.services import maintenance, notices
    from ui.widgets.outbox_page import OutboxPage

    maintenance.generate(60)
    notices.build_notices()
    page = OutboxPage(ctx=window.ctx)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)


def test_sender_round_runs_on_a_worker(window, qtbot):
    """R-MNT-2: "Send now" runs a round off the GUI thread; an unconfigured server is said."""
    sender = window.outbox_sender
    with qtbot.waitSignal(sender.finished, timeout=30_000):
        sender.tick(force=True)
    assert not sender.running and sender.last_error == ""
