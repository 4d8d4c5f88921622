"""The overview tab (#13): figures counted on a worker, refreshed by change sets."""
from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QSettings

from servicedesk.models import Party, Priority, ServiceRequest
from ui.appctx import AppContext
from ui.bus import EventBus


def test_figures_are_counted_on_a_worker_and_follow_writes(qtbot, db, tmp_path, monkeypatch):
    from servicedesk.queries import overview as queries
    from ui.features import overview as mod

    threads = []
    real = queries.overview

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "overview", spy)
    ctx = AppContext(db=db, bus=EventBus(), settings=QSettings(str(tmp_path / "s.ini"),
                                                                 QSettings.Format.IniFormat))
    told = []
    ctx.bus.status_message.connect(told.append)
    page = mod.OverviewPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(threads) and not page.worker.is_running("figures"), timeout=30_000)
    assert told == [] and page.cards["open"].value.text() == "0"
    assert threads == [False]  # never on the GUI thread
    customer = Party.create(code="C1", name="Rossi")
    normal = Priority.get(Priority.code == "normal")
    for i in range(3):  # each create is a unit of work of its own: three change sets, one refresh
        ServiceRequest.create(number=f"RS-{i}", customer=customer, subject="Caldaia",
                              priority=normal, status="new", opened_at=dt.datetime.now())
    qtbot.waitUntil(lambda: page.cards["open"].value.text() == "3", timeout=30_000)
    assert page.cards["unassigned"].value.text() == "3"
    assert len(threads) == 2  # the burst of writes was counted once
    qtbot.waitUntil(lambda: page.chart._plot is not None, timeout=5000)  # the weekly chart
