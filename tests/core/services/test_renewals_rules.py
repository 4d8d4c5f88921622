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
from servicedesk.services import billing, istat, renewal_run, renewals, tickets
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
    assert renewal_run.run().count("renewed") == 1
    assert tickets.balance(c.id).available == 0


def test_the_run_summary_counts_each_outcome(party):
    """What the office reads after a run: renewed, waiting for a figure, expired, proposed."""
    make(party, istat_share_pct=Decimal("0"))  # renews
    make(party)  # waits for the 2026 average
    make(party, renewal_type="none")  # expires
    clock.freeze(dt.datetime(2027, 3, 2, 9))
    result = renewal_run.run()
    assert [result.count(a) for a in ("renewed", "waiting", "expired", "proposed")] == [1, 1, 1, 0]


def test_an_accepted_proposal_with_its_figure_is_not_a_renewal_without_istat(party):
    """The ISTAT figure is known when the proposal is accepted: the history shows it applied,
    not waived."""
    istat.save_year(2026, Decimal("1.5"), D(2027, 1, 16))
    c = make(party, renewal_type="proposal", proposal_days=30)
    clock.freeze(dt.datetime(2027, 2, 1, 9))
    renewal_run.run()
    proposal = ContractRenewal.get(ContractRenewal.contract == c.id)
    with context.acting_as(Actor(operator_id=None, role=Role.MANAGER, name="m")):
        renewals.accept_proposal(proposal.id, proposal.version)
    accepted = ContractRenewal.get_by_id(proposal.id)
    assert (accepted.status, accepted.istat_change_pct, accepted.istat_waived) == (
        "accepted", Decimal("1.50"), False)


def test_without_notice_period_notice_may_be_given_on_the_last_day(party):
    c = make(party, notice_days=0)
    assert renewals.contract_cancel_by(c) == c.term_end == D(2027, 2, 28)


# -- proposals --------------------------------------------------------------------------------
def proposed(party, **kw):
    """A contract on proposal from 1 Jan 2023 (ends 31 Dec 2023) and the proposal the run made
    on 2 Oct 2023 (90 days' notice)."""
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    c = svc.create_contract(dict(party=party.id, title="Assistenza", start_date=D(2023, 1, 1),
                                 amount=Decimal("1000.00"), status="active",
                                 renewal_type="proposal", **kw))
    clock.freeze(dt.datetime(2023, 10, 2, 9))
    renewal_run.run()
    return c, ContractRenewal.get(ContractRenewal.contract == c.id)


MANAGER = Actor(operator_id=None, role=Role.MANAGER, name="m")


def test_the_proposals_of_one_contract(party):
    a, pa = proposed(party)
    b, pb = proposed(party)
    assert [p.id for p in renewals.pending_proposals(a.id)] == [pa.id]
    assert {p.id for p in renewals.pending_proposals()} == {pa.id, pb.id}


def test_a_proposal_is_decided_once_and_as_the_user_saw_it(party):
    """A stale copy conflicts; a proposal already accepted cannot be rejected; one that does
    not exist is not found."""
    from servicedesk.errors import ConflictError, NotFound, ValidationError

    c, p = proposed(party)
    with context.acting_as(MANAGER):
        with pytest.raises(ConflictError):
            renewals.accept_proposal(p.id, p.version + 1)
        renewals.accept_proposal(p.id, p.version)
        with pytest.raises(ValidationError) as info:
            renewals.reject_proposal(p.id)
        assert info.value.errors[0].code == "renewals.already_decided"
        with pytest.raises(NotFound):
            renewals.accept_proposal(99999)
    assert ContractRenewal.get_by_id(p.id).status == "accepted"


def test_an_agreed_amount_of_zero_is_accepted_below_zero_refused(party):
    from servicedesk.errors import ValidationError

    c, p = proposed(party)
    with context.acting_as(MANAGER):
        with pytest.raises(ValidationError):
            renewals.accept_proposal(p.id, new_amount=Decimal("-0.01"))
        renewals.accept_proposal(p.id, new_amount=Decimal("0"))
    assert ContractRenewal.get_by_id(p.id).new_amount == Decimal("0.00")


def test_accepted_on_the_last_day_the_contract_renews_at_the_end(party):
    """Accepted on 31 December, the term's last day: the contract keeps its term until the run
    after the end; accepted on 1 January it renews at once."""
    c, p = proposed(party)
    clock.freeze(dt.datetime(2023, 12, 31, 9))
    with context.acting_as(MANAGER):
        renewals.accept_proposal(p.id)
    assert c.reload().term_no == 1
    d, q = proposed(party)
    clock.freeze(dt.datetime(2024, 1, 1, 9))
    with context.acting_as(MANAGER):
        renewals.accept_proposal(q.id)
    assert (d.reload().term_no, d.reload().term_start) == (2, D(2024, 1, 1))


def test_rejected_after_the_end_the_contract_expires_at_once(party):
    c, p = proposed(party)
    clock.freeze(dt.datetime(2023, 12, 31, 9))
    with context.acting_as(MANAGER):
        renewals.reject_proposal(p.id)
    assert c.reload().status == "active"  # runs to the end of its term
    d, q = proposed(party)
    clock.freeze(dt.datetime(2024, 1, 1, 9))
    with context.acting_as(MANAGER):
        renewals.reject_proposal(q.id)
    assert d.reload().status == "expired"


def test_an_accepted_proposal_is_stale_once_the_contract_moved_on(party):
    """A proposal of an earlier term cannot be accepted again (the contract is in its next
    term); the proposal of an unanswered, expired contract may still be accepted late."""
    from servicedesk.errors import ValidationError

    c, p = proposed(party)
    clock.freeze(dt.datetime(2024, 1, 2, 9))
    renewal_run.run()  # unanswered: the contract expires
    assert (c.reload().status, ContractRenewal.get_by_id(p.id).status) == ("expired", "expired")
    assert renewals.outlook(c.reload()).state == "unanswered"
    with context.acting_as(MANAGER):
        renewals.accept_proposal(p.id)
    assert (c.reload().status, c.reload().term_no) == ("active", 2)
    Contract = type(c)
    Contract.update(status="cancelled").where(Contract.id == c.id).execute()
    e, q = proposed(party)
    Contract.update(status="cancelled").where(Contract.id == e.id).execute()
    with context.acting_as(MANAGER), pytest.raises(ValidationError) as info:
        renewals.accept_proposal(q.id)
    assert info.value.errors[0].code == "renewals.stale_proposal"


def test_renewing_without_istat_refuses_a_stale_or_deleted_contract_and_a_running_term(party):
    from servicedesk.errors import ConflictError, ValidationError

    c = make(party)
    clock.freeze(dt.datetime(2027, 2, 28, 9))  # the term's last day: nothing waits yet
    with context.acting_as(MANAGER):
        with pytest.raises(ValidationError):
            renewals.renew_without_istat(c.id, c.version)
        clock.freeze(dt.datetime(2027, 3, 1, 9))
        with pytest.raises(ConflictError) as info:
            renewals.renew_without_istat(c.id, c.version + 1)
        assert not info.value.deleted
        with pytest.raises(ConflictError) as info:
            renewals.renew_without_istat(99999, 1)
        assert info.value.deleted
        renewals.renew_without_istat(c.id, c.version)
    assert c.reload().term_no == 2


def test_the_outlook_without_money_shows_no_amounts(party):
    """A technician sees that a proposal is pending, not its amounts."""
    c, p = proposed(party, change_pct=Decimal("5"))
    assert renewals.outlook(c.reload()).amount == Decimal("1050.00")
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        seen = renewals.outlook(c.reload())
    assert (seen.state, seen.amount, seen.proposal.old_amount, seen.proposal.new_amount) == (
        "proposed", None, None, None)


def test_the_outlook_of_an_ended_contract_and_of_one_whose_proposal_is_due(party):
    c = make(party, renewal_type="proposal", proposal_days=30)
    assert renewals.outlook(c.reload()) == renewals.Outlook("proposal_due", D(2027, 1, 29))
    d = make(party, renewal_type="none")
    clock.freeze(dt.datetime(2027, 3, 2, 9))
    renewal_run.run()
    assert d.reload().status == "expired" and renewals.outlook(d.reload()).state == ""
    w = make(party)  # tacit, waiting for the 2026 figure once its term is over
    assert renewals.outlook(w.reload(), D(2027, 2, 28)).state == ""
    assert renewals.outlook(w.reload(), D(2027, 3, 1)).state == "waiting"
