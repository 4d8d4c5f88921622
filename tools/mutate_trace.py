"""pytest plugin for tools/mutate.py: which lines of the target modules each test executes.

Loaded with ``-p mutate_trace`` (tools/ on PYTHONPATH) in the throw-away copy of the tree.
``MUTATE_TRACE_TARGETS`` lists absolute file paths (os.pathsep-separated); the plugin writes
``{nodeid: {"outcome", "duration", "lines": {path: [line, …]}}}`` as JSON to ``MUTATE_TRACE_OUT``.
Only frames of the target files get a local tracer, so the rest of the suite runs at near
full speed; threads started by a test are traced too.
"""
from __future__ import annotations

import json
import os
import sys
import threading
import time

import pytest

_TARGETS = frozenset(p for p in os.environ.get("MUTATE_TRACE_TARGETS", "").split(os.pathsep) if p)
_RESULTS: dict[str, dict] = {}
_current: dict[str, set[int]] = {}


def _local(frame, event, arg):
    if event == "line":
        _current.setdefault(frame.f_code.co_filename, set()).add(frame.f_lineno)
    return _local


def _global(frame, event, arg):
    name = frame.f_code.co_filename
    if name in _TARGETS:
        _current.setdefault(name, set()).add(frame.f_lineno)
        return _local
    return None


def _clear_caches() -> None:
    """Empty the lru caches of the target modules, so that each test records the lines it would
    run on its own (a cache filled by an earlier test would hide them, and that test would not
    be chosen for a mutant there)."""
    for module in list(sys.modules.values()):
        if getattr(module, "__file__", None) not in _TARGETS:
            continue
        for value in list(vars(module).values()):
            owners = [value] + (list(vars(value).values()) if isinstance(value, type) else [])
            for obj in owners:
                obj = getattr(obj, "fget", obj)  # a cached property's function
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _current.clear()
    _clear_caches()
    started = time.perf_counter()
    sys.settrace(_global)
    threading.settrace(_global)
    try:
        yield
    finally:
        sys.settrace(None)
        threading.settrace(None)  # type: ignore[arg-type]
    entry = _RESULTS.setdefault(item.nodeid, {"outcome": "passed"})
    entry["duration"] = time.perf_counter() - started
    entry["lines"] = {path: sorted(lines) for path, lines in _current.items()}


def pytest_runtest_logreport(report):
    entry = _RESULTS.setdefault(report.nodeid, {"outcome": "passed"})
    if report.failed:
        entry["outcome"] = "failed"
    elif report.skipped and entry["outcome"] == "passed" and report.when != "teardown":
        entry["outcome"] = "skipped"


def pytest_sessionfinish(session, exitstatus):
    out = os.environ.get("MUTATE_TRACE_OUT")
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(_RESULTS, fh)
