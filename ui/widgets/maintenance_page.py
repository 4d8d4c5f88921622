"""Maintenance plans editor (R-MNT-1): list of plans, the plan form, its visits."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QWidget)

from servicedesk import clock, limits
from servicedesk.permissions import Permission
from servicedesk.queries import maintenance as mq
from servicedesk.services import maintenance as svc

from .. import fmt
from ..models.paged import Column
from .limited_text import limit_text
from .party_page import form_scroll, set_combo_data
from .party_rows import RowList, make_table
from .record_page import PageConfig, RecordEditor, RecordPage


def period_names() -> dict[str, str]:
    return {"days": QCoreApplication.translate("Maintenance", "days"), "weeks": QCoreApplication.translate("Maintenance", "weeks"),
            "months": QCoreApplication.translate("Maintenance", "months"), "years": QCoreApplication.translate("Maintenance", "years")}


def every_text(every: int, period: str) -> str:
    return QCoreApplication.translate("Maintenance", "every {n} {period}").format(
        n=every, period=period_names().get(period, period))


def plan_labels() -> dict[str, str]:
    return {"unit": QCoreApplication.translate("Maintenance", "Unit"), "contract": QCoreApplication.translate("Maintenance", "Contract"),
            "title": QCoreApplication.translate("Maintenance", "Title"), "activity_type": QCoreApplication.translate("Maintenance", "Activity"),
            "every": QCoreApplication.translate("Maintenance", "Every"), "period": QCoreApplication.translate("Maintenance", "Period"),
            "start_date": QCoreApplication.translate("Maintenance", "From"), "until_date": QCoreApplication.translate("Maintenance", "Until"),
            "team": QCoreApplication.translate("Maintenance", "Team"), "operator": QCoreApplication.translate("Maintenance", "Operator"),
            "duration_minutes": QCoreApplication.translate("Maintenance", "Duration"),
            "instructions": QCoreApplication.translate("Maintenance", "What will be done"),
            "notice_days": QCoreApplication.translate("Maintenance", "Notice"), "last_done_on": QCoreApplication.translate("Maintenance", "Last done on"),
            "horizon_days": QCoreApplication.translate("Maintenance", "Horizon")}


def status_names() -> dict[str, str]:
    return {"planned": QCoreApplication.translate("Maintenance", "planned"), "in_progress": QCoreApplication.translate("Maintenance", "in progress"),
            "done": QCoreApplication.translate("Maintenance", "done"), "cancelled": QCoreApplication.translate("Maintenance", "cancelled")}


class PlanEditor(RecordEditor):
    create_service = staticmethod(svc.create_plan)
    change_service = staticmethod(svc.change_plan)
    permission = Permission.MAINTENANCE_EDIT

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, parent=parent)
        self.setObjectName("planEditor")
        self.heading.setObjectName("planEditorTitle")
        self.save_button.setObjectName("planSave")
        labels = plan_labels()
        lookups = ctx.lookups()
        self.target = QComboBox()
        self.target.setObjectName("planTargetKind")
        self.target.addItem(QCoreApplication.translate("Maintenance", "Unit (serial number)"), "unit")
        self.target.addItem(QCoreApplication.translate("Maintenance", "Contract"), "contract")
        self.target.currentIndexChanged.connect(self._target_changed)
        self.ref = QLineEdit()
        self.ref.setObjectName("planTarget")
        self.ref.setPlaceholderText(QCoreApplication.translate("Maintenance", "serial number"))
        self.ref_label = QLabel()
        self.ref_label.setObjectName("planTargetLabel")
        self.ref_label.setWordWrap(True)
        self.ref.editingFinished.connect(self._resolve_ref)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(self.ref, 1)
        self.title = QLineEdit()
        self.activity = QComboBox()
        for a in lookups.open_activity_types():
            self.activity.addItem(a.name(ctx.lang), a.id)
        self.every = QSpinBox()
        self.every.setRange(1, 999)
        self.period = QComboBox()
        for key, name in period_names().items():
            self.period.addItem(name, key)
        rhythm = QHBoxLayout()
        rhythm.addWidget(QLabel(QCoreApplication.translate("Maintenance", "every")))
        rhythm.addWidget(self.every)
        rhythm.addWidget(self.period)
        rhythm.addStretch(1)
        self.start = QLineEdit()
        self.start.setPlaceholderText(QCoreApplication.translate("Maintenance", "dd/mm/yyyy"))
        self.until = QLineEdit()
        self.until.setPlaceholderText(QCoreApplication.translate("Maintenance", "empty: forever"))
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(QCoreApplication.translate("Maintenance", "until")))
        dates.addWidget(self.until)
        self.team = QComboBox()
        self.team.addItem("—", None)
        for team in lookups.open_teams():
            self.team.addItem(team.name, team.id)
        self.operator = QComboBox()
        self.operator.addItem("—", None)
        for op in lookups.active_operators():
            self.operator.addItem(op.full_name, op.id)
        who = QHBoxLayout()
        who.addWidget(self.team, 1)
        who.addWidget(self.operator, 1)
        self.duration = QSpinBox()
        self.duration.setRange(15, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" " + QCoreApplication.translate("Maintenance", "min"))
        self.notice = QSpinBox()
        self.notice.setRange(0, 90)
        self.notice.setSuffix(" " + QCoreApplication.translate("Maintenance", "days before"))
        self.last_done = QLineEdit()
        self.last_done.setPlaceholderText(QCoreApplication.translate("Maintenance", "visits made before ServiceDesk"))
        self.instructions = QPlainTextEdit()
        self.instructions.setMaximumHeight(80)
        limit_text(self.instructions, limits.limit("maintenance_plan", "instructions"))
        self.active = QCheckBox(QCoreApplication.translate("Maintenance", "Active"))
        self.next_label = QLabel()
        self.next_label.setObjectName("planNextDue")
        details = QWidget()
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QCoreApplication.translate("Maintenance", "On"), target_row)
        form.addRow("", self.ref_label)
        form.addRow(labels["title"], self.title)
        form.addRow(labels["activity_type"], self.activity)
        form.addRow(QCoreApplication.translate("Maintenance", "Repeat"), rhythm)
        form.addRow(labels["start_date"], dates)
        form.addRow(QCoreApplication.translate("Maintenance", "Team / operator"), who)
        form.addRow(labels["duration_minutes"], self.duration)
        form.addRow(labels["notice_days"], self.notice)
        form.addRow(labels["last_done_on"], self.last_done)
        form.addRow(labels["instructions"], self.instructions)
        form.addRow("", self.active)
        form.addRow(QCoreApplication.translate("Maintenance", "Next due"), self.next_label)
        self.body.addWidget(form_scroll(details), 3)
        self.generate_button = QPushButton(QCoreApplication.translate("Maintenance", "Generate visits of this plan"))
        self.generate_button.setObjectName("planGenerate")
        self.generate_button.clicked.connect(self.generate_one)
        self.generate_button.setEnabled(self.can_edit)
        visits_bar = QHBoxLayout()
        visits_bar.addWidget(QLabel(QCoreApplication.translate("Maintenance", "Visits")), 1)
        visits_bar.addWidget(self.generate_button)
        self.body.addLayout(visits_bar)
        names = status_names()
        self.visits = RowList([
            Column("due", lambda: QCoreApplication.translate("Maintenance", "Due"), lambda v: _date(v.due_date)),
            Column("planned", lambda: QCoreApplication.translate("Maintenance", "Planned"), lambda v: fmt.datetime(v.planned_start) if v.planned_start else ""),
            Column("operator", lambda: QCoreApplication.translate("Maintenance", "Operator"), lambda v: v.operator or QCoreApplication.translate("Maintenance", "unassigned")),
            Column("status", lambda: QCoreApplication.translate("Maintenance", "Status"), lambda v: names.get(v.status, v.status))],
            self, colour=lambda v: QColor("#888888") if v.status == "cancelled" else None)
        self.visits_view = make_table(self.visits, (90, 150, 160), name="planVisits")
        self.visits_view.doubleClicked.connect(self._open_visit)
        self.visits_view.setMaximumHeight(220)  # the form takes the room; visits scroll
        self.body.addWidget(self.visits_view, 1)
        self._ref_id: int | None = None
        self.watch(target=self.target, ref=self.ref, title=self.title,
                   activity_type=self.activity, every=self.every, period=self.period,
                   start_date=self.start, until_date=self.until, team=self.team,
                   operator=self.operator, duration_minutes=self.duration,
                   notice_days=self.notice, last_done_on=self.last_done,
                   instructions=self.instructions, active=self.active)
        self._fields["unit"] = self._fields["contract"] = self.ref  # marked when refused

    def _target_changed(self) -> None:
        self.ref.setPlaceholderText(QCoreApplication.translate("Maintenance", "serial number") if self.target.currentData() == "unit"
                                    else QCoreApplication.translate("Maintenance", "contract number"))
        self._resolve_ref()

    def _resolve_ref(self) -> None:
        text = self.ref.text().strip()
        self._ref_id = None
        if not text:
            self.ref_label.setText("")
            return
        if self.target.currentData() == "unit":
            uid, label, found = mq.unit_target(text)
            self._ref_id = uid
            self.ref_label.setText(label if uid else
                                   QCoreApplication.translate("Maintenance", "no unit with this serial number") if not found
                                   else QCoreApplication.translate("Maintenance", "several units: type the whole serial"))
        else:
            cid, label = mq.contract_target(text)
            self._ref_id = cid
            self.ref_label.setText(label if cid else
                                   QCoreApplication.translate("Maintenance", "no contract with this number"))

    # -- RecordEditor ------------------------------------------------------------------------------
    def read(self, record_id: int) -> mq.PlanDetail | None:
        return mq.plan(record_id)

    def title_of(self, p: mq.PlanDetail) -> str:
        return p.title or QCoreApplication.translate("Maintenance", "Maintenance plan")

    def new_title(self) -> str:
        return QCoreApplication.translate("Maintenance", "New maintenance plan")

    def first_field(self) -> QWidget:
        return self.ref

    def fill(self, p: mq.PlanDetail | None) -> None:
        self.target.setCurrentIndex(1 if p and p.contract_id and not p.unit_id else 0)
        self.ref.setText(p.target_ref if p else "")
        self.ref_label.setText(p.target_label if p else "")
        self._ref_id = (p.unit_id or p.contract_id) if p else None
        self.title.setText(p.title if p else "")
        maint = self.ctx.lookups().activity_by_code("maintenance")
        set_combo_data(self.activity, p.activity_type_id if p else (maint.id if maint else None))
        self.every.setValue(p.every if p else 1)
        set_combo_data(self.period, p.period if p else "months")
        self.start.setText(fmt.date(p.start_date) if p else fmt.date(clock.today()))
        self.until.setText(_date(p.until_date) if p else "")
        set_combo_data(self.team, p.team_id if p else None)
        set_combo_data(self.operator, p.operator_id if p else None)
        self.duration.setValue(p.duration_minutes if p else 90)
        self.notice.setValue(p.notice_days if p else 7)
        self.last_done.setText(_date(p.last_done_on) if p else "")
        self.instructions.setPlainText(p.instructions if p else "")
        self.active.setChecked(p.active if p else True)
        self.next_label.setText(fmt.date(p.next_due) if p else "")
        self.generate_button.setVisible(p is not None)

    def values(self) -> dict:
        return dict(target=self.target.currentData(), ref=self.ref.text().strip(),
                    title=self.title.text(), activity_type=self.activity.currentData(),
                    every=self.every.value(), period=self.period.currentData(),
                    start_date=self.start.text(), until_date=self.until.text(),
                    team=self.team.currentData(), operator=self.operator.currentData(),
                    duration_minutes=self.duration.value(), notice_days=self.notice.value(),
                    last_done_on=self.last_done.text(),
                    instructions=self.instructions.toPlainText(), active=self.active.isChecked())

    def _service_values(self, values: dict) -> dict:
        """The form's target (kind + typed reference) as the service's unit / contract ids."""
        values = dict(values)
        kind = values.pop("target", None)
        if "ref" in values or kind is not None:
            values.pop("ref", None)
            self._resolve_ref()
            kind = self.target.currentData()
            values["unit"] = self._ref_id if kind == "unit" else None
            values["contract"] = self._ref_id if kind == "contract" else None
        return values

    def create_values(self, values: dict) -> dict:
        return self._service_values(values)

    def changes(self) -> dict:
        changes = super().changes()
        return self._service_values(changes) if changes else changes

    def refresh_related(self) -> None:
        self.visits.set_rows(mq.visits(self.snap.id) if self.snap is not None else [])

    def _open_visit(self, index) -> None:
        visit = self.visits.row(index.row())
        if visit is not None:
            self.ctx.bus.open_request.emit(visit.request_id)

    def generate_one(self) -> None:
        if self.snap is None or not self.can_edit:
            return
        outcome = self.ctx.ops.run(self, svc.generate, plan_ids=[self.snap.id])
        if outcome is not None:
            self.ctx.bus.status_message.emit(QCoreApplication.translate(
                "Maintenance", "{n} visits created.").format(n=len(outcome.result.created)))
            self.load(self.snap.id)


def _date(value) -> str:
    return fmt.date(value) if value else ""


class PlansPage(RecordPage):
    """Workspace tab "Maintenance plans"."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        active_only = QCheckBox(QCoreApplication.translate("Maintenance", "Active only"))
        active_only.setObjectName("planActiveOnly")
        active_only.setChecked(True)
        today = clock.today()
        columns = [Column("customer", lambda: QCoreApplication.translate("Maintenance", "Customer"), lambda r: r.customer),
                   Column("target", lambda: QCoreApplication.translate("Maintenance", "Unit / contract"), lambda r: r.title or r.target),
                   Column("repeat", lambda: QCoreApplication.translate("Maintenance", "Repeat"), lambda r: every_text(r.every, r.period)),
                   Column("next_due", lambda: QCoreApplication.translate("Maintenance", "Next due"), lambda r: fmt.date(r.next_due)),
                   Column("who", lambda: QCoreApplication.translate("Maintenance", "Team / operator"), lambda r: r.operator or r.team)]
        config = PageConfig(
            name="plan", columns=columns, ids=mq.plan_ids, rows=mq.plan_rows,
            spec=lambda: mq.PlanFilter(text=self.search.text(), active_only=active_only.isChecked()),
            tables=frozenset({"maintenance_plan"}), related=frozenset({"intervention"}),
            search_hint=QCoreApplication.translate("Maintenance", "Search customer, serial number, contract…"),
            new_text=QCoreApplication.translate("Maintenance", "New plan"), widths=(170, 200, 100, 110, 120), stretch=1,
            filters=(active_only,), optional=("who", "repeat"), greyed=lambda r: not r.active,
            colour=lambda r: QColor("#b91c1c") if r.next_due < today else None)
        super().__init__(ctx=ctx, config=config, editor=PlanEditor(ctx=ctx), parent=parent)
        self.setObjectName("maintenancePlansPage")
        self.active_only = active_only
