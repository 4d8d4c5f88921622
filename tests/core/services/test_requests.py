"""Service requests: numbering, workflow, SLA pauses, tickets at close, notes (R-REQ-1/2/5)."""
from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, PermissionDenied, ValidationError
from servicedesk.models import (Contract, Operator, Party, Priority, Product, RequestEvent,
                                ServiceRequest, TicketMovement, Unit)
from servicedesk.permissions import Role
from servicedesk.queries import requests as q
from servicedesk.services import requests as svc
from servicedesk.services import sla, tickets

D = dt.datetime


def make_world():
    """A customer with a unit and an active ticket contract, an operator."""
    cust = Party.create(code="C001", name="Rossi Impianti S.r.l.", city="Milano", province="MI",
                        vat_number="IT01234567890")
    other = Party.create(code="C002", name="Bianchi SpA", city="Torino", province="TO")
    prod = Product.create(code="BOIL-1", name="Caldaia Vaillant 24kW", family="boilers")
    unit = Unit.create(product=prod, serial="VX-2024-0001", owner=cust)
    other_unit = Unit.create(product=prod, serial="VX-2024-0002", owner=other)
    today = clock.today()
    contract = Contract.create(number="CT-1", party=cust, title="Full service", status="active",
                               start_date=today - dt.timedelta(days=30),
                               term_start=today - dt.timedelta(days=30),
                               term_end=today + dt.timedelta(days=300), response_hours=4,
                               resolution_hours=16)
    op = Operator.create(username="mario", full_name="Mario Verdi", role="coordinator")
    return dict(cust=cust, other=other, prod=prod, unit=unit, other_unit=other_unit,
                contract=contract, op=op, normal=Priority.get(Priority.code == "normal"),
                critical=Priority.get(Priority.code == "critical"))


def new_input(w, **kw) -> svc.RequestInput:
    base = dict(customer_id=w["cust"].id, description="La caldaia perde acqua dal raccordo",
                priority_id=w["normal"].id, subject="Perdita caldaia", unit_ids=[w["unit"].id])
    base.update(kw)
    return svc.RequestInput(**base)


def test_create_numbers_clocks_units_and_first_event(db):
    """R-REQ-1: customer, description, contract, units; numbered RS-YYYY-NNNNNN."""
    clock.freeze(D(2026, 11, 23, 9, 0))  # Monday
    w = make_world()
    r = svc.create_request(new_input(w, contract_id=w["contract"].id))
    assert r.number == "RS-2026-000001"
    assert svc.create_request(new_input(w)).number == "RS-2026-000002"
    r = ServiceRequest.get_by_id(r.id)
    assert r.status == "new" and r.contract_id == w["contract"].id
    assert r.response_due == D(2026, 11, 23, 14, 0)  # contract: 4 working hours, lunch excluded
    assert r.resolution_due == D(2026, 11, 25, 9, 0)  # 16 working hours
    assert r.sla_due == r.response_due and r.sla_risk_at == D(2026, 11, 23, 11, 0)
    assert [ru.unit_id for ru in r.request_units] == [w["unit"].id]
    ev = list(RequestEvent.select().where(RequestEvent.request == r.id))
    assert [(e.kind, e.to_status) for e in ev] == [("status", "new")]


def test_numbering_continues_after_imported_numbers(db):
    w = make_world()
    clock.freeze(D(2026, 3, 2, 9, 0))
    ServiceRequest.create(number="RS-2026-000417", customer=w["cust"], priority=w["normal"],
                          opened_at=clock.now())
    assert svc.create_request(new_input(w)).number == "RS-2026-000418"


def test_validation_lists_every_bad_field(db):
    w = make_world()
    with pytest.raises(ValidationError) as exc:
        svc.create_request(svc.RequestInput(customer_id=None, description="  ", priority_id=None))
    codes = {(e.field, e.code) for e in exc.value.errors}
    assert {("customer", "required"), ("description", "required"), ("priority", "required")} <= codes
    with pytest.raises(ValidationError) as exc:
        svc.create_request(new_input(w, unit_ids=[w["other_unit"].id], subject="x" * 201,
                                     description="y" * 20001))
    codes = {(e.field, e.code) for e in exc.value.errors}
    assert ("units", "requests.unit_not_customer") in codes
    assert ("subject", "too_long") in codes and ("description", "too_long") in codes
    other_contract = Contract.create(number="CT-2", party=w["other"], title="x", status="active",
                                     start_date=clock.today(), term_start=clock.today(),
                                     term_end=clock.today() + dt.timedelta(days=10))
    with pytest.raises(ValidationError) as exc:
        svc.create_request(new_input(w, contract_id=other_contract.id))
    assert exc.value.errors[0].code == "requests.contract_not_customer"
    w["contract"].status = "expired"
    w["contract"].save()
    with pytest.raises(ValidationError) as exc:
        svc.create_request(new_input(w, contract_id=w["contract"].id))
    assert exc.value.errors[0].code == "requests.contract_not_active"
    assert ServiceRequest.select().count() == 0


def test_active_contracts_offered_with_tickets(db):
    w = make_world()
    tickets.credit(w["contract"], 5, kind="initial")
    Contract.create(number="CT-OLD", party=w["cust"], title="old", status="expired",
                    start_date=dt.date(2020, 1, 1), term_start=dt.date(2020, 1, 1),
                    term_end=dt.date(2020, 12, 31))
    options = svc.active_contracts(w["cust"].id)
    assert [o.number for o in options] == ["CT-1"]
    assert options[0].uses_tickets and options[0].tickets_remaining == 5


def test_workflow_allows_only_listed_transitions(db):
    """R-REQ-2: status history with who and when."""
    w = make_world()
    clock.freeze(D(2026, 11, 23, 9, 0))
    r = svc.create_request(new_input(w))
    with pytest.raises(ValidationError) as exc:
        svc.change_status(r, "closed")
    assert exc.value.errors[0].code == "requests.transition"
    with context.acting_as(Actor(w["op"].id, Role.COORDINATOR, "Mario Verdi")):
        svc.change_status(r, "in_progress")
    assert r.first_response_at == D(2026, 11, 23, 9, 0)
    with pytest.raises(ValidationError) as exc:
        svc.change_status(r, "resolved")  # no final report
    assert exc.value.errors[0].code == "requests.report_required"
    clock.freeze(D(2026, 11, 23, 11, 0))
    svc.change_status(r, "resolved", final_report="Sostituita guarnizione")
    r = ServiceRequest.get_by_id(r.id)
    assert r.status == "resolved" and r.final_report == "Sostituita guarnizione"
    assert r.resolved_at == D(2026, 11, 23, 11, 0) and r.sla_due is None
    events = [(e.from_status, e.to_status, e.operator_id)
              for e in RequestEvent.select().where(RequestEvent.kind == "status")
              .order_by(RequestEvent.id)]
    assert events == [(None, "new", None), ("new", "in_progress", w["op"].id),
                      ("in_progress", "resolved", None)]
    assert svc.allowed_transitions("closed") == ("in_progress",)


def test_owner_assigns_a_new_request(db):
    w = make_world()
    r = svc.create_request(new_input(w, owner_id=w["op"].id))
    assert r.status == "assigned" and r.first_response_at is not None


def test_waiting_pauses_the_clock_and_due_moves_on(db):
    """Waiting for customer/supplier stops the SLA; the dues move by the paused working time."""
    w = make_world()
    clock.freeze(D(2026, 11, 23, 9, 0))  # Monday
    r = svc.create_request(new_input(w))  # normal: 8 h response, 40 h resolution
    svc.change_status(r, "in_progress")
    due = r.resolution_due
    assert due == D(2026, 11, 30, 9, 0)
    clock.freeze(D(2026, 11, 23, 10, 0))
    svc.change_status(r, "waiting_customer")
    assert r.paused_since == D(2026, 11, 23, 10, 0) and r.sla_due is None
    assert q.counters(now=clock.now()).open == 1
    clock.freeze(D(2026, 11, 24, 10, 0))  # one working day (8 h) later
    svc.change_status(r, "in_progress")
    r = ServiceRequest.get_by_id(r.id)
    assert r.paused_since is None and r.paused_minutes == 480
    assert r.resolution_due == D(2026, 12, 1, 9, 0)
    assert r.sla_due == r.resolution_due


def test_priority_change_recomputes_clocks(db):
    w = make_world()
    clock.freeze(D(2026, 11, 23, 9, 0))
    r = svc.create_request(new_input(w))
    data = svc.RequestInput.of(r)
    data.priority_id = w["critical"].id
    svc.update_request(r, data)
    assert r.response_due == D(2026, 11, 23, 11, 0)
    assert r.resolution_due == D(2026, 11, 24, 9, 0)  # 8 working hours, lunch excluded
    assert r.sla_due == r.response_due


def test_close_debits_tickets_refuses_when_exhausted_and_override_is_recorded(db):
    """R-CON-3 / R-REQ-2: closing debits; exhausted → refused unless overridden; reopen reverses."""
    w = make_world()
    tickets.credit(w["contract"], 1, kind="initial")
    r1 = svc.create_request(new_input(w, contract_id=w["contract"].id))
    r2 = svc.create_request(new_input(w, contract_id=w["contract"].id))
    for r in (r1, r2):
        svc.change_status(r, "resolved", final_report="fatto")
    svc.change_status(r1, "closed")
    assert tickets.balance(w["contract"].id).remaining == 0
    with pytest.raises(ValidationError) as exc:
        svc.change_status(r2, "closed")
    assert exc.value.errors[0].code == "tickets.exhausted"
    r2 = ServiceRequest.get_by_id(r2.id)
    assert r2.status == "resolved"  # nothing written
    svc.change_status(r2, "closed", ticket_override=True, note="Autorizzato dal responsabile")
    assert tickets.balance(w["contract"].id).remaining == -1
    assert TicketMovement.get(TicketMovement.request == r2.id).override
    ev = RequestEvent.get(RequestEvent.request == r2.id, RequestEvent.kind == "ticket_override")
    assert "Autorizzato" in ev.text
    svc.change_status(r2, "in_progress")  # reopened: ticket given back
    assert tickets.balance(w["contract"].id).remaining == 0
    r2 = ServiceRequest.get_by_id(r2.id)
    assert r2.closed_at is None and r2.resolved_at is None and r2.sla_due is not None


def test_stale_copy_is_refused_with_conflict(db):
    """R-X-1: a save on a stale copy raises ConflictError, nothing overwritten."""
    w = make_world()
    r = svc.create_request(new_input(w))
    mine = ServiceRequest.get_by_id(r.id)
    theirs = ServiceRequest.get_by_id(r.id)
    data = svc.RequestInput.of(theirs)
    data.description = "Their text"
    svc.update_request(theirs, data)
    mine_data = svc.RequestInput.of(mine)
    mine_data.description = "My text"
    with pytest.raises(ConflictError) as exc:
        svc.update_request(mine, mine_data)
    assert "description" in {c.field for c in exc.value.changes}
    assert ServiceRequest.get_by_id(r.id).description == "Their text"
    with pytest.raises(ConflictError):
        svc.change_status(mine, "in_progress")
    assert ServiceRequest.get_by_id(r.id).status == "new"


def test_notes_answers_and_permissions(db):
    """R-REQ-5: notes and answers to the customer are kept in the timeline."""
    w = make_world()
    r = svc.create_request(new_input(w))
    tech = Actor(w["op"].id, Role.TECHNICIAN, "tech")
    with context.acting_as(tech):
        svc.add_note(r, "Chiamato il cliente", kind="answer")
        with pytest.raises(PermissionDenied):
            svc.change_status(ServiceRequest.get_by_id(r.id), "in_progress")
        with pytest.raises(PermissionDenied):
            svc.create_request(new_input(w))
    with pytest.raises(ValidationError):
        svc.add_note(r, "   ")
    assert ServiceRequest.get_by_id(r.id).first_response_at is not None
    entries = q.timeline(r.id)
    assert [e.kind for e in entries] == ["status", "answer"]
    assert entries[1].operator == "Mario Verdi"


def test_queue_order_counters_and_text_search(db):
    """R-REQ-2: overdue and at-risk first; counters; R-SER-2 serial in the free text."""
    w = make_world()
    clock.freeze(D(2026, 11, 2, 9, 0))
    old = svc.create_request(new_input(w, priority_id=w["critical"].id, description="Stampante ferma"))
    clock.freeze(D(2026, 11, 23, 9, 0))
    fresh_low = svc.create_request(new_input(w, priority_id=Priority.get(code="low").id,
                                             unit_ids=[]))
    risky = svc.create_request(new_input(w, priority_id=w["critical"].id, unit_ids=[]))
    now = D(2026, 11, 23, 9, 30)
    ids = q.queue_ids(q.QueueSpec(), now=now)
    assert ids[:2] == [old.id, risky.id] and ids[-1] == fresh_low.id
    c = q.counters(now=now)
    assert (c.open, c.overdue, c.at_risk, c.unassigned) == (3, 1, 1, 3)
    assert q.queue_ids(q.QueueSpec(urgency="overdue"), now=now) == [old.id]
    assert set(q.queue_ids(q.QueueSpec(text="vx-2024-0001"), now=now)) == {old.id}
    assert set(q.queue_ids(q.QueueSpec(text="stampant"), now=now)) == {old.id}
    assert set(q.queue_ids(q.QueueSpec(text="rossi"), now=now)) == {old.id, risky.id, fresh_low.id}
    assert q.queue_ids(q.QueueSpec(text=old.number.lower()), now=now) == [old.id]
    assert q.queue_ids(q.QueueSpec(text="1"), now=now) == [old.id]
    assert q.queue_ids(q.QueueSpec(text="%_'\"*"), now=now) == []
    rows = q.page(q.QueueSpec(), lang="it", now=now)
    assert rows[0].unit == "Caldaia Vaillant 24kW · VX-2024-0001" and rows[0].priority_name == "Critica"
    assert q.count(q.QueueSpec(status_group="closed")) == 0
    for sort in list(q.SORTS) + ["urgency"]:
        for desc in (False, True):
            assert sorted(q.queue_ids(q.QueueSpec(sort=sort, descending=desc), now=now)) == sorted(ids)


def test_refresh_stored_keys_fills_rows_written_outside_the_service(db):
    w = make_world()
    clock.freeze(D(2026, 11, 23, 9, 0))
    ServiceRequest.create(number="RS-2026-000001", customer=w["cust"], priority=w["normal"],
                          opened_at=D(2026, 11, 23, 8, 30), status="assigned",
                          first_response_at=D(2026, 11, 23, 8, 40),
                          response_due=D(2026, 11, 23, 16, 30), resolution_due=D(2026, 11, 27, 16, 30))
    assert sla.refresh_stored_keys(db, only_missing=True) == 1
    r = ServiceRequest.get()
    assert r.sla_due == D(2026, 11, 27, 16, 30) and r.sla_risk_at == D(2026, 11, 26, 14, 45)  # 25% of 39 h
    assert sla.refresh_stored_keys(db, only_missing=True) == 0


def _create_many(path: str, n: int, out) -> None:
    from servicedesk.db import open_database

    db = open_database(path)
    cust = Party.get(Party.code == "C001")
    pri = Priority.get(Priority.code == "normal")
    numbers = []
    for i in range(n):
        r = svc.create_request(svc.RequestInput(customer_id=cust.id, description=f"p {i}",
                                                priority_id=pri.id))
        numbers.append(r.number)
    db.close()
    out.put(numbers)


def test_numbers_unique_under_concurrent_creation_from_two_processes(db, tmp_path):
    """R-X-1: two workstations creating requests at once never get the same number."""
    make_world()
    path = str(db.database)  # a file, or the URL of a PostgreSQL database
    db.close()
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_create_many, args=(path, 25, out)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    numbers = results[0] + results[1]
    assert len(numbers) == 50 and len(set(numbers)) == 50
    year = clock.today().year
    assert sorted(numbers) == [f"RS-{year}-{i:06d}" for i in range(1, 51)]
