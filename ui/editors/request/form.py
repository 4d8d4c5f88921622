"""The request form: customer, contact, contract, job order, units, classification, text
(R-REQ-1). It shows what it is given (a form input and the customer's choices, read by the
editor off the GUI thread) and says what the user typed; it never reads the database."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QScrollArea, QWidget)

from servicedesk import limits
from servicedesk.errors import ValidationError
from servicedesk.queries.request_form import CustomerChoices
from servicedesk.services.requests import CHANNELS, ContractOption, RequestInput

from ... import fmt
from ...widgets import request_labels as labels
from ...widgets.invalid_mark import set_invalid
from ...widgets.limited_text import limit_text
from ...widgets.request_customer_picker import CustomerPicker

PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 1
OPTION_ROLE = Qt.ItemDataRole.UserRole + 1
_KEYS = ("customer_id", "priority_id", "contact_id", "channel", "problem_type_id",
         "contract_id", "job_order_id", "team_id", "owner_id")


class RequestForm(QScrollArea):
    """``show_input(data, choices)`` fills it; ``form_input()`` reads it back."""

    description_changed = Signal(str)
    units_changed = Signal()
    customer_chosen = Signal(int)  # the user picked another customer (0: none)
    sla_inputs_changed = Signal()  # priority or contract: the SLA preview moves

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._loaded = RequestInput()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The fields shrink with the tab (long choices are elided): never a horizontal bar.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        # The host is in its place before its fields are made, each with its parent: a filled
        # tree moved into a parent is restyled again under the app's style sheet (issue 13).
        host = QWidget()
        self.setWidget(host)
        form = QFormLayout(host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setContentsMargins(4, 4, 8, 4)
        form.setVerticalSpacing(6)
        self.customer = CustomerPicker(ctx=ctx, parent=host)
        self.customer.customer_changed.connect(self._customer_changed)
        self.contact = self._combo("requestContact", host)
        self.contract = self._combo("requestContract", host)
        self.contract.currentIndexChanged.connect(lambda _i: self._sla_inputs())
        self.job_order = self._combo("requestJobOrder", host)
        self.units = QListWidget(host)
        self.units.setObjectName("requestUnits")
        self.units.setMaximumHeight(110)
        self.units.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.units.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.units.itemChanged.connect(self._unit_toggled)
        self.channel = self._combo("requestChannel", host)
        self.problem_type = self._combo("requestProblemType", host)
        self.priority = self._combo("requestPriority", host)
        self.priority.currentIndexChanged.connect(lambda _i: self._sla_inputs())
        self.team = self._combo("requestTeam", host)
        self.owner = self._combo("requestOwner", host)
        self.subject = QLineEdit(host)
        self.subject.setObjectName("requestSubject")
        limit_text(self.subject, limits.limit("request", "subject"))
        self.subject.setPlaceholderText(self.tr("A short title, e.g. “Boiler leaking”"))
        self.description = QPlainTextEdit(host)
        self.description.setObjectName("requestDescription")
        limit_text(self.description, limits.limit("request", "description"))
        self.description.setPlaceholderText(self.tr("The problem as the customer describes it"))
        self.description.setMinimumHeight(110)
        self.description.textChanged.connect(
            lambda: self.description_changed.emit(self.description.toPlainText()))
        self.report = QLabel(host)
        self.report.setObjectName("requestFinalReport")
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contract_hint = QLabel(host)
        self.contract_hint.setProperty("role", "hint")
        self.contract_hint.setWordWrap(True)

        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Contract"), self.contract)
        form.addRow("", self.contract_hint)
        form.addRow(self.tr("Job order"), self.job_order)
        form.addRow(self.tr("Units"), self.units)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Problem type"), self.problem_type)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Description"), self.description)
        self.report_label = QLabel(self.tr("Final report"), host)
        form.addRow(self.report_label, self.report)
        self.fields = {"customer": self.customer.edit, "contact": self.contact,
                       "contract": self.contract, "job_order": self.job_order,
                       "units": self.units, "channel": self.channel,
                       "problem_type": self.problem_type, "priority": self.priority,
                       "team": self.team, "owner": self.owner, "subject": self.subject,
                       "description": self.description}
        self.fill_lookups()

    @staticmethod
    def _combo(name: str, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        # A contact or contract label may be long: it must not set the form's width.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    # -- reference lists -------------------------------------------------------------------
    def fill_lookups(self) -> None:
        """Channels, problem types, priorities, teams and operators (from ``ctx.lookups()``),
        keeping what is chosen."""
        lookups, lang = self.ctx.lookups(), self.ctx.lang
        keep = {c: c.currentData() for c in (self.channel, self.problem_type, self.priority,
                                             self.team, self.owner)}
        for combo in keep:
            combo.blockSignals(True)
            combo.clear()
        for code in CHANNELS:
            self.channel.addItem(labels.channel_name(code), code)
        self.problem_type.addItem(self.tr("(not classified)"), None)
        for p in lookups.open_problem_types():
            self.problem_type.addItem(p.name(lang), p.id)
        for p in lookups.priorities:
            self.priority.addItem(labels.priority_icon(p.color), p.name(lang), p.id)
        self.team.addItem(self.tr("(no team)"), None)
        for t in lookups.open_teams():
            self.team.addItem(t.name, t.id)
        self.owner.addItem(self.tr("(unassigned)"), None)
        for o in lookups.active_operators():
            self.owner.addItem(o.full_name, o.id)
        for combo, value in keep.items():
            if value is not None:
                self._set_combo(combo, value)
            combo.blockSignals(False)

    def _reference_label(self, combo: QComboBox, value) -> str:
        """The name of a referenced row no longer offered (archived team, inactive owner…)."""
        lookups, lang = self.ctx.lookups(), self.ctx.lang
        if combo is self.owner:
            op = lookups.operator(value)
            return op.full_name if op else ""
        if combo is self.team:
            team = lookups.team(value)
            return team.name if team else ""
        if combo is self.problem_type:
            pt = lookups.problem_type(value)
            return pt.name(lang) if pt else ""
        return ""

    def _set_combo(self, combo: QComboBox, value) -> None:
        i = combo.findData(value)
        if i < 0 and value is not None:
            combo.addItem(self._reference_label(combo, value) or str(value), value)
            i = combo.count() - 1
        combo.setCurrentIndex(max(i, 0))

    # -- showing ---------------------------------------------------------------------------
    def show_input(self, data: RequestInput, choices: CustomerChoices,
                   final_report: str = "") -> None:
        """Show ``data`` as loaded (the baseline of "unsaved changes")."""
        self._loading = True
        try:
            self.customer.set_customer(choices.customer)
            self.set_choices(choices, data)
            self._set_combo(self.channel, data.channel)
            self._set_combo(self.problem_type, data.problem_type_id)
            self._set_combo(self.priority, data.priority_id)
            self._set_combo(self.team, data.team_id)
            self._set_combo(self.owner, data.owner_id)
            self.subject.setText(data.subject)
            self.description.setPlainText(data.description)
        finally:
            self._loading = False
        self.report_label.setVisible(bool(final_report))
        self.report.setVisible(bool(final_report))
        self.report.setText(final_report)
        self._loaded = self.form_input()
        self.clear_invalid()
        self.units_changed.emit()

    def set_loaded(self, data: RequestInput, final_report: str = "") -> None:
        """What is stored now (after a save): the new baseline, the fields left as typed."""
        self._loaded = data
        self.report_label.setVisible(bool(final_report))
        self.report.setVisible(bool(final_report))
        self.report.setText(final_report)

    def set_choices(self, choices: CustomerChoices, data: RequestInput | None) -> None:
        """Contacts, contracts, job orders and units of the customer; ``data`` says what the
        request holds (None: a customer just chosen — keep nothing but a sole contract)."""
        if choices.customer is not None and self.customer.customer_id() != choices.customer.id:
            return  # the user chose again while these were read: a newer answer follows
        self.customer.set_customer(choices.customer)
        self.contact.clear()
        self.contract.clear()
        self.job_order.clear()
        self.units.blockSignals(True)
        self.units.clear()
        self.contact.addItem(self.tr("(no contact)"), None)
        self.contract.addItem(self.tr("(no contract)"), None)
        self.job_order.addItem(self.tr("(no job order)"), None)
        for c in choices.contacts:
            extra = " · ".join(x for x in (c.role, c.phone) if x)
            self.contact.addItem(f"{c.name} — {extra}" if extra else c.name, c.id)
        for o in choices.contracts:
            self.contract.addItem(self._contract_label(o), o.id)
            self.contract.setItemData(self.contract.count() - 1, o, OPTION_ROLE)
        if choices.former_contract is not None:
            self.contract.addItem(self.tr("%1 (no longer active)").replace(
                "%1", choices.former_contract.number), choices.former_contract.id)
        for j in choices.job_orders:
            self.job_order.addItem(f"{j.code} — {j.title}", j.id)
        wanted = set(data.unit_ids) if data else set()
        for u in choices.units:
            # The serial first: it is what the caller reads out; a narrow form elides the rest.
            text = f"{u.serial} — {u.product}" + (f" · {u.site}" if u.site else "")
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, u.id)
            item.setData(PRODUCT_ROLE, u.product_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if u.id in wanted else Qt.CheckState.Unchecked)
            self.units.addItem(item)
        self.units.blockSignals(False)
        if data is not None:
            self._set_combo(self.contact, data.contact_id)
            self._set_combo(self.job_order, data.job_order_id)
            self._set_combo(self.contract, data.contract_id)
        elif len(choices.contracts) == 1:
            self.contract.setCurrentIndex(1)  # exactly one active contract: preselected
        n = len(choices.contracts)
        if choices.customer is None:
            self.contract_hint.setText("")
        elif n == 0:
            self.contract_hint.setText(
                self.tr("No active contract: the priority's service level applies."))
        else:
            self.contract_hint.setText(self.tr("%1 active contract(s)").replace("%1", str(n)))

    def _contract_label(self, o: ContractOption) -> str:
        validity = self.tr("%1 to %2").replace("%1", fmt.date(o.term_start)) \
            .replace("%2", fmt.date(o.term_end))
        parts = [o.number, o.title, validity]
        if o.uses_tickets:
            parts.append(self.tr("%1 tickets left").replace("%1", str(o.tickets_remaining)))
        return " · ".join(parts)

    def contract_option(self) -> ContractOption | None:
        option = self.contract.currentData(OPTION_ROLE)
        return option if isinstance(option, ContractOption) else None

    def set_editable(self, on: bool) -> None:
        self.customer.set_read_only(not on)
        self.subject.setReadOnly(not on)
        self.description.setReadOnly(not on)
        for w in (self.contact, self.contract, self.job_order, self.units, self.channel,
                  self.problem_type, self.priority, self.team, self.owner):
            w.setEnabled(on)

    # -- what the user typed ---------------------------------------------------------------
    def unit_ids(self) -> list[int]:
        return [int(self.units.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.units.count())
                if self.units.item(i).checkState() == Qt.CheckState.Checked]

    def product_ids(self) -> list[int]:
        return sorted({int(self.units.item(i).data(PRODUCT_ROLE))
                       for i in range(self.units.count())
                       if self.units.item(i).checkState() == Qt.CheckState.Checked})

    def form_input(self) -> RequestInput:
        return RequestInput(
            customer_id=self.customer.customer_id(), description=self.description.toPlainText(),
            priority_id=self.priority.currentData(), subject=self.subject.text(),
            contact_id=self.contact.currentData(), channel=self.channel.currentData() or "phone",
            problem_type_id=self.problem_type.currentData(),
            contract_id=self.contract.currentData(), job_order_id=self.job_order.currentData(),
            team_id=self.team.currentData(), owner_id=self.owner.currentData(),
            unit_ids=self.unit_ids())

    def is_dirty(self) -> bool:
        now, was = self.form_input(), self._loaded
        return (now.description.strip() != (was.description or "").strip()
                or now.subject.strip() != (was.subject or "").strip()
                or sorted(now.unit_ids) != sorted(was.unit_ids)
                or any(getattr(now, f) != getattr(was, f) for f in _KEYS))

    # -- invalid fields --------------------------------------------------------------------
    def field_labels(self) -> dict[str, str]:
        return {"customer": self.tr("Customer"), "contact": self.tr("Contact"),
                "contract": self.tr("Contract"), "job_order": self.tr("Job order"),
                "units": self.tr("Units"), "channel": self.tr("Channel"),
                "problem_type": self.tr("Problem type"), "priority": self.tr("Priority"),
                "team": self.tr("Team"), "owner": self.tr("Owner"), "subject": self.tr("Subject"),
                "description": self.tr("Description"), "final_report": self.tr("Final report"),
                "note": self.tr("Note"), "status": self.tr("Status")}

    def label_errors(self, err: ValidationError) -> ValidationError:
        """Field names in the user's language in front of each message."""
        names = self.field_labels()
        for fe in err.errors:
            if fe.field in names:
                fe.params.setdefault("label", names[fe.field])
        return err

    def mark_invalid(self, err: ValidationError) -> None:
        self.label_errors(err)
        for fe in err.errors:
            widget = self.fields.get(fe.field)
            if widget is not None:
                set_invalid(widget, True)  # cleared by the user's next change of the field

    def clear_invalid(self) -> None:
        for widget in self.fields.values():
            set_invalid(widget, False)

    # -- the user's changes ----------------------------------------------------------------
    def _customer_changed(self, customer_id: int) -> None:
        if not self._loading:
            self.customer_chosen.emit(customer_id)

    def _unit_toggled(self, _item) -> None:
        if not self._loading:
            self.units_changed.emit()

    def _sla_inputs(self) -> None:
        if not self._loading:
            self.sla_inputs_changed.emit()
