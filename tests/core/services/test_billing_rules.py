"""Billing rules at their limits: 120 instalments, the largest amount, cents that do not go
round, a term ending on a period's first day, the sum check, bad input (R-CON-5, #20)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock
from servicedesk.errors import ValidationError
from servicedesk.models import Instalment, Party
from servicedesk.services import billing
from servicedesk.services import contracts as svc

D = dt.date


@pytest.fixture
def party(db):
    clock.freeze(dt.datetime(2026, 1, 10, 9))
    return Party.create(code="C1", name="Studio Verdi", is_customer=True)


def contract(party, **fields):
    base = dict(party=party.id, title="Assistenza", start_date=D(2026, 1, 1),
                amount=Decimal("1200.00"), instalments_count=1, billing_periodicity="monthly",
                status="active")
    base.update(fields)
    return svc.create_contract(base)


def codes(info) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in info.value.errors}


def test_up_to_120_instalments_in_a_plan():
    """Ten years of monthly instalments is the most a plan holds; one more is refused."""
    assert len(billing.plan(Decimal("1200.00"), 120, D(2026, 1, 31), "monthly")) == 120
    with pytest.raises(ValidationError) as info:
        billing.plan(Decimal("1200.00"), 121, D(2026, 1, 31), "monthly")
    assert codes(info) == {("instalments_count", "billing.count_range")}


def test_a_calendar_billed_term_of_more_than_120_periods_is_refused(party):
    """Eleven years billed by calendar month would be 132 instalments: the contract is refused
    and nothing is written; ten years from the first of a month are exactly 120."""
    with pytest.raises(ValidationError) as info:
        contract(party, initial_months=132, billing_by_calendar=True)
    assert ("billing_periodicity", "billing.count_range") in codes(info)
    assert Instalment.select().count() == 0
    c = contract(party, initial_months=120, billing_by_calendar=True)
    assert len(billing.instalments(c.id)) == 120


def test_the_largest_amount_an_instalment_may_have(party):
    """999,999,999,999.99 € is accepted on an instalment; a cent more is refused."""
    c = contract(party)
    first = billing.instalments(c.id)[0]
    row, _ = billing.update_instalment(first.id, first.version, amount="999999999999.99")
    assert row.amount == Decimal("999999999999.99")
    with pytest.raises(ValidationError) as info:
        billing.update_instalment(row.id, row.version, amount="1000000000000.00")
    assert codes(info) == {("amount", "contracts.amount_too_large")}


@pytest.mark.parametrize("amount, count, parts", [
    # 0.02 / 3 = 0.0067 → 0.01, 0.01 and the last 0.00: a last instalment of zero is kept
    ("0.02", 3, ["0.01", "0.01", "0.00"]),
    # 0.10 / 6 = 0.0167 → 0.02 five times is all of it: the last is 0.00
    ("0.10", 6, ["0.02", "0.02", "0.02", "0.02", "0.02", "0.00"]),
])
def test_a_last_instalment_of_zero_keeps_the_rounded_shares(amount, count, parts):
    """R-CON-5: shares round half up as long as the last one does not go below zero; a last
    one of exactly 0.00 is fine."""
    got = billing.split(Decimal(amount), count)
    assert [str(p) for p in got] == parts and sum(got) == Decimal(amount)


def test_a_term_ending_on_the_first_day_of_a_period_bills_that_day():
    """2 Jan 2026 – 1 Jan 2027 by calendar month: the last instalment covers 1 January alone
    (1/31 of a month); the plan still adds up to the amount."""
    planned = billing.calendar_plan(Decimal("1200.00"), D(2026, 1, 2), D(2027, 1, 1), "monthly")
    assert [p.seq for p in planned] == list(range(1, 14))  # numbered from 1, like the editor shows
    assert planned[-1].due_date == D(2027, 1, 1)
    assert sum(p.amount for p in planned) == Decimal("1200.00")
    assert planned[-1].amount < planned[1].amount  # one day, not a month


def test_the_sum_check_of_a_one_instalment_plan(party):
    """A plan of one instalment edited to less than the amount is not balanced (the editor
    warns); back to the amount it is."""
    c = contract(party)
    only = billing.instalments(c.id)[0]
    row, check = billing.update_instalment(only.id, only.version, amount="1000.00")
    assert (check.count, check.difference, check.balanced) == (1, Decimal("-200.00"), False)
    row, check = billing.update_instalment(row.id, row.version, amount="1200.00")
    assert check.balanced


def test_a_contract_without_instalments_is_balanced(party):
    """No plan at all (every instalment deleted): nothing to compare, no warning."""
    c = contract(party)
    only = billing.instalments(c.id)[0]
    check = billing.delete_instalment(only.id, only.version)
    assert (check.count, check.total, check.balanced) == (0, Decimal("0.00"), True)


def test_an_instalment_note_up_to_200_characters(party):
    c = contract(party)
    first = billing.instalments(c.id)[0]
    row, _ = billing.update_instalment(first.id, first.version, note="n" * 200)
    assert row.note == "n" * 200
    with pytest.raises(ValidationError) as info:
        billing.update_instalment(row.id, row.version, note="n" * 201)
    assert [(e.field, e.code, e.params) for e in info.value.errors] == [("note", "too_long", {"max": 200})]
    assert Instalment.get_by_id(first.id).note == "n" * 200


def test_an_instalment_added_without_a_real_date_is_refused(party):
    """Bad input from a form or an import: the date is checked, nothing is added."""
    c = contract(party)
    for bad in ("2026-05-01", None):
        with pytest.raises(ValidationError) as info:
            billing.add_instalment(c.id, bad, "10")
        assert codes(info) == {("due_date", "invalid_date")}
    assert len(billing.instalments(c.id)) == 1
    row, check = billing.add_instalment(c.id, D(2026, 5, 1), "10")
    assert (row.seq, check.count, check.difference) == (2, 2, Decimal("10.00"))


def test_a_plan_of_zero_euro_is_a_plan_of_zero_instalments_not_an_error():
    """Previewing the plan of a free contract: three instalments of 0.00 (only below zero is
    refused)."""
    planned = billing.plan(Decimal("0"), 3, D(2026, 1, 31), "monthly")
    assert [str(p.amount) for p in planned] == ["0.00", "0.00", "0.00"]
    with pytest.raises(ValidationError) as info:
        billing.plan(Decimal("-0.01"), 3, D(2026, 1, 31), "monthly")
    assert codes(info) == {("amount", "negative")}
