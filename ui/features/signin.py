"""Sign-in before the main window, "Sign out / switch operator", "Change my password", the
operators administration entry and the signed-in operator in the status bar (R-X-1)."""
from __future__ import annotations

import hashlib
import socket

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from servicedesk import context
from servicedesk.errors import ServiceDeskError
from servicedesk.queries import operators as oq
from servicedesk.permissions import Permission
from servicedesk.services import auth

from .. import messages
from ..settings import LAST_USER, SIGN_IN_TOKEN
from ..extensions import RequestPanel, register_request_panel

ORDER = 5


def _register_messages() -> None:
    reg = messages.register
    reg("auth.invalid", lambda p: QCoreApplication.translate("Messages", "Wrong user name or password."))
    reg("auth.inactive", lambda p: QCoreApplication.translate("Messages", "The operator “{username}” is deactivated. Ask an administrator.").format(**p))
    reg("auth.no_password", lambda p: QCoreApplication.translate("Messages", "The operator “{username}” has no password yet. Ask an administrator to set one.").format(**p))
    reg("auth.locked", lambda p: QCoreApplication.translate("Messages", "Too many wrong passwords: this user is locked for a few minutes."))
    reg("auth.admin_exists", lambda p: QCoreApplication.translate("Messages", "An administrator already exists: sign in instead."))
    reg("auth.password_short", lambda p: QCoreApplication.translate("Messages", "The password must have at least {min} characters.").format(**p))
    reg("auth.password_mismatch", lambda p: QCoreApplication.translate("Messages", "The two passwords are different."))
    reg("auth.wrong_password", lambda p: QCoreApplication.translate("Messages", "The current password is wrong."))
    reg("auth.username_format", lambda p: QCoreApplication.translate("Messages", "2 to 40 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit."))
    reg("auth.username_taken", lambda p: QCoreApplication.translate("Messages", "The user name “{username}” is already in use.").format(**p))
    reg("auth.email_format", lambda p: QCoreApplication.translate("Messages", "Not a valid e-mail address."))
    reg("auth.last_admin", lambda p: QCoreApplication.translate("Messages", "This is the last active administrator: name another administrator first."))
    reg("auth.team_taken", lambda p: QCoreApplication.translate("Messages", "A team named “{name}” already exists.").format(**p))


_register_messages()


def _audit_panel(ctx, editor):
    from ..widgets.audit_view import AuditView  # when a request editor first shows it

    return AuditView(ctx=ctx)


register_request_panel(RequestPanel(
    key="audit", title=lambda: QCoreApplication.translate("Audit", "History of changes"),
    factory=_audit_panel, order=900))


# -- remember me: the token lives in this user's settings, one per database ---------------------
def _token_key(ctx) -> str:
    """The part of the token's setting that names this database (a digest of its path, or of
    the server's user@host:port/database)."""
    return hashlib.sha256(ctx.db.info.identity.encode("utf-8")).hexdigest()[:16]


def _stored_token(ctx) -> str:
    return SIGN_IN_TOKEN.read(ctx.settings, _token_key(ctx))


def _store_token(ctx, text: str) -> None:
    if text:
        SIGN_IN_TOKEN.write(ctx.settings, text, _token_key(ctx))
    else:
        SIGN_IN_TOKEN.remove(ctx.settings, _token_key(ctx))
    ctx.settings.sync()


def _first_admin_actor() -> context.Actor:
    admin = oq.first_active_admin()
    actor = auth.actor_of(admin) if admin is not None else None
    return actor if actor is not None else context.SYSTEM


def sign_in_interactively(ctx, parent=None) -> bool:
    """Show the first-run or the sign-in dialog; sets the actor. False: the user gave up."""
    from ..dialogs.signin import FirstRunDialog, SignInDialog

    if auth.needs_first_admin():
        dialog = FirstRunDialog(ctx=ctx, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        ctx.set_actor(dialog.actor)
        return True
    dialog = SignInDialog(ctx=ctx, database_label=ctx.db.info.location, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return False
    ctx.set_actor(dialog.actor)
    LAST_USER.write(ctx.settings, dialog.username_text())
    if dialog.remember.isChecked():
        token = auth.remember(dialog.actor, label=socket.gethostname())
        _store_token(ctx, token.text)
    return True


def before_window(ctx) -> bool:
    """Who is working: silently in screenshot/test mode, by a remembered token, or by asking."""
    if ctx.screenshot_mode or ctx.unattended:
        ctx.set_actor(_first_admin_actor())
        return True
    token = _stored_token(ctx)
    if token:
        actor = auth.sign_in_with_token(token)
        if actor is not None:
            ctx.set_actor(actor)
            return True
        _store_token(ctx, "")  # revoked or expired: forget it
    return sign_in_interactively(ctx)


def sign_out(window) -> None:
    """Forget this workstation's remembered sign-in and ask who continues."""
    ctx = window.ctx
    token = _stored_token(ctx)
    if token:
        try:
            auth.forget(token)
        except ServiceDeskError:  # pragma: no cover - the token is dropped locally anyway
            pass
        _store_token(ctx, "")
    previous = ctx.actor
    if sign_in_interactively(ctx, parent=window):
        window.refresh_operator()
        ctx.bus.status_message.emit(QCoreApplication.translate("SignIn", "Signed in as %1")
                                    .replace("%1", ctx.actor.name))
    else:
        # Cancelled: nobody may keep working under the previous name on a shared workstation.
        ctx.set_actor(previous)
        window.close()


def install(window) -> None:
    ctx = window.ctx
    file_menu = window.menu("file")
    before = getattr(window, "_file_tail", None)
    switch = QAction(QCoreApplication.translate("SignIn", "Sign &out / switch operator…"), window)
    switch.setObjectName("actionSignOut")
    switch.triggered.connect(lambda: sign_out(window))
    change = QAction(QCoreApplication.translate("SignIn", "Change my &password…"), window)
    change.setObjectName("actionChangePassword")
    change.triggered.connect(lambda: _change_password(window))
    for action in (switch, change):
        if before is not None:
            file_menu.insertAction(before, action)
        else:
            file_menu.addAction(action)
    tools = window.menu("tools")
    admin = QAction(QCoreApplication.translate("SignIn", "&Operators and teams…"), window)
    admin.setObjectName("actionOperators")
    admin.triggered.connect(lambda: _open_operators(window))
    tools.addAction(admin)

    def refresh(_topics=None) -> None:
        admin.setEnabled(ctx.actor.can(Permission.OPERATOR_ADMIN))
        change.setEnabled(ctx.actor.operator_id is not None)

    ctx.bus.changed.connect(lambda topics: refresh() if "operators" in topics else None)
    tools.aboutToShow.connect(refresh)
    refresh()
    window.refresh_operator()


def _change_password(window) -> None:
    from ..dialogs.signin import ChangePasswordDialog

    dialog = ChangePasswordDialog(ctx=window.ctx, parent=window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        QMessageBox.information(window, QCoreApplication.translate("SignIn", "Password changed"),
                                QCoreApplication.translate("SignIn", "Your password was changed. Remembered "
                                                           "sign-ins were revoked: the next start asks for "
                                                           "the new password."))
        _store_token(window.ctx, "")


def _open_operators(window) -> None:
    if not window.ctx.actor.can(Permission.OPERATOR_ADMIN):
        messages.show_error(window, ServiceDeskError(code="permission"))
        return
    from ..dialogs.operators import OperatorsDialog

    dialog = OperatorsDialog(ctx=window.ctx, parent=window)
    dialog.exec()
    window.refresh_operator()
