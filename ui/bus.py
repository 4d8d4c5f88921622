"""The application's signal hub: docks announce changes and ask for records to be opened."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventBus(QObject):
    """One instance per window. After every committed write of the window's database the op
    runner (``ui/ops.py``) emits ``changes`` with the unit of work's ChangeSet (rows created,
    updated, deleted, with their fields) and ``changed`` with the area topics it touches:
    requests, interventions, worklogs, contracts, kb, parties, products, maintenance, operators,
    settings, outbox. Panels refresh from these; nobody announces a write by hand."""

    changes = Signal(object)  # servicedesk.uow.ChangeSet
    changed = Signal(object)  # set[str] of topics whose data changed
    open_request = Signal(int)
    new_request = Signal()
    open_contract = Signal(int)
    open_article = Signal(int)
    open_party = Signal(int)
    open_unit = Signal(int)
    open_intervention = Signal(int)
    serial_search = Signal(str)  # a serial number typed in a search box
    status_message = Signal(str)

    def notify(self, *topics: str) -> None:
        """Announce a change that is not a database write (e.g. a setting kept outside it)."""
        self.changed.emit(set(topics))
