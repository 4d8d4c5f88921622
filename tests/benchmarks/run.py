"""Run the benchmarks on the large demo database; print a table and write JSON.

    uv run python tests/benchmarks/run.py [--only ID,ID] [--out FILE.json] [--rebuild]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from harness import Bench, Env, large_db, measure, measure_pair, p95  # noqa: E402


def load_modules():
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module


def record(b: Bench) -> dict:
    median = statistics.median(b.times_ms)
    limit_median = statistics.median(b.limit_ms) if b.limit_ms else None
    value = p95(b.times_ms) if b.target_on == "p95" else median
    ok = None if b.target_p95_ms is None else value <= b.target_p95_ms
    ratio = median / limit_median if limit_median else None
    cpu = statistics.median(b.cpu_ms) if b.cpu_ms else None
    limit_cpu = statistics.median(b.limit_cpu_ms) if b.limit_cpu_ms else None
    # the same ratio in CPU time: what the wall ratio is on a quiet machine (see cpu_seconds)
    cpu_ratio = cpu / limit_cpu if cpu is not None and limit_cpu else None
    if ok is not False and b.ratio_max is not None and ratio is not None:
        ok = ratio <= b.ratio_max
    return {"id": b.id, "median_ms": round(median, 3), "p95_ms": round(p95(b.times_ms), 3),
            "limit_ms": round(limit_median, 3) if limit_median else None,
            "ratio": round(ratio, 3) if ratio else None, "target": b.target, "ok": ok,
            "cpu_median_ms": round(cpu, 3) if cpu is not None else None,
            "limit_cpu_ms": round(limit_cpu, 3) if limit_cpu is not None else None,
            "cpu_ratio": round(cpu_ratio, 3) if cpu_ratio is not None else None,
            "load": round(os.getloadavg()[0], 1), "runs": len(b.times_ms), "note": b.note}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    parser.add_argument("--out")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    only = {x.strip() for x in args.only.split(",") if x.strip()}

    path, build_seconds = large_db(rebuild=args.rebuild)
    from servicedesk.db import open_database

    db = open_database(path)
    env = Env(path, db)
    env.build_seconds = build_seconds
    env.only = only  # modules with costly set-up (bench_pg) skip it when none of theirs is asked
    results = []
    failures = []
    from servicedesk.models import database_proxy

    for module in load_modules():
        database_proxy.initialize(env.db)  # a module may have opened a scratch copy before
        try:
            benches = module.benchmarks(env)
        except Exception as exc:  # one broken module must not hide the others' figures
            failures.append(f"{module.__name__}: {exc!r}")
            continue
        for bench in benches:
            if only and bench.id not in only:
                continue
            print(f"… {bench.id}", file=sys.stderr, flush=True)
            try:
                if bench.setup:
                    bench.setup()
                if bench.fixed_ms is not None:
                    bench.times_ms = [bench.fixed_ms]
                    if bench.limit:
                        bench.limit_ms = measure(bench.limit, bench.repeat, bench.warmup,
                                                 bench.limit_cpu_ms)
                elif bench.limit:
                    bench.times_ms, bench.limit_ms = measure_pair(bench.run, bench.limit,
                                                                  bench.repeat, bench.warmup,
                                                                  bench.cpu_ms, bench.limit_cpu_ms)
                else:
                    bench.times_ms = measure(bench.run, bench.repeat, bench.warmup,
                                             bench.cpu_ms)
            except Exception as exc:
                failures.append(f"{bench.id}: {exc!r}")
                continue
            results.append(record(bench))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average at the end: {load} (the machine may be shared)")
    print("cpu ms: CPU time of the run (this process and its children), median; cpu ratio: "
          "the same against the limit's CPU time")
    header = (f"{'id':<30}{'median ms':>11}{'p95 ms':>11}{'cpu ms':>10}{'limit ms':>11}"
              f"{'ratio':>7}{'cpu ratio':>10}{'load':>6}  {'ok':<6}target")
    print(header)
    print("-" * len(header))
    for r in results:
        fmt = lambda v: "" if v is None else f"{v:.2f}"  # noqa: E731
        print(f"{r['id']:<30}{fmt(r['median_ms']):>11}{fmt(r['p95_ms']):>11}"
              f"{fmt(r['cpu_median_ms']):>10}{fmt(r['limit_ms']):>11}{fmt(r['ratio']):>7}"
              f"{fmt(r['cpu_ratio']):>10}"
              f"{r['load']:>6.1f}  {str(r['ok']):<6}{r['target']}")
    for failure in failures:
        print(f"FAILED {failure}")
    if args.out:
        Path(args.out).write_text(json.dumps({"benchmarks": results,
                                              "load_average": os.getloadavg()}, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
