"""Analysis benchmarks (issue 7) on the large demo database.

- ``analysis_filters``: 20 filter combinations over requests/interventions
  (``tests/analysis_plans.py``); one run = the COUNT and the first page of 200 rows of one
  combination (round robin, so p95 covers all 20). Limit: the same SQL statements (count, ids
  of the page, its rows) run on a bare sqlite3 connection. The setup checks that each
  combination is served by the index ``tests/analysis_plans.py`` names.
- ``chart_group``: all requests grouped by month and priority (the default chart).
  Limit: the equivalent GROUP BY on bare sqlite3.
- ``export_100k``: 100,000 request rows × 14 columns to .xlsx with the real exporter; memory
  above the process's RSS before the export is reported in the note. Limit: a bare openpyxl
  write-only loop over the same rows from a bare sqlite3 cursor.
"""
from __future__ import annotations

import itertools
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from harness import Bench, p95

from tests.analysis_plans import EXPECTED, combos, plans, serving_index, sql_params

PAGE = 200


def _rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM (Linux ≥ 4.0)
    except OSError:
        pass


def benchmarks(env) -> list[Bench]:
    from servicedesk.export.excel import ExcelColumn, write_xlsx
    from servicedesk.queries import analysis as A

    state: dict = {}

    def setup_filters() -> None:
        state["combos"] = [(n, A.query(n, spec)) for n, spec in combos(A)]
        state["sql"] = []
        for _name, q in state["combos"]:
            # the limit: the same statements (count, ids of the page, its rows) on bare sqlite3
            ids = q.page_ids(0, PAGE)
            rows_sql = q.subject.display(q.subject.model.select(), None).select(
                q.subject.model._meta.primary_key, *[c.expr for c in q.columns]).where(
                q.subject.model._meta.primary_key.in_(ids)).sql()
            state["sql"].append((q.count_query().sql(), q.page_query(0, PAGE).sql(), rows_sql))
        check_plans()
        state["raw"] = sqlite3.connect(str(env.path))
        state["i"] = itertools.cycle(range(len(state["combos"])))
        state["j"] = itertools.cycle(range(len(state["combos"])))
        state["per_combo"] = {i: [] for i in range(len(state["combos"]))}
        state["per_combo_cpu"] = {i: [] for i in range(len(state["combos"]))}

    def first_page() -> None:
        i = next(state["i"])
        _name, q = state["combos"][i]
        t0, c0 = time.perf_counter(), time.process_time()
        q.count()
        q.page(0, PAGE)
        state["per_combo"][i].append((time.perf_counter() - t0) * 1000)
        state["per_combo_cpu"][i].append((time.process_time() - c0) * 1000)

    def raw_first_page() -> None:
        i = next(state["j"])
        con = state["raw"]
        for sql, params in state["sql"][i]:
            con.execute(sql, sql_params(params)).fetchall()

    def check_plans() -> None:
        """The plans on the large database are the ones tests/core/queries/test_analysis_plans.py
        expects (and checks on the small one given these statistics)."""
        con = sqlite3.connect(str(env.path))
        found = {n: (serving_index(c), serving_index(p)) for n, (c, p) in plans(con, A).items()}
        con.close()
        wrong = {n: v for n, v in found.items() if v != EXPECTED[n]}
        if wrong:
            raise AssertionError(f"analysis plans differ from tests/analysis_plans.py: {wrong}")

    filters = Bench("analysis_filters", first_page,
                    "count + first page p95 ≤ 50 ms for each of 20 combinations",
                    target_p95_ms=50, limit=raw_first_page, setup=setup_filters,
                    repeat=100, warmup=20)

    def group() -> None:
        A.query("requests").group("month", "count", series="priority")

    def raw_group() -> None:
        con = state.setdefault("raw2", sqlite3.connect(str(env.path)))
        con.execute("SELECT strftime('%Y-%m', opened_at), priority_id, COUNT(id) "
                    "FROM service_request GROUP BY 1, 2").fetchall()

    chart = Bench("chart_group", group, "all requests by month and priority ≤ 200 ms",
                  target_p95_ms=200, limit=raw_group, repeat=15, warmup=2)

    out_dir = Path(tempfile.mkdtemp(prefix="bench-analysis-"))
    memory: list[float] = []

    def export() -> None:
        q = A.query("requests")
        columns = [ExcelColumn(c.key, c.kind, c.width,
                               {"new": "Nuova"} if c.codes else None) for c in q.columns]
        _reset_peak()
        before = _rss_mb()
        write_xlsx(out_dir / "requests.xlsx", sheet_title="Richieste", columns=columns,
                   rows=itertools.islice(q.iter_rows(), 100_000), total=100_000,
                   info_rows=[("Esportato da", "bench")])
        memory.append(_rss_mb("VmHWM") - before)
        export_bench.note = (f"memory above start: max {max(memory):.0f} MB (≤ 80 MB); "
                             f"filters worst-combination p95: {worst()}")

    def bare_export() -> None:
        from openpyxl import Workbook

        q = A.query("requests")
        sql, params = q._ordered(None).limit(100_000).sql()
        con = sqlite3.connect(str(env.path))
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("x")
        for row in con.execute(sql, sql_params(params)):
            ws.append(row[1:])
        wb.save(out_dir / "bare.xlsx")
        con.close()

    def worst() -> str:
        per = state.get("per_combo") or {}
        if not per or not any(per.values()):
            return "n/a"
        values = {i: p95(v) for i, v in per.items() if len(v) >= 2}
        i = max(values, key=values.get)
        cpu = {i: p95(v) for i, v in state["per_combo_cpu"].items() if len(v) >= 2}
        j = max(cpu, key=cpu.get)
        return (f"{values[i]:.1f} ms (combination {i + 1}); medians " + ", ".join(
            f"{statistics.median(v):.0f}" for v in per.values() if v)
            + f"; CPU p95 worst {cpu[j]:.1f} ms (combination {j + 1}), CPU medians "
            + ", ".join(f"{statistics.median(v):.1f}" for v in state["per_combo_cpu"].values()
                        if v))

    export_bench = Bench("export_100k", export,
                         "100,000 rows × 14 columns ≤ 12 s, ≤ 80 MB; ≤ 1.3× bare openpyxl",
                         target_p95_ms=12_000, limit=bare_export, ratio_max=1.3, repeat=3,
                         warmup=0)
    filters_note = Bench("analysis_filters_worst", lambda: None,
                         "worst of the 20 combinations (p95, from analysis_filters)",
                         repeat=1, warmup=0)

    def worst_fixed() -> None:
        per = state.get("per_combo") or {}
        values = [p95(v) for v in per.values() if len(v) >= 2]
        filters_note.fixed_ms = max(values) if values else 0.0
        cpu = [p95(v) for v in (state.get("per_combo_cpu") or {}).values() if len(v) >= 2]
        filters_note.cpu_ms = [max(cpu)] if cpu else []
        filters_note.target_p95_ms = 50
        filters_note.note = worst()

    filters_note.setup = worst_fixed
    return [filters, filters_note, chart, export_bench]
