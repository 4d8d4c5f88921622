"""Work-log dialog, request panel totals and the "my day" one-click log (R-LOG-1)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import QMessageBox

from servicedesk import clock
from servicedesk.context import Actor, acting_as
from servicedesk.models import ActivityType, Operator, Party, Priority, ServiceRequest, WorkLog
from servicedesk.permissions import Role
from servicedesk.services import interventions, worklogs
from ui.appctx import AppContext
from ui.bus import EventBus

from .test_schedule_dialog import FakeEditor

DAY = dt.date(2026, 3, 4)


@pytest.fixture
def ctx(db, tmp_path):
    clock.freeze(dt.datetime(2026, 3, 4, 17, 0))
    return AppContext(db=db, bus=EventBus(), settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                      lang="en", screenshot_mode=True)


@pytest.fixture
def setup(db):
    anna = Operator.create(username="anna", full_name="Anna Rossi")
    party = Party.create(code="C1", name="Officine Meccaniche", city="Milano")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party, priority=Priority.get(code="normal"),
                                opened_at=dt.datetime(2026, 3, 1, 9))
    return req, anna


def test_dialog_saves_entry_and_refuses_bad_input(qtbot, ctx, setup, monkeypatch):
    from ui.dialogs.worklog_dialog import WorklogDialog

    req, anna = setup
    dialog = WorklogDialog(ctx=ctx, request_id=req.id)
    qtbot.addWidget(dialog)
    dialog.operator.setCurrentIndex(dialog.operator.findData(anna.id))
    dialog.activity.setCurrentIndex(dialog.activity.findData(ActivityType.get(code="repair").id))
    dialog.start.setTime(QTime(11, 0))
    dialog.end.setTime(QTime(9, 0))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dialog.save()
    assert shown and "end is before the start" in shown[-1] and WorkLog.select().count() == 0
    dialog.start.setTime(QTime(9, 0))
    dialog.end.setTime(QTime(12, 30))
    dialog.travel.setValue(40)
    dialog.km.setValue(22.5)
    dialog.notes.setPlainText("Sostituita pompa")
    assert "3 h 30 min" in dialog.total.text()
    dialog.save()
    entry = WorkLog.get()
    assert (entry.minutes, entry.travel_minutes, str(entry.km), entry.billable) == (210, 40, "22.5", True)
    # an overlapping second entry asks; "No" keeps the dialog open and writes nothing
    second = WorklogDialog(ctx=ctx, request_id=req.id)
    qtbot.addWidget(second)
    second.operator.setCurrentIndex(second.operator.findData(anna.id))
    second.start.setTime(QTime(12, 0))
    second.end.setTime(QTime(13, 0))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    second.save()
    assert WorkLog.select().count() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    second.save()
    assert WorkLog.select().count() == 2


def test_panel_shows_totals(qtbot, ctx, setup):
    from ui.widgets.board_request_panels import WorklogPanel

    req, anna = setup
    repair, maint = ActivityType.get(code="repair"), ActivityType.get(code="maintenance")
    worklogs.create(req.id, worklogs.WorklogInput(anna.id, DAY, repair.id, minutes=90))
    worklogs.create(req.id, worklogs.WorklogInput(anna.id, DAY, maint.id, minutes=30))
    panel = WorklogPanel(ctx, FakeEditor(req.id))
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 2
    text = panel.totals.text()
    assert "2.00 h" in text and "billable 1.50 h" in text and "not billable 0.50 h" in text


def test_technician_sees_only_self(qtbot, ctx, setup):
    from ui.dialogs.worklog_dialog import WorklogDialog

    req, anna = setup
    with acting_as(Actor(anna.id, Role.TECHNICIAN, "Anna Rossi")):
        dialog = WorklogDialog(ctx=ctx, request_id=req.id)
        qtbot.addWidget(dialog)
        assert dialog.operator.count() == 1 and not dialog.operator.isEnabled()
        dialog.save()
    assert WorkLog.get().operator_id == anna.id


def test_my_day_logs_with_one_click(qtbot, ctx, setup):
    from ui.widgets.my_day import MyDayWidget

    req, anna = setup
    item = interventions.schedule(req.id, activity_type_id=ActivityType.get(code="repair").id,
                                  operator_id=anna.id, planned_start=dt.datetime(2026, 3, 4, 9),
                                  planned_end=dt.datetime(2026, 3, 4, 11)).intervention
    widget = MyDayWidget(ctx=ctx)
    qtbot.addWidget(widget)
    assert widget.table.rowCount() == 0  # system actor: choose an operator first
    widget.operator.setCurrentIndex(widget.operator.findData(anna.id))
    assert widget.table.rowCount() == 1
    button = widget.table.cellWidget(0, 5)
    with qtbot.waitSignal(ctx.bus.changed):
        button.click()
    entry = WorkLog.get()
    assert (entry.intervention_id, entry.minutes, entry.work_date) == (item.id, 120, DAY)
    assert widget.table.item(0, 4).text() == "logged"
