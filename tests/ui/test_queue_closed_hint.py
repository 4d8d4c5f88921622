"""A search of the open queue that finds only closed requests offers them in one click (#12,
R-REQ-2)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from servicedesk.models import Party, Priority, ServiceRequest
from servicedesk.services import requests as svc


def _queue(window):
    return window.docks["requestQueueDock"].widget()


def _closed_request(description: str) -> ServiceRequest:
    customer = Party.select().where(Party.is_customer == True).order_by(Party.id).first()  # noqa: E712
    normal = Priority.get(Priority.code == "normal")
    request = svc.create_request(svc.RequestInput(customer_id=customer.id, priority_id=normal.id,
                                                  subject="Ascensore", description=description))
    ServiceRequest.update(status="closed").where(ServiceRequest.id == request.id).execute()
    return request


def test_search_with_only_closed_matches_offers_them(window, qtbot):
    first = _closed_request("Ascensore montacarichi bloccato al piano")
    second = _closed_request("Montacarichi fermo, pulsantiera guasta")
    queue = _queue(window)
    assert queue.closed_hint.isHidden()
    qtbot.keyClicks(queue.search, "montacarichi")
    qtbot.keyClick(queue.search, Qt.Key.Key_Return)
    assert queue.model.rowCount() == 0
    assert not queue.closed_hint.isHidden()
    assert queue.closed_hint.text().startswith("2 closed requests match")
    queue.closed_hint.linkActivated.emit("#")  # the user clicks "show"
    assert queue.status_combo.currentData() == "group:closed"
    assert {queue.model.id_at(r) for r in range(queue.model.rowCount())} == {first.id, second.id}
    assert queue.closed_hint.isHidden()


def test_no_hint_when_open_requests_match_or_nothing_matches(window, qtbot):
    _closed_request("Citofono muto, nessun segnale")
    queue = _queue(window)
    for text in ("zzqxnothing", ""):
        queue.search.setText(text)
        queue.apply_filters()
        assert queue.closed_hint.isHidden(), text
    queue.search.setText("citofono")
    queue.apply_filters()
    assert queue.closed_hint.text().startswith("1 closed request matches")
    # an open request matching the same words: the queue shows it, no hint
    customer = Party.select().where(Party.is_customer == True).order_by(Party.id).first()  # noqa: E712
    svc.create_request(svc.RequestInput(customer_id=customer.id,
                                        priority_id=Priority.get(Priority.code == "normal").id,
                                        subject="Citofono", description="Citofono muto"))
    queue.apply_filters()
    assert queue.model.rowCount() == 1 and queue.closed_hint.isHidden()
