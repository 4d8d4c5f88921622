"""Round trips per user action on PostgreSQL (issue 17): small and fixed, here on the small demo
database (the benchmark ``statements_per_action`` reports them on the large one)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

STATEMENTS = Path(__file__).resolve().parents[1] / "benchmarks" / "statements.py"


def _statements_module():
    spec = importlib.util.spec_from_file_location("pg_statements", STATEMENTS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_action_sends_a_small_fixed_number_of_statements(qapp, pg_demo_url):
    statements = _statements_module()
    counts = statements.count_actions(pg_demo_url)
    print("\nstatements per action (small demo):",
          ", ".join(f"{k} {v}" for k, v in counts.items()))
    for action, runs in counts.items():
        # within the bound once the window's lookups are cached (the first run fills them);
        # background work such as the KB suggestions may land in one action or the next
        assert runs[-1] <= statements.LIMITS[action], (action, runs)
