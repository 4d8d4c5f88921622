"""The contract dock and editor driven like a user would (R-CON-1..5, R-X-1, R-X-3)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.models import Contract, IstatIndex, Party
from servicedesk.permissions import Role
from servicedesk.services import billing
from servicedesk.services import contracts as svc
from ui.models.contract_list import COLUMNS


@pytest.fixture
def win(qtbot, db):
    from ui import i18n
    from ui.app import build_window

    i18n.install(QApplication.instance(), "en")
    Party.create(code="C1", name="Officine Rossi srl", vat_number="IT01234567890", city="Brescia")
    Party.create(code="S1", name="Ricambi Nord spa", is_customer=False, is_supplier=True)
    window = build_window(db, lang="en", screenshot=True)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def panel(win):
    p = win.contracts.panel
    p.editor.messages = []
    p.editor.warn = lambda text: p.editor.messages.append(("warn", text))
    p.editor.answer = True

    def confirm(text):
        p.editor.messages.append(("confirm", text))
        return p.editor.answer
    p.editor.confirm = confirm
    return p


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes of the op runner and the main window, answered at once."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    return shown


def pick_party(editor, text: str) -> None:
    editor.party.setText(text)
    editor.party._search(text)
    editor.party._chosen(next(iter(editor.party._choices)))


def make_contract(**kw) -> Contract:
    party = Party.get(code="C1")
    values = dict(party=party.id, title="Assistenza", start_date=dt.date(2026, 1, 1),
                  amount="1200", status="active", instalments_count=2,
                  billing_periodicity="half_yearly")
    values.update(kw)
    return svc.create_contract(values)


def test_dock_and_menu_installed(win):
    dock = win.docks["contractEditorDock"]
    assert dock.objectName() == "contractEditorDock"
    assert win.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert win.contracts.actionRunRenewals.text()


def test_create_contract_in_editor(panel, qtbot):
    """R-CON-1/2: type a party, a title and an Italian-style amount; save; it is listed."""
    editor = panel.editor
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    pick_party(editor, "brescia")
    assert editor.party.party_id() == Party.get(code="C1").id
    qtbot.keyClicks(editor.title, "Full service caldaie")
    editor.amount.setText("1.234,50")
    editor.tickets_per_term.setValue(10)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.messages == []
    c = Contract.get(Contract.title == "Full service caldaie")
    assert c.amount == Decimal("1234.50")
    assert editor.contract_id == c.id
    assert panel.model.row_of(c.id) >= 0
    assert "available 10" in editor.sum["tickets"].text()
    assert sum(i.amount for i in billing.instalments(c.id)) == Decimal("1234.50")


def test_supplier_not_offered_for_active_contract(panel):
    editor = panel.editor
    editor.new_contract()
    editor.party._search("Ricambi")
    assert editor.party._choices == {}
    editor.direction.setCurrentIndex(editor.direction.findData("passive"))
    editor.party._search("Ricambi")
    assert len(editor.party._choices) == 1


def test_edit_amount(panel, qtbot):
    c = make_contract()
    panel.open_contract(c.id)
    editor = panel.editor
    assert editor.contract_id == c.id
    editor.amount.setText("2.000,00")
    assert editor.is_dirty()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert c.reload().amount == Decimal("2000.00")
    assert not editor.is_dirty()
    # the untouched plan follows the new amount
    assert sum(i.amount for i in billing.instalments(c.id)) == Decimal("2000.00")


def test_bad_input_is_explained_and_nothing_lost(panel, qtbot):
    c = make_contract()
    panel.open_contract(c.id)
    editor = panel.editor
    editor.amount.setText("dodici")
    editor.title.setText("")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    kind, text = editor.messages[-1]
    assert kind == "warn" and "Not a valid number" in text
    assert editor.amount.text() == "dodici"  # still on screen
    editor.amount.setText("-5")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    text = editor.messages[-1][1]
    assert "cannot be negative" in text and "This field is required" in text
    assert "Amount" in text and "Title" in text
    assert editor.amount.property("invalid") is True
    assert c.reload().amount == Decimal("1200.00")


def test_stale_version_conflict(panel, qtbot, boxes):
    """R-X-1: another workstation saves while the user edits → the op runner says what they
    changed and what the user changed, nothing is overwritten, the stored contract is shown."""
    c = make_contract()
    panel.open_contract(c.id)
    editor = panel.editor
    editor.amount.setText("1.500,00")  # the user is editing …
    svc.update_contract(c.id, c.version, {"title": "Changed elsewhere"})  # … another saves
    assert editor.amount.text() == "1.500,00"  # what the user types is never replaced
    assert editor.title.text() == "Assistenza"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(boxes) == 1 and "Another workstation changed this record" in boxes[0]
    assert "Title: Changed elsewhere  (yours: Assistenza)" in boxes[0]
    assert "Amount: 1200.00  (yours: 1500.00)" in boxes[0]
    assert c.reload().amount == Decimal("1200.00")
    assert editor.title.text() == "Changed elsewhere"  # shown again as stored
    assert not editor.is_dirty()


def test_technician_sees_read_only(win, qtbot):
    c = make_contract()
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        win.contracts.panel.open_contract(c.id)
        editor = win.contracts.panel.editor
        assert not editor.save_button.isEnabled()
        assert not editor.billing_panel.paid_button.isEnabled()
        assert editor.readonly_label.isVisibleTo(editor)


def test_list_model(qtmodeltester, panel):
    make_contract()
    make_contract(title="Altro", start_date=dt.date(2026, 2, 1))
    panel.apply_filters()
    assert panel.model.rowCount() == 2
    qtmodeltester.check(panel.model)


def test_summary_at_a_glance(panel):
    """Current term, notice date, renewals of max, tickets, next instalment."""
    clock.freeze(dt.datetime(2026, 3, 1, 9))
    c = make_contract(notice_days=90, max_renewals=3, tickets_per_term=5,
                      first_due_date=dt.date(2026, 3, 31))
    panel.open_contract(c.id)
    s = panel.editor.sum
    assert s["term"].text() == "no. 1: 01/01/2026 – 31/12/2026"
    assert s["notice"].text().startswith("02/10/2026")
    assert s["renewals"].text() == "0 of 3"
    assert s["tickets"].text() == "available 5 · used 0 · remaining 5"
    assert s["instalment"].text().startswith("31/03/2026")


def test_alerts_in_panel_and_status_bar(win, panel, qtbot):
    clock.freeze(dt.datetime(2026, 11, 1, 9))
    make_contract(notice_days=10)  # ends 31/12/2026: notice by 21/12/2026
    panel.refresh_alerts()
    assert win.contracts.status_button.isVisibleTo(win)
    assert "1" in win.contracts.status_button.text()
    qtbot.mouseClick(win.contracts.status_button, Qt.MouseButton.LeftButton)
    assert panel.alert_button.isChecked()
    assert panel.model.rowCount() == 1


def test_renewal_run_from_menu_lists_what_it_did(win, panel):
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2025, 1, 1, 9))
    c = make_contract(start_date=dt.date(2025, 1, 1), change_pct="2")
    clock.freeze(dt.datetime(2026, 1, 5, 9))
    win.contracts.actionRunRenewals.trigger()
    dialog = win.contracts.report_dialog
    assert dialog.table.rowCount() == 1
    from PySide6.QtWidgets import QLabel

    assert "1 renewed" in dialog.findChild(QLabel, "renewalSummary").text()
    assert c.reload().amount == Decimal("1224.00")
    win.contracts.actionRunRenewals.trigger()
    assert win.contracts.report_dialog.table.rowCount() == 0  # idempotent
    win.contracts.report_dialog.close()
    dialog.close()


def test_proposal_accept_in_editor(panel, monkeypatch):
    """#15 case 3: the run proposes 90 days ahead (2 Oct 2025 for a term ending 31 Dec 2025);
    the editor shows the pending proposal with Accept / Reject; accepted, the contract keeps its
    term and the run renews it on 1 Jan 2026 at the agreed amount."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2025, 1, 1, 9))
    c = make_contract(start_date=dt.date(2025, 1, 1), renewal_type="proposal", change_pct="10")
    clock.freeze(dt.datetime(2025, 10, 2, 9))
    from servicedesk.services import renewal_run

    renewal_run.run()
    panel.open_contract(c.id)
    hp = panel.editor.history_panel
    assert hp.accept_button.isVisibleTo(hp) and hp.reject_button.isVisibleTo(hp)
    assert "1,320.00" in hp.proposal_label.text()
    assert panel.editor.sum["renewal"].text().startswith("⚠ proposal pending since 02/10/2025")
    panel.refresh_alerts()
    assert "1 renewal proposal(s) pending" in panel.alert_button.text()
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("1.300,00", True))
    hp.accept()
    c = c.reload()
    assert (c.term_no, c.amount) == (1, Decimal("1200.00"))
    assert not hp.accept_button.isVisibleTo(hp)
    assert panel.editor.sum["renewal"].text().startswith(
        "proposal accepted: renews on 01/01/2026  ·  1,300.00")
    clock.freeze(dt.datetime(2026, 1, 1, 9))
    renewal_run.run()
    c = c.reload()
    assert (c.term_no, c.amount, c.term_start) == (2, Decimal("1300.00"), dt.date(2026, 1, 1))


def test_waiting_renewal_renewed_without_istat_in_editor(panel):
    """#15 case 4: the term ended, the 2025 average is missing: the editor says so and offers
    to renew without it; the alert line counts the waiting renewal."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2025, 3, 1, 9))
    c = make_contract(start_date=dt.date(2025, 3, 1), istat_share_pct="100")
    clock.freeze(dt.datetime(2026, 3, 3, 9))
    from servicedesk.services import renewal_run

    assert renewal_run.run().count("waiting") == 1
    panel.refresh_alerts()
    assert "1 renewal(s) waiting for an ISTAT figure" in panel.alert_button.text()
    panel.open_contract(c.id)
    hp = panel.editor.history_panel
    assert hp.without_istat_button.isVisibleTo(hp)
    assert "waiting for the ISTAT FOI figure 2025" in panel.editor.sum["renewal"].text()
    panel.apply_filters()
    row = panel.model.row_of(c.id)
    assert panel.model.data(panel.model.index(row, 0), Qt.ItemDataRole.ToolTipRole) == (
        "The term is over: the renewal waits for an ISTAT figure")
    hp.renew_without_istat()
    c = c.reload()
    assert (c.term_no, c.term_start, c.amount) == (2, dt.date(2026, 3, 1), Decimal("1200.00"))
    assert "not published: renewed without it" in hp.table.item(0, 5).text()


def test_istat_dialog_adds_a_year(win, qtbot):
    from ui.dialogs.istat_dialog import IstatDialog

    dialog = IstatDialog(ctx=win.ctx)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2025)
    dialog.change.setText("1,6")
    dialog.published.set_value(dt.date(2026, 1, 16))
    assert dialog.save()
    assert IstatIndex.get(year=2025).change_pct == Decimal("1.60")
    dialog.change.setText("x")
    dialog._warn = lambda text: setattr(dialog, "last_message", text)
    assert not dialog.save()
    assert "not a valid number" in dialog.last_message


def test_open_in_workspace_tab(win, panel):
    c = make_contract()
    panel.open_contract(c.id)
    panel.editor.open_in_tab.emit(c.id)
    tab = win.workspace.widget_for(f"contract:{c.id}")
    assert tab is not None and tab.contract_id == c.id
    assert not tab.tab_button.isVisibleTo(tab)


def test_technician_sees_no_amounts(win, panel, qtbot):
    """#14: the list shows "—", the editor hides the amount, the billing plan its amounts."""
    c = make_contract(amount="4321", first_due_date=dt.date(2026, 3, 31))
    column = COLUMNS.index("amount")
    assert panel.model.headerData(column, Qt.Orientation.Horizontal) == "Amount"
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        panel.apply_filters()
        assert panel.model.index(0, column).data() == "—"
        panel.open_contract(c.id)
        editor = panel.editor
        assert not editor._main_form.isRowVisible(editor.amount)
        assert "31/03/2026" in editor.sum["instalment"].text()
        assert "€" not in editor.sum["instalment"].text()
        assert editor.billing_panel.table.isColumnHidden(3)
        assert "€" not in editor.billing_panel.check_label.text()
    panel.apply_filters()
    assert panel.model.index(0, column).data() == "4,321.00 €"
    panel.open_contract(c.id)
    assert panel.editor._main_form.isRowVisible(panel.editor.amount)
    assert not panel.editor.billing_panel.table.isColumnHidden(3)


def test_calendar_billing_in_editor(panel, qtbot):
    """R-CON-5 (#15 case 5): choose four-monthly by calendar period; count and first due date
    are disabled; the saved plan has a pro-rata first period (by hand: 1 Mar–30 Apr = 61 of
    120 days → 1200 × (61/120) / 3 = 203.33; then 400.00, 400.00; the rest 196.67)."""
    c = make_contract(start_date=dt.date(2026, 3, 1))
    panel.open_contract(c.id)
    editor = panel.editor
    editor.billing_periodicity.setCurrentIndex(editor.billing_periodicity.findData("four_monthly"))
    qtbot.mouseClick(editor.billing_by_calendar, Qt.MouseButton.LeftButton)
    assert editor.billing_by_calendar.isChecked()
    assert not editor.instalments_count.isEnabled() and not editor.first_due_date.isEnabled()
    assert editor.save()
    rows = billing.instalments(c.id)
    assert [(r.due_date, str(r.amount)) for r in rows] == [
        (dt.date(2026, 3, 1), "203.33"), (dt.date(2026, 5, 1), "400.00"),
        (dt.date(2026, 9, 1), "400.00"), (dt.date(2027, 1, 1), "196.67")]
    assert editor.billing_panel.table.rowCount() == 4


def test_new_monthly_contract_saves_without_touching_the_notice(panel, qtbot):
    """R-CON-4 (#15 case 6): a new contract with monthly terms gets a 7-day notice as the
    terms are set; a notice typed by the user is kept, and when it does not fit the message
    says how many days fit."""
    editor = panel.editor
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    pick_party(editor, "brescia")
    qtbot.keyClicks(editor.title, "Noleggio mensile")
    editor.start_date.set_value(dt.date(2026, 1, 1))
    editor.initial_months.setValue(1)
    editor.renewal_months.setValue(1)
    assert editor.notice_days.value() == 7
    assert editor.save() and editor.messages == []
    assert Contract.get(Contract.title == "Noleggio mensile").notice_days == 7
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    pick_party(editor, "brescia")
    qtbot.keyClicks(editor.title, "Altro mensile")
    editor.start_date.set_value(dt.date(2026, 1, 1))
    editor.notice_days.setValue(60)  # typed by the user: no longer adapted
    editor.initial_months.setValue(1)
    editor.renewal_months.setValue(1)
    assert editor.notice_days.value() == 60
    assert not editor.save()
    assert editor.messages[-1][1].endswith(
        "A notice period of 60 days does not fit in a term of 28 days: enter at most 27 days "
        "(for this term the usual notice is 7 days).")


def test_istat_dialog_adds_a_month_and_imports_istat_file(win, qtbot, tmp_path):
    """#15 case 4: a month typed by hand; ISTAT's file imported after a summary of what it
    changes (the sample's figures are made up)."""
    from servicedesk.models import IstatMonth
    from ui.dialogs.istat_dialog import IstatDialog

    dialog = IstatDialog(ctx=win.ctx)
    qtbot.addWidget(dialog)
    dialog.m_year.setValue(2026)
    dialog.m_month.setValue(10)
    dialog.m_change.setText("1,2")
    assert dialog.save_month()
    assert IstatMonth.get(year=2026, month=10).change_pct == Decimal("1.20")
    assert dialog.month_table.item(0, 0).text() == "10/2026"
    assert "10/2026" in dialog.latest_label.text()
    path = tmp_path / "foi.csv"
    path.write_text("TIME_PERIOD;OBS_VALUE;DATA_TYPE\n"
                    "2026-09;0,9;variazioni percentuali rispetto allo stesso periodo dell'anno "
                    "precedente\n2026-10;1,3;variazioni percentuali rispetto allo stesso periodo "
                    "dell'anno precedente\n", encoding="utf-8")
    asked = []
    assert dialog.import_file(path, confirm=lambda text: asked.append(text) or True)
    assert "2 monthly figures (1 new, 1 changed" in asked[0] and "10/2026: 1.2 → 1.3" in asked[0]
    assert IstatMonth.get(year=2026, month=10).change_pct == Decimal("1.30")
    assert IstatMonth.get(year=2026, month=9).change_pct == Decimal("0.90")
    dialog._warn = lambda text: setattr(dialog, "last_message", text)
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing useful\n", encoding="utf-8")
    assert not dialog.import_file(bad, confirm=lambda text: True)
    assert "No FOI figures found" in dialog.last_message


def test_istat_basis_and_proposal_days_in_editor(panel, qtbot):
    """#15 cases 3, 4: the renewal tab sets the ISTAT figure (12 months to the month 2 months
    before renewal) and the proposal lead; the hint names the figure the next term applies."""
    c = make_contract(start_date=dt.date(2026, 3, 1), renewal_type="proposal")
    panel.open_contract(c.id)
    editor = panel.editor
    assert "the 2026 annual average" in editor.istat_hint.text()
    editor.istat_month_lag.setValue(2)
    assert editor.istat_hint.text() == "A term starting on 01/03/2027 applies the change over 12 months to 01/2027."
    editor.proposal_days.setValue(45)
    assert editor.save() and editor.messages == []
    c = c.reload()
    assert (c.istat_month_lag, c.proposal_days) == (2, 45)
    # the term ends 28 Feb 2027; 45 days before: 28 days back to 31 Jan, 17 more → 14 Jan
    assert editor.sum["renewal"].text() == "proposal to be made on 14/01/2027"


def test_pending_proposal_without_money_for_a_technician(panel):
    """#14 + #15 case 3: a technician sees the pending proposal and its dates, not its amount."""
    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2025, 1, 1, 9))
    c = make_contract(start_date=dt.date(2025, 1, 1), renewal_type="proposal")
    clock.freeze(dt.datetime(2025, 10, 2, 9))
    from servicedesk.services import renewal_run

    renewal_run.run()
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        panel.open_contract(c.id)
        hp = panel.editor.history_panel
        assert "01/01/2026 – 31/12/2026" in hp.proposal_label.text()
        assert "€" not in hp.proposal_label.text()
        assert "€" not in panel.editor.sum["renewal"].text()


def _type(qtbot, widget, text: str) -> None:
    """Replace a field's text as a user would: select all, type."""
    edit = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_summary_follows_the_form_before_saving(panel, qtbot):
    """#12: the summary beside the form follows every edit — term end, notice date, next
    renewal, instalments, tickets — computed by the core's rules from the typed values, not
    from the stored row; once saved it says the same."""
    clock.freeze(dt.datetime(2025, 12, 1, 9))
    editor = panel.editor
    s = editor.sum
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    pick_party(editor, "brescia")
    qtbot.keyClicks(editor.title, "Caldaie")
    editor.start_date.set_value(dt.date(2026, 1, 1))
    assert s["term"].text() == "no. 1: 01/01/2026 – 31/12/2026"
    assert s["notice"].text() == "02/10/2026"  # 90 days before the end
    _type(qtbot, editor.initial_months, "6")
    assert s["term"].text() == "no. 1: 01/01/2026 – 30/06/2026"
    assert editor.notice_days.value() == 42  # a new contract's notice follows the term
    assert s["notice"].text() == "19/05/2026"
    _type(qtbot, editor.notice_days, "30")
    assert s["notice"].text() == "31/05/2026"
    assert s["renewal"].text() == "renews on 01/07/2026 until 30/06/2027"
    _type(qtbot, editor.amount, "2.400,00")
    _type(qtbot, editor.change_pct, "2")
    assert s["renewal"].text() == "renews on 01/07/2026 until 30/06/2027  ·  2,448.00 €"
    editor.billing_periodicity.setCurrentIndex(editor.billing_periodicity.findData("quarterly"))
    _type(qtbot, editor.instalments_count, "2")
    assert s["plan"].text() == "2 × 1,200.00 €  ·  from 01/01/2026"
    assert s["instalment"].text() == "01/01/2026  ·  1,200.00 €"
    _type(qtbot, editor.tickets_per_term, "10")
    assert s["tickets"].text() == "available 10 · used 0 · remaining 10"
    _type(qtbot, editor.amount, "dodici")  # not a number: no plan to show, nothing invented
    assert s["plan"].text() == "—" and s["instalment"].text() == "—"
    _type(qtbot, editor.amount, "2.400,00")
    before = {k: label.text() for k, label in s.items()}
    assert editor.save() and editor.messages == []
    c = Contract.get(Contract.title == "Caldaie")
    assert (c.term_end, c.notice_days, c.amount) == (dt.date(2026, 6, 30), 30, Decimal("2400.00"))
    assert [(i.due_date, i.amount) for i in billing.instalments(c.id)] == [
        (dt.date(2026, 1, 1), Decimal("1200.00")), (dt.date(2026, 4, 1), Decimal("1200.00"))]
    assert {k: label.text() for k, label in s.items()} == before  # saved: the same summary


def test_summary_of_a_saved_contract_follows_edits_until_reverted(panel, qtbot):
    """#12: editing a saved contract previews what the save will do (the untouched plan
    follows the new billing settings); Revert brings back the stored figures."""
    clock.freeze(dt.datetime(2026, 3, 1, 9))
    c = make_contract(notice_days=90, tickets_per_term=5)
    panel.open_contract(c.id)
    editor, s = panel.editor, panel.editor.sum
    assert s["plan"].text() == "2 × 600.00 €  ·  from 01/01/2026"
    assert s["notice"].text() == "02/10/2026"
    _type(qtbot, editor.notice_days, "120")
    assert s["notice"].text() == "02/09/2026"
    _type(qtbot, editor.amount, "1.800,00")
    assert s["plan"].text() == "2 × 900.00 €  ·  from 01/01/2026  ·  new plan on save"
    _type(qtbot, editor.ticket_low_threshold, "5")
    assert s["tickets"].text() == "⚠ available 5 · used 0 · remaining 5"
    assert s["renewal"].text() == "renews on 01/01/2027 until 31/12/2027  ·  1,800.00 €"
    assert c.reload().notice_days == 90  # nothing written yet
    qtbot.mouseClick(editor.revert_button, Qt.MouseButton.LeftButton)
    assert s["notice"].text() == "02/10/2026"
    assert s["plan"].text() == "2 × 600.00 €  ·  from 01/01/2026"
    assert not editor.is_dirty()


def test_list_and_alerts_follow_writes_made_elsewhere(win, panel, qtbot):
    """#13: a write anywhere (here a service call, as another dock would make) reaches the list
    and the alerts through its change set: a new contract is listed, a changed row repaints
    without a reset (selection and scroll stay), the alerts count again."""
    clock.freeze(dt.datetime(2026, 11, 1, 9))
    a = make_contract(title="Primo", start_date=dt.date(2026, 1, 15))
    assert panel.model.row_of(a.id) >= 0  # listed without any refresh by hand
    panel.open_contract(a.id)
    view = panel.table
    assert panel.model.id_at(view.selectionModel().currentIndex().row()) == a.id
    title = COLUMNS.index("title")
    with qtbot.assertNotEmitted(panel.model.modelReset):
        svc.update_contract(a.id, a.reload().version, {"title": "Rinominato"})
    assert panel.model.index(panel.model.row_of(a.id), title).data() == "Rinominato"
    assert panel.model.id_at(view.selectionModel().currentIndex().row()) == a.id
    assert not win.contracts.status_button.isVisibleTo(win)
    make_contract(title="Secondo", notice_days=10)  # notice by 21/12/2026: within 60 days
    assert "1 notice deadline(s) within 60 days" in panel.alert_button.text()
    assert win.contracts.status_button.text() == "Contracts: 1 to watch"
    assert panel.model.id_at(view.selectionModel().currentIndex().row()) == a.id


def test_editor_follows_writes_made_elsewhere_but_keeps_what_is_typed(panel, qtbot):
    """#13: a top-up made elsewhere updates the open editor's balance; a change of the contract
    refills an untouched form, never one the user is typing in."""
    c = make_contract(tickets_per_term=5)
    panel.open_contract(c.id)
    editor = panel.editor
    svc.top_up(c.id, 3, "altrove")
    assert editor.sum["tickets"].text() == "available 8 · used 0 · remaining 8"
    assert editor.tickets_panel.ledger.rowCount() == 2
    svc.update_contract(c.id, c.reload().version, {"title": "Altrove"})
    assert editor.title.text() == "Altrove" and not editor.is_dirty()
    _type(qtbot, editor.title, "Mio titolo")
    svc.update_contract(c.id, c.reload().version, {"notes": "nota"})
    assert editor.title.text() == "Mio titolo" and editor.notes.toPlainText() == ""


def test_renewal_run_on_a_worker_refreshes_the_list(win, panel, qtbot, monkeypatch):
    """#13: "Run renewals now" runs off the GUI thread as one unit of work (busy indicator in
    the status bar); its change set moves the list and the open editor to the new term."""
    import threading

    from servicedesk.services import renewal_run

    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2025, 1, 1, 9))
    c = make_contract(start_date=dt.date(2025, 1, 1), change_pct="2")
    clock.freeze(dt.datetime(2026, 1, 5, 9))
    panel.apply_filters()
    panel.open_contract(c.id)
    threads = []
    real = renewal_run.run
    monkeypatch.setattr(renewal_run, "run",
                        lambda: threads.append(threading.current_thread()) or real())
    feature = win.contracts
    feature.worker.threaded = True
    feature.actionRunRenewals.trigger()
    assert feature.run_indicator.isVisibleTo(win) and not feature.actionRunRenewals.isEnabled()
    qtbot.waitUntil(lambda: feature.report_dialog is not None, timeout=20_000)
    feature.worker.wait()
    assert threads and threads[0] is not threading.main_thread()
    assert not feature.run_indicator.isVisibleTo(win) and feature.actionRunRenewals.isEnabled()
    from PySide6.QtWidgets import QLabel

    assert "1 renewed" in feature.report_dialog.findChild(QLabel, "renewalSummary").text()
    row = panel.model.row_of(c.id)
    assert panel.model.index(row, COLUMNS.index("term_end")).data() == "31/12/2026"
    assert panel.editor.sum["term"].text() == "no. 2: 01/01/2026 – 31/12/2026"
    assert feature.last_run.count("renewed") == 1
    feature.report_dialog.close()


def test_billing_panel_writes_through_the_op_runner(panel, qtbot, monkeypatch, boxes,
                                                    other_workstation):
    """#13: marking an instalment paid goes through ctx.ops (the change set refreshes the plan
    and the summary); an instalment changed meanwhile by another workstation is reported by the
    op runner and the plan is read again."""
    from ui.dialogs.contract_instalment import PaidDialog

    clock.freeze(dt.datetime(2026, 3, 1, 9))
    c = make_contract()
    panel.open_contract(c.id)
    editor = panel.editor
    bp = editor.billing_panel
    assert editor.sum["instalment"].text().startswith("⚠ 01/01/2026")  # overdue
    bp.table.selectRow(0)
    monkeypatch.setattr(PaidDialog, "exec", lambda self: True)
    monkeypatch.setattr(PaidDialog, "value", lambda self: dt.date(2026, 2, 1))
    bp.mark_paid()
    assert bp.table.item(0, 4).text() == "01/02/2026"
    assert editor.sum["instalment"].text() == "01/07/2026  ·  600.00 €"
    second = billing.instalments(c.id)[1]
    other_workstation(panel.ctx.db, "UPDATE instalment SET note = 'altrove', "
                                     "version = version + 1 WHERE id = ?", (second.id,))
    bp.table.selectRow(1)
    bp.mark_unpaid()  # the version it shows is stale now
    assert len(boxes) == 1 and "Another workstation" in boxes[0]
    assert bp.table.item(1, 5).text() == "altrove"  # read again


def test_technician_sees_no_money_in_any_contract_widget(win, panel, qtbot, monkeypatch):
    """#14: as a technician the list's amount column shows "—" and does not sort; the
    summary, the billing plan, the renewal history and the renewal report show no amount."""
    from servicedesk.services import renewal_run, renewals

    IstatIndex.delete().execute()
    clock.freeze(dt.datetime(2025, 1, 1, 9))
    c = make_contract(amount="4321", start_date=dt.date(2025, 1, 1), change_pct="3")
    clock.freeze(dt.datetime(2026, 1, 5, 9))
    renewal_run.run()
    amount = COLUMNS.index("amount")
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        panel.apply_filters()
        assert panel.model.index(0, amount).data() == "—"
        with qtbot.assertNotEmitted(panel.model.sort_requested):
            panel.model.sort(amount, Qt.SortOrder.DescendingOrder)
        panel.open_contract(c.id)
        editor = panel.editor
        texts = [label.text() for label in editor.sum.values()]
        assert not any("€" in t for t in texts), texts
        assert editor.sum["plan"].text() == "2  ·  from 01/01/2026"
        hp = editor.history_panel
        assert all(hp.table.isColumnHidden(col) for col in (3, 4, 5))
        assert hp.table.rowCount() == 1 and hp.table.item(0, 3).text() == "—"
        win.contracts.show_report(renewals.RunResult(  # what the run (as the system) returns
            dt.date(2026, 1, 5), [renewals.RunItem(c.id, c.number, "x", "renewed", 1,
                                                   dt.date(2025, 12, 31), dt.date(2026, 12, 31),
                                                   Decimal("4321"), Decimal("4450.63"))]))
        report = win.contracts.report_dialog
        assert report.table.isColumnHidden(5) and report.table.item(0, 5).text() == ""
        report.close()


def test_list_and_editor_read_on_workers(panel, qtbot):
    """#13: with real background threads the list's ids come from a worker (a newer filter
    drops the older answer) and the editor reads the contract off the GUI thread; the row of
    the contract being opened is selected once both answers are in."""
    a = make_contract(title="Alfa")
    b = make_contract(title="Beta", start_date=dt.date(2026, 2, 1))
    panel.worker.threaded = True
    panel.editor.worker.threaded = True
    panel.search.setText("Alfa")
    panel.apply_filters()
    panel.search.setText("Beta")
    panel.apply_filters()  # the answer to "Alfa" is dropped
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=10_000)
    assert panel.model.ids() == [b.id]
    panel.search.setText("")
    panel.apply_filters()
    panel.open_contract(a.id)
    qtbot.waitUntil(lambda: not panel.is_loading() and not panel.editor.is_loading(),
                    timeout=10_000)
    assert panel.editor.contract_id == a.id and panel.editor.title.text() == "Alfa"
    current = panel.table.selectionModel().currentIndex().row()
    assert panel.model.id_at(current) == a.id
    panel.worker.wait()
    panel.editor.worker.wait()
