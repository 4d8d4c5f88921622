"""The contract dock: alerts, a filtered list of contracts and the editor below it (R-CON-1..6).

The list's ids and the alerts are asked of a worker (``cq.list_view``; a newer question drops
the answer to an older one); rows are fetched a page at a time by the id-paged model. After a
write anywhere — this window's editor, a renewal run, a request closed against a contract — the
change set says what to refresh: the same list keeps its selection and scroll position, changed
rows repaint.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView,
                               QLineEdit, QPushButton, QSizePolicy, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from servicedesk.permissions import Permission
from servicedesk.queries import contracts as cq
from servicedesk.uow import ChangeSet

from ..models.contract_list import COLUMNS, ContractListModel, status_names
from ..models.paged import ViewState
from ..workers import Worker
from .contract_editor_form import ContractEditor

WIDTHS = {"number": 108, "party": 130, "title": 150, "status": 70, "term_end": 84,
          "cancel_by": 84, "amount": 84, "tickets": 60}
HIDDEN = ("title", "status", "amount", "tickets")
DEBOUNCE_MS = 250
#: Tables whose rows the list shows (besides the contract's own): their changes repaint it.
SHOWN_TABLES = ("instalment", "ticket_movement", "contract_renewal", "party")
#: Tables that decide the alerts (and the alerts filter).
ALERT_TABLES = cq.ALERT_TABLES


class ContractPanel(QWidget):
    """List + editor. ``open_in_tab`` asks the feature to open a contract in a central tab."""

    open_in_tab = Signal(int)
    alerts_changed = Signal(object)  # cq.Alerts

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("contractPanel")
        # Screenshots (and the tests' window) want the answer before the first paint.
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self.model = ContractListModel(self)
        self.alerts: cq.Alerts | None = None
        self._shown_id: int | None = None  # the contract the editor last showed
        self._build()
        self.model.sort_requested.connect(self._sort)  # after the header's first sort call
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.status_combo.currentIndexChanged.connect(self.apply_filters)
        self.expiring.toggled.connect(self.apply_filters)
        self.new_button.setEnabled(ctx.actor.can(Permission.CONTRACT_EDIT))
        ctx.bus.changes.connect(self._on_changes)
        self.apply_filters()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 4)
        outer.setSpacing(4)

        self.alert_button = QPushButton()
        self.alert_button.setObjectName("contractAlerts")
        self.alert_button.setCheckable(True)
        self.alert_button.setFlat(True)
        # A long alert line must not widen the dock: it is clipped, the tooltip has it all.
        self.alert_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.alert_button.setMinimumWidth(0)
        self.alert_button.setStyleSheet("QPushButton#contractAlerts { text-align: left; "
                                        "color: #9a3412; background: #fff7ed; border: 1px solid "
                                        "#fed7aa; padding: 4px 8px; } QPushButton#contractAlerts:"
                                        "checked { background: #ffedd5; font-weight: bold; }")
        self.alert_button.hide()
        self.alert_button.toggled.connect(self.apply_filters)
        outer.addWidget(self.alert_button)

        row = QHBoxLayout()
        row.setSpacing(4)
        self.search = QLineEdit()
        self.search.setObjectName("contractSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(QCoreApplication.translate("ContractPanel", "Number, title, party, VAT…"))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("contractStatusFilter")
        self.status_combo.addItem(QCoreApplication.translate("ContractPanel", "Open"), "open")
        self.status_combo.addItem(QCoreApplication.translate("ContractPanel", "All"), None)
        for code, name in status_names().items():
            self.status_combo.addItem(name, code)
        self.expiring = QCheckBox(QCoreApplication.translate("ContractPanel", "Expiring"))
        self.expiring.setObjectName("contractExpiring")
        self.expiring.setToolTip(QCoreApplication.translate("ContractPanel", "Only contracts whose current term ends within "
                                                    "the alert window"))
        self.new_button = QPushButton(QCoreApplication.translate("ContractPanel", "New"))
        self.new_button.setObjectName("contractNew")
        self.new_button.clicked.connect(self.new_contract)
        row.addWidget(self.search, 1)
        row.addWidget(self.status_combo)
        row.addWidget(self.expiring)
        row.addWidget(self.new_button)
        outer.addLayout(row)
        self.party_filter_id: int | None = None
        self.party_button = QPushButton()
        self.party_button.setObjectName("contractPartyFilter")
        self.party_button.setFlat(True)
        self.party_button.setToolTip(QCoreApplication.translate("ContractPanel", "Click to show the contracts of every party"))
        self.party_button.clicked.connect(lambda: self.filter_party(None))
        self.party_button.hide()
        outer.addWidget(self.party_button)

        self.table = QTableView()
        self.table.setObjectName("contractList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COLUMNS.index("term_end"),
                                                       Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, col in enumerate(COLUMNS):
            self.table.setColumnWidth(i, WIDTHS[col])
            if col in HIDDEN:
                self.table.setColumnHidden(i, True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.editor = ContractEditor(ctx=self.ctx)
        self.editor.open_in_tab.connect(self.open_in_tab)
        self.editor.shown.connect(self._editor_shown)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("contractSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        self.table.setMinimumHeight(96)
        self.splitter.setSizes([230, 600])
        outer.addWidget(self.splitter, 1)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override: a comfortable editor width
        return QSize(500, 760)

    # -- filters and list ------------------------------------------------------------------------
    def spec(self) -> cq.ContractFilter:
        alerts_only = self.alert_button.isChecked()
        return cq.ContractFilter(
            text=self.search.text().strip(), party_id=self.party_filter_id,
            status=None if alerts_only else self.status_combo.currentData(),
            expiring_window=self.expiring.isChecked(), alerts_only=alerts_only)

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.load(self.spec(), self.model.sort_key, self.model.descending)

    def load(self, spec: cq.ContractFilter, sort: str, descending: bool) -> None:
        """Ask for the ids of ``spec`` and the alerts off the GUI thread."""
        self.worker.run(cq.list_view, spec, sort, descending, on_done=self._show_view,
                        key="list")

    def refresh(self) -> None:
        """The same list again (new data): rows, selection and scroll stay."""
        self.load(self.model.spec, self.model.sort_key, self.model.descending)

    def is_loading(self) -> bool:
        return self.worker.is_running("list")

    def _sort(self, key: str, descending: bool) -> None:
        self.load(self.model.spec, key, descending)

    def _show_view(self, view: cq.ListView) -> None:
        same_list = (view.spec, view.sort, view.descending) == (
            self.model.spec, self.model.sort_key, self.model.descending)
        state = ViewState.capture(self.table, self.model)
        self.model.show(view)
        if same_list:  # a refresh: the user keeps the rows, the selection and the scroll
            state.restore(self.table, self.model)
        wanted = self.editor.wanted_id
        if wanted is not None:
            self._select(wanted, load=False, scroll=not same_list)
        self._show_alerts(view.alerts)

    def filter_party(self, party_id: int | None, name: str = "") -> None:
        """Show the contracts of one party (None: all parties)."""
        self.party_filter_id = party_id
        self.party_button.setVisible(party_id is not None)
        self.party_button.setText(QCoreApplication.translate("ContractPanel", "Party: {name}  ✕").format(name=name))
        self.apply_filters()

    def show_alerts(self) -> None:
        if self.alert_button.isChecked():
            self.apply_filters()
        else:
            self.alert_button.setChecked(True)

    def refresh_alerts(self) -> None:
        """Ask again for the list and its alerts (the alerts come with every answer)."""
        self.refresh()

    def _show_alerts(self, alerts: cq.Alerts) -> None:
        self.alerts = alerts
        parts = []
        if alerts.notice:
            parts.append(QCoreApplication.translate("ContractPanel", "{n} notice deadline(s) within {d} days").format(
                n=len(alerts.notice), d=alerts.days))
        if alerts.expiring:
            parts.append(QCoreApplication.translate("ContractPanel", "{n} ending within {d} days").format(
                n=len(alerts.expiring), d=alerts.days))
        if alerts.proposals:
            parts.append(QCoreApplication.translate("ContractPanel", "{n} renewal proposal(s) pending").format(
                n=len(alerts.proposals)))
        if alerts.waiting:
            parts.append(QCoreApplication.translate("ContractPanel", "{n} renewal(s) waiting for an ISTAT figure").format(
                n=len(alerts.waiting)))
        self.alert_button.setText("⚠ " + " · ".join(parts) if parts else "")
        self.alert_button.setToolTip(
            ("\n".join(parts) + "\n\n" if parts else "")
            + QCoreApplication.translate("ContractPanel", "Click to list only these contracts"))
        self.alert_button.setVisible(bool(parts) or self.alert_button.isChecked())
        self.alerts_changed.emit(alerts)

    def _on_changes(self, changes: ChangeSet) -> None:
        """Refresh what a committed unit of work changed (issue 13): a contract written may
        enter or leave the list, or move in its order — the ids are asked again (the view
        state kept); rows of other tables the list shows only repaint."""
        if changes.touches(*ALERT_TABLES):
            self.refresh()  # ids and alerts; rows of changed contracts repaint below
        stale = changes.ids("contract")
        if stale:
            self.model.mark_stale(stale)
        if changes.touches(*SHOWN_TABLES):
            self.model.mark_all_stale()  # balances, next due dates, proposals, party names

    def _select(self, contract_id: int, load: bool = True, scroll: bool = True) -> None:
        row = self.model.row_of(contract_id)
        sel = self.table.selectionModel()
        sel.blockSignals(True)
        if row >= 0:
            index = self.model.index(row, 0)
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                | QItemSelectionModel.SelectionFlag.Rows)
            if scroll:
                self.table.scrollTo(index)
        else:
            sel.clearSelection()
        sel.blockSignals(False)
        self.table.viewport().update()
        if load:
            self.editor.load(contract_id)

    def _row_changed(self, current, _previous) -> None:
        contract_id = self.model.id_at(current.row())
        if contract_id is None or contract_id == self.editor.contract_id:
            return
        if not self.editor.can_close():
            QTimer.singleShot(0, lambda: self._select(self.editor.contract_id, load=False)
                              if self.editor.contract_id else None)
            return
        self.editor.load(contract_id)

    def _editor_shown(self, contract_id: int | None) -> None:
        """The editor shows another contract (read on its worker): the list selects it."""
        if contract_id is not None and contract_id != self._shown_id:
            self._select(contract_id, load=False)
        self._shown_id = contract_id

    # -- actions ---------------------------------------------------------------------------------
    def open_contract(self, contract_id: int) -> None:
        if contract_id != self.editor.contract_id and not self.editor.can_close():
            return
        self.editor.load(contract_id)
        if self.model.row_of(contract_id) < 0:
            # not in the current filter: widen it so the user sees where it is
            for w in (self.search, self.alert_button, self.expiring, self.status_combo):
                w.blockSignals(True)
            self.search.clear()
            self.alert_button.setChecked(False)
            self.expiring.setChecked(False)
            self.status_combo.setCurrentIndex(self.status_combo.findData(None))
            for w in (self.search, self.alert_button, self.expiring, self.status_combo):
                w.blockSignals(False)
            self.party_filter_id = None
            self.party_button.hide()
            self.apply_filters()  # the answer selects the editor's contract
        else:
            self._select(contract_id, load=False)

    def new_contract(self) -> None:
        if not self.editor.can_close():
            return
        self.table.selectionModel().clearSelection()
        self.editor.new_contract(self.party_filter_id)
        self.editor.tabs.setCurrentIndex(0)
        self.editor.party.setFocus()
