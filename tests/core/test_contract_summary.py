"""The contract summary computed from the form's values with the services' own rules
(R-CON-2..5, issue 12: it follows the form before anything is saved)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.models import IstatIndex, Party
from servicedesk.permissions import Role
from servicedesk.queries import contract_form as cf
from servicedesk.queries.contract_summary import Terms, summarize
from servicedesk.services import billing, renewal_run, renewals
from servicedesk.services import contracts as svc

D = dt.date


@pytest.fixture
def party(db):
    return Party.create(code="C1", name="Officine Rossi srl")


def terms(**kw) -> Terms:
    values = dict(start_date=D(2026, 1, 1), initial_months=12, renewal_months=12,
                  renewal_type="tacit", notice_days=90, notice_given_on=None, max_renewals=None,
                  proposal_days=None, change_pct=Decimal(0), istat_share_pct=Decimal(0),
                  istat_month_lag=None, amount=Decimal("1200"), billing_periodicity="half_yearly",
                  instalments_count=2, first_due_date=None, billing_by_calendar=False,
                  tickets_per_term=0, ticket_low_threshold=2, status="active")
    values.update(kw)
    return Terms(**values)


def terms_of(view: cf.ContractView, **kw) -> Terms:
    """The form as loaded from ``view``, then edited with ``kw``."""
    c = view.snapshot
    base = {name: getattr(c, name) for name in Terms.__dataclass_fields__}
    base.update(kw)
    return Terms(**base)


def test_a_new_contract_as_typed(party):
    """Nothing saved: the term, the notice deadline, the next renewal with its amount, the
    tickets credited on save and the plan the save will write, all from the typed values."""
    clock.freeze(dt.datetime(2025, 12, 1, 9))
    view = cf.new_contract_view(party.id)
    s = summarize(terms(change_pct=Decimal(2), tickets_per_term=10), view)
    assert (s.term_no, s.term_start, s.term_end) == (1, D(2026, 1, 1), D(2026, 12, 31))
    assert (s.notice.state, s.notice.cancel_by) == ("open", D(2026, 10, 2))
    assert (s.renewal.state, s.renewal.on, s.renewal.until) == ("renews", D(2027, 1, 1),
                                                                D(2027, 12, 31))
    assert s.renewal.amount == Decimal("1224.00")  # 1200 × (1 + 2%)
    assert (s.tickets.available, s.tickets.remaining) == (10, 10)
    assert s.plan.source == "preview"
    assert (s.plan.count, s.plan.each, s.plan.first_due) == (2, Decimal("600.00"), D(2026, 1, 1))
    assert (s.plan.next_due, s.plan.next_amount) == (D(2026, 1, 1), Decimal("600.00"))
    # what the save then writes is what the summary said
    c = svc.create_contract(dict(party=party.id, title="x", start_date=D(2026, 1, 1),
                                 amount="1200", change_pct="2", tickets_per_term=10,
                                 instalments_count=2, billing_periodicity="half_yearly"))
    assert [(i.due_date, i.amount) for i in billing.instalments(c.id)] == [
        (D(2026, 1, 1), Decimal("600.00")), (D(2026, 7, 1), Decimal("600.00"))]
    assert renewals.contract_cancel_by(c) == s.notice.cancel_by


def test_each_rule_follows_the_form(party):
    clock.freeze(dt.datetime(2025, 12, 1, 9))
    view = cf.new_contract_view(party.id)
    s = summarize(terms(initial_months=6, notice_days=30, renewal_type="none"), view)
    assert s.term_end == D(2026, 6, 30)
    assert s.notice.state == "not_renewable" and s.renewal.state == "ends"
    s = summarize(terms(renewal_type="proposal", proposal_days=45), view)
    assert (s.renewal.state, s.renewal.on) == ("proposal_due", D(2026, 11, 16))
    s = summarize(terms(max_renewals=0), view)
    assert s.notice.state == "last_term" and s.renewal.state == "ends"
    s = summarize(terms(notice_given_on=D(2025, 11, 30)), view)
    assert s.notice.state == "given" and s.renewal.state == "ends"
    s = summarize(terms(billing_by_calendar=True, billing_periodicity="four_monthly",
                        start_date=D(2026, 3, 1)), view)
    assert s.plan.count == 4 and s.plan.each is None  # pro rata first period
    assert s.plan.total == Decimal("1200.00") and s.plan.first_due == D(2026, 3, 1)
    assert summarize(terms(amount=None), view).plan.source == "invalid"
    assert summarize(terms(amount=Decimal(0)), view).plan.source == "none"
    assert summarize(terms(instalments_count=500), view).plan.source == "invalid"


def test_istat_figure_in_the_next_amount(party):
    """The renewal amount counts the ISTAT figure when the table has it; else it says which
    figure is missing and tells no amount."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2025, 12, 1, 9))
    view = cf.new_contract_view(party.id)
    s = summarize(terms(istat_share_pct=Decimal(100)), view)
    assert s.renewal.period.label == "2026" and s.renewal.amount is None
    IstatIndex.create(year=2026, change_pct=Decimal("1.5"), published_on=D(2027, 1, 16))
    view = cf.new_contract_view(party.id)
    s = summarize(terms(istat_share_pct=Decimal(100), change_pct=Decimal(1)), view)
    assert s.renewal.istat_pct == Decimal("1.5")
    assert s.renewal.amount == Decimal("1230.00")  # 1200 × (1 + 1% + 100% × 1.5%)


def test_a_saved_contract_being_edited(party):
    """The stored term and balance, the form's billing settings: an untouched plan is shown as
    the save will regenerate it; a partly paid one is kept."""
    clock.freeze(dt.datetime(2026, 2, 1, 9))
    c = svc.create_contract(dict(party=party.id, title="x", start_date=D(2026, 1, 1),
                                 amount="1200", instalments_count=2,
                                 billing_periodicity="half_yearly", tickets_per_term=5))
    view = cf.contract_view(c.id)
    s = summarize(terms_of(view), view)
    assert s.plan.source == "stored" and s.plan.next_due == D(2026, 1, 1)
    assert s.plan.next_overdue  # 1 Jan unpaid on 1 Feb
    assert (s.tickets.available, s.tickets.used, s.tickets.remaining) == (5, 0, 5)
    s = summarize(terms_of(view, instalments_count=4, billing_periodicity="quarterly"), view)
    assert (s.plan.source, s.plan.count, s.plan.each) == ("preview", 4, Decimal("300.00"))
    s = summarize(terms_of(view, ticket_low_threshold=5), view)
    assert s.tickets.low
    first = billing.instalments(c.id)[0]
    billing.set_paid(first.id, first.version, D(2026, 1, 15))
    view = cf.contract_view(c.id)
    s = summarize(terms_of(view, amount=Decimal("2400")), view)
    assert s.plan.source == "kept" and s.plan.count == 2
    assert s.plan.next_due == D(2026, 7, 1)


def test_decided_proposal_is_a_fact_not_the_forms(party):
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2025, 1, 1, 9))
    c = svc.create_contract(dict(party=party.id, title="x", start_date=D(2025, 1, 1),
                                 amount="1000", renewal_type="proposal", change_pct="10",
                                 status="active"))
    clock.freeze(dt.datetime(2025, 10, 2, 9))
    renewal_run.run()
    view = cf.contract_view(c.id)
    s = summarize(terms_of(view, renewal_type="tacit"), view)
    assert (s.renewal.state, s.renewal.on, s.renewal.amount) == (
        "proposed", D(2025, 10, 2), Decimal("1100.00"))


def test_without_money_no_amount_anywhere(party):
    """#14: an operator without the money permission gets dates and counts, no amounts."""
    clock.freeze(dt.datetime(2025, 12, 1, 9))
    c = svc.create_contract(dict(party=party.id, title="x", start_date=D(2026, 1, 1),
                                 amount="1200", instalments_count=2, change_pct="2",
                                 billing_periodicity="half_yearly"))
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        view = cf.contract_view(c.id)
        assert view.snapshot.amount is None and view.plan_check is None
        assert all(i.amount is None for i in view.instalments)
        s = summarize(terms_of(view, amount=Decimal(0)), view)
        assert not s.money
        assert s.renewal.amount is None and s.plan.each is None and s.plan.total is None
        assert s.plan.next_amount is None and s.plan.count == 2
        new = cf.new_contract_view(party.id)
        s = summarize(replace(terms(), amount=Decimal("999")), new)
        assert s.renewal.amount is None and s.plan.each is None and s.plan.next_amount is None
