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
    assert [r.number for r in tickets.requests_closed_against(contract.id)] == sorted(
        [r1.number, r2.number, r3.number])
    tickets.reverse_debit(r3)
    assert tickets.balance(contract.id).remaining == 0
    assert TicketMovement.select().where(TicketMovement.contract == contract).count() == 5


def test_contract_without_tickets_is_not_debited(setup):
    contract, request = setup
    assert tickets.debit_for_request(request(4)) is None
    assert tickets.balances([contract.id])[contract.id] == tickets.TicketBalance(0, 0, 0)
