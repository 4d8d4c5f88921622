"""The one write path of the UI: every write runs here, errors are handled here, and what the
database says changed is published once.

``ctx.ops.run(parent, service, *args, on_success=…)`` runs a core service as one unit of work
(``servicedesk.uow.perform``: transaction, busy retry of BEGIN and COMMIT, instances restored on
failure) and, whatever went wrong, tells the user in one consistent way:

- another workstation changed the record → what they changed, then ``on_conflict`` (reload);
- the database stayed busy past the deadline → a clear "try again" (the status bar showed it);
- the role may not do it → the permission message;
- invalid input → each field with its label and what to fix (``on_failure`` may handle it
  instead, e.g. to ask "save anyway?" for a warning, by returning True);
- a bug (any other exception) is re-raised to the application's exception hook.

Publishing does not depend on who wrote: every committed unit of work of this window's database
(from this thread or a worker's) reaches ``bus.changes`` as a :class:`ChangeSet` on the GUI
thread, and ``bus.changed`` with the matching area topics for panels that refresh by area.
"""
from __future__ import annotations

import logging
import weakref
from typing import Any, Callable, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from servicedesk import uow
from servicedesk.errors import (ConflictError, DatabaseBusyError, PermissionDenied,
                                ServiceDeskError, ValidationError)
from servicedesk.uow import ChangeSet, Outcome

from . import messages

T = TypeVar("T")
_log = logging.getLogger(__name__)

#: Area topics of ``bus.changed`` for each table (panels that refresh a whole area listen there).
TOPICS: dict[str, str] = {
    "service_request": "requests", "request_event": "requests", "request_unit": "requests",
    "request_counter": "requests",
    "intervention": "interventions", "absence": "operators", "working_hours": "operators",
    "work_log": "worklogs",
    "contract": "contracts", "contract_product": "contracts", "contract_unit": "contracts",
    "instalment": "contracts", "ticket_movement": "contracts", "contract_renewal": "contracts",
    "istat_index": "contracts", "istat_month": "contracts",
    "kb_article": "kb", "kb_application": "kb",
    "party": "parties", "contact": "parties", "job_order": "parties",
    "product": "products", "unit": "products", "unit_ownership": "products",
    "maintenance_plan": "maintenance",
    "outbox_message": "outbox",
    "operator": "operators", "team": "operators", "auth_token": "operators",
    "setting": "settings", "saved_filter": "settings",
    "priority": "settings", "problem_type": "settings", "activity_type": "settings",
    "province": "settings",
}


def topics_of(changes: ChangeSet) -> set[str]:
    return {TOPICS[e] for e in changes.entities() if e in TOPICS}


class OpRunner(QObject):
    """One per window (``ctx.ops``); see the module docstring."""

    _committed = Signal(object)  # emitted from whichever thread committed

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._committed.connect(self._publish)  # queued when a worker thread committed
        ref = weakref.ref(self)

        def heard(changes: ChangeSet) -> None:
            runner = ref()
            if runner is None:
                uow.remove_commit_listener(heard)
                return
            try:
                runner._committed.emit(changes)
            except RuntimeError:  # the window is gone
                uow.remove_commit_listener(heard)

        self._listener = heard
        uow.add_commit_listener(heard)
        self.destroyed.connect(lambda *_: uow.remove_commit_listener(heard))

    def detach(self) -> None:
        """Stop listening (the window closes)."""
        uow.remove_commit_listener(self._listener)

    # -- writing ------------------------------------------------------------------------------
    def run(self, parent: QWidget | None, fn: Callable[..., T], *args: Any,
            on_success: Callable[[T], None] | None = None,
            on_failure: Callable[[ServiceDeskError], bool] | None = None,
            on_conflict: Callable[[ConflictError], None] | None = None,
            title: str | None = None, **kwargs: Any) -> Outcome[T] | None:
        """Run ``fn(*args, **kwargs)`` as one unit of work; ``None`` when it failed (the user
        has been told, nothing was written, the objects passed in are as before)."""
        try:
            with uow.origin(parent):
                outcome = uow.perform(fn, *args, **kwargs)
        except ServiceDeskError as err:
            self.report(parent, err, on_failure=on_failure, on_conflict=on_conflict, title=title)
            return None
        if on_success is not None:
            on_success(outcome.result)
        return outcome

    def report(self, parent: QWidget | None, err: ServiceDeskError, *,
               on_failure: Callable[[ServiceDeskError], bool] | None = None,
               on_conflict: Callable[[ConflictError], None] | None = None,
               title: str | None = None) -> None:
        """Tell the user what went wrong with a write (the one place that does)."""
        if on_failure is not None and on_failure(err):
            return
        caption = title or QCoreApplication.translate("Ops", "Not saved")
        if isinstance(err, ConflictError):
            box = QMessageBox(QMessageBox.Icon.Warning, caption, messages.conflict_text(err),
                              QMessageBox.StandardButton.Ok, parent)
            box.setInformativeText(QCoreApplication.translate(
                "Ops", "The record is shown again as it is now; apply your change once more."))
            box.exec()
            if on_conflict is not None:
                on_conflict(err)
            return
        if isinstance(err, DatabaseBusyError):
            QMessageBox.warning(parent, caption, messages.error_text(err))
            return
        if isinstance(err, (PermissionDenied, ValidationError)):
            QMessageBox.warning(parent, caption, messages.error_text(err))
            return
        QMessageBox.warning(parent, caption, messages.error_text(err))

    # -- publishing --------------------------------------------------------------------------
    def _publish(self, changes: ChangeSet) -> None:
        if changes.database is not None and changes.database is not self.ctx.db:
            return  # another database of this process (a test, a pack being prepared)
        self.ctx.changes_seen(changes)
        bus = self.ctx.bus
        bus.changes.emit(changes)
        topics = topics_of(changes)
        if topics:
            bus.changed.emit(topics)
