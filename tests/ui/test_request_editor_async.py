"""The request editor shows at once and reads the request, the history and its panels off the
GUI thread; it writes through the op runner with the version it read (issue 13; R-REQ-1,
R-REQ-5, R-X-1)."""
from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox

from servicedesk.models import AuditLog, RequestEvent, ServiceRequest
from servicedesk.queries import request_form
from servicedesk.services import requests as svc
from ui.editors.request import RequestEditor
from ui.editors.request.panels import PanelSlot


def _open(window, request_id: int) -> RequestEditor:
    window.ctx.bus.open_request.emit(request_id)
    editor = window.workspace.currentWidget()
    assert isinstance(editor, RequestEditor)
    return editor


def test_the_editor_shows_at_once_and_fills_when_the_worker_answers(window, qtbot, monkeypatch):
    window.ctx.screenshot_mode = False  # as in the app: editors read on a worker
    gate = threading.Event()
    threads = []
    real = request_form.request_view

    def slow(request_id, lang="en"):
        threads.append(threading.current_thread() is threading.main_thread())
        assert gate.wait(10)
        return real(request_id, lang)

    monkeypatch.setattr(request_form, "request_view", slow)
    r = ServiceRequest.select().where(ServiceRequest.status == "in_progress").first()
    editor = _open(window, r.id)  # returns while the request is still being read
    assert editor.is_loading() and editor.snapshot is None
    assert not editor.form.isEnabled() and not editor.save_btn.isEnabled()
    assert editor.header.title.text() == r.number
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        gate.set()
    assert threads == [False]
    assert editor.snapshot.version == r.version and editor.form.isEnabled()
    assert editor.form.description.toPlainText() == r.description
    assert editor.form.customer.edit.text() == r.customer.name
    assert "In progress" in editor.header.status_label.text()
    assert "Request opened" in editor.timeline.browser.toPlainText()
    assert not editor.is_dirty()


def test_panels_are_built_when_shown_and_read_on_the_worker(window, qtbot, monkeypatch):
    r = ServiceRequest.select().where(ServiceRequest.status == "new").first()
    snap = request_form.snapshot(r.id)
    data = snap.as_input()
    data.subject = "Cambiato per la traccia delle modifiche"
    svc.save_request(r.id, snap.version, data)
    assert AuditLog.select().where(AuditLog.table_name == "service_request",
                                   AuditLog.record_id == r.id).exists()
    editor = _open(window, r.id)
    slots = {s.panel.key: s for s in editor.tabs.slots}
    assert {"interventions", "worklog", "kb", "audit"} <= set(slots)
    assert all(s.widget_ is None for s in slots.values())  # nothing read for hidden tabs
    window.ctx.screenshot_mode = False
    editor.worker.threaded = True
    main = []
    from ui.widgets import audit_view

    real = audit_view.read
    monkeypatch.setattr(audit_view, "read", lambda t, i: (
        main.append(threading.current_thread() is threading.main_thread()), real(t, i))[1])
    editor.tabs.setCurrentWidget(slots["audit"])
    panel = slots["audit"].widget_
    assert isinstance(slots["audit"], PanelSlot) and panel is not None
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    assert main == [False] and panel.record_id == r.id
    assert slots["worklog"].widget_ is None


def test_saving_sends_the_version_read_and_keeps_the_next_one(window, qtbot):
    r = ServiceRequest.select().where(ServiceRequest.status == "assigned").first()
    editor = _open(window, r.id)
    version = editor.snapshot.version
    editor.form.subject.setText("Prima modifica")
    assert editor.save()
    assert editor.snapshot.version == version + 1 and not editor.is_dirty()
    editor.form.subject.setText("Seconda modifica")  # saved again at once: no false conflict
    assert editor.save()
    stored = ServiceRequest.get_by_id(r.id)
    assert stored.subject == "Seconda modifica" and stored.version == version + 2


def test_a_change_made_elsewhere_reloads_an_untouched_editor(window, qtbot):
    r = ServiceRequest.select().where(ServiceRequest.status == "new").first()
    editor = _open(window, r.id)
    snap = request_form.snapshot(r.id)
    data = snap.as_input()
    data.description = "Cambiata dal collega nella coda"
    assert window.ctx.ops.run(None, svc.save_request, r.id, snap.version, data) is not None
    assert editor.form.description.toPlainText() == "Cambiata dal collega nella coda"
    assert editor.snapshot.version == snap.version + 1


def test_a_change_made_elsewhere_keeps_what_the_user_is_typing(window, qtbot, monkeypatch):
    r = ServiceRequest.select().where(ServiceRequest.status == "new").first()
    editor = _open(window, r.id)
    editor.form.subject.setText("Sto scrivendo")
    svc.add_note(r.id, "Nota di un collega")  # the history moves on
    assert "Nota di un collega" in editor.timeline.browser.toPlainText()
    snap = request_form.snapshot(r.id)
    data = snap.as_input()
    data.description = "Cambiata altrove"
    svc.save_request(r.id, snap.version, data)
    assert editor.form.subject.text() == "Sto scrivendo"  # not thrown away
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert not editor.save()  # the other change is not overwritten: the op runner says so
    assert shown and "Description: Cambiata altrove" in shown[0]
    assert ServiceRequest.get_by_id(r.id).description == "Cambiata altrove"
    assert editor.form.description.toPlainText() == "Cambiata altrove"  # reloaded


def test_a_deleted_request_says_so(window, qtbot):
    r = ServiceRequest.select().where(ServiceRequest.status == "new").first()
    editor = _open(window, r.id)
    from servicedesk.models import RequestUnit

    RequestEvent.delete().where(RequestEvent.request == r.id).execute()
    RequestUnit.delete().where(RequestUnit.request == r.id).execute()
    ServiceRequest.delete().where(ServiceRequest.id == r.id).execute()
    window.ctx.bus.changes.emit(_deleted(r.id))
    assert editor.missing and not editor.save_btn.isEnabled()
    assert "no longer exists" in editor.header.sla_label.text()
    assert not editor.save()


def _deleted(request_id: int):
    from servicedesk.uow import DELETED, Change, ChangeSet

    return ChangeSet([Change("service_request", request_id, None, DELETED)])
