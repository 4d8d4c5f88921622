"""Renewals (R-CON-4): term arithmetic, notice from the CURRENT term, ISTAT, the renewal run."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.errors import PermissionDenied, ValidationError
from servicedesk.models import (AuditLog, Contract, ContractRenewal, Instalment, IstatIndex, Party,
                                TicketMovement)
from servicedesk.permissions import Role
from servicedesk.services import billing, renewal_run, renewals, tickets
from servicedesk.services import contracts as svc

D = dt.date


@pytest.mark.parametrize("start, months, end", [
    (D(2026, 1, 1), 12, D(2026, 12, 31)),
    (D(2026, 1, 31), 1, D(2026, 2, 27)),     # 31 Jan + 1 month = 28 Feb, minus a day
    (D(2024, 1, 31), 1, D(2024, 2, 28)),     # leap year: 29 Feb - 1 day
    (D(2024, 2, 29), 12, D(2025, 2, 27)),    # 29 Feb + 12 months = 28 Feb 2025
    (D(2024, 2, 29), 48, D(2028, 2, 28)),    # back on a leap year: 29 Feb 2028 - 1 day
    (D(2026, 3, 15), 36, D(2029, 3, 14)),
    (D(2026, 8, 31), 6, D(2027, 2, 27)),
])
def test_term_end(start, months, end):
    """R-CON-4: add months clamping to the month end; end = start + months - 1 day."""
    assert renewals.term_end_for(start, months) == end


def test_end_of_month_anchor_does_not_drift():
    """A contract started on the 31st keeps the 31st as its anchor after a short February."""
    second = D(2026, 2, 28)  # term 2 of monthly terms started on 31 Jan
    assert renewals.term_end_for(second, 1, anchor_day=31) == D(2026, 3, 30)
    assert renewals.add_months(D(2026, 2, 28), 1, 31) == D(2026, 3, 31)


def test_cancel_by_is_from_the_current_term():
    """GLPI #23084: notice counts back from the end of the current term, not the first."""
    assert renewals.cancel_by(D(2029, 12, 31), 90) == D(2029, 10, 2)


@pytest.fixture
def party(db):
    return Party.create(code="C1", name="Officine Rossi srl", is_customer=True, is_supplier=True)


def make(party, **kw) -> Contract:
    values = dict(party=party.id, title="Assistenza", start_date=D(2023, 1, 1), initial_months=12,
                  renewal_months=12, amount=Decimal("1000.00"), status="active")
    values.update(kw)
    return svc.create_contract(values)


def set_istat(year, pct, published):
    IstatIndex.delete().execute()
    for y, p, pub in ([(year, pct, published)] if year else []):
        IstatIndex.create(year=y, change_pct=Decimal(p), published_on=pub)


CASES = [
    # id, contract fields, notice_given_on, run date, expected status, term_no, amount, actions
    ("tacit_renews", {}, None, D(2024, 1, 1), "active", 2, "1000.00", ["renewed"]),
    ("tacit_notice_in_time", {"notice_days": 90}, D(2023, 10, 2), D(2024, 1, 1), "expired", 1,
     "1000.00", ["expired"]),
    ("tacit_notice_late_renews_once", {"notice_days": 90}, D(2023, 10, 3), D(2025, 6, 1),
     "expired", 2, "1000.00", ["renewed", "expired"]),
    # on proposal: made 90 days (the notice period) before the end, 31 Dec 2023 → 2 Oct 2023
    ("proposal_made_ahead", {"renewal_type": "proposal"}, None, D(2023, 10, 2), "active", 1,
     "1000.00", ["proposed"]),
    ("proposal_not_yet", {"renewal_type": "proposal"}, None, D(2023, 10, 1), "active", 1,
     "1000.00", []),
    ("proposal_never_made_expires", {"renewal_type": "proposal"}, None, D(2024, 1, 1),
     "expired", 1, "1000.00", ["expired"]),
    ("not_renewable", {"renewal_type": "none"}, None, D(2024, 1, 1), "expired", 1, "1000.00",
     ["expired"]),
    ("max_renewals_reached", {"max_renewals": 2}, None, D(2027, 6, 1), "expired", 3, "1000.00",
     ["renewed", "renewed", "expired"]),
    ("max_zero", {"max_renewals": 0}, None, D(2024, 1, 1), "expired", 1, "1000.00", ["expired"]),
    ("change_up", {"change_pct": Decimal("3.5")}, None, D(2024, 1, 1), "active", 2, "1035.00",
     ["renewed"]),
    ("change_down", {"change_pct": Decimal("-10")}, None, D(2024, 1, 1), "active", 2, "900.00",
     ["renewed"]),
    ("several_terms", {"change_pct": Decimal("10")}, None, D(2026, 1, 1), "active", 4,
     "1331.00", ["renewed", "renewed", "renewed"]),
    ("three_years_then_yearly", {"initial_months": 36, "notice_days": 90}, None, D(2026, 1, 1),
     "active", 2, "1000.00", ["renewed"]),
    ("term_not_ended", {}, None, D(2023, 12, 31), "active", 1, "1000.00", []),
    ("draft_not_processed", {"status": "draft"}, None, D(2024, 1, 1), "draft", 1, "1000.00", []),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_renewal_table(party, case):
    """R-CON-4 table: tacit with/without notice, proposal, none, max renewals, %, several terms."""
    _id, fields, notice, run_on, status, term_no, amount, actions = case
    set_istat(None, None, None)
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    c = make(party, **fields)
    if notice:
        clock.freeze(dt.datetime.combine(notice, dt.time(9)))
        svc.give_notice(c.id, c.version, notice)
    clock.freeze(dt.datetime.combine(run_on, dt.time(6)))
    result = renewal_run.run()
    assert [i.action for i in result.items] == actions
    c = c.reload()
    assert (c.status, c.term_no, str(c.amount)) == (status, term_no, amount)
    assert c.renewals_done == term_no - 1
    # idempotent: a second run does nothing more
    again = renewal_run.run()
    assert again.items == []
    assert c.reload().version == c.version


def test_three_years_then_yearly_with_90_days_notice(party):
    """GLPI #15893: initial 36 months, then 12-month terms; notice from the current term."""
    set_istat(None, None, None)
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    c = make(party, initial_months=36, renewal_months=12, notice_days=90)
    assert c.term_end == D(2025, 12, 31)
    assert renewals.contract_cancel_by(c) == D(2025, 10, 2)
    clock.freeze(dt.datetime(2026, 1, 2, 9))
    renewal_run.run()
    c = c.reload()
    assert (c.term_start, c.term_end) == (D(2026, 1, 1), D(2026, 12, 31))
    assert renewals.contract_cancel_by(c) == D(2026, 10, 2)  # not 2023's


@pytest.mark.parametrize("old, change, share, istat, expected", [
    ("1200.00", "2", "75", "8.1", "1296.90"),     # 1200 × (1 + 0.02 + 0.75 × 0.081)
    ("1000.00", "0", "100", "-0.3", "997.00"),    # negative ISTAT change lowers the value
    ("1000.00", "-1", "50", "-0.1", "989.50"),    # negative change and negative ISTAT
    ("999.99", "0", "75", "5.4", "1040.49"),      # 1040.489595 → half up
    ("0.01", "0", "0", "0", "0.01"),
    ("100.00", "-100", "100", "-0.3", "0.00"),    # never below zero
])
def test_revalue(old, change, share, istat, expected):
    """R-CON-4: new = old × (1 + change/100 + share/100 × ISTAT/100), to the cent."""
    row = IstatIndex(year=2022, change_pct=Decimal(istat), published_on=D(2023, 1, 17))
    rev = renewals.revalue(Decimal(old), Decimal(change), Decimal(share), row)
    assert rev.new_amount == Decimal(expected)
    assert rev.istat_year == 2022
    assert f"{Decimal(expected):.2f}" in rev.formula


def test_istat_annual_average_of_the_year_before_the_new_term(party):
    """R-CON-4: a term starting on 16 Jan 2024 applies the 2023 average (5.4 %), published that
    very day — not the older 2022 figure (8.1 %): 1000 × (1 + 100 % × 5.4 %) = 1054.00."""
    IstatIndex.delete().execute()
    IstatIndex.create(year=2022, change_pct=Decimal("8.1"), published_on=D(2023, 1, 17))
    IstatIndex.create(year=2023, change_pct=Decimal("5.4"), published_on=D(2024, 1, 16))
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    c = make(party, istat_share_pct=Decimal("100"), start_date=D(2023, 1, 16))
    clock.freeze(dt.datetime(2024, 2, 1, 9))
    renewal_run.run()
    h = ContractRenewal.get(ContractRenewal.contract == c.id)
    assert (h.istat_year, h.istat_month, h.istat_change_pct, h.new_amount) == (
        2023, None, Decimal("5.400"), Decimal("1054.00"))
    assert h.status == "done" and h.kind == "tacit"
    assert "ISTAT FOI 2023 annual average" in h.formula


def test_istat_share_with_negative_change_over_several_terms(party):
    """R-CON-4: each term uses its own ISTAT figure; a negative one lowers the value."""
    IstatIndex.delete().execute()
    IstatIndex.create(year=2019, change_pct=Decimal("0.5"), published_on=D(2020, 1, 16))
    IstatIndex.create(year=2020, change_pct=Decimal("-0.3"), published_on=D(2021, 1, 15))
    clock.freeze(dt.datetime(2019, 3, 1, 9))
    c = make(party, start_date=D(2019, 3, 1), istat_share_pct=Decimal("100"),
             amount=Decimal("2000.00"))
    clock.freeze(dt.datetime(2021, 6, 1, 9))
    result = renewal_run.run()
    assert [str(i.new_amount) for i in result.items] == ["2010.00", "2003.97"]
    assert c.reload().amount == Decimal("2003.97")


def test_leap_year_start_keeps_29_february(party):
    """Leap years: a contract started on 29 Feb renews on 28 Feb, and on 29 Feb in leap years."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2024, 2, 29, 9))
    c = make(party, start_date=D(2024, 2, 29))
    assert c.term_end == D(2025, 2, 27)
    clock.freeze(dt.datetime(2028, 3, 1, 9))
    renewal_run.run()
    terms = [(h.new_term_start, h.new_term_end) for h in reversed(renewals.history(c.id))]
    assert terms == [(D(2025, 2, 28), D(2026, 2, 27)), (D(2026, 2, 28), D(2027, 2, 27)),
                     (D(2027, 2, 28), D(2028, 2, 28)), (D(2028, 2, 29), D(2029, 2, 27))]


def test_monthly_terms_from_the_31st(party):
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2026, 1, 31, 9))
    c = make(party, start_date=D(2026, 1, 31), initial_months=1, renewal_months=1, notice_days=5)
    clock.freeze(dt.datetime(2026, 5, 1, 9))
    renewal_run.run()
    ends = [h.new_term_end for h in reversed(renewals.history(c.id))]
    assert ends == [D(2026, 3, 30), D(2026, 4, 29), D(2026, 5, 30)]
    assert c.reload().term_start == D(2026, 4, 30)


def _proposed(party, **kw):
    """A contract on proposal from 1 Jan 2023 (ends 31 Dec 2023, notice 90 days) and the
    proposal the run made on 2 Oct 2023."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    c = make(party, renewal_type="proposal", **kw)
    clock.freeze(dt.datetime(2023, 10, 2, 9))
    assert [i.action for i in renewal_run.run().items] == ["proposed"]
    assert renewal_run.run().items == []  # idempotent
    [proposal] = renewals.pending_proposals(c.id)
    return c, proposal


def test_proposal_accepted_renews_on_time(party):
    """#15 case 3: proposed ahead (2 Oct 2023), accepted on 20 Oct: the contract keeps its term
    to 31 Dec, then the run moves it into the new term from 1 Jan 2024 at the proposed
    1000 × 1.05 = 1050.00, with its tickets and plan."""
    c, proposal = _proposed(party, change_pct=Decimal("5"), tickets_per_term=4)
    assert proposal.processed_on == D(2023, 10, 2)
    assert proposal.new_amount == Decimal("1050.00")
    assert renewals.outlook(c.reload()).state == "proposed"
    clock.freeze(dt.datetime(2023, 10, 20, 9))
    manager = Actor(operator_id=None, role=Role.MANAGER, name="m")
    with context.acting_as(manager):
        renewals.accept_proposal(proposal.id, proposal.version)
    c = c.reload()
    assert (c.term_no, c.status) == (1, "active")  # the current term runs to its end
    assert renewals.outlook(c) == renewals.Outlook(
        "accepted", D(2024, 1, 1), Decimal("1050.00"), None, ContractRenewal.get_by_id(proposal.id))
    clock.freeze(dt.datetime(2023, 12, 31, 9))
    assert renewal_run.run().items == []  # not before the end
    clock.freeze(dt.datetime(2024, 1, 1, 6))
    result = renewal_run.run()
    assert [(i.action, i.reason) for i in result.items] == [("renewed", "proposal_accepted")]
    c = c.reload()
    assert (c.term_no, c.amount, c.status, c.term_start, c.term_end) == (
        2, Decimal("1050.00"), "active", D(2024, 1, 1), D(2024, 12, 31))
    assert ContractRenewal.get_by_id(proposal.id).status == "accepted"
    assert tickets.balance(c.id).available == 8  # initial 4 + renewal 4
    assert sum(i.amount for i in billing.instalments(c.id, 2)) == Decimal("1050.00")
    with pytest.raises(ValidationError):
        renewals.accept_proposal(proposal.id)
    assert renewal_run.run().items == []


def test_proposal_accepted_with_agreed_amount(party):
    c, proposal = _proposed(party)
    renewals.accept_proposal(proposal.id, new_amount=Decimal("1100"))
    assert "agreed 1100.00" in ContractRenewal.get_by_id(proposal.id).formula
    clock.freeze(dt.datetime(2024, 1, 2, 9))
    renewal_run.run()
    assert (c.reload().term_no, c.reload().amount) == (2, Decimal("1100.00"))


def test_proposal_rejected_expires_at_the_end(party):
    """#15 case 3: rejected on 5 Oct 2023, the contract still covers its term to 31 Dec 2023
    and expires then."""
    c, proposal = _proposed(party)
    renewals.reject_proposal(proposal.id, proposal.version)
    assert c.reload().status == "active"
    assert renewals.outlook(c.reload()).state == "rejected"
    clock.freeze(dt.datetime(2024, 1, 1, 9))
    result = renewal_run.run()
    assert [(i.action, i.reason) for i in result.items] == [("expired", "rejected")]
    assert c.reload().status == "expired"
    assert renewal_run.run().items == []


def test_unanswered_proposal_expires_and_may_be_accepted_late(party):
    """#15 case 3: nobody answered by 31 Dec 2023: the contract expires on 1 Jan, the proposal
    is marked expired; the party says yes on 10 Jan: accepted late, it renews on time (term 2
    from 1 Jan 2024)."""
    c, proposal = _proposed(party, change_pct=Decimal("2"))
    clock.freeze(dt.datetime(2024, 1, 1, 9))
    result = renewal_run.run()
    assert [(i.action, i.reason) for i in result.items] == [("expired", "unanswered")]
    assert (c.reload().status, ContractRenewal.get_by_id(proposal.id).status) == ("expired",
                                                                               "expired")
    clock.freeze(dt.datetime(2024, 1, 10, 9))
    renewals.accept_proposal(proposal.id)
    c = c.reload()
    assert (c.status, c.term_no, c.term_start, c.amount) == ("active", 2, D(2024, 1, 1),
                                                             Decimal("1020.00"))
    assert renewal_run.run().items == []


def test_proposal_lead_per_contract_and_office_default(party):
    """#15 case 3: the lead is the contract's own (30 days → 1 Dec 2023), else the office's
    default (45 days → 16 Nov 2023), else the notice period (90 → 2 Oct 2023)."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    own = make(party, renewal_type="proposal", proposal_days=30)
    office = make(party, renewal_type="proposal")
    assert renewals.proposal_date(own, None) == D(2023, 12, 1)
    assert renewals.proposal_date(office, None) == D(2023, 10, 2)
    svc.set_proposal_days(45)
    assert renewals.office_proposal_days() == 45
    assert renewals.proposal_date(office, 45) == D(2023, 11, 16)
    clock.freeze(dt.datetime(2023, 11, 16, 9))
    assert [i.contract_id for i in renewal_run.run().items] == [office.id]
    clock.freeze(dt.datetime(2023, 12, 1, 9))
    assert [i.contract_id for i in renewal_run.run().items] == [own.id]
    svc.set_proposal_days(None)
    assert renewals.office_proposal_days() is None


def test_technician_cannot_decide_proposals(party):
    c, proposal = _proposed(party)
    for role in (Role.TECHNICIAN, Role.COORDINATOR):
        with context.acting_as(Actor(operator_id=None, role=role, name="t")):
            with pytest.raises(PermissionDenied):
                renewals.accept_proposal(proposal.id)
            with pytest.raises(PermissionDenied):
                renewals.reject_proposal(proposal.id)


def test_renewal_credits_tickets_and_regenerates_plan_keeping_past_terms(party):
    """The new term gets its tickets (ledger kind "renewal") and its own billing plan; the
    instalments of the past term, paid or not, stay."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    c = make(party, tickets_per_term=10, instalments_count=4, billing_periodicity="quarterly",
             first_due_date=D(2023, 1, 31), amount=Decimal("1000.00"), change_pct=Decimal("1"))
    first = billing.instalments(c.id, 1)
    clock.freeze(dt.datetime(2023, 2, 1, 9))
    billing.set_paid(first[0].id, first[0].version, D(2023, 1, 31))
    clock.freeze(dt.datetime(2024, 1, 2, 9))
    renewal_run.run()
    assert [m.kind for m in TicketMovement.select().where(TicketMovement.contract == c.id)
            .order_by(TicketMovement.id)] == ["initial", "renewal"]
    assert Instalment.select().where(Instalment.contract == c.id,
                                     Instalment.term_no == 1).count() == 4
    new = billing.instalments(c.id, 2)
    assert [i.due_date for i in new] == [D(2024, 1, 31), D(2024, 4, 30), D(2024, 7, 31),
                                         D(2024, 10, 31)]
    assert sum(i.amount for i in new) == Decimal("1010.00")
    assert billing.instalments(c.id, 1)[0].paid_on == D(2023, 1, 31)


def test_run_is_system_work_in_the_audit_trail(party):
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    c = make(party)
    clock.freeze(dt.datetime(2024, 1, 2, 9))
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        renewal_run.run()  # start-up of a technician's workstation: still runs
    rows = AuditLog.select().where(AuditLog.table_name == "contract", AuditLog.record_id == c.id,
                                   AuditLog.field == "term_no")
    assert [(r.old_value, r.new_value, r.operator_id) for r in rows] == [("1", "2", None)]


def test_istat_editing(db):
    from servicedesk.services import istat

    IstatIndex.delete().where(IstatIndex.year == 2025).execute()
    row = istat.save_year(2025, Decimal("1.6"), D(2026, 1, 16))
    assert IstatIndex.get(year=2025).change_pct == Decimal("1.60")
    istat.save_year(2025, Decimal("1.5"), D(2026, 1, 16), expected_version=row.version)
    assert IstatIndex.get(year=2025).change_pct == Decimal("1.50")
    with pytest.raises(ValidationError) as info:
        istat.save_year(2025, Decimal("1.5"), D(2025, 12, 31))
    assert info.value.errors[0].code == "istat.published_before_year"
    with pytest.raises(ValidationError):
        istat.save_year(1800, Decimal("500"), D(2024, 1, 1))
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        with pytest.raises(PermissionDenied):
            istat.save_year(2026, Decimal("1"), D(2027, 1, 16))


def test_one_bad_contract_does_not_stop_the_run(party):
    """Data written by other tools may be odd: the run reports the contract and goes on."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    bad = make(party, title="bad")
    good = make(party, title="good")
    Contract.update(instalments_count=0).where(Contract.id == bad.id).execute()
    clock.freeze(dt.datetime(2024, 1, 2, 9))
    result = renewal_run.run()
    assert [(i.contract_id, i.action) for i in result.items] == [(bad.id, "error"),
                                                                 (good.id, "renewed")]
    assert result.items[0].reason == "billing.count_range"
    assert bad.reload().term_no == 1 and good.reload().term_no == 2


def test_semiannual_alias(party):
    """The demo data spells half-yearly "semiannual": both are understood."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    c = make(party, instalments_count=2, billing_periodicity="half_yearly")
    Contract.update(billing_periodicity="semiannual").where(Contract.id == c.id).execute()
    clock.freeze(dt.datetime(2024, 1, 2, 9))
    renewal_run.run()
    assert [i.due_date for i in billing.instalments(c.id, 2)] == [D(2024, 1, 1), D(2024, 7, 1)]


def test_notice_given_while_a_proposal_is_pending(party):
    """#15 case 3: notice received after the proposal (in time for the 2 Oct 2023 deadline):
    at the end the contract expires for the notice and the proposal lapses with it, so no
    alert keeps asking for a decision."""
    from servicedesk.queries import contracts as q

    c, proposal = _proposed(party)
    svc.give_notice(c.id, c.reload().version, D(2023, 10, 2))
    assert q.alerts(today=D(2023, 10, 3)).proposals == [c.id]
    clock.freeze(dt.datetime(2024, 1, 1, 9))
    assert [(i.action, i.reason) for i in renewal_run.run().items] == [("expired", "notice")]
    assert ContractRenewal.get_by_id(proposal.id).status == "expired"
    assert q.alerts().proposals == []
