"""One analysis tab: filter form → results table → chart → Excel export, saved filters.

Nothing here reads the database on the GUI thread except one page of rows by id: the selection's
ids (opening, a new filter, a sort), the totals and the chart's groups are asked of a worker
(ui/workers.py; a newer request drops the older answer and stops its query), so the window keeps
answering while 200,000 requests are sorted by customer. Writes (saved filters) go through
``ctx.ops``; the page follows change sets of the tables its subject shows.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLayout, QLineEdit,
                               QMessageBox, QPushButton, QScrollArea, QSizePolicy, QSplitter,
                               QTableView, QToolButton, QVBoxLayout, QWidget)

from servicedesk import limits
from servicedesk.errors import ServiceDeskError, ValidationError
from servicedesk.queries import analysis as A
from servicedesk.services import saved_filters
from servicedesk.uow import ChangeSet

from .. import fmt
from ..messages import error_text
from ..models.paged import ViewState
from ..settings import EXPORT_FOLDER
from ..widgets.limited_text import limit_text
from ..workers import JobControl, Worker
from .chart import ChartWidget
from .export import ExportController, ExportJob, excel_columns, info_rows
from .forms import FilterForm, form_for
from .labels import code_maps, column_headers, subject_title
from .table_model import AnalysisTableModel
from ..interpreter import PaintsHoldingLock

#: The tables whose rows (or whose names shown in the rows) each subject's table shows.
TABLES = {"requests": ("service_request", "intervention", "party", "product", "unit", "contract",
                       "job_order", "operator", "team"),
          "interventions": ("intervention", "service_request", "party", "operator", "team"),
          "worklogs": ("work_log", "service_request", "party", "operator", "job_order"),
          "contracts": ("contract", "contract_unit", "contract_product", "ticket_movement",
                        "instalment", "party")}
REFRESH_MS = 400  # writes come in bursts (a save writes several tables): one re-read after them


def _table_job(control: JobControl, query: A.AnalysisQuery,
               sort: tuple[str, bool] | None) -> list[int]:
    return query.id_list(sort, cancelled=lambda: control.cancelled)


def _chart_job(query: A.AnalysisQuery, dim: str, measure: str, series: str | None,
               lang: str) -> A.GroupResult:
    # pyqtgraph (and numpy) take seconds to import on a cold start: imported here, off the
    # GUI thread, the first drawing finds them loaded (the page opened with a 2-4 s freeze).
    import pyqtgraph  # noqa: F401

    return query.group(dim, measure, series=series, lang=lang)


class SaveFilterDialog(PaintsHoldingLock, QDialog):
    def __init__(self, name: str, shared: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Analysis", "Save filter"))
        form = QFormLayout(self)
        self.name = QLineEdit(name)
        limit_text(self.name, limits.limit("saved_filter", "name"))
        self.name.setMinimumWidth(280)
        self.shared = QCheckBox(QCoreApplication.translate("Analysis", "Share with all operators"))
        self.shared.setChecked(shared)
        form.addRow(QCoreApplication.translate("Analysis", "Name"), self.name)
        form.addRow("", self.shared)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class AnalysisPage(QWidget):
    """The workspace tab of one subject (requests page can list interventions instead)."""


    def __init__(self, *, ctx, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"analysis_{subject}")
        self.family = "requests" if subject in ("requests", "interventions") else subject
        self.subject = A.SUBJECTS[subject]
        self.query: A.AnalysisQuery | None = None
        self.codes = code_maps(ctx.lang, ctx.lookups())
        self.headers = column_headers()
        self._loaded_filter: saved_filters.SavedFilterInfo | None = None
        self._stale = False
        self._totals: dict | None = None
        self._count: int | None = None
        self._filters_folded_by_width = False
        self._working = ""  # what the worker is doing, said after the count
        self._requested_sort: tuple[str, bool] | None = None
        self.money = ctx.actor.can(A.base.Permission.ANALYSIS_MONEY)
        # Table ids and the chart's groups in parallel: each may take a second on 1M work logs.
        self.worker = Worker(self, threads=2, threaded=not ctx.screenshot_mode)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_after_changes)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        # The page may be narrower than filters + results: it folds the filters (resizeEvent)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("analysisSplit")
        self.split.setChildrenCollapsible(False)
        outer.addWidget(self.split, 1)

        # -- the filter column: saved filters, the form (scrolls), Clear / Search always shown
        self.filter_panel = QWidget()
        self.filter_panel.setObjectName("analysisFilters")
        fl = QVBoxLayout(self.filter_panel)
        fl.setContentsMargins(0, 0, 4, 0)
        saved_row = QHBoxLayout()
        saved_row.addWidget(QLabel(QCoreApplication.translate("Analysis", "Saved filter")))
        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("savedFilters")
        self.saved_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.saved_combo.setMinimumContentsLength(10)
        self.saved_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.saved_combo.activated.connect(self._load_saved)
        saved_row.addWidget(self.saved_combo, 1)
        fl.addLayout(saved_row)
        saved_buttons = QHBoxLayout()
        saved_buttons.addStretch(1)
        self.save_button = QPushButton(QCoreApplication.translate("Analysis", "Save filter…"))
        self.save_button.setObjectName("analysisSaveFilter")
        self.save_button.clicked.connect(lambda: self.save_filter())
        self.delete_button = QPushButton(QCoreApplication.translate("Analysis", "Delete filter"))
        self.delete_button.setObjectName("analysisDeleteFilter")
        self.delete_button.clicked.connect(self.delete_filter)
        saved_buttons.addWidget(self.save_button)
        saved_buttons.addWidget(self.delete_button)
        fl.addLayout(saved_buttons)
        # The filter rows (a hundred widgets) come in the event-loop turn after the page: built
        # and styled once, inside the shown tab, instead of with the page and again at each of
        # its moves into the workspace (#13: opening the analysis froze the window 200 ms).
        self._form: FilterForm | None = None
        self._form_subject = subject
        self.form_scroll = QScrollArea()
        self.form_scroll.setObjectName("analysisFormScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fl.addWidget(self.form_scroll, 1)
        self._form_timer = QTimer(self)  # owned: a page closed at once builds nothing more
        self._form_timer.setSingleShot(True)
        self._form_timer.setInterval(0)
        self._form_timer.timeout.connect(self._build_form)
        # The first search waits for the page's pieces (form, plot): its workers would compete
        # with them for the interpreter and make each piece a longer freeze (#13).
        self._opening = True
        self._pending_load: dict | None = None
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(0)
        self._open_timer.timeout.connect(self._opened)
        actions = QHBoxLayout()
        self.reset_button = QPushButton(QCoreApplication.translate("Analysis", "Clear filters"))
        self.reset_button.setObjectName("analysisReset")
        self.reset_button.clicked.connect(self.reset)
        self.apply_button = QPushButton(QCoreApplication.translate("Analysis", "Search"))
        self.apply_button.setObjectName("analysisApply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        actions.addWidget(self.reset_button)
        actions.addStretch(1)
        actions.addWidget(self.apply_button)
        fl.addLayout(actions)
        self.filter_panel.setMinimumWidth(300)
        self.split.addWidget(self.filter_panel)

        # -- the results: what is listed, how many, export; table above the chart
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 0, 0, 0)
        bar = QHBoxLayout()
        self.filters_toggle = QToolButton()
        self.filters_toggle.setObjectName("analysisFiltersToggle")
        self.filters_toggle.setCheckable(True)
        self.filters_toggle.setChecked(True)
        self.filters_toggle.setText(QCoreApplication.translate("Analysis", "Filters"))
        self.filters_toggle.setToolTip(QCoreApplication.translate(
            "Analysis", "Show or hide the filters"))
        self.filters_toggle.toggled.connect(self._show_filters)
        bar.addWidget(self.filters_toggle)
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("analysisShow")
        if self.family == "requests":
            self.show_combo.addItem(QCoreApplication.translate("Analysis", "Requests"), "requests")
            self.show_combo.addItem(QCoreApplication.translate("Analysis", "Interventions"),
                                    "interventions")
            self.show_combo.setCurrentIndex(self.show_combo.findData(subject))
            self.show_combo.currentIndexChanged.connect(self._switch_listing)
            bar.addWidget(QLabel(QCoreApplication.translate("Analysis", "List")))
            bar.addWidget(self.show_combo)
        else:
            self.show_combo.setVisible(False)
        bar.addStretch(1)
        self.export_button = QPushButton(QCoreApplication.translate("Analysis", "Export to Excel…"))
        self.export_button.setObjectName("analysisExport")
        self.export_button.clicked.connect(self.export_dialog)
        bar.addWidget(self.export_button)
        rl.addLayout(bar)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("analysisSummary")
        self.summary_label.setWordWrap(True)
        rl.addWidget(self.summary_label)
        self.results_split = QSplitter(Qt.Orientation.Vertical)
        self.results_split.setObjectName("analysisResultsSplit")
        self.results_split.setChildrenCollapsible(False)
        self.model = AnalysisTableModel(headers=self.headers, codes=self.codes, parent=self)
        self.model.sort_requested.connect(self.sort_by)
        self.table = QTableView()
        self.table.setObjectName("analysisTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(120)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._sort_clicked)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_row)
        self.results_split.addWidget(self.table)
        self.chart = ChartWidget(ctx=ctx, subject=self.subject, money=self.money)
        self.chart.settings_changed.connect(self.refresh_chart)
        self.chart.plot_ready.connect(self._open_timer.start)
        self.results_split.addWidget(self.chart)
        # The chart gets the larger share: the table scrolls, a squeezed chart says nothing (#12)
        self.results_split.setStretchFactor(0, 4)
        self.results_split.setStretchFactor(1, 5)
        self.results_split.setSizes([400, 500])
        rl.addWidget(self.results_split, 1)
        self.results_panel = right
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([360, 1100])

        self.exporter = ExportController(ctx=ctx, parent=self)
        self.exporter.done.connect(lambda _r: self._update_export())
        ctx.bus.changes.connect(self._on_changes)
        self.reload_saved()
        self.apply()
        self._form_timer.start()

    @property
    def form(self) -> FilterForm:
        """The filter form (built now if its turn has not come yet)."""
        if self._form is None:
            self._build_form()
        return self._form

    def _build_form(self) -> None:
        if self._form is not None:
            return
        self._form_timer.stop()
        form = form_for(self._form_subject, self.ctx)
        form.setObjectName("analysisForm")
        for edit in form.findChildren(QLineEdit):
            if edit.completer() is None:
                edit.returnPressed.connect(self.apply)
        form.changed.connect(self._count_filters)
        self._form = form
        self.form_scroll.setWidget(form)
        self.chart.prepare_plot_soon()  # the next piece of the opening, in the next turn

    def _spec(self):
        """The form's spec; before the form is built, the blank form's (no filter)."""
        if self._form is not None:
            return self._form.spec()
        spec = self.subject.spec_type()
        A.validate(spec)
        return spec

    # -- running the spec ----------------------------------------------------------------------
    def apply(self) -> bool:
        """Validate the form and ask for the new selection (table, totals, chart). False when
        the form is refused (the message is shown under it; nothing typed is lost)."""
        try:
            spec = self._spec()
            query = A.AnalysisQuery(self.subject, spec)
        except ValidationError as err:
            self.form.show_error(err)
            return False
        except ServiceDeskError as err:
            if self._form is not None:
                self._form.show_error(None)
            QMessageBox.warning(self, subject_title(self.subject.name), error_text(err))
            return False
        if self._form is not None:
            self._form.show_error(None)
        self.query = query
        self._stale = False
        self._count_filters()
        if self.isVisible() and self.filter_panel.isVisibleTo(self) \
                and self.width() < self.narrow_width():
            # a narrow tab showed the filters over the results: the results are wanted now
            self.filters_toggle.setChecked(False)
            self._filters_folded_by_width = True
        self._load(keep_view=False)
        return True

    def _current_sort(self) -> tuple[str, bool]:
        sort = self.model.sort_key
        keys = {c.key for c in self.query.columns} if self.query is not None else set()
        return sort if sort is not None and sort[0] in keys else self.subject.default_sort

    def _load(self, *, keep_view: bool, sort: tuple[str, bool] | None = None,
              ids_only: bool = False) -> None:
        """Ask a worker for the ids (and, unless only the order changes, the totals and the
        chart); the table shows the answer when it comes, the window stays responsive."""
        query = self.query
        if query is None:
            return
        if self._opening:  # started by _opened; a full read asked for stays a full read
            previous = self._pending_load
            if previous is not None:
                keep_view, ids_only = keep_view and previous["keep_view"], \
                    ids_only and previous["ids_only"]
            self._pending_load = {"keep_view": keep_view, "sort": sort, "ids_only": ids_only}
            if not keep_view:
                self._count = None
            self._show_summary()
            return
        sort = sort or self._current_sort()
        self._show_sort(sort)
        if not keep_view:
            self._count = None
        self._working = (QCoreApplication.translate("Analysis", "sorting…") if ids_only
                         else QCoreApplication.translate("Analysis", "updating…"))
        if not ids_only:
            self._load_totals(query)
        self._show_summary()
        self.worker.run(_table_job, query, sort, control=True, key="table",
                        on_done=lambda ids: self._table_done(query, sort, ids, keep_view),
                        on_error=self._failed)
        if not ids_only:
            self.refresh_chart()

    def _opened(self) -> None:
        """The page, its filter form and the plot are built: the first search starts."""
        if not self._opening:
            return
        self._opening = False
        pending, self._pending_load = self._pending_load, None
        if pending is not None:
            self._load(**pending)

    def _load_totals(self, query: A.AnalysisQuery) -> None:
        if not self._has_totals():
            self._totals = {}
            return
        self._totals = None
        self.worker.run(query.totals, key="totals", on_done=self._totals_done,
                        on_error=self._failed)

    def _has_totals(self) -> bool:
        return self.subject.name in ("worklogs", "contracts", "interventions")

    def _table_done(self, query: A.AnalysisQuery, sort: tuple[str, bool], ids: list[int],
                    keep_view: bool) -> None:
        if query is not self.query:
            return  # a newer filter was applied meanwhile
        state = ViewState.capture(self.table, self.model) if keep_view else None
        columns_before = [c.key for c in self.model.query_columns()]
        self.model.set_result(query, ids, sort)
        if [c.key for c in self.model.query_columns()] != columns_before:
            self._fit_columns()
        if state is not None:
            state.restore(self.table, self.model)
        elif ids:
            self.table.scrollToTop()
        self._show_sort(sort)
        self._count = len(ids)
        self._working = ""
        self._show_summary()

    def _totals_done(self, totals: dict) -> None:
        self._totals = totals
        self._show_summary()

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, A.QueryCancelled):
            return
        text = error_text(err) if isinstance(err, ServiceDeskError) else str(err)
        self.summary_label.setText(QCoreApplication.translate(
            "Analysis", "The analysis could not be read: {reason}").format(reason=text))

    def busy(self) -> bool:
        """True while the table, its totals or the chart are being read (or about to be)."""
        return self._pending_load is not None or any(self.worker.is_running(key) for key in ("table", "totals", "chart"))

    def _show_summary(self) -> None:
        count = self._count
        if count is None:
            self.summary_label.setText(QCoreApplication.translate("Analysis", "Searching…"))
            self._update_export()
            return
        parts = [QCoreApplication.translate("Analysis", "{n} results").format(n=fmt.number(count))]
        totals = self._totals
        if totals is None:
            parts.append(QCoreApplication.translate("Analysis", "totals…"))
        else:
            if "hours" in totals:
                parts.append(QCoreApplication.translate("Analysis", "hours {h}").format(
                    h=fmt.number(totals["hours"], 2)))
                parts.append(QCoreApplication.translate("Analysis", "billable {h}").format(
                    h=fmt.number(totals["billable_hours"], 2)))
                parts.append(QCoreApplication.translate("Analysis", "travel {h}").format(
                    h=fmt.number(totals["travel_hours"], 2)))
            if "value" in totals:
                parts.append(QCoreApplication.translate("Analysis", "value {v}").format(
                    v=fmt.euro(totals["value"])))
            if "planned_hours" in totals:
                parts.append(QCoreApplication.translate("Analysis", "planned hours {h}").format(
                    h=fmt.number(totals["planned_hours"], 2)))
        if self._working:
            parts.append(self._working)
        self.summary_label.setText(" · ".join(parts))
        self._update_export()

    def _update_export(self) -> None:
        self.export_button.setEnabled(bool(self._count) and not self.exporter.running())

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        for i, column in enumerate(self.model.query_columns()):
            chars = min(max(column.width, len(self.headers.get(column.key, "")) + 2), 36)
            self.table.setColumnWidth(i, metrics.horizontalAdvance("n") * chars + 12)

    def refresh_chart(self) -> None:
        if self.query is None:
            return
        dim, series, measure = self.chart.choice()
        self.worker.run(_chart_job, self.query, dim, measure, series, self.ctx.lang, key="chart", on_done=lambda result: self.chart.set_result(result, self.codes),
                        on_error=self._chart_failed)

    def _chart_failed(self, err: BaseException) -> None:
        self.chart.total_label.setText(error_text(err) if isinstance(err, ServiceDeskError)
                                       else str(err))

    # -- sorting ------------------------------------------------------------------------------
    def _sort_clicked(self, section: int) -> None:
        columns = self.model.query_columns()
        if not 0 <= section < len(columns):
            return
        key = columns[section].key
        current = self._pending_sort()
        descending = not current[1] if current and current[0] == key else False
        self.sort_by(key, descending)

    def _pending_sort(self) -> tuple[str, bool] | None:
        return self._requested_sort or self.model.sort_key

    def sort_by(self, key: str, descending: bool) -> None:
        """A new order: the ids are read again on a worker; the rows stay until they come."""
        if self.query is None or key not in {c.key for c in self.query.columns}:
            return
        self._requested_sort = (key, descending)
        self._load(keep_view=True, sort=(key, descending), ids_only=True)

    def _show_sort(self, sort: tuple[str, bool] | None) -> None:
        self._requested_sort = sort
        keys = [c.key for c in (self.query.columns if self.query is not None else [])]
        if sort and sort[0] in keys:
            order = Qt.SortOrder.DescendingOrder if sort[1] else Qt.SortOrder.AscendingOrder
            self.table.horizontalHeader().setSortIndicator(keys.index(sort[0]), order)

    # -- the rest of the page -------------------------------------------------------------------
    def reset(self) -> None:
        self._loaded_filter = None
        self.saved_combo.setCurrentIndex(0)
        self.form.set_spec(self.form.spec_type())
        self.apply()

    def _switch_listing(self) -> None:
        name = self.show_combo.currentData()
        self.subject = A.SUBJECTS[name]
        self.model.sort_key = None
        self._requested_sort = None
        self.chart.set_subject(self.subject, self.money)
        self.apply()

    def _count_filters(self) -> None:
        """The toggle says how many filters are set: folded away, they still narrow the list."""
        try:
            n = len(A.spec_to_dict(self._spec()))
        except ServiceDeskError:
            n = 0
        self.filters_toggle.setText(
            QCoreApplication.translate("Analysis", "Filters ({n})").format(n=n) if n
            else QCoreApplication.translate("Analysis", "Filters"))

    def _show_filters(self, shown: bool) -> None:
        self.filter_panel.setVisible(shown)
        self._filters_folded_by_width = False

    def narrow_width(self) -> int:
        """Below this width the filter column folds away (its toggle brings it back): the
        filters and the results side by side at their smallest, plus the margins."""
        return (self.filter_panel.minimumWidth() + self.results_panel.minimumSizeHint().width()
                + self.split.handleWidth() + 24)

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        """The results alone: the filter column folds away when the tab is narrower (#12)."""
        hint = super().minimumSizeHint()
        margins = self.layout().contentsMargins()
        hint.setWidth(self.results_panel.minimumSizeHint().width() + margins.left()
                      + margins.right())
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # A narrow tab folds the filters away so the table and the chart keep their room;
        # widened again, it shows them again (unless the user hid them himself).
        narrow = self.width() < self.narrow_width()
        if narrow and self.filter_panel.isVisibleTo(self):
            self.filters_toggle.setChecked(False)
            self._filters_folded_by_width = True
        elif not narrow and self._filters_folded_by_width:
            self.filters_toggle.setChecked(True)

    def _open_row(self, index) -> None:
        row_id = self.model.row_id(index.row())
        if row_id is None:
            return
        target = A.record_of(self.subject.name, row_id)
        if target is None:
            return
        kind, record_id = target
        signal = {"request": self.ctx.bus.open_request, "intervention": self.ctx.bus.open_intervention,
                  "contract": self.ctx.bus.open_contract}[kind]
        signal.emit(record_id)

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches("saved_filter"):
            self.reload_saved()
        if not changes.touches(*TABLES.get(self.subject.name, ())):
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def _refresh_after_changes(self) -> None:
        """Rows changed elsewhere: read the same filter again, keeping selection and scroll."""
        if self.query is None:
            return
        self._stale = False
        self._load(keep_view=True, sort=self._current_sort())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._refresh_after_changes()

    # -- export -------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        if self.query is None:
            return
        from ..files import documents_folder

        stamp = EXPORT_FOLDER.read(self.ctx.settings) or str(documents_folder())
        name = f"{subject_title(self.subject.name)}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("Analysis", "Export to Excel"),
            str(Path(stamp) / name),
            QCoreApplication.translate("Analysis", "Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        EXPORT_FOLDER.write(self.ctx.settings, str(Path(path).parent))
        self.export_to(Path(path))

    def export_to(self, path: Path) -> ExportJob | None:
        """Export what the table shows (all rows of the applied filter, in table order)."""
        if self.query is None or self.exporter.running():
            return None
        title = subject_title(self.subject.name)
        job = ExportJob(query=self.query, path=path,
                        columns=excel_columns(self.query, self.headers, self.codes),
                        sheet_title=title,
                        info_title=QCoreApplication.translate("Analysis", "Filters"),
                        info_rows=info_rows(subject_title=title, rows=self.model.rowCount(),
                                            summary=self.form.summary()),
                        sort=self._current_sort())
        self.export_button.setEnabled(False)
        self.exporter.start(job)
        return job

    # -- saved filters ------------------------------------------------------------------------
    def reload_saved(self, *, adopt_version: bool = False) -> None:
        """Read the list of saved filters again. The loaded filter keeps the version the user
        loaded (a save then refuses to overwrite a change made elsewhere) unless
        ``adopt_version`` (after the user was told about that change)."""
        self.saved_combo.blockSignals(True)
        self.saved_combo.clear()
        self.saved_combo.addItem(QCoreApplication.translate("Analysis", "(none)"), None)
        try:
            items = saved_filters.list_filters(self.family)
        except ServiceDeskError:
            items = []
        for info in items:
            label = info.name + (QCoreApplication.translate("Analysis", " (shared)")
                                 if info.shared else "")
            self.saved_combo.addItem(label, info.id)
        if self._loaded_filter is not None:
            found = next((i for i in items if i.id == self._loaded_filter.id), None)
            if found is None or adopt_version:
                self._loaded_filter = found
            else:  # a rename or a share elsewhere shows; the version stays the one loaded
                self._loaded_filter = saved_filters.SavedFilterInfo(
                    found.id, found.subject, found.name, found.shared, found.mine,
                    self._loaded_filter.version)
            index = self.saved_combo.findData(found.id) if found is not None else 0
            self.saved_combo.setCurrentIndex(max(index, 0))
        self.saved_combo.blockSignals(False)
        self.delete_button.setEnabled(self._loaded_filter is not None)

    def _load_saved(self, index: int) -> None:
        filter_id = self.saved_combo.itemData(index)
        if filter_id is None:
            self._loaded_filter = None
            self.delete_button.setEnabled(False)
            return
        try:
            info, spec = saved_filters.load(filter_id)
        except ServiceDeskError as err:
            QMessageBox.warning(self, QCoreApplication.translate("Analysis", "Saved filter"),
                                error_text(err))
            self.reload_saved()
            return
        self._loaded_filter = info
        self.delete_button.setEnabled(True)
        self.form.set_spec(spec)
        self.apply()

    def save_filter(self, *, name: str | None = None, shared: bool | None = None) -> bool:
        """Save the form as a named filter (overwriting the loaded one of the same name, at
        the version read). A filter changed meanwhile elsewhere is not overwritten: the op
        runner says what changed, the list is read again, the form keeps what is typed."""
        try:
            spec = self.form.spec()
        except ValidationError as err:
            self.form.show_error(err)
            return False
        current = self._loaded_filter
        if name is None:
            dialog = SaveFilterDialog(current.name if current else "",
                                      current.shared if current else False, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            name, shared = dialog.name.text(), dialog.shared.isChecked()
        replace = current if current is not None and current.name == " ".join(name.split()) else None
        outcome = self.ctx.ops.run(
            self, saved_filters.save, self.family, name, spec, shared=bool(shared),
            replace_id=replace.id if replace else None,
            expected_version=replace.version if replace else None,
            on_conflict=lambda _err: self.reload_saved(adopt_version=True),
            title=QCoreApplication.translate("Analysis", "Saved filter"))
        if outcome is None:
            return False
        self._loaded_filter = outcome.result
        self.reload_saved()
        return True

    def delete_filter(self) -> None:
        info = self._loaded_filter
        if info is None:
            return
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Analysis", "Delete filter"),
            QCoreApplication.translate("Analysis", "Delete the saved filter “{name}”?")
            .format(name=info.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        outcome = self.ctx.ops.run(self, saved_filters.delete, info.id,
                                   expected_version=info.version,
                                   on_conflict=lambda _err: self.reload_saved(adopt_version=True),
                                   title=QCoreApplication.translate("Analysis", "Delete filter"))
        if outcome is not None:
            self._loaded_filter = None
        self.reload_saved()

    def can_close(self) -> bool:
        if self.exporter.running():
            self.exporter.cancel()
        self.worker.cancel_all()
        return True
