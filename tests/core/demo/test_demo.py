"""Demo data: coherent, deterministic, readable through the models (R-REQ, R-CON, R-X-3)."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from stdnum.it import iva

from servicedesk import demo
from servicedesk.demo.worktime import Calendar
from servicedesk.demo.writer import COLUMNS
from servicedesk.db import open_database

TODAY = dt.date(2026, 3, 18)  # a Wednesday
NOW = "2026-03-18 08:00:00"
OWN_TABLES = list(COLUMNS)


def _build(path: Path, seed: int = 2026) -> dict[str, int]:
    return demo.generate(path, "small", seed=seed, today=TODAY)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("demo") / "small.db"
    return path, _build(path)


@pytest.fixture
def con(small):
    connection = sqlite3.connect(small[0])
    yield connection
    connection.close()


def _digest(path: Path) -> str:
    """Every generated column; password hashes are salted, so they differ on purpose."""
    h = hashlib.sha256()
    with sqlite3.connect(path) as connection:
        for table in OWN_TABLES:
            columns = ", ".join(f'"{c}"' for c in COLUMNS[table] if c != "password_hash")
            for row in connection.execute(f'SELECT {columns} FROM "{table}" ORDER BY id'):
                h.update(repr(row).encode())
    return h.hexdigest()


def test_counts_match_the_small_scale(small):
    _, counts = small
    scale = demo.SCALES["small"]
    assert counts["party"] == scale.customers + scale.suppliers
    assert counts["operator"] == 13  # 12 in teams + admin
    assert counts["team"] == 3
    assert counts["product"] == scale.products
    assert counts["unit"] == scale.units
    assert counts["contract"] == scale.contracts
    assert counts["service_request"] == scale.requests
    assert counts["kb_article"] == scale.kb_articles
    assert counts["maintenance_plan"] == scale.maintenance_plans
    assert abs(counts["intervention"] - scale.interventions) < scale.interventions * 0.1
    assert abs(counts["work_log"] - scale.work_logs) < scale.work_logs * 0.1
    for table in ("working_hours", "absence", "contact", "job_order", "instalment",
                  "contract_unit", "contract_renewal", "ticket_movement", "request_event",
                  "request_unit", "request_counter", "kb_application"):
        assert counts[table] > 0, table


def test_same_seed_same_data_other_seed_other_data(small, tmp_path):
    path, _ = small
    again = tmp_path / "again.db"
    _build(again)
    assert _digest(again) == _digest(path)
    other = tmp_path / "other.db"
    _build(other, seed=7)
    assert _digest(other) != _digest(path)


def test_database_is_consistent(con):
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT count(*) FROM outbox_message").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0
    uuids = [r[0] for r in con.execute("SELECT uuid FROM service_request")]
    assert len(set(uuids)) == len(uuids) and all(re.fullmatch(r"[0-9a-f]{32}", u) for u in uuids)
    # derived data a raw load must build: full-text index, stored SLA keys
    con.execute("INSERT INTO request_fts(request_fts) VALUES ('integrity-check')")
    assert con.execute("SELECT count(*) FROM request_fts WHERE request_fts MATCH 'caldaia'"
                       ).fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM service_request WHERE status IN ('new', 'assigned', "
                       "'in_progress') AND resolution_due IS NOT NULL AND sla_due IS NULL"
                       ).fetchone()[0] == 0


def test_parties_look_italian_with_valid_vat_numbers(con):
    rows = con.execute("SELECT code, name, vat_number, province, postal_code, email FROM party"
                       ).fetchall()
    vats = [r[2] for r in rows]
    assert len(set(vats)) == len(vats)
    assert all(re.fullmatch(r"\d{11}", v) and iva.is_valid(v) for v in vats)
    assert all(re.fullmatch(r"[CF]\d{6}", r[0]) for r in rows)
    assert all(re.fullmatch(r"\d{5}", r[4]) and r[5].endswith(".example") for r in rows)
    provinces = {r[0] for r in con.execute("SELECT code FROM province")}
    assert {r[3] for r in rows} <= provinces
    assert con.execute("SELECT count(*) FROM contact WHERE receives_notices=1").fetchone()[0] > 0


def test_operators_roles_and_working_hours(con):
    roles = dict(con.execute("SELECT username, role FROM operator"))
    assert roles["admin"] == "admin"
    assert sorted(roles.values()).count("coordinator") == 1
    assert sorted(roles.values()).count("manager") == 1
    hours = con.execute("SELECT DISTINCT weekday, start, \"end\" FROM working_hours").fetchall()
    assert sorted(hours) == sorted((d, s, e) for d in range(5)
                                   for s, e in (("08:30:00", "12:30:00"), ("13:30:00", "17:30:00")))


def test_units_have_unique_serials_and_warranty(con):
    """R-SER-1: the warranty ends where the unit service would have put it."""
    from servicedesk.services.units import warranty_end_for

    rows = con.execute("SELECT u.product_id, u.serial, u.install_date, u.warranty_end, "
                       "p.warranty_months FROM unit u JOIN product p ON p.id = u.product_id"
                       ).fetchall()
    assert len({(r[0], r[1]) for r in rows}) == len(rows)
    for _, _, install, end, months in rows:
        assert warranty_end_for(dt.date.fromisoformat(install), months).isoformat() == end
        assert install < TODAY.isoformat()


def test_instalments_sum_to_the_term_amount(con):
    """R-CON-5: the billing plan of the current term adds up to the amount, to the cent."""
    amounts = {cid: (Decimal(str(a)), term) for cid, a, term in
               con.execute("SELECT id, amount, term_no FROM contract")}
    sums: dict[int, Decimal] = defaultdict(Decimal)
    for cid, term, value in con.execute("SELECT contract_id, term_no, amount FROM instalment"):
        if term == amounts[cid][1]:
            sums[cid] += Decimal(str(value))
    assert sums.keys() == amounts.keys()
    assert all(sums[cid] == amounts[cid][0] for cid in amounts)


def test_contract_dates_and_statuses_agree(con):
    """R-CON-2, R-CON-4: the history the renewal run would have written, term after term."""
    today = TODAY.isoformat()
    pending = set(con.execute("SELECT contract_id, from_term_no FROM contract_renewal "
                              "WHERE status = 'proposed'"))
    for cid, status, start, term_start, term_end, renewals, term_no in con.execute(
            "SELECT id, status, start_date, term_start, term_end, renewals_done, term_no "
            "FROM contract"):
        assert start <= term_start <= term_end
        assert renewals == term_no - 1
        if status in ("active", "suspended"):  # or its term just ended, a proposal pending
            assert term_start <= today and (today <= term_end or (cid, term_no) in pending)
        elif status == "expired":
            assert term_end < today
        elif status == "cancelled":
            assert term_start <= today
        else:
            assert status == "draft" and start > today
    terms: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for cid, term, value in con.execute("SELECT contract_id, term_no, amount FROM instalment"):
        terms[cid, term] += Decimal(str(value))
    renewed = con.execute("SELECT contract_id, from_term_no, old_term_end, new_term_start, "
                          "new_amount FROM contract_renewal WHERE status IN ('done', 'accepted')"
                          ).fetchall()
    assert renewed
    for cid, term, old_end, new_start, amount in renewed:
        assert dt.date.fromisoformat(old_end) + dt.timedelta(days=1) == dt.date.fromisoformat(
            new_start)
        assert terms[cid, term + 1] == Decimal(str(amount))


def test_renewal_run_finds_the_history_up_to_date(small, tmp_path):
    """R-CON-4: run on the demo's today, the renewal run has nothing left to do."""
    import shutil

    from servicedesk.services import renewal_run

    copy = tmp_path / "renewals.db"
    shutil.copy(small[0], copy)
    db = open_database(copy)
    try:
        result = renewal_run.run(TODAY)
        assert result.items == []
        later = renewal_run.run(TODAY + dt.timedelta(days=400))
        assert later.count("renewed") > 0 and later.count("error") == 0
    finally:
        db.close()


def test_ticket_balances_never_go_negative(con):
    """R-CON-3: credits first, one debit per closed request, top-ups when exhausted."""
    balance: dict[int, int] = defaultdict(int)
    debited = set()
    for cid, qty, kind, request in con.execute(
            "SELECT contract_id, quantity, kind, request_id FROM ticket_movement ORDER BY at, id"):
        balance[cid] += qty
        assert balance[cid] >= 0
        if kind == "debit":
            assert request not in debited
            debited.add(request)
    closed = {r[0] for r in con.execute(
        "SELECT r.id FROM service_request r JOIN contract c ON c.id = r.contract_id "
        "WHERE r.status = 'closed' AND c.tickets_per_term > 0")}
    assert debited == closed and closed


def test_request_numbers_follow_the_counters(con):
    rows = con.execute("SELECT number, opened_at FROM service_request ORDER BY id").fetchall()
    per_year: dict[int, list[int]] = defaultdict(list)
    for number, opened in rows:
        m = re.fullmatch(r"RS-(\d{4})-(\d{6})", number)
        assert m and m.group(1) == opened[:4]
        per_year[int(m.group(1))].append(int(m.group(2)))
    counters = dict(con.execute("SELECT year, last FROM request_counter"))
    assert counters.keys() == per_year.keys()
    for year, numbers in per_year.items():
        assert numbers == list(range(1, counters[year] + 1))
    assert rows == sorted(rows, key=lambda r: r[1])


def test_request_history_is_in_order_and_ends_in_the_status(con):
    """R-REQ-2, R-REQ-5: status events chain from 'new' to the current status."""
    from servicedesk.services.requests import allowed_transitions

    status = dict(con.execute("SELECT id, status FROM service_request"))
    first_response = dict(con.execute("SELECT id, first_response_at FROM service_request"))
    chains: dict[int, list[tuple]] = defaultdict(list)
    for rid, at, frm, to in con.execute(
            "SELECT request_id, at, from_status, to_status FROM request_event "
            "WHERE kind = 'status' ORDER BY request_id, at, id"):
        chains[rid].append((at, frm, to))
    assert chains.keys() == status.keys()
    for rid, chain in chains.items():
        assert chain[0][1] is None and chain[0][2] == "new"
        for (_, _, before), (_, after_from, after) in zip(chain, chain[1:]):
            assert after_from == before
            assert after in allowed_transitions(before), (rid, before, after)
        assert chain[-1][2] == status[rid]
        assert chain[-1][0] < NOW
        # as services.requests does: leaving 'new' (except to cancel) is the first response
        left_new = chain[1] if len(chain) > 1 and chain[1][2] != "cancelled" else None
        assert first_response[rid] == (left_new[0] if left_new else None)
    open_count = sum(1 for s in status.values() if s not in ("resolved", "closed", "cancelled"))
    assert 150 <= open_count <= 300


def test_closed_requests_are_complete(con):
    for opened, first, resolved, closed, report in con.execute(
            "SELECT opened_at, first_response_at, resolved_at, closed_at, final_report "
            "FROM service_request WHERE status = 'closed'"):
        assert opened <= first <= resolved <= closed < NOW
        assert report


def test_sla_due_times_are_in_working_time(small):
    """R-REQ-2: due times follow the SLA service: contract or priority hours, pauses added."""
    from servicedesk.models import Intervention, ServiceRequest
    from servicedesk.services import sla

    db = open_database(small[0])
    try:
        visits = {i.request_id for i in Intervention.select(Intervention.request)
                  .where(Intervention.maintenance_plan.is_null(False))}
        assert visits
        for request in ServiceRequest.select().order_by(ServiceRequest.id).limit(400):
            if request.id in visits:  # as services.maintenance makes them: no SLA clocks
                assert request.response_due is None and request.resolution_due is None
                continue
            hours = sla.sla_hours(request.priority, request.contract)
            clocks = sla.due_times(request.opened_at, hours, request.paused_minutes)
            assert (request.response_due, request.resolution_due) == (
                clocks.response_due, clocks.resolution_due), request.number
    finally:
        db.close()


def test_maintenance_generation_finds_the_coming_visits_planned(small, tmp_path):
    """R-MNT-1: the plans' next visits are on the board already; generation adds no duplicate."""
    import shutil

    from servicedesk import clock
    from servicedesk.services import maintenance

    copy = tmp_path / "maintenance.db"
    shutil.copy(small[0], copy)
    db = open_database(copy)
    try:
        clock.freeze(dt.datetime.combine(TODAY, dt.time(8)))
        before = {plan: maintenance.next_due_date(plan) for plan in
                  maintenance.MaintenancePlan.select().where(maintenance.MaintenancePlan.active)}
        assert all(due >= TODAY - dt.timedelta(days=10) for due in before.values())
        result = maintenance.generate(14)
        assert result.created == [] and result.covered > 0
    finally:
        clock.freeze(None)
        db.close()


@pytest.mark.parametrize("periods", [None, ((540, 780), (840, 1080)), ((420, 1140),)])
def test_calendar_counts_working_time_as_the_sla_service(periods):
    """The generator's fast working-time arithmetic agrees with services.sla, for the office's
    calendar and for others (the rules are read from the service's calendar, not copied)."""
    import random

    from servicedesk.services import sla

    office = sla.default_calendar() if periods is None else sla.WorkingCalendar(periods)
    cal = Calendar(TODAY, office=office)
    rng = random.Random(5)

    def moment(minute: int) -> dt.datetime:
        return dt.datetime.combine(cal.dates[minute // 1440], dt.time()) + dt.timedelta(
            minutes=minute % 1440)

    for _ in range(3000):
        start = rng.randrange((cal.today - 900) * 1440, cal.today * 1440)
        amount = rng.choice([5, 120, 240, 480, 960, 2400, 4800, rng.randrange(1, 9000)])
        assert moment(cal.add_working(start, amount)) == office.add(moment(start), amount)
        end = start + rng.randrange(0, 30 * 1440)
        assert cal.working_between(start, end) == office.minutes_between(moment(start),
                                                                         moment(end))


def test_planned_interventions_fill_the_board_without_overlaps(con):
    """R-REQ-3: the coming days are planned, never twice for one operator, never off-hours."""
    rows = con.execute("SELECT operator_id, planned_start, planned_end FROM intervention "
                       "WHERE status = 'planned' ORDER BY operator_id, planned_start").fetchall()
    assert rows and all(op is not None for op, _, _ in rows)
    absences = defaultdict(list)
    for op, start, end in con.execute('SELECT operator_id, start, "end" FROM absence'):
        absences[op].append((start, end))
    for (op1, s1, e1), (op2, s2, _) in zip(rows, rows[1:]):
        assert op1 != op2 or e1 <= s2, (op1, s1, s2)
    for op, start, end in rows:
        assert start >= NOW and start[:10] == end[:10]
        day = dt.date.fromisoformat(start[:10])
        assert day.weekday() < 5
        assert ("08:30:00" <= start[11:] and end[11:] <= "12:30:00") or (
            "13:30:00" <= start[11:] and end[11:] <= "17:30:00")
        assert all(end <= a or start >= b for a, b in absences[op])
    week_end = (TODAY + dt.timedelta(days=7)).isoformat()
    busy = {op for op, start, _ in rows if start < week_end}
    technicians = {r[0] for r in con.execute("SELECT id FROM operator WHERE role = 'technician'")}
    assert len(busy & technicians) >= len(technicians) - 1


def test_work_logs_follow_their_request(con):
    bad = con.execute(
        "SELECT count(*) FROM work_log w JOIN service_request r ON r.id = w.request_id "
        "WHERE w.customer_id != r.customer_id OR w.work_date < substr(r.opened_at, 1, 10) "
        "OR w.minutes <= 0 OR w.start_time >= w.end_time").fetchone()[0]
    assert bad == 0


def test_models_read_the_data_back(small):
    from servicedesk.models import (Contract, Instalment, Intervention, KbArticle,
                                    ServiceRequest, Unit, WorkLog)

    db = open_database(small[0])
    try:
        request = ServiceRequest.select().order_by(ServiceRequest.id).first()
        assert isinstance(request.opened_at, dt.datetime)
        assert request.customer.name and request.priority.code
        contract = Contract.select().where(Contract.status == "active").first()
        assert isinstance(contract.amount, Decimal) and isinstance(contract.term_end, dt.date)
        assert sum(i.amount for i in Instalment.select().where(
            Instalment.contract == contract, Instalment.term_no == contract.term_no)
        ) == contract.amount
        unit = Unit.select().first()
        assert isinstance(unit.install_date, dt.date) and unit.product.family
        log = WorkLog.select().first()
        assert isinstance(log.start_time, dt.time) and isinstance(log.km, Decimal)
        assert isinstance(log.billable, bool)
        planned = Intervention.select().where(Intervention.status == "planned").first()
        assert isinstance(planned.planned_start, dt.datetime)
        article = KbArticle.select().where(KbArticle.source_request.is_null(False)).first()
        assert article.source_request.kb_article_id == article.id
        assert article.product_family == article.product.family
        from servicedesk.search import index as search_index

        assert search_index.index_status(db).ok
    finally:
        db.close()


def test_refuses_an_existing_file_unless_overwrite(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"something")
    with pytest.raises(ValueError):
        demo.generate(path)
    with pytest.raises(ValueError):
        demo.generate(tmp_path / "y.db", "huge")


def test_command_line(tmp_path, capsys):
    path = tmp_path / "cli.db"
    assert demo.main(["--seed", "3", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1,500 requests" in out and str(path) in out
    assert demo.main([str(path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert demo.main(["--force", "--seed", "3", str(path)]) == 0
    assert demo.main([str(tmp_path / "missing" / "d.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err
    assert not (tmp_path / "missing").exists()


def test_ensure_demo_database_creates_once(tmp_path):
    path = tmp_path / "sub" / "demo.db"
    assert demo.ensure_demo_database(path) == path
    stamp = path.stat().st_mtime_ns
    assert demo.ensure_demo_database(path) == path
    assert path.stat().st_mtime_ns == stamp


def test_rows_have_the_models_columns(con):
    """The generator writes the tables as the models define them (no copy of the schema): every
    column of each model, in the model's order, except those left to a default or computed
    afterwards, which the database accepts empty."""
    from servicedesk.demo.writer import LEFT_OUT, MODELS, columns

    for model in MODELS:
        table = model._meta.table_name
        fields = [f.column_name for f in model._meta.sorted_fields]
        assert set(LEFT_OUT.get(table, ())) <= set(fields), table
        assert list(columns(model)) == [c for c in fields if c not in LEFT_OUT.get(table, ())]
        info = {r[1]: r for r in con.execute(f'PRAGMA table_info("{table}")')}
        assert set(fields) <= set(info), table
        for column in LEFT_OUT.get(table, ()):
            _, _, _, notnull, default, _ = info[column]
            assert not notnull or default is not None, (table, column)


def test_no_copy_of_the_services_rules():
    """The working calendar, holidays, month arithmetic and SLA hours come from the services."""
    import ast

    package = Path(demo.__file__).parent
    defined = set()
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                defined.add(node.name.lstrip("_").lower())
    assert not defined & {"add_months", "italian_holidays", "easter", "easter_sunday",
                          "workingcalendar", "sla_hours", "due_times", "revalue", "istat"}
