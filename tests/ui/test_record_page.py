"""The one list-and-editor page (#13, the house) as the registry and maintenance pages use it:
every list model passes the model tester, only changed fields are sent with the version shown,
unsaved changes are not lost when the user moves on, a save elsewhere refreshes the list row
and the untouched editor, the keyboard flow, the page's room (#12) (R-SER-1, R-MNT-1)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from servicedesk import context, uow
from servicedesk.models import MaintenancePlan, Party, Product, Unit, UnitOwnership
from servicedesk.queries import maintenance as mq
from servicedesk.queries import registry as rq
from servicedesk.services import parties as psvc


def _pages(window):
    from ui.features import maintenance  # noqa: F401 - the plans page is a workspace tab

    return {"parties": window.registry_pages["parties"](),
            "units": window.registry_pages["units"](),
            "products": window.registry_pages["products"]()}


def _shortcut(widget, keys: str):
    from PySide6.QtGui import QKeySequence, QShortcut

    found = [s for s in widget.findChildren(QShortcut) if s.key() == QKeySequence(keys)]
    assert found, keys
    return found[0]


def test_every_list_model_passes_the_model_tester(window, qtmodeltester):
    for page in _pages(window).values():
        assert page.model.rowCount() > 0, page.objectName()
        qtmodeltester.check(page.model)
        for model in (getattr(page.editor, n, None) for n in
                      ("contacts_model", "units_model", "requests_model", "contracts_model",
                       "owners_model", "plans_model")):
            if model is not None:
                qtmodeltester.check(model)


def test_unit_related_lists_pass_the_model_tester(window, qtmodeltester):
    unit = Unit.select().join(UnitOwnership).first()
    window.ctx.bus.open_unit.emit(unit.id)
    page = window.workspace.currentWidget()
    for model in (page.editor.requests_model, page.editor.contracts_model,
                  page.editor.owners_model, page.editor.plans_model):
        qtmodeltester.check(model)


def test_only_the_changed_fields_are_sent_with_the_version_shown(window, qtbot, monkeypatch):
    page = _pages(window)["parties"]
    editor = page.editor
    sent = []
    real = psvc.change_party
    monkeypatch.setattr(type(editor), "change_service",
                        staticmethod(lambda *a: sent.append(a) or real(*a)))
    snap = editor.snap
    editor.phone.setText("02 1234567")
    assert editor.is_dirty() and editor.dirty_label.text()
    assert editor.save()
    assert sent == [(snap.id, snap.version, {"phone": "02 1234567"})]
    assert rq.party(snap.id).phone == "02 1234567" and rq.party(snap.id).version == snap.version + 1
    assert not editor.is_dirty() and editor.snap.version == snap.version + 1


def test_moving_to_another_row_asks_about_unsaved_changes(window, qtbot, monkeypatch):
    page = _pages(window)["parties"]
    editor = page.editor
    first, second = page.model.id_at(0), page.model.id_at(1)
    assert editor.record_id == first
    editor.notes.setPlainText("da richiamare")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answers.pop(0))
    page.view.selectRow(1)
    assert editor.record_id == first and editor.notes.toPlainText() == "da richiamare"
    assert page.view.currentIndex().row() == 0  # stayed
    page.view.selectRow(1)  # Save, then move
    assert rq.party(first).notes == "da richiamare"
    assert editor.record_id == second


def test_a_save_elsewhere_repaints_the_row_and_reloads_the_untouched_editor(window, qtbot):
    page = _pages(window)["parties"]
    pid = page.editor.record_id
    row = page.model.row_of(pid)
    snap = rq.party(pid)
    with context.acting_as(window.ctx.actor):
        uow.perform(psvc.change_party, pid, snap.version, {"city": "Lodi"})  # another window
    assert page.model.index(row, 3).data() == "Lodi"
    assert page.editor.city.text() == "Lodi" and page.view.currentIndex().row() == row


def test_a_new_party_appears_in_the_list_selected(window, qtbot, monkeypatch):
    from ui.widgets.party_page import PartiesPage

    page = PartiesPage(ctx=window.ctx)
    qtbot.addWidget(page)
    before = page.model.rowCount()
    _shortcut(page, "Ctrl+N").activated.emit()
    editor = page.editor
    assert editor.snap is None and editor.heading.text() == "New customer"
    editor.name.setText("Aaa Prima srl")
    _shortcut(editor, "Ctrl+S").activated.emit()
    party = Party.get(Party.name == "Aaa Prima srl")
    assert party.code.startswith("C")
    assert page.model.rowCount() == before + 1
    assert page.model.id_at(page.view.currentIndex().row()) == party.id


def test_search_archive_and_restore(window, qtbot):
    page = _pages(window)["parties"]
    party = Party.select().where(Party.archived == False).order_by(Party.name.desc()).first()  # noqa: E712
    page.search.setText(party.name)
    page.search.search.emit(party.name)
    assert page.model.row_of(party.id) >= 0
    page.view.selectRow(page.model.row_of(party.id))
    assert page.editor.record_id == party.id
    qtbot.mouseClick(page.editor.archive_button, Qt.MouseButton.LeftButton)
    assert rq.party(party.id).archived and page.editor.archive_button.text() == "Restore"
    page.archived.setChecked(True)
    qtbot.mouseClick(page.editor.archive_button, Qt.MouseButton.LeftButton)
    assert not rq.party(party.id).archived


def test_keyboard_flow_search_list_editor(window, qtbot):
    page = _pages(window)["parties"]
    window.show()
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.view.hasFocus() or window.ctx.screenshot_mode
    page.view.setCurrentIndex(page.model.index(0, 1))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.editor.name.hasFocus() or not window.isActiveWindow()


def test_sorting_by_a_column_reads_the_ids_in_that_order(window, qtbot):
    page = _pages(window)["parties"]
    city = [c.key for c in page.model.columns].index("city")
    page.view.sortByColumn(city, Qt.SortOrder.DescendingOrder)
    cities = [page.model.record(r).city for r in range(min(30, page.model.rowCount()))]
    assert cities == sorted(cities, reverse=True)


def test_product_page_creates_and_shows_its_units(window, qtbot):
    pages = _pages(window)
    page = pages["products"]
    page.new_record()
    editor = page.editor
    editor.code.setText("nuovo-1")
    editor.name.setText("Caldaia prova")
    assert editor.save()
    product = Product.get(Product.code == "NUOVO-1")
    assert editor.snap.id == product.id
    existing = Product.select().join(Unit).first()
    page.open_record(existing.id)
    editor.show_units()
    units = pages["units"]
    assert units.search.text() == existing.code


def test_unit_move_through_the_dialog(window, qtbot, monkeypatch):
    from ui.widgets.unit_page import MoveUnitDialog

    unit = Unit.select().first()
    other = Party.select().where(Party.id != unit.owner_id, Party.is_customer == True).first()  # noqa: E712
    window.ctx.bus.open_unit.emit(unit.id)
    page = window.workspace.currentWidget()
    dialog = MoveUnitDialog(ctx=window.ctx, unit=page.editor.snap, parent=page)
    qtbot.addWidget(dialog)
    dialog.owner.set_party(other.id, other.name)
    dialog._move()
    assert Unit.get_by_id(unit.id).owner_id == other.id
    assert page.editor.owner_label.text() == other.name  # reloaded from the change set
    assert page.editor.owners_model.rowCount() >= 2


def test_plan_page_saves_the_target_and_lists_visits(window, qtbot):
    from ui.widgets.maintenance_page import PlansPage

    page = PlansPage(ctx=window.ctx)
    qtbot.addWidget(page)
    qtmodel = page.model
    assert qtmodel.rowCount() == len(mq.plan_ids(mq.PlanFilter()))
    plan = MaintenancePlan.get_by_id(page.editor.record_id)
    page.editor.title.setText("Controllo fumi")
    assert page.editor.save()
    assert MaintenancePlan.get_by_id(plan.id).title == "Controllo fumi"
    page.new_record()
    unit = Unit.select().first()
    page.editor.ref.setText(unit.serial)
    page.editor.title.setText("Nuovo piano")
    assert page.editor.save()
    new = MaintenancePlan.get(MaintenancePlan.title == "Nuovo piano")
    assert new.unit_id == unit.id and page.editor.record_id == new.id


def test_plan_without_target_is_refused_and_marked(window, qtbot, monkeypatch):
    from ui.widgets.maintenance_page import PlansPage

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    page = PlansPage(ctx=window.ctx)
    qtbot.addWidget(page)
    page.new_record()
    assert not page.editor.save()
    assert shown and "unit or the contract" in shown[0]
    assert page.editor.ref.property("invalid")


def test_the_page_uses_its_room(window, qtbot):
    """#12: at 1366x768 the list and the form share the tab without a horizontal scroll bar;
    at 1600x1000 the form gets the larger part, not a 600x480 corner."""
    from ui.widgets.party_page import PartiesPage

    page = PartiesPage(ctx=window.ctx)
    qtbot.addWidget(page)
    for size in ((1100, 620), (1500, 860)):
        page.resize(*size)
        page.show()
        qtbot.waitExposed(page)
        left, right = page.splitter.sizes()
        assert left >= 300 and right >= 380 and left + right >= size[0] - 30
        scroll = page.editor.tabs.widget(0)
        assert not scroll.horizontalScrollBar().isVisible()
    page.hide()
