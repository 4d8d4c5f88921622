"""The application's signal hub: docks announce changes and ask for records to be opened."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventBus(QObject):
    """One instance per window. Topics of ``changed``: requests, interventions, worklogs,
    contracts, kb, parties, products, maintenance, operators, settings, outbox."""

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
        self.changed.emit(set(topics))
