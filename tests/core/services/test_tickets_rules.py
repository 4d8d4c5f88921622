"""Ticket ledger rules at their limits: a contract with no movements, what may be credited,
requests and contracts that use no tickets, the ledger naming the request (R-CON-3, #20)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk.errors import ValidationError
from servicedesk.models import Contract, Party, Priority, ServiceRequest, TicketMovement
from servicedesk.queries import analysis as A
from servicedesk.services import tickets


@pytest.fixture
def world(db):
    party = Party.create(code="C1", name="Studio Bianchi")
    contract = Contract.create(number="CT-1", party=party, title="Pacchetto ticket",
                               start_date=dt.date(2026, 1, 1), term_start=dt.date(2026, 1, 1),
                               term_end=dt.date(2026, 12, 31), status="active")
    normal = Priority.get(code="normal")

    def request(n: int, on: Contract | None = contract) -> ServiceRequest:
        return ServiceRequest.create(number=f"RS-2026-{n:06d}", customer=party, priority=normal,
                                     contract=on, opened_at=dt.datetime(2026, 3, n, 9))
    return contract, request


def ledger(contract: Contract) -> list[tuple[str, int, str]]:
    return [(m.kind, m.quantity, m.note) for m in
            TicketMovement.select().where(TicketMovement.contract == contract).order_by(TicketMovement.id)]


def test_a_contract_without_movements_has_nothing_bought_used_or_left(world):
    """The editor, the lists and the analysis all show 0 / 0 / 0 for a contract whose ledger is
    empty (not 1, not blank)."""
    contract, _ = world
    assert tickets.balance(contract.id) == tickets.TicketBalance(0, 0, 0)
    assert tickets.balances([contract.id]) == {contract.id: tickets.TicketBalance(0, 0, 0)}
    # the expressions the analysis columns and filters are made of
    figures = (TicketMovement.select(tickets.available_sum(), tickets.used_sum(),
                                     tickets.remaining_sum())
               .where(TicketMovement.contract == contract.id).tuples().get())
    assert figures == (0, 0, 0)
    q = A.query("contracts", A.ContractSpec())
    cols = [c.key for c in q.columns]
    row = [x for x in q.page(0, 10) if x[0] == contract.id][0][1:]
    assert [row[cols.index(k)] for k in ("tickets_available", "tickets_used", "tickets_remaining")] \
        == [0, 0, 0]


@pytest.mark.parametrize("kind", ["debit", "reversal", "gift"])
def test_only_purchases_and_adjustments_can_be_credited(world, kind):
    """A debit or a give-back is made by closing and reopening a request, never typed in as a
    credit; an unknown kind is refused too. Nothing is written."""
    contract, _ = world
    with pytest.raises(ValidationError) as info:
        tickets.credit(contract, 3, kind)
    assert (info.value.errors[0].field, info.value.errors[0].code) == ("kind", "invalid_choice")
    assert ledger(contract) == []


@pytest.mark.parametrize("quantity", [0, -2])
def test_a_credit_of_no_tickets_is_refused(world, quantity):
    contract, _ = world
    with pytest.raises(ValidationError) as info:
        tickets.credit(contract, quantity, "topup")
    assert info.value.errors[0].code == "tickets.quantity_positive"
    tickets.credit(contract, 1, "topup")  # one ticket is a credit
    assert tickets.balance(contract.id) == tickets.TicketBalance(1, 0, 1)


def test_a_request_without_contract_uses_no_tickets(world):
    contract, request = world
    tickets.credit(contract, 5, "initial")
    assert tickets.debit_for_request(request(1, on=None)) is None
    assert tickets.balance(contract.id) == tickets.TicketBalance(5, 0, 5)


def test_a_contract_that_charges_no_tickets_per_request_debits_nothing(world):
    """A contract with tickets bought but 0 tickets per request (e.g. a flat fee with a
    bundle for something else): closing a request leaves the balance and the ledger as they
    were."""
    contract, request = world
    tickets.credit(contract, 5, "initial")
    Contract.update(tickets_per_request=0).where(Contract.id == contract.id).execute()
    assert tickets.debit_for_request(request(1)) is None
    assert tickets.balance(contract.id) == tickets.TicketBalance(5, 0, 5)
    assert [k for k, _, _ in ledger(contract)] == ["initial"]


def test_a_contract_that_charges_two_tickets_per_request(world):
    """Two per request: 5 bought → 3 left; the give-back returns both."""
    contract, request = world
    tickets.credit(contract, 5, "initial")
    Contract.update(tickets_per_request=2).where(Contract.id == contract.id).execute()
    r = request(1)
    assert tickets.debit_for_request(r).quantity == -2
    assert tickets.balance(contract.id) == tickets.TicketBalance(5, 2, 3)
    assert [m.quantity for m in tickets.reverse_debit(r)] == [2]
    assert tickets.balance(contract.id) == tickets.TicketBalance(5, 0, 5)


def test_the_ledger_names_the_request_that_used_and_gave_back_tickets(world):
    """Each debit and give-back carries the request's number (what the ledger shows)."""
    contract, request = world
    tickets.credit(contract, 2, "initial", note="ordine 12")
    r = request(7)
    tickets.debit_for_request(r)
    tickets.reverse_debit(r)
    assert ledger(contract) == [("initial", 2, "ordine 12"), ("debit", -1, "RS-2026-000007"),
                                ("reversal", 1, "RS-2026-000007")]


def test_the_last_ticket_can_be_used_without_override(world):
    """1 left, 1 needed: the debit goes through as a normal one (no override recorded)."""
    contract, request = world
    tickets.credit(contract, 1, "initial")
    movement = tickets.debit_for_request(request(1))
    assert not movement.override
    assert tickets.balance(contract.id) == tickets.TicketBalance(1, 1, 0)
