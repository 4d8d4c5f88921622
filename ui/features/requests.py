"""Service requests feature: the queue dock, the request editor tabs, the serial-number lookup."""
from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from .. import messages
from ..settings import WINDOW_STATE
from ..docks.request_queue import PREFERRED_WIDTH, RequestQueueDock, dock_title

if TYPE_CHECKING:  # the editor and the dialogs are imported on first use (or by the warm-up)
    from ..dialogs.serial_lookup import SerialLookupDialog
    from ..editors.request import RequestEditor

ORDER = 10
_new_keys = itertools.count(1)


def _register_messages() -> None:
    messages.register("requests.transition", lambda p: QCoreApplication.translate(
        "Messages", "This status change is not allowed by the workflow."))
    messages.register("requests.report_required", lambda p: QCoreApplication.translate(
        "Messages", "Write the final report before resolving the request."))
    messages.register("requests.customer_archived", lambda p: QCoreApplication.translate(
        "Messages", "The customer {name} is archived.").format(**p))
    messages.register("requests.operator_inactive", lambda p: QCoreApplication.translate(
        "Messages", "The operator {name} is no longer active.").format(**p))
    messages.register("requests.contact_not_customer", lambda p: QCoreApplication.translate(
        "Messages", "The contact does not belong to the chosen customer."))
    messages.register("requests.contract_not_customer", lambda p: QCoreApplication.translate(
        "Messages", "The contract does not belong to the chosen customer."))
    messages.register("requests.contract_not_active", lambda p: QCoreApplication.translate(
        "Messages", "Contract {contract} is not active today.").format(**p))
    messages.register("requests.unit_not_customer", lambda p: QCoreApplication.translate(
        "Messages", "Some of the chosen units do not belong to the customer."))


def open_request(window, request_id: int) -> "RequestEditor":
    from ..editors.request import RequestEditor, editor_title

    workspace = window.workspace
    for i in range(workspace.count()):  # also finds a new request saved in this tab
        widget = workspace.widget(i)
        if isinstance(widget, RequestEditor) and widget.request_id == request_id:
            workspace.setCurrentWidget(widget)
            return widget
    title = editor_title(request_id)
    return workspace.open(f"request:{request_id}", title,
                          lambda parent: RequestEditor(ctx=window.ctx, request_id=request_id,
                                                       parent=parent, title=title), in_place=True)


def new_request(window) -> "RequestEditor":
    from ..editors.request import RequestEditor, editor_title

    editor = window.workspace.open(f"request:new:{next(_new_keys)}", editor_title(None),
                                   lambda parent: RequestEditor(ctx=window.ctx, parent=parent),
                                   in_place=True)
    editor.form.customer.edit.setFocus()
    return editor


def find_serial(window, text: str = "") -> "SerialLookupDialog":
    from ..dialogs.serial_lookup import SerialLookupDialog

    dialog = getattr(window, "_serial_lookup", None)
    if dialog is None:
        dialog = SerialLookupDialog(ctx=window.ctx, parent=window)
        window._serial_lookup = dialog
    if text:
        dialog.search.setText(text)
        dialog.search_now()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.search.setFocus()
    return dialog


def install(window) -> None:
    ctx = window.ctx
    _register_messages()
    queue = RequestQueueDock(ctx=ctx)
    window.request_queue = queue
    window.add_dock(queue, "requestQueueDock", dock_title(), Qt.DockWidgetArea.LeftDockWidgetArea)
    if ctx.screenshot_mode or WINDOW_STATE.read(ctx.settings) is None:
        # After every feature has added its docks (a saved layout, when there is one, wins).
        QTimer.singleShot(0, lambda: window.resizeDocks(
            [window.docks["requestQueueDock"]], [PREFERRED_WIDTH], Qt.Orientation.Horizontal))

    menu = window.menu("requests", QCoreApplication.translate("RequestsFeature", "&Requests"))
    new_action = QAction(QCoreApplication.translate("RequestsFeature", "&New request"), window)
    new_action.setObjectName("actionNewRequest")
    new_action.setShortcut(QKeySequence("Ctrl+N"))
    new_action.triggered.connect(ctx.bus.new_request.emit)
    menu.addAction(new_action)
    find_action = QAction(QCoreApplication.translate("RequestsFeature", "Find &serial number…"), window)
    find_action.setObjectName("actionFindSerial")
    find_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
    find_action.triggered.connect(lambda: find_serial(window))
    menu.addAction(find_action)
    menu.addSeparator()
    queue_action = QAction(QCoreApplication.translate("RequestsFeature", "Show the &queue"), window)
    queue_action.setObjectName("actionShowQueue")
    queue_action.setShortcut(QKeySequence("Ctrl+1"))
    queue_action.triggered.connect(lambda: (window.show_dock("requestQueueDock"),
                                            queue.search.setFocus()))
    menu.addAction(queue_action)

    ctx.bus.open_request.connect(lambda rid: open_request(window, rid))
    ctx.bus.new_request.connect(lambda: new_request(window))
    ctx.bus.serial_search.connect(lambda text: find_serial(window, text))
