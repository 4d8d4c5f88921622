"""Maintenance plans editor (R-MNT-1): list of plans, the plan form, its visits."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QSplitter, QVBoxLayout,
                               QWidget)

from servicedesk import clock, like
from servicedesk.models import ActivityType, Contract, MaintenancePlan, Operator, Team, Unit
from servicedesk.permissions import Permission
from servicedesk.services import maintenance as svc
from servicedesk import limits

from .. import fmt
from .party_page import set_combo_data
from .party_rows import RowsModel, SearchBox, make_table, run_safely
from .limited_text import limit_text


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


class PlanEditor(QWidget):
    def __init__(self, *, ctx, page: "PlansPage", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page = page
        self.plan: MaintenancePlan | None = None
        labels = plan_labels()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        outer.addWidget(self.heading)
        form = QFormLayout()
        self.target = QComboBox()
        self.target.addItem(QCoreApplication.translate("Maintenance", "Unit (serial number)"), "unit")
        self.target.addItem(QCoreApplication.translate("Maintenance", "Contract"), "contract")
        self.target.currentIndexChanged.connect(self._target_changed)
        self.ref = QLineEdit()
        self.ref.setObjectName("planTarget")
        self.ref.setPlaceholderText(QCoreApplication.translate("Maintenance", "serial number"))
        self.ref_label = QLabel()
        self.ref_label.setObjectName("planTargetLabel")
        self.ref.editingFinished.connect(self._resolve_ref)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(self.ref, 1)
        self.title = QLineEdit()
        self.activity = QComboBox()
        lang = ctx.lang
        for a in ActivityType.select().where(ActivityType.archived == False).order_by(ActivityType.id):  # noqa: E712
            self.activity.addItem(a.name_it if lang == "it" else a.name_en, a.id)
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
        for team in Team.select().where(Team.archived == False).order_by(Team.name):  # noqa: E712
            self.team.addItem(team.name, team.id)
        self.operator = QComboBox()
        self.operator.addItem("—", None)
        for op in Operator.select().where(Operator.active == True).order_by(Operator.full_name):  # noqa: E712
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
        outer.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(QCoreApplication.translate("Maintenance", "Save"))
        self.save_button.setObjectName("planSave")
        self.save_button.clicked.connect(self.save)
        self.generate_button = QPushButton(QCoreApplication.translate("Maintenance", "Generate visits of this plan"))
        self.generate_button.clicked.connect(self.generate_one)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        outer.addWidget(QLabel(QCoreApplication.translate("Maintenance", "Visits")))
        self.visits = RowsModel([QCoreApplication.translate("Maintenance", "Due"), QCoreApplication.translate("Maintenance", "Planned"),
                                 QCoreApplication.translate("Maintenance", "Operator"), QCoreApplication.translate("Maintenance", "Status")], self)
        self.visits_view = make_table(self.visits, (90, 150, 160), name="planVisits")
        self.visits_view.doubleClicked.connect(self._open_visit)
        outer.addWidget(self.visits_view, 1)
        can = ctx.actor.can(Permission.MAINTENANCE_EDIT)
        self.save_button.setEnabled(can)
        self.generate_button.setEnabled(can)
        self._ref_id: int | None = None
        self.load(None)

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
            units = list(Unit.select().where(like.like(Unit.serial, text, "equals")).limit(2))
            if len(units) == 1:
                self._ref_id = units[0].id
                self.ref_label.setText(f"{units[0].product.name} – {units[0].owner.name}")
            else:
                self.ref_label.setText(QCoreApplication.translate("Maintenance", "no unit with this serial number") if not units
                                       else QCoreApplication.translate("Maintenance", "several units: type the whole serial"))
        else:
            c = Contract.get_or_none(like.like(Contract.number, text, "equals"))
            self._ref_id = c.id if c else None
            self.ref_label.setText(f"{c.title} – {c.party.name}" if c
                                   else QCoreApplication.translate("Maintenance", "no contract with this number"))

    def load(self, plan_id: int | None) -> None:
        self.plan = MaintenancePlan.get_or_none(MaintenancePlan.id == plan_id) if plan_id else None
        p = self.plan
        self.heading.setText(p.title or QCoreApplication.translate("Maintenance", "Maintenance plan") if p
                             else QCoreApplication.translate("Maintenance", "New maintenance plan"))
        self.target.blockSignals(True)
        self.target.setCurrentIndex(1 if p and p.contract_id and not p.unit_id else 0)
        self.target.blockSignals(False)
        if p and p.unit_id:
            self.ref.setText(p.unit.serial)
        elif p and p.contract_id:
            self.ref.setText(p.contract.number)
        else:
            self.ref.setText("")
        self._resolve_ref()
        if p:
            self._ref_id = p.unit_id or p.contract_id
        self.title.setText(p.title if p else "")
        maint = ActivityType.get_or_none(ActivityType.code == "maintenance")
        set_combo_data(self.activity, p.activity_type_id if p else (maint.id if maint else None))
        self.every.setValue(p.every if p else 1)
        set_combo_data(self.period, p.period if p else "months")
        self.start.setText(fmt.date(p.start_date) if p else fmt.date(clock.today()))
        self.until.setText(fmt.date(p.until_date) if p and p.until_date else "")
        set_combo_data(self.team, p.team_id if p else None)
        set_combo_data(self.operator, p.operator_id if p else None)
        self.duration.setValue(p.duration_minutes if p else 90)
        self.notice.setValue(p.notice_days if p else 7)
        self.last_done.setText(fmt.date(p.last_done_on) if p and p.last_done_on else "")
        self.instructions.setPlainText(p.instructions if p else "")
        self.active.setChecked(p.active if p else True)
        self.next_label.setText(fmt.date(svc.next_due_date(p)) if p else "")
        self.generate_button.setVisible(p is not None)
        self.refresh_visits()

    def refresh_visits(self) -> None:
        if self.plan is None:
            self.visits.set_rows([])
            return
        names = status_names()
        rows, colors = [], {}
        for i, v in enumerate(svc.visits_of_plan(self.plan.id)[:200]):
            rows.append((v.id, fmt.date(v.due_date), fmt.datetime(v.planned_start),
                         v.operator.full_name if v.operator_id else
                         QCoreApplication.translate("Maintenance", "unassigned"),
                         names.get(v.status, v.status)))
            if v.status == "cancelled":
                colors[i] = QColor("#888888")
        self.visits.set_rows(rows, colors)

    def _open_visit(self, index) -> None:
        from servicedesk.models import Intervention

        iid = self.visits.id_at(index.row())
        i = Intervention.get_or_none(Intervention.id == iid)
        if i is not None:
            self.ctx.bus.open_request.emit(i.request_id)

    def values(self) -> dict:
        unit = self._ref_id if self.target.currentData() == "unit" else None
        contract = self._ref_id if self.target.currentData() == "contract" else None
        return dict(unit=unit, contract=contract, title=self.title.text(),
                    activity_type=self.activity.currentData(), every=self.every.value(),
                    period=self.period.currentData(), start_date=self.start.text(),
                    until_date=self.until.text(), team=self.team.currentData(),
                    operator=self.operator.currentData(), duration_minutes=self.duration.value(),
                    notice_days=self.notice.value(), last_done_on=self.last_done.text(),
                    instructions=self.instructions.toPlainText(), active=self.active.isChecked())

    def save(self) -> bool:
        self._resolve_ref()
        values = self.values()
        if self.plan is None:
            ok, plan = run_safely(self, lambda: svc.create_plan(**values), plan_labels())
        else:
            ok, plan = run_safely(self, lambda: svc.update_plan(self.plan, **values), plan_labels(),
                                  on_conflict=lambda: self.load(self.plan.id))
        if ok:
            self.page.refresh(select=plan.id)
            self.load(plan.id)
        return ok

    def generate_one(self) -> None:
        if self.plan is None:
            return
        ok, result = run_safely(self, lambda: svc.generate(plan_ids=[self.plan.id]), plan_labels())
        if ok:
            self.ctx.bus.status_message.emit(QCoreApplication.translate(
                "Maintenance", "{n} visits created.").format(n=len(result.created)))
            self.load(self.plan.id)


class PlansPage(QWidget):
    """Workspace tab "Maintenance plans"."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maintenancePlansPage")
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = SearchBox(QCoreApplication.translate("Maintenance", "Search customer, serial number, contract…"))
        self.search.search.connect(lambda _t: self.refresh())
        self.active_only = QCheckBox(QCoreApplication.translate("Maintenance", "Active only"))
        self.active_only.setChecked(True)
        self.active_only.toggled.connect(lambda _c: self.refresh())
        bar.addWidget(self.search, 1)
        bar.addWidget(self.active_only)
        ll.addLayout(bar)
        self.model = RowsModel([QCoreApplication.translate("Maintenance", "Customer"), QCoreApplication.translate("Maintenance", "Unit / contract"),
                                QCoreApplication.translate("Maintenance", "Repeat"), QCoreApplication.translate("Maintenance", "Next due"),
                                QCoreApplication.translate("Maintenance", "Team / operator")], self)
        self.view = make_table(self.model, (190, 200, 120, 90), name="planList")
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _p: cur.isValid() and self.editor.load(self.model.id_at(cur.row())))
        ll.addWidget(self.view, 1)
        foot = QHBoxLayout()
        self.count = QLabel()
        new = QPushButton(QCoreApplication.translate("Maintenance", "New plan"))
        new.setObjectName("planNew")
        new.setEnabled(ctx.actor.can(Permission.MAINTENANCE_EDIT))
        new.clicked.connect(lambda: (self.view.clearSelection(), self.editor.load(None)))
        foot.addWidget(self.count, 1)
        foot.addWidget(new)
        ll.addLayout(foot)
        self.editor = PlanEditor(ctx=ctx, page=self)
        split.addWidget(left)
        split.addWidget(self.editor)
        split.setSizes([700, 640])
        layout.addWidget(split)
        ctx.bus.changed.connect(lambda topics: "interventions" in topics and self.editor.plan
                                and self.editor.refresh_visits())
        self.refresh()
        if self.model.rowCount():
            self.view.selectRow(0)

    def refresh(self, select: int | None = None) -> None:
        rows = svc.list_plans(text=self.search.text(), active_only=self.active_only.isChecked(),
                              limit=1000)
        today = clock.today()
        colors = {i: QColor("#b91c1c") for i, r in enumerate(rows) if r.active and r.next_due < today}
        self.model.set_rows([(r.id, r.customer, r.title or r.target, every_text(r.every, r.period),
                              fmt.date(r.next_due), r.operator or r.team) for r in rows], colors)
        self.count.setText(QCoreApplication.translate("Maintenance", "{n} plans").format(n=len(rows)))
        if select is not None and self.model.row_of(select) >= 0:
            self.view.blockSignals(True)
            self.view.selectRow(self.model.row_of(select))
            self.view.blockSignals(False)
