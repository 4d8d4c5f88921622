"""Billing plans (R-CON-5): instalments that add up to the amount to the cent, edits, payments."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, PermissionDenied, ValidationError
from servicedesk.models import Party
from servicedesk.permissions import Role
from servicedesk.services import billing
from servicedesk.services import contracts as svc

D = dt.date


@pytest.mark.parametrize("amount, count, parts", [
    ("100.00", 3, ["33.33", "33.33", "33.34"]),
    ("200.00", 3, ["66.67", "66.67", "66.66"]),
    ("1000.00", 12, ["83.33"] * 11 + ["83.37"]),
    ("0.05", 4, ["0.01", "0.01", "0.01", "0.02"]),
    ("1234.56", 1, ["1234.56"]),
    ("999999.99", 7, ["142857.14"] * 6 + ["142857.15"]),
])
def test_split_sums_exactly(amount, count, parts):
    """R-CON-5: the last instalment absorbs the rounding cents."""
    got = billing.split(Decimal(amount), count)
    assert [str(p) for p in got] == parts
    assert sum(got) == Decimal(amount)


@pytest.mark.parametrize("amount", ["0.01", "1.00", "10.01", "333.33", "1000.00", "12345.67"])
@pytest.mark.parametrize("count", [1, 2, 3, 4, 6, 7, 11, 12])
def test_plan_total_is_exact(amount, count):
    planned = billing.plan(Decimal(amount), count, D(2026, 1, 31), "monthly")
    assert sum(p.amount for p in planned) == Decimal(amount)
    assert len(planned) == count


@pytest.mark.parametrize("periodicity, dates", [
    ("monthly", [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)]),
    ("quarterly", [D(2026, 1, 31), D(2026, 4, 30), D(2026, 7, 31), D(2026, 10, 31)]),
    ("half_yearly", [D(2026, 1, 31), D(2026, 7, 31), D(2027, 1, 31), D(2027, 7, 31)]),
    ("yearly", [D(2026, 1, 31), D(2027, 1, 31), D(2028, 1, 31), D(2029, 1, 31)]),
])
def test_due_dates_keep_the_end_of_month(periodicity, dates):
    assert billing.due_dates(D(2026, 1, 31), 4, periodicity) == dates


def test_plan_validation():
    with pytest.raises(ValidationError) as info:
        billing.plan(Decimal("-1"), 0, "2026-01-01", "weekly")
    assert {e.code for e in info.value.errors} == {"negative", "billing.count_range",
                                                    "invalid_date", "invalid_choice"}


@pytest.fixture
def contract(db):
    clock.freeze(dt.datetime(2026, 1, 10, 9))
    party = Party.create(code="C1", name="Studio Verdi")
    return svc.create_contract(dict(
        party=party.id, title="Assistenza", start_date=D(2026, 1, 1), amount=Decimal("1000.00"),
        instalments_count=3, billing_periodicity="quarterly", first_due_date=D(2026, 1, 31),
        status="active"))


def test_plan_written_at_creation(contract):
    rows = billing.instalments(contract.id)
    assert [(r.seq, r.due_date, str(r.amount)) for r in rows] == [
        (1, D(2026, 1, 31), "333.33"), (2, D(2026, 4, 30), "333.33"), (3, D(2026, 7, 31), "333.34")]
    assert billing.check(contract.id).balanced


def test_edit_instalment_reports_the_difference(contract):
    first = billing.instalments(contract.id)[0]
    row, check = billing.update_instalment(first.id, first.version, amount="300.00",
                                           due_date=D(2026, 2, 15), note="anticipo")
    assert row.amount == Decimal("300.00") and row.due_date == D(2026, 2, 15)
    assert not check.balanced and check.difference == Decimal("-33.33")
    with pytest.raises(ConflictError):  # the version read before the edit is stale now
        billing.update_instalment(first.id, first.version, amount="310")
    for bad, code in (("-5", "negative"), ("abc", "invalid_number"), ("NaN", "invalid_number"),
                      ("1e20", "contracts.amount_too_large")):
        with pytest.raises(ValidationError) as info:
            billing.update_instalment(first.id, row.version, amount=bad)
        assert info.value.errors[0].code == code


def test_mark_paid_and_regenerate(contract):
    first = billing.instalments(contract.id)[0]
    with pytest.raises(ValidationError) as info:
        billing.set_paid(first.id, first.version, D(2026, 2, 1))  # in the future
    assert info.value.errors[0].code == "billing.paid_in_future"
    paid = billing.set_paid(first.id, first.version, D(2026, 1, 9))
    assert paid.paid_on == D(2026, 1, 9)
    assert billing.next_due(contract.id).seq == 2
    assert billing.check(contract.id).paid == Decimal("333.33")
    with pytest.raises(ValidationError) as info:
        billing.regenerate(contract.id)
    assert info.value.errors[0].code == "billing.paid_in_term"
    with pytest.raises(ValidationError):
        billing.delete_instalment(paid.id, paid.version)
    unpaid = billing.set_paid(paid.id, paid.version, None)
    assert unpaid.paid_on is None
    rows = billing.regenerate(contract.id)
    assert sum(r.amount for r in rows) == Decimal("1000.00")


def test_add_and_delete_instalments(contract):
    row, check = billing.add_instalment(contract.id, D(2026, 12, 31), "100")
    assert row.seq == 4 and check.difference == Decimal("100.00")
    check = billing.delete_instalment(row.id, row.version)
    assert check.balanced


def test_billing_settings_change_follows_untouched_plan(contract):
    c = svc.update_contract(contract.id, contract.version, {"amount": "1200.00",
                                                             "instalments_count": 4})
    rows = billing.instalments(c.id)
    assert len(rows) == 4 and sum(r.amount for r in rows) == Decimal("1200.00")
    # edited by hand: a later change of the amount leaves the plan alone (and reports it)
    billing.update_instalment(rows[0].id, rows[0].version, amount="250")
    c = svc.update_contract(c.id, c.version, {"amount": "1500.00"})
    assert billing.instalments(c.id)[0].amount == Decimal("250.00")
    assert billing.check(c.id).difference == Decimal("-350.00")


def test_billing_needs_contract_edit(contract):
    first = billing.instalments(contract.id)[0]
    with context.acting_as(Actor(operator_id=None, role=Role.COORDINATOR, name="c")):
        with pytest.raises(PermissionDenied):
            billing.set_paid(first.id, first.version, D(2026, 1, 9))
        with pytest.raises(PermissionDenied):
            billing.regenerate(contract.id)
