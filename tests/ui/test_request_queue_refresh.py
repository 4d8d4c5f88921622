"""The queue asks a worker for its ids (stale answers dropped while typing) and refreshes only
what a committed change set touched (issue 13; R-REQ-2, R-X-5)."""
from __future__ import annotations

import threading

from servicedesk.models import Priority, ServiceRequest
from servicedesk.queries import request_form
from servicedesk.queries import requests as rq
from servicedesk.services import requests as svc
from ui.models.paged import IdPagedModel
from ui.models.request_queue_model import COL


def _queue(window):
    return window.docks["requestQueueDock"].widget()


def _all(queue):
    queue.status_combo.setCurrentIndex(queue.status_combo.findData("group:all"))
    assert queue.model.rowCount() == ServiceRequest.select().count()


def test_the_queue_model_is_the_shared_paged_model(window):
    assert isinstance(_queue(window).model, IdPagedModel)


def test_typing_runs_off_the_gui_thread_and_drops_stale_answers(window, qtbot, monkeypatch):
    queue = _queue(window)
    queue.worker.threaded = True  # as in the app (the test window answers inline)
    gate = threading.Event()
    asked, shown = [], []
    real = rq.queue_view

    def slow(spec, operator_id=None, now=None, **kw):
        asked.append(spec.text)
        if spec.text == "rossi":
            assert gate.wait(10)  # still answering "rossi" while the user typed on
        return real(spec, operator_id, now, **kw)

    monkeypatch.setattr(rq, "queue_view", slow)
    show = queue._show_view
    monkeypatch.setattr(queue, "_show_view", lambda view: (shown.append(view.spec.text), show(view)))
    queue.search.setText("rossi")
    queue.apply_filters()  # returns at once: the query waits on the worker
    qtbot.waitUntil(lambda: asked == ["rossi"], timeout=5000)
    assert queue.is_loading()
    queue.search.setText("zzqx-nothing")
    queue.apply_filters()
    gate.set()
    qtbot.waitUntil(lambda: not queue.is_loading(), timeout=10_000)
    queue.worker.wait()
    qtbot.wait(50)
    assert shown == ["zzqx-nothing"]  # the answer to "rossi" came late and was dropped
    assert queue.model.rowCount() == 0 and queue.model.spec.text == "zzqx-nothing"


def test_choosing_all_runs_on_the_worker(window, qtbot, monkeypatch):
    queue = _queue(window)
    queue.worker.threaded = True
    threads = []
    real = rq.queue_view

    def spy(spec, operator_id=None, now=None, **kw):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(spec, operator_id, now, **kw)

    monkeypatch.setattr(rq, "queue_view", spy)
    queue.status_combo.setCurrentIndex(queue.status_combo.findData("group:all"))
    qtbot.waitUntil(lambda: queue.model.rowCount() == ServiceRequest.select().count(),
                    timeout=10_000)
    assert threads == [False]


def test_an_edit_repaints_only_its_row_and_keeps_selection_and_scroll(window, qtbot):
    queue = _queue(window)
    _all(queue)
    model, view = queue.model, queue.view
    row = 40
    rid = model.id_at(row)
    queue.select_request(rid)
    view.verticalScrollBar().setValue(min(300, view.verticalScrollBar().maximum()))
    scroll = view.verticalScrollBar().value()
    resets, repainted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, *_: repainted.append((a.row(), b.row())))
    snap = request_form.snapshot(rid)
    data = snap.as_input()
    data.subject = "Oggetto cambiato altrove"
    assert window.ctx.ops.run(None, svc.save_request, rid, snap.version, data) is not None
    assert not resets and repainted == [(row, row)]
    assert model.record(row).subject == "Oggetto cambiato altrove"
    assert queue.selected_id() == rid and view.verticalScrollBar().value() == scroll


def test_a_new_request_requeries_the_ids_and_keeps_the_selection(window, qtbot):
    queue = _queue(window)
    _all(queue)
    rid = queue.model.id_at(10)
    queue.select_request(rid)
    before = queue.model.rowCount()
    first = ServiceRequest.get_by_id(rid)
    data = svc.RequestInput(customer_id=first.customer_id, description="Nuova richiesta zzqx",
                            priority_id=Priority.get(Priority.code == "normal").id)
    outcome = window.ctx.ops.run(None, svc.create_request, data)
    assert queue.model.rowCount() == before + 1 and outcome.result.id in queue.model.ids()
    assert queue.selected_id() == rid
    assert queue.open_btn.value == rq.counters(queue.model.now).open


def test_a_closed_request_leaves_the_open_queue(window, qtbot):
    queue = _queue(window)
    rid = queue.model.id_at(0)
    snap = request_form.snapshot(rid)
    assert window.ctx.ops.run(None, svc.set_status, rid, snap.version, "cancelled") is not None
    assert rid not in queue.model.ids()
    assert queue.model.index(0, COL["customer"]).data()


def test_the_first_screen_comes_with_the_ids_no_query_on_the_gui_thread(window, qtbot,
                                                                          monkeypatch):
    queue = _queue(window)
    queue.worker.threaded = True  # as in the app
    on_gui_thread = []
    real = rq.rows_for

    def spy(ids, lang="en"):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(ids, lang)

    monkeypatch.setattr(rq, "rows_for", spy)
    queue.status_combo.setCurrentIndex(queue.status_combo.findData("group:all"))
    qtbot.waitUntil(lambda: not queue.is_loading() and queue.model.rowCount() > 0, timeout=10_000)
    qtbot.wait(50)
    first = [queue.model.data(queue.model.index(r, COL["number"]))
             for r in range(min(queue.model.rowCount(), queue.model.page_size))]
    assert all(first) and on_gui_thread == [False]  # read once, by the worker
    expected = real(queue.model.ids()[:5], "en")
    assert first[:5] == [expected[i].number for i in queue.model.ids()[:5]]


def test_the_first_load_gives_missing_sla_keys_to_requests_written_elsewhere(qtbot, demo_db):
    """Requests imported or generated outside the request services get their SLA keys from
    the queue's first load, on its worker, before it reads the list (R-REQ-2, #18)."""
    from PySide6.QtWidgets import QApplication

    from servicedesk.services import sla
    from ui import i18n
    from ui.app import build_window

    marks = ",".join("?" * len(sla.OPEN_STATUSES))
    missing = ("SELECT count(*) FROM service_request WHERE status IN (" + marks + ") "
               "AND sla_due IS NULL AND paused_since IS NULL AND resolution_due IS NOT NULL")
    demo_db.execute_sql("UPDATE service_request SET sla_due = NULL, sla_risk_at = NULL WHERE id IN "
                        "(SELECT id FROM service_request WHERE status IN (" + marks + ") "
                        "AND paused_since IS NULL AND resolution_due IS NOT NULL LIMIT 5)",
                        sla.OPEN_STATUSES)
    assert demo_db.execute_sql(missing, sla.OPEN_STATUSES).fetchone()[0] == 5
    i18n.install(QApplication.instance(), "en")
    win = build_window(demo_db, lang="en", screenshot=True)
    qtbot.addWidget(win)
    queue = _queue(win)
    qtbot.waitUntil(lambda: queue.model.rowCount() > 0 and not queue.is_loading())
    assert demo_db.execute_sql(missing, sla.OPEN_STATUSES).fetchone()[0] == 0
    assert queue._fill_keys is False  # once a session: later loads only read
