"""The technician's laptop (R-X-2, #16): File › Laptop › Prepare pack… / Merge pack… in the
office; in an offline pack, a banner and a status-bar label saying whose pack it is, since when
and what will go back, the technician's offline rights, and the office's own actions disabled
with the reason."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QToolBar

from servicedesk import context
from servicedesk.packs import pack_info
from servicedesk.packs.status import pending_changes
from servicedesk.permissions import Permission, Role

from .. import fmt, messages
from ..pack_labels import counts_text

ORDER = 190  # after the features whose office-only actions a pack disables
# On the road the technician may also open requests, move them through their statuses and
# register customers and units met on site; the office sees all of it at the merge.
OFFLINE_RIGHTS = frozenset({Permission.REQUEST_EDIT, Permission.PARTY_EDIT})
# The office's own work: doing it on a laptop would do it twice, or cannot work offline.
OFFICE_ONLY_ACTIONS = ("actionRunRenewals", "actionGenerateVisits", "actionSmtpSettings",
                       "actionOperators", "actionImport", "actionDatabaseMode",
                       "actionPreparePack", "actionMergePack")


def _register_messages() -> None:
    reg = messages.register
    reg("packs.not_a_pack", lambda p: QCoreApplication.translate("Messages", "“{path}” is not a pack prepared for a laptop.").format(**p))
    reg("packs.missing", lambda p: QCoreApplication.translate("Messages", "The pack “{path}” does not exist.").format(**p))
    reg("packs.damaged", lambda p: QCoreApplication.translate("Messages", "The pack “{path}” is damaged or incomplete (copied only in part?). Copy it again from the laptop.").format(**p))
    reg("packs.other_office", lambda p: QCoreApplication.translate("Messages", "This pack was prepared from another office database (“{office}”): it cannot be merged here.").format(**p))
    reg("packs.newer_schema", lambda p: QCoreApplication.translate("Messages", "This pack was written by a newer version of ServiceDesk: update ServiceDesk in the office first."))
    reg("packs.edited_after_merge", lambda p: QCoreApplication.translate("Messages", "This pack was merged before and changed on the laptop since. Merge it as a new round to bring back only what changed after round {round}.").format(**p))
    reg("packs.into_pack", lambda p: QCoreApplication.translate("Messages", "The open database is itself an offline pack: open the office database to merge."))
    reg("packs.from_pack", lambda p: QCoreApplication.translate("Messages", "The open database is an offline pack: packs are prepared from the office database."))
    reg("packs.office_only", lambda p: QCoreApplication.translate("Messages", "Not available in an offline pack: this is done in the office."))
    reg("packs.operator_unknown", lambda p: QCoreApplication.translate("Messages", "The operator “{operator}” is not in this database, or is deactivated.").format(**p))
    reg("packs.days", lambda p: QCoreApplication.translate("Messages", "The period must be from {min} to {max} days.").format(**p))
    reg("packs.same_file", lambda p: QCoreApplication.translate("Messages", "The pack cannot be written over the office database."))
    reg("packs.no_folder", lambda p: QCoreApplication.translate("Messages", "The folder for “{path}” does not exist.").format(**p))
    reg("packs.sqlite_only", lambda p: QCoreApplication.translate("Messages", "Packs are prepared from an office database file."))


_register_messages()


def before_window(ctx) -> bool:
    """In a pack: the technician works as himself, with his offline rights (screenshots and
    tests, which sign in as the first administrator, act as the pack's technician too)."""
    info = pack_info(ctx.db)
    if info is None:
        return True
    actor = ctx.actor
    if ctx.screenshot_mode or actor.operator_id is None:
        op = ctx.lookups().operator(info.operator_id)
        if op is not None:
            actor = context.Actor(op.id, Role(op.role), op.full_name)
    if actor.operator_id == info.operator_id:
        ctx.set_actor(dataclasses.replace(actor, extra=OFFLINE_RIGHTS))
    return True


def install(window) -> None:
    ctx = window.ctx
    info = pack_info(ctx.db)
    file_menu = window.menu("file")
    sub = QMenu(QCoreApplication.translate("Laptop", "&Laptop"), window)
    sub.setObjectName("menu_laptop")
    sub.setToolTipsVisible(True)
    prepare = QAction(QCoreApplication.translate("Laptop", "&Prepare pack…"), window)
    prepare.setObjectName("actionPreparePack")
    prepare.triggered.connect(lambda: open_prepare(window))
    merge = QAction(QCoreApplication.translate("Laptop", "&Merge pack…"), window)
    merge.setObjectName("actionMergePack")
    merge.triggered.connect(lambda: open_merge(window))
    sub.addAction(prepare)
    sub.addAction(merge)
    before = getattr(window, "_file_tail", None)
    if before is not None:
        file_menu.insertMenu(before, sub)
    else:
        file_menu.addMenu(sub)
    _signature_action(window)
    if info is None:
        def refresh() -> None:
            allowed = ctx.actor.can(Permission.BOARD_EDIT)
            for action in (prepare, merge):
                action.setEnabled(allowed)
        sub.aboutToShow.connect(refresh)
        refresh()
        return
    _offline(window, info)


def _offline(window, info) -> None:
    ctx = window.ctx
    reason = QCoreApplication.translate("Laptop", "Not available in an offline pack: this is done "
                                                  "in the office.")
    actions = [a for a in window.findChildren(QAction) if a.objectName() in OFFICE_ONLY_ACTIONS]

    def disable() -> None:
        for action in actions:
            action.setEnabled(False)
            action.setToolTip(reason)
            action.setStatusTip(reason)
    for menu in window.findChildren(QMenu):
        if any(a in menu.actions() for a in actions):
            menu.setToolTipsVisible(True)
            menu.aboutToShow.connect(disable)  # after the owners' own refresh
    disable()
    banner = QLabel()
    banner.setObjectName("packBannerText")
    banner.setTextFormat(Qt.TextFormat.RichText)
    banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    banner.setContentsMargins(8, 3, 8, 3)
    bar = QToolBar(QCoreApplication.translate("Laptop", "Offline pack"), window)
    bar.setObjectName("packBanner")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setStyleSheet("QToolBar#packBanner { background: #fef3c7; border-bottom: 1px solid #f59e0b;"
                      " padding: 4px 8px; } QLabel { color: #78350f; }")
    bar.addWidget(banner)
    bar.toggleViewAction().setEnabled(False)  # always shown: the user must know where he works
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    status = QLabel()
    status.setObjectName("statusPack")
    status.setStyleSheet("color: #92400e; font-weight: bold;")
    window.add_status_widget(status)
    window.setWindowTitle(QCoreApplication.translate("Laptop", "ServiceDesk — offline pack of %1")
                          .replace("%1", info.operator_name))

    def refresh(_changes=None) -> None:
        pending = pending_changes(ctx.db)
        going = counts_text(pending) if pending else \
            QCoreApplication.translate("Laptop", "nothing yet")
        period = f"{fmt.date(info.period_start)} – {fmt.date(info.period_end)}"
        banner.setText(QCoreApplication.translate(
            "Laptop", "<b>Offline pack of %1</b> · prepared on %2 for %3 from %4<br>"
                      "Work as usual: reports, work logs, signatures, requests, customers and KB "
                      "articles go back to the office when the pack is merged. "
                      "<b>To go back:</b> %5.")
            .replace("%1", info.operator_name).replace("%2", fmt.datetime(info.prepared_at))
            .replace("%3", period).replace("%4", info.office_name).replace("%5", going))
        status.setText(QCoreApplication.translate("Laptop", "Offline pack · %1 · %2 to go back")
                       .replace("%1", info.operator_name)
                       .replace("%2", str(sum(pending.values()))))
    ctx.bus.changes.connect(refresh)
    refresh()


def _signature_action(window) -> None:
    """Board › Customer signature… for the intervention selected on the board (R-X-7)."""
    ctx = window.ctx
    action = QAction(QCoreApplication.translate("Laptop", "Customer &signature…"), window)
    action.setObjectName("actionCustomerSignature")

    def sign() -> None:
        board = getattr(window, "board", None)
        selected = getattr(board, "selected", None)
        if selected is None:
            ctx.bus.status_message.emit(QCoreApplication.translate(
                "Laptop", "Select an intervention on the board first."))
            return
        open_signature(window, selected.id)

    action.triggered.connect(sign)
    window.menu("board").addAction(action)


def open_signature(window, intervention_id: int):
    from ..dialogs.signature_dialog import SignatureDialog

    dialog = SignatureDialog(ctx=window.ctx, intervention_id=intervention_id, parent=window)
    dialog.open()
    return dialog


def open_prepare(window):
    from ..dialogs.pack_prepare import PackPrepareDialog

    dialog = PackPrepareDialog(ctx=window.ctx, parent=window)
    dialog.open()
    return dialog


def open_merge(window, path: str = ""):
    from ..dialogs.pack_merge import PackMergeDialog

    dialog = PackMergeDialog(ctx=window.ctx, path=path, parent=window)
    dialog.open()
    return dialog
