"""The contract editor (R-CON-1..5): a summary always in view, then tabs with every field.

Used in the narrow contract dock and, roomier, as a central workspace tab. The summary shows the
current term, the date by which notice must be given, renewals done of the maximum, the ticket
balance and the next instalment due. Saving goes through services.contracts with the version
read, so an edit made meanwhile on another workstation is reported, never overwritten.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea,
                               QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from servicedesk import clock
from servicedesk.errors import ConflictError, ServiceDeskError, ValidationError
from servicedesk.models import Contract, JobOrder, Operator
from servicedesk.permissions import Permission, sees_money
from servicedesk.queries import contracts as cq
from servicedesk.services import billing, renewals, tickets
from servicedesk.services import contracts as svc
from servicedesk import limits

from .. import fmt
from ..messages import conflict_text, error_text
from ..models.contract_list import status_names
from ..widgets.contract_fields import (AmountEdit, DateEdit, OptionalDateEdit, OptionalSpin,
                                       PartyPicker)
from ..widgets.contract_panels import (BillingPanel, CoveragePanel, RenewalHistoryPanel,
                                       TicketsPanel)
from ..widgets.invalid_mark import set_invalid
from ..widgets.limited_text import limit_text



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


class ContractEditor(QWidget):
    saved = Signal(int)  # contract id, after every successful write
    open_in_tab = Signal(int)

    def __init__(self, *, ctx, parent: QWidget | None = None, roomy: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.roomy = roomy
        self.setObjectName("contractEditor")
        self.contract: Contract | None = None
        self._loaded: dict[str, Any] = {}
        self.last_message = ""
        self._labels: dict[str, str] = {}
        self._build()
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
        outer.addWidget(self._build_summary())
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
        for panel in (self.coverage, self.tickets_panel, self.billing_panel, self.history_panel):
            panel.changed.connect(self._panel_changed)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 0, 6, 6)
        self.readonly_label = QLabel(QCoreApplication.translate("ContractEditor", "Read only: your role cannot edit contracts."))
        self.readonly_label.setProperty("role", "hint")
        self.tab_button = QPushButton(QCoreApplication.translate("ContractEditor", "Open in tab"))
        self.tab_button.setObjectName("contractOpenInTab")
        self.tab_button.setToolTip(QCoreApplication.translate("ContractEditor", "Edit this contract in a roomy central tab"))
        self.tab_button.clicked.connect(lambda: self.contract and self.open_in_tab.emit(self.contract.id))
        self.tab_button.setVisible(not self.roomy)
        self.revert_button = QPushButton(QCoreApplication.translate("ContractEditor", "Revert"))
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

    def _build_summary(self) -> QFrame:
        box = QFrame()
        box.setObjectName("contractSummary")
        box.setStyleSheet("QFrame#contractSummary { background: #ffffff; border: 1px solid #dde2ea;"
                          " border-radius: 6px; } QFrame#contractSummary QLabel { border: none; }")
        grid = QGridLayout(box)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.sum_title = QLabel()
        self.sum_title.setObjectName("summaryTitle")
        self.sum_title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.sum_title.setWordWrap(True)
        grid.addWidget(self.sum_title, 0, 0, 1, 2)
        self.sum = {}
        keys = [("term", QCoreApplication.translate("ContractEditor", "Current term")),
                ("notice", QCoreApplication.translate("ContractEditor", "Notice by")),
                ("renewals", QCoreApplication.translate("ContractEditor", "Renewals")),
                ("renewal", QCoreApplication.translate("ContractEditor", "Renewal")),
                ("tickets", QCoreApplication.translate("ContractEditor", "Tickets")),
                ("instalment", QCoreApplication.translate("ContractEditor", "Next instalment"))]
        for row, (key, caption) in enumerate(keys, start=1):
            cap = QLabel(caption)
            cap.setProperty("role", "hint")
            value = QLabel()
            value.setObjectName(f"summary_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(cap, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.sum[key] = value
        grid.setColumnStretch(1, 1)
        return box

    def _build_general(self) -> QWidget:
        page = QWidget()
        form = _form()
        page.setLayout(form)
        self.direction = _combo({"active": QCoreApplication.translate("ContractEditor", "Active (with a customer)"),
                                 "passive": QCoreApplication.translate("ContractEditor", "Passive (with a supplier)")})
        self.direction.currentIndexChanged.connect(self._direction_changed)
        self.party = PartyPicker()
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
        self.start_date.dateChanged.connect(self._update_term_preview)
        self.initial_months.valueChanged.connect(self._update_term_preview)
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
        self.istat_month_lag.valueChanged.connect(lambda _v: self._update_istat_hint())
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

    # -- loading ------------------------------------------------------------------------------
    @property
    def contract_id(self) -> int | None:
        return self.contract.id if self.contract is not None else None

    def _fill_lookups(self, contract: Contract | None) -> None:
        self.job_order.blockSignals(True)
        self.job_order.clear()
        self.job_order.addItem("—", None)
        q = JobOrder.select().where(JobOrder.archived == False)  # noqa: E712
        if contract is not None and contract.job_order_id:
            q = JobOrder.select().where((JobOrder.archived == False)  # noqa: E712
                                        | (JobOrder.id == contract.job_order_id))
        for jo in q.order_by(JobOrder.code).limit(2000):
            self.job_order.addItem(f"{jo.code} — {jo.title}", jo.id)
        self.job_order.blockSignals(False)
        self.signed_by.clear()
        self.signed_by.addItem("—", None)
        for op in Operator.select().order_by(Operator.full_name):
            if op.active or (contract is not None and contract.signed_by_id == op.id):
                self.signed_by.addItem(op.full_name, op.id)

    def new_contract(self, party_id: int | None = None) -> None:
        """Blank form for a new contract (with sensible defaults)."""
        today = clock.today()
        draft = Contract(direction="active", title="", number="", contract_type="full_service",
                         status="active", start_date=today, initial_months=12, renewal_months=12,
                         term_no=1, term_start=today,
                         term_end=renewals.term_end_for(today, 12), amount=Decimal("0.00"),
                         renewal_type="tacit", change_pct=Decimal(0), istat_share_pct=Decimal(0),
                         notice_days=90, tickets_per_term=0, tickets_per_request=1,
                         ticket_low_threshold=2, billing_periodicity="yearly",
                         instalments_count=1, notes="", renewals_done=0)
        if party_id is not None:
            draft.party = party_id
        self.contract = None
        self._show(draft)

    def load(self, contract_id: int) -> bool:
        self._main_form.setRowVisible(self.amount, sees_money())
        contract = Contract.get_or_none(Contract.id == contract_id)
        if contract is None:
            self.warn(QCoreApplication.translate("ContractEditor", "The contract no longer exists."))
            return False
        self.contract = contract
        self._show(contract)
        return True

    def reload(self) -> None:
        if self.contract is not None:
            self.load(self.contract.id)
        else:
            self.new_contract()

    def _show(self, c: Contract) -> None:
        self._filling = True
        try:
            self._fill(c)
        finally:
            self._filling = False
        self._notice_auto = self.contract is None

    def _notice_typed(self) -> None:
        if not self._filling:
            self._notice_auto = False

    def _adapt_notice(self) -> None:
        if self._notice_auto and not self._filling:
            self._filling = True
            self.notice_days.setValue(svc.default_notice_for(self.initial_months.value(),
                                                             self.renewal_months.value()))
            self._filling = False

    def _fill(self, c: Contract) -> None:
        self._fill_lookups(c if c.id else None)
        _set_combo(self.direction, c.direction)
        self.party.direction = c.direction
        party = c.party if c.party_id else None
        self.party.set_party(party.id if party else None, PartyPicker.label(party) if party else "")
        self.party.setCursorPosition(0)
        self.number.setText(c.number or "")
        self.title.setText(c.title or "")
        self.title.setCursorPosition(0)
        _set_combo(self.contract_type, c.contract_type)
        _set_combo(self.status_combo, c.status)
        _set_combo(self.job_order, c.job_order_id)
        self.signed_on.set_value(c.signed_on)
        _set_combo(self.signed_by, c.signed_by_id)
        self.start_date.set_value(c.start_date)
        self.initial_months.setValue(c.initial_months)
        self.amount.set_value(c.amount)
        self.notes.setPlainText(c.notes or "")
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
        self.billing_by_calendar.setChecked(bool(c.billing_by_calendar))
        self._billing_mode_changed()
        saved = self.contract is not None
        # the start and first duration are fixed once the contract has been renewed
        self.start_date.setEnabled(c.term_no == 1)
        self.initial_months.setEnabled(c.term_no == 1)
        self.tickets_per_term.setToolTip(QCoreApplication.translate("ContractEditor", "Credited at the start and at each "
                                                             "renewal; use Top up for more."))
        editable = self.ctx.actor.can(Permission.CONTRACT_EDIT)
        for w in (self.save_button, self.revert_button):
            w.setEnabled(editable)
        self.readonly_label.setVisible(not editable)
        self.tab_button.setEnabled(saved)
        current = self.contract if saved else None
        for panel in (self.coverage, self.tickets_panel, self.billing_panel, self.history_panel):
            panel.set_contract(current, editable)
        self._loaded = self.values()
        self._mark_invalid(set())
        self._update_summary(c)
        self._update_term_preview()
        self._update_istat_hint()

    def _update_summary(self, c: Contract) -> None:
        saved = self.contract is not None
        title = f"{c.number} — {c.title}" if saved else QCoreApplication.translate("ContractEditor", "New contract")
        status = status_names().get(c.status, c.status)
        self.sum_title.setText(f"{title}  ·  {status}" if saved else title)
        self.sum["term"].setText(QCoreApplication.translate("ContractEditor", "no. {n}: {s} – {e}").format(
            n=c.term_no, s=fmt.date(c.term_start), e=fmt.date(c.term_end)))
        today = clock.today()
        if c.renewal_type == "none":
            notice = QCoreApplication.translate("ContractEditor", "not renewable: ends {e}").format(e=fmt.date(c.term_end))
        elif renewals.max_reached(c):
            notice = QCoreApplication.translate("ContractEditor", "last term (maximum renewals reached): ends {e}").format(e=fmt.date(c.term_end))
        elif renewals.notice_effective(c):
            notice = QCoreApplication.translate("ContractEditor", "notice given on {d}: ends {e}").format(
                d=fmt.date(c.notice_given_on), e=fmt.date(c.term_end))
        else:
            cancel = renewals.contract_cancel_by(c)
            notice = fmt.date(cancel)
            if c.notice_given_on is not None:
                notice += "  ·  " + QCoreApplication.translate("ContractEditor", "notice given on {d}").format(
                    d=fmt.date(c.notice_given_on))
            elif cancel < today and c.renewal_type == "tacit" and c.term_end >= today:
                notice += "  ·  " + QCoreApplication.translate("ContractEditor", "passed: renews on {d}").format(
                    d=fmt.date(c.term_end + dt.timedelta(days=1)))
            elif cancel < today:  # on proposal, or the term is over: the renewal line says more
                notice += "  ·  " + QCoreApplication.translate("ContractEditor", "passed")
            elif (cancel - today).days <= cq.alert_days():
                notice = "⚠ " + notice + "  ·  " + QCoreApplication.translate("ContractEditor", "in {n} days").format(
                    n=(cancel - today).days)
        self.sum["notice"].setText(notice)
        limit = QCoreApplication.translate("ContractEditor", "no limit") if c.max_renewals is None else str(c.max_renewals)
        self.sum["renewals"].setText(QCoreApplication.translate("ContractEditor", "{d} of {m}").format(d=c.renewals_done,
                                                                              m=limit))
        renewal = self._outlook_text(c) if saved else ""
        self.sum["renewal"].setText(renewal or "—")
        self.renewals_done_label.setText(str(c.renewals_done))
        if saved:
            bal = tickets.balance(c.id)
            text = QCoreApplication.translate("ContractEditor", "available {a} · used {u} · remaining {r}").format(
                a=bal.available, u=bal.used, r=bal.remaining)
            if bal.available > 0 and bal.remaining <= c.ticket_low_threshold:
                text = "⚠ " + text
            self.sum["tickets"].setText(text)
            nxt = billing.next_due(c.id)
            if nxt is None:
                text = QCoreApplication.translate("ContractEditor", "none due")
            else:
                text = fmt.date(nxt.due_date) if nxt.amount is None \
                    else f"{fmt.date(nxt.due_date)}  ·  {fmt.euro(nxt.amount)}"
                if nxt.due_date < today:
                    text = "⚠ " + text + "  ·  " + QCoreApplication.translate("ContractEditor", "overdue")
            self.sum["instalment"].setText(text)
        else:
            self.sum["tickets"].setText("—")
            self.sum["instalment"].setText("—")

    def _outlook_text(self, c: Contract) -> str:
        """The renewal of the current term in one line: proposal pending, accepted, waiting…"""
        o = renewals.outlook(c)
        if o.state == "proposal_due":
            return QCoreApplication.translate("ContractEditor", "proposal to be made on {d}").format(d=fmt.date(o.on))
        if o.state == "proposed":
            text = QCoreApplication.translate("ContractEditor", "⚠ proposal pending since {d}: accept or reject "
                                        "by {e}").format(d=fmt.date(o.on), e=fmt.date(c.term_end))
            if o.amount is not None:
                text += "  ·  " + fmt.euro(o.amount)
            if o.period is not None:
                text += "  ·  " + QCoreApplication.translate("ContractEditor", "ISTAT FOI {p} not yet published").format(
                    p=o.period.label)
            return text
        if o.state == "accepted":
            text = QCoreApplication.translate("ContractEditor", "proposal accepted: renews on {d}").format(
                d=fmt.date(o.on))
            return text + ("  ·  " + fmt.euro(o.amount) if o.amount is not None else "")
        if o.state == "rejected":
            return QCoreApplication.translate("ContractEditor", "proposal rejected: ends {e}").format(e=fmt.date(o.on))
        if o.state == "unanswered":
            return QCoreApplication.translate("ContractEditor", "proposal unanswered: ended {e} (it can still be "
                                        "accepted)").format(e=fmt.date(o.on))
        if o.state == "waiting":
            return QCoreApplication.translate("ContractEditor", "⚠ renewal waiting for the ISTAT FOI figure {p}: add "
                                        "it or renew without it (Renewal tab)").format(p=o.period.label)
        return ""

    def _update_istat_hint(self) -> None:
        """Which figure the next renewal applies, as the basis now reads."""
        from servicedesk.services import istat

        if self.contract is not None:
            start = self.contract.term_end + dt.timedelta(days=1)
        else:
            start = renewals.term_end_for(self.start_date.value(),
                                          self.initial_months.value()) + dt.timedelta(days=1)
        period = istat.needed_period(start, self.istat_month_lag.value_or_none())
        what = (QCoreApplication.translate("ContractEditor", "the {y} annual average").format(y=period.year)
                if period.month is None else
                QCoreApplication.translate("ContractEditor", "the change over 12 months to {p}").format(p=period.label))
        self.istat_hint.setText(QCoreApplication.translate(
            "ContractEditor", "A term starting on {d} applies {what}.").format(
            d=fmt.date(start), what=what))

    def _update_term_preview(self) -> None:
        if self.contract is not None and self.contract.term_no > 1:
            c = self.contract
            text = QCoreApplication.translate("ContractEditor", "no. {n}: {s} – {e}").format(
                n=c.term_no, s=fmt.date(c.term_start), e=fmt.date(c.term_end))
        else:
            end = renewals.term_end_for(self.start_date.value(), self.initial_months.value())
            text = QCoreApplication.translate("ContractEditor", "ends {e}").format(e=fmt.date(end))
        self.term_end_label.setText(text)

    def _billing_mode_changed(self) -> None:
        # by calendar period the count and due dates follow from the term itself
        by_calendar = self.billing_by_calendar.isChecked()
        self.instalments_count.setEnabled(not by_calendar)
        self.first_due_date.setEnabled(not by_calendar)

    def _direction_changed(self) -> None:
        self.party.direction = self.direction.currentData()

    def _panel_changed(self) -> None:
        if self.contract is not None:
            keep = self.values() if self.is_dirty() else None
            self.contract = Contract.get_by_id(self.contract.id)
            if keep is None:
                self._show(self.contract)
            else:  # keep what the user is typing; refresh the summary and panels only
                self._update_summary(self.contract)
                for panel in (self.coverage, self.tickets_panel, self.billing_panel,
                              self.history_panel):
                    panel.set_contract(self.contract, True)
            self.saved.emit(self.contract.id)

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
        return self.values() != self._loaded

    def can_close(self) -> bool:
        if not self.is_dirty():
            return True
        return self.confirm(QCoreApplication.translate("ContractEditor", "Discard the changes to this contract?"))

    def _parsed(self, values: dict[str, Any]) -> dict[str, Any]:
        from ..widgets.contract_fields import parse_amount

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
            from servicedesk.errors import FieldError

            raise ValidationError([FieldError(k, "invalid_number") for k in bad])
        return out

    def save(self) -> bool:
        values = self.values()
        try:
            data = self._parsed(values)
            if self.contract is None:
                data = {k: v for k, v in data.items() if v is not None or k in ("party",)}
                contract = svc.create_contract(data)
            else:
                changed = {k: data[k] for k, v in values.items() if v != self._loaded.get(k)}
                if not changed:
                    return True
                contract = svc.update_contract(self.contract.id, self.contract.version, changed)
        except ConflictError as err:
            answer = self.confirm(conflict_text(self._their_changes(err)) + "\n\n" + QCoreApplication.translate(
                "ContractEditor", "Reload the contract as it is now? Your changes will be lost "
                                  "(choose No to keep them on screen)."))
            if answer:
                self.reload()
            return False
        except ValidationError as err:
            names = status_names()
            for e in err.errors:
                e.params.setdefault("label", self._labels.get(e.field, e.field))
                if e.code == "contracts.bad_transition":
                    e.params.update({k: names.get(e.params.get(k), e.params.get(k))
                                     for k in ("from", "to")})
            self._mark_invalid({e.field for e in err.errors})
            self.warn(error_text(err))
            return False
        except ServiceDeskError as err:
            self.warn(error_text(err))
            return False
        self.contract = contract
        self._show(contract)
        self.status(QCoreApplication.translate("ContractEditor", "Contract {n} saved.").format(n=contract.number))
        self.saved.emit(contract.id)
        return True

    def _their_changes(self, err: ConflictError) -> ConflictError:
        """What the other workstation changed: the stored row against the one this editor
        loaded (the core compares with a fresh read, which hides their edit)."""
        from servicedesk.errors import FieldChange

        if self.contract is None or err.deleted:
            return err
        current = Contract.get_or_none(Contract.id == self.contract.id)
        if current is None:
            return ConflictError("Contract", self.contract.id, deleted=True)
        skip = {"id", "version", "updated_at", "created_at", "uuid"}
        changes = [FieldChange(self._labels.get(f.name, f.name), current.__data__.get(f.name),
                               self.contract.__data__.get(f.name))
                   for f in Contract._meta.sorted_fields
                   if f.name not in skip
                   and current.__data__.get(f.name) != self.contract.__data__.get(f.name)]
        return ConflictError("Contract", self.contract.id, changes or err.changes)

    def _mark_invalid(self, fields: set[str]) -> None:
        widgets = {"party": self.party, "number": self.number, "title": self.title,
                   "amount": self.amount, "change_pct": self.change_pct,
                   "istat_share_pct": self.istat_share_pct}
        for key, widget in widgets.items():
            set_invalid(widget, key in fields)  # cleared by the user's next change of the field
