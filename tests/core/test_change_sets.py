"""What a service's unit of work says it changed is what the database shows changed (issue 13).

Each case runs one service through ``uow.perform`` on a copy of the demo database; every table
is read before and after, and the rows created, updated and deleted (with the fields that moved)
must be exactly those of the returned change set — no row changed without being reported (the
UI would show stale data), none reported that did not change. Rows written in bulk without
their ids (``insert_many``) are covered by a bulk mark on their table.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock, uow
from servicedesk.models import (ALL_MODELS, ActivityType, BaseModel, Contract, Instalment,
                                Intervention, KbArticle, MaintenancePlan, Operator, Party,
                                Priority, ServiceRequest, Unit, WorkLog)
from servicedesk.services import (billing, contracts, interventions, kb, maintenance, parties,
                                  requests, scheduling, tickets, units, worklogs)

NOW = dt.datetime.combine(dt.date.today(), dt.time(10, 0))  # the demo ends today at 08:00
_IGNORED = {"version", "updated_at"}  # bookkeeping every write moves


def _snapshot() -> dict[tuple[str, int], dict]:
    rows: dict[tuple[str, int], dict] = {}
    for model in ALL_MODELS:
        if not issubclass(model, BaseModel):
            continue
        table = model._meta.table_name
        for row in model.select().dicts().iterator():
            rows[(table, row["id"])] = row
    return rows


def _diff(before: dict, after: dict) -> dict[tuple[str, int], tuple[str, frozenset[str]]]:
    out = {}
    for key in before.keys() - after.keys():
        out[key] = (uow.DELETED, frozenset())
    for key in after.keys() - before.keys():
        out[key] = (uow.CREATED, frozenset())
    for key in before.keys() & after.keys():
        old, new = before[key], after[key]
        if old != new:
            out[key] = (uow.UPDATED, frozenset(k for k in new if old[k] != new[k]) - _IGNORED)
    return out


def _check(outcome: uow.Outcome, before: dict) -> None:
    seen = _diff(before, _snapshot())
    reported = {(c.entity, c.id): c for c in outcome.changes}
    missing = [k for k in seen if k not in reported and not outcome.changes.bulk(k[0])]
    extra = [k for k in reported if k not in seen]
    assert not missing, f"changed but not reported: {missing}"
    assert not extra, f"reported but unchanged: {extra}"
    for key, (kind, fields) in seen.items():
        change = reported.get(key)
        if change is None:
            continue
        assert change.kind == kind, (key, change.kind, kind)
        if kind == uow.UPDATED:
            assert fields <= change.fields, (key, fields, change.fields)


def _first(query):
    row = query.first()
    assert row is not None
    return row


def _open_request() -> ServiceRequest:
    return _first(ServiceRequest.select().where(ServiceRequest.status == "new")
                  .order_by(ServiceRequest.id))


def _worklog_input(request: ServiceRequest) -> worklogs.WorklogInput:
    op = _first(Operator.select().where(Operator.role == "technician"))
    return worklogs.WorklogInput(operator_id=op.id, work_date=NOW.date(),
                                 activity_type_id=ActivityType.get(code="repair").id,
                                 start_time=dt.time(6, 0), end_time=dt.time(6, 30),
                                 notes="verifica")


def _case_create_request():
    customer = _first(Party.select().where(Party.is_customer == True, Party.archived == False))  # noqa: E712
    data = requests.RequestInput(customer_id=customer.id, description="La caldaia perde acqua",
                                 priority_id=Priority.get(code="high").id)
    return uow.perform(requests.create_request, data)


def _case_update_request():
    request = _open_request()
    data = requests.RequestInput.of(request)
    data = requests.RequestInput(**{**data.__dict__, "description": data.description + " (rivisto)",
                                    "priority_id": Priority.get(code="critical").id})
    return uow.perform(requests.update_request, request, data)


def _case_change_status():
    request = _open_request()
    return uow.perform(requests.change_status, request, "in_progress", note="preso in carico")


def _case_add_answer():
    return uow.perform(requests.add_note, _open_request().id, "Richiamo domani", "answer")


def _case_schedule_intervention():
    request = _open_request()
    op = _first(Operator.select().where(Operator.role == "technician"))
    start = dt.datetime.combine(NOW.date() + dt.timedelta(days=3), dt.time(14, 0))
    return uow.perform(interventions.schedule, request.id,
                       activity_type_id=ActivityType.get(code="repair").id, planned_start=start,
                       planned_end=start + dt.timedelta(hours=1), operator_id=op.id,
                       override=True, override_note="test")


def _case_complete_intervention():
    job = _first(Intervention.select().where(Intervention.status == "planned"))
    return uow.perform(interventions.complete, job, actual_start=NOW - dt.timedelta(hours=1),
                       actual_end=NOW, report="Sostituita la guarnizione")


def _case_worklog_create():
    request = _open_request()
    return uow.perform(worklogs.create, request.id, _worklog_input(request), allow_overlap=True)


def _case_worklog_delete():
    return uow.perform(worklogs.delete, _first(WorkLog.select().order_by(WorkLog.id.desc())))


def _case_contract_create():
    party = _first(Party.select().where(Party.is_customer == True, Party.archived == False))  # noqa: E712
    return uow.perform(contracts.create_contract, {
        "party": party.id, "title": "Assistenza caldaie", "start_date": NOW.date(),
        "status": "active", "amount": Decimal("1200.00"), "tickets_per_term": 10,
        "instalments_count": 4, "billing_periodicity": "quarterly", "initial_months": 12,
        "notice_days": 30})


def _case_contract_update():
    contract = _first(Contract.select().where(Contract.status == "active"))
    return uow.perform(contracts.update_contract, contract.id, contract.version,
                       {"title": contract.title + " plus"})


def _case_ticket_top_up():
    contract = _first(Contract.select().where(Contract.status == "active"))
    return uow.perform(contracts.top_up, contract.id, 5, "acquisto pacchetto")


def _case_instalment_paid():
    row = _first(Instalment.select().where(Instalment.paid_on.is_null()))
    return uow.perform(billing.set_paid, row.id, row.version, NOW.date())


def _case_kb_create():
    return uow.perform(kb.create_article, kb.ArticleData(
        title="Caldaia in blocco E10", symptoms="La caldaia va in blocco con codice E10",
        cause="Pressione impianto bassa", solution="Ripristinare la pressione a 1,5 bar"))


def _case_kb_archive():
    article = _first(KbArticle.select().where(KbArticle.archived == False))  # noqa: E712
    return uow.perform(kb.set_archived, article.id, article.version, True)


def _case_party_update():
    party = _first(Party.select().where(Party.is_customer == True))
    return uow.perform(parties.update_party, party, notes="Cliente storico")


def _case_unit_move():
    unit = _first(Unit.select().where(Unit.archived == False))  # noqa: E712
    other = _first(Party.select().where(Party.id != unit.owner_id, Party.is_customer == True))
    return uow.perform(units.move_unit, unit, other, NOW.date(), "venduto")


def _case_absence():
    op = _first(Operator.select().where(Operator.role == "technician"))
    day = NOW.date() + dt.timedelta(days=40)
    return uow.perform(scheduling.add_absence, op.id, "holiday", dt.datetime.combine(day, dt.time(8)),
                       dt.datetime.combine(day + dt.timedelta(days=3), dt.time(18)))


def _case_maintenance_plan_pause():
    plan = _first(MaintenancePlan.select().where(MaintenancePlan.active == True))  # noqa: E712
    return uow.perform(maintenance.set_plan_active, plan, False)


CASES = {name[len("_case_"):]: fn for name, fn in globals().items() if name.startswith("_case_")}


@pytest.mark.parametrize("name", sorted(CASES))
def test_change_set_is_what_the_database_shows(demo_db, name):
    clock.freeze(NOW)
    before = _snapshot()
    outcome = CASES[name]()
    assert outcome.changes, f"{name} reported no change"
    _check(outcome, before)


def test_the_ticket_ledger_reports_the_contract_it_moves(demo_db):
    """Closing a request against a contract with tickets debits one: in the change set; reopening
    gives it back: in the change set too."""
    clock.freeze(NOW)
    contract = _first(Contract.select().where(Contract.status == "active",
                                              Contract.tickets_per_term > 0))
    request = requests.create_request(requests.RequestInput(
        customer_id=contract.party_id, description="Stampante inceppata",
        priority_id=Priority.get(code="high").id, contract_id=contract.id))
    requests.change_status(request, "resolved", final_report="Rullo pulito")
    for to in ("closed", "in_progress"):
        before = _snapshot()
        outcome = uow.perform(requests.change_status, request, to, ticket_override=True)
        _check(outcome, before)
        assert outcome.changes.touches("ticket_movement"), to
