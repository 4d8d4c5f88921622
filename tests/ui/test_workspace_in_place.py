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


@pytest.mark.parametrize("size, mode", [((1700, 1100), "side"), ((1200, 700), "tabs")])
def test_a_request_editor_is_laid_out_for_its_room_as_it_is_made(window, qtbot, monkeypatch,
                                                                  size, mode):
    """Turning a shown editor over (or moving its form into a tab) costs as much as making it:
    the editor is made in the layout the tab's room calls for, and keeps it when shown."""
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    made = []
    real = RequestEditor._build

    def spy(self):
        real(self)
        made.append((self._mode, self.form.parentWidget()))

    monkeypatch.setattr(RequestEditor, "_build", spy)
    window.ctx.bus.open_request.emit(ServiceRequest.select().first().id)
    editor = window.workspace.currentWidget()
    qtbot.waitUntil(lambda: editor.isVisible() and editor.snapshot is not None)
    assert made[0][0] == mode and editor._mode == mode  # no second layout once shown
    assert editor.form.parentWidget() is made[0][1]  # the form was never moved
    if mode == "tabs":
        assert editor.tabs.widget(0) is editor.form and editor.tabs.currentWidget() is editor.form
        assert editor.tabs.widget(1) is editor.timeline
    else:
        assert editor.tabs.widget(0) is editor.timeline and editor.form.isVisible()
    window.resize(1700, 1100) if mode == "tabs" else window.resize(1200, 700)
    qtbot.waitUntil(lambda: editor._mode != mode)  # a later resize still moves it
    assert editor.form.isVisible()
