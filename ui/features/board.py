"""Team board feature: the board dock, "my day", the Board menu, request panels, error texts (R-REQ-3, R-LOG-1)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from servicedesk.permissions import Permission

from .. import messages
from ..extensions import RequestPanel, register_request_panel

ORDER = 20
PREPARE = ("ui.docks.team_board",)  # imported on a worker before the board is built at start


def _register_messages() -> None:
    r = messages.register
    r("scheduling.conflicts", lambda p: QCoreApplication.translate("Messages", "The chosen time has scheduling conflicts."))
    r("scheduling.hours_overlap", lambda p: QCoreApplication.translate("Messages", "Two working periods of the same day overlap."))
    r("scheduling.absence_too_long", lambda p: QCoreApplication.translate("Messages", "An absence cannot last more than {days} days.").format(**p))
    r("scheduling.duration_positive", lambda p: QCoreApplication.translate("Messages", "The duration must be greater than zero."))
    r("scheduling.no_hours", lambda p: QCoreApplication.translate("Messages", "Choose at least one working day, or use the office default."))
    r("interventions.operator_or_team", lambda p: QCoreApplication.translate("Messages", "Choose an operator or a team."))
    r("interventions.too_long", lambda p: QCoreApplication.translate("Messages", "An intervention cannot last more than {days} days.").format(**p))
    r("interventions.not_open", lambda p: QCoreApplication.translate("Messages", "The intervention is already done or cancelled."))
    r("interventions.in_future", lambda p: QCoreApplication.translate("Messages", "The actual start cannot be in the future."))
    r("worklogs.future_date", lambda p: QCoreApplication.translate("Messages", "Work cannot be logged for a date after today."))
    r("worklogs.too_many_hours", lambda p: QCoreApplication.translate("Messages", "More than {hours} hours in one day is not plausible.").format(**p))
    r("worklogs.day_too_long", lambda p: QCoreApplication.translate("Messages", "With this entry the operator's day would reach {logged} hours (at most {hours}).").format(**p))
    r("worklogs.empty", lambda p: QCoreApplication.translate("Messages", "Enter the time worked or the travel time."))
    r("worklogs.too_many_km", lambda p: QCoreApplication.translate("Messages", "More than {max} km is not plausible.").format(**p))
    r("worklogs.overlap", lambda p: QCoreApplication.translate("Messages", "The entry overlaps other entries of the same operator."))


def _interventions_panel(ctx, editor):
    from ..widgets.board_request_panels import InterventionsPanel

    return InterventionsPanel(ctx, editor)


def _worklog_panel(ctx, editor):
    from ..widgets.board_worklog_panel import WorklogPanel

    return WorklogPanel(ctx, editor)


def _register_panels() -> None:
    # the panels' modules are imported when a request editor first shows them (or by the warm-up)
    register_request_panel(RequestPanel("interventions", lambda: QCoreApplication.translate("Board", "Interventions"),
                                        _interventions_panel, order=20))
    register_request_panel(RequestPanel("worklog", lambda: QCoreApplication.translate("Board", "Work log"),
                                        _worklog_panel, order=30))


def install(window) -> None:
    """The board's dock, menu and tools. The board itself (its module and widget: about a
    tenth of a second) is built after the queue's first page is painted (#18); until then its
    menu entries work on it as soon as it exists, and opening an intervention builds it."""
    from PySide6.QtWidgets import QToolButton

    ctx = window.ctx
    _register_messages()
    _register_panels()
    menu = window.menu("board", QCoreApplication.translate("Board", "&Board"))
    # Undo and redo act on the board's own stack: stand-ins (disabled: nothing to undo on a
    # board not built yet) until the board gives its actions.
    undo_slot = QAction(QCoreApplication.translate("Board", "Undo"), window)
    redo_slot = QAction(QCoreApplication.translate("Board", "Redo"), window)
    undo_slot.setEnabled(False)
    redo_slot.setEnabled(False)
    hours = QAction(QCoreApplication.translate("Board", "Working hours…"), window)
    hours.setObjectName("workingHoursAction")
    absences = QAction(QCoreApplication.translate("Board", "Absences…"), window)
    absences.setObjectName("absencesAction")
    rules = QAction(QCoreApplication.translate("Board", "Scheduling rules…"), window)
    rules.setObjectName("schedulingRulesAction")
    export = QAction(QCoreApplication.translate("Board", "Export schedule (.ics)…"), window)
    sheet = QAction(QCoreApplication.translate("Board", "Save intervention sheet as PDF…"), window)
    print_action = QAction(QCoreApplication.translate("Board", "Print intervention sheet…"), window)

    def make_board():
        from ..docks.team_board import TeamBoardWidget

        board = TeamBoardWidget(ctx=ctx)
        board.setMinimumHeight(220)
        for slot, action in ((undo_slot, board.undo_action), (redo_slot, board.redo_action)):
            menu.insertAction(slot, action)
            menu.removeAction(slot)
        # The same tools on the board's own toolbar.
        tools = QToolButton()
        tools.setObjectName("boardToolsButton")
        tools.setText(QCoreApplication.translate("Board", "Tools"))
        tools.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for action in (hours, absences, rules, export, sheet, print_action):
            tools.addAction(action)
        board.tool_bar.insertWidget(board.tool_bar.count() - 1, tools)
        window.board = board  # other features' actions on the selected intervention
        return board

    dock = window.add_dock(make_board, "teamBoardDock", QCoreApplication.translate("Board", "Team board"),
                           Qt.DockWidgetArea.BottomDockWidgetArea, shortcut="Ctrl+Shift+B",
                           after_first_screen=True, prepare=PREPARE)
    if dock.placeholder is not None:
        dock.placeholder.setMinimumHeight(220)  # the room the board will take
    # The board wants room: about 40 % of the window's height by default (saved layouts win).
    window.resizeDocks([dock], [400], Qt.Orientation.Vertical)

    def board():
        return dock.widget()  # built now if it was not yet

    def open_intervention(intervention_id: int) -> None:
        if not dock.is_built():  # the board built now missed the signal that asked for it
            board().show_intervention(intervention_id)

    ctx.bus.open_intervention.connect(open_intervention)

    def my_day():  # built when its tab is first shown (behind the board by default)
        from ..widgets.my_day import MyDayWidget

        return MyDayWidget(ctx=ctx)

    window.add_dock(my_day, "myDayDock", QCoreApplication.translate("Board", "My day"),
                    Qt.DockWidgetArea.RightDockWidgetArea)

    show = QAction(QCoreApplication.translate("Board", "Show team board"), window)
    show.triggered.connect(lambda: window.show_dock("teamBoardDock"))
    menu.addAction(show)
    show_day = QAction(QCoreApplication.translate("Board", "My day"), window)
    show_day.triggered.connect(lambda: window.show_dock("myDayDock"))
    menu.addAction(show_day)
    menu.addSeparator()
    menu.addAction(undo_slot)
    menu.addAction(redo_slot)
    menu.addSeparator()
    editable = ctx.actor.can(Permission.BOARD_EDIT)
    hours.setEnabled(editable)
    absences.setEnabled(editable)

    def selected_operator():
        built = board()
        return built.selected.operator_id if built.selected else ctx.actor.operator_id

    def edit_hours() -> None:
        from ..dialogs.working_hours_dialog import WorkingHoursDialog

        WorkingHoursDialog(ctx=ctx, operator_id=selected_operator(), parent=window).exec()

    def edit_absences() -> None:
        from ..dialogs.absence_dialog import AbsenceDialog

        AbsenceDialog(ctx=ctx, operator_id=selected_operator(), parent=window).exec()

    def edit_rules() -> None:
        from ..dialogs.board_settings import BoardSettingsDialog

        BoardSettingsDialog(ctx=ctx, parent=window).exec()

    hours.triggered.connect(edit_hours)
    absences.triggered.connect(edit_absences)
    rules.triggered.connect(edit_rules)
    menu.addAction(hours)
    menu.addAction(absences)
    menu.addAction(rules)
    menu.addSeparator()
    export.triggered.connect(lambda: board().export_ics())
    menu.addAction(export)

    def save_sheet() -> None:
        from ..widgets.board_actions import save_sheet_pdf

        built = board()
        if built.selected is None:
            ctx.bus.status_message.emit(QCoreApplication.translate("Board", "Select an intervention on the board first."))
            return
        save_sheet_pdf(window, ctx, built.selected.id)

    sheet.triggered.connect(save_sheet)
    menu.addAction(sheet)

    def print_selected() -> None:
        from ..widgets.board_actions import print_sheet

        built = board()
        if built.selected is None:
            ctx.bus.status_message.emit(QCoreApplication.translate("Board", "Select an intervention on the board first."))
            return
        print_sheet(window, ctx, built.selected.id)

    print_action.triggered.connect(print_selected)
    menu.addAction(print_action)
