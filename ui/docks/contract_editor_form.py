"""The contract editor (R-CON-1..5): a summary always in view, then tabs with every field.

Used in the narrow contract dock and, roomier, as a central workspace tab. It reads a snapshot
of the contract and what its panels show (``queries.contract_form.contract_view``) on a worker,
and writes through the op runner with the version it read, so an edit made meanwhile on another
workstation is reported (what they changed, what you changed), never overwritten. The summary
follows the form as it is edited: it is computed by the core's rules from the form's values
(``queries.contract_summary.summarize``), not from the stored row.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QFrame, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from servicedesk import limits
from servicedesk.errors import FieldError, ServiceDeskError, ValidationError
from servicedesk.permissions import Permission
from servicedesk.queries import contract_form as cf
from servicedesk.queries.contract_summary import Terms, summarize
from servicedesk.services import billing
from servicedesk.services import contracts as svc
from servicedesk.services.istat import needed_period
from servicedesk.uow import ChangeSet

from .. import fmt
from ..messages import error_text
from ..models.contract_list import status_names
from ..widgets.contract_fields import (AmountEdit, DateEdit, OptionalDateEdit, OptionalSpin,
                                       PartyPicker, parse_amount)
from ..widgets.contract_panels import (BillingPanel, CoveragePanel, RenewalHistoryPanel,
                                       TicketsPanel)
from ..widgets.contract_summary import SummaryBox
from ..widgets.invalid_mark import set_invalid
from ..widgets.limited_text import limit_text
from ..workers import Worker

#: The form's keys that are references: the snapshot holds them as ``<key>_id``.
_REFERENCES = ("party", "job_order", "signed_by")
#: Tables whose rows the editor's panels and summary show, besides the contract's own.
_SHOWN_TABLES = ("instalment", "ticket_movement", "contract_renewal", "contract_product",
                 "contract_unit", "unit", "istat_index", "istat_month", "setting", "job_order")


def type_names() -> dict[str, str]:
    return {
        "full_service": QCoreApplication.translate("ContractEditor", "Full service"),
        "maintenance": QCoreApplication.translate("ContractEditor", "Maintenance"),
        "tickets": QCoreApplication.translate("ContractEditor", "Ticket package"),
        "on_call": QCoreApplication.translate("ContractEditor", "On call"),
        "software_support": QCoreApplication.translate("ContractEditor", "Software support"),
        "warranty_extension": QCoreApplication.translate("ContractEditor", "Warranty extension"),
        "rental": QCoreApplication.translate("ContractEditor", "Rental"),
        "supply": QCoreApplication.translate("ContractEditor", "Supply"),
    }


def renewal_names() -> dict[str, str]:
    return {"tacit": QCoreApplication.translate("ContractEditor", "Tacit"), "proposal": QCoreApplication.translate("ContractEditor", "On proposal"),
            "none": QCoreApplication.translate("ContractEditor", "Not renewable")}


def periodicity_names() -> dict[str, str]:
    return {"monthly": QCoreApplication.translate("ContractEditor", "Monthly"),
            "bimonthly": QCoreApplication.translate("ContractEditor", "Every two months"),
            "quarterly": QCoreApplication.translate("ContractEditor", "Quarterly"),
            "four_monthly": QCoreApplication.translate("ContractEditor", "Every four months"),
            "half_yearly": QCoreApplication.translate("ContractEditor", "Half-yearly"),
            "yearly": QCoreApplication.translate("ContractEditor", "Yearly")}


def _narrow(combo: QComboBox) -> QComboBox:
    """Long entries (job orders with titles) must not widen the narrow dock."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def _combo(items: dict[str, str]) -> QComboBox:
    combo = _narrow(QComboBox())
    for code, name in items.items():
        combo.addItem(name, code)
    return combo


def _set_combo(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setContentsMargins(8, 8, 8, 8)
    return form


def _scroll(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


def _pct(text: str) -> Decimal:
    """A percentage typed in the form, for the summary: what does not parse counts as 0."""
    try:
        return parse_amount(text) or Decimal(0)
    except ValueError:
        return Decimal(0)


class ContractEditor(QWidget):
    saved = Signal(int)  # contract id, after the form was saved
    open_in_tab = Signal(int)
    shown = Signal(object)  # the contract id now in the form (None: a new contract)

    def __init__(self, *, ctx, parent: QWidget | None = None, roomy: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.roomy = roomy
        self.setObjectName("contractEditor")
        # Screenshots (and the tests' window) want the answer before the first paint.
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self.view: cf.ContractView | None = None  # the latest read: panels and summary
        self.snapshot: cf.ContractSnapshot | None = None  # what the form was filled from
        self._pending: int | None = None  # the contract being read (None: none or a new one)
        self._loaded: dict[str, Any] = {}
        self._filling = False
        self.last_message = ""
        self._labels: dict[str, str] = {}
        self._build()
        self._watch_inputs()
        ctx.bus.changes.connect(self._on_changes)
        self.new_contract()

    # -- messages (tests replace warn/confirm to answer without a modal box) ----------------
    def warn(self, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, QCoreApplication.translate("ContractEditor", "Contract"), text)

    def confirm(self, text: str) -> bool:
        self.last_message = text
        return QMessageBox.question(self, QCoreApplication.translate("ContractEditor", "Contract"), text) \
            == QMessageBox.StandardButton.Yes

    def status(self, text: str) -> None:
        self.ctx.bus.status_message.emit(text)

    # -- building -------------------------------------------------------------------------------
    def _label(self, key: str, text: str) -> str:
        self._labels[key] = text
        return text

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.summary = SummaryBox(columns=2 if self.roomy else 1)
        self.sum = self.summary.values
        self.sum_title = self.summary.title
        outer.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("contractTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.addTab(_scroll(self._build_general()), QCoreApplication.translate("ContractEditor", "Contract"))
        self.tabs.addTab(_scroll(self._build_renewal()), QCoreApplication.translate("ContractEditor", "Renewal"))
        self.tabs.addTab(_scroll(self._build_service()), QCoreApplication.translate("ContractEditor", "Service && tickets"))
        self.coverage = CoveragePanel(self)
        self.tabs.addTab(_scroll(self.coverage), QCoreApplication.translate("ContractEditor", "Coverage"))
        self.tabs.addTab(_scroll(self._build_billing()), QCoreApplication.translate("ContractEditor", "Billing"))
        outer.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 0, 6, 6)
        self.readonly_label = QLabel(QCoreApplication.translate("ContractEditor", "Read only: your role cannot edit contracts."))
        self.readonly_label.setProperty("role", "hint")
        self.tab_button = QPushButton(QCoreApplication.translate("ContractEditor", "Open in tab"))
        self.tab_button.setObjectName("contractOpenInTab")
        self.tab_button.setToolTip(QCoreApplication.translate("ContractEditor", "Edit this contract in a roomy central tab"))
        self.tab_button.clicked.connect(lambda: self.contract_id and self.open_in_tab.emit(self.contract_id))
        self.tab_button.setVisible(not self.roomy)
        self.revert_button = QPushButton(QCoreApplication.translate("ContractEditor", "Revert"))
        self.revert_button.setObjectName("contractRevert")
        self.revert_button.clicked.connect(self.reload)
        self.save_button = QPushButton(QCoreApplication.translate("ContractEditor", "Save"))
        self.save_button.setObjectName("contractSave")
        self.save_button.setProperty("primary", True)
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.readonly_label)
        buttons.addStretch(1)
        buttons.addWidget(self.tab_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

    def _build_general(self) -> QWidget:
        page = QWidget()
        form = _form()
        page.setLayout(form)
        self.direction = _combo({"active": QCoreApplication.translate("ContractEditor", "Active (with a customer)"),
                                 "passive": QCoreApplication.translate("ContractEditor", "Passive (with a supplier)")})
        self.direction.currentIndexChanged.connect(self._direction_changed)
        self.party = PartyPicker(threaded=not self.ctx.screenshot_mode)
        self.party.setObjectName("contractParty")
        self.party.setPlaceholderText(QCoreApplication.translate("ContractEditor", "Type a name, VAT number or city"))
        self.number = QLineEdit()
        self.number.setObjectName("contractNumber")
        limit_text(self.number, limits.limit("contract", "number"))
        self.number.setPlaceholderText(QCoreApplication.translate("ContractEditor", "automatic"))
        self.title = QLineEdit()
        self.title.setObjectName("contractTitle")
        limit_text(self.title, limits.limit("contract", "title"))
        self.contract_type = _combo(type_names())
        self.status_combo = _combo(status_names())
        self.status_combo.setObjectName("contractStatus")
        self.job_order = _narrow(QComboBox())
        self.signed_on = OptionalDateEdit(QCoreApplication.translate("ContractEditor", "signed"))
        self.signed_by = _narrow(QComboBox())
        self.start_date = DateEdit()
        self.start_date.setObjectName("contractStart")
        self.initial_months = QSpinBox()
        self.initial_months.setRange(1, svc.MAX_MONTHS)
        self.initial_months.setSuffix(QCoreApplication.translate("ContractEditor", " months"))
        self.term_end_label = QLabel()
        self.term_end_label.setProperty("role", "hint")
        self.initial_months.valueChanged.connect(lambda _v: self._adapt_notice())
        self.amount = AmountEdit()
        self.amount.setObjectName("contractAmount")
        self.notes = QPlainTextEdit()
        limit_text(self.notes, limits.limit("contract", "notes"))
        self.notes.setMinimumHeight(60)
        self.notes.setMaximumHeight(120)
        rows = [
            ("direction", QCoreApplication.translate("ContractEditor", "Direction"), self.direction),
            ("party", QCoreApplication.translate("ContractEditor", "Party"), self.party),
            ("number", QCoreApplication.translate("ContractEditor", "Number"), self.number),
            ("title", QCoreApplication.translate("ContractEditor", "Title"), self.title),
            ("contract_type", QCoreApplication.translate("ContractEditor", "Type"), self.contract_type),
            ("status", QCoreApplication.translate("ContractEditor", "Status"), self.status_combo),
            ("job_order", QCoreApplication.translate("ContractEditor", "Job order"), self.job_order),
            ("signed_on", QCoreApplication.translate("ContractEditor", "Signing date"), self.signed_on),
            ("signed_by", QCoreApplication.translate("ContractEditor", "Signed by"), self.signed_by),
            ("start_date", QCoreApplication.translate("ContractEditor", "Start date"), self.start_date),
            ("initial_months", QCoreApplication.translate("ContractEditor", "First term"), self.initial_months),
            ("term_end", QCoreApplication.translate("ContractEditor", "Current term"), self.term_end_label),
            ("amount", QCoreApplication.translate("ContractEditor", "Amount (€, current term)"), self.amount),
            ("notes", QCoreApplication.translate("ContractEditor", "Notes"), self.notes),
        ]
        for key, text, widget in rows:
            form.addRow(self._label(key, text), widget)
        self._main_form = form  # the amount row is shown only to who may see money (load)
        return page

    def _build_renewal(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        form = _form()
        self.renewal_type = _combo(renewal_names())
        self.renewal_type.setObjectName("contractRenewalType")
        self.renewal_type.currentIndexChanged.connect(lambda _i: self.proposal_days.setEnabled(
            self.renewal_type.currentData() == "proposal"))
        self.renewal_months = QSpinBox()
        self.renewal_months.setRange(1, svc.MAX_MONTHS)
        self.renewal_months.setSuffix(QCoreApplication.translate("ContractEditor", " months"))
        self.notice_days = QSpinBox()
        self.notice_days.setRange(0, 3650)
        self.notice_days.setSuffix(QCoreApplication.translate("ContractEditor", " days"))
        # a new contract's notice follows its term lengths until the user types one
        self._notice_auto = False
        self._filling = False
        self.notice_days.valueChanged.connect(self._notice_typed)
        self.renewal_months.valueChanged.connect(lambda _v: self._adapt_notice())
        self.notice_given_on = OptionalDateEdit(QCoreApplication.translate("ContractEditor", "given"))
        self.change_pct = AmountEdit(percent=True)
        self.istat_share_pct = AmountEdit(percent=True)
        self.max_renewals = OptionalSpin(QCoreApplication.translate("ContractEditor", "no limit"), 1000)
        self.renewals_done_label = QLabel()
        self.proposal_days = OptionalSpin(QCoreApplication.translate("ContractEditor", "office default"), 3650)
        self.proposal_days.setObjectName("contractProposalDays")
        self.proposal_days.setSuffix(QCoreApplication.translate("ContractEditor", " days before the end"))
        self.proposal_days.setToolTip(QCoreApplication.translate(
            "ContractEditor", "On proposal: the renewal run proposes the renewal this many days "
                              "before the term ends (office default: Contracts ▸ Renewal "
                              "proposals; without one, the notice period)."))
        self.istat_month_lag = OptionalSpin(QCoreApplication.translate("ContractEditor", "annual average of the year before"), 12, floor=1)
        self.istat_month_lag.setObjectName("contractIstatBasis")
        self.istat_month_lag.setPrefix(QCoreApplication.translate("ContractEditor", "12 months to the month "))
        self.istat_month_lag.setSuffix(QCoreApplication.translate("ContractEditor", " before renewal"))
        self.istat_month_lag.setToolTip(QCoreApplication.translate(
            "ContractEditor", "Which ISTAT FOI change a renewal applies: the annual average of the "
                              "year before the new term, or the change over 12 months of the "
                              "month N months before the new term starts."))
        for key, text, widget in [
            ("renewal_type", QCoreApplication.translate("ContractEditor", "Renewal"), self.renewal_type),
            ("renewal_months", QCoreApplication.translate("ContractEditor", "Later terms"), self.renewal_months),
            ("notice_days", QCoreApplication.translate("ContractEditor", "Notice period"), self.notice_days),
            ("notice_given_on", QCoreApplication.translate("ContractEditor", "Notice"), self.notice_given_on),
            ("change_pct", QCoreApplication.translate("ContractEditor", "Value change %"), self.change_pct),
            ("istat_share_pct", QCoreApplication.translate("ContractEditor", "ISTAT share %"), self.istat_share_pct),
            ("istat_month_lag", QCoreApplication.translate("ContractEditor", "ISTAT figure"), self.istat_month_lag),
            ("proposal_days", QCoreApplication.translate("ContractEditor", "Proposal"), self.proposal_days),
            ("max_renewals", QCoreApplication.translate("ContractEditor", "Max renewals"), self.max_renewals),
            ("renewals_done", QCoreApplication.translate("ContractEditor", "Renewals done"), self.renewals_done_label),
        ]:
            form.addRow(self._label(key, text), widget)
        layout.addLayout(form)
        hint = QLabel(QCoreApplication.translate("ContractEditor", "At renewal: new amount = amount × (1 + change % + "
                                          "ISTAT share % × ISTAT FOI change %), to the cent."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        hint.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(hint)
        self.istat_hint = QLabel()
        self.istat_hint.setObjectName("contractIstatHint")
        self.istat_hint.setProperty("role", "hint")
        self.istat_hint.setWordWrap(True)
        self.istat_hint.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(self.istat_hint)
        self.history_panel = RenewalHistoryPanel(self)
        self.history_panel.setContentsMargins(8, 0, 8, 8)
        layout.addWidget(self.history_panel, 1)
        return page

    def _build_service(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        form = _form()
        self.response_hours = OptionalSpin(QCoreApplication.translate("ContractEditor", "priority default"), 10000, floor=1)
        self.response_hours.setSuffix(QCoreApplication.translate("ContractEditor", " h"))
        self.resolution_hours = OptionalSpin(QCoreApplication.translate("ContractEditor", "priority default"), 10000, floor=1)
        self.resolution_hours.setSuffix(QCoreApplication.translate("ContractEditor", " h"))
        self.tickets_per_term = QSpinBox()
        self.tickets_per_term.setRange(0, 100000)
        self.tickets_per_request = QSpinBox()
        self.tickets_per_request.setRange(0, 1000)
        self.ticket_low_threshold = QSpinBox()
        self.ticket_low_threshold.setRange(0, 100000)
        for key, text, widget in [
            ("response_hours", QCoreApplication.translate("ContractEditor", "Response within"), self.response_hours),
            ("resolution_hours", QCoreApplication.translate("ContractEditor", "Resolution within"), self.resolution_hours),
            ("tickets_per_term", QCoreApplication.translate("ContractEditor", "Tickets per term"), self.tickets_per_term),
            ("tickets_per_request", QCoreApplication.translate("ContractEditor", "Tickets per request"), self.tickets_per_request),
            ("ticket_low_threshold", QCoreApplication.translate("ContractEditor", "Warn at or below"), self.ticket_low_threshold),
        ]:
            form.addRow(self._label(key, text), widget)
        layout.addLayout(form)
        self.tickets_panel = TicketsPanel(self)
        layout.addWidget(self.tickets_panel, 1)
        return page

    def _build_billing(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 0, 6, 6)
        form = _form()
        self.billing_periodicity = _combo(periodicity_names())
        self.instalments_count = QSpinBox()
        self.instalments_count.setRange(1, billing.MAX_INSTALMENTS)
        self.first_due_date = OptionalDateEdit(QCoreApplication.translate("ContractEditor", "set"))
        self.billing_by_calendar = QCheckBox(QCoreApplication.translate(
            "ContractEditor", "By calendar period, first period pro rata"))
        self.billing_by_calendar.setObjectName("contractBillingCalendar")
        self.billing_by_calendar.setToolTip(QCoreApplication.translate(
            "ContractEditor", "One instalment per calendar month, quarter, … of the term, due on "
                              "its first day; a period the term covers only in part is billed "
                              "for its share of days. The instalments add up to the amount."))
        self.billing_by_calendar.toggled.connect(self._billing_mode_changed)
        for key, text, widget in [
            ("billing_periodicity", QCoreApplication.translate("ContractEditor", "Periodicity"), self.billing_periodicity),
            ("billing_by_calendar", QCoreApplication.translate("ContractEditor", "Instalments"), self.billing_by_calendar),
            ("instalments_count", QCoreApplication.translate("ContractEditor", "Instalments per term"), self.instalments_count),
            ("first_due_date", QCoreApplication.translate("ContractEditor", "First due date"), self.first_due_date),
        ]:
            form.addRow(self._label(key, text), widget)
        layout.addLayout(form)
        self.billing_panel = BillingPanel(self)
        layout.addWidget(self.billing_panel, 1)
        return page

    def _watch_inputs(self) -> None:
        """Every edit of the form recomputes the summary (and the hints under the fields)."""
        for w in self.findChildren(QWidget):
            if isinstance(w, (PartyPicker,)):
                w.party_changed.connect(self._form_changed)
            elif isinstance(w, QLineEdit) and not isinstance(w.parent(), (QSpinBox, QDateEdit)):
                w.textChanged.connect(self._form_changed)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self._form_changed)
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(self._form_changed)
            elif isinstance(w, QDateEdit):
                w.dateChanged.connect(self._form_changed)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self._form_changed)
            elif isinstance(w, QCheckBox):
                w.toggled.connect(self._form_changed)

    # -- loading ------------------------------------------------------------------------------
    @property
    def contract_id(self) -> int | None:
        """The saved contract the form shows (None: a new one)."""
        return self.snapshot.id if self.snapshot is not None else None

    @property
    def wanted_id(self) -> int | None:
        """The contract being read, else the one shown (the list selects it)."""
        return self._pending if self.is_loading() else self.contract_id

    def is_loading(self) -> bool:
        return self.worker.is_running("load")

    def new_contract(self, party_id: int | None = None) -> None:
        """Blank form for a new contract (with sensible defaults)."""
        self._pending = None
        self.save_button.setEnabled(False)
        self.worker.run(cf.new_contract_view, party_id, on_done=self._show_new, key="load")

    def load(self, contract_id: int) -> None:
        """Read the contract (off the GUI thread) and fill the form with it."""
        self._pending = contract_id
        self.save_button.setEnabled(False)
        self.worker.run(cf.contract_view, contract_id,
                        on_done=lambda view: self._show_read(contract_id, view, True),
                        on_error=self._read_failed, key="load")

    def refresh(self) -> None:
        """Read the shown contract again: its panels and summary follow; the form follows too
        unless the user is editing it (what they type is never replaced)."""
        contract_id = self.contract_id
        if contract_id is None:
            return
        self._pending = contract_id
        self.worker.run(cf.contract_view, contract_id,
                        on_done=lambda view: self._show_read(contract_id, view, False),
                        on_error=self._read_failed, key="load")

    def reload(self) -> None:
        """Revert: the contract as stored (a new one: the blank form)."""
        if self.contract_id is not None:
            self.load(self.contract_id)
        else:
            self.new_contract()

    def _read_failed(self, exc: BaseException) -> None:
        self._enable_writes()
        if isinstance(exc, ServiceDeskError):
            self.warn(error_text(exc))
        else:
            raise exc

    def _show_new(self, view: cf.ContractView) -> None:
        self._show(view, fill=True)

    def _show_read(self, contract_id: int, view: cf.ContractView | None, fill: bool) -> None:
        if view is None:
            self._enable_writes()
            self.warn(QCoreApplication.translate("ContractEditor", "The contract no longer exists."))
            if self.contract_id == contract_id:
                self.new_contract()
            return
        same = self.contract_id == contract_id
        if not fill and same and (self.is_dirty() or view.snapshot == self.snapshot):
            self._show(view, fill=False)  # keep the form: the user is typing, or it is unchanged
        else:
            self._show(view, fill=True)

    def _show(self, view: cf.ContractView, *, fill: bool) -> None:
        self.view = view
        if fill:
            self.snapshot = view.snapshot
            self._filling = True
            try:
                self._fill(view)
            finally:
                self._filling = False
            self._notice_auto = not view.snapshot.saved
            self._loaded = self.values()
            self._mark_invalid(set())
            self.shown.emit(view.snapshot.id)
        editable = self._enable_writes()
        current = view if view.snapshot.saved else None
        for panel in (self.coverage, self.tickets_panel, self.billing_panel, self.history_panel):
            panel.set_view(current, editable)
        self._form_changed()

    def _enable_writes(self) -> bool:
        editable = self.ctx.actor.can(Permission.CONTRACT_EDIT)
        for w in (self.save_button, self.revert_button):
            w.setEnabled(editable and self.view is not None)
        self.readonly_label.setVisible(not editable)
        self.tab_button.setEnabled(self.contract_id is not None)
        return editable

    def _fill_lookups(self, view: cf.ContractView) -> None:
        self.job_order.clear()
        self.job_order.addItem("—", None)
        for choice in view.job_orders:
            self.job_order.addItem(choice.label, choice.id)
        self.signed_by.clear()
        self.signed_by.addItem("—", None)
        own = view.snapshot.signed_by_id
        for op in sorted(self.ctx.lookups().operators, key=lambda o: o.full_name):
            if op.active or op.id == own:
                self.signed_by.addItem(op.full_name, op.id)

    def _notice_typed(self) -> None:
        if not self._filling:
            self._notice_auto = False

    def _adapt_notice(self) -> None:
        """A new contract's notice follows its term lengths until the user types one."""
        if self._notice_auto and not self._filling:
            self._filling = True
            self.notice_days.setValue(svc.default_notice_for(self.initial_months.value(),
                                                             self.renewal_months.value()))
            self._filling = False

    def _fill(self, view: cf.ContractView) -> None:
        c = view.snapshot
        self._fill_lookups(view)
        self._main_form.setRowVisible(self.amount, view.money)
        _set_combo(self.direction, c.direction)
        self.party.direction = c.direction
        self.party.set_party(c.party_id, view.party_label)
        self.party.setCursorPosition(0)
        self.number.setText(c.number)
        self.title.setText(c.title)
        self.title.setCursorPosition(0)
        _set_combo(self.contract_type, c.contract_type)
        _set_combo(self.status_combo, c.status)
        _set_combo(self.job_order, c.job_order_id)
        self.signed_on.set_value(c.signed_on)
        _set_combo(self.signed_by, c.signed_by_id)
        self.start_date.set_value(c.start_date)
        self.initial_months.setValue(c.initial_months)
        self.amount.set_value(c.amount)
        self.notes.setPlainText(c.notes)
        _set_combo(self.renewal_type, c.renewal_type)
        self.renewal_months.setValue(c.renewal_months)
        self.notice_days.setValue(c.notice_days)
        self.notice_given_on.set_value(c.notice_given_on)
        self.change_pct.set_value(c.change_pct)
        self.istat_share_pct.set_value(c.istat_share_pct)
        self.max_renewals.set_value(c.max_renewals)
        self.proposal_days.set_value(c.proposal_days)
        self.proposal_days.setEnabled(c.renewal_type == "proposal")
        self.istat_month_lag.set_value(c.istat_month_lag)
        self.response_hours.set_value(c.response_hours)
        self.resolution_hours.set_value(c.resolution_hours)
        self.tickets_per_term.setValue(c.tickets_per_term)
        self.tickets_per_request.setValue(c.tickets_per_request)
        self.ticket_low_threshold.setValue(c.ticket_low_threshold)
        _set_combo(self.billing_periodicity, billing.normal_periodicity(c.billing_periodicity))
        self.instalments_count.setValue(c.instalments_count)
        self.first_due_date.set_value(c.first_due_date)
        self.billing_by_calendar.setChecked(c.billing_by_calendar)
        self._billing_mode_changed()
        # the start and first duration are fixed once the contract has been renewed
        self.start_date.setEnabled(c.term_no == 1)
        self.initial_months.setEnabled(c.term_no == 1)
        self.renewals_done_label.setText(str(c.renewals_done))
        self.tickets_per_term.setToolTip(QCoreApplication.translate("ContractEditor", "Credited at the start and at each "
                                                             "renewal; use Top up for more."))

    # -- the summary follows the form ---------------------------------------------------------
    def terms(self) -> Terms:
        """The form's values typed for the core's rules (a number that does not parse: the
        amount is None, a percentage 0)."""
        try:
            amount = parse_amount(self.amount.text())
            amount = Decimal(0) if amount is None else amount  # empty: zero, as on save
        except ValueError:
            amount = None
        return Terms(
            self.start_date.value(), self.initial_months.value(), self.renewal_months.value(),
            self.renewal_type.currentData(), self.notice_days.value(),
            self.notice_given_on.value(), self.max_renewals.value_or_none(),
            self.proposal_days.value_or_none(), _pct(self.change_pct.text()),
            _pct(self.istat_share_pct.text()), self.istat_month_lag.value_or_none(), amount,
            self.billing_periodicity.currentData(), self.instalments_count.value(),
            self.first_due_date.value(), self.billing_by_calendar.isChecked(),
            self.tickets_per_term.value(), self.ticket_low_threshold.value(),
            self.status_combo.currentData())

    def _form_changed(self, *_args) -> None:
        if self._filling or self.view is None:
            return
        self.proposal_days.setEnabled(self.renewal_type.currentData() == "proposal")
        summary = summarize(self.terms(), self.view)
        c = self.view.snapshot
        if c.saved:
            title = f"{self.number.text().strip() or c.number} — {self.title.text().strip()}"
            status = status_names().get(self.status_combo.currentData(), "")
            title = f"{title}  ·  {status}"
        else:
            title = QCoreApplication.translate("ContractEditor", "New contract")
        self.summary.show_summary(summary, title, self.view.alert_days)
        if summary.term_no > 1:
            self.term_end_label.setText(QCoreApplication.translate("ContractEditor", "no. {n}: {s} – {e}").format(
                n=summary.term_no, s=fmt.date(summary.term_start), e=fmt.date(summary.term_end)))
        else:
            self.term_end_label.setText(QCoreApplication.translate("ContractEditor", "ends {e}").format(
                e=fmt.date(summary.term_end)))
        self._update_istat_hint(summary.term_end)

    def _update_istat_hint(self, term_end: dt.date) -> None:
        """Which figure the next renewal applies, as the basis now reads."""
        start = term_end + dt.timedelta(days=1)
        period = needed_period(start, self.istat_month_lag.value_or_none())
        what = (QCoreApplication.translate("ContractEditor", "the {y} annual average").format(y=period.year)
                if period.month is None else
                QCoreApplication.translate("ContractEditor", "the change over 12 months to {p}").format(p=period.label))
        self.istat_hint.setText(QCoreApplication.translate(
            "ContractEditor", "A term starting on {d} applies {what}.").format(
            d=fmt.date(start), what=what))

    def _billing_mode_changed(self) -> None:
        # by calendar period the count and due dates follow from the term itself
        by_calendar = self.billing_by_calendar.isChecked()
        self.instalments_count.setEnabled(not by_calendar)
        self.first_due_date.setEnabled(not by_calendar)

    def _direction_changed(self) -> None:
        self.party.direction = self.direction.currentData()

    # -- refreshing ---------------------------------------------------------------------------
    def _on_changes(self, changes: ChangeSet) -> None:
        """Another write touched what this editor shows: read it again (issue 13). The
        editor's own saves are shown by :meth:`save` itself."""
        if changes.origin is self or self.contract_id is None:
            if self.contract_id is None and self.view is not None and changes.touches("job_order"):
                self.worker.run(cf.job_order_choices, on_done=self._new_job_orders,
                                key="job_orders")
            return
        c = self.snapshot
        if (c.id in changes.ids("contract") or changes.bulk("contract")
                or c.party_id in changes.ids("party") or changes.touches(*_SHOWN_TABLES)):
            self.refresh()

    def _new_job_orders(self, choices: tuple[cf.Choice, ...]) -> None:
        if self.view is None or self.contract_id is not None:
            return
        keep = self.job_order.currentData()
        self.job_order.blockSignals(True)
        self.job_order.clear()
        self.job_order.addItem("—", None)
        for choice in choices:
            self.job_order.addItem(choice.label, choice.id)
        _set_combo(self.job_order, keep)
        self.job_order.blockSignals(False)

    # -- values and saving -----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the form holds; amounts as typed text (parsed on save)."""
        return {
            "direction": self.direction.currentData(), "party": self.party.party_id(),
            "number": self.number.text().strip(), "title": self.title.text().strip(),
            "contract_type": self.contract_type.currentData(),
            "status": self.status_combo.currentData(), "job_order": self.job_order.currentData(),
            "signed_on": self.signed_on.value(), "signed_by": self.signed_by.currentData(),
            "start_date": self.start_date.value(), "initial_months": self.initial_months.value(),
            "amount": self.amount.text().strip(), "notes": self.notes.toPlainText(),
            "renewal_type": self.renewal_type.currentData(),
            "renewal_months": self.renewal_months.value(),
            "notice_days": self.notice_days.value(), "notice_given_on": self.notice_given_on.value(),
            "change_pct": self.change_pct.text().strip(),
            "istat_share_pct": self.istat_share_pct.text().strip(),
            "max_renewals": self.max_renewals.value_or_none(),
            "proposal_days": self.proposal_days.value_or_none(),
            "istat_month_lag": self.istat_month_lag.value_or_none(),
            "response_hours": self.response_hours.value_or_none(),
            "resolution_hours": self.resolution_hours.value_or_none(),
            "tickets_per_term": self.tickets_per_term.value(),
            "tickets_per_request": self.tickets_per_request.value(),
            "ticket_low_threshold": self.ticket_low_threshold.value(),
            "billing_periodicity": self.billing_periodicity.currentData(),
            "instalments_count": self.instalments_count.value(),
            "first_due_date": self.first_due_date.value(),
            "billing_by_calendar": self.billing_by_calendar.isChecked(),
        }

    def is_dirty(self) -> bool:
        return self.view is not None and self.values() != self._loaded

    def can_close(self) -> bool:
        if not self.is_dirty():
            return True
        return self.confirm(QCoreApplication.translate("ContractEditor", "Discard the changes to this contract?"))

    def _parsed(self, values: dict[str, Any]) -> dict[str, Any]:
        out = dict(values)
        bad = []
        for key in ("amount", "change_pct", "istat_share_pct"):
            try:
                parsed = parse_amount(values[key])
            except ValueError:
                bad.append(key)
                continue
            out[key] = parsed if parsed is not None else (Decimal(0) if key != "amount" else None)
        if bad:
            raise ValidationError([FieldError(k, "invalid_number") for k in bad])
        return out

    def seen(self) -> dict[str, Any]:
        """The editable fields as the user read them (the service tells a conflict with them)."""
        c = self.snapshot
        return {key: getattr(c, key + "_id" if key in _REFERENCES else key)
                for key in svc.EDITABLE if hasattr(c, key + "_id" if key in _REFERENCES else key)}

    def save(self) -> bool:
        """Write the form through the op runner; True when saved (or nothing to save)."""
        if self.view is None or self.is_loading():
            return False
        values = self.values()
        try:
            data = self._parsed(values)
        except ValidationError as err:
            return self._refused(err)
        c = self.snapshot
        if not c.saved:
            data = {k: v for k, v in data.items() if v is not None or k in ("party",)}
            outcome = self.ctx.ops.run(self, svc.create_contract, data,
                                       on_failure=self._refused, on_conflict=self._conflict)
        else:
            changed = {k: data[k] for k, v in values.items() if v != self._loaded.get(k)}
            if not changed:
                return True
            outcome = self.ctx.ops.run(self, svc.update_contract, c.id, c.version, changed,
                                       self.seen(), on_failure=self._refused,
                                       on_conflict=self._conflict)
        if outcome is None:
            return False
        contract = outcome.result
        self.status(QCoreApplication.translate("ContractEditor", "Contract {n} saved.").format(n=contract.number))
        self.load(contract.id)
        self.saved.emit(contract.id)
        return True

    def _refused(self, err: ServiceDeskError) -> bool:
        """Invalid input: marked on the fields and told with their labels; the rest (conflict,
        permission, busy) is the op runner's to tell."""
        if not isinstance(err, ValidationError):
            return False
        names = status_names()
        for e in err.errors:
            e.params.setdefault("label", self._labels.get(e.field, e.field))
            if e.code == "contracts.bad_transition":
                e.params.update({k: names.get(e.params.get(k), e.params.get(k))
                                 for k in ("from", "to")})
        self._mark_invalid({e.field for e in err.errors})
        self.warn(error_text(err))
        return True

    def _conflict(self, _err) -> None:
        """Another workstation saved first: the op runner said what differs; show the stored
        contract (the user applies their change again)."""
        self.reload()

    def _mark_invalid(self, fields: set[str]) -> None:
        widgets = {"party": self.party, "number": self.number, "title": self.title,
                   "amount": self.amount, "change_pct": self.change_pct,
                   "istat_share_pct": self.istat_share_pct, "notice_days": self.notice_days,
                   "max_renewals": self.max_renewals, "resolution_hours": self.resolution_hours}
        for key, widget in widgets.items():
            set_invalid(widget, key in fields)  # cleared by the user's next change of the field
