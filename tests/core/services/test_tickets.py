"""Ticket ledger: balances are sums; debits refuse at zero unless overridden (R-CON-3)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk.errors import ValidationError
from servicedesk.models import Contract, Party, Priority, ServiceRequest, TicketMovement
from servicedesk.services import tickets


@pytest.fixture
def setup(db):
    party = Party.create(code="C1", name="Studio Bianchi")
    contract = Contract.create(number="CT-1", party=party, title="Pacchetto 2 ticket",
                               start_date=dt.date(2026, 1, 1), term_start=dt.date(2026, 1, 1),
                               term_end=dt.date(2026, 12, 31), status="active")
    normal = Priority.get(code="normal")

    def request(n: int) -> ServiceRequest:
        return ServiceRequest.create(number=f"RS-2026-{n:06d}", customer=party, priority=normal,
                                     contract=contract, opened_at=dt.datetime(2026, 3, n, 9))
    return contract, request


def test_debits_and_balance(setup):
    contract, request = setup
    tickets.credit(contract, 2, "initial")
    r1, r2, r3 = request(1), request(2), request(3)
    tickets.debit_for_request(r1)
    assert tickets.debit_for_request(r1) is None  # once only
    tickets.debit_for_request(r2)
    assert tickets.balance(contract.id) == tickets.TicketBalance(2, 2, 0)
    with pytest.raises(ValidationError) as info:
        tickets.debit_for_request(r3)
    assert info.value.errors[0].code == "tickets.exhausted"
    movement = tickets.debit_for_request(r3, override=True)
    assert movement.override
    assert tickets.balance(contract.id).remaining == -1
    assert [r.number for r in tickets.requests_closed_against(contract.id)] == [
        r3.number, r2.number, r1.number]  # newest first
    tickets.reverse_debit(r3)
    assert tickets.balance(contract.id).remaining == 0
    assert TicketMovement.select().where(TicketMovement.contract == contract).count() == 5


def test_contract_without_tickets_is_not_debited(setup):
    contract, request = setup
    assert tickets.debit_for_request(request(4)) is None
    assert tickets.balances([contract.id])[contract.id] == tickets.TicketBalance(0, 0, 0)


# -- issue #15 case 1: a reopened request (R-CON-3, R-CON-6) ------------------------------------
def _ticket_world():
    """A customer with a contract of 10 tickets bought, and a request on it."""
    from servicedesk.services import contracts as contract_svc
    from servicedesk.services import requests as request_svc

    party = Party.create(code="C9", name="Ottica Neri", is_customer=True)
    contract = contract_svc.create_contract(dict(
        party=party.id, title="Pacchetto 10 ticket", start_date=dt.date(2026, 1, 1),
        status="active", amount="0", tickets_per_term=10))
    normal = Priority.get(code="normal")

    def new_request(subject: str) -> ServiceRequest:
        return request_svc.create_request(request_svc.RequestInput(
            customer_id=party.id, description="Stampante bloccata", priority_id=normal.id,
            subject=subject, contract_id=contract.id))
    return contract, new_request, request_svc


def test_close_reopen_close_uses_one_ticket(db):
    """R-CON-3: 10 bought; closed, reopened, closed again → available 10, used 1, remaining 9
    (by hand: used = 1 debit − 1 give-back + 1 debit = 1; remaining = 10 − 1 = 9)."""
    contract, new_request, svc = _ticket_world()
    r = new_request("Carta inceppata")
    svc.change_status(r, "resolved", final_report="Rullo pulito")
    svc.change_status(r, "closed")
    assert tickets.balance(contract.id) == tickets.TicketBalance(10, 1, 9)
    svc.change_status(r, "in_progress")  # reopened: the ticket is given back
    assert tickets.balance(contract.id) == tickets.TicketBalance(10, 0, 10)
    assert tickets.requests_closed_against(contract.id) == []  # not listed while reopened
    svc.change_status(r, "resolved", final_report="Rullo sostituito")
    svc.change_status(r, "closed")
    assert tickets.balance(contract.id) == tickets.TicketBalance(10, 1, 9)
    assert tickets.balances([contract.id]) == {contract.id: tickets.TicketBalance(10, 1, 9)}
    assert [x.id for x in tickets.requests_closed_against(contract.id)] == [r.id]


def test_reopened_twice_never_gives_tickets_back_twice(db):
    """R-CON-3 (#20): reopening twice, or a repeated give-back, returns the ticket once only."""
    contract, new_request, svc = _ticket_world()
    r = new_request("Toner")
    svc.change_status(r, "resolved", final_report="Toner sostituito")
    svc.change_status(r, "closed")
    svc.change_status(r, "in_progress")
    assert tickets.reverse_debit(r) == []  # nothing held any more: nothing given back
    svc.change_status(r, "resolved", final_report="ok")
    svc.change_status(r, "in_progress")  # reopened from resolved, never closed: nothing moves
    assert tickets.balance(contract.id) == tickets.TicketBalance(10, 0, 10)
    kinds = [m.kind for m in TicketMovement.select().where(TicketMovement.request == r.id)
             .order_by(TicketMovement.id)]
    assert kinds == ["debit", "reversal"]


def test_balances_after_a_debit(db):
    """R-CON-3 (#20): the list's balances follow a debit, per contract (2 of 3 used → 1 left)."""
    party = Party.create(code="C7", name="Bar Centrale")
    a = Contract.create(number="CT-A", party=party, title="A", start_date=dt.date(2026, 1, 1),
                        term_start=dt.date(2026, 1, 1), term_end=dt.date(2026, 12, 31))
    b = Contract.create(number="CT-B", party=party, title="B", start_date=dt.date(2026, 1, 1),
                        term_start=dt.date(2026, 1, 1), term_end=dt.date(2026, 12, 31))
    tickets.credit(a, 3, "initial")
    tickets.credit(b, 5, "initial")
    normal = Priority.get(code="normal")
    for n in (1, 2):
        req = ServiceRequest.create(number=f"RS-2026-00000{n}", customer=party, priority=normal,
                                    contract=a, opened_at=dt.datetime(2026, 3, n, 9))
        tickets.debit_for_request(req)
    assert tickets.balances([a.id, b.id]) == {a.id: tickets.TicketBalance(3, 2, 1),
                                              b.id: tickets.TicketBalance(5, 0, 5)}
    assert tickets.balances([]) == {}


def test_analysis_ranges_use_net_use(db):
    """R-CON-6: the analysis filters and columns give the same 10/1/9 as the editor after a
    close-reopen-close, and the ranges filter on those figures."""
    from servicedesk.queries import analysis as A

    contract, new_request, svc = _ticket_world()
    r = new_request("Scanner")
    for _ in range(2):
        svc.change_status(r, "resolved", final_report="fatto")
        svc.change_status(r, "closed")
        if _ == 0:
            svc.change_status(r, "in_progress")
    q = A.query("contracts", A.ContractSpec())
    cols = [c.key for c in q.columns]
    row = [x for x in q.page(0, 10) if x[0] == contract.id][0][1:]
    assert (row[cols.index("tickets_available")], row[cols.index("tickets_used")],
            row[cols.index("tickets_remaining")]) == (10, 1, 9)

    def found(**kw) -> bool:
        return contract.id in set(A.query("contracts", A.ContractSpec(**kw)).ids())
    assert found(available_min=10, available_max=10)
    assert not found(available_min=11)  # the give-back is no purchase
    assert found(used_min=1, used_max=1)
    assert not found(used_min=2)  # the cancelled debit is no use
    assert found(remaining_min=9, remaining_max=9)
    assert found(tickets="with") and not found(tickets="without")


def test_adjusted_to_zero_is_still_a_ticket_contract(setup):
    """R-CON-3: 2 bought, written off by an adjustment of −2: available 0, remaining 0; a
    closed request is refused (no tickets left), not let through as if no tickets applied."""
    contract, request = setup
    tickets.credit(contract, 2, "initial")
    TicketMovement.create(contract=contract, at=dt.datetime(2026, 2, 1), quantity=-2,
                          kind="adjust", term_no=1)
    assert tickets.balance(contract.id) == tickets.TicketBalance(0, 0, 0)
    with pytest.raises(ValidationError) as info:
        tickets.debit_for_request(request(5))
    assert info.value.errors[0].code == "tickets.exhausted"
