"""Analysis workspace (R-ANA-1..3, R-LOG-2, R-CON-6): filter form → table → chart → export."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from servicedesk import context
from servicedesk.context import Actor
from servicedesk.permissions import Role
from servicedesk.queries import analysis as A
from servicedesk.services import saved_filters
from ui import i18n
from ui.analysis.page import AnalysisPage
from ui.analysis.table_model import AnalysisTableModel
from ui.appctx import AppContext
from ui.bus import EventBus

from tests.core.queries.test_analysis import build_dataset


@pytest.fixture
def ctx(db, tmp_path, qapp):
    i18n.install(QApplication.instance(), "en")
    data = build_dataset()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    c = AppContext(db=db, bus=EventBus(), settings=settings, lang="en")
    c.data = data
    return c


def _page(qtbot, ctx, subject):
    page = AnalysisPage(ctx=ctx, subject=subject)
    qtbot.addWidget(page)
    page.resize(1500, 900)
    page.exporter.quiet = True
    _settled(qtbot, page)
    return page


def _settled(qtbot, page, timeout=10000):
    """The table, its totals and the chart are read on workers: wait for their answers."""
    qtbot.waitUntil(lambda: not page.busy() and page.chart.result is not None
                    and not page.chart.drawing(), timeout=timeout)


def _apply(qtbot, page) -> bool:
    ok = page.apply()
    _settled(qtbot, page)
    return ok


def test_table_model_passes_the_model_tester(ctx, qtmodeltester):
    model = AnalysisTableModel(headers={}, codes={})
    model.load(A.query("requests"))
    qtmodeltester.check(model)
    model.load(A.query("contracts"), ("amount", True))
    qtmodeltester.check(model)


def test_filter_form_to_table_to_chart(qtbot, ctx):
    """R-ANA-1/2: typing filters narrows the table; the chart follows the same spec."""
    page = _page(qtbot, ctx, "requests")
    everything = len(ctx.data["requests"])
    assert page.model.rowCount() == everything
    assert page.chart.result.total() == everything  # requests per month by priority
    assert page.chart.result.series_dimension == "priority"
    # pick a customer by typing in the picker
    from ui.analysis.widgets import EntityPicker, MultiChoice

    customer = page.form.findChild(EntityPicker, "filter_customer_ids")
    customer.edit.setFocus()
    qtbot.keyClicks(customer.edit, "Cliente 2")
    customer._refresh_matches()  # searched on a worker
    qtbot.waitUntil(lambda: "Cliente 2 Srl" in customer._matches, timeout=5000)
    customer._picked("Cliente 2 Srl")
    assert customer.texts() == ["Cliente 2 Srl"]
    statuses = page.form.findChild(MultiChoice, "filter_statuses")
    statuses.set_keys(["closed", "resolved"])
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, page)
    expected = [r for r in ctx.data["requests"] if r["customer"] == ctx.data["customers"][2]
                and r["status"] in ("closed", "resolved")]
    assert page.model.rowCount() == len(expected) > 0
    qtbot.waitUntil(lambda: page.chart.result.total() == len(expected), timeout=5000)
    assert "Cliente 2 Srl" in page.model.index(0, 2).data()
    status_col = [c.key for c in page.model.query_columns()].index("status")
    assert page.model.index(0, status_col).data() in ("Closed", "Resolved")
    # chart by another dimension; hover text names the category and its value
    page.chart.dimension.setCurrentIndex(page.chart.dimension.findData("status"))
    qtbot.waitUntil(lambda: page.chart.result.dimension == "status", timeout=5000)
    text = page.chart.describe(0)
    assert any(word in text for word in ("Closed", "Resolved"))


def test_bad_dates_show_a_message_and_keep_the_input(qtbot, ctx):
    page = _page(qtbot, ctx, "requests")
    from ui.analysis.widgets import DateRange

    opened = page.form.findChild(DateRange, "filter_opened")
    opened.start.setText("31/02/2025")
    assert page.apply() is False
    assert page.form.error_label.isVisibleTo(page) and "Opened" in page.form.error_label.text()
    opened.start.setText("10/05/2025")
    opened.end.setText("01/05/2025")
    assert page.apply() is False
    assert "end is before the start" in page.form.error_label.text()
    assert opened.start.text() == "10/05/2025"  # nothing the user typed is lost
    opened.end.setText("")
    assert _apply(qtbot, page) is True
    assert not page.form.error_label.isVisibleTo(page)
    expected = [r for r in ctx.data["requests"] if r["opened"].date() >= dt.date(2025, 5, 10)]
    assert page.model.rowCount() == len(expected)


def test_export_from_the_page_writes_what_the_table_shows(qtbot, ctx, tmp_path):
    """R-ANA-3: all rows (not only the visible page), typed, with the filters sheet."""
    page = _page(qtbot, ctx, "requests")
    page.show_combo.setCurrentIndex(page.show_combo.findData("interventions"))
    _settled(qtbot, page)
    assert page.chart.result.dimension in page.subject.dimensions
    assert page.subject.name == "interventions"
    assert page.model.rowCount() == len(ctx.data["interventions"])
    target = tmp_path / "interventi.xlsx"
    with qtbot.waitSignal(page.exporter.done, timeout=20000) as blocker:
        page.export_to(target)
    assert blocker.args[0] is not None and blocker.args[0].rows == len(ctx.data["interventions"])
    wb = openpyxl.load_workbook(target)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["Number", "Planned start", "Planned end"]
    assert ws.max_row == len(ctx.data["interventions"]) + 1
    assert isinstance(ws["B2"].value, dt.datetime)
    info = dict(wb.worksheets[1].values)
    assert info["Rows"] == len(ctx.data["interventions"]) and "Exported on" in info


def test_cancelled_export_leaves_no_file(qtbot, ctx, tmp_path):
    page = _page(qtbot, ctx, "worklogs")
    target = tmp_path / "ore.xlsx"
    from ui.analysis.export import ExportJob, excel_columns

    job = ExportJob(query=page.query, path=target,
                    columns=excel_columns(page.query, page.headers, page.codes),
                    sheet_title="x", info_title="y", info_rows=[], sort=None)
    job.cancel_event.set()  # the user pressed Cancel before the first rows were written
    with qtbot.waitSignal(page.exporter.done, timeout=20000) as blocker:
        page.exporter.start(job)
    assert blocker.args[0] is None
    assert list(tmp_path.glob("*.xlsx*")) == []


def test_worklog_totals_and_contract_amounts_by_role(qtbot, ctx):
    """R-LOG-2 totals in the summary; R-CON-6 amounts only with the money permission."""
    page = _page(qtbot, ctx, "worklogs")
    hours = sum(w["minutes"] for w in ctx.data["logs"]) / 60
    assert f"{hours:.2f}" in page.summary_label.text()
    assert page.chart.result.measure == "hours" and page.chart.result.dimension == "operator"
    tech = Actor(operator_id=ctx.data["ops"][0], role=Role.TECHNICIAN, name="Operatore 0")
    with context.acting_as(tech):
        cpage = _page(qtbot, ctx, "contracts")
        assert "amount" not in [c.key for c in cpage.model.query_columns()]
        from ui.analysis.widgets import NumberRange as _NR

        assert cpage.form.findChild(_NR, "filter_amount") is None
        assert cpage.chart.result.measure == "count"
    mpage = _page(qtbot, ctx, "contracts")
    assert "amount" in [c.key for c in mpage.model.query_columns()]
    assert mpage.chart.result.measure == "value"
    from ui.analysis.widgets import NumberRange

    amount = mpage.form.findChild(NumberRange, "filter_amount")
    amount.low.setText("1.000,00")
    assert _apply(qtbot, mpage)
    assert mpage.model.rowCount() == sum(1 for c in ctx.data["contracts"] if c["amount"] >= 1000)
    amount.low.setText("abc")
    assert not mpage.apply()
    assert "Not a valid number" in mpage.form.error_label.text()


def test_saved_filter_round_trip_and_conflict(qtbot, ctx, monkeypatch):
    page = _page(qtbot, ctx, "requests")
    page.form.set_spec(A.RequestSpec(provinces=("MI",), priorities=("critical", "high")))
    changes = []
    ctx.bus.changes.connect(changes.append)
    assert page.save_filter(name="Milano urgenti", shared=True)
    assert page.saved_combo.count() == 2
    assert changes and changes[-1].touches("saved_filter") and changes[-1].origin is page
    page.reset()
    _settled(qtbot, page)
    assert page.model.rowCount() == len(ctx.data["requests"])
    page.saved_combo.setCurrentIndex(1)
    page._load_saved(1)
    _settled(qtbot, page)
    assert page.form.spec() == A.RequestSpec(provinces=("MI",), priorities=("critical", "high"))
    # another workstation changes the filter meanwhile → the op runner says what changed,
    # the list is read again (with their version), the form keeps what the user typed
    info = page._loaded_filter
    saved_filters.save("requests", "Milano urgenti", A.RequestSpec(provinces=("TO",)),
                       shared=True, replace_id=info.id, expected_version=info.version)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert page.save_filter(name="Milano urgenti", shared=True) is False
    assert shown and "Another workstation changed" in shown[0]
    assert saved_filters.load(info.id)[1] == A.RequestSpec(provinces=("TO",))  # theirs kept
    assert page.form.spec() == A.RequestSpec(provinces=("MI",), priorities=("critical", "high"))
    assert page._loaded_filter.version > info.version
    # saving again now overwrites, knowingly; deleting goes through the op runner too
    assert page.save_filter(name="Milano urgenti", shared=True)
    assert saved_filters.load(info.id)[1].provinces == ("MI",)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_filter()
    assert page.saved_combo.count() == 1 and saved_filters.list_filters("requests") == []


def test_menu_opens_the_workspace_tabs(window, qtbot, monkeypatch):
    """The Analysis menu opens one tab per subject, each page made in its tab (#13: a page
    moved into the tab is styled again, widget by widget)."""
    from ui.analysis import page as page_module

    made_in = []

    class Spy(page_module.AnalysisPage):
        def __init__(self, **kw) -> None:
            made_in.append(kw.get("parent"))
            super().__init__(**kw)

    monkeypatch.setattr(page_module, "AnalysisPage", Spy)
    menu = window.menu("analysis")
    actions = {a.objectName(): a for a in menu.actions()}
    assert set(actions) >= {"action_analysis_requests", "action_analysis_worklogs",
                            "action_analysis_contracts"}
    actions["action_analysis_worklogs"].trigger()
    page = window.workspace.widget_for("analysis:worklogs")
    assert page is not None
    assert made_in == [page.parentWidget()] and page.parentWidget() is not None
    _settled(qtbot, page)
    assert page.model.rowCount() > 0
    actions["action_analysis_requests"].trigger()
    assert window.workspace.currentWidget() is window.workspace.widget_for("analysis:requests")
    assert QCoreApplication.translate("Analysis", "Requests")


def test_chart_hover_and_png(qtbot, ctx, tmp_path):
    """R-ANA-2: hovering a bar names its value; the chart saves as a PNG."""
    page = _page(qtbot, ctx, "worklogs")
    page.show()
    qtbot.waitExposed(page)
    result = page.chart.result
    assert result.dimension == "operator" and result.kind == "hours"
    plot = page.chart._plot
    view = plot.getPlotItem().vb
    from PySide6.QtCore import QPointF

    scene_pos = view.mapViewToScene(QPointF(0, 0.5))
    page.chart._hover(scene_pos)
    first = result.categories[0][1]
    assert first in page.chart.hover_text
    assert f"{result.values[0][0]:.2f}" in page.chart.hover_text
    target = tmp_path / "chart.png"
    assert page.chart.save_png(str(target))
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert image.width() > 100 and image.height() > 100


def test_italian_page_translates_codes(qtbot, db, tmp_path, qapp):
    """R-X-3: Italian headers, status words and euro amounts."""
    build_dataset()
    i18n.install(QApplication.instance(), "it")
    try:
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        c = AppContext(db=db, bus=EventBus(), settings=settings, lang="it")
        page = _page(qtbot, c, "contracts")
        headers = [page.model.headerData(i, Qt.Orientation.Horizontal)
                   for i in range(page.model.columnCount())]
        assert "Nominativo" in headers and "Importo" in headers
        col = [x.key for x in page.model.query_columns()].index("amount")
        values = [page.model.index(r, col).data() for r in range(page.model.rowCount())]
        from decimal import Decimal

        from ui import fmt

        assert fmt.euro(Decimal("1200.00")) in values and fmt.euro(Decimal("450.50")) == "450,50 €"
        assert page.apply_button.text() == "Cerca"
    finally:
        i18n.install(QApplication.instance(), "en")


def test_export_progress_survives_the_job_finishing_meanwhile(qtbot, ctx):
    """A modal progress dialog runs the event loop inside setValue(): the job's "finished"
    may arrive there and close the dialog; the progress update must not fail (UI crawl, #12)."""
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from ui.analysis.export import ExportController

    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ExportController(ctx=ctx, parent=parent)
    controller.dialog = dialog = QProgressDialog(parent)
    dialog.canceled.connect(controller.cancel)
    finished_meanwhile = []

    def set_value(value: int) -> None:
        finished_meanwhile.append(value)
        controller._close()  # what the "finished" signal does when it arrives here

    dialog.setValue = set_value
    controller._progress(5, 10)
    assert finished_meanwhile == [5] and controller.dialog is None
    controller._progress(6, 10)  # a late progress signal after the close: ignored


def test_sorting_reads_the_ids_on_a_worker_and_keeps_the_rows_meanwhile(qtbot, ctx, monkeypatch):
    """#13: a sort (1.7 s by customer on the large database) never runs on the GUI thread;
    the rows shown stay until the new order arrives, then the header shows the order."""
    import threading

    page = _page(qtbot, ctx, "requests")
    threads = []
    real = A.AnalysisQuery.id_list

    def spy(self, sort=None, cancelled=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(self, sort, cancelled)

    monkeypatch.setattr(A.AnalysisQuery, "id_list", spy)
    customer = [c.key for c in page.model.query_columns()].index("customer")
    before = page.model.ids()[:]
    page.table.horizontalHeader().sectionClicked.emit(customer)
    assert page.model.rowCount() == len(before)  # nothing emptied while the worker sorts
    _settled(qtbot, page)
    assert threads == [False]
    shown = [page.model.index(r, customer).data() for r in range(page.model.rowCount())]
    assert shown == sorted(shown, key=str.casefold) or shown == sorted(shown)
    assert page.model.sort_key == ("customer", False)
    assert page.table.horizontalHeader().sortIndicatorSection() == customer
    # clicked again: descending
    page.table.horizontalHeader().sectionClicked.emit(customer)
    _settled(qtbot, page)
    assert page.model.sort_key == ("customer", True)
    descending = [page.model.index(r, customer).data() for r in range(page.model.rowCount())]
    assert descending == shown[::-1] or descending[0] == shown[-1]


def test_a_newer_sort_drops_the_older_answer(qtbot, ctx):
    page = _page(qtbot, ctx, "requests")
    keys = [c.key for c in page.model.query_columns()]
    page.sort_by("customer", False)
    page.sort_by("number", True)  # the user changed his mind before the first answer
    _settled(qtbot, page)
    assert page.model.sort_key == ("number", True)
    assert page.table.horizontalHeader().sortIndicatorSection() == keys.index("number")
    numbers = [page.model.index(r, keys.index("number")).data() for r in range(5)]
    assert numbers == sorted(numbers, reverse=True)
    page.sort_by("no such column", False)  # ignored
    assert not page.busy() and page.model.sort_key == ("number", True)


def test_a_write_elsewhere_refreshes_the_rows_keeping_the_selection(qtbot, ctx):
    """Change sets (#13): the table re-reads the same filter on a worker, repaints the changed
    row and keeps what the user selected."""
    from servicedesk.models import ServiceRequest

    page = _page(qtbot, ctx, "requests")
    page.show()
    qtbot.waitExposed(page)
    page.table.selectRow(3)
    chosen = page.model.id_at(3)
    subject_col = [c.key for c in page.model.query_columns()].index("subject")
    ServiceRequest.update(subject="Caldaia in blocco E133").where(
        ServiceRequest.id == chosen).execute()  # a unit of work of its own: published
    qtbot.waitUntil(lambda: page.model.index(3, subject_col).data() == "Caldaia in blocco E133",
                    timeout=5000)
    _settled(qtbot, page)
    rows = {i.row() for i in page.table.selectionModel().selectedRows()}
    assert rows == {3} and page.model.id_at(3) == chosen
    # a new request enters the list; the selection follows its record
    first = ServiceRequest.get_by_id(chosen)
    ServiceRequest.create(number="RS-2099-000001", customer=first.customer_id,
                          priority=first.priority_id, subject="Nuova", opened_at=first.opened_at)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(ctx.data["requests"]) + 1, timeout=5000)
    _settled(qtbot, page)
    selected = [page.model.id_at(i.row()) for i in page.table.selectionModel().selectedRows()]
    assert selected == [chosen]


def test_the_page_fits_a_laptop_tab(qtbot, ctx):
    """#12: at the room a 1366×768 screen leaves the tab, Search and Export stay reachable
    without a horizontal scroll bar and the chart keeps a real height."""
    page = _page(qtbot, ctx, "worklogs")
    page.show()
    for width, height in ((620, 480), (900, 600), (1250, 700)):
        page.resize(width, height)
        qtbot.waitUntil(lambda: page.width() == width, timeout=2000)
        assert page.minimumSizeHint().width() <= width
        for button in (page.export_button, page.filters_toggle):
            corner = button.mapTo(page, button.rect().bottomRight())
            assert button.isVisible() and corner.x() <= width and corner.y() <= height
        assert page.chart.height() >= 200
        assert page.filter_panel.isVisible() == (width >= page.narrow_width())
    # narrow: the filters fold away, their toggle brings them back with Search and Clear
    page.resize(620, 480)
    qtbot.waitUntil(lambda: not page.filter_panel.isVisible(), timeout=2000)
    page.filters_toggle.click()
    assert page.filter_panel.isVisible() and page.apply_button.isVisible()
    page.form.set_spec(A.WorkLogSpec(billable="yes"))
    assert page.filters_toggle.text() == "Filters (1)"  # folded, they still narrow the list
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)  # Search shows the results
    assert not page.filter_panel.isVisible()
    _settled(qtbot, page)
    page.resize(1250, 700)
    assert page.filter_panel.isVisible()


def test_typing_in_a_picker_searches_on_a_worker_and_enter_picks(qtbot, ctx, monkeypatch):
    import threading

    from servicedesk.queries.analysis import lookups
    from ui.analysis.widgets import EntityPicker

    page = _page(qtbot, ctx, "requests")
    threads = []
    real = lookups.search

    def spy(entity, text, *a, **k):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(entity, text, *a, **k)

    monkeypatch.setattr(lookups, "search", spy)
    customer = page.form.findChild(EntityPicker, "filter_customer_ids")
    customer.edit.setText("Cliente 3")
    qtbot.keyClick(customer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: customer.texts() == ["Cliente 3 Srl"], timeout=5000)
    assert threads and not any(threads)


# -- opening without long freezes (#13): the page, its form and the chart come in pieces ------
def test_the_form_comes_the_turn_after_the_page_and_its_blank_search_is_the_forms(qtbot, ctx):
    """The first search runs before the filter rows exist: it is the blank form's spec."""
    for subject in ("requests", "worklogs", "contracts"):
        page = AnalysisPage(ctx=ctx, subject=subject)
        qtbot.addWidget(page)
        assert page._form is None and page.query is not None
        # the search starts once the form and the plot are built (no workers competing)
        assert page.busy() and not page.worker.is_running("table")
        assert page.summary_label.text() == "Searching…"
        assert page.filters_toggle.text() == "Filters"
        qtbot.waitUntil(lambda p=page: p._form is not None, timeout=5000)  # its own turn
        assert page.form.parentWidget() is page.form_scroll.viewport()
        assert page.form.spec() == page.query.spec == page.subject.spec_type()
        _settled(qtbot, page)
    # the reference lists come from the lookups snapshot, in their order
    priorities = page_form_choices(qtbot, ctx, "filter_priorities")
    assert priorities == [(p.code, p.name("en")) for p in ctx.lookups().priorities]


def page_form_choices(qtbot, ctx, name):
    from ui.analysis.widgets import MultiChoice

    page = AnalysisPage(ctx=ctx, subject="requests")
    qtbot.addWidget(page)
    choice = page.form.findChild(MultiChoice, name)  # asking for the form builds it at once
    _settled(qtbot, page)
    return [(a.data(), a.text()) for a in choice._actions]


def test_a_picker_builds_its_list_with_the_first_choice(qtbot, ctx):
    from PySide6.QtWidgets import QListWidget

    from ui.analysis.widgets import EntityPicker

    page = _page(qtbot, ctx, "requests")
    customer = page.form.findChild(EntityPicker, "filter_customer_ids")
    assert customer.findChild(QListWidget) is None and customer.keys() == []
    customer.set_keys([])  # a blank saved filter builds nothing either
    assert customer.findChild(QListWidget) is None
    customer.add(ctx.data["customers"][1], "Cliente 1 Srl")
    assert customer.keys() == [ctx.data["customers"][1]]
    assert customer.texts() == ["Cliente 1 Srl"] and customer.list.isVisibleTo(customer)
    customer._remove_item(customer.list.item(0))
    assert customer.keys() == [] and not customer.list.isVisibleTo(customer)


def _doubled(result):
    import dataclasses

    return dataclasses.replace(result, values=[[v * 2 for v in s] for s in result.values])


def test_a_result_of_the_same_shape_moves_the_drawn_items(qtbot, ctx):
    """A new search with the same series and categories re-uses the chart's items."""
    for subject in ("requests", "worklogs"):  # lines by month and priority; bars by operator
        page = _page(qtbot, ctx, subject)
        chart = page.chart
        items = list(chart._items)
        assert len(items) == len(chart.result.series) > 0
        doubled = _doubled(chart.result)
        chart.set_result(doubled, page.codes)
        assert not chart.drawing() and chart._items == items
        for item, values in zip(items, doubled.values):
            drawn = item.yData if doubled.period else item.opts["height"]
            assert list(drawn) == values
        if not doubled.period:
            assert list(items[0].opts["y0"]) == [0.0] * len(doubled.categories)
        top = (max(max(s) for s in doubled.values) if doubled.period  # lines: the highest
               else max(doubled.category_totals()))  # stacked bars: the highest stack
        low, high = chart._plot.getPlotItem().vb.viewRange()[1]
        assert low == 0 and high == pytest.approx(top * 1.1)


def test_a_new_shape_is_drawn_a_piece_per_turn(qtbot, ctx, monkeypatch):
    from ui.analysis import chart as chart_module

    page = _page(qtbot, ctx, "requests")
    chart = page.chart
    result = chart.result
    assert len(result.series) > 2  # requests by month and priority
    monkeypatch.setattr(chart_module, "DRAW_BUDGET_S", 0.0)  # one series per turn
    chart.set_result(chart_module.GroupResult(
        result.dimension, None, result.measure, result.kind, result.categories,
        [(None, "")], [result.category_totals()], result.period), page.codes)
    qtbot.waitUntil(lambda: not chart.drawing(), timeout=5000)
    assert len(chart._items) == 1
    chart.set_result(result, page.codes)  # another shape again: several series
    assert chart.drawing() and len(chart._items) <= 1
    qtbot.waitUntil(lambda: not chart.drawing(), timeout=5000)
    assert len(chart._items) == len(result.series)
    assert len(chart._plot.getPlotItem().legend.items) == len(result.series)


def test_a_chart_closed_between_two_pieces_draws_nothing_more(qtbot, ctx, monkeypatch):
    from ui.analysis import chart as chart_module

    page = _page(qtbot, ctx, "requests")
    result = page.chart.result
    monkeypatch.setattr(chart_module, "DRAW_BUDGET_S", 0.0)
    chart = chart_module.ChartWidget(ctx=ctx, subject=page.subject, money=True)
    chart.set_result(result, page.codes)  # the plot widget first: the series wait a turn
    assert chart.drawing()
    chart.deleteLater()
    qtbot.wait(100)  # its timer went with it: no call on a deleted widget



def test_a_sort_asked_while_the_page_opens_keeps_the_whole_first_search(qtbot, ctx):
    page = AnalysisPage(ctx=ctx, subject="requests")
    qtbot.addWidget(page)
    page.sort_by("customer", True)  # before the first search started: only the order changes
    _settled(qtbot, page)
    assert page.chart.result is not None and page.model.rowCount() == len(ctx.data["requests"])
    assert page.model.sort_key == ("customer", True)
