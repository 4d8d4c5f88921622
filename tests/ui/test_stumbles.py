"""Small stumbles of a day at the office, each fixed and held here (#12)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def styled(qapp):
    """The app's own look: Fusion and resources/style.qss, as ``servicedesk`` starts."""
    from ui.app import stylesheet

    style = qapp.style().name()
    qapp.setStyle("Fusion")
    qapp.setStyleSheet(stylesheet())
    yield
    qapp.setStyleSheet("")
    qapp.setStyle(style)


def test_spin_box_arrows_are_drawn_and_follow_the_limits(qtbot, styled):
    """The style sheet gave spin boxes a frame and Qt then drew blank buttons: now the arrows
    are there, and the one that cannot step further is drawn dimmed."""
    from PySide6.QtWidgets import QApplication, QSpinBox

    box = QSpinBox()
    qtbot.addWidget(box)
    box.setRange(0, 10)
    box.resize(120, 30)
    box.show()

    def buttons(value: int) -> list[int]:
        box.setValue(value)
        QApplication.processEvents()
        image = box.grab().toImage()
        return [image.pixel(x, y) for x in range(image.width() - 18, image.width() - 2)
                for y in range(2, image.height() - 2)]

    at_min, at_max = buttons(0), buttons(10)
    changed = sum(1 for a, b in zip(at_min, at_max) if a != b)
    assert changed >= 10, "the up/down arrows are not drawn"


def test_red_frame_goes_when_the_field_is_corrected(window, qtbot, monkeypatch):
    """A refused save marks the fields in red; typing in one clears its frame at once (it
    stayed until the next save)."""
    from ui.editors.request import RequestEditor

    shown = []
    monkeypatch.setattr("ui.messages.QMessageBox.warning", lambda *a, **k: shown.append(a))
    window.ctx.bus.new_request.emit()
    editor = window.workspace.currentWidget()
    assert isinstance(editor, RequestEditor)
    assert not editor.save() and shown
    customer, description = editor.form.fields["customer"], editor.form.fields["description"]
    assert customer.property("invalid") and description.property("invalid")
    qtbot.keyClicks(customer, "Ross")
    assert not customer.property("invalid")
    assert description.property("invalid")  # untouched: still marked
    description.setPlainText("La caldaia perde acqua")
    assert not description.property("invalid")


def test_kb_hits_fit_the_list_when_its_scroll_bar_appears(window, qtbot):
    """The hits were sized before the list's scroll bar took its room: their right edge and
    last line were cut. Every hit fits the visible width and shows all its lines."""
    from PySide6.QtWidgets import QApplication

    window.show()
    dock = window.show_dock("kbSearchDock")
    panel = dock.widget()
    panel.search_edit.setText("stampante")
    panel.refresh()
    qtbot.wait(50)  # the list lays its items out (and shows its scroll bar) on a timer
    assert panel.results.count() > 3 and panel.results.verticalScrollBar().isVisible()
    width = panel.results.viewport().width()
    for i in range(panel.results.count()):
        item = panel.results.item(i)
        label = panel.results.itemWidget(item)
        assert label.width() <= width, (label.width(), width)
        assert item.sizeHint().height() >= label.heightForWidth(label.width()), i
    window.resizeDocks([dock], [260], Qt.Orientation.Horizontal)  # a narrower panel
    qtbot.wait(50)
    width = panel.results.viewport().width()
    assert all(panel.results.itemWidget(panel.results.item(i)).width() <= width
               for i in range(panel.results.count()))


def test_queue_gives_the_customer_name_the_room(qtbot, demo_db):
    """The fixed columns are as narrow as their content (the priority is its coloured mark),
    so the customer's name gets the rest of the queue; what is shortened is in the tooltip."""
    from PySide6.QtWidgets import QApplication

    from servicedesk.models import ServiceRequest
    from ui import i18n
    from ui.app import build_window
    from ui.models.request_queue_model import COL

    i18n.install(QApplication.instance(), "it")
    try:
        window = build_window(demo_db, lang="it", screenshot=True)
        qtbot.addWidget(window)
        window.resize(1600, 1000)
        window.show()
        qtbot.wait(100)
        view = window.request_queue.view
        header, model = view.horizontalHeader(), view.model()
        visible = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
        width = view.viewport().width()
        customer = header.sectionSize(COL["customer"])
        assert customer >= 0.2 * width, (customer, width)
        assert header.sectionSize(COL["priority"]) <= 40
        assert model.index(0, COL["priority"]).data() is None  # the mark only
        bold = view.font()
        bold.setBold(True)
        from PySide6.QtGui import QFontMetrics

        for row in range(min(model.rowCount(), 30)):  # numbers and statuses never elided
            number = model.index(row, COL["number"]).data()
            assert QFontMetrics(bold).horizontalAdvance(number) + 16 < header.sectionSize(COL["number"])
            status = model.index(row, COL["status"]).data()
            assert view.fontMetrics().horizontalAdvance(status) < header.sectionSize(COL["status"])
        rid = model.index(0, 0).data(0x0100)
        name = ServiceRequest.get_by_id(rid).customer.name
        assert name in model.index(0, COL["customer"]).data(3)  # ToolTipRole
        assert "Priorità:" in model.index(0, COL["priority"]).data(3)
        assert sum(header.sectionSize(c) for c in visible) <= width + 1
    finally:
        i18n.install(QApplication.instance(), "en")
