"""Periodic maintenance and customer notices (R-MNT-1, R-MNT-2): the Maintenance menu with the
plans editor, "Generate visits", the outbox, e-mail settings; the background sender and an
outbox badge in the status bar."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from servicedesk.permissions import Permission

from .. import messages
from ..workers import Worker

ORDER = 80


def _register_messages() -> None:
    r = messages.register
    r("maintenance.target_required", lambda p: QCoreApplication.translate("Messages", "Choose the unit or the contract the plan is for."))
    r("maintenance.out_of_range", lambda p: QCoreApplication.translate("Messages", "Must be between {min} and {max}.").format(**p))
    r("maintenance.done_in_future", lambda p: QCoreApplication.translate("Messages", "The last visit cannot be in the future."))
    r("mail.host_invalid", lambda p: QCoreApplication.translate("Messages", "Not a valid server name."))
    r("mail.port_invalid", lambda p: QCoreApplication.translate("Messages", "Not a valid number for this setting."))
    r("mail.connect_failed", lambda p: QCoreApplication.translate("Messages", "The mail server could not be reached: {detail}").format(**p))


def _outbox_counts() -> dict[str, int]:
    from servicedesk.queries import maintenance as mq

    return mq.outbox_counts()


def install(window) -> None:
    # Pages and dialogs are imported when first opened, not at start-up (#18).
    from ..widgets.outbox_sender import OutboxSender

    ctx = window.ctx
    _register_messages()
    sender = OutboxSender(ctx=ctx, parent=window)
    window.outbox_sender = sender

    def open_plans():
        from ..widgets.maintenance_page import PlansPage

        return window.workspace.open("maintenance:plans", QCoreApplication.translate("Maintenance", "Maintenance plans"),
                                     lambda: PlansPage(ctx=ctx))

    def open_outbox():
        from ..widgets.outbox_page import OutboxPage

        return window.workspace.open("maintenance:outbox", QCoreApplication.translate("Maintenance", "Outbox"),
                                     lambda: OutboxPage(ctx=ctx, sender=sender))

    def generate_visits() -> None:
        from ..dialogs.maintenance_generate import GenerateVisitsDialog

        GenerateVisitsDialog(ctx=ctx, parent=window).exec()

    def smtp_settings() -> None:
        from ..dialogs.smtp_settings import SmtpSettingsDialog

        SmtpSettingsDialog(ctx=ctx, parent=window).exec()

    menu = window.menu("maintenance", QCoreApplication.translate("Maintenance", "&Maintenance"))
    entries = [
        (QCoreApplication.translate("Maintenance", "Maintenance plans"), open_plans, "actionPlans", None),
        (QCoreApplication.translate("Maintenance", "Generate visits…"), generate_visits,
         "actionGenerateVisits", Permission.MAINTENANCE_EDIT),
        (QCoreApplication.translate("Maintenance", "Outbox (customer notices)"), open_outbox, "actionOutbox", None),
        (QCoreApplication.translate("Maintenance", "E-mail settings…"), smtp_settings,
         "actionSmtpSettings", Permission.SETTINGS),
    ]
    for text, slot, name, permission in entries:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _c=False, s=slot: s())
        if permission is not None:
            action.setEnabled(ctx.actor.can(permission))
        menu.addAction(action)

    badge = QLabel()
    badge.setObjectName("statusOutbox")
    badge.hide()  # until the counts are in
    badge.setToolTip(QCoreApplication.translate("Maintenance", "Customer notices waiting or failed — click the Maintenance menu, Outbox"))

    worker = Worker(window, threaded=not ctx.screenshot_mode)

    def refresh_badge() -> None:
        # On a worker: the maintenance services load there, not while the window is built (#18).
        worker.run(_outbox_counts, on_done=show_badge, key="badge")

    def show_badge(counts: dict[str, int]) -> None:
        queued, failed = counts.get("queued", 0), counts.get("failed", 0)
        if failed:
            badge.setText(QCoreApplication.translate("Maintenance", "Outbox: {q} queued, {f} failed").format(q=queued, f=failed))
            badge.setStyleSheet("color: #b91c1c;")
        elif queued:
            badge.setText(QCoreApplication.translate("Maintenance", "Outbox: {q} queued").format(q=queued))
            badge.setStyleSheet("")
        else:
            badge.setText("")
        badge.setVisible(bool(queued or failed))

    window.add_status_widget(badge)
    ctx.after_start(refresh_badge)
    ctx.bus.changes.connect(lambda changes: changes.touches("outbox_message") and refresh_badge())
    if not ctx.screenshot_mode:
        sender.start()
        window.destroyed.connect(lambda *_: sender.timer.stop())
