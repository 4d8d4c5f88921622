"""The KB index built in the background when the app opens an outdated database, with its
progress in the status bar (R-KB-2, issue #18)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings

from servicedesk.models import Party, Priority, ServiceRequest
from servicedesk.search import index as search_index
from ui.appctx import AppContext
from ui.bus import EventBus
from ui.features.kb import KbIndexKeeper


def test_outdated_index_is_rebuilt_in_background_with_progress(qtbot, db, tmp_path):
    customer = Party.create(code="C1", name="Rossi")
    prio = Priority.get(Priority.code == "normal")
    for i in range(30):
        ServiceRequest.create(number=f"RS-{i:04d}", customer=customer, subject="Caldaia",
                              description="La caldaia perde acqua", priority=prio,
                              status="resolved", opened_at=dt.datetime(2026, 1, 5, 9),
                              final_report="Sostituita la valvola")
    db.execute_sql("UPDATE kb_index_state SET value = '' WHERE key = 'requests_format'")
    assert not search_index.index_status().requests_ok
    ctx = AppContext(db=db, bus=EventBus(), settings=QSettings(str(tmp_path / "s.ini"),
                                                                 QSettings.Format.IniFormat))
    messages: list[str] = []
    ctx.bus.status_message.connect(messages.append)
    keeper = KbIndexKeeper(ctx)
    keeper.PROGRESS_AFTER_S = 0.0  # show the percentage however quick the build is
    with qtbot.waitSignal(keeper.done, timeout=30_000):
        keeper.start()
    qtbot.waitUntil(lambda: "ready" in messages[-1], timeout=5_000)
    assert messages[0] == "Building the knowledge base search index…"
    assert any(m.endswith("100 %") for m in messages), messages
    assert search_index.index_status().ok
    assert db.execute_sql("SELECT count(*) FROM kb_request_fts").fetchone()[0] == 30
    keeper.worker.wait(5_000)
    # Tools › Rebuild runs on the worker too and says when it is done
    with qtbot.waitSignal(keeper.done, timeout=30_000):
        keeper.rebuild()
    qtbot.waitUntil(lambda: messages[-1] == "Knowledge base search index rebuilt.", timeout=5_000)
    assert db.execute_sql("SELECT count(*) FROM kb_request_fts").fetchone()[0] == 30
    keeper.worker.wait(5_000)
