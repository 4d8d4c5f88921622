"""The request editor, a workspace tab: form, status workflow, timeline and feature panels.

Implements the editor interface of ``ui/extensions.py`` so that other features' panels
(interventions, work log, KB suggestions, audit) live beside the form (R-REQ-1/2/5).
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPlainTextEdit, QPushButton, QScrollArea, QSplitter, QTabWidget,
                               QTextBrowser, QVBoxLayout, QWidget)

from servicedesk import clock, context
from servicedesk.errors import ConflictError, ServiceDeskError, ValidationError
from servicedesk.models import (Contact, JobOrder, Operator, Priority, ProblemType, ServiceRequest,
                                Team, Unit)
from servicedesk.permissions import Permission
from servicedesk.queries import requests as rq
from servicedesk.services import requests as svc
from servicedesk.services import sla
from servicedesk import limits

from .. import fmt, messages
from ..extensions import request_panels
from ..widgets import request_labels as labels
from ..widgets.invalid_mark import set_invalid
from ..widgets.request_customer_picker import CustomerPicker
from ..widgets.limited_text import limit_text

FIELD_WIDGETS = ("customer", "contact", "contract", "job_order", "units", "channel",
                 "problem_type", "priority", "team", "owner", "subject", "description")


class RequestEditor(QWidget):
    description_changed = Signal(str)
    units_changed = Signal()
    request_saved = Signal(int)

    def __init__(self, *, ctx, request_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("requestEditor")
        self.request_id: int | None = request_id
        self._request: ServiceRequest | None = None
        self._loaded = svc.RequestInput()
        self._loading = False
        self._panels: list[QWidget] = []
        self._build()
        self._fill_static_combos()
        if request_id is not None:
            self.reload()
        else:
            self._new()
        ctx.bus.changed.connect(self._on_changed)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        head.addWidget(self.title)
        self.status_label = QLabel()
        self.status_label.setObjectName("requestStatus")
        head.addWidget(self.status_label)
        head.addStretch(0)
        self.sla_label = QLabel()
        self.sla_label.setObjectName("requestSla")
        self.sla_label.setWordWrap(True)  # wraps in a narrow tab instead of widening the window
        self.sla_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.sla_label, 1)
        outer.addLayout(head)

        actions = QHBoxLayout()
        actions.setSpacing(4)
        self.transition_box = QHBoxLayout()
        self.transition_box.setSpacing(4)
        self.transition_box.setContentsMargins(0, 0, 0, 0)
        # The status buttons scroll sideways when the tab is narrow instead of widening the window.
        transitions = QWidget()
        transitions.setLayout(self.transition_box)
        self.transition_box.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        trans_scroll = QScrollArea()
        trans_scroll.setObjectName("requestTransitions")
        trans_scroll.setWidget(transitions)
        trans_scroll.setWidgetResizable(True)
        trans_scroll.setFrameShape(QFrame.Shape.NoFrame)
        trans_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        trans_scroll.setFixedHeight(self.fontMetrics().height() + 36)
        trans_scroll.setMinimumWidth(120)
        actions.addWidget(trans_scroll, 1)
        self.reload_btn = QPushButton(self.tr("Reload"))
        self.reload_btn.setObjectName("requestReload")
        self.reload_btn.setToolTip(self.tr("Discard unsaved changes and read the request again"))
        self.reload_btn.clicked.connect(self._ask_reload)
        actions.addWidget(self.reload_btn)
        self.save_btn = QPushButton(self.tr("Save"))
        self.save_btn.setObjectName("requestSave")
        self.save_btn.setProperty("primary", True)
        self.save_btn.setToolTip(self.tr("Save the request (Ctrl+S)"))
        self.save_btn.clicked.connect(self.save)
        actions.addWidget(self.save_btn)
        outer.addLayout(actions)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self._split = split
        split.addWidget(self._build_form())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("requestTabs")
        self.tabs.addTab(self._build_timeline(), self.tr("History"))
        for panel in request_panels():
            try:
                widget = panel.factory(self.ctx, self)
                title = panel.title()
            except Exception as exc:  # a colleague's panel must not break the editor
                widget = QLabel(self.tr("This panel could not be opened: %1").replace("%1", str(exc)))
                widget.setWordWrap(True)
                title = panel.key
            widget.setProperty("panel_key", panel.key)
            self._panels.append(widget)
            self.tabs.addTab(widget, title)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([520, 440])
        outer.addWidget(split, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Side by side when there is room; form above the panels in a narrow tab.
        wanted = (Qt.Orientation.Horizontal if self.width() >= 1000
                  else Qt.Orientation.Vertical)
        if self._split.orientation() != wanted:
            self._split.setOrientation(wanted)

    def _build_form(self) -> QWidget:
        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setContentsMargins(4, 4, 8, 4)
        form.setVerticalSpacing(6)
        self.customer = CustomerPicker()
        self.customer.customer_changed.connect(self._customer_changed)
        self.contact = QComboBox()
        self.contact.setObjectName("requestContact")
        self.contract = QComboBox()
        self.contract.setObjectName("requestContract")
        self.contract.currentIndexChanged.connect(self._update_sla_preview)
        self.job_order = QComboBox()
        self.job_order.setObjectName("requestJobOrder")
        self.units = QListWidget()
        self.units.setObjectName("requestUnits")
        self.units.setMaximumHeight(110)
        self.units.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.units.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.units.itemChanged.connect(self._unit_toggled)
        self.channel = QComboBox()
        self.channel.setObjectName("requestChannel")
        self.problem_type = QComboBox()
        self.problem_type.setObjectName("requestProblemType")
        self.priority = QComboBox()
        self.priority.setObjectName("requestPriority")
        self.priority.currentIndexChanged.connect(self._update_sla_preview)
        self.team = QComboBox()
        self.team.setObjectName("requestTeam")
        self.owner = QComboBox()
        self.owner.setObjectName("requestOwner")
        self.subject = QLineEdit()
        self.subject.setObjectName("requestSubject")
        limit_text(self.subject, limits.limit("request", "subject"))
        self.subject.setPlaceholderText(self.tr("A short title, e.g. “Boiler leaking”"))
        self.description = QPlainTextEdit()
        self.description.setObjectName("requestDescription")
        limit_text(self.description, limits.limit("request", "description"))
        self.description.setPlaceholderText(self.tr("The problem as the customer describes it"))
        self.description.setMinimumHeight(110)
        self.description.textChanged.connect(
            lambda: self.description_changed.emit(self.description.toPlainText()))
        self.report = QLabel()
        self.report.setObjectName("requestFinalReport")
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contract_hint = QLabel()
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
        self._report_label = QLabel(self.tr("Final report"))
        form.addRow(self._report_label, self.report)
        self._fields = {"customer": self.customer.edit, "contact": self.contact,
                        "contract": self.contract, "job_order": self.job_order,
                        "units": self.units, "channel": self.channel,
                        "problem_type": self.problem_type, "priority": self.priority,
                        "team": self.team, "owner": self.owner, "subject": self.subject,
                        "description": self.description}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_host)
        scroll.setMinimumWidth(320)
        return scroll

    def _build_timeline(self) -> QWidget:
        host = QWidget()
        box = QVBoxLayout(host)
        box.setContentsMargins(4, 4, 4, 4)
        self.timeline = QTextBrowser()
        self.timeline.setObjectName("requestTimeline")
        self.timeline.setOpenLinks(False)
        self.timeline.anchorClicked.connect(self._timeline_link)
        box.addWidget(self.timeline, 1)
        self.note = QPlainTextEdit()
        self.note.setObjectName("requestNote")
        limit_text(self.note, limits.limit("request", "note"))
        self.note.setPlaceholderText(self.tr("Write a note for the office or an answer given to the customer…"))
        self.note.setMaximumHeight(80)
        box.addWidget(self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.note_btn = QPushButton(self.tr("Add note"))
        self.note_btn.setObjectName("requestAddNote")
        self.note_btn.clicked.connect(lambda: self._add_note("note"))
        self.answer_btn = QPushButton(self.tr("Record answer to customer"))
        self.answer_btn.setObjectName("requestAddAnswer")
        self.answer_btn.clicked.connect(lambda: self._add_note("answer"))
        row.addWidget(self.note_btn)
        row.addWidget(self.answer_btn)
        box.addLayout(row)
        return host

    def _fill_static_combos(self) -> None:
        name = "name_it" if self.ctx.lang == "it" else "name_en"
        for code in svc.CHANNELS:
            self.channel.addItem(labels.channel_name(code), code)
        self.problem_type.addItem(self.tr("(not classified)"), None)
        for p in ProblemType.select().where(ProblemType.archived == False):  # noqa: E712
            self.problem_type.addItem(getattr(p, name), p.id)
        for p in Priority.select().order_by(Priority.rank):
            self.priority.addItem(labels.priority_icon(p.color), getattr(p, name), p.id)
        self.team.addItem(self.tr("(no team)"), None)
        for t in Team.select().where(Team.archived == False).order_by(Team.name):  # noqa: E712
            self.team.addItem(t.name, t.id)
        self.owner.addItem(self.tr("(unassigned)"), None)
        for o in Operator.select().where(Operator.active == True).order_by(Operator.full_name):  # noqa: E712
            self.owner.addItem(o.full_name, o.id)

    # -- the editor interface (ui/extensions.py) ------------------------------------------
    def description_text(self) -> str:
        return self.description.toPlainText()

    def unit_ids(self) -> list[int]:
        out = []
        for i in range(self.units.count()):
            item = self.units.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def product_ids(self) -> list[int]:
        ids = self.unit_ids()
        if not ids:
            return []
        return sorted({u.product_id for u in Unit.select(Unit.product).where(Unit.id.in_(ids))})

    def customer_id(self) -> int | None:
        return self.customer.customer_id()

    def append_note(self, text: str) -> None:
        current = self.note.toPlainText().rstrip()
        self.note.setPlainText(f"{current}\n{text}" if current else text)
        self.tabs.setCurrentIndex(0)

    def reload(self) -> None:
        if self.request_id is None:
            return
        request = ServiceRequest.get_or_none(ServiceRequest.id == self.request_id)
        if request is None:
            QMessageBox.warning(self, self.tr("Request"), self.tr("This request no longer exists."))
            return
        self._request = request
        self._loaded = svc.RequestInput.of(request)
        self._show(self._loaded)
        self._refresh_header()
        self._refresh_timeline()
        self._notify_panels()

    # -- loading the form -----------------------------------------------------------------
    def _new(self) -> None:
        data = svc.RequestInput(priority_id=Priority.get_or_none(Priority.code == "normal").id
                                if Priority.get_or_none(Priority.code == "normal") else None)
        self._loaded = data
        self._show(data)
        self._refresh_header()
        self._refresh_timeline()
        self._notify_panels()

    def _show(self, data: svc.RequestInput) -> None:
        self._loading = True
        try:
            self.customer.set_customer(data.customer_id)
            self._fill_customer_lists(data.customer_id, data)
            self._set_combo(self.channel, data.channel)
            self._set_combo(self.problem_type, data.problem_type_id)
            self._set_combo(self.priority, data.priority_id)
            self._set_combo(self.team, data.team_id)
            self._set_combo(self.owner, data.owner_id, label=self._operator_name(data.owner_id))
            self.subject.setText(data.subject)
            self.description.setPlainText(data.description)
        finally:
            self._loading = False
        self._clear_invalid()
        self._update_sla_preview()
        self.units_changed.emit()

    @staticmethod
    def _operator_name(operator_id: int | None) -> str:
        op = Operator.get_or_none(Operator.id == operator_id) if operator_id else None
        return op.full_name if op else ""

    @staticmethod
    def _set_combo(combo: QComboBox, value, label: str = "") -> None:
        i = combo.findData(value)
        if i < 0 and value is not None:
            combo.addItem(label or str(value), value)  # e.g. an archived team still referenced
            i = combo.count() - 1
        combo.setCurrentIndex(max(i, 0))

    def _fill_customer_lists(self, customer_id: int | None, data: svc.RequestInput | None) -> None:
        """Contacts, active contracts, job orders and units of the chosen customer."""
        keep_contract = data.contract_id if data else self.contract.currentData()
        self.contact.clear()
        self.contract.clear()
        self.job_order.clear()
        self.units.blockSignals(True)
        self.units.clear()
        self.contact.addItem(self.tr("(no contact)"), None)
        self.contract.addItem(self.tr("(no contract)"), None)
        self.job_order.addItem(self.tr("(no job order)"), None)
        if customer_id:
            for c in (Contact.select().where(Contact.party == customer_id, Contact.archived == False)  # noqa: E712
                      .order_by(Contact.name)):
                extra = " · ".join(x for x in (c.role, c.phone or c.mobile) if x)
                self.contact.addItem(f"{c.name} — {extra}" if extra else c.name, c.id)
            options = svc.active_contracts(customer_id)
            for o in options:
                self.contract.addItem(self._contract_label(o), o.id)
                self.contract.setItemData(self.contract.count() - 1, o, Qt.ItemDataRole.UserRole + 1)
            if keep_contract is not None and self.contract.findData(keep_contract) < 0:
                from servicedesk.models import Contract

                old = Contract.get_or_none(Contract.id == keep_contract)
                if old is not None:
                    self.contract.addItem(self.tr("%1 (no longer active)").replace("%1", old.number),
                                          old.id)
            for j in (JobOrder.select().where(((JobOrder.party == customer_id) | JobOrder.party.is_null()),
                                              JobOrder.archived == False)  # noqa: E712
                      .order_by(JobOrder.code).limit(300)):
                self.job_order.addItem(f"{j.code} — {j.title}", j.id)
            wanted = set(data.unit_ids) if data else set(self.unit_ids())
            units = (Unit.select(Unit.id, Unit.serial, Unit.site, Unit.archived, Unit.product)
                     .where(Unit.owner == customer_id).order_by(Unit.serial).limit(500))
            from servicedesk.models import Product

            names = {}
            for u in units:
                if u.archived and u.id not in wanted:
                    continue
                if u.product_id not in names:
                    names[u.product_id] = Product.get_by_id(u.product_id).name
                text = f"{names[u.product_id]} · {u.serial}" + (f" · {u.site}" if u.site else "")
                item = QListWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, u.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if u.id in wanted else Qt.CheckState.Unchecked)
                self.units.addItem(item)
            if data is not None:
                self._set_combo(self.contact, data.contact_id)
                self._set_combo(self.job_order, data.job_order_id)
                self._set_combo(self.contract, data.contract_id)
            elif len(options) == 1:
                self.contract.setCurrentIndex(1)  # exactly one active contract: preselected
        self.units.blockSignals(False)
        n = self.contract.count() - 1
        if not customer_id:
            self.contract_hint.setText("")
        elif n == 0:
            self.contract_hint.setText(self.tr("No active contract: the priority's service level applies."))
        else:
            self.contract_hint.setText(self.tr("%1 active contract(s)").replace("%1", str(n)))
        self.units.setVisible(True)

    def _contract_label(self, o: svc.ContractOption) -> str:
        validity = self.tr("%1 to %2").replace("%1", fmt.date(o.term_start)).replace("%2", fmt.date(o.term_end))
        parts = [o.number, o.title, validity]
        if o.uses_tickets:
            parts.append(self.tr("%1 tickets left").replace("%1", str(o.tickets_remaining)))
        return " · ".join(parts)

    def _customer_changed(self, customer_id: int) -> None:
        if self._loading:
            return
        self._fill_customer_lists(customer_id or None, None)
        self._update_sla_preview()
        self.units_changed.emit()

    def _unit_toggled(self, _item) -> None:
        if not self._loading:
            self.units_changed.emit()

    # -- header, SLA and status buttons -----------------------------------------------------
    def _refresh_header(self) -> None:
        r = self._request
        if r is None:
            self.title.setText(self.tr("New request"))
            self.status_label.setText("")
        else:
            self.title.setText(r.number)
            self.status_label.setText(labels.status_name(r.status))
        self.status_label.setStyleSheet(
            "QLabel { background: #e8ecf2; border-radius: 9px; padding: 2px 10px; color: #1f2a3a; }"
            if r is not None else "")
        self._report_label.setVisible(bool(r and r.final_report))
        self.report.setVisible(bool(r and r.final_report))
        self.report.setText(r.final_report if r else "")
        self._build_transitions()
        can_edit = context.current().can(Permission.REQUEST_EDIT)
        self.save_btn.setEnabled(can_edit)
        self.reload_btn.setVisible(r is not None)
        can_note = r is not None and context.current().can(Permission.REQUEST_NOTE)
        for w in (self.note, self.note_btn, self.answer_btn):
            w.setEnabled(can_note)
        self._update_sla_preview()

    def _build_transitions(self) -> None:
        while self.transition_box.count():
            item = self.transition_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        r = self._request
        if r is None or not context.current().can(Permission.REQUEST_EDIT):
            return
        for to in svc.allowed_transitions(r.status):
            text = labels.transition_label(to)
            if to == "in_progress" and r.status in ("resolved", "closed"):
                text = self.tr("Reopen")
            btn = QPushButton(text)
            btn.setObjectName(f"transition_{to}")
            btn.setToolTip(self.tr("Change the status to “%1”").replace("%1", labels.status_name(to)))
            btn.clicked.connect(lambda _c=False, t=to: self.change_status(t))
            self.transition_box.addWidget(btn)

    def _update_sla_preview(self) -> None:
        r = self._request
        now = clock.now()
        if r is not None:
            code = sla.urgency(r.status, r.sla_due, r.sla_risk_at, r.paused_since, now)
            if code == sla.PAUSED:
                text = labels.urgency_name(code)
            elif r.sla_due is not None:
                which = self.tr("Response due") if r.first_response_at is None else self.tr("Resolution due")
                text = f"{which}: {fmt.datetime(r.sla_due)} — " + labels.remaining_text(
                    sla.remaining_minutes(r.sla_due, now), overdue=r.sla_due < now)
            elif r.status in ("resolved", "closed"):
                stamp = r.closed_at if r.status == "closed" else r.resolved_at
                text = (self.tr("Resolved on %1") if r.status == "resolved" else self.tr("Closed on %1")) \
                    .replace("%1", fmt.datetime(stamp))
            else:
                text = ""
            color = labels.URGENCY_COLORS.get(code, "#374151")
            self.sla_label.setStyleSheet(f"QLabel {{ color: {color}; font-weight: bold; }}"
                                         if code in (sla.OVERDUE, sla.AT_RISK) else "")
            self.sla_label.setText(text)
            return
        priority = Priority.get_or_none(Priority.id == self.priority.currentData())
        if priority is None:
            self.sla_label.setText("")
            return
        option = self.contract.currentData(Qt.ItemDataRole.UserRole + 1)
        hours = sla.sla_hours(priority, option)
        clocks = sla.due_times(now, hours)
        self.sla_label.setStyleSheet("")
        self.sla_label.setText(self.tr("If opened now: response by %1, resolution by %2")
                               .replace("%1", fmt.datetime(clocks.response_due))
                               .replace("%2", fmt.datetime(clocks.resolution_due)))

    # -- saving ----------------------------------------------------------------------------
    def form_input(self) -> svc.RequestInput:
        return svc.RequestInput(
            customer_id=self.customer.customer_id(), description=self.description.toPlainText(),
            priority_id=self.priority.currentData(), subject=self.subject.text(),
            contact_id=self.contact.currentData(), channel=self.channel.currentData() or "phone",
            problem_type_id=self.problem_type.currentData(),
            contract_id=self.contract.currentData(), job_order_id=self.job_order.currentData(),
            team_id=self.team.currentData(), owner_id=self.owner.currentData(),
            unit_ids=self.unit_ids())

    def is_dirty(self) -> bool:
        now, was = self.form_input(), self._loaded
        now.description, was_desc = now.description.strip(), (was.description or "").strip()
        return (now.description != was_desc or now.subject.strip() != (was.subject or "").strip()
                or sorted(now.unit_ids) != sorted(was.unit_ids)
                or any(getattr(now, f) != getattr(was, f) for f in (
                    "customer_id", "priority_id", "contact_id", "channel", "problem_type_id",
                    "contract_id", "job_order_id", "team_id", "owner_id")))

    def save(self) -> bool:
        self._clear_invalid()
        data = self.form_input()
        try:
            if self._request is None:
                request = svc.create_request(data)
                self.request_id = request.id
                self._retitle(request.number)
            else:
                svc.update_request(self._request, data)
        except ConflictError as err:
            self._conflict(err)
            return False
        except ValidationError as err:
            self._mark_invalid(err)
            messages.show_error(self, err)
            return False
        except ServiceDeskError as err:
            messages.show_error(self, err)
            return False
        self.reload()
        self.ctx.bus.status_message.emit(self.tr("Request %1 saved").replace("%1", self._request.number))
        self.request_saved.emit(self.request_id)
        return True

    def _retitle(self, number: str) -> None:
        workspace = self._workspace()
        if workspace is not None:
            workspace.set_title(self, number)

    def _workspace(self):
        w = self.parentWidget()
        while w is not None and not hasattr(w, "set_title"):
            w = w.parentWidget()
        return w

    def _conflict(self, err: ConflictError) -> None:
        """Someone else saved first: show what changed, offer to reload; nothing overwritten."""
        if self._confirm_reload(err):
            self.reload()

    def _confirm_reload(self, err: ConflictError) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Saved by someone else"),
                          messages.conflict_text(err), parent=self)
        reload_btn = box.addButton(self.tr("Reload (my changes are lost)"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep my changes on screen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload_btn)
        box.exec()
        return box.clickedButton() is reload_btn

    def _ask_reload(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(self, self.tr("Reload"),
                                          self.tr("Discard your unsaved changes and read the request again?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.reload()

    def _field_labels(self) -> dict[str, str]:
        return {"customer": self.tr("Customer"), "contact": self.tr("Contact"),
                "contract": self.tr("Contract"), "job_order": self.tr("Job order"),
                "units": self.tr("Units"), "channel": self.tr("Channel"),
                "problem_type": self.tr("Problem type"), "priority": self.tr("Priority"),
                "team": self.tr("Team"), "owner": self.tr("Owner"), "subject": self.tr("Subject"),
                "description": self.tr("Description"), "final_report": self.tr("Final report"),
                "note": self.tr("Note"), "status": self.tr("Status")}

    def _label_errors(self, err: ValidationError) -> ValidationError:
        """Field names in the user's language in front of each message."""
        names = self._field_labels()
        for fe in err.errors:
            if fe.field in names:
                fe.params.setdefault("label", names[fe.field])
        return err

    def _mark_invalid(self, err: ValidationError) -> None:
        self._label_errors(err)
        for fe in err.errors:
            widget = self._fields.get(fe.field)
            if widget is not None:
                set_invalid(widget, True)  # cleared by the user's next change of the field

    def _clear_invalid(self) -> None:
        for widget in self._fields.values():
            set_invalid(widget, False)

    def can_close(self) -> bool:
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The request has unsaved changes. Save them before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- status workflow -------------------------------------------------------------------
    def change_status(self, to: str, *, final_report: str | None = None, note: str | None = None,
                      override: bool | None = None) -> bool:
        """Move the request to ``to``; asks for what is needed (the final report, a reason).
        Keyword arguments answer the questions in advance (scripts and tests)."""
        if self._request is None:
            return False
        if self.is_dirty() and not self.save():
            return False
        request = self._request
        if to == "resolved" and final_report is None:
            text, ok = QInputDialog.getMultiLineText(
                self, self.tr("Final report"),
                self.tr("What was found and done (the final report):"), request.final_report)
            if not ok:
                return False
            final_report = text
        if to == "cancelled" and note is None:
            text, ok = QInputDialog.getText(self, self.tr("Cancel request"),
                                            self.tr("Why is the request cancelled? (optional)"))
            if not ok:
                return False
            note = text
        try:
            svc.change_status(request, to, final_report=final_report, note=note or "",
                              ticket_override=bool(override))
        except ValidationError as err:
            self._label_errors(err)
            if any(fe.code == "tickets.exhausted" for fe in err.errors) and override is None:
                return self._offer_override(to, err)
            messages.show_error(self, err)
            self.reload()
            return False
        except ConflictError as err:
            self._conflict(err)
            return False
        except ServiceDeskError as err:
            messages.show_error(self, err)
            return False
        self.reload()
        self.ctx.bus.status_message.emit(
            self.tr("%1: %2").replace("%1", request.number).replace("%2", labels.status_name(to)))
        self.request_saved.emit(request.id)
        return True

    def _offer_override(self, to: str, err: ValidationError) -> bool:
        text = messages.error_text(err) + "\n\n" + self.tr(
            "Close it anyway? The debit beyond the available tickets is recorded as an override.")
        answer = QMessageBox.question(self, self.tr("No tickets left"), text)
        if answer != QMessageBox.StandardButton.Yes:
            self.reload()
            return False
        reason, ok = QInputDialog.getText(self, self.tr("Override"), self.tr("Reason for the override:"))
        if not ok:
            self.reload()
            return False
        self.reload()
        return self.change_status(to, note=reason, override=True)

    # -- timeline --------------------------------------------------------------------------
    def _refresh_timeline(self) -> None:
        if self.request_id is None:
            self.timeline.setHtml("<p style='color:#6b7280'>%s</p>" % html.escape(
                self.tr("The history starts when the request is saved.")))
            return
        parts = []
        for e in reversed(rq.timeline(self.request_id, self.ctx.lang)):
            who = html.escape(e.operator or self.tr("system"))
            when = html.escape(fmt.datetime(e.at))
            if e.kind == "status":
                if e.from_status:
                    what = self.tr("Status: %1 → %2").replace("%1", labels.status_name(e.from_status)) \
                        .replace("%2", labels.status_name(e.to_status or ""))
                else:
                    what = self.tr("Request opened")
                color = "#2563eb"
            elif e.kind == "answer":
                what, color = self.tr("Answer to the customer"), "#047857"
            elif e.kind == "note":
                what, color = self.tr("Note"), "#374151"
            elif e.kind == "ticket_override":
                what, color = self.tr("Closed without tickets left (override)"), "#b91c1c"
            elif e.kind == "intervention":
                what = self.tr("Intervention: %1 (%2)").replace("%1", e.activity).replace(
                    "%2", self._intervention_status(e.intervention_status))
                color = "#7c3aed"
            elif e.kind == "intervention_event":
                what = self._intervention_event(e.intervention_status)
                if e.activity:
                    what += f": {e.activity}"
                color = "#7c3aed"
            elif e.kind == "kb_applied":
                what, color = self.tr("Knowledge base article applied"), "#047857"
            else:
                what, color = self.tr("Event"), "#374151"
            text = e.text
            if e.maintenance_plan_id is not None:
                text = self.tr("Visit of maintenance plan no. %1").replace(
                    "%1", str(e.maintenance_plan_id))
            body = html.escape(text).replace("\n", "<br>") if text else ""
            open_text = html.escape(self.tr("open"))
            link = (f" <a href='intervention:{e.intervention_id}'>{open_text}</a>"
                    if e.intervention_id else "")
            parts.append(
                f"<div style='margin-bottom:8px'><span style='color:{color};font-weight:bold'>"
                f"{html.escape(what)}</span>{link}<br><span style='color:#6b7280'>{when} · {who}</span>"
                + (f"<br>{body}" if body else "") + "</div>")
        self.timeline.setHtml("".join(parts))

    def _intervention_event(self, code: str) -> str:
        names = {"scheduled": self.tr("Intervention scheduled"),
                 "rescheduled": self.tr("Intervention rescheduled"),
                 "done": self.tr("Intervention completed"),
                 "cancelled": self.tr("Intervention cancelled")}
        return names.get(code, self.tr("Intervention"))

    def _intervention_status(self, code: str) -> str:
        names = {"planned": self.tr("planned"), "in_progress": self.tr("in progress"),
                 "done": self.tr("done"), "cancelled": self.tr("cancelled")}
        return names.get(code, code)

    def _timeline_link(self, url) -> None:
        text = url.toString()
        if text.startswith("intervention:"):
            self.ctx.bus.open_intervention.emit(int(text.split(":", 1)[1]))

    def _add_note(self, kind: str) -> None:
        if self.request_id is None:
            return
        try:
            svc.add_note(self.request_id, self.note.toPlainText(), kind=kind)
        except ValidationError as err:
            messages.show_error(self, self._label_errors(err))
            return
        except ServiceDeskError as err:
            messages.show_error(self, err)
            return
        self.note.clear()
        self._refresh_timeline()

    # -- panels and outside changes --------------------------------------------------------
    def _notify_panels(self) -> None:
        for panel in self._panels:
            setter = getattr(panel, "set_request", None)
            if callable(setter):
                try:
                    setter(self)
                except Exception as exc:  # noqa: BLE001 - keep the editor usable
                    self.ctx.bus.status_message.emit(str(exc))

    def _on_changed(self, topics: set[str]) -> None:
        if self.request_id is None:
            return
        if "interventions" in topics:
            self._refresh_timeline()


def editor_title(request_id: int | None) -> str:
    if request_id is None:
        return QCoreApplication.translate("RequestEditor", "New request")
    r = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
    return r.number if r else str(request_id)

