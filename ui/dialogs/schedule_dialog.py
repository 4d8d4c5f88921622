"""Schedule (or edit) an intervention with the team board consulted (R-REQ-3).

The dialog shows the chosen operator's team for the proposed day as a small board, proposes the
next free slots that fit the duration (or says why there are none), and warns live about double
bookings, absences and time outside working hours. Saving over a warning asks for confirmation
and records the override. A new intervention starts from what the request's work suggests (its
latest intervention, else its problem type) and from the request's owner; saving it may assign a
new request to the technician (the request follows its work, #12). Completing: complete_dialog.py.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from servicedesk import clock, limits
from servicedesk.queries import board as board_reads
from servicedesk.queries import interventions as reads
from servicedesk.queries.board import SlotSearch
from servicedesk.queries.interventions import InterventionRow
from servicedesk.services import interventions
from servicedesk.services.interventions import ScheduleResult

from .. import fmt
from ..widgets.board_common import (confirm_override, confirm_scheduling, conflict_line,
                                    fill_activity_types, fill_operators, fill_teams,
                                    round_up_quarter, run_confirmed)
from ..widgets.board_view import BoardView
from ..widgets.limited_text import limit_text
from .complete_dialog import CompleteDialog  # noqa: F401 - its old home
from ..interpreter import PaintsHoldingLock

SLOT_DAYS = 14  # how far ahead free slots are searched


class ScheduleDialog(PaintsHoldingLock, QDialog):
    """New intervention on ``request_id``, or edit of ``intervention_id`` (planned / in progress)."""

    def __init__(self, *, ctx, request_id: int, intervention_id: int | None = None,
                 operator_id: int | None = None, team_id: int | None = None,
                 start: dt.datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lookups = ctx.lookups()
        self.request = reads.request_brief(request_id)
        self.intervention: InterventionRow | None = (
            reads.intervention(intervention_id) if intervention_id is not None else None)
        self.saved_id: int | None = None
        self.result_: ScheduleResult | None = None
        self.conflicts: list = []
        self.setObjectName("scheduleDialog")
        editing = self.intervention is not None
        self.setWindowTitle(QCoreApplication.translate("Board", "Edit intervention") if editing
                            else QCoreApplication.translate("Board", "Schedule intervention"))
        self._end_touched = editing
        self._last_minutes: int | None = None

        self.activity = QComboBox()
        self.activity.setObjectName("activityCombo")
        self.team = QComboBox()
        self.team.setObjectName("teamCombo")
        self.operator = QComboBox()
        self.operator.setObjectName("operatorCombo")
        self.start = QDateTimeEdit()
        self.start.setObjectName("startEdit")
        self.end = QDateTimeEdit()
        self.end.setObjectName("endEdit")
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.duration = QLabel()
        self.duration.setObjectName("durationLabel")
        self.instructions = QPlainTextEdit()
        self.instructions.setObjectName("instructionsEdit")
        limit_text(self.instructions, limits.limit("intervention", "instructions"))
        self.instructions.setPlaceholderText(QCoreApplication.translate(
            "Board", "What the technician must know or bring: access, parts, contact on site…"))
        self.instructions.setMaximumHeight(90)
        prio = self.lookups.priority(self.request.priority_id)
        priority = QLabel(prio.name(ctx.lang) if prio else "")
        if prio is not None:
            priority.setStyleSheet(f"color: {prio.color}; font-weight: bold;")
        priority.setToolTip(QCoreApplication.translate("Board", "Inherited from the request"))
        self.suggestion_hint = QLabel()
        self.suggestion_hint.setObjectName("suggestionHint")
        self.suggestion_hint.setStyleSheet("color: #6b7280;")

        self._fill(operator_id, team_id, start)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Board", "Request"),
                    QLabel(f"<b>{_esc(self.request.number)}</b> {_esc(self.request.subject)}"))
        activity_row = QHBoxLayout()
        activity_row.addWidget(self.activity)
        activity_row.addWidget(self.suggestion_hint, 1)
        form.addRow(QCoreApplication.translate("Board", "Activity type"), activity_row)
        form.addRow(QCoreApplication.translate("Board", "Team"), self.team)
        form.addRow(QCoreApplication.translate("Board", "Operator"), self.operator)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("→"))
        times.addWidget(self.end)
        times.addWidget(self.duration)
        times.addStretch(1)
        form.addRow(QCoreApplication.translate("Board", "Planned"), times)
        form.addRow(QCoreApplication.translate("Board", "Priority"), priority)
        form.addRow(QCoreApplication.translate("Board", "Instructions"), self.instructions)

        self.warning = QLabel()
        self.warning.setObjectName("conflictWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b45309;")
        self.override_note = QLineEdit()
        self.override_note.setObjectName("overrideNote")
        self.override_note.setPlaceholderText(QCoreApplication.translate(
            "Board", "Why the conflict is accepted (recorded)"))
        limit_text(self.override_note, limits.limit("intervention", "override_note"))

        self.slots = QListWidget()
        self.slots.setObjectName("freeSlots")
        self.slots.setMaximumHeight(120)
        self.slots.itemActivated.connect(self._use_slot)
        self.slots.itemClicked.connect(self._use_slot)
        slot_head = QHBoxLayout()
        slot_head.addWidget(QLabel(QCoreApplication.translate("Board", "Next free slots for this duration:")))
        slot_head.addStretch(1)
        refresh = QPushButton(QCoreApplication.translate("Board", "Search again"))
        refresh.setObjectName("searchSlotsButton")
        refresh.clicked.connect(self._refresh_slots)
        slot_head.addWidget(refresh)

        self.agenda = BoardView()
        self.agenda.setObjectName("agendaView")
        self.agenda.editable = False
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.agenda)
        scroll.setMinimumHeight(180)
        self.agenda_title = QLabel()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.override_note)
        layout.addLayout(slot_head)
        layout.addWidget(self.slots)
        layout.addWidget(self.agenda_title)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(980, 760)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._refresh_all)
        self.activity.currentIndexChanged.connect(self._activity_changed)
        self.team.currentIndexChanged.connect(self._team_changed)
        self.operator.currentIndexChanged.connect(self._schedule_refresh)
        self.start.dateTimeChanged.connect(self._start_changed)
        self.end.dateTimeChanged.connect(self._end_changed)
        self._refresh_all()

    # -- values ---------------------------------------------------------------------------------
    def _fill(self, operator_id: int | None, team_id: int | None, start: dt.datetime | None) -> None:
        """The form's first values: the intervention's own when editing; else what the
        request's work suggests, its owner (or the operator/team/time asked for)."""
        item = self.intervention
        minutes = None
        if item is not None:
            activity_id, op_id, t_id = item.activity_type_id, item.operator_id, item.team_id
        else:
            suggestion = reads.suggested_activity(self.request.id)
            activity_id, minutes = suggestion.activity_type_id, suggestion.minutes
            self._show_suggestion(suggestion.source)
            op_id, t_id = operator_id, team_id
            owner = self.lookups.operator(self.request.owner_id)
            if op_id is None and t_id is None and owner is not None and owner.active:
                op_id = owner.id  # the request's owner does its work, by default
        if t_id is None and op_id is not None and self.lookups.operator(op_id) is not None:
            t_id = self.lookups.operator(op_id).team_id
        if t_id is None and op_id is None:
            t_id = self.request.team_id
        fill_activity_types(self.activity, self.lookups, self.ctx.lang, activity_id)
        fill_teams(self.team, self.lookups, all_label=QCoreApplication.translate("Board", "(all teams)"),
                   selected=t_id)
        self._fill_operators(op_id)
        if item is not None and item.planned_start and item.planned_end:
            begin, finish = item.planned_start, item.planned_end
        else:
            begin = start or round_up_quarter(clock.now() + dt.timedelta(hours=1))
            finish = begin + dt.timedelta(minutes=minutes or self._default_minutes())
        self.start.setDateTime(fmt.qdatetime(begin))
        self.end.setDateTime(fmt.qdatetime(finish))
        self._last_minutes = int((finish - begin).total_seconds() // 60)
        if item is not None:
            self.instructions.setPlainText(item.instructions)

    def _show_suggestion(self, source: str) -> None:
        texts = {
            "intervention": QCoreApplication.translate("Board", "as the request's latest intervention"),
            "problem_type": QCoreApplication.translate("Board", "suggested by the problem type"),
        }
        self.suggestion_hint.setText(texts.get(source, ""))

    def _default_minutes(self) -> int:
        at = self.lookups.activity_type(self.activity.currentData())
        return at.default_minutes if at else 120

    def _fill_operators(self, selected: int | None) -> None:
        fill_operators(self.operator, self.lookups, team_id=self.team.currentData(),
                       none_label=QCoreApplication.translate("Board", "(team, assign later)"),
                       selected=selected)

    def values(self) -> tuple[int | None, int | None, dt.datetime, dt.datetime]:
        return (self.operator.currentData(), self.team.currentData(),
                fmt.pydatetime(self.start.dateTime()), fmt.pydatetime(self.end.dateTime()))

    def _minutes(self) -> int:
        _, _, a, b = self.values()
        return int((b - a).total_seconds() // 60)

    # -- reactions ------------------------------------------------------------------------------
    def _activity_changed(self) -> None:
        self.suggestion_hint.setText("")
        if not self._end_touched:
            begin = fmt.pydatetime(self.start.dateTime())
            self.end.blockSignals(True)
            self.end.setDateTime(fmt.qdatetime(begin + dt.timedelta(minutes=self._default_minutes())))
            self.end.blockSignals(False)
        self._schedule_refresh()

    def _team_changed(self) -> None:
        self._fill_operators(self.operator.currentData())
        self._schedule_refresh()

    def _start_changed(self) -> None:
        # Moving the start keeps the duration, as on the board.
        minutes = self._last_minutes or self._default_minutes()
        begin = fmt.pydatetime(self.start.dateTime())
        self.end.blockSignals(True)
        self.end.setDateTime(fmt.qdatetime(begin + dt.timedelta(minutes=minutes)))
        self.end.blockSignals(False)
        self._schedule_refresh()

    def _end_changed(self) -> None:
        self._end_touched = True
        self._schedule_refresh()

    def _schedule_refresh(self) -> None:
        self._timer.start()

    def _refresh_all(self) -> None:
        minutes = self._minutes()
        if minutes > 0:
            self._last_minutes = minutes
            self.duration.setText(QCoreApplication.translate("Board", "{h} h {m:02d} min").format(
                h=minutes // 60, m=minutes % 60))
        else:
            self.duration.setText("")
        self._refresh_warnings()
        self._refresh_slots()
        self._refresh_agenda()

    def _exclude(self) -> int | None:
        return self.intervention.id if self.intervention else None

    def _refresh_warnings(self) -> None:
        op_id, _, begin, finish = self.values()
        lines: list[str] = []
        self.conflicts = []
        if finish <= begin:
            lines.append(QCoreApplication.translate("Messages", "The end is before the start."))
        elif op_id is not None:
            self.conflicts = board_reads.conflicts(op_id, begin, finish,
                                                   exclude_intervention_id=self._exclude())
            lines += [f"⚠ {conflict_line(c)}" for c in self.conflicts]
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        self.override_note.setVisible(bool(self.conflicts))

    def _refresh_slots(self) -> None:
        self.slots.clear()
        op_id, team_id, begin, _ = self.values()
        after = max(clock.now(), dt.datetime.combine(begin.date(), dt.time(0)))
        search = board_reads.find_slots(op_id, team_id, self._minutes(), after, limit=6,
                                        horizon_days=SLOT_DAYS,
                                        exclude_intervention_id=self._exclude())
        if not search.slots:
            # what to change, readable (a disabled grey line was easy to miss): not selectable
            item = QListWidgetItem("⚠ " + self._slot_problem(search, op_id))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(QColor("#b45309"))
            self.slots.addItem(item)
            return
        for s in search.slots:
            text = (f"{fmt.date(s.start.date())}  {fmt.time(s.start.time())}–{fmt.time(s.end.time())}"
                    f"  ·  {search.names.get(s.operator_id, '')}")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s)
            self.slots.addItem(item)

    def _slot_problem(self, search: SlotSearch, op_id: int | None) -> str:
        """Why the list is empty, in words that say what to change (#12)."""
        op = self.lookups.operator(op_id)
        name = op.full_name if op else ""
        days = search.params.get("days", SLOT_DAYS)
        if search.problem == "end_before_start":
            return QCoreApplication.translate("Board", "The end is before the start: set the times to see free slots.")
        if search.problem == "no_operator":
            return QCoreApplication.translate("Board", "Choose an operator or a team to see free slots.")
        if search.problem == "team_empty":
            return QCoreApplication.translate("Board", "The team has no active operator: choose an operator.")
        if search.problem == "no_working_hours":
            if op is None:
                return QCoreApplication.translate("Board", "Nobody in the team has working hours in the next {days} days.").format(days=days)
            return QCoreApplication.translate("Board", "{name} has no working hours in the next {days} days (Board › Working hours…).").format(
                name=name, days=days)
        if search.problem == "longer_than_day":
            return QCoreApplication.translate("Board", "Longer than a working day ({hours} h at most): shorten it, or choose the times yourself.").format(
                hours=fmt.number(search.params.get("hours", 0), 1))
        if search.problem == "absent":
            if op is None:
                return QCoreApplication.translate("Board", "Everybody in the team is absent in the next {days} days.").format(days=days)
            return QCoreApplication.translate("Board", "{name} is absent on every working day of the next {days} days.").format(
                name=name, days=days)
        return QCoreApplication.translate("Board", "No free slot of this length in the next {days} days: the working hours are booked.").format(
            days=days)

    def _use_slot(self, item: QListWidgetItem) -> None:
        slot = item.data(Qt.ItemDataRole.UserRole)
        if slot is None:
            return
        for w in (self.operator, self.start, self.end):
            w.blockSignals(True)
        op = self.lookups.operator(slot.operator_id)
        team_id = op.team_id if op else None
        if self.team.currentData() not in (None, team_id):
            self.team.blockSignals(True)
            self.team.setCurrentIndex(max(0, self.team.findData(team_id)))
            self.team.blockSignals(False)
            self._fill_operators(slot.operator_id)
        i = self.operator.findData(slot.operator_id)
        if i < 0:
            self._fill_operators(slot.operator_id)
            i = self.operator.findData(slot.operator_id)
        self.operator.setCurrentIndex(i)
        self.start.setDateTime(fmt.qdatetime(slot.start))
        self.end.setDateTime(fmt.qdatetime(slot.end))
        for w in (self.operator, self.start, self.end):
            w.blockSignals(False)
        self._refresh_warnings()
        self._refresh_agenda()

    def _refresh_agenda(self) -> None:
        op_id, team_id, begin, finish = self.values()
        agenda_team = team_id
        if agenda_team is None and self.lookups.operator(op_id) is not None:
            agenda_team = self.lookups.operator(op_id).team_id
        data = board_reads.board(begin.date(), 1, team_id=agenda_team)
        self.agenda.set_data(data, self.ctx.lang)
        self.agenda.set_proposal(op_id, team_id, begin, finish)
        self.agenda_title.setText(QCoreApplication.translate("Board", "Agenda of {day}").format(
            day=fmt.date(begin.date())))

    # -- saving ---------------------------------------------------------------------------------
    def _reload(self, *_args) -> None:
        """After a conflict: the intervention as it is now (the user applies his change again)."""
        self.intervention = reads.intervention(self.intervention.id)
        if self.intervention is None or not self.intervention.is_open:
            self.reject()
            return
        self._fill(None, None, None)
        self._refresh_all()

    def save(self) -> None:
        op_id, team_id, begin, finish = self.values()
        kwargs = dict(activity_type_id=self.activity.currentData(), operator_id=op_id, team_id=team_id,
                      planned_start=begin, planned_end=finish,
                      instructions=self.instructions.toPlainText(),
                      override_note=self.override_note.text())
        confirm = lambda err: confirm_scheduling(self, err, confirm_override)  # noqa: E731
        if self.intervention is None:
            outcome = run_confirmed(self.ctx, self, interventions.schedule, self.request.id,
                                    confirm=confirm, **kwargs)
        else:
            outcome = run_confirmed(self.ctx, self, interventions.reschedule_intervention,
                                    self.intervention.id, self.intervention.version,
                                    confirm=confirm, on_conflict=self._reload, **kwargs)
        if outcome is None:
            return
        self.result_ = outcome.result
        self.saved_id = outcome.result.intervention_id
        if outcome.result.request_assigned:
            op = self.lookups.operator(op_id)
            self.ctx.bus.status_message.emit(QCoreApplication.translate(
                "Board", "Request {number} assigned to {name}.").format(
                number=self.request.number, name=op.full_name if op else ""))
        self.accept()


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

