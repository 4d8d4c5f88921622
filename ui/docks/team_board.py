"""The team board dock (agenda / lavagna team): day and week views, drag to reschedule, undo (R-REQ-3).

The week is read as one snapshot (``queries.board.board``: rows, blocks, working hours,
absences) on a worker, so paging never stalls the window; every move, resize, undo and redo is
a unit of work run by the op runner with the version the board showed; the board reloads when a
change set touches what it shows.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout,
                               QWidget)

from servicedesk import clock
from servicedesk.permissions import Permission
from servicedesk.queries import interventions as intervention_reads
from servicedesk.queries.board import Block, BoardData, board
from servicedesk.services import interventions
from servicedesk.uow import ChangeSet

from .. import fmt
from ..widgets.board_common import confirm_override, confirm_scheduling, fill_teams, run_confirmed
from ..widgets.board_view import BoardLayout, BoardView, board_layout
from ..workers import Worker

#: Tables whose changes the board shows (requests and customers only for blocks on the board).
_BOARD_TABLES = ("intervention", "absence", "working_hours", "operator", "team", "activity_type",
                 "priority")


class MoveCommand(QUndoCommand):
    """A reschedule already written to the database; undo/redo write the other state, through
    the op runner, with the version the previous write produced."""

    def __init__(self, dock: "TeamBoardWidget", intervention_id: int, before: tuple, after: tuple,
                 version: int) -> None:
        super().__init__(QCoreApplication.translate("Board", "Move intervention #{id}").format(id=intervention_id))
        self.dock = dock
        self.intervention_id = intervention_id
        self.before = before  # (operator_id, team_id, start, end)
        self.after = after
        self.version = version  # the version our last write produced
        self._first = True

    def _apply(self, state: tuple) -> None:
        op_id, team_id, start, end = state
        # A newer version (changed on another workstation since) is refused as a conflict: the
        # op runner says what changed, the board shows it as it is now, the step is dropped.
        outcome = self.dock.ctx.ops.run(
            self.dock, interventions.reschedule_intervention, self.intervention_id, self.version,
            operator_id=op_id, team_id=team_id, planned_start=start, planned_end=end,
            override=True, override_note=QCoreApplication.translate("Board", "undo/redo on the board"),
            title=QCoreApplication.translate("Board", "Cannot undo"))
        if outcome is None:
            self.setObsolete(True)
            self.dock.reload()
            return
        self.version = outcome.result.version

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class TeamBoardWidget(QWidget):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("teamBoard")
        self.day = clock.today()
        self.mode = "week"
        self.undo_stack = QUndoStack(self)

        self.day_btn = QToolButton()
        self.day_btn.setText(QCoreApplication.translate("Board", "Day"))
        self.day_btn.setObjectName("dayViewButton")
        self.week_btn = QToolButton()
        self.week_btn.setText(QCoreApplication.translate("Board", "Week"))
        self.week_btn.setObjectName("weekViewButton")
        group = QButtonGroup(self)
        for b in (self.day_btn, self.week_btn):
            b.setCheckable(True)
            group.addButton(b)
        self.week_btn.setChecked(True)
        self.day_btn.clicked.connect(lambda: self.set_mode("day"))
        self.week_btn.clicked.connect(lambda: self.set_mode("week"))
        prev_btn = QToolButton()
        prev_btn.setText("◀")
        prev_btn.setToolTip(QCoreApplication.translate("Board", "Previous"))
        prev_btn.clicked.connect(lambda: self.step(-1))
        today_btn = QPushButton(QCoreApplication.translate("Board", "Today"))
        today_btn.clicked.connect(lambda: self.go_to(clock.today()))
        next_btn = QToolButton()
        next_btn.setText("▶")
        next_btn.setToolTip(QCoreApplication.translate("Board", "Next"))
        next_btn.clicked.connect(lambda: self.step(1))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("boardDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setDate(fmt.qdate(self.day))
        self.date_edit.setToolTip(QCoreApplication.translate("Board", "Jump to date"))
        self.date_edit.dateChanged.connect(lambda d: self.go_to(fmt.pydate(d)))
        self.team = QComboBox()
        self.team.setObjectName("boardTeam")
        self.team.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.team.setMinimumContentsLength(7)
        fill_teams(self.team, ctx.lookups(), all_label=QCoreApplication.translate("Board", "All teams"))
        self.team.currentIndexChanged.connect(self.reload)
        self.title = QLabel()
        self.title.setObjectName("boardTitle")
        # The range is also in the date box: the label may shrink away on narrow screens.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setMinimumWidth(0)
        self.undo_btn = QToolButton()
        self.undo_btn.setObjectName("undoButton")
        self.undo_btn.setText("↶")
        self.undo_btn.setToolTip(QCoreApplication.translate("Board", "Undo") + " (Ctrl+Z)")
        self.undo_btn.setEnabled(False)
        self.undo_btn.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_btn.setEnabled)
        self.tools: list[QAction] = []

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for w in (self.day_btn, self.week_btn, prev_btn, today_btn, next_btn, self.date_edit, self.team):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.undo_btn)
        self.tool_bar = bar

        self.view = BoardView()
        self.view.editable = ctx.actor.can(Permission.INTERVENTION_PLAN)
        self.view.block_clicked.connect(self.ctx.bus.open_request.emit)
        self.view.block_moved.connect(self.move_block)
        self.view.block_selected.connect(self._selected)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        self.message = QLabel()
        self.message.setObjectName("boardMessage")
        self.message.setStyleSheet("color: #b45309;")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)

        undo = self.undo_stack.createUndoAction(self, QCoreApplication.translate("Board", "Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        redo = self.undo_stack.createRedoAction(self, QCoreApplication.translate("Board", "Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(undo)
        self.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        self.selected: Block | None = None
        self._select_after_load: int | None = None
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        ctx.bus.changes.connect(self._on_changes)
        ctx.bus.open_intervention.connect(self.show_intervention)
        ctx.after_first_screen(self.reload)  # the queue's first page is read first

    def show_intervention(self, intervention_id: int) -> None:
        """Jump to the intervention's day and select its block (bus.open_intervention)."""
        item = intervention_reads.intervention(intervention_id)
        if item is None or item.planned_start is None:
            return
        self._select_after_load = item.id
        if self.team.currentData() not in (None, item.team_id):
            self.team.blockSignals(True)
            self.team.setCurrentIndex(0)
            self.team.blockSignals(False)
        self.go_to(item.planned_start.date())

    # -- navigation -----------------------------------------------------------------------------
    def period(self) -> tuple[dt.date, int]:
        if self.mode == "day":
            return self.day, 1
        return self.day - dt.timedelta(days=self.day.weekday()), 7

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.day_btn.setChecked(mode == "day")
        self.week_btn.setChecked(mode == "week")
        self.reload()

    def step(self, direction: int) -> None:
        self.go_to(self.day + dt.timedelta(days=direction * (1 if self.mode == "day" else 7)))

    def go_to(self, day: dt.date) -> None:
        self.day = day
        if fmt.pydate(self.date_edit.date()) != day:
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(fmt.qdate(day))
            self.date_edit.blockSignals(False)
        self.reload()

    # -- reading --------------------------------------------------------------------------------
    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches("team"):
            selected = self.team.currentData()
            self.team.blockSignals(True)
            fill_teams(self.team, self.ctx.lookups(),
                       all_label=QCoreApplication.translate("Board", "All teams"), selected=selected)
            self.team.blockSignals(False)
        if self._shows(changes):
            self.reload()

    def _shows(self, changes: ChangeSet) -> bool:
        """Does the change set touch what the board shows? Any intervention may move into the
        shown period; requests and customers only matter for the blocks on it."""
        if changes.touches(*_BOARD_TABLES):
            return True
        data = self.view.data
        if data is None:
            return False
        if changes.bulk("service_request") or changes.bulk("party"):
            return True
        if changes.touches("party") and data.blocks:  # a customer's name on a block
            return True
        requests = changes.ids("service_request")
        return any(b.request_id in requests for b in data.blocks) if requests else False

    def reload(self) -> None:
        """Read the shown period again (on a worker: a busy week of the large database takes
        about 50 ms); a newer reload makes an older answer stale."""
        start, days = self.period()
        self.worker.run(_read, start, days, self.team.currentData(), key="board",
                        on_done=self._loaded)
        end = start + dt.timedelta(days=days - 1)
        self.title.setText(fmt.date(start) if days == 1 else f"{fmt.date(start)} – {fmt.date(end)}")

    def _loaded(self, read: tuple[BoardData, BoardLayout]) -> None:
        data, layout = read
        wanted = self._select_after_load
        if wanted is None and self.selected is not None:
            wanted = self.selected.id
        self._select_after_load = None
        self.view.set_data(data, self.ctx.lang, layout)
        # the selection follows its intervention into the new snapshot (with its new version)
        self.selected = next((b for b in data.blocks if b.id == wanted), None)
        self.view.selected_id = self.selected.id if self.selected else None
        self.view.update()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.ctx.bus.status_message.emit(text)

    def _selected(self, block: Block | None) -> None:
        self.selected = block

    # -- drag and drop --------------------------------------------------------------------------
    def move_block(self, block: Block, operator_id, team_id, start: dt.datetime, end: dt.datetime) -> bool:
        """Write a drag/resize at once, with the version the board showed (a move by another
        workstation since is refused and shown); conflicts ask for confirmation. True when saved."""
        self.message.hide()
        before = (block.operator_id, block.team_id, block.start, block.end)
        if operator_id is None and team_id is None:
            team_id = block.team_id
        if operator_id is not None and operator_id != block.operator_id:
            team_id = None  # follows the new operator
        outcome = run_confirmed(
            self.ctx, self, interventions.reschedule_intervention, block.id, block.version,
            operator_id=operator_id, team_id=team_id, planned_start=start, planned_end=end,
            confirm=lambda err: confirm_scheduling(self, err, confirm_override),
            title=QCoreApplication.translate("Board", "Team board"))
        if outcome is None:
            self.reload()  # the block goes back where it is stored
            return False
        after = (operator_id, team_id, start, end)
        self.undo_stack.push(MoveCommand(self, block.id, before, after, outcome.result.version))
        return True

    # -- toolbar actions (wired by the feature) --------------------------------------------------
    def export_ics(self, operator_id: int | None = None) -> None:
        from ..widgets.board_actions import export_operator_ics

        export_operator_ics(self, self.ctx, operator_id or (self.selected.operator_id if self.selected else None),
                            *self.period())


def _read(start: dt.date, days: int, team_id: int | None) -> tuple[BoardData, BoardLayout]:
    """The period and what painting it needs (on the worker: the GUI thread only paints)."""
    data = board(start, days, team_id=team_id)
    return data, board_layout(data)
