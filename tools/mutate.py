"""Mutation testing of a module: how many small mistakes in it do the tests notice?

    uv run python tools/mutate.py servicedesk/services/sla.py [more modules …] [options]

Each mutant is one small change to the module's source (a comparison flipped or moved by one,
``and``/``or`` swapped, a constant moved by one, a guard or a statement deleted, a condition
negated, ``+``/``-`` swapped, ``min``/``max`` swapped …). The tests run against every mutant in a
throw-away copy of the tree (the worktree is never touched); a mutant is *killed* when a test
fails, *survives* when all pass, and *times out* when the tests hang (counted as noticed).

Which tests: the pool (``[tool.mutate] tests`` in pyproject.toml, or ``--tests``) runs once under
a line tracer; each mutant then runs only the tests that execute its line (fastest first, stop at
the first failure). A mutant on a line no test executes survives without a run (``uncovered``).

Mutants known to be equivalent (no behaviour can tell them apart) are listed, with the reason,
in docs/mutation.md under the module's heading; they are left out of the kill rate. The report
(``.mutation/<module>.md``, ``.mutation/<module>.json``) lists every survivor with its diff and
its key, the line to copy into docs/mutation.md when it is equivalent.

CPU is shared: the tool lowers its priority (``--nice``), runs one mutant at a time unless
``--jobs`` says otherwise, and can ``--sample N`` mutants (fixed ``--seed``). Long campaigns:
run in the background with output to a file and poll it; ``--resume`` goes on with a campaign
that was stopped; ``--survivors`` re-runs only the survivors of the last report after new tests
were written (and the mutants that are new since, when the module changed: tests are added, not
removed, so an earlier kill stands).
"""
from __future__ import annotations

import argparse
import ast
import dataclasses
import difflib
import hashlib
import json
import os
import queue
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ".mutation"
EQUIVALENTS_FILE = "docs/mutation.md"

KILLED, TIMEOUT, SURVIVED, UNCOVERED, ERROR = "killed", "timeout", "survived", "uncovered", "error"


# -- mutants --------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Mutant:
    key: str  # stable name: "<qualname>: <before> → <after>", what docs/mutation.md refers to
    operator: str
    start: int  # byte offsets of the replaced source
    end: int
    replacement: str
    lines: tuple[int, int]  # first and last line of the mutated node
    in_function: bool  # False: runs at import time, so every test that imports it covers it

    def apply(self, source: bytes) -> bytes:
        return source[:self.start] + self.replacement.encode() + source[self.end:]


# Operators found in the text between two operands (so the diff is the operator alone).
_COMPARE = {
    ast.Lt: (r"(?<![<>=!])<(?![<=])", "<="), ast.LtE: (r"<=", "<"),
    ast.Gt: (r"(?<![<>=\-])>(?![>=])", ">="), ast.GtE: (r">=", ">"),
    ast.Eq: (r"==", "!="), ast.NotEq: (r"!=", "=="),
    ast.In: (r"(?<!not )\bin\b", "not in"), ast.NotIn: (r"\bnot\s+in\b", "in"),
    ast.Is: (r"\bis\b(?!\s+not\b)", "is not"), ast.IsNot: (r"\bis\s+not\b", "is"),
}
_BINARY = {
    ast.Add: (r"\+", "-"), ast.Sub: (r"-", "+"), ast.Mult: (r"(?<!\*)\*(?!\*)", "/"),
    ast.Div: (r"(?<!/)/(?!/)", "*"), ast.FloorDiv: (r"//", "*"),
    ast.BitOr: (r"\|", "&"), ast.BitAnd: (r"&", "|"),
}
_AUGMENTED = {ast.Add: (r"\+=", "-="), ast.Sub: (r"-=", "+="), ast.Mult: (r"\*=", "/=")}
_SWAPPED_CALLS = {"min": "max", "max": "min", "any": "all", "all": "any"}
_LOGGERS = {"log", "logger", "_log", "_logger", "logging"}


class _Finder(ast.NodeVisitor):
    """Walks a module and records every mutant (one change each)."""

    def __init__(self, source: bytes) -> None:
        self.source = source
        self.line_starts = [0]
        for line in source.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.scope: list[str] = []
        self.functions = 0
        self.statement_line = 0  # first line of the statement being visited
        self.found: list[tuple[str, str, int, int, str, tuple[int, int], bool, int, int]] = []

    # positions
    def offset(self, line: int, col: int) -> int:
        return self.line_starts[line - 1] + col

    def span(self, node: ast.AST) -> tuple[int, int]:
        return (self.offset(node.lineno, node.col_offset),
                self.offset(node.end_lineno, node.end_col_offset))

    def text(self, start: int, end: int) -> str:
        return self.source[start:end].decode()

    def visit(self, node: ast.AST) -> None:
        if not isinstance(node, ast.stmt):
            return super().visit(node)
        outer, self.statement_line = self.statement_line, node.lineno
        try:
            return super().visit(node)
        finally:
            self.statement_line = outer

    def add(self, operator: str, start: int, end: int, replacement: str, node: ast.AST,
            context: ast.AST | None = None) -> None:
        ctx = context or node
        c_start, c_end = self.span(ctx)
        # from the first line of its statement: the tracer sees a ``for`` or a call spread over
        # several lines on its first line only
        first = min(ctx.lineno, self.statement_line or ctx.lineno)
        self.found.append((operator, ".".join(self.scope) or "<module>", start, end, replacement,
                           (first, ctx.end_lineno), self.functions > 0, c_start, c_end))

    def add_in_gap(self, operator: str, gap: tuple[int, int], pattern: str, replacement: str,
                   node: ast.AST) -> None:
        text = self.text(*gap)
        hits = list(re.finditer(pattern, text))
        if len(hits) == 1:
            m = hits[0]
            self.add(operator, gap[0] + len(text[:m.start()].encode()),
                     gap[0] + len(text[:m.end()].encode()), replacement, node)

    # scopes and what is never mutated
    def _body(self, body: list[ast.stmt]) -> None:
        for i, stmt in enumerate(body):
            if i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) \
                    and isinstance(stmt.value.value, str):
                continue  # docstring
            self.visit(stmt)

    def visit_Module(self, node: ast.Module) -> None:
        self._body(node.body)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        # decorators (lru_cache sizes, dataclass flags) and annotations are not behaviour
        for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            self.visit(default)
        self.scope.append(node.name)
        self.functions += 1
        self._body(node.body)
        self.functions -= 1
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = _function

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.scope.append(node.name)
        self._body(node.body)
        self.scope.pop()

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)
        self._remove_statement(node)

    def visit_Import(self, node: ast.AST) -> None:
        pass

    visit_ImportFrom = visit_Global = visit_Nonlocal = visit_Import

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        pass  # f-strings: messages, not rules

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return
        self.generic_visit(node)
        self._remove_statement(node)

    def visit_If(self, node: ast.If) -> None:
        if isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return
        start, end = self.span(node.test)
        last = node.body[-1]
        if not node.orelse and isinstance(last, (ast.Raise, ast.Return, ast.Continue, ast.Break)):
            self.add("delete guard", start, end, "False", node.test)
        self.add("negate condition", start, end, f"not ({self.text(start, end)})", node.test)
        self.generic_visit(node)

    def visit_While(self, node: ast.While) -> None:
        start, end = self.span(node.test)
        self.add("negate condition", start, end, f"not ({self.text(start, end)})", node.test)
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        start, end = self.span(node.test)
        self.add("negate condition", start, end, f"not ({self.text(start, end)})", node.test)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        for cond in node.ifs:
            start, end = self.span(cond)
            self.add("negate condition", start, end, f"not ({self.text(start, end)})", cond)
        self.generic_visit(node)

    # statements removed
    def _remove_statement(self, node: ast.stmt) -> None:
        targets = getattr(node, "targets", None) or [getattr(node, "target", None)]
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and not all(
                isinstance(t, (ast.Attribute, ast.Subscript)) for t in targets):
            return  # removing a local name's only binding is a NameError, not a rule
        start, end = self.span(node)
        self.add("remove statement", start, end, "pass", node)

    def visit_Expr(self, node: ast.Expr) -> None:
        self.generic_visit(node)
        call = node.value
        if isinstance(call, ast.Call):
            func = call.func
            owner = func.value if isinstance(func, ast.Attribute) else func
            if isinstance(owner, ast.Name) and owner.id in _LOGGERS:
                return
            self._remove_statement(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.generic_visit(node)
        op = _AUGMENTED.get(type(node.op))
        if op:
            gap = (self.span(node.target)[1], self.span(node.value)[0])
            self.add_in_gap("swap operator", gap, op[0], op[1], node)
        self._remove_statement(node)

    def visit_Continue(self, node: ast.stmt) -> None:
        self._remove_statement(node)

    visit_Break = visit_Continue

    # expressions
    def visit_Compare(self, node: ast.Compare) -> None:
        operands = [node.left, *node.comparators]
        for i, op in enumerate(node.ops):
            rule = _COMPARE.get(type(op))
            if rule:
                gap = (self.span(operands[i])[1], self.span(operands[i + 1])[0])
                self.add_in_gap("flip comparison", gap, rule[0], rule[1], node)
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        word, other = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
        start, end = self.span(node)
        pieces, cursor = [], start
        for left, right in zip(node.values, node.values[1:]):
            gap_start, gap_end = self.span(left)[1], self.span(right)[0]
            gap = self.text(gap_start, gap_end)
            if len(re.findall(rf"\b{word}\b", gap)) != 1:
                break
            pieces.append(self.text(cursor, gap_start) + re.sub(rf"\b{word}\b", other, gap))
            cursor = gap_end
        else:
            self.add("swap and/or", start, end, "".join(pieces) + self.text(cursor, end), node)
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        rule = _BINARY.get(type(node.op))
        if rule:
            gap = (self.span(node.left)[1], self.span(node.right)[0])
            self.add_in_gap("swap operator", gap, rule[0], rule[1], node)
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, (ast.Not, ast.USub)):
            start, end = self.span(node)
            o_start, o_end = self.span(node.operand)
            inner = self.text(o_start, o_end)
            if isinstance(node.op, ast.Not) and self.source[o_start - 1:o_start] == b"(":
                inner = f"({inner})"
            self.add("drop unary", start, end, inner, node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in _SWAPPED_CALLS:
            self.add("swap call", *self.span(func), _SWAPPED_CALLS[func.id], node)
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "Decimal" and len(node.args) == 1 and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            self._decimal(node.args[0], node)
        self.generic_visit(node)

    def _decimal(self, const: ast.Constant, call: ast.Call) -> None:
        from decimal import Decimal, InvalidOperation
        try:
            value = Decimal(const.value)
        except InvalidOperation:
            return
        start, end = self.span(const)
        for new in ([value + 1, Decimal(0)] if value != 0 else [Decimal(1)]):
            self.add("change constant", start, end, repr(str(new)), const, context=call)

    def visit_Constant(self, node: ast.Constant) -> None:
        value = node.value
        start, end = self.span(node)
        if isinstance(value, bool):
            self.add("change constant", start, end, repr(not value), node)
        elif isinstance(value, int):
            for new in ([value + 1, value - 1] if value != 0 else [1]):
                self.add("change constant", start, end, repr(new), node)
        elif isinstance(value, float):
            for new in ([value + 1, 0.0] if value != 0 else [1.0]):
                self.add("change constant", start, end, repr(new), node)


def _shown(before: str, after: str, context: int = 30, longest: int = 60) -> tuple[str, str]:
    """The two texts on one line each: the change with ``context`` characters around it."""
    before, after = (re.sub(r"\s+", " ", t).strip() for t in (before, after))
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    lo, hi = max(head - context, 0), min(len(before) - tail + context, len(before))
    prefix = ("…" if lo else "") + before[lo:head]
    suffix = before[len(before) - tail:hi] + ("…" if hi < len(before) else "")

    def middle(text: str) -> str:
        mid = text[head:len(text) - tail]
        return mid if len(mid) <= longest else mid[:longest - 10] + "…"

    return prefix + middle(before) + suffix, prefix + middle(after) + suffix


def find_mutants(source: bytes) -> list[Mutant]:
    """Every mutant of a module's source, in source order, each with a stable key."""
    tree = ast.parse(source)
    finder = _Finder(source)
    finder.visit(tree)
    mutants: list[Mutant] = []
    seen: dict[str, int] = {}
    for operator, qualname, start, end, repl, lines, in_func, c_start, c_end in sorted(
            finder.found, key=lambda f: (f[2], f[3], f[4])):
        # shown in the key: the changed physical lines, cut around the change
        c_start = source.rfind(b"\n", 0, start) + 1
        c_end = source.find(b"\n", end)
        c_end = len(source) if c_end < 0 else c_end
        before = source[c_start:c_end].decode()
        after = (source[c_start:start] + repl.encode() + source[end:c_end]).decode()
        if before == after:
            continue
        shown_before, shown_after = _shown(before, after)
        key = f"{qualname}: {shown_before} → {shown_after}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += f" [{seen[key]}]"
        mutant = Mutant(key, operator, start, end, repl, lines, in_func)
        try:
            compile(mutant.apply(source), "<mutant>", "exec")
        except SyntaxError:
            continue
        mutants.append(mutant)
    return mutants


def diff(source: bytes, mutant: Mutant, path: str) -> str:
    old = source.decode().splitlines(keepends=True)
    new = mutant.apply(source).decode().splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, path, path, n=1))


def read_equivalents(root: Path) -> dict[str, dict[str, str]]:
    """{module path: {mutant key: reason}} from docs/mutation.md ("## `path`" then "- `key` — why")."""
    path = root / EQUIVALENTS_FILE
    result: dict[str, dict[str, str]] = {}
    if not path.exists():
        return result
    module = None
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^##+\s+`?([\w/.\-]+\.py)`?\s*$", line)
        if heading:
            module = heading.group(1)
            result.setdefault(module, {})
            continue
        item = re.match(r"^- `(.+?)`\s+—\s+(.+)$", line)
        if item and module:
            result[module][item.group(1)] = item.group(2)
    return result


# -- the throw-away tree --------------------------------------------------------------------
def tree_files(root: Path) -> list[str]:
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=root,
                         check=True, capture_output=True).stdout.decode()
    return [f for f in out.split("\0") if f and (root / f).is_file()]


def copy_tree(root: Path, files: list[str]) -> Path:
    target = Path(tempfile.mkdtemp(prefix="mutate-"))
    for rel in files:
        dst = target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, dst)
    return target


def tree_hash(root: Path, files: list[str], extra: str) -> str:
    h = hashlib.sha256(extra.encode())
    for rel in sorted(files):
        if rel.endswith((".py", ".toml", ".json", ".sql")) and not rel.startswith("tools/"):
            h.update(rel.encode())
            h.update((root / rel).read_bytes())
    return h.hexdigest()[:16]


def _env(copy: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(copy), str(Path(__file__).resolve().parent)])
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTEST_ADDOPTS", None)
    return env


def _run(cmd: list[str], cwd: Path, timeout: float | None,
         extra_env: dict[str, str] | None = None) -> tuple[int | None, str]:
    """(exit code, output); None on timeout (the whole process group is killed)."""
    proc = subprocess.Popen(cmd, cwd=cwd, env={**_env(cwd), **(extra_env or {})},
                            stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        return proc.returncode, out.decode(errors="replace")
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None, ""
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        raise


class Worker:
    """A throw-away copy of the tree and its fork server (tools/mutate_server.py)."""

    def __init__(self, root: Path, files: list[str]) -> None:
        self.copy = copy_tree(root, files)
        self.server: subprocess.Popen | None = None

    def pytest(self, args: list[str], timeout: float) -> tuple[int | None, str]:
        """(exit code, output) of ``pytest args`` in the copy; None on timeout."""
        for attempt in (1, 2):
            if self.server is None or self.server.poll() is not None:
                self.server = subprocess.Popen(
                    [sys.executable, str(Path(__file__).resolve().parent / "mutate_server.py")],
                    cwd=self.copy, env=_env(self.copy), stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE, text=True)
            try:
                self.server.stdin.write(json.dumps({"args": args, "timeout": timeout}) + "\n")
                self.server.stdin.flush()
                line = self.server.stdout.readline()
            except BrokenPipeError:
                line = ""
            if line:
                answer = json.loads(line)
                return answer["code"], answer["output"]
            self.server.kill()
            self.server.wait()
            self.server.stdin.close()
            self.server.stdout.close()
        raise RuntimeError("the fork server of tools/mutate.py died twice")

    def close(self) -> None:
        if self.server is not None:
            self.server.stdin.close()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
            self.server.stdout.close()
        shutil.rmtree(self.copy, ignore_errors=True)


def trace(root: Path, copy: Path, modules: list[str], pool: list[str], files: list[str]) -> dict:
    """Run the test pool once under the line tracer (cached per tree content)."""
    cache = root / OUT_DIR / "trace" / f"{tree_hash(root, files, repr((modules, pool)))}.json"
    if cache.exists():
        return json.loads(cache.read_text())
    out = copy / ".mutate-trace.json"
    print(f"tracing the tests of {', '.join(modules)} once ({' '.join(pool)}) …", flush=True)
    started = time.monotonic()
    code, output = _run([sys.executable, "-m", "pytest", "-q", "-p", "mutate_trace",
                         "-p", "no:cacheprovider", *pool], copy, None,
                        {"MUTATE_TRACE_TARGETS": os.pathsep.join(str(copy / m) for m in modules),
                         "MUTATE_TRACE_OUT": str(out)})
    if code not in (0, 1) or not out.exists():
        sys.exit(f"the test pool did not run (exit {code}):\n{output[-3000:]}")
    data = json.loads(out.read_text())
    failed = [n for n, e in data.items() if e["outcome"] == "failed"]
    if failed:
        sys.exit("the tests fail without any mutant; fix them first:\n  " + "\n  ".join(failed))
    print(f"  {len(data)} tests in {time.monotonic() - started:.0f} s", flush=True)
    result = {"tests": {n: {"duration": e["duration"],
                            "lines": {str(Path(p).relative_to(copy)): ls
                                      for p, ls in e["lines"].items()}}
                        for n, e in data.items() if e["outcome"] == "passed"}}
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(result))
    return result


# -- a campaign -----------------------------------------------------------------------------
@dataclasses.dataclass
class Result:
    key: str
    status: str
    operator: str
    line: int
    seconds: float = 0.0
    tests: int = 0
    killer: str = ""
    diff: str = ""


def covering_tests(mutant: Mutant, module: str, traced: dict,
                   longest: float) -> list[tuple[float, str]]:
    """(traced seconds, node id) of the tests that execute the mutant's lines, fastest first."""
    lo, hi = mutant.lines
    chosen = []
    for nodeid, entry in traced["tests"].items():
        lines = entry["lines"].get(module)
        if not lines or entry["duration"] > longest:
            continue
        if not mutant.in_function or any(lo <= n <= hi for n in lines):
            chosen.append((entry["duration"], nodeid))
    return sorted(chosen)


def run_mutant(mutant: Mutant, module: str, source: bytes, tests: list[tuple[float, str]],
               workers: queue.Queue, args) -> Result:
    result = Result(mutant.key, SURVIVED, mutant.operator, mutant.lines[0],
                    diff=diff(source, mutant, module), tests=len(tests))
    if not tests:
        result.status = UNCOVERED
        return result
    worker = workers.get()
    target = worker.copy / module
    cached = list((target.parent / "__pycache__").glob(f"{target.stem}.*.pyc"))
    try:
        for pyc in cached:
            pyc.unlink()
        target.write_bytes(mutant.apply(source))
        timeout = args.timeout_base + args.timeout_factor * sum(d for d, _ in tests)
        started = time.monotonic()
        code, output = worker.pytest(["-x", "-q", "--no-header", "-rfE", "--tb=no",
                                      "-p", "no:cacheprovider", *[n for _, n in tests]], timeout)
        result.seconds = time.monotonic() - started
    finally:
        target.write_bytes(source)
        for pyc in (target.parent / "__pycache__").glob(f"{target.stem}.*.pyc"):
            pyc.unlink()
        workers.put(worker)
    if code is None:
        result.status = TIMEOUT
    elif code == 0:
        result.status = SURVIVED
    elif code not in (4, 5):  # 4: usage error, 5: no tests collected
        result.status = KILLED
        failed = re.search(r"^(?:FAILED|ERROR) (\S+)", output, re.M)
        last = output.strip().splitlines()[-1:]
        result.killer = failed.group(1) if failed else (last[0] if last else f"exit {code}")
    else:
        result.status = ERROR
        result.killer = output[-500:]
    return result


def baseline(module: str, traced: dict, workers: queue.Queue, args) -> None:
    """The module's tests pass on the unmutated copy, through the same runner as the mutants
    (else every mutant would look killed)."""
    tests = sorted((e["duration"], n) for n, e in traced["tests"].items()
                   if e["lines"].get(module) and e["duration"] <= args.longest_test)
    if not tests:
        return
    worker = workers.get()
    try:
        code, output = worker.pytest(["-q", "--no-header", "-rfE", "--tb=short",
                                      "-p", "no:cacheprovider", *[n for _, n in tests]],
                                     args.timeout_base + args.timeout_factor * sum(d for d, _ in tests))
    finally:
        workers.put(worker)
    if code != 0:
        sys.exit(f"{module}: its tests fail without any mutant (exit {code}):\n{output[-5000:]}")


def module_name(module: str) -> str:
    return module.removesuffix(".py").replace("/", ".")


def summarize(results: list[Result]) -> dict[str, int | float | None]:
    count = {s: sum(r.status == s for r in results) for s in (KILLED, TIMEOUT, SURVIVED, UNCOVERED,
                                                                ERROR)}
    noticed = count[KILLED] + count[TIMEOUT]
    total = noticed + count[SURVIVED] + count[UNCOVERED]
    count["rate"] = round(100 * noticed / total, 1) if total else None
    return count


def write_report(root: Path, module: str, source: bytes, results: list[Result], mutants_total: int,
                 equivalents: dict[str, str], stale: list[str], args) -> Path:
    summary = summarize(results)
    name = module_name(module)
    out = root / OUT_DIR
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps({
        "module": module, "source_sha": hashlib.sha256(source).hexdigest(),
        "mutants": mutants_total, "equivalent": len(equivalents), "sample": args.sample,
        "seed": args.seed, "summary": summary,
        "results": [dataclasses.asdict(r) for r in results]}, indent=1))
    lines = [f"# Mutation report: `{module}`", "",
             f"{mutants_total} mutants, {len(equivalents)} listed as equivalent in "
             f"{EQUIVALENTS_FILE}, {len(results)} run"
             + (f" (sample of {args.sample}, seed {args.seed})" if args.sample else "") + ".", "",
             "| killed | timeout | survived | uncovered | error | kill rate |",
             "|---|---|---|---|---|---|",
             f"| {summary[KILLED]} | {summary[TIMEOUT]} | {summary[SURVIVED]} | {summary[UNCOVERED]} "
             f"| {summary[ERROR]} | {summary['rate']} % |", ""]
    if stale:
        lines += ["## Stale entries in docs/mutation.md (no such mutant any more)", ""]
        lines += [f"- `{k}`" for k in stale] + [""]
    for status in (SURVIVED, UNCOVERED, ERROR):
        group = [r for r in results if r.status == status]
        if group:
            lines += [f"## {status.capitalize()} ({len(group)})", ""]
            for r in group:
                lines += [f"- `{r.key}` — line {r.line}, {r.operator}, {r.tests} tests", "",
                          "```diff", r.diff.rstrip("\n"), "```", ""]
                if status == ERROR:
                    lines += ["```", r.killer, "```", ""]
    path = out / f"{name}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def previous_results(root: Path, module: str, source: bytes) -> dict[str, dict] | None:
    path = root / OUT_DIR / f"{module_name(module)}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    if data.get("source_sha") != hashlib.sha256(source).hexdigest():
        # tests are added, not removed, while survivors are worked on: a test that killed a
        # mutant still kills the same change; mutants the module's edits created run anew
        print(f"  {module} changed since the last report: its kills of unchanged mutants are kept, "
              "new mutants run", flush=True)
    return {r["key"]: r for r in data["results"]}


def _previous_sample(root: Path, module: str) -> int:
    path = root / OUT_DIR / f"{module_name(module)}.json"
    return int(json.loads(path.read_text()).get("sample") or 0) if path.exists() else 0


def campaign(root: Path, snapshot: Path, module: str, traced: dict, workers: queue.Queue,
             args) -> dict:
    source = (snapshot / module).read_bytes()  # the tree as copied: later edits do not leak in
    mutants = find_mutants(source)
    listed = read_equivalents(root).get(module, {})
    keys = {m.key for m in mutants}
    stale = sorted(k for k in listed if k not in keys)
    equivalents = {k: v for k, v in listed.items() if k in keys}
    candidates = [m for m in mutants if m.key not in equivalents]
    if args.match:
        candidates = [m for m in candidates if re.search(args.match, m.key)]
    if args.sample and len(candidates) > args.sample:
        picked = set(random.Random(args.seed).sample(range(len(candidates)), args.sample))
        candidates = [m for i, m in enumerate(candidates) if i in picked]
    kept: list[Result] = []
    if args.survivors:
        before = previous_results(root, module, source)
        if before is not None:
            again = {k for k, r in before.items() if r["status"] in (SURVIVED, UNCOVERED, ERROR)}
            kept = [Result(**r) for k, r in before.items() if k not in again and k in keys
                    and k not in equivalents]
            # after a sample, the same sample again (its survivors); else every new mutant too
            sampled = _previous_sample(root, module)
            candidates = [m for m in mutants if (m.key in again or (not sampled and m.key not in before))
                          and m.key not in equivalents]
            if sampled:
                args = argparse.Namespace(**{**vars(args), "sample": sampled})  # for the report
    # every result is appended to a journal as it comes, so a stopped campaign can --resume
    journal = root / OUT_DIR / f"{module_name(module)}.partial.jsonl"
    sha = hashlib.sha256(source).hexdigest()
    if args.resume and journal.exists():
        lines = journal.read_text(encoding="utf-8").splitlines()
        if lines and json.loads(lines[0]).get("source_sha") == sha:
            earlier = {r["key"]: Result(**r) for r in map(json.loads, lines[1:])}
            kept += [r for k, r in earlier.items() if k in {m.key for m in candidates}]
            candidates = [m for m in candidates if m.key not in earlier]
    else:
        journal.parent.mkdir(parents=True, exist_ok=True)
        journal.write_text(json.dumps({"source_sha": sha}) + "\n", encoding="utf-8")
    print(f"{module}: {len(mutants)} mutants, {len(equivalents)} equivalent, running "
          f"{len(candidates)}" + (f" ({len(kept)} done before)" if kept else ""), flush=True)
    baseline(module, traced, workers, args)
    results: list[Result] = list(kept)
    lock = threading.Lock()
    done = 0

    def one(mutant: Mutant) -> Result:
        nonlocal done
        tests = covering_tests(mutant, module, traced, args.longest_test)
        result = run_mutant(mutant, module, source, tests, workers, args)
        with lock:
            done += 1
            print(f"  [{done}/{len(candidates)}] {result.status:9} {result.seconds:5.1f}s "
                  f"{result.key}", flush=True)
            with journal.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(dataclasses.asdict(result)) + "\n")
        return result

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results += list(pool.map(one, candidates))
    results.sort(key=lambda r: (r.line, r.key))
    report = write_report(root, module, source, results, len(mutants), equivalents, stale, args)
    journal.unlink()
    summary = summarize(results)
    print(f"{module}: killed {summary[KILLED]}, timeout {summary[TIMEOUT]}, survived "
          f"{summary[SURVIVED]}, uncovered {summary[UNCOVERED]}, error {summary[ERROR]} → "
          f"{summary['rate']} %  ({report.relative_to(root)})", flush=True)
    return {"module": module, **summary, "equivalent": len(equivalents)}


def pool_from_config(root: Path) -> list[str]:
    """pytest arguments of the test pool: ``[tool.mutate] tests`` less ``ignore``."""
    path = root / "pyproject.toml"
    config = tomllib.loads(path.read_text()).get("tool", {}).get("mutate", {}) if path.exists() else {}
    return list(config.get("tests", ["tests"])) + [f"--ignore={p}" for p in config.get("ignore", [])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="+", help="source files, e.g. servicedesk/services/sla.py")
    parser.add_argument("--tests", nargs="+", help="test pool (default: [tool.mutate] tests)")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--match", help="only mutants whose key matches this regular expression")
    parser.add_argument("--sample", type=int, default=0, help="run at most N mutants per module")
    parser.add_argument("--seed", type=int, default=20, help="seed of the sample (default 20)")
    parser.add_argument("--survivors", action="store_true",
                        help="re-run only what survived in the last report of each module")
    parser.add_argument("--resume", action="store_true",
                        help="keep the results of a stopped campaign on an unchanged module")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run in parallel (default 1)")
    parser.add_argument("--nice", type=int, default=10, help="lower the priority by this much")
    parser.add_argument("--longest-test", type=float, default=15.0,
                        help="leave out tests that took longer than this (seconds) when traced")
    parser.add_argument("--timeout-base", type=float, default=60.0,
                        help="seconds allowed per mutant on top of the factor (default 60)")
    parser.add_argument("--timeout-factor", type=float, default=4.0,
                        help="times the traced duration of the mutant's tests (default 4)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    modules = []
    for m in args.modules:
        path = Path(m).resolve()
        if not path.is_file():
            parser.error(f"no such file: {m}")
        modules.append(path.relative_to(root).as_posix())
    if args.list:
        for module in modules:
            source = (root / module).read_bytes()
            equivalents = read_equivalents(root).get(module, {})
            for m in find_mutants(source):
                mark = "  (equivalent)" if m.key in equivalents else ""
                print(f"{module}:{m.lines[0]}: {m.operator}: {m.key}{mark}")
        return 0
    if args.nice:
        os.nice(args.nice)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped (SIGTERM)"))  # copies removed
    files = tree_files(root)
    workers: queue.Queue = queue.Queue()
    made: list[Worker] = []
    try:
        for _ in range(max(1, args.jobs)):
            made.append(Worker(root, files))
            workers.put(made[-1])
        traced = trace(root, made[0].copy, modules, args.tests or pool_from_config(root), files)
        rows = [campaign(root, made[0].copy, module, traced, workers, args) for module in modules]
    finally:
        for worker in made:
            worker.close()
    if len(rows) > 1:
        print("\n| module | killed | timeout | survived | uncovered | equivalent | kill rate |")
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            print(f"| `{r['module']}` | {r[KILLED]} | {r[TIMEOUT]} | {r[SURVIVED]} | "
                  f"{r[UNCOVERED]} | {r['equivalent']} | {r['rate']} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
