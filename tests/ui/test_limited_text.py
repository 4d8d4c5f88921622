"""The counter in long-text fields (#14): the user sees the limit before saving, nothing is cut,
and the save is refused with the field and the limit (R-X-3: Italian number format)."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit

from servicedesk import limits
from servicedesk.models import Party
from ui.widgets.limited_text import counter_of, limit_text


def test_counter_in_a_plain_text_field_turns_red_and_cuts_nothing(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    counter = limit_text(edit, 50)
    edit.resize(300, 120)
    edit.show()
    assert counter.text() == "0/50" and counter.label.isVisible() and not counter.over
    edit.setPlainText("x" * 50)
    assert counter.text() == "50/50" and not counter.over
    QApplication.clipboard().setText("y" * 30)
    edit.paste()  # a paste over the limit stays whole
    assert len(edit.toPlainText()) == 80
    assert counter.text() == "80/50" and counter.over
    assert "30 characters too many" in counter.label.toolTip()
    assert "#b91c1c" in counter.label.styleSheet()
    edit.setPlainText("corto")
    assert not counter.over and "#b91c1c" not in counter.label.styleSheet()


def test_counter_in_a_line_edit_appears_near_the_limit_and_lifts_max_length(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.setMaxLength(10)  # Qt would cut a paste here without a word
    counter = limit_text(edit, 10)
    edit.show()
    edit.setText("abc")
    assert not counter.label.isVisible()
    edit.setText("abcdefgh")  # 80 %
    assert counter.label.isVisible() and counter.text() == "8/10"
    edit.setText("abcdefghijklmnop")
    assert edit.text() == "abcdefghijklmnop" and counter.over


def test_customer_notes_counter_and_refusal_in_the_party_page(window, qtbot, monkeypatch):
    """The issue's case in the app: 30,000 characters of customer notes are shown as over the
    limit of 20,000 and the save is refused naming the field; nothing is stored cut."""
    from ui.widgets.party_page import PartiesPage

    party = Party.select().where(Party.is_customer == True).first()  # noqa: E712
    before = party.notes
    page = PartiesPage(ctx=window.ctx)
    qtbot.addWidget(page)
    page.open_party(party.id)
    editor = page.editor
    counter = counter_of(editor.notes)
    assert counter is not None and counter.maximum == limits.limit("party", "notes") == 20_000
    editor.notes.setPlainText("n" * 30_000)
    assert counter.over and counter.text() == "30,000/20,000"
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert editor.save() is False
    assert shown == ["Notes: Too long: 30,000 characters, at most 20,000. Nothing was cut: shorten the text."]
    assert Party.get_by_id(party.id).notes == before
    editor.notes.setPlainText("n" * 20_000)
    assert not counter.over and editor.save() is True
    assert Party.get_by_id(party.id).notes == "n" * 20_000


def test_every_long_text_field_has_a_counter(window, qtbot):
    """Unit notes, maintenance instructions, request description, KB fields, work-log notes…"""
    from ui.dialogs.kb_article_editor import KbArticleEditor
    from ui.widgets.unit_page import UnitsPage

    units = UnitsPage(ctx=window.ctx)
    qtbot.addWidget(units)
    assert counter_of(units.editor.notes).maximum == 20_000
    editor = KbArticleEditor(ctx=window.ctx)
    qtbot.addWidget(editor)
    for edit, name in ((editor.symptoms_edit, "symptoms"), (editor.cause_edit, "cause"),
                       (editor.solution_edit, "solution"), (editor.title_edit, "title"),
                       (editor.tags_edit, "tags")):
        assert counter_of(edit).maximum == limits.limit("kb", name)
