"""The request editor tab: it shows at once, reads the request (a snapshot, the customer's
choices, the history) on a worker, and writes through the op runner with the version it read.

It is the host of the form (``form.py``), the status workflow (``workflow.py``), the history
(``timeline.py``) and the other features' panels (``panels.py``), and implements the editor
interface of ``ui/extensions.py`` for them (R-REQ-1, R-REQ-2, R-REQ-5; issue 13).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from servicedesk.errors import ServiceDeskError, ValidationError
from servicedesk.permissions import Permission
from servicedesk.queries import lookups as lookup_tables
from servicedesk.queries import request_form
from servicedesk.queries import requests as rq
from servicedesk.queries.request_form import CustomerChoices, RequestSnapshot, RequestView
from servicedesk.services import requests as svc
from servicedesk.uow import DELETED, ChangeSet

from ...workers import Worker
from .form import RequestForm
from .header import RequestHeader
from .panels import PanelHost
from .workflow import StatusButtons, StatusWorkflow

_log = logging.getLogger(__name__)
WIDE = 1000  # form and panels side by side from this width
TALL = 680  # narrower: one above the other from this height, else the form is the first tab


class RequestEditor(QWidget):
    description_changed = Signal(str)
    units_changed = Signal()
    request_saved = Signal(int)
    loaded = Signal()  # the request (or its absence) is shown

    def __init__(self, *, ctx, request_id: int | None = None, parent: QWidget | None = None,
                 title: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("requestEditor")
        self.request_id: int | None = request_id
        self.snapshot: RequestSnapshot | None = None
        self.missing = False
        # Screenshots (and the tests' window) want the request shown before the first paint.
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self._build()
        self.workflow = StatusWorkflow(self)
        ctx.bus.changes.connect(self._on_changes)
        if request_id is not None:
            self.header.show_loading(title or editor_title(request_id))  # the tab's: read once
            self.reload()
        else:
            self._new()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        # Every widget is made with its parent (top-down): under the app's style sheet a widget
        # tree put into a parent afterwards is restyled once per level it is moved up, which
        # made opening a request cost twice as much (issue 13: no stall over 100 ms).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        self.header = RequestHeader(self)
        outer.addWidget(self.header)
        actions = QHBoxLayout()
        actions.setSpacing(4)
        outer.addLayout(actions)
        self.status_buttons = StatusButtons(self)
        self.status_buttons.requested.connect(self.change_status)
        actions.addWidget(self.status_buttons, 1)
        self.reload_btn = QPushButton(self.tr("Reload"), self)
        self.reload_btn.setObjectName("requestReload")
        self.reload_btn.setToolTip(self.tr("Discard unsaved changes and read the request again"))
        self.reload_btn.clicked.connect(self._ask_reload)
        actions.addWidget(self.reload_btn)
        self.save_btn = QPushButton(self.tr("Save"), self)
        self.save_btn.setObjectName("requestSave")
        self.save_btn.setProperty("primary", True)
        self.save_btn.setToolTip(self.tr("Save the request (Ctrl+S)"))
        self.save_btn.clicked.connect(self.save)
        actions.addWidget(self.save_btn)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # Laid out from the start as the room it is made in calls for (see _fit): turning a
        # shown editor over, or moving the form into a tab, costs as much again.
        room = self.parentWidget()
        mode = "side"
        if room is not None and room.testAttribute(Qt.WidgetAttribute.WA_Resized):
            mode = _mode_for(room.width(), room.height())
        self._split = QSplitter(Qt.Orientation.Vertical if mode == "stacked"
                                else Qt.Orientation.Horizontal, self)
        self._split.setChildrenCollapsible(False)
        outer.addWidget(self._split, 1)
        if mode == "tabs":
            self.tabs = PanelHost(self, parent=self._split)
            self.form = RequestForm(ctx=self.ctx, parent=self.tabs.page_area())
            self.tabs.insertTab(0, self.form, self.tr("Request"))
            self.tabs.setCurrentIndex(0)
        else:
            self.form = RequestForm(ctx=self.ctx, parent=self._split)
            self.tabs = PanelHost(self, parent=self._split)
        self.timeline = self.tabs.timeline
        self.form.description_changed.connect(self.description_changed)
        self.form.units_changed.connect(self.units_changed)
        self.form.customer_chosen.connect(self._customer_chosen)
        self.form.sla_inputs_changed.connect(self._preview)
        self._split.setStretchFactor(0, 5)
        self._split.setStretchFactor(1, 4)
        if mode == "stacked":
            self._split.setSizes([room.height() * 5 // 9, room.height() * 4 // 9])
        else:
            self._split.setSizes([520, 440])
        self._mode = mode

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Form and panels side by side in a wide tab, one above the other in a tall one, and
        in a small tab the form becomes the first of the tabs (each gets the whole height)."""
        mode = _mode_for(self.width(), self.height())
        if mode == self._mode:
            return
        self._mode = mode
        if mode == "tabs":
            self.tabs.insertTab(0, self.form, self.tr("Request"))
            self.tabs.setCurrentIndex(0)
            return
        if self.tabs.indexOf(self.form) >= 0:
            self.tabs.removeTab(self.tabs.indexOf(self.form))
            self._split.insertWidget(0, self.form)
            self.form.show()
        side = mode == "side"
        self._split.setOrientation(Qt.Orientation.Horizontal if side else Qt.Orientation.Vertical)
        room = self.width() if side else self.height()
        self._split.setSizes([room * 5 // 9, room * 4 // 9])  # the form a little larger

    # -- the editor interface (ui/extensions.py) ------------------------------------------
    def description_text(self) -> str:
        return self.form.description.toPlainText()

    def unit_ids(self) -> list[int]:
        return self.form.unit_ids()

    def product_ids(self) -> list[int]:
        return self.form.product_ids()

    def customer_id(self) -> int | None:
        return self.form.customer.customer_id()

    def append_note(self, text: str) -> None:
        """Add ``text`` to the note being written (not saved) and show it."""
        self.timeline.append_note(text)
        self.tabs.setCurrentWidget(self.timeline)

    def panel(self, key: str) -> QWidget | None:
        """The registered panel ``key`` (built if it was not yet)."""
        return self.tabs.panel(key)

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the request again (on the worker); the form shows it when the answer comes."""
        if self.request_id is None:
            return
        self.form.setEnabled(False)  # nothing typed now would survive the answer
        self.save_btn.setEnabled(False)
        self.worker.run(request_form.request_view, self.request_id, self.ctx.lang,
                        on_done=self._show_view, on_error=self._load_failed, key="view")

    def is_loading(self) -> bool:
        return self.worker.is_running("view")

    def _show_view(self, view: RequestView | None) -> None:
        self.form.setEnabled(True)
        if view is None:
            self.missing = True
            self.snapshot = None
            self.header.show_missing(editor_title(None) if self.request_id is None
                                     else self.header.title.text())
            self.form.setEnabled(False)
            self._refresh_state()
            self.loaded.emit()
            return
        self.missing = False
        self.snapshot = view.request
        self.form.show_input(view.request.as_input(), view.choices, view.request.final_report)
        self._refresh_state()
        self.timeline.show_entries(view.request.id, view.timeline)
        self.tabs.request_changed()
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self.form.setEnabled(True)
        _log.error("reading request %s", self.request_id, exc_info=exc)
        self.header.sla_label.setText(self.tr("The request could not be read: %1")
                                      .replace("%1", str(exc)))
        self._refresh_state()

    def _new(self) -> None:
        normal = self.ctx.lookups().priority_by_code("normal")
        self.form.show_input(svc.RequestInput(priority_id=normal.id if normal else None),
                             CustomerChoices(None))
        self.timeline.show_unsaved()
        self._refresh_state()
        self.tabs.request_changed()

    def _refresh_state(self) -> None:
        r = self.snapshot
        actor = self.ctx.actor
        if r is not None:
            self.header.show_request(r)
        elif not self.missing:
            self._preview()
        can_edit = actor.can(Permission.REQUEST_EDIT) and not self.missing
        self.save_btn.setEnabled(can_edit)
        self.status_buttons.show_status(r.status if r else None, can_edit)
        self.reload_btn.setVisible(self.request_id is not None)
        self.timeline.set_can_note(r is not None and actor.can(Permission.REQUEST_NOTE))

    def _preview(self) -> None:
        if self.snapshot is None and self.request_id is None:
            lookups = self.ctx.lookups()
            self.header.show_new(lookups.priority(self.form.priority.currentData()),
                                 self.form.contract_option())

    def _customer_chosen(self, customer_id: int) -> None:
        if not customer_id:
            self._choices_read(CustomerChoices(None))
            return
        self.worker.run(request_form.customer_choices, customer_id,
                        on_done=self._choices_read, key="choices")

    def _choices_read(self, choices: CustomerChoices) -> None:
        self.form.set_choices(choices, None)
        self._preview()
        self.units_changed.emit()

    # -- saving ----------------------------------------------------------------------------
    def form_input(self) -> svc.RequestInput:
        return self.form.form_input()

    def is_dirty(self) -> bool:
        if self.request_id is not None and self.snapshot is None:
            return False  # not read yet (or gone): nothing of the user's to lose
        return self.form.is_dirty()

    def save(self) -> bool:
        """Save the form (a new request is created); False when refused (the user was told,
        nothing was written, the form keeps what was typed)."""
        self.form.clear_invalid()
        data = self.form.form_input()

        def failed(err: ServiceDeskError) -> bool:
            if isinstance(err, ValidationError):
                self.form.mark_invalid(err)
            return False  # the op runner tells the user

        if self.snapshot is None:
            if self.request_id is not None:
                return False  # not read yet, or deleted meanwhile
            outcome = self.ctx.ops.run(self, svc.create_request, data, on_failure=failed)
            if outcome is None:
                return False
            self.request_id = outcome.result.id
        else:
            outcome = self.ctx.ops.run(self, svc.save_request, self.snapshot.id,
                                       self.snapshot.version, data, on_failure=failed,
                                       on_conflict=lambda _err: self.reload())
            if outcome is None:
                return False
        self.written()
        if self.snapshot is not None:
            self.ctx.bus.status_message.emit(
                self.tr("Request %1 saved").replace("%1", self.snapshot.number))
        return True

    def written(self) -> None:
        """This editor wrote the request: the stored version (two reads by key, so that the
        next save carries it), then the history and the panels on the worker."""
        snap = request_form.snapshot(self.request_id)
        if snap is None:
            self.reload()
            return
        self.snapshot = snap
        self.form.set_loaded(snap.as_input(), snap.final_report)
        self._retitle(snap.number)
        self._refresh_state()
        self._reload_history()
        self.tabs.request_changed()
        self.request_saved.emit(snap.id)

    def _reload_history(self) -> None:
        rid = self.request_id
        if rid is None:
            return
        self.worker.run(rq.timeline, rid, self.ctx.lang, key="timeline",
                        on_done=lambda entries: self.timeline.show_entries(rid, entries))

    def _retitle(self, number: str) -> None:
        w = self.parentWidget()
        while w is not None and not hasattr(w, "set_title"):
            w = w.parentWidget()
        if w is not None:
            w.set_title(self, number)

    def _ask_reload(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(self, self.tr("Reload"),
                                          self.tr("Discard your unsaved changes and read the request again?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.reload()

    def can_close(self) -> bool:
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The request has unsaved changes. Save them before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- status workflow -------------------------------------------------------------------
    def change_status(self, to: str, *, final_report: str | None = None, note: str | None = None,
                      override: bool | None = None) -> bool:
        """See :meth:`StatusWorkflow.change`."""
        return self.workflow.change(to, final_report=final_report, note=note, override=override)

    # -- changes made elsewhere ------------------------------------------------------------
    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*lookup_tables.TABLES):
            self.form.fill_lookups()
        if self.request_id is None or changes.origin is self:
            return  # a new request has nothing stored; our own writes are shown already
        rid = self.request_id
        if rid in changes.ids("service_request") or changes.bulk("service_request"):
            if rid in changes.ids("service_request", DELETED) or not self.is_dirty():
                self.reload()
                return
            # The user is typing: keep the form; saving will say what the other one changed.
        if changes.touches("service_request", "request_event", "intervention", "kb_application"):
            self._reload_history()


def _mode_for(width: int, height: int) -> str:
    if width >= WIDE:
        return "side"
    return "stacked" if height >= TALL else "tabs"


def editor_title(request_id: int | None) -> str:
    if request_id is None:
        return QCoreApplication.translate("RequestEditor", "New request")
    return request_form.request_number(request_id) or str(request_id)
