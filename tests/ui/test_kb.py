"""KB dock, article editor and request suggestions panel driven like a user (R-KB-1, R-KB-2, R-REQ-4)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from servicedesk.models import (KbApplication, KbArticle, Party, Priority, Product, RequestUnit,
                                ServiceRequest, Unit)
from servicedesk.search.index import index_request
from servicedesk.services import kb


@pytest.fixture
def kbwin(qtbot, db):
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import build_window

    i18n.install(QApplication.instance(), "en")
    kb.create_article(kb.ArticleData(title="Caldaia in blocco E01", product_family="Caldaie",
                                     symptoms="Il bruciatore non si accende, niente fiamma.",
                                     solution="Pulire l'elettrodo di accensione."))
    kb.create_article(kb.ArticleData(title="Stampante inceppata", product_family="Stampanti",
                                     symptoms="Carta inceppata nel cassetto.",
                                     solution="Pulire i rulli."))
    win = build_window(db, lang="en", screenshot=True)
    qtbot.addWidget(win)
    return win


def test_dock_search_as_you_type_with_highlight(qtbot, kbwin):
    from PySide6.QtCore import Qt as _Qt

    dock = kbwin.docks["kbSearchDock"]
    assert kbwin.dockWidgetArea(dock) == _Qt.DockWidgetArea.RightDockWidgetArea
    panel = dock.widget()
    assert panel.results.count() == 2  # no text: the newest articles
    qtbot.keyClicks(panel.search_edit, "bruciatori fiam")  # other form + prefix while typing
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=2000)
    label = panel.results.itemWidget(panel.results.item(0))
    assert "bruciatore" in label.text() and "background" in label.text()
    assert "best matches" in panel.count_label.text()
    panel.type_combo.setCurrentIndex(panel.type_combo.findText("Software error"))
    assert panel.results.count() == 0
    assert "No article matches" in panel.count_label.text()


def test_dock_family_filter_and_archive_restore(qtbot, kbwin):
    panel = kbwin.docks["kbSearchDock"].widget()
    panel.family_combo.setCurrentIndex(panel.family_combo.findData("Stampanti"))
    assert panel.results.count() == 1
    aid = panel.current_id()
    panel.archive_selected()
    assert KbArticle.get_by_id(aid).archived
    assert panel.results.count() == 0
    panel.archived_check.setChecked(True)
    assert panel.results.count() == 1 and panel.archive_button.text() == "Restore"
    panel.archive_selected()
    assert not KbArticle.get_by_id(aid).archived


def test_editor_create_validation_and_conflict(qtbot, kbwin, monkeypatch):
    from ui.dialogs import kb_article_editor as mod

    shown = []
    monkeypatch.setattr(mod, "show_error", lambda parent, err: shown.append(err))
    editor = mod.KbArticleEditor(ctx=kbwin.ctx)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.symptoms_edit, "Lo split gocciola")
    assert not editor.save()  # title and solution missing
    assert {e.field for e in shown[0].errors} == {"title", "solution"}
    assert editor.symptoms_edit.toPlainText() == "Lo split gocciola"  # nothing lost
    qtbot.keyClicks(editor.title_edit, "Split perde acqua")
    qtbot.keyClicks(editor.solution_edit, "Pulire lo scarico condensa")
    assert editor.save()
    art = KbArticle.get_by_id(editor.article_id)
    assert art.title == "Split perde acqua"
    # another workstation edits the same article meanwhile, while this one is being edited
    editor.title_edit.setText("Mia modifica")
    kbwin.ctx.db.execute_sql("UPDATE kb_article SET title = 'Cambiato altrove', "
                             "version = version + 1 WHERE id = ?", (art.id,))
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    assert not editor.save()
    assert "changed this record" in told[0] and "Cambiato altrove" in told[0]  # what changed
    assert editor.title_edit.text() == "Cambiato altrove"  # shown as it is now
    assert KbArticle.get_by_id(art.id).title == "Cambiato altrove"  # theirs kept
    editor.title_edit.setText("Mia modifica")  # applied once more: saved
    assert editor.save() and KbArticle.get_by_id(art.id).title == "Mia modifica"
    # an edit made elsewhere while nothing is typed here shows at once (change sets)
    kb.update_article(art.id, KbArticle.get_by_id(art.id).version,
                      kb.ArticleData(title="Titolo nuovo", solution="y"))
    assert editor.title_edit.text() == "Titolo nuovo" and editor.solution_edit.toPlainText() == "y"
    # archive and restore from the editor through the op runner
    monkeypatch.setattr(editor, "confirm_archive", lambda: True)
    editor.toggle_archived()
    assert KbArticle.get_by_id(art.id).archived and "ARCHIVED" in editor.info.text()
    editor.toggle_archived()
    assert not KbArticle.get_by_id(art.id).archived


def test_open_article_from_bus(qtbot, kbwin):
    from ui.dialogs.kb_article_editor import KbArticleEditor

    aid = KbArticle.select().first().id
    kbwin.ctx.bus.open_article.emit(aid)
    editor = kbwin.findChild(KbArticleEditor, f"kb:{aid}")
    assert editor is not None and editor.title_edit.text()
    editor.close()


def _article_by_an_operator(title: str) -> KbArticle:
    from servicedesk import context
    from servicedesk.context import Actor
    from servicedesk.models import Operator
    from servicedesk.permissions import Role

    op = Operator.create(username="mrossi", full_name="Mario Rossi", role="admin")
    with context.acting_as(Actor(operator_id=op.id, role=Role.ADMIN, name=op.full_name)):
        return kb.create_article(kb.ArticleData(title=title, symptoms="Perdita d'acqua.",
                                                solution="Sostituire la guarnizione."))


def test_open_button_opens_an_article_written_by_an_operator(qtbot, kbwin):
    """The dock's "Open" on an article with an author (every demo article has one): the
    editor opens and names the author (#12: it raised AttributeError and showed nothing)."""
    from ui.dialogs.kb_article_editor import KbArticleEditor

    article = _article_by_an_operator("Perdita dalla valvola")
    panel = kbwin.docks["kbSearchDock"].widget()
    panel.refresh()
    row = next(i for i in range(panel.results.count())
               if panel.results.item(i).data(Qt.ItemDataRole.UserRole) == article.id)
    panel.results.setCurrentRow(row)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    editor = kbwin.findChild(KbArticleEditor, f"kb:{article.id}")
    assert editor is not None and editor.isVisible()
    assert "Mario Rossi" in editor.info.text()
    editor.close()


class FakeEditor(QObject):
    """The request editor interface of ui/extensions.py."""

    description_changed = Signal(str)
    units_changed = Signal()
    request_saved = Signal(int)

    def __init__(self, request_id=None, units=()):
        super().__init__()
        self.request_id = request_id
        self._text = ""
        self._units = list(units)
        self.notes: list[str] = []

    def description_text(self):
        return self._text

    def type(self, text):
        self._text = text
        self.description_changed.emit(text)

    def unit_ids(self):
        return self._units

    def product_ids(self):
        return []

    def customer_id(self):
        return None

    def append_note(self, text):
        self.notes.append(text)

    def reload(self):
        pass


@pytest.fixture
def request_setup(db):
    c = Party.create(code="C1", name="Rossi Srl")
    boiler = Product.create(code="B1", name="Caldaia Eco", family="Caldaie")
    unit = Unit.create(product=boiler, serial="CB-1", owner=c)
    prio = Priority.get(Priority.code == "normal")
    past = ServiceRequest.create(number="RS-2026-000001", customer=c, priority=prio,
                                 description="Caldaia in blocco E01 al mattino",
                                 status="closed", opened_at=dt.datetime(2026, 1, 2, 9),
                                 closed_at=dt.datetime(2026, 1, 3, 9),
                                 final_report="Sostituito elettrodo di accensione")
    RequestUnit.create(request=past, unit=unit)
    index_request(past.id)
    current = ServiceRequest.create(number="RS-2026-000002", customer=c, priority=prio,
                                    description="", status="in_progress",
                                    opened_at=dt.datetime(2026, 2, 1, 9))
    return dict(unit=unit, past=past, current=current)


def test_suggestions_panel_while_typing_and_apply(qtbot, kbwin, request_setup):
    from ui.extensions import request_panels

    panel_def = next(p for p in request_panels() if p.key == "kb")
    editor = FakeEditor(request_setup["current"].id, [request_setup["unit"].id])
    panel = panel_def.factory(kbwin.ctx, editor)
    qtbot.addWidget(panel)
    editor.type("la caldaia è bloccata, errore E01")
    qtbot.waitUntil(lambda: bool(panel.suggestions.articles and panel.suggestions.requests), timeout=3000)
    panel.wait()
    assert panel.suggestions.requests[0].same_unit
    assert "elettrodo" in panel.suggestions.requests[0].final_report
    assert not panel.add_button.isVisible()  # the request is still open
    aid = panel.suggestions.articles[0].id
    assert panel.apply(aid)
    assert KbApplication.select().where(KbApplication.article == aid).count() == 1
    assert KbArticle.get_by_id(aid).applied_count == 1
    assert "elettrodo" in editor.notes[0]
    assert not panel.apply(aid) or KbArticle.get_by_id(aid).applied_count == 1


def test_add_to_kb_from_resolved_request(qtbot, kbwin, request_setup):
    """Saving the article drafted from a resolved request closes the dialog (#12: it stayed
    open with a traceback when the author was an operator)."""
    from servicedesk import context
    from servicedesk.context import Actor
    from servicedesk.models import Operator
    from servicedesk.permissions import Role
    from ui.widgets.kb_suggestions import KbSuggestionsPanel

    op = Operator.create(username="lbianchi", full_name="Luca Bianchi", role="admin")
    context.set_actor(Actor(operator_id=op.id, role=Role.ADMIN, name=op.full_name))

    editor = FakeEditor(request_setup["past"].id)
    panel = KbSuggestionsPanel(ctx=kbwin.ctx, editor=editor, threaded=False)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.add_button.isVisible()
    panel.add_to_kb()
    dialog = panel.last_dialog
    assert dialog.solution_edit.toPlainText() == "Sostituito elettrodo di accensione"
    assert dialog.product_combo.currentText().startswith("Caldaia Eco")
    dialog.title_edit.setText("Caldaia in blocco: elettrodo")
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # saved by a signed-in operator, closed
    assert not dialog.isVisible()
    article = KbArticle.get(KbArticle.title == "Caldaia in blocco: elettrodo")
    assert article.source_request_id == request_setup["past"].id


def test_new_request_apply_copies_only(qtbot, kbwin, request_setup):
    from ui.widgets.kb_suggestions import KbSuggestionsPanel

    editor = FakeEditor(None)
    panel = KbSuggestionsPanel(ctx=kbwin.ctx, editor=editor, threaded=False)
    qtbot.addWidget(panel)
    editor.type("stampante carta inceppata")
    panel.run_query()
    assert panel.suggestions.articles
    assert not panel.apply(panel.suggestions.articles[0].id)
    assert editor.notes and KbApplication.select().count() == 0


def test_closing_the_panel_while_a_query_runs_raises_nothing(qtbot, kbwin, monkeypatch):
    """The request tab closed while its suggestions are searched: the worker's answer has
    nobody to go to and is dropped (#12, the UI crawl: "Signal source has been deleted")."""
    import time

    from shiboken6 import delete

    from ui.widgets import kb_suggestions

    def slow(*args, **kwargs):
        time.sleep(0.3)
        return kb_suggestions.Suggestions()

    monkeypatch.setattr(kb_suggestions, "suggest", slow)
    editor = FakeEditor(None)
    panel = kb_suggestions.KbSuggestionsPanel(ctx=kbwin.ctx, editor=editor)
    editor._text = "caldaia in blocco"
    panel.run_query()
    time.sleep(0.05)  # the job is running
    delete(panel)  # what closing the tab does to it
    qtbot.wait(400)


def test_hits_are_as_tall_as_their_text(qtbot, kbwin):
    """#12: a hit measured before the style sheet's font applied lost its last line."""
    from PySide6.QtWidgets import QApplication

    from ui.app import stylesheet
    from ui.widgets.kb_hit import KbHitLabel

    app = QApplication.instance()
    before = app.styleSheet()
    app.setStyleSheet(stylesheet())  # as the app runs: its font differs from Qt's default
    label = KbHitLabel("<b>Caldaia</b> spenta, display non si <b>accende</b> – <b>Caldaia</b> a "
                       "basamento a condensazione Vitocrossal 100 80 kW",
                       "Caldaia a basamento a condensazione Vitocrossal 100 80 kW · Elettrico",
                       "Dopo un temporale la <b>caldaia</b> non dà segni di vita.")
    qtbot.addWidget(label)
    label.setFixedWidth(340)
    measured = label.heightForWidth(340)  # what the dock sizes the list item by
    label.show()
    qtbot.waitExposed(label)
    try:
        assert measured >= label.heightForWidth(340)
    finally:
        app.setStyleSheet(before)
