"""Background statements call the give-way hook; the main thread's never do (#13)."""
from __future__ import annotations

import threading

from servicedesk import give_way


def test_a_statement_off_the_main_thread_calls_the_hook_first(db):
    calls: list[str] = []
    give_way.set_hook(lambda: calls.append(threading.current_thread().name))
    try:
        db.execute_sql("SELECT 1")
        assert calls == []  # the main thread (the GUI's) never waits for itself

        def work() -> None:
            db.execute_sql("SELECT 1")
            db.close()

        worker = threading.Thread(target=work, name="worker")
        worker.start()
        worker.join()
        assert calls == ["worker"]
    finally:
        give_way.set_hook(None)
    worker = threading.Thread(target=lambda: (db.execute_sql("SELECT 1"), db.close()))
    worker.start()
    worker.join()
    assert calls == ["worker"]  # no hook: nothing
