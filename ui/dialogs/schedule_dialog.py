"""Schedule (or edit) an intervention with the team board consulted (R-REQ-3); complete one.

The dialog shows the chosen operator's team for the proposed day as a small board, proposes the
next free slots that fit the duration, and warns live about double bookings, absences and time
outside working hours. Saving over a warning asks for confirmation and records the override.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from servicedesk import clock
from servicedesk.errors import ConflictError, ServiceDeskError, ValidationError
from servicedesk.models import ActivityType, Intervention, Operator, Priority, ServiceRequest
from servicedesk.queries.board import board
from servicedesk.services import interventions, scheduling, worklogs
from servicedesk.services.interventions import SchedulingConflictError
from servicedesk import limits

from .. import fmt
from ..messages import conflict_text, error_text, show_error
from ..widgets.board_common import (ask_reload, confirm_override, conflict_line, fill_activity_types,
                                    fill_operators, fill_teams, round_up_quarter)
from ..widgets.board_view import BoardView
from ..widgets.limited_text import limit_text


class ScheduleDialog(QDialog):
    """New intervention on ``request_id``, or edit of ``intervention`` (planned / in progress)."""

    def __init__(self, *, ctx, request_id: int, intervention: Intervention | None = None,
                 operator_id: int | None = None, team_id: int | None = None,
                 start: dt.datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request = ServiceRequest.get_by_id(request_id)
        self.intervention = intervention
        self.saved: Intervention | None = None
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Schedule intervention") if intervention is None
                            else QCoreApplication.translate("Board", "Edit intervention"))
        self._end_touched = intervention is not None

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
        self.instructions = QPlainTextEdit()
        self.instructions.setObjectName("instructionsEdit")
        limit_text(self.instructions, limits.limit("intervention", "instructions"))
        self.instructions.setPlaceholderText(QCoreApplication.translate(
            "Board", "What the technician must know or bring: access, parts, contact on site…"))
        self.instructions.setMaximumHeight(90)
        prio = Priority.get_by_id(self.request.priority_id)
        priority = QLabel(prio.name_it if ctx.lang == "it" else prio.name_en)
        priority.setStyleSheet(f"color: {prio.color}; font-weight: bold;")
        priority.setToolTip(QCoreApplication.translate("Board", "Inherited from the request"))

        # values
        fill_activity_types(self.activity, ctx.lang,
                            intervention.activity_type_id if intervention else None)
        op_id = intervention.operator_id if intervention else operator_id
        t_id = intervention.team_id if intervention else team_id
        if t_id is None and op_id is not None:
            t_id = Operator.get_by_id(op_id).team_id
        if t_id is None and self.request.team_id is not None and op_id is None:
            t_id = self.request.team_id
        fill_teams(self.team, all_label=QCoreApplication.translate("Board", "(all teams)"), selected=t_id)
        self._fill_operators(op_id)
        begin = (intervention.planned_start if intervention and intervention.planned_start
                 else start or round_up_quarter(clock.now() + dt.timedelta(hours=1)))
        if intervention and intervention.planned_end:
            finish = intervention.planned_end
        else:
            finish = begin + dt.timedelta(minutes=self._default_minutes())
        self.start.setDateTime(fmt.qdatetime(begin))
        self.end.setDateTime(fmt.qdatetime(finish))
        if intervention:
            self.instructions.setPlainText(intervention.instructions)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Board", "Request"),
                    QLabel(f"<b>{self.request.number}</b> {_esc(self.request.subject)}"))
        form.addRow(QCoreApplication.translate("Board", "Activity type"), self.activity)
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
    def _default_minutes(self) -> int:
        at = ActivityType.get_or_none(ActivityType.id == self.activity.currentData())
        return at.default_minutes if at else 120

    def _fill_operators(self, selected: int | None) -> None:
        fill_operators(self.operator, team_id=self.team.currentData(),
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
        minutes = getattr(self, "_last_minutes", None) or self._default_minutes()
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

    def _refresh_warnings(self) -> None:
        op_id, _, begin, finish = self.values()
        lines: list[str] = []
        if finish <= begin:
            lines.append(QCoreApplication.translate("Messages", "The end is before the start."))
        elif op_id is not None:
            exclude = self.intervention.id if self.intervention else None
            self.conflicts = scheduling.check_conflicts(op_id, begin, finish, exclude_intervention_id=exclude)
            lines += [f"⚠ {conflict_line(c)}" for c in self.conflicts]
        if finish > begin and op_id is None:
            self.conflicts = []
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        self.override_note.setVisible(bool(getattr(self, "conflicts", [])))

    def _refresh_slots(self) -> None:
        self.slots.clear()
        op_id, team_id, begin, _ = self.values()
        minutes = self._minutes()
        hint = None
        if minutes <= 0:  # the real problem, not "choose an operator" (#12)
            hint = QCoreApplication.translate("Board", "The end is before the start: set the times to see free slots.")
        elif op_id is None and team_id is None:
            hint = QCoreApplication.translate("Board", "Choose an operator or a team to see free slots.")
        if hint is not None:
            item = QListWidgetItem(hint)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.slots.addItem(item)
            return
        after = max(clock.now(), dt.datetime.combine(begin.date(), dt.time(0)))
        exclude = self.intervention.id if self.intervention else None
        try:
            found = scheduling.free_slots(op_id, minutes, after, team_id=team_id if op_id is None else None,
                                          limit=6, exclude_intervention_id=exclude)
        except ServiceDeskError:
            found = []
        names = {o.id: o.full_name for o in Operator.select(Operator.id, Operator.full_name)
                 .where(Operator.id.in_([s.operator_id for s in found] or [0]))}
        if not found:
            item = QListWidgetItem(QCoreApplication.translate("Board", "No free slot of this length in the next 14 days."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.slots.addItem(item)
        for s in found:
            text = f"{fmt.date(s.start.date())}  {fmt.time(s.start.time())}–{fmt.time(s.end.time())}  ·  {names.get(s.operator_id, '')}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s)
            self.slots.addItem(item)

    def _use_slot(self, item: QListWidgetItem) -> None:
        slot = item.data(Qt.ItemDataRole.UserRole)
        if slot is None:
            return
        for w in (self.operator, self.start, self.end):
            w.blockSignals(True)
        op = Operator.get_by_id(slot.operator_id)
        if self.team.currentData() not in (None, op.team_id):
            self.team.blockSignals(True)
            self.team.setCurrentIndex(max(0, self.team.findData(op.team_id)))
            self.team.blockSignals(False)
            self._fill_operators(op.id)
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
        if agenda_team is None and op_id is not None:
            agenda_team = Operator.get_by_id(op_id).team_id
        data = board(begin.date(), 1, team_id=agenda_team)
        self.agenda.set_data(data, self.ctx.lang)
        self.agenda.set_proposal(op_id, team_id, begin, finish)
        self.agenda_title.setText(QCoreApplication.translate("Board", "Agenda of {day}").format(
            day=fmt.date(begin.date())))

    # -- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        op_id, team_id, begin, finish = self.values()
        kwargs = dict(activity_type_id=self.activity.currentData(), operator_id=op_id, team_id=team_id,
                      planned_start=begin, planned_end=finish,
                      instructions=self.instructions.toPlainText())
        override = False
        while True:
            try:
                if self.intervention is None:
                    result = interventions.schedule(self.request.id, override=override,
                                                    override_note=self.override_note.text(), **kwargs)
                else:
                    result = interventions.reschedule(self.intervention, override=override,
                                                      override_note=self.override_note.text(), **kwargs)
            except SchedulingConflictError as err:
                if confirm_override(self, err.conflicts):
                    override = True
                    continue
                return
            except ConflictError as err:
                if ask_reload(self, conflict_text(err)):
                    self.intervention = Intervention.get_or_none(Intervention.id == err.record_id)
                    if self.intervention is None:
                        self.reject()
                        return
                    self._refresh_all()
                return
            except ValidationError as err:
                show_error(self, err)
                return
            except ServiceDeskError as err:
                show_error(self, err)
                return
            break
        self.saved = result.intervention
        self.accept()


class CompleteDialog(QDialog):
    """Record actual start/end and the report; optionally log the time in the work log."""

    def __init__(self, *, ctx, intervention: Intervention, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.intervention = intervention
        self.setObjectName("completeDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Complete intervention"))
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy HH:mm")
        now = clock.now()
        begin = intervention.actual_start or intervention.planned_start or now
        finish = intervention.planned_end or now
        if begin > now:
            begin = now - dt.timedelta(hours=1)
        if finish > now or finish <= begin:
            finish = max(now, begin + dt.timedelta(minutes=15)) if begin < now else begin + dt.timedelta(hours=1)
        self.start.setDateTime(fmt.qdatetime(begin))
        self.end.setDateTime(fmt.qdatetime(finish))
        self.report = QPlainTextEdit(intervention.report)
        self.report.setObjectName("reportEdit")
        limit_text(self.report, limits.limit("intervention", "report"))
        self.report.setPlaceholderText(QCoreApplication.translate("Board", "What was found and what was done"))
        self.log_work = QCheckBox(QCoreApplication.translate("Board", "Also log this time in the work log"))
        self.log_work.setObjectName("logWorkCheck")
        self.log_work.setChecked(intervention.operator_id is not None)
        self.log_work.setEnabled(intervention.operator_id is not None)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Board", "Actual start"), self.start)
        form.addRow(QCoreApplication.translate("Board", "Actual end"), self.end)
        form.addRow(QCoreApplication.translate("Board", "Report"), self.report)
        form.addRow("", self.log_work)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("Board", "Complete"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 400)

    def save(self) -> None:
        begin, finish = fmt.pydatetime(self.start.dateTime()), fmt.pydatetime(self.end.dateTime())
        try:
            item = interventions.complete(self.intervention, actual_start=begin, actual_end=finish,
                                          report=self.report.toPlainText())
        except ConflictError as err:
            if ask_reload(self, conflict_text(err)):
                self.intervention = Intervention.get_by_id(err.record_id)
            return
        except ServiceDeskError as err:
            show_error(self, err)
            return
        if self.log_work.isChecked():
            self._log(item)
        self.accept()

    def _log(self, item: Intervention) -> None:
        data = worklogs.from_intervention(item)
        allow = False
        while True:
            try:
                worklogs.create(item.request_id, data, allow_overlap=allow)
            except worklogs.WorklogOverlapError:
                answer = QMessageBox.question(self, QCoreApplication.translate("Board", "Work log"),
                                              QCoreApplication.translate(
                                                  "Board", "This time overlaps other work-log entries of the operator. Log it anyway?"))
                if answer == QMessageBox.StandardButton.Yes:
                    allow = True
                    continue
                return
            except ServiceDeskError as err:
                QMessageBox.warning(self, QCoreApplication.translate("Board", "Work log"),
                                    QCoreApplication.translate("Board", "The intervention was completed, but the work log was not written:")
                                    + "\n" + error_text(err))
                return
            break


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

