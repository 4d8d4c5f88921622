"""Pages made in their tab (``Workspace.open(..., in_place=True)``): under the app's style sheet
a finished widget tree moved into a parent is restyled, so the request editor is built where it
stays (issue 13: opening a request must not block the GUI over 100 ms)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from servicedesk.models import ServiceRequest
from ui.editors.request import RequestEditor
from ui.features.requests import new_request
from ui.workspace import Workspace


def test_a_page_made_in_place_is_built_inside_its_tab_and_never_moved(qtbot):
    ws = Workspace()
    qtbot.addWidget(ws)
    ws.open("pinned", "Pinned", lambda: QLabel("first"), pinned=True)
    made_in = []

    def factory(parent):
        made_in.append(parent)
        assert ws.isAncestorOf(parent)  # the tab is in the workspace before the page is made
        return QLabel("page", parent)

    page = ws.open("k", "Key", factory, in_place=True)
    assert page.parentWidget() is made_in[0]  # still where it was made
    assert ws.currentWidget() is page and ws.widget_for("k") is page
    assert ws.tabText(ws.indexOf(page)) == "Key" and page.property("workspace_key") == "k"
    assert ws.open("k", "Key", factory, in_place=True) is page and len(made_in) == 1
    ws.tabCloseRequested.emit(ws.indexOf(page))
    assert ws.widget_for("k") is None and ws.count() == 1


def test_the_first_page_made_in_place_is_announced_once_it_is_in_its_tab(qtbot):
    ws = Workspace()
    qtbot.addWidget(ws)
    seen = []
    ws.currentChanged.connect(lambda _i: seen.append(ws.currentWidget()))
    page = ws.open("k", "Key", lambda parent: QLabel("page", parent), in_place=True)
    assert seen == [page]  # never "an empty tab is current"


def test_a_page_that_fails_to_build_leaves_no_tab(qtbot):
    ws = Workspace()
    qtbot.addWidget(ws)
    ws.open("pinned", "Pinned", lambda: QLabel("first"), pinned=True)

    def broken(parent):
        raise RuntimeError("no page")

    with pytest.raises(RuntimeError):
        ws.open("k", "Key", broken, in_place=True)
    assert ws.count() == 1 and ws.widget_for("k") is None


def test_a_request_editor_is_made_in_its_tab(window, monkeypatch):
    parents = []
    real = RequestEditor.__init__

    def spy(self, **kw):
        parents.append(kw.get("parent"))
        real(self, **kw)

    monkeypatch.setattr(RequestEditor, "__init__", spy)
    r = ServiceRequest.select().first()
    window.ctx.bus.open_request.emit(r.id)
    editor = window.workspace.currentWidget()
    assert isinstance(editor, RequestEditor) and editor.request_id == r.id
    assert parents[0] is not None and window.workspace.isAncestorOf(parents[0])
    assert editor.parentWidget() is parents[0]
    assert editor.header.title.text() == r.number  # the tab's title, read once
    fresh = new_request(window)  # a new request too
    assert parents[1] is not None and fresh.parentWidget() is parents[1]
    assert window.workspace.currentWidget() is fresh and fresh.request_id is None
