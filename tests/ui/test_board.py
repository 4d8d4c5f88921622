"""Team board: drag a block to move/resize it, the database follows, Ctrl+Z restores (R-REQ-3)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QSettings
from PySide6.QtWidgets import QMessageBox

from servicedesk import clock
from servicedesk.models import (ActivityType, Intervention, Operator, Party, Priority,
                                ServiceRequest, Team)
from servicedesk.services import interventions, scheduling
from ui.appctx import AppContext
from ui.bus import EventBus

MON = dt.date(2026, 3, 2)


def at(day, hhmm):
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


@pytest.fixture
def ctx(db, tmp_path):
    clock.freeze(at(MON, "07:30"))
    return AppContext(db=db, bus=EventBus(), settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                      lang="en", screenshot_mode=True)


@pytest.fixture
def planned(db):
    team = Team.create(name="Nord")
    anna = Operator.create(username="anna", full_name="Anna Rossi", team=team)
    bruno = Operator.create(username="bruno", full_name="Bruno Verdi", team=team)
    party = Party.create(code="C1", name="Officine Meccaniche", city="Milano")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party,
                                priority=Priority.get(code="critical"), opened_at=at(MON, "07:00"))
    item = interventions.schedule(req.id, activity_type_id=ActivityType.get(code="repair").id,
                                  operator_id=anna.id, planned_start=at(MON, "09:00"),
                                  planned_end=at(MON, "11:00")).intervention
    return anna, bruno, req, item


def _board(qtbot, ctx):
    from ui.docks.team_board import TeamBoardWidget

    board = TeamBoardWidget(ctx=ctx)
    qtbot.addWidget(board)
    board.resize(1480, 400)
    board.set_mode("day")
    board.show()
    qtbot.waitExposed(board)
    return board


def _drag(qtbot, view, start: QPointF, end: QPointF) -> None:
    a, b = start.toPoint(), end.toPoint()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=a)
    mid = QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2)
    qtbot.mouseMove(view, mid)
    qtbot.mouseMove(view, b)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=b)


def test_drag_moves_block_to_other_operator_and_time_then_undo(qtbot, ctx, planned):
    anna, bruno, _, item = planned
    board = _board(qtbot, ctx)
    view = board.view
    rect = view.block_rect(view.data.blocks[0])
    assert view.data.days == 1 and rect.width() > 20
    target_row = view.row_index(bruno.id)
    dx = view.x_of(at(MON, "14:00")) - view.x_of(at(MON, "09:00"))
    start = rect.center()
    end = QPointF(start.x() + dx, 38 + target_row * view.row_h + view.row_h / 2)
    _drag(qtbot, view, start, end)
    moved = item.reload()
    assert moved.operator_id == bruno.id
    assert moved.planned_start == at(MON, "14:00") and moved.planned_end == at(MON, "16:00")
    board.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = item.reload()
    assert (back.operator_id, back.planned_start, back.planned_end) == (anna.id, at(MON, "09:00"), at(MON, "11:00"))
    board.redo_action.trigger()
    assert item.reload().operator_id == bruno.id


def test_resize_edge_changes_duration(qtbot, ctx, planned):
    _, _, _, item = planned
    board = _board(qtbot, ctx)
    view = board.view
    rect = view.block_rect(view.data.blocks[0])
    edge = QPointF(rect.right() - 2, rect.center().y())
    target = QPointF(view.x_of(at(MON, "12:00")), rect.center().y())
    _drag(qtbot, view, edge, target)
    fresh = item.reload()
    assert fresh.planned_start == at(MON, "09:00") and fresh.planned_end == at(MON, "12:00")


def test_conflict_declined_leaves_database_untouched(qtbot, ctx, planned, monkeypatch):
    anna, _, _, item = planned
    scheduling.add_absence(anna.id, "sick", at(MON, "13:00"), at(MON, "18:00"))
    asked = []
    monkeypatch.setattr("ui.docks.team_board.confirm_override", lambda parent, c: asked.append(c) or False)
    board = _board(qtbot, ctx)
    view = board.view
    rect = view.block_rect(view.data.blocks[0])
    dx = view.x_of(at(MON, "14:00")) - view.x_of(at(MON, "09:00"))
    _drag(qtbot, view, rect.center(), QPointF(rect.center().x() + dx, rect.center().y()))
    assert asked and asked[0][0].kind == "absence"
    assert item.reload().planned_start == at(MON, "09:00")
    # accepted: saved and the override recorded
    monkeypatch.setattr("ui.docks.team_board.confirm_override", lambda parent, c: True)
    rect = view.block_rect(view.data.blocks[0])
    _drag(qtbot, view, rect.center(), QPointF(rect.center().x() + dx, rect.center().y()))
    fresh = item.reload()
    assert fresh.planned_start == at(MON, "14:00") and "absence" in fresh.override_note


def test_move_from_stale_board_shows_conflict(qtbot, ctx, planned, monkeypatch, other_workstation):
    """Another workstation moved the intervention after the board was loaded (R-X-1)."""
    _, bruno, _, item = planned
    board = _board(qtbot, ctx)
    other_workstation(ctx.db, "UPDATE intervention SET planned_start = ?, planned_end = ?, "
                      "version = version + 1 WHERE id = ?",
                      ("2026-03-02 10:00:00", "2026-03-02 12:00:00", item.id))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    block = board.view.data.blocks[0]
    assert board.move_block(block, bruno.id, None, at(MON, "15:00"), at(MON, "16:00")) is False
    assert shown and "Another workstation" in shown[0]
    assert item.reload().planned_start == at(MON, "10:00")


def test_click_opens_request_and_week_view(qtbot, ctx, planned):
    _, _, req, _ = planned
    board = _board(qtbot, ctx)
    view = board.view
    rect = view.block_rect(view.data.blocks[0])
    with qtbot.waitSignal(ctx.bus.open_request) as sig:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert sig.args == [req.id]
    board.set_mode("week")
    assert board.view.data.days == 7 and board.view.data.start == MON
    board.step(1)
    assert board.view.data.start == MON + dt.timedelta(days=7) and board.view.data.blocks == []
    board.grab()  # paints without warnings
