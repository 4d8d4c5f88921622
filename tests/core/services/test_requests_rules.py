"""Request workflow rules at their limits: what the form accepts, the customer's contracts on
their first and last day, numbering per year, pauses, cancel and reopen, notes and answers
(R-REQ-1, R-REQ-2, R-REQ-5, R-CON-3)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.errors import PermissionDenied, ValidationError
from servicedesk.models import (Contact, Contract, JobOrder, Operator, Party, Priority, Product,
                                ProblemType, RequestEvent, ServiceRequest, Team, Unit)
from servicedesk.permissions import Role
from servicedesk.services import requests as svc
from servicedesk.services import tickets

D = dt.datetime
MONDAY = D(2026, 11, 23, 9, 0)


@pytest.fixture
def w(db):
    clock.freeze(MONDAY)
    cust = Party.create(code="C001", name="Rossi Impianti S.r.l.")
    other = Party.create(code="C002", name="Bianchi SpA")
    prod = Product.create(code="BOIL-1", name="Caldaia")
    today = clock.today()
    contract = Contract.create(number="CT-1", party=cust, title="Full service", status="active",
                               start_date=today, term_start=today, term_end=today + dt.timedelta(days=364))
    return dict(cust=cust, other=other, prod=prod, contract=contract,
                unit=Unit.create(product=prod, serial="VX-1", owner=cust),
                op=Operator.create(username="mario", full_name="Mario Verdi", role="coordinator"),
                normal=Priority.get(code="normal"))


def form(w, **kw) -> svc.RequestInput:
    base = dict(customer_id=w["cust"].id, description="La caldaia perde acqua",
                priority_id=w["normal"].id)
    base.update(kw)
    return svc.RequestInput(**base)


def refused(data, **kw) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        svc.create_request(data, **kw)
    return [(e.field, e.code) for e in info.value.errors]


def contract(w, number, **kw) -> Contract:
    today = clock.today()
    base = dict(number=number, party=w["cust"], title=number, status="active", start_date=today,
                term_start=today, term_end=today + dt.timedelta(days=30))
    base.update(kw)
    return Contract.create(**base)


# -- the form -----------------------------------------------------------------------------------
def test_subject_up_to_200_and_description_up_to_20000_characters(w):
    """R-REQ-1: the longest subject and description are accepted, one character more is not."""
    assert refused(form(w, subject="s" * 201, description="d" * 20_001)) == [
        ("description", "too_long"), ("subject", "too_long")]
    r = svc.create_request(form(w, subject="s" * 200, description="  " + "d" * 20_000 + "  "))
    assert (len(r.subject), len(r.description)) == (200, 20_000)


def test_every_reference_of_the_form_must_exist(w):
    """A problem type, team, owner, job order or priority that no longer exists is refused,
    each with its own message; an unknown channel too."""
    ProblemType.create(code="hw", name_en="Hardware", name_it="Hardware")
    Team.create(name="Nord")
    JobOrder.create(code="CM-1", title="Assistenza")
    bad = form(w, problem_type_id=9999, team_id=9999, owner_id=9999, job_order_id=9999,
               priority_id=9999, channel="fax")
    assert refused(bad) == [("priority", "required"), ("channel", "invalid_choice"),
                            ("problem_type", "invalid_choice"), ("team", "invalid_choice"),
                            ("owner", "invalid_choice"), ("job_order", "invalid_choice")]
    assert ServiceRequest.select().count() == 0


def test_an_archived_customer_or_an_inactive_owner_is_refused_by_name(w):
    w["cust"].archived = True
    w["cust"].save()
    with pytest.raises(ValidationError) as info:
        svc.create_request(form(w))
    assert [(e.code, e.params) for e in info.value.errors] == [
        ("requests.customer_archived", {"name": "Rossi Impianti S.r.l."})]
    w["cust"].archived = False
    w["cust"].save()
    gone = Operator.create(username="ex", full_name="Ex Tecnico", active=False)
    with pytest.raises(ValidationError) as info:
        svc.create_request(form(w, owner_id=gone.id))
    assert [(e.code, e.params) for e in info.value.errors] == [
        ("requests.operator_inactive", {"name": "Ex Tecnico"})]


def test_the_caller_must_be_a_contact_of_the_customer(w):
    mine = Contact.create(party=w["cust"], name="Giulia Rossi")
    theirs = Contact.create(party=w["other"], name="Paolo Bianchi")
    for contact_id in (theirs.id, 9999):
        assert refused(form(w, contact_id=contact_id)) == [("contact", "requests.contact_not_customer")]
    assert svc.create_request(form(w, contact_id=mine.id)).contact_id == mine.id


def test_units_of_this_request_only_are_in_its_form(w):
    second = Unit.create(product=w["prod"], serial="VX-2", owner=w["cust"])
    a = svc.create_request(form(w, unit_ids=[w["unit"].id]))
    b = svc.create_request(form(w, unit_ids=[second.id, w["unit"].id]))
    assert svc.RequestInput.of(a).unit_ids == [w["unit"].id]
    assert svc.RequestInput.of(b).unit_ids == [second.id, w["unit"].id]


# -- the customer's contracts -------------------------------------------------------------------
def test_a_contract_serves_requests_from_its_first_to_its_last_day(w):
    """R-REQ-1, R-CON-2: a contract is offered and accepted on the first and the last day of its
    term, not the day before nor the day after."""
    today = clock.today()
    ends_today = contract(w, "CT-END", term_start=today - dt.timedelta(days=30), term_end=today)
    starts_tomorrow = contract(w, "CT-NEXT", term_start=today + dt.timedelta(days=1))
    ended = contract(w, "CT-OLD", term_start=today - dt.timedelta(days=30),
                     term_end=today - dt.timedelta(days=1))
    assert [o.number for o in svc.active_contracts(w["cust"].id)] == ["CT-END", "CT-1"]
    assert svc.create_request(form(w, contract_id=ends_today.id)).contract_id == ends_today.id
    assert svc.create_request(form(w, contract_id=w["contract"].id)).contract_id == w["contract"].id
    for c in (starts_tomorrow, ended):
        assert refused(form(w, contract_id=c.id)) == [("contract", "requests.contract_not_active")]


def test_passive_archived_or_suspended_contracts_do_not_serve_requests(w):
    for number, kw in (("CT-P", dict(direction="passive")), ("CT-A", dict(archived=True)),
                       ("CT-S", dict(status="suspended"))):
        c = contract(w, number, **kw)
        assert refused(form(w, contract_id=c.id)) == [("contract", "requests.contract_not_active")]
    assert [o.number for o in svc.active_contracts(w["cust"].id)] == ["CT-1"]


def test_a_request_keeps_its_contract_after_the_contract_ends(w):
    """Editing a request of last year keeps its (now expired) contract; choosing it anew is
    refused."""
    r = svc.create_request(form(w, contract_id=w["contract"].id))
    clock.freeze(D(2028, 1, 10, 9, 0))
    data = svc.RequestInput.of(r)
    data.subject = "Aggiornato"
    svc.update_request(r, data)
    assert ServiceRequest.get_by_id(r.id).contract_id == w["contract"].id
    assert refused(form(w, contract_id=w["contract"].id)) == [("contract", "requests.contract_not_active")]


def test_the_form_offers_tickets_only_when_the_contract_has_some(w):
    """R-CON-3: a contract with tickets credited shows them; one without is a plain contract."""
    with_tickets = contract(w, "CT-T", term_end=clock.today() + dt.timedelta(days=10))
    tickets.credit(with_tickets, 1, kind="initial")
    options = {o.number: (o.uses_tickets, o.tickets_remaining) for o in svc.active_contracts(w["cust"].id)}
    assert options == {"CT-T": (True, 1), "CT-1": (False, 0)}


# -- numbering ----------------------------------------------------------------------------------
def test_each_year_has_its_own_numbers(w):
    """R-REQ-1: RS-YYYY-NNNNNN starts again at 1 each year, and each year's sequence goes on."""
    assert svc.create_request(form(w)).number == "RS-2026-000001"
    assert svc.create_request(form(w), opened_at=D(2027, 1, 2, 9)).number == "RS-2027-000001"
    assert svc.create_request(form(w)).number == "RS-2026-000002"
    assert svc.create_request(form(w), opened_at=D(2027, 1, 3, 9)).number == "RS-2027-000002"


# -- the workflow -------------------------------------------------------------------------------
def _status_events(r) -> list[tuple[str, str]]:
    return [(e.from_status, e.to_status) for e in RequestEvent.select()
            .where(RequestEvent.request == r.id, RequestEvent.kind == "status").order_by(RequestEvent.id)]


def test_cancelling_a_new_request_is_not_a_response_and_reopening_starts_afresh(w):
    """R-REQ-2: a request cancelled straight away never got a response; it is closed at the
    cancel, and reopening it (back to new) clears that."""
    r = svc.create_request(form(w))
    clock.freeze(MONDAY + dt.timedelta(hours=1))
    svc.change_status(r, "cancelled")
    r = ServiceRequest.get_by_id(r.id)
    assert r.first_response_at is None and r.closed_at == MONDAY + dt.timedelta(hours=1)
    assert r.sla_due is None
    svc.change_status(r, "new")
    r = ServiceRequest.get_by_id(r.id)
    assert (r.status, r.closed_at, r.paused_since, r.first_response_at) == ("new", None, None, None)
    assert r.sla_due == r.response_due
    assert _status_events(r) == [(None, "new"), ("new", "cancelled"), ("cancelled", "new")]


def test_a_request_cancelled_while_waiting_and_reopened_runs_its_clock_again(w):
    """R-REQ-2: cancelled while waiting for the customer, then reopened: the request is new
    again with no pause pending, so its deadline shows in the queue (not "paused")."""
    r = svc.create_request(form(w))
    svc.change_status(r, "waiting_customer")
    clock.freeze(MONDAY + dt.timedelta(hours=1))
    svc.change_status(r, "cancelled")
    svc.change_status(ServiceRequest.get_by_id(r.id), "new")
    r = ServiceRequest.get_by_id(r.id)
    assert (r.status, r.paused_since) == ("new", None)
    assert r.sla_due is not None


def test_waiting_for_the_supplier_after_the_customer_keeps_one_pause(w):
    """The clock stops once: moving between the two waiting states adds nothing; the paused
    working time counts from the first stop."""
    r = svc.create_request(form(w))
    svc.change_status(r, "waiting_customer")
    clock.freeze(MONDAY + dt.timedelta(hours=2))
    svc.change_status(r, "waiting_supplier")
    r = ServiceRequest.get_by_id(r.id)
    assert (r.paused_since, r.paused_minutes) == (MONDAY, 0)
    clock.freeze(MONDAY + dt.timedelta(hours=3))
    svc.change_status(r, "in_progress")
    r = ServiceRequest.get_by_id(r.id)
    assert (r.paused_since, r.paused_minutes) == (None, 180)
    assert r.resolution_due == D(2026, 11, 30, 12, 0)  # 40 working hours + 3 from Monday 09:00


def test_a_resolved_request_reopened_gets_the_time_it_stood_resolved(w):
    """R-REQ-2: resolving stops the clock; closing keeps it stopped; reopening adds the working
    time spent resolved or closed and clears the resolution."""
    r = svc.create_request(form(w))
    svc.change_status(r, "in_progress")
    clock.freeze(MONDAY + dt.timedelta(hours=1))
    svc.change_status(r, "resolved", final_report="Sostituita la guarnizione")
    clock.freeze(MONDAY + dt.timedelta(hours=2))
    svc.change_status(r, "closed")
    r = ServiceRequest.get_by_id(r.id)
    assert (r.resolved_at, r.closed_at, r.paused_since) == (
        MONDAY + dt.timedelta(hours=1), MONDAY + dt.timedelta(hours=2), MONDAY + dt.timedelta(hours=1))
    clock.freeze(D(2026, 11, 24, 10, 0))  # one working day after resolving
    svc.change_status(r, "in_progress")
    r = ServiceRequest.get_by_id(r.id)
    assert (r.resolved_at, r.closed_at, r.paused_since, r.paused_minutes) == (None, None, None, 480)
    assert r.resolution_due == D(2026, 12, 1, 9, 0)
    assert r.final_report == "Sostituita la guarnizione"  # kept for the next resolution
    svc.change_status(r, "resolved")  # the report already written is enough
    assert ServiceRequest.get_by_id(r.id).status == "resolved"


def test_status_report_and_note_are_checked_before_anything_changes(w):
    r = svc.create_request(form(w))
    for to, kw, code in (("archived", {}, "invalid_choice"),
                         ("resolved", dict(final_report="r" * 20_001), "too_long"),
                         ("in_progress", dict(note="n" * 20_001), "too_long")):
        with pytest.raises(ValidationError) as info:
            svc.change_status(r, to, **kw)
        assert info.value.errors[0].code == code
    assert ServiceRequest.get_by_id(r.id).status == "new"
    svc.change_status(r, "in_progress", note="  Preso in carico ")
    svc.change_status(r, "resolved", final_report="r" * 20_000, note="n" * 20_000)
    assert len(ServiceRequest.get_by_id(r.id).final_report) == 20_000
    texts = [e.text for e in RequestEvent.select().where(RequestEvent.kind == "status")
             .order_by(RequestEvent.id)]
    assert texts[-2:] == ["Preso in carico", "n" * 20_000]


def test_a_technician_may_not_change_a_request(w):
    r = svc.create_request(form(w))
    with context.acting_as(Actor(w["op"].id, Role.TECHNICIAN, "tech")):
        with pytest.raises(PermissionDenied):
            svc.update_request(ServiceRequest.get_by_id(r.id), svc.RequestInput.of(r))


def test_an_owner_given_later_assigns_a_new_request_but_not_an_open_one(w):
    r = svc.create_request(form(w))
    data = svc.RequestInput.of(r)
    data.owner_id = w["op"].id
    svc.update_request(r, data)
    assert ServiceRequest.get_by_id(r.id).status == "assigned"
    s = svc.create_request(form(w))
    svc.change_status(s, "in_progress")
    data = svc.RequestInput.of(s)
    data.owner_id = w["op"].id
    svc.update_request(s, data)
    assert ServiceRequest.get_by_id(s.id).status == "in_progress"


def test_changing_only_the_units_marks_the_request_changed(w):
    """The queue refreshes a request whose units changed, even when no other field did."""
    r = svc.create_request(form(w, unit_ids=[w["unit"].id]))
    clock.freeze(MONDAY + dt.timedelta(minutes=5))
    data = svc.RequestInput.of(r)
    data.unit_ids = []
    svc.update_request(r, data)
    assert ServiceRequest.get_by_id(r.id).updated_at == MONDAY + dt.timedelta(minutes=5)
    assert svc.RequestInput.of(r).unit_ids == []


# -- tickets at close, reopened twice -----------------------------------------------------------
def test_a_request_closed_and_reopened_twice_costs_one_ticket_at_most(w):
    """R-CON-3: each close debits, each reopen gives back — twice round, the contract ends with
    the ticket it would have after one close."""
    tickets.credit(w["contract"], 3, kind="initial")
    r = svc.create_request(form(w, contract_id=w["contract"].id))
    svc.change_status(r, "resolved", final_report="fatto")
    for _ in range(2):
        svc.change_status(r, "closed")
        assert tickets.balance(w["contract"].id).remaining == 2
        svc.change_status(r, "in_progress")
        assert tickets.balance(w["contract"].id).remaining == 3
        svc.change_status(r, "resolved")
    svc.change_status(r, "closed")
    assert tickets.balance(w["contract"].id) == tickets.TicketBalance(3, 1, 2)
    assert tickets.balances([w["contract"].id]) == {w["contract"].id: tickets.TicketBalance(3, 1, 2)}


# -- notes and answers --------------------------------------------------------------------------
def test_the_first_answer_to_the_customer_meets_the_response_time(w):
    """R-REQ-5: an answer records the first response (once) and the clock moves to the
    resolution due; a note does not."""
    r = svc.create_request(form(w))
    assert ServiceRequest.get_by_id(r.id).sla_due == r.response_due
    clock.freeze(MONDAY + dt.timedelta(minutes=10))
    svc.add_note(r.id, "Verificato da remoto", kind="note")
    assert ServiceRequest.get_by_id(r.id).first_response_at is None
    clock.freeze(MONDAY + dt.timedelta(minutes=20))
    svc.add_note(r, "Passiamo domani", kind="answer")
    clock.freeze(MONDAY + dt.timedelta(minutes=30))
    svc.add_note(r, "Confermato l'orario", kind="answer")
    stored = ServiceRequest.get_by_id(r.id)
    assert stored.first_response_at == MONDAY + dt.timedelta(minutes=20)
    assert stored.sla_due == stored.resolution_due


def test_notes_are_checked(w):
    r = svc.create_request(form(w))
    for text, kind, code in (("x", "memo", "invalid_choice"), ("  ", "note", "required"),
                             ("n" * 20_001, "note", "too_long")):
        with pytest.raises(ValidationError) as info:
            svc.add_note(r, text, kind=kind)
        assert info.value.errors[0].code == code
    event = svc.add_note(r, " " + "n" * 20_000 + " ")
    assert event.text == "n" * 20_000
    with context.acting_as(Actor(w["op"].id, Role.MANAGER, "m")):
        svc.add_note(r, "ok")


def test_every_field_of_the_form_is_stored(w):
    """R-REQ-1: customer, caller, channel, problem type, job order, team, owner, subject."""
    contact = Contact.create(party=w["cust"], name="Giulia Rossi")
    problem = ProblemType.create(code="hw", name_en="Hardware", name_it="Hardware")
    team = Team.create(name="Nord")
    job = JobOrder.create(code="CM-1", title="Assistenza")
    r = svc.create_request(form(w, contact_id=contact.id, channel="email", problem_type_id=problem.id,
                                job_order_id=job.id, team_id=team.id, owner_id=w["op"].id,
                                subject=" Perdita "))
    r = ServiceRequest.get_by_id(r.id)
    assert (r.contact_id, r.channel, r.problem_type_id, r.job_order_id, r.team_id, r.owner_id,
            r.subject, r.status) == (contact.id, "email", problem.id, job.id, team.id, w["op"].id,
                                     "Perdita", "assigned")
    assert svc.create_request(form(w, subject=None)).subject == ""


def test_an_edit_is_checked_like_a_new_request(w):
    r = svc.create_request(form(w))
    data = svc.RequestInput.of(r)
    data.description = "   "
    with pytest.raises(ValidationError) as info:
        svc.update_request(r, data)
    assert [(e.field, e.code) for e in info.value.errors] == [("description", "required")]
    assert ServiceRequest.get_by_id(r.id).description == "La caldaia perde acqua"


def test_a_pause_outside_working_hours_does_not_move_the_due_times(w):
    """Waiting from Friday evening to Saturday costs no working time."""
    r = svc.create_request(form(w))
    due = ServiceRequest.get_by_id(r.id).resolution_due
    clock.freeze(D(2026, 11, 27, 18, 0))  # Friday, after hours
    svc.change_status(r, "waiting_customer")
    clock.freeze(D(2026, 11, 28, 10, 0))  # Saturday
    svc.change_status(r, "in_progress")
    r = ServiceRequest.get_by_id(r.id)
    assert (r.paused_minutes, r.resolution_due) == (0, due)


def test_closing_a_request_without_a_ticket_contract_debits_nothing(w):
    r = svc.create_request(form(w))
    svc.change_status(r, "resolved", final_report="fatto")
    svc.change_status(r, "closed")
    assert ServiceRequest.get_by_id(r.id).status == "closed"
    assert not RequestEvent.select().where(RequestEvent.kind == "ticket_override").exists()


def test_a_note_on_a_request_that_no_longer_exists_is_refused(w):
    from servicedesk.errors import NotFound

    with pytest.raises(NotFound):
        svc.add_note(9999, "Richiamato")
    assert RequestEvent.select().count() == 0
