"""Enter or edit a work-log entry of a request (R-LOG-1)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QMessageBox, QPlainTextEdit, QRadioButton, QSpinBox, QTimeEdit,
                               QVBoxLayout, QWidget)

from servicedesk import clock
from servicedesk.errors import ConflictError, ServiceDeskError
from servicedesk.models import ActivityType, Intervention, ServiceRequest, WorkLog
from servicedesk.permissions import Permission
from servicedesk.services import worklogs
from servicedesk.services.worklogs import WorklogInput, WorklogOverlapError
from servicedesk import limits

from .. import fmt
from ..messages import conflict_text, show_error
from ..widgets.board_common import ask_reload, fill_activity_types, fill_operators
from ..widgets.limited_text import limit_text


class WorklogDialog(QDialog):
    def __init__(self, *, ctx, request_id: int, entry: WorkLog | None = None,
                 preset: WorklogInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request = ServiceRequest.get_by_id(request_id)
        self.entry = entry
        self.saved: WorkLog | None = None
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

        # fill
        if actor.can(Permission.WORKLOG_ANY):
            fill_operators(self.operator, selected=(entry.operator_id if entry else
                                                    preset.operator_id if preset else actor.operator_id))
        else:
            self.operator.addItem(actor.name, actor.operator_id)
            self.operator.setEnabled(False)
        fill_activity_types(self.activity, ctx.lang)
        self.intervention.addItem(QCoreApplication.translate("Board", "(none)"), None)
        for i in (Intervention.select().where(Intervention.request == request_id)
                  .order_by(Intervention.planned_start)):
            when = fmt.datetime(i.planned_start) if i.planned_start else ""
            self.intervention.addItem(f"#{i.id} {when}", i.id)
        source = entry or preset
        if source is not None:
            self._load(source)
        else:
            self.date.setDate(fmt.qdate(clock.today()))
            self.by_times.setChecked(True)
            now = clock.now()
            self.start.setTime(QTime(max(now.hour - 1, 0), 0))
            self.end.setTime(QTime(now.hour, 0))
            self.billable.setChecked(self._activity_billable())
        self.activity.currentIndexChanged.connect(
            lambda: self.billable.setChecked(self._activity_billable()))
        self.by_times.toggled.connect(self._mode_changed)
        self.start.timeChanged.connect(self._update_total)
        self.end.timeChanged.connect(self._update_total)
        self.hours.valueChanged.connect(self._update_total)

        self.total = QLabel()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Board", "Request"),
                    QLabel(f"<b>{self.request.number}</b>"))
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
        form.addRow(QCoreApplication.translate("Board", "Intervention"), self.intervention)
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
        at = ActivityType.get_or_none(ActivityType.id == self.activity.currentData())
        return bool(at.billable) if at else True

    def _load(self, src) -> None:
        i = self.operator.findData(src.operator_id)
        if i >= 0:
            self.operator.setCurrentIndex(i)
        self.date.setDate(fmt.qdate(src.work_date or clock.today()))
        i = self.activity.findData(src.activity_type_id if isinstance(src, WorklogInput) else src.activity_type_id)
        if i >= 0:
            self.activity.setCurrentIndex(i)
        if src.start_time is not None and src.end_time is not None:
            self.by_times.setChecked(True)
            self.start.setTime(QTime(src.start_time.hour, src.start_time.minute))
            self.end.setTime(QTime(src.end_time.hour, src.end_time.minute))
        else:
            self.by_hours.setChecked(True)
            self.hours.setValue((src.minutes or 0) / 60)
        self.travel.setValue(src.travel_minutes or 0)
        self.km.setValue(float(src.km or 0))
        billable = src.billable
        self.billable.setChecked(self._activity_billable() if billable is None else bool(billable))
        iid = src.intervention_id
        i = self.intervention.findData(iid)
        if i >= 0:
            self.intervention.setCurrentIndex(i)
        self.notes.setPlainText(src.notes or "")

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

    def save(self) -> None:
        data = self.data()
        allow = False
        while True:
            try:
                if self.entry is None:
                    self.saved = worklogs.create(self.request.id, data, allow_overlap=allow)
                else:
                    self.saved = worklogs.update(self.entry, data, allow_overlap=allow)
            except WorklogOverlapError as err:
                lines = "\n".join(
                    f"• {fmt.time(e.start_time)}–{fmt.time(e.end_time)}" for e in err.overlapping[:5])
                answer = QMessageBox.question(
                    self, QCoreApplication.translate("Board", "Overlapping entries"),
                    QCoreApplication.translate("Board", "This entry overlaps other entries of the same operator on that day:")
                    + "\n" + lines + "\n\n" + QCoreApplication.translate("Board", "Save it anyway?"))
                if answer == QMessageBox.StandardButton.Yes:
                    allow = True
                    continue
                return
            except ConflictError as err:
                if ask_reload(self, conflict_text(err)):
                    fresh = WorkLog.get_or_none(WorkLog.id == err.record_id)
                    if fresh is None:
                        self.reject()
                        return
                    self.entry = fresh
                    self._load(fresh)
                return
            except ServiceDeskError as err:
                show_error(self, err)
                return
            break
        self.accept()
