"""Foundation benchmarks: ``startup`` (process start → main window shown with the queue's first
page), ``startup_cold`` (the same with the database file out of the page cache) and
``demo_large``."""
from __future__ import annotations

import os
import subprocess
import sys

from harness import Bench, build_figures, evict_from_page_cache

BARE_QT = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "w = QMainWindow(); w.resize(1600, 1000); w.show(); app.processEvents()\n"
)


def _env() -> dict:
    # As installed on a workstation: bytecode cached (the warm-up run writes it).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def benchmarks(env) -> list[Bench]:
    def startup() -> None:
        subprocess.run([sys.executable, "-m", "ui.app", "--db", str(env.path), "--lang", "it",
                        "--exit-when-shown"], check=True, env=_env(), capture_output=True)

    def bare() -> None:
        subprocess.run([sys.executable, "-c", BARE_QT], check=True, env=_env(),
                       capture_output=True)

    def startup_cold() -> None:
        evict_from_page_cache(env.path)
        startup()

    out = [Bench("startup", startup, "≤ 2× a bare PySide6 QMainWindow shown", limit=bare,
                 ratio_max=2.0, repeat=7, warmup=1),
           Bench("startup_cold", startup_cold, "≤ 2× a bare PySide6 QMainWindow shown",
                 limit=bare, ratio_max=2.0, repeat=5, warmup=1,
                 note="the database file evicted from the page cache before each start")]
    seconds = getattr(env, "build_seconds", None)
    if seconds is not None:
        built = build_figures()
        cpu = built.get("cpu_seconds")
        out.append(Bench("demo_large", lambda: None, "≤ 90 s", target_p95_ms=90_000,
                         fixed_ms=seconds * 1000, cpu_ms=[cpu * 1000] if cpu else [],
                         note="measured when the cached DB was built"
                              + (f" (load {built['load']:.1f})" if "load" in built else "")))
    return out
