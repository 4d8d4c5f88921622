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


# -- issue #15 case 2: the anchor day through every term (R-CON-5) ------------------------------
def _due_by_term(contract_id: int) -> dict[int, list[dt.date]]:
    out: dict[int, list[dt.date]] = {}
    for r in billing.instalments(contract_id):
        out.setdefault(r.term_no, []).append(r.due_date)
    return out


def test_31_january_quarterly_terms_bill_the_31st_where_the_month_has_one(db):
    """R-CON-5: from 31 Jan, quarterly terms billed monthly. Terms (start + 3 months − 1 day,
    anchored on the 31st): 31 Jan–29 Apr, 30 Apr–30 Jul, 31 Jul–30 Oct, 31 Oct–30 Jan. Every
    instalment keeps day 31 clamped to its month: the second term bills 31 May, not 30 May."""
    from servicedesk.services import renewal_run

    party = Party.create(code="C3", name="Farmacia Galli", is_customer=True)
    c = svc.create_contract(dict(party=party.id, title="Assistenza", start_date=D(2026, 1, 31),
                                 initial_months=3, renewal_months=3, notice_days=10,
                                 amount=Decimal("300.00"), billing_periodicity="monthly",
                                 instalments_count=3, status="active"))
    renewal_run.run(today=D(2026, 11, 1))
    assert _due_by_term(c.id) == {
        1: [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31)],
        2: [D(2026, 4, 30), D(2026, 5, 31), D(2026, 6, 30)],
        3: [D(2026, 7, 31), D(2026, 8, 31), D(2026, 9, 30)],
        4: [D(2026, 10, 31), D(2026, 11, 30), D(2026, 12, 31)],
    }


def test_29_february_yearly_contract_bills_29_february_in_leap_years(db):
    """R-CON-5: from 29 Feb 2024, yearly terms billed quarterly: 28 Feb in common years, the 29th
    of May/Aug/Nov always, and 29 Feb again in 2028 (never stuck on the 28th)."""
    from servicedesk.services import renewal_run

    party = Party.create(code="C4", name="Panificio Riva", is_customer=True)
    c = svc.create_contract(dict(party=party.id, title="Forni", start_date=D(2024, 2, 29),
                                 amount=Decimal("400.00"), billing_periodicity="quarterly",
                                 instalments_count=4, notice_days=30, status="active"))
    renewal_run.run(today=D(2028, 3, 1))
    due = _due_by_term(c.id)
    assert due[1] == [D(2024, 2, 29), D(2024, 5, 29), D(2024, 8, 29), D(2024, 11, 29)]
    assert due[2] == [D(2025, 2, 28), D(2025, 5, 29), D(2025, 8, 29), D(2025, 11, 29)]
    assert due[4] == [D(2027, 2, 28), D(2027, 5, 29), D(2027, 8, 29), D(2027, 11, 29)]
    assert due[5] == [D(2028, 2, 29), D(2028, 5, 29), D(2028, 8, 29), D(2028, 11, 29)]


def test_first_due_date_sets_the_anchor_day(db):
    """R-CON-5: a contract from 1 Jan billed from 31 Jan keeps the 31st in every term."""
    party = Party.create(code="C5", name="Hotel Lago", is_customer=True)
    c = svc.create_contract(dict(party=party.id, title="Hvac", start_date=D(2026, 1, 1),
                                 initial_months=2, renewal_months=2, notice_days=10,
                                 amount=Decimal("200.00"), billing_periodicity="monthly",
                                 instalments_count=2, first_due_date=D(2026, 1, 31),
                                 status="active"))
    from servicedesk.services import renewal_run
    renewal_run.run(today=D(2026, 5, 2))
    assert _due_by_term(c.id) == {1: [D(2026, 1, 31), D(2026, 2, 28)],
                                  2: [D(2026, 3, 31), D(2026, 4, 30)],
                                  3: [D(2026, 5, 31), D(2026, 6, 30)]}


# -- issue #20: gaps of the billing rules ---------------------------------------------------------
def test_an_instalment_can_be_paid_today(contract):
    """R-CON-5: paid today is allowed (only a date after today is refused)."""
    first = billing.instalments(contract.id)[0]
    assert billing.set_paid(first.id, first.version, clock.today()).paid_on == D(2026, 1, 10)


def test_instalment_deleted_on_another_workstation(contract):
    """R-X-1: editing, paying or deleting an instalment another workstation deleted is a
    conflict naming the deletion, and nothing else changes."""
    first, second = billing.instalments(contract.id)[:2]
    billing.delete_instalment(first.id, first.version)  # "the other workstation"
    for action in (lambda: billing.update_instalment(first.id, first.version, amount="10"),
                   lambda: billing.set_paid(first.id, first.version, D(2026, 1, 9)),
                   lambda: billing.delete_instalment(first.id, first.version)):
        with pytest.raises(ConflictError) as info:
            action()
        assert info.value.deleted
    left = billing.instalments(contract.id)
    assert len(left) == 2 and left[0].id == second.id and first.id not in {r.id for r in left}
    assert billing.check(contract.id).total == Decimal("666.67")


@pytest.mark.parametrize("amount, count, parts", [
    ("0.00", 3, ["0.00", "0.00", "0.00"]),
    ("0.50", 2, ["0.25", "0.25"]),
    ("0.99", 4, ["0.25", "0.25", "0.25", "0.24"]),
    # 0.05 / 7 = 0.00714 → 0.01 each would leave the last at −0.01: shares rounded down instead
    ("0.05", 7, ["0.00"] * 6 + ["0.05"]),
])
def test_amounts_of_zero_and_below_one_euro(amount, count, parts):
    """R-CON-5: small amounts split exactly, no instalment below zero."""
    got = billing.split(Decimal(amount), count)
    assert [str(p) for p in got] == parts and sum(got) == Decimal(amount)


def test_zero_amount_contract_has_no_plan_and_instalment_amounts_below_one_euro(contract):
    """R-CON-5: a contract of 0 € gets no plan; an instalment of 0.50 € or 0 € is accepted."""
    party = Party.get(Party.code == "C1")
    free = svc.create_contract(dict(party=party.id, title="Omaggio", start_date=D(2026, 1, 1),
                                    amount="0", status="active"))
    assert billing.instalments(free.id) == []
    first = billing.instalments(contract.id)[0]
    row, check = billing.update_instalment(first.id, first.version, amount="0.50")
    assert row.amount == Decimal("0.50") and check.difference == Decimal("-332.83")
    row, check = billing.update_instalment(row.id, row.version, amount="0")
    assert row.amount == Decimal("0.00") and check.total == Decimal("666.67")


# -- issue #15 case 5: bimonthly, four-monthly, calendar periods with a pro-rata first period ----
@pytest.mark.parametrize("periodicity, count, dates", [
    ("bimonthly", 6, [D(2026, 1, 31), D(2026, 3, 31), D(2026, 5, 31), D(2026, 7, 31),
                      D(2026, 9, 30), D(2026, 11, 30)]),
    ("four_monthly", 3, [D(2026, 1, 31), D(2026, 5, 31), D(2026, 9, 30)]),  # three a year
])
def test_bimonthly_and_four_monthly_plans(db, periodicity, count, dates):
    """R-CON-5: every two months (6 a year) and every four months (3 a year) are accepted."""
    party = Party.create(code="C6", name="Autofficina Sala", is_customer=True)
    c = svc.create_contract(dict(party=party.id, title="Ponti", start_date=D(2026, 1, 31),
                                 amount=Decimal("900.00"), billing_periodicity=periodicity,
                                 instalments_count=count, status="active"))
    rows = billing.instalments(c.id)
    assert [r.due_date for r in rows] == dates
    assert sum(r.amount for r in rows) == Decimal("900.00")


def test_pro_rata_first_quarter(db):
    """R-CON-5: 12,000.00 € from 15 Feb 2026 for 12 months, billed by calendar quarter.
    By hand: 15 Feb–31 Mar covers 45 of Q1's 90 days → weight 1/2; Q2, Q3, Q4 weigh 1;
    1 Jan–14 Feb 2027 covers 45 of 90 days → 1/2. Sum of weights 4: a full quarter costs
    12,000 / 4 = 3,000.00, each half 1,500.00; due on the first day each one covers."""
    party = Party.create(code="C8", name="Studio Dentistico Ferri", is_customer=True)
    c = svc.create_contract(dict(party=party.id, title="Radiologia", start_date=D(2026, 2, 15),
                                 amount=Decimal("12000.00"), billing_periodicity="quarterly",
                                 billing_by_calendar=True, status="active"))
    assert [(r.due_date, str(r.amount)) for r in billing.instalments(c.id)] == [
        (D(2026, 2, 15), "1500.00"), (D(2026, 4, 1), "3000.00"), (D(2026, 7, 1), "3000.00"),
        (D(2026, 10, 1), "3000.00"), (D(2027, 1, 1), "1500.00")]
    assert billing.check(c.id).balanced


def test_pro_rata_four_monthly_to_the_cent():
    """R-CON-5: 1,000.00 € from 10 Mar 2026 to 9 Mar 2027, calendar four-month periods
    (Jan–Apr, May–Aug, Sep–Dec). By hand: 10 Mar–30 Apr = 22 + 30 = 52 of 120 days; May–Aug
    and Sep–Dec full; 1 Jan–9 Mar 2027 = 31 + 28 + 9 = 68 of 120 days. Weights sum to
    52/120 + 2 + 68/120 = 3. Shares: 1000 × 52/360 = 144.444 → 144.44; 1000/3 = 333.33 twice;
    the last takes the rest: 1000 − 144.44 − 666.66 = 188.90 (exact share 188.89)."""
    planned = billing.calendar_plan(Decimal("1000.00"), D(2026, 3, 10), D(2027, 3, 9),
                                    "four_monthly")
    assert [(p.due_date, str(p.amount)) for p in planned] == [
        (D(2026, 3, 10), "144.44"), (D(2026, 5, 1), "333.33"), (D(2026, 9, 1), "333.33"),
        (D(2027, 1, 1), "188.90")]
    assert sum(p.amount for p in planned) == Decimal("1000.00")


def test_pro_rata_month_and_start_on_a_boundary():
    """R-CON-5: 100.00 € for 10 Jan–9 Feb, monthly calendar periods: 22/31 and 9/28 of a month,
    100 × (22/31) / (22/31 + 9/28) = 68.8268 → 68.83, the rest 31.17. A term that starts on a
    period boundary has only full periods: equal shares."""
    planned = billing.calendar_plan(Decimal("100.00"), D(2026, 1, 10), D(2026, 2, 9), "monthly")
    assert [(p.due_date, str(p.amount)) for p in planned] == [
        (D(2026, 1, 10), "68.83"), (D(2026, 2, 1), "31.17")]
    planned = billing.calendar_plan(Decimal("1000.00"), D(2026, 1, 1), D(2026, 12, 31),
                                    "half_yearly")
    assert [(p.due_date, str(p.amount)) for p in planned] == [
        (D(2026, 1, 1), "500.00"), (D(2026, 7, 1), "500.00")]


@pytest.mark.parametrize("amount", ["0.01", "0.99", "1.00", "999.99", "12345.67"])
@pytest.mark.parametrize("periodicity", list(billing.PERIODICITY_MONTHS))
@pytest.mark.parametrize("start", [D(2026, 1, 1), D(2026, 2, 15), D(2024, 2, 29), D(2026, 12, 31)])
def test_calendar_plans_add_up_exactly(amount, periodicity, start):
    """R-CON-5: whatever the start and periodicity, the shares sum to the amount, none below 0."""
    from servicedesk.services import renewals

    planned = billing.calendar_plan(Decimal(amount), start, renewals.term_end_for(start, 12),
                                    periodicity)
    assert sum(p.amount for p in planned) == Decimal(amount)
    assert all(p.amount >= 0 for p in planned)
    assert planned[0].due_date == start


def test_renewed_calendar_contract_plans_its_new_term_the_same_way(db):
    """R-CON-5: the renewal run plans the next term by calendar periods as well."""
    from servicedesk.services import renewal_run

    party = Party.create(code="C10", name="Cartoleria Bassi", is_customer=True)
    c = svc.create_contract(dict(party=party.id, title="Copiatrici", start_date=D(2026, 2, 15),
                                 amount=Decimal("1200.00"), billing_periodicity="half_yearly",
                                 billing_by_calendar=True, notice_days=30, status="active"))
    renewal_run.run(today=D(2027, 2, 16))
    # by hand: 15 Feb–30 Jun = 136 of 181 days; 1 Jul–31 Dec full; 1 Jan–14 Feb 2028 = 45 of
    # 182 days (2028 is a leap year); weights 136/181 + 1 + 45/182.
    rows = [r for r in billing.instalments(c.id) if r.term_no == 2]
    assert [r.due_date for r in rows] == [D(2027, 2, 15), D(2027, 7, 1), D(2028, 1, 1)]
    assert sum(r.amount for r in rows) == Decimal("1200.00")
