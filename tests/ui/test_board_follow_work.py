"""The request follows its work in the UI (#12): scheduling assigns, completing the last
intervention offers to resolve (without blocking), new work starts from sensible defaults, the
free-slot list says what is wrong; the board reads on a worker and writes through the op runner
(#13) (R-REQ-3, R-LOG-1, R-X-1)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from servicedesk import clock
from servicedesk.context import Actor, acting_as
from servicedesk.models import (Absence, ActivityType, Intervention, Operator, Party, Priority,
                                ProblemType, ServiceRequest, Team, WorkLog)
from servicedesk.permissions import Role
from servicedesk.queries import interventions as reads
from servicedesk.services import interventions, scheduling, worklogs
from ui import fmt
from ui.appctx import AppContext
from ui.bus import EventBus

from .test_schedule_dialog import FakeEditor

MON = dt.date(2026, 3, 2)


def at(day, hhmm):
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


def _ctx(db, tmp_path, *, threaded: bool = False) -> AppContext:
    return AppContext(db=db, bus=EventBus(), lang="en", screenshot_mode=not threaded,
                      settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ctx(db, tmp_path):
    clock.freeze(at(MON, "07:30"))
    return _ctx(db, tmp_path)


@pytest.fixture
def office(db):
    team = Team.create(name="Nord")
    anna = Operator.create(username="anna", full_name="Anna Rossi", team=team, role="technician")
    bruno = Operator.create(username="bruno", full_name="Bruno Verdi", team=team, role="technician")
    party = Party.create(code="C1", name="Officine Meccaniche", city="Milano")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party, subject="Rete ferma",
                                priority=Priority.get(code="high"), opened_at=at(MON, "07:00"),
                                problem_type=ProblemType.get(code="network"))
    return req, anna, bruno, team


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes (the op runner's and the prompts'), answered at once."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    return shown


def _repair() -> int:
    return ActivityType.get(code="repair").id


def test_scheduling_from_the_dialog_assigns_the_new_request(qtbot, ctx, office):
    """The dialog starts from the problem type (network → remote support, 60 min) and, saved
    with a technician, assigns the new request to him and says so."""
    from ui.dialogs.schedule_dialog import ScheduleDialog

    req, anna, _, team = office
    dialog = ScheduleDialog(ctx=ctx, request_id=req.id, operator_id=anna.id, start=at(MON, "09:00"))
    qtbot.addWidget(dialog)
    assert dialog.activity.currentData() == ActivityType.get(code="remote").id
    assert dialog._minutes() == 60 and "problem type" in dialog.suggestion_hint.text()
    messages = []
    ctx.bus.status_message.connect(messages.append)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = req.reload()
    assert (stored.status, stored.owner_id) == ("assigned", anna.id)
    assert messages == ["Request RS-2026-000001 assigned to Anna Rossi."]
    # the next visit starts like this one, for the request's owner
    again = ScheduleDialog(ctx=ctx, request_id=req.id, start=at(MON, "14:00"))
    qtbot.addWidget(again)
    assert again.operator.currentData() == anna.id and again.team.currentData() == team.id
    assert "latest intervention" in again.suggestion_hint.text() and again._minutes() == 60


def test_turned_off_the_request_stays_new(qtbot, ctx, office, monkeypatch):
    from ui.dialogs.board_settings import BoardSettingsDialog
    from ui.dialogs.schedule_dialog import ScheduleDialog

    req, anna, _, _ = office
    with acting_as(Actor(anna.id, Role.COORDINATOR, "Anna Rossi")):
        readonly = BoardSettingsDialog(ctx=ctx)
        qtbot.addWidget(readonly)
        assert not readonly.follow.isEnabled()  # only an administrator changes office rules
    rules = BoardSettingsDialog(ctx=ctx)
    qtbot.addWidget(rules)
    assert rules.follow.isChecked() and rules.follow.isEnabled()
    rules.follow.setChecked(False)
    with qtbot.waitSignal(ctx.bus.changed):
        rules.save()
    assert not interventions.request_follows_work()
    dialog = ScheduleDialog(ctx=ctx, request_id=req.id, operator_id=anna.id, start=at(MON, "09:00"))
    qtbot.addWidget(dialog)
    dialog.save()
    assert req.reload().status == "new" and req.reload().owner_id is None


def _complete_with(report: str, *, log: bool = False):
    def run(dialog):
        dialog.report.setPlainText(report)
        dialog.log_work.setChecked(log)
        dialog.save()
        return dialog.result()
    return run


def test_completing_the_last_intervention_offers_to_resolve(qtbot, ctx, office, monkeypatch):
    """A bar in the panel asks — nothing modal — and "Resolve…" opens the resolve step with the
    interventions' reports composed into the final report."""
    from ui.dialogs.complete_dialog import CompleteDialog
    from ui.widgets.board_request_panels import FinalReportDialog, InterventionsPanel

    req, anna, bruno, _ = office
    first = interventions.schedule(req.id, activity_type_id=_repair(), operator_id=anna.id,
                                   planned_start=at(MON, "08:30"), planned_end=at(MON, "09:30")).intervention
    interventions.schedule(req.id, activity_type_id=_repair(), operator_id=bruno.id,
                           planned_start=at(MON, "10:00"), planned_end=at(MON, "11:00"))
    clock.freeze(at(MON, "12:00"))
    editor = FakeEditor(req.id)
    panel = InterventionsPanel(ctx, editor)
    qtbot.addWidget(panel)
    panel.show()
    monkeypatch.setattr(CompleteDialog, "exec", _complete_with("Sostituito lo switch."))
    panel.table.selectRow(0)
    panel.complete()
    assert Intervention.get_by_id(first.id).status == "done"
    assert not panel.resolve_bar.isVisible()  # Bruno's visit is still open
    panel.table.selectRow(1)
    monkeypatch.setattr(CompleteDialog, "exec", _complete_with("Verificata la rete."))
    panel.complete()
    assert panel.resolve_bar.isVisible()
    # "Not now" puts it away; the request stays as it is
    panel.resolve_bar.findChild(type(panel.resolve_btn), "resolveLaterButton").click()
    assert not panel.resolve_bar.isVisible() and req.reload().status == "assigned"
    panel.offer_resolve()
    drafted = []

    def accept(dialog):
        drafted.append(dialog.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FinalReportDialog, "exec", accept)
    with qtbot.waitSignal(ctx.bus.changes):
        panel.resolve_btn.click()
    assert "Sostituito lo switch." in drafted[0] and "Verificata la rete." in drafted[0]
    stored = req.reload()
    assert stored.status == "resolved" and stored.final_report == drafted[0]
    assert editor.reloaded >= 1 and not panel.resolve_bar.isVisible()


def test_a_technician_is_not_offered_what_he_may_not_do(qtbot, ctx, office, monkeypatch):
    from ui.dialogs.complete_dialog import CompleteDialog
    from ui.widgets.board_request_panels import InterventionsPanel

    req, anna, _, _ = office
    interventions.schedule(req.id, activity_type_id=_repair(), operator_id=anna.id,
                           planned_start=at(MON, "08:30"), planned_end=at(MON, "09:30"))
    clock.freeze(at(MON, "12:00"))
    monkeypatch.setattr(CompleteDialog, "exec", _complete_with("Fatto."))
    with acting_as(Actor(anna.id, Role.TECHNICIAN, "Anna Rossi")):
        panel = InterventionsPanel(ctx, FakeEditor(req.id))
        qtbot.addWidget(panel)
        panel.show()
        panel.table.selectRow(0)
        assert panel.complete_btn.isEnabled()
        panel.complete()
        assert reads.of_request(req.id)[0].status == "done"
        assert not panel.resolve_bar.isVisible()


def test_a_new_work_log_entry_starts_from_the_signed_in_operators_work(qtbot, ctx, office):
    """R-LOG-1 defaults: the signed-in operator, his intervention preselected, its activity type
    and times; choosing another intervention takes its activity type and times."""
    from ui.dialogs.worklog_dialog import WorklogDialog

    req, anna, bruno, _ = office
    remote = ActivityType.get(code="remote").id
    mine = interventions.schedule(req.id, activity_type_id=remote, operator_id=anna.id,
                                  planned_start=at(MON, "08:30"), planned_end=at(MON, "10:00")).intervention
    other = interventions.schedule(req.id, activity_type_id=_repair(), operator_id=bruno.id,
                                   planned_start=at(MON, "13:30"), planned_end=at(MON, "15:30")).intervention
    clock.freeze(at(MON, "16:00"))
    with acting_as(Actor(anna.id, Role.COORDINATOR, "Anna Rossi")):
        dialog = WorklogDialog(ctx=ctx, request_id=req.id)
        qtbot.addWidget(dialog)
        assert dialog.operator.currentData() == anna.id
        assert dialog.intervention.currentData() == mine.id
        assert dialog.activity.currentData() == remote
        assert dialog.by_times.isChecked() and "1 h 30 min" in dialog.total.text()
        dialog.intervention.setCurrentIndex(dialog.intervention.findData(other.id))
        dialog.intervention.activated.emit(dialog.intervention.currentIndex())
        assert dialog.activity.currentData() == _repair() and "2 h 00 min" in dialog.total.text()
        dialog.save()
    entry = WorkLog.get()
    assert (entry.operator_id, entry.intervention_id, entry.minutes) == (anna.id, other.id, 120)


def test_the_free_slot_list_says_what_is_wrong(qtbot, ctx, office):
    from ui.dialogs.schedule_dialog import ScheduleDialog

    req, anna, _, team = office
    dialog = ScheduleDialog(ctx=ctx, request_id=req.id, operator_id=anna.id, start=at(MON, "09:00"))
    qtbot.addWidget(dialog)

    def line() -> str:
        dialog._refresh_slots()
        assert dialog.slots.count() == 1 and dialog.slots.item(0).data(0x0100) is None
        return dialog.slots.item(0).text()

    dialog.end.setDateTime(fmt.qdatetime(at(MON, "08:00")))
    assert "end is before the start" in line() and "operator" not in line()
    dialog.end.setDateTime(fmt.qdatetime(at(MON, "20:00")))
    assert "Longer than a working day (9.0 h at most)" in line()
    dialog.end.setDateTime(fmt.qdatetime(at(MON, "10:00")))
    scheduling.add_absence(anna.id, "holiday", at(MON, "00:00"), at(MON + dt.timedelta(days=30), "00:00"))
    assert "Anna Rossi is absent on every working day of the next 14 days" in line()
    dialog.operator.setCurrentIndex(dialog.operator.findData(None))
    dialog.team.setCurrentIndex(dialog.team.findData(None))
    assert "Choose an operator or a team" in line()
    Operator.update(active=False).where(Operator.team == team.id).execute()
    dialog.team.setCurrentIndex(dialog.team.findData(team.id))
    assert "no active operator" in line()


def test_board_reads_on_a_worker_and_keeps_the_newest_answer(qtbot, db, tmp_path, office):
    """Paging the week runs off the GUI thread; an answer to an older page is dropped."""
    from ui.docks.team_board import TeamBoardWidget

    clock.freeze(at(MON, "07:30"))
    req, anna, _, _ = office
    later = MON + dt.timedelta(days=14)
    item = interventions.schedule(req.id, activity_type_id=_repair(), operator_id=anna.id,
                                  planned_start=at(later, "09:00"), planned_end=at(later, "10:00")).intervention
    ctx = _ctx(db, tmp_path, threaded=True)
    board = TeamBoardWidget(ctx=ctx)
    qtbot.addWidget(board)
    board.step(1)
    board.step(1)  # two pages at once: only the last is shown
    qtbot.waitUntil(lambda: board.view.data is not None and board.view.data.start == later, timeout=10_000)
    board.worker.wait()
    qtbot.wait(50)
    assert board.view.data.start == later and [b.id for b in board.view.data.blocks] == [item.id]


def test_board_refreshes_only_for_what_it_shows(qtbot, ctx, office, monkeypatch):
    from ui.docks.team_board import TeamBoardWidget

    req, anna, _, _ = office
    board = TeamBoardWidget(ctx=ctx)
    qtbot.addWidget(board)
    board.set_mode("day")
    loads = []
    original = board.worker.run
    monkeypatch.setattr(board.worker, "run", lambda *a, **k: loads.append(a) or original(*a, **k))
    other = ServiceRequest.create(number="RS-2026-000009", customer=req.customer_id,
                                  priority=req.priority_id, opened_at=at(MON, "07:00"))
    ServiceRequest.update(subject="altro").where(ServiceRequest.id == other.id).execute()
    assert loads == []  # a request that has nothing on the board
    item = interventions.schedule(req.id, activity_type_id=_repair(), operator_id=anna.id,
                                  planned_start=at(MON, "09:00"), planned_end=at(MON, "10:00")).intervention
    assert loads and [b.id for b in board.view.data.blocks] == [item.id]
    loads.clear()
    ServiceRequest.update(subject="Rete ferma in magazzino").where(ServiceRequest.id == req.id).execute()
    assert loads and board.view.data.blocks[0].subject == "Rete ferma in magazzino"


def test_undo_after_another_workstation_moved_it_changes_nothing(qtbot, ctx, office, boxes,
                                                                  other_workstation):
    """R-X-1: the undo step carries the version its move produced; a newer one is a conflict."""
    from ui.docks.team_board import TeamBoardWidget

    req, anna, bruno, _ = office
    item = interventions.schedule(req.id, activity_type_id=_repair(), operator_id=anna.id,
                                  planned_start=at(MON, "09:00"), planned_end=at(MON, "10:00")).intervention
    board = TeamBoardWidget(ctx=ctx)
    qtbot.addWidget(board)
    board.set_mode("day")
    block = board.view.data.blocks[0]
    assert board.move_block(block, bruno.id, None, at(MON, "14:00"), at(MON, "15:00"))
    other_workstation(ctx.db, "UPDATE intervention SET planned_start = ?, planned_end = ?, "
                      "version = version + 1 WHERE id = ?",
                      ("2026-03-02 16:00:00", "2026-03-02 17:00:00", item.id))
    board.undo_stack.undo()
    assert boxes and "Another workstation" in boxes[0]
    stored = Intervention.get_by_id(item.id)
    assert (stored.operator_id, stored.planned_start) == (bruno.id, at(MON, "16:00"))
    assert not board.undo_stack.canUndo()  # the step is dropped
    assert board.view.data.blocks[0].start == at(MON, "16:00")  # shown as it is now


def test_absences_are_written_through_the_op_runner(qtbot, ctx, office, boxes, other_workstation):
    from ui.dialogs.absence_dialog import AbsenceDialog

    _, anna, _, _ = office
    dialog = AbsenceDialog(ctx=ctx, operator_id=anna.id)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("training"))
    dialog.note.setText("Corso caldaie")
    with qtbot.waitSignal(ctx.bus.changes):
        dialog.save()
    assert dialog.table.rowCount() == 1 and Absence.get().kind == "training"
    dialog.table.selectRow(0)
    other_workstation(ctx.db, "UPDATE absence SET note = 'Corso spostato', version = version + 1")
    dialog.note.setText("Corso caldaie avanzato")
    dialog.save()
    assert boxes and "Another workstation" in boxes[-1]
    assert Absence.get().note == "Corso spostato"  # theirs stays; the list shows it again
    assert dialog.table.item(0, 3).text() == "Corso spostato"


def test_work_log_panel_edits_and_deletes_by_version(qtbot, ctx, office, boxes, monkeypatch,
                                                     other_workstation, qtmodeltester):
    from ui.widgets.board_request_panels import WorklogPanel

    req, anna, _, _ = office
    clock.freeze(at(MON, "18:00"))
    worklogs.create(req.id, worklogs.WorklogInput(anna.id, MON, _repair(), minutes=90))
    panel = WorklogPanel(ctx, FakeEditor(req.id))
    qtbot.addWidget(panel)
    qtmodeltester.check(panel.table.model())
    panel.table.selectRow(0)
    assert panel.edit_btn.isEnabled() and panel.delete_btn.isEnabled()
    other_workstation(ctx.db, "UPDATE work_log SET minutes = 60, version = version + 1")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.delete()  # the list showed 1.50 h: refused, shown again
    assert WorkLog.select().count() == 1 and "Another workstation" in boxes[-1]
    assert "1.00 h" in panel.totals.text()
    panel.table.selectRow(0)
    with qtbot.waitSignal(ctx.bus.changes):
        panel.delete()
    assert WorkLog.select().count() == 0 and panel.table.rowCount() == 0


def test_board_view_keeps_geometry_only_while_it_holds(qtbot, ctx, office):
    """Rectangles kept between paints follow a new width and new data (hit tests stay right)."""
    from ui.widgets.board_view import BoardView
    from servicedesk.queries.board import board

    req, anna, bruno, _ = office
    item = interventions.schedule(req.id, activity_type_id=_repair(), operator_id=anna.id,
                                  planned_start=at(MON, "09:00"), planned_end=at(MON, "11:00")).intervention
    view = BoardView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.set_data(board(MON, 1), "en")
    view.show()
    qtbot.waitExposed(view)
    block = view.data.blocks[0]
    row = view.row_index(anna.id)
    assert view.blocks_by_row()[row] == [block] and view.blocks_by_row()[view.row_index(bruno.id)] == []
    center = view.block_rect(block).center()
    assert view.block_at(center.x(), center.y()) == block
    view.resize(1400, 300)
    qtbot.waitUntil(lambda: view.width() == 1400)
    assert view._rect_of(block, row) == view.block_rect(block, row)
    interventions.reschedule(Intervention.get_by_id(item.id), operator_id=bruno.id,
                             planned_start=at(MON, "14:00"), planned_end=at(MON, "15:00"))
    view.set_data(board(MON, 1), "en")
    moved = view.data.blocks[0]
    assert view.blocks_by_row()[view.row_index(bruno.id)] == [moved]
    old = view.block_rect(moved).center()
    assert view.block_at(center.x(), center.y()) is None and view.block_at(old.x(), old.y()) == moved
    view.grab()


def test_the_layout_made_with_the_data_paints_as_the_view_would_itself(qtbot, ctx, office):
    """Issue 13 (paging ≤ 100 ms): rows, spans and labels made off the GUI thread are what the
    view computes when it is given the data alone."""
    from servicedesk.queries.board import board
    from ui.widgets.board_view import BoardView, block_label, board_layout

    req, anna, bruno, _ = office
    for who, start, end in ((anna, at(MON, "09:00"), at(MON, "11:00")),
                            (bruno, at(MON + dt.timedelta(days=1), "14:00"),
                             at(MON + dt.timedelta(days=1), "15:30")),
                            (anna, at(MON + dt.timedelta(days=2), "18:00"),
                             at(MON + dt.timedelta(days=2), "21:00"))):  # past the shown hours
        interventions.schedule(req.id, activity_type_id=_repair(), operator_id=who.id,
                               planned_start=start, planned_end=end, override=True,
                               override_note="evening call")
    data = board(MON, 7)
    layout = board_layout(data)
    given, alone = BoardView(), BoardView()
    for view, lay in ((given, layout), (alone, None)):
        qtbot.addWidget(view)
        view.resize(1200, 300)
        view.set_data(data, "en", lay)
    assert given.blocks_by_row() is layout.by_row and alone.blocks_by_row() == layout.by_row
    assert sum(map(len, layout.by_row)) == len(data.blocks) == 3
    for block in data.blocks:
        row = alone.row_index(block.operator_id, block.team_id)
        assert given._rect_of(block, row) == alone._rect_of(block, row) == alone.block_rect(block, row)
        assert given._style(block)[3] == alone._style(block)[3] == block_label(block)
        assert block_label(block).endswith("Officine Meccaniche · Milano")
    late = max(data.blocks, key=lambda b: b.start)
    rect = given.block_rect(late)
    assert rect.right() == pytest.approx(given.x_of(at(MON + dt.timedelta(days=2), "20:00")))
    given.grab()  # paints from the layout


def test_paging_reads_and_lays_out_the_week_on_the_worker(qtbot, db, tmp_path, office, monkeypatch):
    import threading

    from ui.docks import team_board
    from ui.docks.team_board import TeamBoardWidget

    clock.freeze(at(MON, "07:30"))
    ctx = _ctx(db, tmp_path, threaded=True)
    on_gui = []
    real = team_board.board_layout

    def spy(data):
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real(data)

    monkeypatch.setattr(team_board, "board_layout", spy)
    req, anna, _, _ = office
    interventions.schedule(req.id, activity_type_id=_repair(), operator_id=anna.id,
                           planned_start=at(MON + dt.timedelta(days=7), "09:00"),
                           planned_end=at(MON + dt.timedelta(days=7), "10:00"))
    board = TeamBoardWidget(ctx=ctx)
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.view.data is not None and board.view.data.start == MON)
    board.step(1)
    qtbot.waitUntil(lambda: board.view.data.start == MON + dt.timedelta(days=7))
    assert on_gui == [False, False]
    block = board.view.data.blocks[0]
    assert board.view.blocks_by_row()[board.view.row_index(anna.id)] == [block]
