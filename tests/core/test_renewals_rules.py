"""Renewal rules at their limits: a renewal the office decides moves the whole contract on, the
run's summary counts, the cancel-by date of a contract without notice (R-CON-4, #20)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.models import ContractRenewal, IstatIndex, IstatMonth, Operator, Party
from servicedesk.permissions import Role
from servicedesk.services import billing, istat, renewals, tickets
from servicedesk.services import contracts as svc

D = dt.date


@pytest.fixture
def party(db):
    IstatIndex.delete().execute()
    IstatMonth.delete().execute()
    return Party.create(code="C1", name="Officine Rossi srl", is_customer=True)


def make(party, **kw):
    values = dict(party=party.id, title="Assistenza", start_date=D(2026, 3, 1),
                  amount=Decimal("1000.00"), status="active", istat_share_pct=Decimal("100"),
                  change_pct=Decimal("2"), instalments_count=2, billing_periodicity="half_yearly")
    values.update(kw)
    clock.freeze(dt.datetime(2026, 3, 1, 9))
    return svc.create_contract(values)


def test_renewing_without_istat_moves_the_whole_contract_into_its_next_term(party):
    """The office renews a contract waiting for the 2026 ISTAT average: one more renewal
    counted, the term's ticket credited, the new term's plan made, and the history says who
    decided and on which day."""
    c = make(party, tickets_per_term=1)
    chief = Operator.create(username="capo", full_name="Capo Ufficio", role="manager")
    clock.freeze(dt.datetime(2027, 3, 5, 9))
    with context.acting_as(Actor(operator_id=chief.id, role=Role.MANAGER, name="capo")):
        renewals.renew_without_istat(c.id, c.version)
    c = c.reload()
    assert (c.term_no, c.renewals_done, c.amount) == (2, 1, Decimal("1020.00"))
    assert tickets.balance(c.id).available == 2  # the first term's and the renewal's
    plan = billing.instalments(c.id, 2)
    assert [(i.due_date, i.amount) for i in plan] == [
        (D(2027, 3, 1), Decimal("510.00")), (D(2027, 9, 1), Decimal("510.00"))]
    h = ContractRenewal.get(ContractRenewal.contract == c.id)
    assert (h.kind, h.status, h.decided_by_id, h.decided_on) == ("tacit", "done", chief.id,
                                                                 D(2027, 3, 5))


def test_a_contract_without_tickets_per_term_gets_none_at_renewal(party):
    c = make(party, istat_share_pct=Decimal("0"))
    clock.freeze(dt.datetime(2027, 3, 2, 9))
    assert renewals.run_renewals().count("renewed") == 1
    assert tickets.balance(c.id).available == 0


def test_the_run_summary_counts_each_outcome(party):
    """What the office reads after a run: renewed, waiting for a figure, expired, proposed."""
    make(party, istat_share_pct=Decimal("0"))  # renews
    make(party)  # waits for the 2026 average
    make(party, renewal_type="none")  # expires
    clock.freeze(dt.datetime(2027, 3, 2, 9))
    result = renewals.run_renewals()
    assert [result.count(a) for a in ("renewed", "waiting", "expired", "proposed")] == [1, 1, 1, 0]


def test_an_accepted_proposal_with_its_figure_is_not_a_renewal_without_istat(party):
    """The ISTAT figure is known when the proposal is accepted: the history shows it applied,
    not waived."""
    istat.save_year(2026, Decimal("1.5"), D(2027, 1, 16))
    c = make(party, renewal_type="proposal", proposal_days=30)
    clock.freeze(dt.datetime(2027, 2, 1, 9))
    renewals.run_renewals()
    proposal = ContractRenewal.get(ContractRenewal.contract == c.id)
    with context.acting_as(Actor(operator_id=None, role=Role.MANAGER, name="m")):
        renewals.accept_proposal(proposal.id, proposal.version)
    accepted = ContractRenewal.get_by_id(proposal.id)
    assert (accepted.status, accepted.istat_change_pct, accepted.istat_waived) == (
        "accepted", Decimal("1.50"), False)


def test_without_notice_period_notice_may_be_given_on_the_last_day(party):
    c = make(party, notice_days=0)
    assert renewals.contract_cancel_by(c) == c.term_end == D(2027, 2, 28)
