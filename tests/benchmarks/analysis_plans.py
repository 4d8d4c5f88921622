"""Query plans of the 20 analysis combinations on the large demo database (#18).

    uv run python tests/benchmarks/analysis_plans.py [--write-stats]

Prints, for each combination, the index serving its count and its first page, checks them
against ``tests/analysis_plans.py`` and that the small demo database given the large one's
statistics is planned the same. ``--write-stats`` saves those statistics
(``tests/large_stat1.json``, what the core test loads) after a schema change.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from harness import large_db  # noqa: E402

from tests.analysis_plans import (EXPECTED, load_stats, plans, save_stats, scans,  # noqa: E402
                                  serving_index)


def _served(path: Path) -> dict[int, tuple[list[str], list[str]]]:
    from servicedesk.db import close_database, open_database
    from servicedesk.queries import analysis as A

    open_database(path)
    con = sqlite3.connect(path)
    try:
        return plans(con, A)
    finally:
        con.close()
        close_database()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-stats", action="store_true")
    args = parser.parse_args(argv)
    path, _ = large_db()
    if args.write_stats:
        con = sqlite3.connect(path)
        print(f"{save_stats(con)} statistics rows written")
        con.close()
    large = _served(path)
    from servicedesk.demo import generate

    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.db"
        generate(small, "small")
        con = sqlite3.connect(small)
        load_stats(con)
        con.close()
        planned_small = _served(small)
    failures = 0
    for number, (count, page) in large.items():
        served = (serving_index(count), serving_index(page))
        same = (planned_small[number] == (count, page))
        bad = scans(number, count, True) + scans(number, page, False)
        ok = served == EXPECTED[number] and same and not bad
        failures += not ok
        print(f"{number:2d} count {served[0]:40s} page {served[1]:40s} "
              f"{'ok' if ok else 'DIFFERS'}{'' if same else ' (small DB planned otherwise)'}"
              f"{' scans: ' + '; '.join(bad) if bad else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
