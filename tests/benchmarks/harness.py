"""Benchmark plumbing: the cached large demo database, timing, and the result record.

A benchmark module is ``tests/benchmarks/bench_<area>.py`` with ``def benchmarks(env) ->
list[Bench]``. Benchmarks that write must not change the cached database: run the work inside
``env.rolled_back()`` (a transaction rolled back afterwards) or on ``env.scratch_copy()``.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import shutil
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass
class Bench:
    id: str
    run: Callable[[], object]  # one iteration of the measured work
    target: str  # the target, as text ("p95 <= 10 ms")
    target_p95_ms: float | None = None  # checked against p95 (or median when target_on="median")
    target_on: str = "p95"
    limit: Callable[[], object] | None = None  # the same work with raw sqlite3/openpyxl/bare Qt
    ratio_max: float | None = None
    repeat: int = 30
    warmup: int = 2
    setup: Callable[[], object] | None = None
    note: str = ""
    fixed_ms: float | None = None  # a figure measured elsewhere (e.g. the build of the DB)
    times_ms: list[float] = field(default_factory=list)
    limit_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # CPU time of each timed run
    limit_cpu_ms: list[float] = field(default_factory=list)


def cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of the child processes it waited for.

    On a machine shared with others the wall time of a run grows with the load (8 busy
    processes on 2 cores: about 4×) while its CPU time hardly moves: the CPU figure is what
    the wall figure would be on a quiet machine, for work that does not wait on the disk."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(fn: Callable[[], object], repeat: int, warmup: int,
            cpu: list[float] | None = None) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        c0 = cpu_seconds()
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
        if cpu is not None:
            cpu.append((cpu_seconds() - c0) * 1000)
    return out


def measure_pair(fn: Callable[[], object], limit: Callable[[], object], repeat: int,
                 warmup: int, cpu: list[float] | None = None,
                 limit_cpu: list[float] | None = None) -> tuple[list[float], list[float]]:
    """``fn`` and its limit measured in turns (fn, limit, fn, limit …): on a machine shared
    with others the load changes by the minute, and a ratio of two series taken minutes apart
    measures the load more than the code."""
    for _ in range(warmup):
        fn()
        limit()
    times, limits = [], []
    for _ in range(repeat):
        c0 = cpu_seconds()
        t0 = time.perf_counter()
        fn()
        t1 = time.perf_counter()
        c1 = cpu_seconds()
        limit()
        t2 = time.perf_counter()
        c2 = cpu_seconds()
        times.append((t1 - t0) * 1000)
        limits.append((t2 - t1) * 1000)
        if cpu is not None:
            cpu.append((c1 - c0) * 1000)
        if limit_cpu is not None:
            limit_cpu.append((c2 - c1) * 1000)
    return times, limits


def p95(values: list[float]) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _generator_inputs(core: Path) -> list[Path]:
    """The demo package and the services and search modules it imports, directly or through
    them (the rules it follows, the indexes it builds), found from the import statements: a
    change in any of them may change the generated data. Plumbing (db, uow …) is left out."""
    import ast

    packages = {core / "demo", core / "services", core / "search"}
    todo = sorted((core / "demo").glob("*.py"))
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level == 0:
                continue
            base = path.parent
            for _ in range(node.level - 1):
                base = base.parent
            parts = (node.module or "").split(".") if node.module else []
            target = base.joinpath(*parts)
            names = [target / f"{a.name}.py" for a in node.names]
            for candidate in (target.with_suffix(".py"), target / "__init__.py", *names):
                if candidate.exists() and candidate.parent in packages:
                    todo.append(candidate)
    return sorted(seen)


def source_digest() -> str:
    """Changes when the demo generator, the rules it follows or the schema change: the cache
    is rebuilt then."""
    h = hashlib.sha256()
    core = ROOT / "servicedesk"
    files = [*_generator_inputs(core), *sorted((core / "search").glob("*.py")),
             *sorted((core / "models").glob("*.py")),
             *sorted((core / "migrations").glob("m*")),
             *sorted((ROOT / "resources" / "data").glob("*.json"))]
    for path in dict.fromkeys(files):
        if path.exists():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def captured_sql(db, fn: Callable[[], object]) -> list[tuple[str, list]]:
    """The statements ``fn`` runs through ``db.execute_sql`` (peewee queries and raw SQL)."""
    seen: list[tuple[str, list]] = []
    original = db.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        seen.append((sql, list(params or ())))
        return original(sql, params, *args, **kwargs)

    db.execute_sql = spy
    try:
        fn()
    finally:
        del db.execute_sql  # back to the class's method
    return seen


def replay(path: Path | None, statements: list[tuple[str, list]]) -> Callable[[], None] | None:
    """The same statements on a bare sqlite3 connection: the limit of a query benchmark. No
    file (the PostgreSQL run hands the modules an env without one): no limit — ``sqlite3``
    would otherwise create an empty file named "None" in the working folder."""
    if path is None:
        return None
    import datetime as dt
    import sqlite3

    def plain(value):
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    con = sqlite3.connect(str(path))
    prepared = [(sql, [plain(p) for p in params]) for sql, params in statements]

    def run() -> None:
        for sql, params in prepared:
            con.execute(sql, params).fetchall()
    return run


class Env:
    """The opened large demo database and helpers shared by benchmark modules."""

    def __init__(self, path: Path, db) -> None:
        self.path = path
        self.db = db

    @contextlib.contextmanager
    def rolled_back(self) -> Iterator[None]:
        with self.db.atomic() as txn:
            yield
            txn.rollback()

    def scratch_copy(self, name: str = "scratch.db") -> Path:
        target = CACHE / name
        shutil.copy(self.path, target)
        return target


def large_db(rebuild: bool = False) -> tuple[Path, float | None]:
    """Path of the cached large database and the seconds it took to write (when built now
    or recorded when it was built)."""
    CACHE.mkdir(exist_ok=True)
    import fcntl

    lock = open(CACHE / "large.lock", "w")  # several benchmark runs may start at once
    fcntl.flock(lock, fcntl.LOCK_EX)
    path = CACHE / "large.db"
    meta_path = CACHE / "large.json"
    digest = source_digest()
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    if rebuild or not path.exists() or meta.get("digest") != digest:
        from servicedesk.demo import generate

        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        t0, c0 = time.perf_counter(), cpu_seconds()
        generate(path, "large")
        seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        from servicedesk.db import close_database

        close_database()
        meta = {"digest": digest, "seconds": seconds, "cpu_seconds": cpu,
                "load": os.getloadavg()[0]}
        meta_path.write_text(json.dumps(meta))
    return path, meta.get("seconds")


def installed_env() -> dict:
    """The environment of a child process that runs the app as installed on a workstation:
    every module's bytecode compiled (the installer ships it), so an import on a worker reads a
    .pyc instead of compiling source, which holds the interpreter lock for the whole compile
    and would stall the window for reasons no user sees. This machine's environment sets
    PYTHONDONTWRITEBYTECODE; the child may write what is still missing."""
    import compileall
    import site
    import sysconfig

    folders = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
               *site.getsitepackages(), str(ROOT / "servicedesk"), str(ROOT / "ui")}
    for folder in sorted(folders):
        if Path(folder).is_dir():
            compileall.compile_dir(folder, quiet=2, workers=0)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def evict_from_page_cache(path: Path) -> None:
    """Make ``path`` (and its -wal) cold: its pages leave the operating system's page cache, as
    for a database not read since boot (posix_fadvise DONTNEED drops clean cached pages of a file
    without root; dropping the whole cache would need root). Python, Qt and the app's own files
    stay warm: a workstation that started the app before."""
    for target in (Path(path), Path(f"{path}-wal")):
        if not target.exists():
            continue
        fd = os.open(target, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def build_figures() -> dict:
    """What was recorded when the cached database was built (seconds, CPU seconds, load)."""
    meta_path = CACHE / "large.json"
    return json.loads(meta_path.read_text()) if meta_path.exists() else {}
