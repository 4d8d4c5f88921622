"""Contract rules at their limits: what each field accepts up to its bound and what it refuses
with which message, amounts rounded to the cent, the numbering, the plan that follows new
billing settings, conflicts between workstations, coverage and top-ups (R-CON-1..5, #20)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock, context, settings
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from servicedesk.models import (Contract, ContractUnit, JobOrder, Operator, Party, Product,
                               TicketMovement, Unit)
from servicedesk.permissions import Role
from servicedesk.services import billing, renewal_run, tickets
from servicedesk.services import contracts as svc

D = dt.date


@pytest.fixture
def customer(db):
    clock.freeze(dt.datetime(2026, 3, 1, 9))
    return Party.create(code="C1", name="Officine Rossi srl", city="Brescia")


def values(party: Party, **kw) -> dict:
    out = dict(party=party.id, title="Assistenza caldaie", start_date=D(2026, 1, 1),
               amount="1200", status="active")
    out.update(kw)
    return out


def refusals(info) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in info.value.errors}


def refused(party: Party, **kw) -> set[tuple[str, str]]:
    count = Contract.select().count()
    with pytest.raises(ValidationError) as info:
        svc.create_contract(values(party, **kw))
    assert Contract.select().count() == count  # nothing written
    return refusals(info)


def edit(contract: Contract, **changes) -> Contract:
    contract = contract.reload()
    return svc.update_contract(contract.id, contract.version, changes)


def edit_refused(contract: Contract, **changes) -> set[tuple[str, str]]:
    contract = contract.reload()
    with pytest.raises(ValidationError) as info:
        svc.update_contract(contract.id, contract.version, changes)
    assert contract.reload().version == contract.version  # nothing written
    return refusals(info)


# -- amounts and percentages ------------------------------------------------------------------
@pytest.mark.parametrize("typed, stored", [
    ("100.005", Decimal("100.01")),   # half a cent rounds up
    ("100.004", Decimal("100.00")),
    (" 250.5 ", Decimal("250.50")),   # spaces around a pasted figure
    (99, Decimal("99.00")),
    ("0", Decimal("0.00")),           # a free contract (warranty extension) is allowed
])
def test_amount_is_kept_to_the_cent_rounding_half_up(customer, typed, stored):
    assert svc.create_contract(values(customer, amount=typed)).reload().amount == stored


def test_a_contract_without_an_amount_is_worth_nothing_until_one_is_typed(customer):
    """A new contract may be saved without the amount (0,00 €, no plan to pay); once saved the
    amount cannot be emptied again."""
    typed = {k: v for k, v in values(customer).items() if k != "amount"}  # the field left empty
    c = svc.create_contract(typed)
    assert c.reload().amount == Decimal("0.00")
    assert edit_refused(c, amount="") == {("amount", "required")}
    assert edit_refused(c, amount=None) == {("amount", "required")}


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "-Infinity", "12,50", "1.2.3"])
def test_amount_that_is_not_a_number_is_refused(customer, typed):
    assert refused(customer, amount=typed) == {("amount", "invalid_number")}


def test_largest_amount_accepted_and_one_cent_more_refused(customer):
    c = svc.create_contract(values(customer, amount=str(billing.MAX_AMOUNT)))
    assert c.reload().amount == billing.MAX_AMOUNT
    too_much = str(billing.MAX_AMOUNT + Decimal("0.01"))
    assert edit_refused(c, amount=too_much) == {("amount", "contracts.amount_too_large")}
    assert edit_refused(c, amount="-0.01") == {("amount", "negative")}


@pytest.mark.parametrize("key, low, high", [("change_pct", -100, 100),
                                            ("istat_share_pct", 0, 100)])
def test_percentages_accept_their_whole_range_and_nothing_beyond(customer, key, low, high):
    """R-CON-4: a price change between −100 % and +100 %, an ISTAT share between 0 and 100 %,
    kept to the thousandth of a point."""
    c = svc.create_contract(values(customer, **{key: str(low)}))
    assert getattr(c.reload(), key) == Decimal(low)
    c = edit(c, **{key: str(high)})
    assert getattr(c.reload(), key) == Decimal(high)
    c = edit(c, **{key: "2.0005"})
    assert getattr(c.reload(), key) == Decimal("2.001")
    range_error = ("contracts.pct_range", {"min": low, "max": high})
    for bad in (str(Decimal(low) - Decimal("0.001")), str(Decimal(high) + Decimal("0.001"))):
        with pytest.raises(ValidationError) as info:
            edit(c, **{key: bad})
        assert [(e.field, e.code, e.params) for e in info.value.errors] == [(key, *range_error)]
    c = edit(c, **{key: ""})  # emptied: no change
    assert getattr(c.reload(), key) == Decimal(0)


# -- whole numbers ----------------------------------------------------------------------------
@pytest.mark.parametrize("key, low, high", [
    ("initial_months", 1, 600),
    ("renewal_months", 1, 600),
    ("istat_month_lag", 1, 12),
    ("max_renewals", 0, 1000),
    ("proposal_days", 0, 3650),
    ("tickets_per_term", 0, 100_000),
    ("tickets_per_request", 0, 100_000),
    ("ticket_low_threshold", 0, 100_000),
    ("response_hours", 1, 10_000),
    ("instalments_count", 1, billing.MAX_INSTALMENTS),
])
def test_whole_numbers_accept_their_bounds_and_refuse_one_beyond(customer, key, low, high):
    """Each count is accepted at its smallest and largest value; one beyond is refused with the
    range the user may type (below zero: "negative")."""
    extra = {"resolution_hours": 10_000} if key == "response_hours" else {}
    c = svc.create_contract(values(customer, **{key: low}, **extra))
    assert getattr(c.reload(), key) == low
    c = edit(c, **{key: str(high)})  # typed text is read as a number
    assert getattr(c.reload(), key) == high
    with pytest.raises(ValidationError) as info:
        edit(c, **{key: high + 1})
    assert [(e.code, e.params) for e in info.value.errors if e.field == key] == [
        ("contracts.out_of_range", {"min": low, "max": high})]
    below = "negative" if low == 0 else "contracts.out_of_range"
    assert below in {code for field, code in edit_refused(c, **{key: low - 1}) if field == key}


@pytest.mark.parametrize("typed", [2.5, True, "dodici", [12]])
def test_months_must_be_a_whole_number(customer, typed):
    assert refused(customer, initial_months=typed) == {("initial_months", "invalid_number")}


def test_a_negative_duration_is_called_negative(customer):
    assert ("initial_months", "negative") in refused(customer, initial_months=-3)


def test_counts_that_may_be_left_empty_and_those_that_may_not(customer):
    """No limit of renewals, no service level of its own, no own proposal period, no ISTAT
    lag: empty is allowed. The notice period and the durations must be given."""
    c = svc.create_contract(values(customer, max_renewals=5, response_hours=4,
                                   resolution_hours=8, proposal_days=30, istat_month_lag=2))
    c = edit(c, max_renewals="", response_hours=None, resolution_hours="", proposal_days=None,
             istat_month_lag="")
    c = c.reload()
    assert (c.max_renewals, c.response_hours, c.resolution_hours, c.proposal_days,
            c.istat_month_lag) == (None, None, None, None, None)
    assert edit_refused(c, notice_days="", initial_months=None, tickets_per_term="") == {
        ("notice_days", "required"), ("initial_months", "required"),
        ("tickets_per_term", "required")}


def test_resolution_may_equal_response_but_not_come_before_it(customer):
    c = svc.create_contract(values(customer, response_hours=8, resolution_hours=8))
    assert (c.response_hours, c.resolution_hours) == (8, 8)
    assert edit_refused(c, resolution_hours=7) == {
        ("resolution_hours", "contracts.resolution_before_response")}


def test_the_longest_notice_is_one_day_shorter_than_the_term(customer):
    """R-CON-4: a yearly term of 2026 has 365 days; 364 days of notice fit, 365 do not."""
    c = svc.create_contract(values(customer, notice_days=364))
    assert c.notice_days == 364
    assert edit_refused(c, notice_days=365) == {("notice_days", "contracts.notice_too_long")}
    assert edit(c, notice_days=0).notice_days == 0


def test_a_contract_that_does_not_renew_measures_the_notice_on_its_only_term(customer):
    """A 2-year contract without renewal: the notice must fit those two years only, not the
    (monthly) renewal term it will never have."""
    c = svc.create_contract(values(customer, initial_months=24, renewal_months=1,
                                   renewal_type="none", notice_days=200))
    assert c.notice_days == 200
    assert refused(customer, number="B", initial_months=24, renewal_months=1,
                   renewal_type="tacit", notice_days=200) == {
        ("notice_days", "contracts.notice_too_long")}


def test_renewals_limit_cannot_fall_below_the_renewals_already_made(customer):
    clock.freeze(dt.datetime(2024, 1, 1, 9))
    c = svc.create_contract(values(customer, start_date=D(2024, 1, 1)))
    clock.freeze(dt.datetime(2026, 3, 1, 9))
    renewal_run.run()
    assert c.reload().renewals_done == 2
    assert edit(c, max_renewals=2).max_renewals == 2
    assert edit_refused(c, max_renewals=1) == {("max_renewals", "contracts.max_below_done")}


# -- texts, choices, dates, references --------------------------------------------------------
def test_number_and_title_are_trimmed_notes_are_kept_as_typed(customer):
    c = svc.create_contract(values(customer, number="  CT/7-b  ", title="  Assistenza  ",
                                   notes="  riga 1\n  riga 2  "))
    c = c.reload()
    assert (c.number, c.title, c.notes) == ("CT/7-b", "Assistenza", "  riga 1\n  riga 2  ")


def test_text_lengths(customer):
    c = svc.create_contract(values(customer, number="N" * 30, title="T" * 200,
                                   notes="x" * 20_000))
    assert (len(c.number), len(c.title), len(c.notes)) == (30, 200, 20_000)
    with pytest.raises(ValidationError) as info:
        edit(c, number="N" * 31, notes="x" * (20_001))
    assert sorted((e.field, e.code, e.params["max"]) for e in info.value.errors) == [
        ("notes", "too_long", 20_000), ("number", "too_long", 30)]


def test_a_blank_title_or_number_is_refused_on_edit(customer):
    c = svc.create_contract(values(customer))
    assert edit_refused(c, title="   ", number=" ") == {("title", "required"),
                                                       ("number", "required")}
    assert edit_refused(c, title=None) == {("title", "required")}


def test_only_editable_fields_can_be_written(customer):
    """The term, its number and the ledger are kept by the renewals, never typed."""
    c = svc.create_contract(values(customer))
    assert edit_refused(c, term_end=D(2030, 1, 1), renewals_done=9) == {
        ("term_end", "contracts.not_editable"), ("renewals_done", "contracts.not_editable")}


@pytest.mark.parametrize("key, bad", [("direction", "both"), ("contract_type", "gold"),
                                      ("status", "paused"), ("renewal_type", "automatic")])
def test_choices_outside_the_list_are_refused(customer, key, bad):
    with pytest.raises(ValidationError) as info:
        svc.create_contract(values(customer, **{key: bad}))
    assert (key, "invalid_choice", {"value": bad}) in [(e.field, e.code, e.params)
                                                       for e in info.value.errors]


def test_every_listed_choice_is_accepted(customer):
    for i, (ctype, periodicity) in enumerate(zip(svc.CONTRACT_TYPES, svc.PERIODICITIES * 2)):
        c = svc.create_contract(values(customer, number=f"N{i}", contract_type=ctype,
                                       billing_periodicity=periodicity))
        assert (c.contract_type, c.billing_periodicity) == (ctype, periodicity)


def test_periodicity_written_by_other_tools_is_stored_under_its_usual_name(customer):
    c = svc.create_contract(values(customer, billing_periodicity="semiannual"))
    assert c.reload().billing_periodicity == "half_yearly"


def test_billing_by_calendar_is_a_yes_or_no(customer):
    c = svc.create_contract(values(customer, billing_by_calendar=True))
    assert c.reload().billing_by_calendar is True
    assert edit_refused(c, billing_by_calendar="yes") == {("billing_by_calendar", "invalid_choice")}


def test_dates_typed_as_text_or_with_a_time_are_stored_as_days(customer):
    c = svc.create_contract(values(customer, start_date="2026-02-01",
                                   signed_on=dt.datetime(2026, 1, 20, 17, 30),
                                   first_due_date="2026-02-28"))
    c = c.reload()
    assert (c.start_date, c.signed_on, c.first_due_date) == (D(2026, 2, 1), D(2026, 1, 20),
                                                            D(2026, 2, 28))
    assert (c.term_start, c.term_end) == (D(2026, 2, 1), D(2027, 1, 31))
    assert edit_refused(c, start_date="") == {("start_date", "required")}
    assert edit_refused(c, first_due_date="31/02/2026") == {("first_due_date", "invalid_date")}


def test_signature_and_notice_may_be_dated_today_not_tomorrow(customer):
    today = clock.today()
    c = svc.create_contract(values(customer, signed_on=today))
    c = svc.give_notice(c.id, c.version, today)
    assert (c.signed_on, c.notice_given_on) == (today, today)
    tomorrow = today + dt.timedelta(days=1)
    assert edit_refused(c, signed_on=tomorrow, notice_given_on=tomorrow) == {
        ("signed_on", "contracts.date_in_future"), ("notice_given_on", "contracts.date_in_future")}


def test_party_job_order_and_signer_by_record_or_id(customer):
    order = JobOrder.create(code="COM-1", party=customer, title="Impianto")
    signer = Operator.get(Operator.username == "admin") if Operator.select().exists() \
        else Operator.create(username="anna", full_name="Anna Neri", role="admin")
    c = svc.create_contract({**values(customer), "party": customer, "job_order": order.id,
                             "signed_by": signer})
    c = c.reload()
    assert (c.party_id, c.job_order_id, c.signed_by_id) == (customer.id, order.id, signer.id)
    c = edit(c, job_order="", signed_by=None)
    assert (c.job_order_id, c.signed_by_id) == (None, None)
    assert edit_refused(c, party="") == {("party", "required")}
    assert edit_refused(c, job_order=9999, signed_by=9999) == {("job_order", "not_found"),
                                                              ("signed_by", "not_found")}


def test_a_missing_party_title_and_start_are_named_together(customer):
    with pytest.raises(ValidationError) as info:
        svc.create_contract({"party": "", "title": None, "start_date": "", "amount": "10"})
    assert refusals(info) == {("party", "required"), ("title", "required"),
                              ("start_date", "required")}


# -- numbering --------------------------------------------------------------------------------
def test_numbers_follow_the_highest_of_the_year(customer):
    """A typed number of the same pattern moves the sequence on; numbers of other years and
    other patterns do not count."""
    for number in ("CT-2026-0041", "CT-2026-X", "CT-2025-0099", "AB-2026-0500"):
        svc.create_contract(values(customer, number=number))
    assert svc.create_contract(values(customer)).number == "CT-2026-0042"
    assert svc.next_number(2025) == "CT-2025-0100"
    assert svc.next_number(2027) == "CT-2027-0001"
    assert svc.next_number() == "CT-2026-0043"


def test_the_number_of_another_contract_is_refused_on_edit_and_its_own_kept(customer):
    a = svc.create_contract(values(customer, number="A-1"))
    b = svc.create_contract(values(customer, number="B-1"))
    assert edit(a, number="A-1", title="Nuovo titolo").title == "Nuovo titolo"
    with pytest.raises(ValidationError) as info:
        edit(b, number="A-1")
    assert [(e.field, e.code, e.params) for e in info.value.errors] == [
        ("number", "contracts.number_taken", {"number": "A-1"})]


# -- status and creation ----------------------------------------------------------------------
def test_a_new_contract_is_a_draft_unless_made_active(customer):
    c = svc.create_contract({k: v for k, v in values(customer).items() if k != "status"})
    assert c.reload().status == "draft"
    with pytest.raises(ValidationError) as info:
        svc.create_contract(values(customer, status="suspended"))
    assert [(e.field, e.code, e.params) for e in info.value.errors] == [
        ("status", "contracts.bad_transition", {"from": "new", "to": "suspended"})]


@pytest.mark.parametrize("start, allowed", sorted(
    (s, tuple(sorted(t))) for s, t in svc.TRANSITIONS.items()))
def test_status_moves_allowed_from_each_status(customer, start, allowed):
    """R-CON-1: from each status only the listed moves are allowed; saving the status it already
    has is not a move."""
    for i, target in enumerate(svc.STATUSES):
        c = Contract.create(number=f"X-{start}-{i}", party=customer, title="t", status=start,
                            start_date=D(2026, 1, 1), term_start=D(2026, 1, 1),
                            term_end=D(2026, 12, 31))
        if target in allowed or target == start:
            assert svc.set_status(c.id, c.version, target).reload().status == target
        else:
            with pytest.raises(ValidationError) as info:
                svc.set_status(c.id, c.version, target)
            assert [(e.code, e.params) for e in info.value.errors] == [
                ("contracts.bad_transition", {"from": start, "to": target})]


def test_a_contract_without_tickets_has_an_empty_ledger_and_its_plan_written(customer):
    c = svc.create_contract(values(customer, tickets_per_term=0, instalments_count=4,
                                   billing_periodicity="quarterly"))
    assert tickets.balance(c.id) == tickets.TicketBalance(0, 0, 0)
    plan = billing.instalments(c.id, 1)
    assert [(r.due_date, r.amount) for r in plan] == [
        (D(2026, 1, 1), Decimal("300.00")), (D(2026, 4, 1), Decimal("300.00")),
        (D(2026, 7, 1), Decimal("300.00")), (D(2026, 10, 1), Decimal("300.00"))]


# -- the plan follows new billing settings while nobody touched it ----------------------------
def plan_of(c: Contract) -> list[tuple[dt.date, Decimal]]:
    return [(r.due_date, r.amount) for r in billing.instalments(c.id, c.reload().term_no)]


def test_new_billing_settings_rewrite_a_plan_nobody_touched(customer):
    c = svc.create_contract(values(customer, instalments_count=2, billing_periodicity="half_yearly"))
    edit(c, amount="1500")
    assert plan_of(c) == [(D(2026, 1, 1), Decimal("750.00")), (D(2026, 7, 1), Decimal("750.00"))]


def test_a_plan_edited_by_hand_or_partly_paid_is_left_alone(customer):
    c = svc.create_contract(values(customer, instalments_count=2, billing_periodicity="half_yearly"))
    first, _second = billing.instalments(c.id, 1)
    billing.update_instalment(first.id, first.version, amount="700")
    edit(c, amount="1500")
    assert plan_of(c) == [(D(2026, 1, 1), Decimal("700.00")), (D(2026, 7, 1), Decimal("600.00"))]

    d = svc.create_contract(values(customer, number="B", instalments_count=2,
                                   billing_periodicity="half_yearly"))
    first = billing.instalments(d.id, 1)[0]
    billing.set_paid(first.id, first.version, D(2026, 1, 10))
    edit(d, amount="1500")
    assert plan_of(d) == [(D(2026, 1, 1), Decimal("600.00")), (D(2026, 7, 1), Decimal("600.00"))]


def test_a_plan_deleted_by_hand_is_written_again_from_the_new_settings(customer):
    c = svc.create_contract(values(customer, instalments_count=2, billing_periodicity="half_yearly"))
    for row in billing.instalments(c.id, 1):
        billing.delete_instalment(row.id, row.version)
    edit(c, instalments_count=3, billing_periodicity="four_monthly")
    assert plan_of(c) == [(D(2026, 1, 1), Decimal("400.00")), (D(2026, 5, 1), Decimal("400.00")),
                          (D(2026, 9, 1), Decimal("400.00"))]


def test_a_change_that_is_not_about_billing_keeps_the_plan(customer):
    c = svc.create_contract(values(customer, instalments_count=2, billing_periodicity="half_yearly"))
    first = billing.instalments(c.id, 1)[0]
    billing.update_instalment(first.id, first.version, due_date=D(2026, 1, 31))
    before = plan_of(c)
    edit(c, title="Altro titolo", amount="1200.00")  # the same amount, written differently
    assert plan_of(c) == before


# -- two workstations -------------------------------------------------------------------------
def test_editing_a_contract_deleted_elsewhere_says_so(customer):
    c = svc.create_contract(values(customer))
    Contract.delete().where(Contract.id == c.id).execute()
    with pytest.raises(ConflictError) as info:
        svc.update_contract(c.id, c.version, {"title": "x"})
    assert info.value.deleted


def test_a_conflict_names_the_other_change_and_mine_as_the_user_knows_them(customer):
    """R-X-1: Bianchi changed the customer while Rossi raised the amount: Rossi sees the
    customer's name (not its id) as stored now, and his own amount."""
    other = Party.create(code="C2", name="Studio Verdi")
    c = svc.create_contract(values(customer))
    seen = {"party": customer.id, "amount": Decimal("1200.00"), "title": c.title}
    svc.update_contract(c.id, c.version, {"party": other.id})
    with pytest.raises(ConflictError) as info:
        svc.update_contract(c.id, c.version, {"amount": "1300"}, seen)
    changes = {ch.field: (ch.theirs, ch.mine) for ch in info.value.changes}
    assert changes == {"party": ("Studio Verdi", "Officine Rossi srl"),
                       "amount": (Decimal("1200.00"), Decimal("1300.00"))}
    assert c.reload().amount == Decimal("1200.00")


def test_a_conflict_on_job_order_and_signer_shows_their_code_and_name(customer):
    order = JobOrder.create(code="COM-9", party=customer, title="Impianto")
    signer = Operator.create(username="bianchi", full_name="Luca Bianchi", role="admin")
    c = svc.create_contract(values(customer))
    seen = {"job_order": None, "signed_by": None}
    svc.update_contract(c.id, c.version, {"job_order": order.id, "signed_by": signer.id})
    with pytest.raises(ConflictError) as info:
        svc.update_contract(c.id, c.version, {"title": "x"}, seen)
    changes = {ch.field: (ch.theirs, ch.mine) for ch in info.value.changes}
    assert changes == {"job_order": ("COM-9", None), "signed_by": ("Luca Bianchi", None),
                       "title": ("Assistenza caldaie", "x")}


def test_changing_the_party_of_a_contract_covering_its_units_is_refused(customer):
    other = Party.create(code="C2", name="Studio Verdi")
    product = Product.create(code="P1", name="Caldaia")
    unit = Unit.create(product=product, serial="SN-1", owner=customer)
    c = svc.create_contract(values(customer))
    assert edit(c, party=other.id).party_id == other.id  # no units yet
    c = edit(c, party=customer.id)
    svc.set_coverage(c.id, [], [unit.id])
    assert edit_refused(c, party=other.id) == {("party", "contracts.units_of_other_party")}
    assert edit(c, party=customer.id, title="stesso cliente").title == "stesso cliente"


# -- coverage, top-ups, office settings -------------------------------------------------------
def test_coverage_of_unknown_products_or_units_is_refused(customer):
    product = Product.create(code="P1", name="Caldaia")
    c = svc.create_contract(values(customer))
    with pytest.raises(ValidationError) as info:
        svc.set_coverage(c.id, [product.id, 9999], [8888])
    assert refusals(info) == {("products", "not_found"), ("units", "not_found")}
    with pytest.raises(NotFound):
        svc.set_coverage(7777, [], [])


def test_coverage_names_at_most_five_foreign_serials(customer):
    other = Party.create(code="C2", name="Studio Verdi")
    product = Product.create(code="P1", name="Caldaia")
    ids = [Unit.create(product=product, serial=f"SN-{i}", owner=other).id for i in range(7)]
    c = svc.create_contract(values(customer))
    with pytest.raises(ValidationError) as info:
        svc.set_coverage(c.id, [], ids)
    (err,) = info.value.errors
    assert err.params == {"serials": "SN-0, SN-1, SN-2, SN-3, SN-4"}


def test_coverage_replaces_the_lists_keeping_what_stays(customer):
    p1, p2 = Product.create(code="P1", name="Caldaia"), Product.create(code="P2", name="Pompa")
    u1 = Unit.create(product=p1, serial="SN-1", owner=customer)
    u2 = Unit.create(product=p2, serial="SN-2", owner=customer)
    c = svc.create_contract(values(customer))
    svc.set_coverage(c.id, [p1.id, p1.id], [u1.id])
    kept = ContractUnit.get(ContractUnit.contract == c.id).id
    svc.set_coverage(c.id, [p2.id], [u1.id, u2.id, u2.id])
    products, units = svc.coverage(c.id)
    assert [p.code for p in products] == ["P2"]
    assert [u.serial for u in units] == ["SN-1", "SN-2"]
    assert ContractUnit.get(ContractUnit.contract == c.id, ContractUnit.unit == u1.id).id == kept


def test_top_up_note_and_quantity_limits(customer):
    c = svc.create_contract(values(customer))
    svc.top_up(c.id, "100000", "n" * 200)
    assert tickets.balance(c.id).remaining == 100_000
    with pytest.raises(ValidationError) as info:
        svc.top_up(c.id, 100_001, "n" * 201)
    assert sorted((e.field, e.code, e.params) for e in info.value.errors) == [
        ("note", "too_long", {"max": 200}),
        ("quantity", "contracts.out_of_range", {"min": 1, "max": 100_000})]
    with pytest.raises(ValidationError) as info:
        svc.top_up(c.id, 0)
    assert [(e.field, e.code, e.params) for e in info.value.errors] == [
        ("quantity", "contracts.out_of_range", {"min": 1, "max": 100_000})]
    with pytest.raises(ValidationError) as info:
        svc.top_up(c.id, None)
    assert refusals(info) == {("quantity", "required")}
    with pytest.raises(NotFound):
        svc.top_up(9999, 1)
    assert tickets.balance(c.id).remaining == 100_000


def test_alert_window_is_between_one_day_and_ten_years(customer):
    assert svc.set_alert_days("3650") == 3650
    assert settings.read(settings.CONTRACT_ALERT_DAYS) == 3650
    assert svc.set_alert_days(1) == 1
    for bad in (0, 3651, None):
        with pytest.raises(ValidationError):
            svc.set_alert_days(bad)
    assert settings.read(settings.CONTRACT_ALERT_DAYS) == 1


def test_office_proposal_days_may_be_cleared_or_set_up_to_ten_years(customer):
    assert svc.set_proposal_days(60) == 60
    assert settings.read(settings.CONTRACT_PROPOSAL_DAYS) == 60
    assert svc.set_proposal_days(None) is None
    assert settings.read(settings.CONTRACT_PROPOSAL_DAYS) is None
    assert svc.set_proposal_days(3650) == 3650
    with pytest.raises(ValidationError) as info:
        svc.set_proposal_days(3651)
    assert refusals(info) == {("proposal_days", "contracts.out_of_range")}
    assert settings.read(settings.CONTRACT_PROPOSAL_DAYS) == 3650


def test_office_settings_are_for_contract_editors_only(customer):
    with context.acting_as(Actor(operator_id=None, role=Role.COORDINATOR, name="x")):
        with pytest.raises(PermissionDenied):
            svc.set_alert_days(30)
        with pytest.raises(PermissionDenied):
            svc.set_proposal_days(30)


def test_notice_of_up_to_ten_years_on_a_fifty_year_contract(customer):
    """The notice period has its own bound (3650 days) where the term does not limit it."""
    c = svc.create_contract(values(customer, initial_months=600, renewal_months=600,
                                   notice_days=3650))
    assert c.notice_days == 3650
    with pytest.raises(ValidationError) as info:
        edit(c, notice_days=3651)
    assert [(e.field, e.code, e.params) for e in info.value.errors] == [
        ("notice_days", "contracts.out_of_range", {"min": 0, "max": 3650})]


def test_a_party_of_the_wrong_kind_is_reported_with_the_other_mistakes(customer):
    """Every mistake of the form is shown at once: the supplier chosen for a sale and the
    empty title together."""
    supplier = Party.create(code="S1", name="Ricambi Nord spa", is_customer=False,
                            is_supplier=True)
    with pytest.raises(ValidationError) as info:
        svc.create_contract(values(supplier, title="", amount="-1"))
    assert [(e.field, e.code, e.params) for e in info.value.errors
            if e.field == "party"] == [("party", "contracts.party_not_customer",
                                        {"name": "Ricambi Nord spa"})]
    assert refusals(info) == {("party", "contracts.party_not_customer"), ("title", "required"),
                              ("amount", "negative")}


def test_a_contract_that_does_not_renew_may_give_notice_up_to_the_day_before_its_end(customer):
    """No renewal: only the one term counts — 2026 has 365 days, so 364 days fit."""
    c = svc.create_contract(values(customer, renewal_type="none", notice_days=364))
    assert c.notice_days == 364
    with pytest.raises(ValidationError) as info:
        edit(c, notice_days=365)
    assert [(e.code, e.params) for e in info.value.errors] == [
        ("contracts.notice_too_long", {"notice": 365, "days": 365, "max": 364, "default": 90})]


def test_a_term_shorter_than_the_next_one_decides_the_notice(customer):
    """A yearly contract starting in 2027: its first term has 365 days, the renewal (2028, a
    leap year) 366: the shorter one decides."""
    c = svc.create_contract(values(customer, start_date=D(2027, 1, 1), notice_days=364))
    assert c.notice_days == 364
    with pytest.raises(ValidationError) as info:
        edit(c, notice_days=365)
    assert info.value.errors[0].params["days"] == 365


@pytest.mark.parametrize("blank", ["initial_months", "renewal_months"])
def test_the_usual_notice_suggested_beside_a_blank_duration_assumes_a_year(customer, blank):
    """The user emptied a duration and typed too long a notice: both are refused, and the usual
    notice offered is the yearly 90 days."""
    c = svc.create_contract(values(customer))
    with pytest.raises(ValidationError) as info:
        edit(c, **{blank: "", "notice_days": 400})
    notice = [e.params for e in info.value.errors if e.field == "notice_days"]
    assert notice == [{"notice": 400, "days": 365, "max": 364, "default": 90}]
    assert (blank, "required") in refusals(info)


@pytest.mark.parametrize("typed", [None, ""])
def test_a_new_contract_with_the_notice_left_blank_gets_the_usual_one(customer, typed):
    assert svc.create_contract(values(customer, notice_days=typed)).notice_days == 90


def test_a_new_contract_with_a_blank_first_duration_is_checked_as_if_yearly(customer):
    """The duration is required; meanwhile the notice is measured against a year (365 days in
    2026): 380 days are refused with it, 340 fit."""
    assert refused(customer, initial_months=None, renewal_type="none", notice_days=380) == {
        ("initial_months", "required"), ("notice_days", "contracts.notice_too_long")}
    assert refused(customer, initial_months=None, renewal_type="none", notice_days=340) == {
        ("initial_months", "required")}


def test_a_note_written_on_an_instalment_keeps_the_plan_when_the_amount_changes(customer):
    """A note ("fattura 12/2026 emessa") is the user's work: raising the amount must not
    rewrite the plan and drop it. The form's summary says the same before the save."""
    from servicedesk.queries import contract_form as cf
    from servicedesk.queries.contract_summary import Terms, summarize

    c = svc.create_contract(values(customer, instalments_count=2, billing_periodicity="half_yearly"))
    first = billing.instalments(c.id, 1)[0]
    billing.update_instalment(first.id, first.version, note="fattura 12/2026 emessa")
    view = cf.contract_view(c.id)
    form = {name: getattr(view.snapshot, name) for name in Terms.__dataclass_fields__}
    assert summarize(Terms(**{**form, "amount": Decimal("1500")}), view).plan.source == "kept"
    edit(c, amount="1500")
    rows = billing.instalments(c.id, 1)
    assert [(r.due_date, r.amount, r.note) for r in rows] == [
        (D(2026, 1, 1), Decimal("600.00"), "fattura 12/2026 emessa"),
        (D(2026, 7, 1), Decimal("600.00"), "")]


def test_a_change_outside_billing_leaves_an_untouched_plan_as_it_is(customer):
    """The title changes, the plan stays the very same rows (nothing deleted and written again)."""
    c = svc.create_contract(values(customer, instalments_count=2, billing_periodicity="half_yearly"))
    before = [(r.uuid, r.version) for r in billing.instalments(c.id, 1)]
    edit(c, title="Assistenza caldaie e bruciatori")
    assert [(r.uuid, r.version) for r in billing.instalments(c.id, 1)] == before


def test_a_stale_edit_is_reported_as_a_conflict_before_its_mistakes(customer):
    """Another workstation saved first: the user learns that before fixing the form's mistakes
    (they would be fixed on data no longer current)."""
    c = svc.create_contract(values(customer))
    svc.update_contract(c.id, c.version, {"title": "Altro"})
    with pytest.raises(ConflictError):
        svc.update_contract(c.id, c.version, {"amount": "-5"})
    assert c.reload().title == "Altro"


def test_a_conflict_shows_numbers_as_numbers_and_my_new_party_by_name(customer):
    """The other workstation set the renewals limit to 3 (also the id of an operator and of a
    customer): it is shown as 3; the customer I picked is shown by name."""
    other = Party.create(code="C2", name="Studio Verdi")
    while Operator.select().count() < 3 or Party.select().count() < 3:
        n = Operator.select().count() + Party.select().count()
        Operator.create(username=f"op{n}", full_name=f"Operatore {n}", role="admin")
        Party.create(code=f"X{n}", name=f"Cliente {n}")
    c = svc.create_contract(values(customer))
    seen = {"max_renewals": None, "party": customer.id}
    svc.update_contract(c.id, c.version, {"max_renewals": 3})
    with pytest.raises(ConflictError) as info:
        svc.update_contract(c.id, c.version, {"party": other}, seen)
    changes = {ch.field: (ch.theirs, ch.mine) for ch in info.value.changes}
    assert changes == {"max_renewals": (3, None), "party": ("Officine Rossi srl", "Studio Verdi")}


def test_a_conflict_does_not_list_a_field_I_sent_unchanged(customer):
    """The form sends the customer as it was: only the title the other workstation changed is
    in conflict."""
    c = svc.create_contract(values(customer))
    seen = {"party": customer.id, "title": c.title}
    svc.update_contract(c.id, c.version, {"title": "Altro"})
    with pytest.raises(ConflictError) as info:
        svc.update_contract(c.id, c.version, {"party": customer.id}, seen)
    assert [(ch.field, ch.theirs, ch.mine) for ch in info.value.changes] == [
        ("title", "Altro", "Assistenza caldaie")]


def test_the_ledger_keeps_the_note_of_a_top_up(customer):
    c = svc.create_contract(values(customer))
    svc.top_up(c.id, 10, "pacchetto 10 interventi, ordine 55")
    svc.top_up(c.id, 5, None)
    notes = [(m.kind, m.quantity, m.note) for m in
             TicketMovement.select().where(TicketMovement.contract == c.id).order_by(TicketMovement.id)]
    assert notes == [("topup", 10, "pacchetto 10 interventi, ordine 55"), ("topup", 5, "")]


def test_a_technician_is_refused_a_top_up_before_its_figures_are_checked(customer):
    c = svc.create_contract(values(customer))
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="x")):
        with pytest.raises(PermissionDenied):
            svc.top_up(c.id, "tanti")


def test_two_contracts_may_cover_the_same_product_and_unit(customer):
    """A maintenance contract and an on-call one for the same boiler."""
    product = Product.create(code="P1", name="Caldaia")
    unit = Unit.create(product=product, serial="SN-1", owner=customer)
    a = svc.create_contract(values(customer, number="A"))
    b = svc.create_contract(values(customer, number="B", contract_type="on_call"))
    svc.set_coverage(a.id, [product.id], [unit.id])
    svc.set_coverage(b.id, [product.id], [unit.id])
    for c in (a, b):
        products, units = svc.coverage(c.id)
        assert ([p.code for p in products], [u.serial for u in units]) == (["P1"], ["SN-1"])


def test_party_title_and_start_are_required_even_when_the_form_leaves_them_out(customer):
    with pytest.raises(ValidationError) as info:
        svc.create_contract({"amount": "10"})
    assert refusals(info) == {("party", "required"), ("title", "required"),
                              ("start_date", "required")}


def test_a_contract_of_one_ticket_a_term_starts_with_one(customer):
    c = svc.create_contract(values(customer, tickets_per_term=1))
    assert tickets.balance(c.id) == tickets.TicketBalance(1, 0, 1)


def test_a_plan_its_stored_settings_could_not_make_is_left_alone(customer):
    """Settings written by another program (a periodicity this one does not know) cannot have
    made the plan: it counts as made by hand, and new settings do not rewrite it."""
    c = svc.create_contract(values(customer, instalments_count=2, billing_periodicity="half_yearly"))
    Contract.update(billing_periodicity="weekly").where(Contract.id == c.id).execute()
    edit(c, billing_periodicity="quarterly", instalments_count=4)
    assert plan_of(c) == [(D(2026, 1, 1), Decimal("600.00")), (D(2026, 7, 1), Decimal("600.00"))]
