"""Enter or edit a work-log entry of a request (R-LOG-1).

A new entry starts from the signed-in operator's own work on the request (#12): his
intervention preselected with its activity type and times, else the activity type and duration
the request's work suggests (``queries.worklogs.defaults_for``); choosing another intervention
takes its activity type and times. Saving runs through the op runner with the version the form
showed; overlapping entries are shown and may be accepted.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QPlainTextEdit, QRadioButton, QSpinBox, QTimeEdit, QVBoxLayout,
                               QWidget)

from servicedesk import clock, limits
from servicedesk.permissions import Permission
from servicedesk.queries import interventions as intervention_reads
from servicedesk.queries import worklogs as reads
from servicedesk.queries.worklogs import WorklogRow
from servicedesk.services import worklogs
from servicedesk.services.worklogs import WorklogInput

from .. import fmt
from ..widgets.board_common import confirm_overlap, fill_activity_types, fill_operators, run_confirmed
from ..widgets.limited_text import limit_text
from ..interpreter import PaintsHoldingLock


class WorklogDialog(PaintsHoldingLock, QDialog):
    def __init__(self, *, ctx, request_id: int, entry_id: int | None = None,
                 preset: WorklogInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lookups = ctx.lookups()
        self.request = intervention_reads.request_brief(request_id)
        self.entry: WorklogRow | None = reads.entry(entry_id) if entry_id is not None else None
        entry = self.entry
        self.saved_id: int | None = None
        self.setObjectName("worklogDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Work log entry") if entry is None
                            else QCoreApplication.translate("Board", "Edit work log entry"))
        actor = ctx.actor

        self.operator = QComboBox()
        self.operator.setObjectName("operatorCombo")
        self.date = QDateEdit()
        self.date.setObjectName("dateEdit")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setMaximumDate(fmt.qdate(clock.today()))
        self.activity = QComboBox()
        self.activity.setObjectName("activityCombo")
        self.by_times = QRadioButton(QCoreApplication.translate("Board", "From – to"))
        self.by_hours = QRadioButton(QCoreApplication.translate("Board", "Hours"))
        group = QButtonGroup(self)
        group.addButton(self.by_times)
        group.addButton(self.by_hours)
        self.start = QTimeEdit()
        self.start.setObjectName("startTime")
        self.end = QTimeEdit()
        self.end.setObjectName("endTime")
        for w in (self.start, self.end):
            w.setDisplayFormat("HH:mm")
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("hoursSpin")
        self.hours.setRange(0, 16)
        self.hours.setSingleStep(0.25)
        self.hours.setDecimals(2)
        self.travel = QSpinBox()
        self.travel.setObjectName("travelSpin")
        self.travel.setRange(0, 16 * 60)
        self.travel.setSingleStep(15)
        self.travel.setSuffix(" " + QCoreApplication.translate("Board", "min"))
        self.km = QDoubleSpinBox()
        self.km.setObjectName("kmSpin")
        self.km.setRange(0, 3000)
        self.km.setDecimals(1)
        self.km.setSuffix(" km")
        self.billable = QCheckBox(QCoreApplication.translate("Board", "Billable"))
        self.billable.setObjectName("billableCheck")
        self.intervention = QComboBox()
        self.intervention.setObjectName("interventionCombo")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notesEdit")
        self.notes.setMaximumHeight(100)
        limit_text(self.notes, limits.limit("work_log", "notes"))

        # fill: the entry, the preset, or what the signed-in operator most probably logs
        source: WorklogInput | None = entry.as_input() if entry else preset
        if source is None:
            source = reads.defaults_for(request_id, actor.operator_id)
        if actor.can(Permission.WORKLOG_ANY):
            fill_operators(self.operator, self.lookups, selected=source.operator_id or actor.operator_id)
        else:
            self.operator.addItem(actor.name, actor.operator_id)
            self.operator.setEnabled(False)
        fill_activity_types(self.activity, self.lookups, ctx.lang, source.activity_type_id)
        self.intervention.addItem(QCoreApplication.translate("Board", "(none)"), None)
        for i in intervention_reads.of_request(request_id):
            when = fmt.datetime(i.planned_start) if i.planned_start else ""
            activity = i.activity_it if ctx.lang == "it" else i.activity_en
            who = f" · {i.operator_name}" if i.operator_name else ""
            self.intervention.addItem(f"#{i.id} {when} {activity}{who}", i.id)
        self._load(source)
        self.activity.currentIndexChanged.connect(
            lambda: self.billable.setChecked(self._activity_billable()))
        self.intervention.activated.connect(self._intervention_chosen)
        self.by_times.toggled.connect(self._mode_changed)
        self.start.timeChanged.connect(self._update_total)
        self.end.timeChanged.connect(self._update_total)
        self.hours.valueChanged.connect(self._update_total)

        self.total = QLabel()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Board", "Request"),
                    QLabel(f"<b>{self.request.number}</b>"))
        form.addRow(QCoreApplication.translate("Board", "Intervention"), self.intervention)
        form.addRow(QCoreApplication.translate("Board", "Operator"), self.operator)
        form.addRow(QCoreApplication.translate("Board", "Date"), self.date)
        form.addRow(QCoreApplication.translate("Board", "Activity type"), self.activity)
        times = QHBoxLayout()
        times.addWidget(self.by_times)
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        times.addSpacing(16)
        times.addWidget(self.by_hours)
        times.addWidget(self.hours)
        times.addStretch(1)
        form.addRow(QCoreApplication.translate("Board", "Time worked"), times)
        form.addRow("", self.total)
        travel = QHBoxLayout()
        travel.addWidget(self.travel)
        travel.addWidget(self.km)
        travel.addStretch(1)
        form.addRow(QCoreApplication.translate("Board", "Travel"), travel)
        form.addRow("", self.billable)
        form.addRow(QCoreApplication.translate("Board", "Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._mode_changed()
        self.resize(620, 400)

    def _activity_billable(self) -> bool:
        at = self.lookups.activity_type(self.activity.currentData())
        return bool(at.billable) if at else True

    def _load(self, src: WorklogInput) -> None:
        if src.operator_id is not None:
            i = self.operator.findData(src.operator_id)
            if i >= 0:
                self.operator.setCurrentIndex(i)
        self.date.setDate(fmt.qdate(src.work_date or clock.today()))
        i = self.activity.findData(src.activity_type_id)
        if i >= 0:
            self.activity.setCurrentIndex(i)
        self._load_times(src)
        self.travel.setValue(src.travel_minutes or 0)
        self.km.setValue(float(src.km or 0))
        billable = src.billable
        self.billable.setChecked(self._activity_billable() if billable is None else bool(billable))
        i = self.intervention.findData(src.intervention_id)
        if i >= 0:
            self.intervention.setCurrentIndex(i)
        self.notes.setPlainText(src.notes or "")

    def _load_times(self, src: WorklogInput) -> None:
        if src.start_time is not None and src.end_time is not None:
            self.by_times.setChecked(True)
            self.start.setTime(QTime(src.start_time.hour, src.start_time.minute))
            self.end.setTime(QTime(src.end_time.hour, src.end_time.minute))
        else:
            self.by_hours.setChecked(True)
            self.hours.setValue((src.minutes or 0) / 60)

    def _intervention_chosen(self) -> None:
        """Another intervention chosen for a new entry: its activity type, day and times."""
        iid = self.intervention.currentData()
        if iid is None or self.entry is not None:
            return
        src = reads.from_intervention(iid, self.operator.currentData())
        if src.work_date > clock.today():
            return  # planned for later: the day's own times stay
        self.date.setDate(fmt.qdate(src.work_date))
        i = self.activity.findData(src.activity_type_id)
        if i >= 0:
            self.activity.setCurrentIndex(i)
        self._load_times(src)
        self._mode_changed()

    def _mode_changed(self) -> None:
        by_times = self.by_times.isChecked()
        self.start.setEnabled(by_times)
        self.end.setEnabled(by_times)
        self.hours.setEnabled(not by_times)
        self._update_total()

    def _update_total(self) -> None:
        if self.by_times.isChecked():
            minutes = self.start.time().secsTo(self.end.time()) // 60
        else:
            minutes = round(self.hours.value() * 60)
        if minutes > 0:
            self.total.setText(QCoreApplication.translate("Board", "{h} h {m:02d} min").format(
                h=minutes // 60, m=minutes % 60))
        else:
            self.total.setText("")

    def data(self) -> WorklogInput:
        by_times = self.by_times.isChecked()
        st, et = self.start.time(), self.end.time()
        return WorklogInput(
            operator_id=self.operator.currentData(), work_date=fmt.pydate(self.date.date()),
            activity_type_id=self.activity.currentData(),
            start_time=dt.time(st.hour(), st.minute()) if by_times else None,
            end_time=dt.time(et.hour(), et.minute()) if by_times else None,
            minutes=None if by_times else round(self.hours.value() * 60),
            travel_minutes=self.travel.value(), km=Decimal(str(round(self.km.value(), 1))),
            billable=self.billable.isChecked(), notes=self.notes.toPlainText(),
            intervention_id=self.intervention.currentData())

    def _reload(self, *_args) -> None:
        """After a conflict: the entry as it is now (the user applies his change again)."""
        self.entry = reads.entry(self.entry.id)
        if self.entry is None:
            self.reject()
            return
        self._load(self.entry.as_input())

    def save(self) -> None:
        data = self.data()
        confirm = lambda err: confirm_overlap(self, err)  # noqa: E731
        if self.entry is None:
            outcome = run_confirmed(self.ctx, self, worklogs.create, self.request.id, data,
                                    confirm=confirm)
        else:
            outcome = run_confirmed(self.ctx, self, worklogs.update_entry, self.entry.id,
                                    self.entry.version, data, confirm=confirm,
                                    on_conflict=self._reload)
        if outcome is None:
            return
        self.saved_id = outcome.result.id
        self.accept()
