"""Sign-in, first run, operators administration and the audit trail panel in the UI (R-X-1)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from servicedesk import context
from servicedesk.models import Contract, Operator
from servicedesk.permissions import Role
from servicedesk.services import auth, operators


@pytest.fixture
def ctx(db, tmp_path):
    from ui import i18n
    from ui.appctx import AppContext
    from ui.bus import EventBus

    i18n.install(QApplication.instance(), "en")
    import ui.features.signin  # noqa: F401 - registers the messages
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(db=db, bus=EventBus(), settings=settings, lang="en")


def test_screenshot_mode_signs_in_silently_as_first_admin(ctx):
    from ui.features import signin

    ctx.screenshot_mode = True
    assert signin.before_window(ctx) is True
    assert ctx.actor is context.SYSTEM  # no operators yet
    operators.create_first_admin("anna", "Anna Bianchi", "password1")
    context.set_actor(context.SYSTEM)
    assert signin.before_window(ctx) is True
    assert ctx.actor.name == "Anna Bianchi" and ctx.actor.role == Role.ADMIN


def test_first_run_dialog_creates_the_administrator(qtbot, ctx):
    from ui.dialogs.signin import FirstRunDialog

    dialog = FirstRunDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.full_name.setText("")
    qtbot.keyClicks(dialog.password, "short")
    dialog.create()
    assert not dialog.error.isHidden()
    assert "Full name" in dialog.error.text() and "at least 8" in dialog.error.text()
    assert Operator.select().count() == 0
    qtbot.keyClicks(dialog.full_name, "Anna Bianchi")
    dialog.password.setText("correct horse")
    dialog.again.setText("correct horse")
    dialog.create()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.actor.role == Role.ADMIN
    assert Operator.get(Operator.username == "admin").full_name == "Anna Bianchi"


def test_sign_in_dialog_errors_then_success_and_remember_me(qtbot, ctx):
    from ui.dialogs.signin import SignInDialog
    from ui.features import signin

    operators.create_first_admin("anna", "Anna Bianchi", "correct horse")
    dialog = SignInDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    assert dialog.username.count() == 1 and dialog.username.itemData(0) == "anna"
    dialog.username.setCurrentIndex(0)
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isHidden() and dialog.error.text() == "Wrong user name or password."
    assert dialog.password.text() == ""  # cleared for the next try
    qtbot.keyClicks(dialog.password, "correct horse")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.actor.name == "Anna Bianchi"
    # remembered sign-in: the next start needs no dialog
    token = auth.remember(dialog.actor)
    signin._store_token(ctx, token.text)
    context.set_actor(context.SYSTEM)
    assert signin.before_window(ctx) is True
    assert ctx.actor.name == "Anna Bianchi"
    auth.forget(token.text)  # revoked elsewhere: the stale token is dropped and the dialog asked
    context.set_actor(context.SYSTEM)
    asked = []
    signin_mod = signin
    original = signin_mod.sign_in_interactively
    signin_mod.sign_in_interactively = lambda c, parent=None: asked.append(1) or False
    try:
        assert signin.before_window(ctx) is False
    finally:
        signin_mod.sign_in_interactively = original
    assert asked == [1] and signin._stored_token(ctx) == ""


def test_locked_user_message_names_the_time(qtbot, ctx):
    from servicedesk import clock
    from ui.dialogs.signin import SignInDialog

    operators.create_first_admin("anna", "Anna Bianchi", "correct horse")
    clock.freeze(dt.datetime(2026, 3, 2, 9, 0))
    dialog = SignInDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.username.setEditText("anna")
    for _ in range(auth.MAX_ATTEMPTS + 1):
        dialog.password.setText("nope")
        dialog.try_sign_in()
    assert "locked until 09:05" in dialog.error.text()


def test_typed_user_name_is_case_insensitive(qtbot, ctx):
    from ui.dialogs.signin import SignInDialog

    operators.create_first_admin("anna", "Anna Bianchi", "correct horse")
    Operator.update(username="Anna").execute()  # names as an older import wrote them
    dialog = SignInDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.username.setEditText("ANNA")
    dialog.password.setText("correct horse")
    dialog.try_sign_in()
    assert dialog.actor is not None


def test_operators_dialog_creates_edits_and_validates(qtbot, ctx, qtmodeltester):
    from ui.dialogs.operators import OperatorsDialog

    admin = operators.create_first_admin("anna", "Anna Bianchi", "correct horse")
    context.set_actor(admin)
    dialog = OperatorsDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    dialog.new_operator()
    qtbot.keyClicks(dialog.f_username, "luca")
    qtbot.keyClicks(dialog.f_full_name, "Luca Verdi")
    qtbot.keyClicks(dialog.f_email, "luca@")
    dialog.f_password.setText("password1")
    dialog.f_again.setText("password2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "E-mail" in dialog.op_error.text() and "Repeat password" in dialog.op_error.text()
    assert Operator.select().count() == 1  # nothing written
    dialog.f_email.setText("luca@example.it")
    dialog.f_again.setText("password1")
    dialog.f_role.setCurrentIndex(dialog.f_role.findData("coordinator"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    luca = Operator.get(Operator.username == "luca")
    assert luca.role == "coordinator" and auth.verify_password("password1", luca.password_hash)
    assert dialog.model.rowCount() == 2 and dialog.current.id == luca.id
    # demoting the only administrator is refused with a clear message
    dialog.table.selectRow(dialog.model.row_of(admin.operator_id))
    dialog.f_role.setCurrentIndex(dialog.f_role.findData("technician"))
    dialog.save_operator()
    assert "last active administrator" in dialog.op_error.text()


def test_operators_dialog_conflict_is_shown_and_reloaded(qtbot, ctx, monkeypatch, other_workstation):
    """#13: a save over another workstation's edit writes nothing, says what changed, and the
    form shows the operator as stored."""
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.operators import OperatorsDialog

    admin = operators.create_first_admin("anna", "Anna Bianchi", "correct horse")
    context.set_actor(admin)
    dialog = OperatorsDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    other_workstation(ctx.db, "UPDATE operator SET phone = '02 999', version = version + 1 "
                      "WHERE id = ?", (admin.operator_id,))
    dialog.f_full_name.setText("Anna B.")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    dialog.save_operator()
    assert shown and "Another workstation changed this record" in shown[0]
    assert Operator.get_by_id(admin.operator_id).full_name == "Anna Bianchi"
    assert dialog.f_phone.text() == "02 999" and dialog.f_full_name.text() == "Anna Bianchi"


def test_operators_dialog_teams_and_password(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from servicedesk.models import Team
    from ui.dialogs.operators import OperatorsDialog

    admin = operators.create_first_admin("anna", "Anna Bianchi", "correct horse")
    context.set_actor(admin)
    dialog = OperatorsDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.new_team()
    dialog.t_name.setText("Assistenza Sud")
    dialog.save_team()
    team = Team.get(Team.name == "Assistenza Sud")
    assert dialog.current_team.id == team.id and dialog.f_team.findData(team.id) >= 0
    dialog.t_archived.setChecked(True)
    dialog.save_team()
    assert Team.get_by_id(team.id).archived and dialog.f_team.findData(team.id) < 0
    answers = iter(["nuova password", "nuova password"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(answers), True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    dialog.reset_password()
    assert auth.verify_password("nuova password", Operator.get_by_id(admin.operator_id).password_hash)


def test_audit_view_lists_changes(qtbot, ctx, qtmodeltester):
    from servicedesk.models import Party, Province
    from ui.widgets.audit_view import AuditView
    from ui.extensions import request_panels

    assert "audit" in {p.key for p in request_panels()}
    admin = operators.create_first_admin("anna", "Anna Bianchi", "correct horse")
    party = Party.create(code="C1", name="Rossi", province=Province.get(code="MI"))
    contract = Contract.create(number="CT-1", party=party, title="Assistenza", start_date=dt.date(2026, 1, 1),
                               term_start=dt.date(2026, 1, 1), term_end=dt.date(2026, 12, 31),
                               amount=Decimal("1200.00"))
    with context.acting_as(admin):
        contract.amount = Decimal("1500.00")
        contract.save()
    view = AuditView(ctx=ctx, table_name="contract", record_id=contract.id)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    m = view.model
    assert m.rowCount() == 2
    row = [m.data(m.index(0, c)) for c in range(m.columnCount())]
    assert row[1:] == ["Anna Bianchi", "Contract", "Amount", "1,200.00", "1,500.00"]
    assert m.data(m.index(1, 1)) == "system" and m.data(m.index(1, 3)) == "created"
    view.set_record("service_request", None)
    assert m.rowCount() == 0 and "once the record is saved" in view.summary.text()


def test_window_menu_and_status_bar(window):
    actions = {a.objectName() for a in window.findChildren(type(window.menu("file").menuAction()))}
    assert {"actionSignOut", "actionChangePassword", "actionOperators"} <= actions
    label = window.findChild(type(window._operator_label), "statusOperator")
    assert label.text().startswith("Operator:")


def test_sign_out_revokes_the_remembered_token_and_switches_operator(window, monkeypatch):
    from ui.features import signin

    ctx = window.ctx
    ops = list(Operator.select().where(Operator.active == True).order_by(Operator.id).limit(2))  # noqa: E712
    for op in ops:
        Operator.update(password_hash=auth.hash_password("password1")).where(Operator.id == op.id).execute()
    token = auth.remember(auth.actor_for(ops[0]))
    signin._store_token(ctx, token.text)

    def fake_dialog(c, parent=None):
        c.set_actor(auth.actor_for(ops[1]))
        return True

    monkeypatch.setattr(signin, "sign_in_interactively", fake_dialog)
    signin.sign_out(window)
    assert auth.sign_in_with_token(token.text) is None and signin._stored_token(ctx) == ""
    assert ctx.actor.operator_id == ops[1].id
    assert ops[1].full_name in window._operator_label.text()
