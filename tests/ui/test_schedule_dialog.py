"""Schedule dialog consults the board, proposes free slots, warns and records overrides;
request panels; intervention sheet PDF (R-REQ-3)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMessageBox

from servicedesk import clock
from servicedesk.models import (ActivityType, Contact, Contract, Intervention, Operator, Party,
                                Priority, Product, RequestUnit, ServiceRequest, Team, Unit)
from servicedesk.services import interventions, scheduling, tickets
from ui import fmt
from ui.appctx import AppContext
from ui.bus import EventBus

MON = dt.date(2026, 3, 2)


def at(day, hhmm):
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


class FakeEditor(QObject):
    """The request editor interface of ui/extensions.py, enough for the panels."""

    request_saved = Signal(int)
    description_changed = Signal(str)
    units_changed = Signal()

    def __init__(self, request_id):
        super().__init__()
        self.request_id = request_id
        self.reloaded = 0

    def reload(self):
        self.reloaded += 1


@pytest.fixture
def ctx(db, tmp_path):
    clock.freeze(at(MON, "07:30"))
    return AppContext(db=db, bus=EventBus(), settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                      lang="en", screenshot_mode=True)


@pytest.fixture
def request_(db):
    team = Team.create(name="Nord")
    anna = Operator.create(username="anna", full_name="Anna Rossi", team=team)
    party = Party.create(code="C1", name="Officine Meccaniche", address="Via Roma 1", city="Milano")
    contact = Contact.create(party=party, name="Luca Neri", phone="02 1234")
    contract = Contract.create(number="CT-1", party=party, title="Assistenza full", start_date=MON,
                               term_start=MON, term_end=MON + dt.timedelta(days=365), status="active")
    tickets.credit(contract, 5, "initial")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party, contact=contact, contract=contract,
                                subject="Caldaia in blocco", priority=Priority.get(code="high"),
                                opened_at=at(MON, "07:00"))
    unit = Unit.create(product=Product.create(code="B1", name="Caldaia X200"), serial="SN-778", owner=party)
    RequestUnit.create(request=req, unit=unit)
    return req, anna, team


def test_dialog_proposes_slots_warns_and_records_override(qtbot, ctx, request_, monkeypatch):
    from ui.dialogs.schedule_dialog import ScheduleDialog

    req, anna, team = request_
    busy = interventions.schedule(req.id, activity_type_id=ActivityType.get(code="repair").id,
                                  operator_id=anna.id, planned_start=at(MON, "08:30"),
                                  planned_end=at(MON, "10:30")).intervention
    dialog = ScheduleDialog(ctx=ctx, request_id=req.id, operator_id=anna.id, start=at(MON, "09:00"))
    qtbot.addWidget(dialog)
    dialog.activity.setCurrentIndex(dialog.activity.findData(ActivityType.get(code="repair").id))
    dialog._refresh_all()
    assert dialog.team.currentData() == team.id and dialog.operator.currentData() == anna.id
    # repair = 120 minutes by default; the agenda shows Anna's day with the busy block
    assert dialog._minutes() == 120
    assert [b.id for b in dialog.agenda.data.blocks] == [busy.id]
    assert "Double booking" in dialog.warning.text()
    first = dialog.slots.item(0)
    slot = first.data(0x0100)
    assert slot.start == at(MON, "10:30")
    dialog._use_slot(first)
    assert fmt.pydatetime(dialog.start.dateTime()) == at(MON, "10:30")
    assert dialog.warning.text() == ""
    # back to a conflicting time: saving asks, declining writes nothing
    dialog.start.setDateTime(fmt.qdatetime(at(MON, "09:00")))
    dialog.instructions.setPlainText("Portare il kit")
    monkeypatch.setattr("ui.dialogs.schedule_dialog.confirm_override", lambda parent, c: False)
    dialog.save()
    assert Intervention.select().count() == 1
    monkeypatch.setattr("ui.dialogs.schedule_dialog.confirm_override", lambda parent, c: True)
    dialog.override_note.setText("Cliente fermo")
    with qtbot.waitSignal(ctx.bus.changed):
        dialog.save()
    saved = Intervention.get_by_id(dialog.saved_id)
    assert saved.priority_id == req.priority_id and saved.instructions == "Portare il kit"
    assert "double_booking" in saved.override_note and "Cliente fermo" in saved.override_note


def test_dialog_bad_times_show_message_and_keep_input(qtbot, ctx, request_, monkeypatch):
    from ui.dialogs.schedule_dialog import ScheduleDialog

    req, anna, _ = request_
    dialog = ScheduleDialog(ctx=ctx, request_id=req.id, operator_id=anna.id, start=at(MON, "09:00"))
    qtbot.addWidget(dialog)
    dialog.end.setDateTime(fmt.qdatetime(at(MON, "08:00")))
    dialog._refresh_all()
    assert "end is before the start" in dialog.warning.text()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dialog.save()
    assert shown and "end is before the start" in shown[0]
    assert Intervention.select().count() == 0 and dialog.result() == 0


def test_interventions_panel_complete_and_final_report(qtbot, ctx, request_, monkeypatch):
    from ui.widgets.board_request_panels import InterventionsPanel

    req, anna, _ = request_
    item = interventions.schedule(req.id, activity_type_id=ActivityType.get(code="repair").id,
                                  operator_id=anna.id, planned_start=at(MON, "09:00"),
                                  planned_end=at(MON, "10:00")).intervention
    editor = FakeEditor(req.id)
    panel = InterventionsPanel(ctx, editor)
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 1
    panel.table.selectRow(0)
    assert panel.complete_btn.isEnabled() and panel.cancel_btn.isEnabled()
    clock.freeze(at(MON, "09:05"))
    panel.start()
    assert item.reload().status == "in_progress" and item.reload().actual_start == at(MON, "09:05")
    panel.table.selectRow(0)
    assert not panel.start_btn.isEnabled()
    clock.freeze(at(MON, "12:00"))
    from ui.dialogs.schedule_dialog import CompleteDialog

    dialog = CompleteDialog(ctx=ctx, intervention_id=panel.current().id)
    qtbot.addWidget(dialog)
    dialog.report.setPlainText("Sostituito il bruciatore.")
    dialog.save()
    assert item.reload().status == "done"
    from servicedesk.queries import worklogs

    assert worklogs.totals(req.id).minutes == 55  # logged from the completion: 09:05–10:00
    panel.refresh()
    assert "Done" in panel.table.item(0, 0).text()
    monkeypatch.setattr("ui.widgets.board_request_panels.FinalReportDialog.exec", lambda self: 1)
    panel.compose_report()
    assert "Sostituito il bruciatore." in req.reload().final_report
    assert editor.reloaded == 1


def test_panel_without_saved_request(qtbot, ctx, request_):
    from ui.widgets.board_request_panels import InterventionsPanel, WorklogPanel

    panel = InterventionsPanel(ctx, FakeEditor(None))
    logs = WorklogPanel(ctx, FakeEditor(None))
    qtbot.addWidget(panel)
    qtbot.addWidget(logs)
    assert not panel.schedule_btn.isEnabled() and not logs.add_btn.isEnabled()


def test_intervention_sheet_pdf(qtbot, ctx, request_, tmp_path):
    from tests.ui.test_intervention_sheet import read
    from ui.printing.intervention_sheet import save_pdf

    req, anna, _ = request_
    item = interventions.schedule(req.id, activity_type_id=ActivityType.get(code="repair").id,
                                  operator_id=anna.id, planned_start=at(MON, "09:00"),
                                  planned_end=at(MON, "10:00"), instructions="Chiedere di <Mario>").intervention
    target = tmp_path / "sheet.pdf"
    save_pdf(item.id, str(target), "en")
    assert target.read_bytes().startswith(b"%PDF")
    pages = read(target)
    text = "".join(page.text for page in pages)
    for part in ("Officine Meccaniche", "Via Roma 1", "Luca Neri", "SN-778", "Caldaia X200", "CT-1",
                 "5 remaining of 5", "Chiedere di <Mario>", "Customer signature"):
        assert part in text, part
    with pytest.raises(OSError):
        save_pdf(item.id, str(tmp_path / "missing-dir" / "x.pdf"), "it")


def test_real_request_editor_shows_the_panels(qtbot, ctx, request_):
    """The request editor (issue 3) hosts the interventions and work-log panels (R-REQ-3, R-LOG-1)."""
    from ui.editors.request import RequestEditor
    from ui.features.board import _register_panels

    _register_panels()
    req, _, _ = request_
    editor = RequestEditor(ctx=ctx, request_id=req.id)
    qtbot.addWidget(editor)
    keys = [editor.tabs.widget(i).property("panel_key") for i in range(editor.tabs.count())]
    assert "interventions" in keys and "worklog" in keys
    panel = editor.panel("interventions")  # built when its tab is first shown
    assert panel.request_id == req.id and panel.schedule_btn.isEnabled()


def test_board_jumps_to_an_opened_intervention(qtbot, ctx, request_):
    from ui.docks.team_board import TeamBoardWidget

    req, anna, _ = request_
    later = MON + dt.timedelta(days=30)
    item = interventions.schedule(req.id, activity_type_id=ActivityType.get(code="repair").id,
                                  operator_id=anna.id, planned_start=at(later, "09:00"),
                                  planned_end=at(later, "10:00")).intervention
    board = TeamBoardWidget(ctx=ctx)
    qtbot.addWidget(board)
    ctx.bus.open_intervention.emit(item.id)
    assert board.selected is not None and board.selected.id == item.id
    assert board.view.data.start <= later < board.view.data.end


def test_free_slots_name_the_real_problem_when_the_end_is_before_the_start(qtbot, ctx, request_):
    """#12: with an operator chosen and the end before the start the list said "choose an
    operator"; it says what is wrong, and "choose an operator" only when none is chosen."""
    from ui.dialogs.schedule_dialog import ScheduleDialog

    req, anna, team = request_
    dialog = ScheduleDialog(ctx=ctx, request_id=req.id, operator_id=anna.id, start=at(MON, "09:00"))
    qtbot.addWidget(dialog)
    dialog.end.setDateTime(fmt.qdatetime(at(MON, "08:00")))
    dialog._refresh_slots()
    assert dialog.slots.count() == 1
    assert "end is before the start" in dialog.slots.item(0).text()
    assert "operator" not in dialog.slots.item(0).text()
    dialog.end.setDateTime(fmt.qdatetime(at(MON, "11:00")))
    dialog._refresh_slots()
    assert dialog.slots.item(0).data(0x0100) is not None  # real slots again
