"""tools/mutate.py: the mutants it makes, the list of equivalents, a campaign on a tiny project (#20)."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def mutate():
    spec = importlib.util.spec_from_file_location("mutate_tool", ROOT / "tools" / "mutate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutate_tool"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["mutate_tool"]


SOURCE = '''"""A fee."""
from decimal import Decimal

LIMIT = 10


def fee(amount: int, urgent: bool = False) -> Decimal:
    """Double above the limit."""
    if amount < 0:
        raise ValueError("negative")
    total = amount * 2 if amount > LIMIT and not urgent else amount + 1
    return Decimal(total) + Decimal("0.50")  # città
'''


def test_each_mutant_is_one_change_that_compiles_with_a_unique_key(mutate):
    source = SOURCE.encode()
    mutants = mutate.find_mutants(source)
    keys = [m.key for m in mutants]
    assert len(keys) == len(set(keys))
    for m in mutants:
        changed = m.apply(source)
        assert changed != source
        compile(changed, "m", "exec")
    assert "fee: if amount < 0: → if False:" in keys  # the guard deleted
    assert "fee: if amount < 0: → if amount <= 0:" in keys
    assert any(k.endswith("amount > LIMIT or not urgent else amount + 1") for k in keys)
    assert any("Decimal(\"0.50\") # città → " in k and "Decimal('0') # città" in k for k in keys)
    assert "<module>: LIMIT = 10 → LIMIT = 11" in keys
    assert not any("negative" in k for k in keys)  # messages and docstrings are not rules
    assert not any("int" in k.split(":", 1)[0] for k in keys)  # nor annotations
    ops = {m.operator for m in mutants}
    assert ops >= {"delete guard", "negate condition", "flip comparison", "swap and/or",
                   "swap operator", "change constant", "drop unary"}


def test_equivalents_are_read_per_module(mutate, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "mutation.md").write_text(
        "# Equivalent mutants\n\n## `calc.py`\n\n- `fee: a → b` — no input tells them apart\n"
        "text\n\n## `other.py`\n- `x: 1 → 2` — cache size\n", encoding="utf-8")
    assert mutate.read_equivalents(tmp_path) == {
        "calc.py": {"fee: a → b": "no input tells them apart"},
        "other.py": {"x: 1 → 2": "cache size"}}


def test_campaign_reports_survivors_and_never_touches_the_tree(mutate, tmp_path):
    (tmp_path / "calc.py").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_calc.py").write_text(
        "from decimal import Decimal\nimport calc\n\n"
        "def test_fee():\n    assert calc.fee(20) == Decimal('40.50')\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    code = mutate.main(["--root", str(tmp_path), str(tmp_path / "calc.py"), "--tests", "tests",
                        "--nice", "0", "--match", r"→ .*(amount >= LIMIT|LIMIT and urgent|= True)"])
    assert code == 0
    assert (tmp_path / "calc.py").read_text(encoding="utf-8") == SOURCE
    report = json.loads((tmp_path / ".mutation" / "calc.json").read_text())
    status = {r["key"].split(" → ")[1]: r["status"] for r in report["results"]}
    assert status == {
        "total = amount * 2 if amount >= LIMIT and not urgent else amo…": "survived",  # no test at 10
        "…unt * 2 if amount > LIMIT and urgent else amount + 1": "killed",
        "…e(amount: int, urgent: bool = True) -> Decimal:": "killed"}  # at import time
    text = (tmp_path / ".mutation" / "calc.md").read_text(encoding="utf-8")
    assert "+    total = amount * 2 if amount >= LIMIT and not urgent else amount + 1" in text
