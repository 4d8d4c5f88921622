"""The rows the renewal run writes in bulk (#18 renewal_run_year): keys as every other row's,
each row on its own contract and term."""
from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from servicedesk import clock
from servicedesk.models import ContractRenewal, Instalment, IstatIndex, Party, TicketMovement
from servicedesk.services import contracts as svc
from servicedesk.services import renewals
from servicedesk.services import renewal_run
from servicedesk.services.renewal_run import _uuids

D = dt.date


def test_bulk_uuids_are_random_version_4():
    keys = _uuids(2000)
    assert len(set(keys)) == 2000
    for key in keys:
        parsed = uuid.UUID(hex=key)
        assert parsed.hex == key and parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert _uuids(0) == [] and len(_uuids(1)) == 1


@pytest.mark.parametrize("inline", [600, 0], ids=["by_ids", "by_condition"])
def test_run_rows_have_their_own_keys_and_contracts(db, monkeypatch, inline):
    """Few due contracts are read by their ids, many through the run's condition: the same
    rows either way (tacit renewals, an accepted proposal, a proposal never made, a plan
    already there for the next term)."""
    monkeypatch.setattr(renewal_run, "IDS_INLINE", inline)
    IstatIndex.delete().execute()
    party = Party.create(code="C1", name="Officine Rossi srl", is_customer=True)
    clock.freeze(dt.datetime(2023, 1, 1, 9))

    def make(n: int, **kw):
        return svc.create_contract(dict(
            party=party.id, title=f"Assistenza {n}", start_date=D(2023, 1, 1),
            initial_months=12, renewal_months=12, amount=Decimal(1000 + n), status="active",
            instalments_count=4, billing_periodicity="quarterly", tickets_per_term=5, **kw))

    contracts = [make(n) for n in range(4)]
    accepted = make(4, renewal_type="proposal", change_pct=Decimal("5"))
    never = make(5, renewal_type="proposal")
    clock.freeze(dt.datetime(2023, 10, 2, 9))
    assert [i.contract_id for i in renewal_run.run().items] == [accepted.id, never.id]
    proposal = ContractRenewal.get(ContractRenewal.contract == accepted.id)
    renewals.accept_proposal(proposal.id, proposal.version)
    ContractRenewal.delete().where(ContractRenewal.contract == never.id).execute()
    early = Instalment.create(contract=contracts[0].id, term_no=2, seq=9,
                              due_date=D(2024, 6, 1), amount=Decimal("1.00"))
    before = {m: {r.uuid for r in m.select(m.uuid)}
              for m in (ContractRenewal, TicketMovement, Instalment)}
    clock.freeze(dt.datetime(2024, 1, 2, 9))
    result = renewal_run.run()
    assert [(i.contract_id, i.action, i.reason) for i in result.items] == [
        *[(c.id, "renewed", "") for c in contracts], (accepted.id, "renewed", "proposal_accepted"),
        (never.id, "expired", "no_proposal")]
    for model in (ContractRenewal, TicketMovement, Instalment):
        new = [r for r in model.select() if r.uuid not in before[model]]
        keys = [r.uuid for r in new]
        assert len(set(keys)) == len(keys) > 0
        assert all(uuid.UUID(hex=k).version == 4 for k in keys)
        assert all(r.version == 1 and r.created_at is not None for r in new)
    for n, c in enumerate(contracts):
        renewal = ContractRenewal.get(ContractRenewal.contract == c.id)
        assert (renewal.from_term_no, renewal.new_amount) == (1, Decimal(1000 + n))
        plan = Instalment.select().where(Instalment.contract == c.id, Instalment.term_no == 2)
        assert sum(i.amount for i in plan) == Decimal(1000 + n) and plan.count() == 4
        credit = TicketMovement.get(TicketMovement.contract == c.id,
                                    TicketMovement.kind == "renewal")
        assert (credit.quantity, credit.term_no) == (5, 2)
    assert Instalment.get_or_none(Instalment.uuid == early.uuid) is None  # replaced by the plan
    assert accepted.reload().amount == Decimal("1054.20")  # 1004 × 1.05, as accepted
    assert never.reload().status == "expired"
    assert ContractRenewal.get(ContractRenewal.contract == never.id).status == "expired"
