"""The 20 analysis filter combinations of the benchmark and the index that serves each (#18).

Shared by ``tests/benchmarks/bench_analysis.py`` (timed on the large demo database) and
``tests/core/queries/test_analysis_plans.py`` (query plans on the small demo database given the large
one's statistics, ``large_stat1.json``: with them SQLite plans the small database exactly as the
large one; ``tests/benchmarks/analysis_plans.py`` checks that and refreshes the statistics).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import peewee as pw

STATS = Path(__file__).resolve().parent / "large_stat1.json"

# combination → (index serving the COUNT, index serving the first page), on the subject's table.
# "by_id" is the narrow copy (id, opened_at, status, customer_id, priority_id): a filter that
# yields request ids (text, serial, product, planned interventions) reads them there.
EXPECTED: dict[int, tuple[str, str]] = {
    1: ("service_request_team_id", "service_request_opened_at"),  # everything: b-tree count
    2: ("service_request_status_resolution_due", "service_request_status_opened_at"),
    3: ("service_request_priority_id", "service_request_opened_at"),
    4: ("service_request_customer_id", "service_request_opened_at"),
    5: ("service_request_customer_id", "service_request_customer_opened"),
    6: ("service_request_customer_id", "service_request_customer_opened"),
    7: ("service_request_opened_at", "service_request_opened_at"),
    8: ("service_request_customer_opened", "service_request_opened_at"),
    9: ("service_request_closed_at", "service_request_opened_at"),
    10: ("service_request_team_status_opened", "service_request_team_status_opened"),
    11: ("service_request_owner_id", "service_request_owner_id"),
    12: ("service_request_contract_id", "service_request_contract_id"),
    13: ("service_request_job_order_id", "service_request_job_order_id"),
    14: ("service_request_by_id", "service_request_by_id"),
    15: ("service_request_by_id", "service_request_by_id"),
    16: ("service_request_by_id", "service_request_by_id"),
    17: ("service_request_by_id", "service_request_by_id"),
    18: ("intervention_team_id", "intervention_planned_start"),  # everything: b-tree count
    19: ("intervention_operator_id_planned_start", "intervention_operator_id_planned_start"),
    20: ("intervention_activity_status_planned", "intervention_activity_status_planned"),
}
UNFILTERED = {1, 18}  # every row is counted: a scan of an index is the best there is


def combos(A) -> list[tuple[str, Any]]:
    """(subject, spec) of the 20 combinations, with values taken from the open database."""
    from servicedesk.models import (
        ActivityType,
        Contract,
        JobOrder,
        Operator,
        Party,
        Product,
        ServiceRequest,
        Team,
        Unit,
    )

    def top(field):
        return (ServiceRequest.select(field).where(field.is_null(False)).group_by(field)
                .order_by(pw.fn.COUNT(ServiceRequest.id).desc()).scalar())

    customer = top(ServiceRequest.customer)
    contract = top(ServiceRequest.contract) or Contract.select(Contract.id).scalar()
    job = top(ServiceRequest.job_order) or JobOrder.select(JobOrder.id).scalar()
    team = Team.select(Team.id).order_by(Team.id).scalar()
    ops = [o for (o,) in Operator.select(Operator.id).order_by(Operator.id).limit(3).tuples()]
    product = Product.select(Product.id).order_by(Product.id).scalar()
    serial = (Unit.select(Unit.serial).order_by(Unit.id).scalar() or "X")[:6]
    act = ActivityType.select(ActivityType.id).order_by(ActivityType.id).scalar()
    small_customer = Party.select(Party.id).order_by(Party.id.desc()).scalar()
    last = ServiceRequest.select(pw.fn.MAX(ServiceRequest.opened_at)).scalar()
    last = last if isinstance(last, dt.datetime) else dt.datetime.fromisoformat(str(last))
    end = last.date()
    month_ago, year_ago = end - dt.timedelta(days=30), end - dt.timedelta(days=365)
    R = A.RequestSpec
    return [
        ("requests", R()),
        ("requests", R(statuses=("new", "assigned", "in_progress"))),
        ("requests", R(priorities=("critical",))),
        ("requests", R(provinces=("MI",))),
        ("requests", R(customer_ids=(customer,))),
        ("requests", R(customer_ids=(small_customer,), statuses=("closed",))),
        ("requests", R(opened_from=month_ago, opened_to=end)),
        ("requests", R(opened_from=year_ago, priorities=("high", "critical"),
                       provinces=("MI", "TO"))),
        ("requests", R(closed_from=month_ago)),
        ("requests", R(team_ids=(team,), statuses=("closed",))),
        ("requests", R(operator_ids=(ops[0],))),
        ("requests", R(contract_ids=(contract,))),
        ("requests", R(job_order_ids=(job,))),
        ("requests", R(product_ids=(product,))),
        ("requests", R(serial=serial)),
        ("requests", R(text="caldaia")),
        ("requests", R(scheduled_from=month_ago, scheduled_to=end)),
        ("interventions", R()),
        ("interventions", R(operator_ids=(ops[1],), scheduled_from=year_ago)),
        ("interventions", R(activity_type_ids=(act,), provinces=("RM", "MI"),
                            intervention_statuses=("done",))),
    ]


def sql_params(params: list[Any]) -> list[Any]:
    """Parameters as a bare sqlite3 connection takes them (dates as ISO text)."""
    out = []
    for p in params:
        if isinstance(p, dt.datetime):
            p = p.isoformat(sep=" ")
        elif isinstance(p, dt.date):
            p = p.isoformat()
        out.append(p)
    return out


def plan_lines(con, query: pw.ModelSelect) -> list[str]:
    sql, params = query.sql()
    return [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, sql_params(params))]


def serving_index(lines: list[str]) -> str:
    """The index through which the plan reaches the subject's table (alias t1)."""
    for line in lines:
        m = re.match(r"(?:SCAN|SEARCH) t1 USING (?:COVERING )?INDEX (\w+)", line)
        if m:
            return m.group(1)
        if re.match(r"(?:SCAN|SEARCH) t1\b", line):
            return line
    return "?"


def scans(number: int, lines: list[str], counting: bool) -> list[str]:
    """The lines of a plan that read a whole table or full-text index: a table without an
    index, a full-text table without its index, or (for a count of a filtered selection) every
    entry of an index of the subject's table."""
    bad = []
    for line in lines:
        if re.match(r"SCAN \w+$", line) and not line.startswith("SCAN CONSTANT"):
            bad.append(line)  # a table read row by row
        elif re.match(r"SCAN \w+ VIRTUAL TABLE INDEX 0:$", line):
            bad.append(line)  # a full-text table read without its index
        elif counting and number not in UNFILTERED and re.match(r"SCAN t1 USING", line):
            bad.append(line)
    return bad


def plans(con, A) -> dict[int, tuple[list[str], list[str]]]:
    """Plans (count, first page) of the 20 combinations on the database ``con`` points at
    (the models must be bound to the same file)."""
    out = {}
    for number, (name, spec) in enumerate(combos(A), 1):
        q = A.query(name, spec)
        table = q.subject.model._meta.table_name
        # a count of a whole table is planned under the table's name, not its alias
        out[number] = tuple([re.sub(rf"^(SCAN|SEARCH) {table} ", r"\1 t1 ", line)
                             for line in plan_lines(con, query)]
                            for query in (q.count_query(), q.page_query(0, 200)))
    return out


def load_stats(con) -> None:
    """Give the database at ``con`` the large demo database's statistics."""
    rows = json.loads(STATS.read_text(encoding="utf-8"))
    con.execute("DELETE FROM sqlite_stat1")
    con.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", rows)
    con.commit()


def save_stats(con) -> int:
    rows = [list(r) for r in con.execute("SELECT tbl, idx, stat FROM sqlite_stat1 "
                                         "ORDER BY tbl, idx")]
    STATS.write_text(json.dumps(rows, indent=0) + "\n", encoding="utf-8")
    return len(rows)
