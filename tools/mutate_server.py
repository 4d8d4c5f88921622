"""Fork server for tools/mutate.py: pytest runs of mutants without paying the start-up each time.

Started in the throw-away copy of the tree. It imports pytest, its plugins and the third-party
libraries once (about half of the CPU time of a short pytest run), never the project's own
packages, then forks one child per request: the child imports the project from the copy — with
the mutant on disk — and runs ``pytest.main``. One JSON line per request on stdin
(``{"args": [...], "timeout": seconds}``), one JSON line per answer on stdout
(``{"code": exit code or null on timeout, "output": text}``).
"""
from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import time
import traceback

import importlib

import pytest

# Third-party libraries only: the project is imported by each child, and pytest plugins must
# stay unimported (pytest rewrites their asserts on import and warns when it cannot).
for _name in ("peewee", "openpyxl", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"):
    try:
        importlib.import_module(_name)
    except ImportError:
        pass


def run(args: list[str], timeout: float) -> dict:
    with tempfile.TemporaryFile() as out:
        pid = os.fork()
        if pid == 0:  # the child: its own process group, so a timeout kills what it started
            code = 3
            try:
                os.setsid()
                os.dup2(out.fileno(), 1)
                os.dup2(out.fileno(), 2)
                code = int(pytest.main(args))
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        deadline = time.monotonic() + timeout
        code: int | None = None
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                try:
                    os.killpg(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                os.waitpid(pid, 0)
                break
            time.sleep(0.02)
        out.seek(0)
        return {"code": code, "output": out.read().decode(errors="replace")[-20000:]}


def main() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        answer = run(request["args"], request["timeout"])
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
