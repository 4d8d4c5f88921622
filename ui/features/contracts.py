"""Contracts feature: the contract dock, the Contracts menu, the renewal run, alerts in the
status bar, contracts opened in central tabs (R-CON-1..5).

The renewal run (a while after start-up, and on demand) is one unit of work on a worker: the
status bar shows it running, and its change set refreshes the list, the alerts and any open
editor like every other write.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QProgressBar, QPushButton, QWidget

from typing import TYPE_CHECKING

from servicedesk.errors import ServiceDeskError
from servicedesk.permissions import Permission

from .. import messages
from ..messages import error_text
from ..workers import JobControl, Worker

if TYPE_CHECKING:
    from servicedesk.queries import contracts as cq
    from servicedesk.services import renewals

# The contract queries and services are imported where used: on the alerts' worker, by the
# renewal run's worker, on first use of a menu entry — not while the window is built (#18).
ORDER = 50
DOCK = "contractEditorDock"
STARTUP_RUN_MS = 1500


def _register_messages() -> None:
    r = messages.register
    r("contracts.party_not_customer", lambda p: QCoreApplication.translate("Messages", "“{name}” is not a customer: an active contract needs a customer.").format(**p))
    r("contracts.party_not_supplier", lambda p: QCoreApplication.translate("Messages", "“{name}” is not a supplier: a passive contract needs a supplier.").format(**p))
    r("contracts.number_taken", lambda p: QCoreApplication.translate("Messages", "Another contract already has number {number}.").format(**p))
    r("contracts.number_chars", lambda p: QCoreApplication.translate("Messages", "Use letters, digits and . / - _ only."))
    r("contracts.amount_too_large", lambda p: QCoreApplication.translate("Messages", "The amount is too large."))
    r("contracts.out_of_range", lambda p: QCoreApplication.translate("Messages", "Must be between {min} and {max}.").format(**p))
    r("contracts.pct_range", lambda p: QCoreApplication.translate("Messages", "The percentage must be between {min} and {max}.").format(**p))
    r("contracts.notice_too_long", lambda p: QCoreApplication.translate("Messages", "A notice period of {notice} days does not fit in a term of {days} days: enter at most {max} days (for this term the usual notice is {default} days).").format(**p))
    r("contracts.resolution_before_response", lambda p: QCoreApplication.translate("Messages", "The resolution time cannot be shorter than the response time."))
    r("contracts.date_in_future", lambda p: QCoreApplication.translate("Messages", "The date cannot be in the future."))
    r("contracts.max_below_done", lambda p: QCoreApplication.translate("Messages", "The contract has already been renewed {done} times.").format(**p))
    r("contracts.term_locked", lambda p: QCoreApplication.translate("Messages", "The start date and the first term cannot change after the first renewal."))
    r("contracts.bad_transition", lambda p: QCoreApplication.translate("Messages", "The status cannot change from “{from}” to “{to}”.").format(**p))
    r("contracts.units_of_other_party", lambda p: QCoreApplication.translate("Messages", "The contract covers units of the previous party: remove them from the coverage first."))
    r("contracts.unit_not_of_party", lambda p: QCoreApplication.translate("Messages", "These units do not belong to the contract's party: {serials}.").format(**p))
    r("contracts.not_editable", lambda p: QCoreApplication.translate("Messages", "This field cannot be edited."))
    r("billing.count_range", lambda p: QCoreApplication.translate("Messages", "The number of instalments must be between 1 and {max}.").format(**p))
    r("billing.paid_in_term", lambda p: QCoreApplication.translate("Messages", "Some instalments of term {term} are already paid: edit the single instalments instead of regenerating the plan.").format(**p))
    r("billing.paid_in_future", lambda p: QCoreApplication.translate("Messages", "The payment date cannot be in the future."))
    r("billing.delete_paid", lambda p: QCoreApplication.translate("Messages", "A paid instalment cannot be deleted."))
    r("renewals.already_decided", lambda p: QCoreApplication.translate("Messages", "This renewal proposal has already been decided."))
    r("renewals.stale_proposal", lambda p: QCoreApplication.translate("Messages", "The contract has moved on since this proposal was made."))
    r("istat.year_range", lambda p: QCoreApplication.translate("Messages", "Not a valid year."))
    r("istat.change_range", lambda p: QCoreApplication.translate("Messages", "The change must be between -50% and 100%."))
    r("istat.published_before_year", lambda p: QCoreApplication.translate("Messages", "A yearly figure is published after its year."))
    r("istat.published_before_month", lambda p: QCoreApplication.translate("Messages", "A monthly figure is published after its month."))
    r("istat.month_range", lambda p: QCoreApplication.translate("Messages", "The month must be between 1 and 12."))
    r("istat.index_range", lambda p: QCoreApplication.translate("Messages", "The index must be a positive number."))
    r("istat.missing", lambda p: QCoreApplication.translate("Messages", "The ISTAT FOI figure of {period} is not published yet: add it (Contracts ▸ ISTAT FOI index), agree an amount with the party, or accept without ISTAT.").format(**p))
    r("istat.file_unreadable", lambda p: QCoreApplication.translate("Messages", "The file cannot be read: choose the CSV or Excel file downloaded from ISTAT."))
    r("istat.file_too_large", lambda p: QCoreApplication.translate("Messages", "The file is too large for an ISTAT FOI table."))
    r("istat.file_unrecognised", lambda p: QCoreApplication.translate("Messages", "No FOI figures found in the file: it needs a period column and a value column, or a row of years with the twelve months."))
    r("renewals.not_waiting", lambda p: QCoreApplication.translate("Messages", "This contract is not waiting for an ISTAT figure: nothing to renew without it."))


_register_messages()


class RunIndicator(QWidget):
    """In the status bar while the renewal run works: a busy bar and what it is doing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renewalRunProgress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        self.label = QLabel(QCoreApplication.translate("Contracts", "Renewal run…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: the run is one transaction, its length unknown
        self.bar.setMaximumWidth(90)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.hide()

    def progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if text:
            self.label.setText(text)


def _run_job(control: JobControl):
    """The renewal run as one unit of work (on a worker): the outcome carries its change set."""
    from servicedesk import uow
    from servicedesk.services import renewal_run

    control.progress(0, 0, "")
    return uow.perform(renewal_run.run)


def _alerts_job():
    from servicedesk.queries import contracts as cq

    return cq.alerts()


class ContractsFeature:
    """Wiring between the dock, the menu, the bus, the workspace and the status bar."""

    def __init__(self, window) -> None:
        self.window = window
        self.ctx = window.ctx
        self.last_run: renewals.RunResult | None = None
        self.report_dialog = None
        self.worker = Worker(window, threaded=not self.ctx.screenshot_mode)
        # The panel is built when its dock is first shown (closed by default below 2,200 px):
        # until then the status bar's alerts are asked for here (#18).
        self.dock = window.add_dock(self._build_panel, DOCK,
                                    QCoreApplication.translate("Contracts", "Contracts"),
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self.ctx.bus.open_contract.connect(self.open_contract)
        self.ctx.bus.changes.connect(self._on_changes)
        self.status_button = QPushButton()
        self.status_button.setObjectName("contractAlertStatus")
        self.status_button.setFlat(True)
        self.status_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.status_button.setToolTip(QCoreApplication.translate("Contracts", "Contracts in their notice period, ending "
                                                     "soon or with a proposal to decide"))
        self.status_button.setStyleSheet("QPushButton { color: #9a3412; padding: 0 8px; border: none; }")
        self.status_button.clicked.connect(self.show_alerts)
        self.status_button.hide()
        self.run_indicator = RunIndicator()
        window.add_status_widget(self.run_indicator)
        window.add_status_widget(self.status_button)
        self._build_menu()
        # after the start-up (a panel shown by then asks for them itself)
        self.ctx.after_start(self.refresh_alerts)
        if not self.ctx.screenshot_mode:
            # bound to the window: a window closed before the delay never runs it
            QTimer.singleShot(STARTUP_RUN_MS, self.window, self.startup_run)

    def _build_menu(self) -> None:
        menu = self.window.menu("contracts", QCoreApplication.translate("Contracts", "&Contracts"))
        editable = self.ctx.actor.can(Permission.CONTRACT_EDIT)
        items = [
            ("actionNewContract", QCoreApplication.translate("Contracts", "&New contract"), self.new_contract, editable),
            ("actionContractAlerts", QCoreApplication.translate("Contracts", "Contracts needing &attention"),
             self.show_alerts, True),
            (None, None, None, None),
            ("actionRunRenewals", QCoreApplication.translate("Contracts", "&Run renewals now"), self.run_now, True),
            ("actionLastRenewalRun", QCoreApplication.translate("Contracts", "&Last renewal run…"), self.show_last_run, True),
            ("actionIstat", QCoreApplication.translate("Contracts", "&ISTAT FOI index…"), self.edit_istat, True),
            ("actionAlertDays", QCoreApplication.translate("Contracts", "Alert &window…"), self.set_alert_days, editable),
            ("actionProposalDays", QCoreApplication.translate("Contracts", "Renewal &proposals…"), self.set_proposal_days, editable),
        ]
        for name, text, slot, enabled in items:
            if name is None:
                menu.addSeparator()
                continue
            action = QAction(text, self.window)
            action.setObjectName(name)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            menu.addAction(action)
            setattr(self, name, action)

    @property
    def panel(self):
        """The contract panel (built now if its dock was never shown)."""
        return self.dock.widget()

    def _build_panel(self):
        from ..docks.contract_editor import ContractPanel

        panel = ContractPanel(ctx=self.ctx)
        panel.open_in_tab.connect(self.open_in_tab)
        panel.alerts_changed.connect(self._alerts)
        if panel.alerts is not None:  # the first answer came while the panel was built
            self._alerts(panel.alerts)
        return panel

    # -- alerts ---------------------------------------------------------------------------------
    def refresh_alerts(self) -> None:
        """Ask for the alerts off the GUI thread (while the panel, which asks itself, is not
        built)."""
        if not self.dock.is_built():
            self.worker.run(_alerts_job, on_done=self._alerts, key="alerts")

    def _on_changes(self, changes) -> None:
        from servicedesk.queries.contracts import ALERT_TABLES

        if changes.touches(*ALERT_TABLES):
            self.refresh_alerts()

    def _alerts(self, alerts: cq.Alerts) -> None:
        n = alerts.total
        self.status_button.setText(QCoreApplication.translate("Contracts", "Contracts: {n} to watch").format(n=n) if n else "")
        self.status_button.setVisible(n > 0)

    def show_alerts(self) -> None:
        self.window.show_dock(DOCK)
        self.panel.show_alerts()

    # -- records ----------------------------------------------------------------------------------
    def open_contract(self, contract_id: int) -> None:
        self.window.show_dock(DOCK)
        self.panel.open_contract(contract_id)

    def new_contract(self) -> None:
        self.window.show_dock(DOCK)
        self.panel.new_contract()

    def open_in_tab(self, contract_id: int) -> None:
        from servicedesk.queries import contracts as cq

        from ..docks.contract_editor_form import ContractEditor

        number = cq.number_of(contract_id)  # one row by its key: no need for a worker
        if number is None:
            return

        def factory():
            editor = ContractEditor(ctx=self.ctx, roomy=True)
            editor.load(contract_id)
            return editor

        self.window.workspace.open(f"contract:{contract_id}",
                                   QCoreApplication.translate("Contracts", "Contract {n}").format(n=number), factory)

    # -- renewals ---------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.worker.is_running("renewals")

    def _run(self, then) -> None:
        """Start the renewal run on the worker; ``then(result)`` once it is committed."""
        if self.is_running():
            return
        self.actionRunRenewals.setEnabled(False)
        self.run_indicator.show()

        def done(outcome) -> None:
            self._run_over()
            self.last_run = outcome.result
            then(outcome.result)

        def failed(exc: BaseException) -> None:
            self._run_over()
            if not isinstance(exc, ServiceDeskError):
                raise exc
            self.ctx.bus.status_message.emit(error_text(exc))

        self.worker.run(_run_job, on_done=done, on_error=failed,
                        on_progress=self.run_indicator.progress, key="renewals", control=True)

    def _run_over(self) -> None:
        self.run_indicator.hide()
        self.actionRunRenewals.setEnabled(True)

    def startup_run(self) -> None:
        self._run(self._startup_done)

    def _startup_done(self, result: renewals.RunResult) -> None:
        if result.items or result.waiting:
            self.ctx.bus.status_message.emit(QCoreApplication.translate(
                "Contracts", "Renewal run: {r} renewed, {p} proposals, {e} expired, {w} waiting "
                             "for an ISTAT figure (Contracts ▸ Last renewal run).").format(
                r=result.count("renewed"), p=result.count("proposed"),
                e=result.count("expired"), w=result.count("waiting")))

    def run_now(self) -> None:
        self._run(self.show_report)

    def show_last_run(self) -> None:
        if self.last_run is None:
            self.run_now()
        else:
            self.show_report(self.last_run)

    def show_report(self, result: renewals.RunResult) -> None:
        from ..dialogs.contract_renewal_report import RenewalReportDialog

        dialog = RenewalReportDialog(result, parent=self.window)
        dialog.open_contract.connect(self.open_contract)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.report_dialog = dialog

    def edit_istat(self) -> None:
        from ..dialogs.istat_dialog import IstatDialog

        IstatDialog(ctx=self.ctx, parent=self.window).exec()

    def set_proposal_days(self) -> None:
        from servicedesk.services import contracts as svc
        from servicedesk.services import renewals

        from ..dialogs.contract_proposal_days import ProposalDaysDialog

        dialog = ProposalDaysDialog(renewals.office_proposal_days(), parent=self.window)
        if not dialog.exec():
            return
        self.ctx.ops.run(self.window, svc.set_proposal_days, dialog.value(),
                         title=dialog.windowTitle())

    def set_alert_days(self) -> None:
        from servicedesk.queries import contracts as cq
        from servicedesk.services import contracts as svc

        title = QCoreApplication.translate("Contracts", "Contract alerts")
        days, ok = QInputDialog.getInt(
            self.window, title,
            QCoreApplication.translate("Contracts", "Warn about notice deadlines and expiries within (days):"),
            cq.alert_days(), 1, 3650)
        if ok:
            self.ctx.ops.run(self.window, svc.set_alert_days, days, title=title)


def install(window) -> None:
    window.contracts = ContractsFeature(window)
