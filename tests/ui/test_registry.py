"""Registry pages driven as a user would (R-SER-1): create a customer with a bad then a good VAT
number, a concurrent edit is shown as a conflict, a unit shows its history; the import wizard."""
from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from servicedesk.models import Party, Unit
from servicedesk.queries import registry as rq


def test_create_customer_refuses_bad_vat_then_saves(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    page = window.registry_pages["parties"]()
    qtbot.mouseClick(page.findChild(type(page.editor.save_button), "partyNew"), Qt.MouseButton.LeftButton)
    editor = page.editor
    qtbot.keyClicks(editor.name, "Nuova Officina srl")
    qtbot.keyClicks(editor.vat, "01234567890")
    before = Party.select().count()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert shown and "VAT number" in shown[-1] and "not valid" in shown[-1]
    assert Party.select().count() == before
    editor.vat.setText("IT 12345670157")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    party = Party.get(Party.name == "Nuova Officina srl")
    assert party.vat_number == "IT12345670157"
    assert editor.snap.id == party.id
    assert page.model.row_of(party.id) >= 0  # listed and selected
    assert page.view.currentIndex().row() == page.model.row_of(party.id)


def test_concurrent_edit_is_shown_and_reloaded(window, qtbot, monkeypatch, other_workstation):
    """#13: the save names what the other workstation changed, writes nothing, and the form
    shows the record as it is now."""
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    page = window.registry_pages["parties"]()
    editor = page.editor
    party = editor.snap
    other_workstation(window.ctx.db, "UPDATE party SET city = 'Altrove', version = version + 1 "
                      "WHERE id = ?", (party.id,))
    editor.city.setText("Mia città")
    assert editor.is_dirty()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert shown and "Another workstation" in shown[0] and "Altrove" in shown[0]
    assert rq.party(party.id).city == "Altrove"
    assert editor.city.text() == "Altrove" and not editor.is_dirty()  # reloaded


def test_unit_page_shows_history_tabs(window, qtbot):
    unit = Unit.select().first()
    window.ctx.bus.open_unit.emit(unit.id)
    page = window.workspace.currentWidget()
    assert page.objectName() == "unitsPage"
    assert page.editor.snap.id == unit.id
    assert page.editor.owners_model.rowCount() >= 1
    assert page.editor.heading.text().endswith(unit.serial)
    assert page.model.row_of(unit.id) >= 0 and page.search.text() == unit.serial


def test_import_wizard_end_to_end(window, qtbot, tmp_path, monkeypatch):
    from ui.dialogs.import_wizard import ImportWizard

    path = tmp_path / "clienti.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Ragione sociale", "Partita IVA", "Provincia"])
    ws.append(["Importata Uno srl", "05555550150", "MI"])
    ws.append(["Importata Due srl", "09876540585", "XX"])
    wb.save(path)
    wizard = ImportWizard(ctx=window.ctx, parent=window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.mapping_page.combos["vat_number"].currentData() == 1
    wizard.next()
    page = wizard.preview_page
    assert "1 refused" in page.summary.text()
    assert not page.isComplete()  # all or nothing: Import disabled
    assert not Party.select().where(Party.name.startswith("Importata")).exists()


def test_import_wizard_shows_rows_filled_from_merged_cells(window, qtbot, tmp_path):
    """#14: the preview says which rows took a value from a cell merged over several rows."""
    from ui.dialogs.import_wizard import ImportWizard

    path = tmp_path / "prodotti.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Codice", "Nome", "Famiglia"])
    ws.append(["UNI-1", "Gruppo frigo A", "Refrigerazione"])
    ws.append(["UNI-2", "Gruppo frigo B", None])
    ws.append(["UNI-3", "Gruppo frigo C", None])
    ws.merge_cells("C2:C4")
    wb.save(path)
    wizard = ImportWizard(ctx=window.ctx, parent=window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.kind.setCurrentIndex(wizard.file_page.kind.findData("products"))
    wizard.file_page.path.setText(str(path))
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    assert "2 rows take a value from a cell merged over several rows" in page.summary.text()
    model = page.model
    notes = {model.index(r, 0).data(): model.index(r, 4).data() for r in range(model.rowCount())}
    assert notes["3"] == notes["4"] == "Family: taken from the merged cell C2:C4 (column “Famiglia”)."
    assert notes["2"] == ""
    wizard.next()  # import
    from servicedesk.models import Product

    assert {p.family for p in Product.select().where(Product.code.startswith("UNI-"))} == {"Refrigerazione"}
