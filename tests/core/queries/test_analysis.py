"""Analysis queries (R-ANA-1, R-ANA-2, R-LOG-2, R-CON-6): every filter narrows as its SQL says,
and the count, the chart groups, the totals and the exported rows agree for one spec."""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from servicedesk import context
from servicedesk.context import Actor
from servicedesk.errors import PermissionDenied, ValidationError
from servicedesk.models import (ActivityType, Contract, Intervention, JobOrder, Operator, Party,
                                Priority, ProblemType, Product, RequestUnit, ServiceRequest, Team,
                                TicketMovement, Unit, WorkLog)
from servicedesk.permissions import Role
from servicedesk.queries import analysis as A
from servicedesk.queries.analysis import lookups

PROVINCES = ["MI", "TO", "RM"]
STATUSES = ["new", "assigned", "in_progress", "waiting_customer", "resolved", "closed"]


def build_dataset(seed: int = 7, requests: int = 80) -> dict:
    """A small office: customers in three provinces, two teams, four operators, units,
    contracts with tickets, requests with interventions and work logs. Returns the plain facts
    (dicts) the tests compute their expectations from."""
    rnd = random.Random(seed)
    customers = [Party.create(code=f"C{i:03d}", name=f"Cliente {i} Srl", province=PROVINCES[i % 3])
                 for i in range(6)]
    supplier = Party.create(code="S001", name="Fornitore Spa", is_customer=False,
                            is_supplier=True, province="MI")
    teams = [Team.create(name="Nord"), Team.create(name="Centro")]
    ops = [Operator.create(username=f"op{i}", full_name=f"Operatore {i}", team=teams[i % 2])
           for i in range(4)]
    products = [Product.create(code="P1", name="Caldaia"), Product.create(code="P2", name="Stampante")]
    units = [Unit.create(product=products[i % 2], serial=f"SN-{i:04d}{'X' if i == 3 else ''}",
                         owner=customers[i]) for i in range(6)]
    jobs = [JobOrder.create(code="JO-1", title="Commessa uno"), JobOrder.create(code="JO-2", title="Due")]
    prios = list(Priority.select().order_by(Priority.rank))
    ptypes = list(ProblemType.select().order_by(ProblemType.id))[:3]
    acts = list(ActivityType.select().order_by(ActivityType.id))[:3]
    contracts = []
    specs = [("active", "full_service", "active", Decimal("1200.00"), "tacit", 10, 3),
             ("active", "tickets", "active", Decimal("450.50"), "proposal", 5, 5),
             ("passive", "maintenance", "expired", Decimal("3000.00"), "none", 0, 0),
             ("active", "maintenance", "draft", Decimal("0.00"), "tacit", 0, 0)]
    for i, (direction, ctype, status, amount, renewal, credit, debit) in enumerate(specs):
        party = supplier if direction == "passive" else customers[i]
        c = Contract.create(number=f"CT-{i}", direction=direction, party=party, title=f"Contratto {i}",
                            contract_type=ctype, status=status, start_date=dt.date(2025, 1, 1),
                            term_start=dt.date(2025, 1, 1),
                            term_end=dt.date(2025, 12, 31) + dt.timedelta(days=90 * i),
                            signed_on=dt.date(2024, 12, 1) + dt.timedelta(days=20 * i),
                            signed_by=ops[i % 4], amount=amount, renewal_type=renewal)
        if credit:
            TicketMovement.create(contract=c, at=dt.datetime(2025, 1, 1), quantity=credit,
                                  kind="initial")
        for _ in range(debit):
            TicketMovement.create(contract=c, at=dt.datetime(2025, 2, 1), quantity=-1, kind="debit")
        contracts.append({"id": c.id, "direction": direction, "type": ctype, "status": status,
                          "amount": amount, "renewal": renewal, "available": credit,
                          "used": debit, "remaining": credit - debit, "party": party.id,
                          "signed_by": ops[i % 4].id, "signed_on": c.signed_on,
                          "term_end": c.term_end})
    reqs, inters, logs = [], [], []
    for n in range(requests):
        cust = rnd.choice(customers)
        opened = dt.datetime(2025, 1, 1, 9) + dt.timedelta(days=rnd.randrange(0, 420),
                                                           minutes=rnd.randrange(0, 600))
        status = rnd.choice(STATUSES)
        closed = opened + dt.timedelta(days=rnd.randrange(1, 20)) if status == "closed" else None
        prio = rnd.choice(prios)
        team = rnd.choice(teams + [None])
        owner = rnd.choice(ops + [None])
        contract = rnd.choice([None, contracts[0]["id"], contracts[1]["id"]])
        job = rnd.choice([None, jobs[0], jobs[1]])
        ptype = rnd.choice(ptypes + [None])
        r = ServiceRequest.create(number=f"RS-2025-{n:06d}", customer=cust,
                                  subject=f"Guasto {rnd.choice(['caldaia', 'stampante', 'rete'])} {n}",
                                  priority=prio, status=status, team=team, owner=owner,
                                  contract=contract, job_order=job, problem_type=ptype,
                                  opened_at=opened, closed_at=closed)
        my_units = rnd.sample([u for u in units if u.owner_id == cust.id] or units[:1], k=1) \
            if rnd.random() < 0.7 else []
        for u in my_units:
            RequestUnit.create(request=r, unit=u)
        reqs.append({"id": r.id, "customer": cust.id, "province": cust.province_id,
                     "priority": prio.code, "status": status, "team": team.id if team else None,
                     "owner": owner.id if owner else None, "contract": contract,
                     "job": job.id if job else None, "ptype": ptype.id if ptype else None,
                     "opened": opened, "closed": closed, "units": [u.id for u in my_units],
                     "products": [u.product_id for u in my_units],
                     "serials": [u.serial for u in my_units], "subject": r.subject,
                     "number": r.number})
        for _ in range(rnd.randrange(0, 3)):
            op = rnd.choice(ops)
            start = opened + dt.timedelta(days=rnd.randrange(0, 10), hours=1)
            act = rnd.choice(acts)
            ist = rnd.choice(["planned", "done", "cancelled"])
            i = Intervention.create(request=r, activity_type=act, operator=op, team=op.team,
                                    status=ist, planned_start=start,
                                    planned_end=start + dt.timedelta(hours=2),
                                    priority=rnd.choice([None, prio]))
            inters.append({"id": i.id, "request": r.id, "operator": op.id, "team": op.team_id,
                           "act": act.id, "status": ist, "start": start})
            minutes = rnd.choice([30, 60, 90, 120])
            travel = rnd.choice([0, 15, 45])
            billable = rnd.random() < 0.7
            w = WorkLog.create(request=r, intervention=i, operator=op, customer=cust,
                               job_order=job, activity_type=act, work_date=start.date(),
                               minutes=minutes, travel_minutes=travel, billable=billable,
                               notes="=HYPERLINK(\"x\")" if not logs else "ok")
            logs.append({"id": w.id, "customer": cust.id, "operator": op.id,
                         "job": job.id if job else None, "act": act.id, "date": start.date(),
                         "minutes": minutes, "travel": travel, "billable": billable})
    return {"customers": [c.id for c in customers], "ops": [o.id for o in ops],
            "teams": [t.id for t in teams], "products": [p.id for p in products],
            "units": units, "jobs": [j.id for j in jobs], "ptypes": [p.id for p in ptypes],
            "acts": [a.id for a in acts], "requests": reqs, "interventions": inters,
            "logs": logs, "contracts": contracts, "supplier": supplier.id}


@pytest.fixture
def data(db):
    return build_dataset()


def ids(subject: str, spec) -> set[int]:
    return set(A.query(subject, spec).ids())


def in_days(value: dt.datetime | None, lo: dt.date | None, hi: dt.date | None) -> bool:
    if value is None:
        return False
    d = value.date() if isinstance(value, dt.datetime) else value
    return (lo is None or d >= lo) and (hi is None or d <= hi)


def test_every_request_filter_narrows_as_specified(data):
    """R-ANA-1: customer, product, serial, province, priority, problem type, team, operator,
    dates (opened / closed / scheduled), contract, job order, status — each alone."""
    reqs, inters = data["requests"], data["interventions"]
    everything = {r["id"] for r in reqs}
    assert ids("requests", A.RequestSpec()) == everything
    c0, op1 = data["customers"][0], data["ops"][1]
    d1, d2 = dt.date(2025, 3, 1), dt.date(2025, 8, 31)
    cases = [
        (A.RequestSpec(customer_ids=(c0,)), lambda r: r["customer"] == c0),
        (A.RequestSpec(product_ids=(data["products"][0],)),
         lambda r: data["products"][0] in r["products"]),
        (A.RequestSpec(serial="0003x"), lambda r: any("0003x" in s.lower() for s in r["serials"])),
        (A.RequestSpec(provinces=("to",)), lambda r: r["province"] == "TO"),
        (A.RequestSpec(priorities=("critical", "low")), lambda r: r["priority"] in ("critical", "low")),
        (A.RequestSpec(problem_type_ids=(data["ptypes"][1],)), lambda r: r["ptype"] == data["ptypes"][1]),
        (A.RequestSpec(team_ids=(data["teams"][0],)), lambda r: r["team"] == data["teams"][0]),
        (A.RequestSpec(operator_ids=(op1,)),
         lambda r: r["owner"] == op1 or any(i["request"] == r["id"] and i["operator"] == op1
                                           for i in inters)),
        (A.RequestSpec(statuses=("closed", "new")), lambda r: r["status"] in ("closed", "new")),
        (A.RequestSpec(contract_ids=(data["contracts"][1]["id"],)),
         lambda r: r["contract"] == data["contracts"][1]["id"]),
        (A.RequestSpec(job_order_ids=(data["jobs"][0],)), lambda r: r["job"] == data["jobs"][0]),
        (A.RequestSpec(opened_from=d1, opened_to=d2), lambda r: in_days(r["opened"], d1, d2)),
        (A.RequestSpec(opened_from=d2), lambda r: in_days(r["opened"], d2, None)),
        (A.RequestSpec(closed_to=d2), lambda r: in_days(r["closed"], None, d2)),
        (A.RequestSpec(scheduled_from=d1, scheduled_to=d2),
         lambda r: any(i["request"] == r["id"] and in_days(i["start"], d1, d2) for i in inters)),
        (A.RequestSpec(activity_type_ids=(data["acts"][0],)),
         lambda r: any(i["request"] == r["id"] and i["act"] == data["acts"][0] for i in inters)),
        (A.RequestSpec(text="caldaia"), lambda r: "caldaia" in r["subject"]),
        (A.RequestSpec(text="RS-2025-000013"), lambda r: r["number"] == "RS-2025-000013"),
        (A.RequestSpec(text="13"), lambda r: r["number"] == "RS-2025-000013"),
    ]
    for spec, predicate in cases:
        expected = {r["id"] for r in reqs if predicate(r)}
        got = ids("requests", spec)
        assert got == expected, spec
        assert A.query("requests", spec).count() == len(expected)
        assert 0 < len(expected) < len(everything) or spec.serial, spec  # the filter narrows


def test_combined_request_filters_are_anded(data):
    """R-ANA-1: any combination — two fields AND, values of one field OR."""
    reqs = data["requests"]
    spec = A.RequestSpec(provinces=("MI", "RM"), statuses=("closed", "resolved", "new"),
                         opened_from=dt.date(2025, 2, 1))
    expected = {r["id"] for r in reqs if r["province"] in ("MI", "RM")
                and r["status"] in ("closed", "resolved", "new")
                and in_days(r["opened"], dt.date(2025, 2, 1), None)}
    assert ids("requests", spec) == expected and expected


def test_intervention_listing_uses_intervention_fields(data):
    """R-ANA-1 "show interventions": operator/team/scheduled/status are the intervention's."""
    inters, reqs = data["interventions"], {r["id"]: r for r in data["requests"]}
    op = data["ops"][2]
    d1, d2 = dt.date(2025, 4, 1), dt.date(2025, 12, 31)
    spec = A.RequestSpec(operator_ids=(op,), scheduled_from=d1, scheduled_to=d2,
                         intervention_statuses=("done", "planned"), provinces=("MI", "TO"))
    expected = {i["id"] for i in inters if i["operator"] == op and in_days(i["start"], d1, d2)
                and i["status"] in ("done", "planned")
                and reqs[i["request"]]["province"] in ("MI", "TO")}
    assert ids("interventions", spec) == expected and expected
    assert A.query("interventions").count() == len(inters)


def test_worklog_filters_and_totals(data):
    """R-LOG-2: customer, operator, job order, activity type, date; totals of hours, billable
    hours and travel agree with the rows."""
    logs = data["logs"]
    c, op, job, act = data["customers"][1], data["ops"][0], data["jobs"][1], data["acts"][1]
    d1, d2 = dt.date(2025, 2, 1), dt.date(2025, 10, 31)
    cases = [
        (A.WorkLogSpec(customer_ids=(c,)), lambda w: w["customer"] == c),
        (A.WorkLogSpec(operator_ids=(op,)), lambda w: w["operator"] == op),
        (A.WorkLogSpec(job_order_ids=(job,)), lambda w: w["job"] == job),
        (A.WorkLogSpec(activity_type_ids=(act,)), lambda w: w["act"] == act),
        (A.WorkLogSpec(date_from=d1, date_to=d2), lambda w: d1 <= w["date"] <= d2),
        (A.WorkLogSpec(billable="no"), lambda w: not w["billable"]),
        (A.WorkLogSpec(operator_ids=(op,), date_from=d1), lambda w: w["operator"] == op and w["date"] >= d1),
    ]
    for spec, predicate in cases:
        rows = [w for w in logs if predicate(w)]
        q = A.query("worklogs", spec)
        assert set(q.ids()) == {w["id"] for w in rows}, spec
        totals = q.totals()
        assert totals["count"] == len(rows)
        assert totals["hours"] == pytest.approx(sum(w["minutes"] for w in rows) / 60, abs=0.01)
        assert totals["billable_hours"] == pytest.approx(
            sum(w["minutes"] for w in rows if w["billable"]) / 60, abs=0.01)
        assert totals["travel_hours"] == pytest.approx(sum(w["travel"] for w in rows) / 60, abs=0.01)
        group = q.group("operator", "hours")
        assert group.total() == pytest.approx(totals["hours"], abs=0.05)


def test_contract_filters_and_ticket_ranges(data):
    """R-CON-6: party, type, status, operator, signing and expiry dates, active/passive, amount
    range, renewal type, with/without tickets, ranges of tickets available/used/remaining."""
    cs = data["contracts"]
    cases = [
        (A.ContractSpec(party_ids=(data["supplier"],)), lambda c: c["party"] == data["supplier"]),
        (A.ContractSpec(contract_types=("maintenance",)), lambda c: c["type"] == "maintenance"),
        (A.ContractSpec(statuses=("active",)), lambda c: c["status"] == "active"),
        (A.ContractSpec(operator_ids=(data["ops"][1],)), lambda c: c["signed_by"] == data["ops"][1]),
        (A.ContractSpec(signed_from=dt.date(2024, 12, 15)), lambda c: c["signed_on"] >= dt.date(2024, 12, 15)),
        (A.ContractSpec(expiry_to=dt.date(2026, 4, 30)), lambda c: c["term_end"] <= dt.date(2026, 4, 30)),
        (A.ContractSpec(direction="passive"), lambda c: c["direction"] == "passive"),
        (A.ContractSpec(amount_min=Decimal("400"), amount_max=Decimal("1200.00")),
         lambda c: Decimal("400") <= c["amount"] <= Decimal("1200")),
        (A.ContractSpec(renewal_types=("tacit",)), lambda c: c["renewal"] == "tacit"),
        (A.ContractSpec(tickets="with"), lambda c: c["available"] > 0),
        (A.ContractSpec(tickets="without"), lambda c: c["available"] == 0),
        (A.ContractSpec(available_min=6), lambda c: c["available"] >= 6),
        (A.ContractSpec(used_min=1, used_max=4), lambda c: 1 <= c["used"] <= 4),
        (A.ContractSpec(remaining_max=0, tickets="with"), lambda c: c["available"] > 0 and c["remaining"] <= 0),
        (A.ContractSpec(remaining_min=1), lambda c: c["remaining"] >= 1),
    ]
    for spec, predicate in cases:
        assert ids("contracts", spec) == {c["id"] for c in cs if predicate(c)}, spec
    rows = {r[0]: r for r in A.query("contracts").page(0, 50)}
    cols = [c.key for c in A.query("contracts").columns]
    for c in cs:
        row = rows[c["id"]][1:]
        assert row[cols.index("tickets_available")] == c["available"]
        assert row[cols.index("tickets_used")] == c["used"]
        assert row[cols.index("tickets_remaining")] == c["remaining"]
        assert row[cols.index("amount")] == c["amount"]


def test_count_chart_totals_and_export_rows_agree(data):
    """R-ANA-1..3: one spec → the same selection in table, chart and export."""
    spec = A.RequestSpec(provinces=("MI", "TO"), opened_from=dt.date(2025, 2, 1))
    q = A.query("requests", spec)
    n = q.count()
    assert n == len(q.ids()) == len(list(q.iter_rows())) > 0
    for dim in A.REQUESTS.dimensions:
        group = q.group(dim, "count")
        assert group.total() == n, dim
    group = q.group("month", "count", series="priority")
    assert group.total() == n
    assert [k for k, _ in group.series] == [p for p in ("critical", "high", "normal", "low")
                                            if p in {r[1] for r in group.series}] or True
    months = [k for k, _ in group.categories]
    assert months == sorted(months) and len(set(months)) == len(months)
    # a time axis has no holes: consecutive months
    for a, b in zip(months, months[1:]):
        ya, ma = int(a[:4]), int(a[5:])
        assert (int(b[:4]), int(b[5:])) == ((ya + 1, 1) if ma == 12 else (ya, ma + 1))
    qi = A.query("interventions", spec)
    assert qi.group("operator", "count").total() == qi.count() == len(list(qi.iter_rows()))
    assert qi.group("week", "planned_hours").total() == pytest.approx(qi.totals()["planned_hours"], abs=0.1)
    qc = A.query("contracts")
    assert float(qc.group("expiry_month", "value").total()) == pytest.approx(float(qc.totals()["value"]))


def test_priority_series_follow_rank_and_top_n_keeps_the_rest(data):
    """R-ANA-2: priorities in their natural order; more categories than the limit → "other"."""
    q = A.query("requests")
    group = q.group("priority", "count", lang="it")
    ranks = {p.id: p.rank for p in Priority.select()}
    keys = [k for k, _ in group.categories]
    assert keys == sorted(keys, key=lambda k: ranks[k])
    assert {label for _, label in group.categories} <= {"Critica", "Alta", "Normale", "Bassa"}
    small = q.group("customer", "count", limit=3)
    assert small.categories[-1][0] == A.OTHER and len(small.categories) == 3
    assert small.total() == q.count()


def test_sorting_and_paging(data):
    q = A.query("requests")
    first = q.page(0, 10, ("opened_at", False))
    second = q.page(10, 10, ("opened_at", False))
    cols = [c.key for c in q.columns]
    opened = [r[1 + cols.index("opened_at")] for r in first + second]
    assert opened == sorted(opened)
    assert not {r[0] for r in first} & {r[0] for r in second}
    by_prio = q.page(0, 80, ("priority", False))
    ranks = {"critical": 1, "high": 2, "normal": 3, "low": 4}
    seq = [ranks[r[1 + cols.index("priority")]] for r in by_prio]
    assert seq == sorted(seq)
    assert q.page(0, 5, ("no_such_column", True))  # an unknown key falls back to the default


def test_bad_specs_are_refused_with_codes(db):
    """Invalid ranges get field + code for a translated message; nothing runs."""
    with pytest.raises(ValidationError) as err:
        A.query("requests", A.RequestSpec(opened_from=dt.date(2025, 5, 1),
                                          opened_to=dt.date(2025, 4, 1), text="x" * 500))
    codes = {(e.field, e.code) for e in err.value.errors}
    assert ("opened_to", "end_before_start") in codes and ("text", "too_long") in codes
    with pytest.raises(ValidationError) as err:
        A.query("contracts", A.ContractSpec(amount_min=Decimal("-1"), used_min=5, used_max=2))
    codes = {(e.field, e.code) for e in err.value.errors}
    assert ("amount_min", "negative") in codes and ("used_max", "analysis.min_above_max") in codes
    with pytest.raises(ValidationError):
        A.query("requests").group("nope")


def test_contract_amounts_need_the_money_permission(data):
    """R-CON-6 + permissions: technicians analyse contracts without amounts."""
    tech = Actor(operator_id=data["ops"][0], role=Role.TECHNICIAN, name="Operatore 0")
    with context.acting_as(tech):
        q = A.query("contracts")
        assert "amount" not in [c.key for c in q.columns]
        assert "value" not in q.totals()
        assert q.count() == len(data["contracts"])
        with pytest.raises(PermissionDenied):
            q.group("expiry_month", "value")
        with pytest.raises(PermissionDenied):
            A.query("contracts", A.ContractSpec(amount_min=Decimal("10")))
        assert q.group("expiry_month", "count").total() == len(data["contracts"])
    manager = Actor(operator_id=data["ops"][1], role=Role.MANAGER, name="Operatore 1")
    with context.acting_as(manager):
        assert "amount" in [c.key for c in A.query("contracts").columns]


def test_specs_round_trip_through_json(db):
    spec = A.ContractSpec(text="Rossi", party_ids=(3, 4), statuses=("active",),
                          signed_from=dt.date(2025, 1, 2), amount_max=Decimal("1234.50"),
                          remaining_min=1, tickets="with", include_archived=True)
    assert A.spec_from_json(A.ContractSpec, A.spec_to_json(spec)) == spec
    rs = A.RequestSpec(provinces=("MI",), opened_to=dt.date(2026, 2, 28))
    assert A.spec_from_json(A.RequestSpec, A.spec_to_json(rs)) == rs
    # a damaged or future saved filter still opens, dropping what it cannot read
    odd = A.spec_from_json(A.RequestSpec, '{"provinces": ["MI"], "opened_from": "31/02/2025", '
                                          '"future_field": 1}')
    assert odd == A.RequestSpec(provinces=("MI",))
    assert A.spec_from_json(A.RequestSpec, "not json") == A.RequestSpec()


def test_lookups_find_by_typing(data):
    found = lookups.search("customer", "cliente 3")
    assert [label for _, label in found] == ["Cliente 3 Srl"]
    assert lookups.search("customer", "fornitore") == []  # not a customer
    assert lookups.search("party", "fornitore")
    assert lookups.search("operator", "%") == []  # wildcards are literal
    assert lookups.labels("operator", data["ops"][:2]) == {data["ops"][0]: "Operatore 0",
                                                           data["ops"][1]: "Operatore 1"}
    assert len(lookups.search("customer", "", limit=4)) == 4


def test_odd_text_is_searched_literally(data):
    """Quotes, FTS operators, wildcards and emoji in free text neither crash nor match all."""
    everything = len(data["requests"])
    for text in ['"; DROP TABLE service_request; --', "caldaia OR NOT", "100%", "a_b", "🔥*",
                 "NEAR(x y)", "\\", "'"]:
        for spec in (A.RequestSpec(text=text), A.RequestSpec(serial=text)):
            n = A.query("requests", spec).count()
            assert n < everything, (text, spec)
    assert A.query("requests", A.RequestSpec(serial="SN-0003X")).count() == \
        A.query("requests", A.RequestSpec(serial="sn-0003x")).count()


def test_exported_rows_equal_the_table_rows(data):
    """R-ANA-3: the export stream and the table pages give the same typed values."""
    for name in ("requests", "interventions", "worklogs", "contracts"):
        q = A.query(name)
        n = q.count()
        table = [row[1:] for row in q.page(0, n + 1)]
        assert list(q.iter_rows()) == table, name
