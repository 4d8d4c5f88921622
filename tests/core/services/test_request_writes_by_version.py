"""The request services the editor calls take the id and the version the user saw; the form
reads a snapshot (issue 13; R-REQ-1, R-REQ-2, R-X-1)."""
from __future__ import annotations

import pytest

from servicedesk import context, uow
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, PermissionDenied, ValidationError
from servicedesk.models import RequestEvent, ServiceRequest
from servicedesk.permissions import Role
from servicedesk.queries import request_form
from servicedesk.services import requests as svc
from tests.core.services.test_requests import make_world, new_input


def _technician(w) -> Actor:
    return Actor(operator_id=w["op"].id, name="Tecnico", role=Role.TECHNICIAN)


def test_save_request_writes_over_the_stored_row_and_returns_its_change_set(db):
    w = make_world()
    r = svc.create_request(new_input(w))
    snap = request_form.snapshot(r.id)
    data = snap.as_input()
    data.subject = "Perdita dal raccordo"
    data.owner_id = w["op"].id
    outcome = uow.perform(svc.save_request, r.id, snap.version, data)
    stored = ServiceRequest.get_by_id(r.id)
    assert stored.subject == "Perdita dal raccordo" and stored.owner_id == w["op"].id
    assert stored.status == "assigned"  # an owner moves a new request on
    assert stored.version == snap.version + 1
    change = outcome.changes.get("service_request", r.id)
    assert change is not None and {"subject", "owner", "status"} <= change.fields


def test_save_request_refuses_a_stale_version_listing_what_differs(db):
    w = make_world()
    r = svc.create_request(new_input(w))
    seen = request_form.snapshot(r.id)
    other = seen.as_input()
    other.description = "Scritto da un collega"
    svc.save_request(r.id, seen.version, other)
    mine = seen.as_input()
    mine.subject = "La mia modifica"
    with pytest.raises(ConflictError) as err:
        svc.save_request(r.id, seen.version, mine)
    assert "description" in {c.field for c in err.value.changes}
    stored = ServiceRequest.get_by_id(r.id)
    assert stored.description == "Scritto da un collega" and stored.subject != "La mia modifica"


def test_save_request_of_a_deleted_request_is_a_conflict(db):
    w = make_world()
    r = svc.create_request(new_input(w))
    snap = request_form.snapshot(r.id)
    RequestEvent.delete().where(RequestEvent.request == r.id).execute()
    ServiceRequest.delete().where(ServiceRequest.id == r.id).execute()
    with pytest.raises(ConflictError) as err:
        svc.save_request(r.id, snap.version, snap.as_input())
    assert err.value.deleted


def test_set_status_checks_the_version_before_the_workflow(db):
    w = make_world()
    r = svc.create_request(new_input(w))
    snap = request_form.snapshot(r.id)
    svc.set_status(r.id, snap.version, "in_progress")
    assert ServiceRequest.get_by_id(r.id).status == "in_progress"
    # The user still sees "new": moving it again is refused as a conflict, not judged by the
    # workflow on a status the user never saw.
    with pytest.raises(ConflictError) as err:
        svc.set_status(r.id, snap.version, "cancelled")
    assert [(c.field, c.theirs, c.mine) for c in err.value.changes] == [
        ("status", "in_progress", "cancelled")]
    fresh = request_form.snapshot(r.id)
    with pytest.raises(ValidationError):
        svc.set_status(r.id, fresh.version, "resolved")  # the final report is required
    svc.set_status(r.id, fresh.version, "resolved", final_report="Raccordo sostituito")
    assert ServiceRequest.get_by_id(r.id).final_report == "Raccordo sostituito"


def test_services_by_id_check_the_permission(db):
    w = make_world()
    r = svc.create_request(new_input(w))
    snap = request_form.snapshot(r.id)
    with context.acting_as(_technician(w)):
        with pytest.raises(PermissionDenied):
            svc.save_request(r.id, snap.version, snap.as_input())
        with pytest.raises(PermissionDenied):
            svc.set_status(r.id, snap.version, "in_progress")
    assert request_form.snapshot(r.id).version == snap.version


def test_ticket_override_stores_the_reason_only(db):
    """The history keeps codes and the user's words; no English text is stored (#12)."""
    from servicedesk import clock
    from servicedesk.models import TicketMovement
    from servicedesk.services import tickets

    w = make_world()
    tickets.credit(w["contract"], 1, kind="initial")
    used = svc.create_request(new_input(w, contract_id=w["contract"].id))
    svc.change_status(used, "resolved", final_report="ok")
    svc.change_status(used, "closed")
    r = svc.create_request(new_input(w, contract_id=w["contract"].id))
    svc.change_status(r, "resolved", final_report="ok")
    snap = request_form.snapshot(r.id)
    svc.set_status(r.id, snap.version, "closed", ticket_override=True)
    assert TicketMovement.get(TicketMovement.request == r.id).override
    event = RequestEvent.get(RequestEvent.request == r.id, RequestEvent.kind == "ticket_override")
    assert event.text == ""
    assert clock.now() >= event.at


def test_snapshot_and_customer_choices(db):
    w = make_world()
    r = svc.create_request(new_input(w, contract_id=w["contract"].id))
    view = request_form.request_view(r.id, "it")
    assert view.request.number == r.number and view.request.unit_ids == (w["unit"].id,)
    assert view.request.as_input().contract_id == w["contract"].id
    choices = view.choices
    assert choices.customer.name == "Rossi Impianti S.r.l."
    assert [c.id for c in choices.contracts] == [w["contract"].id]
    assert [(u.serial, u.product) for u in choices.units] == [("VX-2024-0001",
                                                              "Caldaia Vaillant 24kW")]
    assert choices.former_contract is None
    assert [e.kind for e in view.timeline] == ["status"]
    # a contract no longer active that the request still refers to is still offered
    w["contract"].status = "expired"
    w["contract"].save()
    again = request_form.customer_choices(w["cust"].id, contract_id=w["contract"].id)
    assert again.contracts == () and again.former_contract.number == "CT-1"
    assert request_form.request_view(10_000) is None
