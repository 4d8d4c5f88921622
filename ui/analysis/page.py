"""One analysis tab: filter form → results table → chart → Excel export, saved filters."""
from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QScrollArea, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from servicedesk import context
from servicedesk.errors import ConflictError, ServiceDeskError, ValidationError
from servicedesk.models import WorkLog
from servicedesk.queries import analysis as A
from servicedesk.services import saved_filters
from servicedesk import limits

from .. import fmt
from ..messages import conflict_text, error_text
from ..settings import EXPORT_FOLDER
from .chart import ChartWidget
from .export import ExportController, ExportJob, excel_columns, info_rows
from .forms import form_for
from .labels import code_maps, column_headers, subject_title
from .table_model import AnalysisTableModel
from ..widgets.limited_text import limit_text

TOPICS = {"requests": {"requests", "interventions", "parties"},
          "interventions": {"requests", "interventions"},
          "worklogs": {"worklogs", "requests"}, "contracts": {"contracts", "tickets", "parties"}}
_generation = itertools.count(1)


class _GroupSignals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _GroupJob(QRunnable):
    """Chart grouping off the UI thread (a whole-table GROUP BY may take 100 ms+)."""

    def __init__(self, generation: int, query: A.AnalysisQuery, choice, lang: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the page keeps it (and its signals) until delivered
        self.generation, self.query, self.choice, self.lang = generation, query, choice, lang
        self.actor = context.current()
        self.signals = _GroupSignals()

    def run(self) -> None:
        db = self.query.subject.model._meta.database
        try:
            with context.acting_as(self.actor):
                dim, series, measure = self.choice
                result = self.query.group(dim, measure, series=series, lang=self.lang)
            self.signals.done.emit(self.generation, result)
        except ServiceDeskError as err:
            self.signals.failed.emit(self.generation, err)
        except Exception as exc:  # noqa: BLE001 - e.g. a database error: shown under the chart
            self.signals.failed.emit(self.generation, ServiceDeskError(str(exc)))
        finally:
            if not db.is_closed():
                db.close()


class SaveFilterDialog(QDialog):
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
        self.codes = code_maps(ctx.lang)
        self.headers = column_headers()
        self._loaded_filter: saved_filters.SavedFilterInfo | None = None
        self._generation = 0
        self._group_jobs: dict[int, _GroupJob] = {}
        self._stale = False
        self.money = ctx.actor.can(A.base.Permission.ANALYSIS_MONEY)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
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
        bar.addWidget(QLabel(QCoreApplication.translate("Analysis", "Saved filter")))
        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("savedFilters")
        self.saved_combo.setMinimumWidth(200)
        self.saved_combo.activated.connect(self._load_saved)
        bar.addWidget(self.saved_combo)
        self.save_button = QPushButton(QCoreApplication.translate("Analysis", "Save filter…"))
        self.save_button.clicked.connect(self.save_filter)
        self.delete_button = QPushButton(QCoreApplication.translate("Analysis", "Delete filter"))
        self.delete_button.clicked.connect(self.delete_filter)
        bar.addWidget(self.save_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        self.reset_button = QPushButton(QCoreApplication.translate("Analysis", "Clear filters"))
        self.reset_button.clicked.connect(self.reset)
        self.apply_button = QPushButton(QCoreApplication.translate("Analysis", "Search"))
        self.apply_button.setObjectName("analysisApply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.export_button = QPushButton(QCoreApplication.translate("Analysis", "Export to Excel…"))
        self.export_button.setObjectName("analysisExport")
        self.export_button.clicked.connect(self.export_dialog)
        for b in (self.reset_button, self.apply_button, self.export_button):
            bar.addWidget(b)
        outer.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.form = form_for(subject, ctx)
        self.form.setObjectName("analysisForm")
        for edit in self.form.findChildren(QLineEdit):
            if edit.completer() is None:
                edit.returnPressed.connect(self.apply)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(340)
        split.addWidget(scroll)
        right = QSplitter(Qt.Orientation.Vertical)
        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("analysisSummary")
        tl.addWidget(self.summary_label)
        self.model = AnalysisTableModel(headers=self.headers, codes=self.codes, parent=self)
        self.table = QTableView()
        self.table.setObjectName("analysisTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._sort_clicked)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_row)
        tl.addWidget(self.table)
        right.addWidget(table_box)
        self.chart = ChartWidget(ctx=ctx, subject=self.subject, money=self.money)
        self.chart.settings_changed.connect(self.refresh_chart)
        right.addWidget(self.chart)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 1100])
        outer.addWidget(split, 1)
        self.exporter = ExportController(ctx=ctx, parent=self)
        self.exporter.done.connect(lambda _r: self.export_button.setEnabled(True))
        ctx.bus.changed.connect(self._on_changed)
        self.reload_saved()
        self.apply()

    # -- running the spec ----------------------------------------------------------------------
    def apply(self) -> bool:
        try:
            spec = self.form.spec()
            query = A.AnalysisQuery(self.subject, spec)
        except ValidationError as err:
            self.form.show_error(err)
            return False
        except ServiceDeskError as err:
            self.form.show_error(None)
            QMessageBox.warning(self, subject_title(self.subject.name), error_text(err))
            return False
        self.form.show_error(None)
        self.query = query
        count = query.count()
        self.model.set_query(query, count)
        self._show_sort()
        self._fit_columns()
        self._show_summary(count)
        self.refresh_chart()
        self._stale = False
        return True

    def _show_summary(self, count: int) -> None:
        parts = [QCoreApplication.translate("Analysis", "{n} results").format(n=fmt.number(count))]
        if self.subject.name in ("worklogs", "contracts") or self.subject.name == "interventions":
            totals = self.query.totals()
            if "hours" in totals:
                parts.append(QCoreApplication.translate("Analysis", "hours {h}").format(h=fmt.number(totals["hours"], 2)))
                parts.append(QCoreApplication.translate("Analysis", "billable {h}").format(
                    h=fmt.number(totals["billable_hours"], 2)))
                parts.append(QCoreApplication.translate("Analysis", "travel {h}").format(
                    h=fmt.number(totals["travel_hours"], 2)))
            if "value" in totals:
                parts.append(QCoreApplication.translate("Analysis", "value {v}").format(v=fmt.euro(totals["value"])))
            if "planned_hours" in totals:
                parts.append(QCoreApplication.translate("Analysis", "planned hours {h}").format(
                    h=fmt.number(totals["planned_hours"], 2)))
        self.summary_label.setText(" · ".join(parts))
        self.export_button.setEnabled(count > 0 and not self.exporter.running())

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        for i, column in enumerate(self.model.columns()):
            chars = min(max(column.width, len(self.headers.get(column.key, "")) + 2), 36)
            self.table.setColumnWidth(i, metrics.horizontalAdvance("n") * chars + 12)

    def refresh_chart(self) -> None:
        if self.query is None:
            return
        self._generation = next(_generation)
        job = _GroupJob(self._generation, self.query, self.chart.choice(), self.ctx.lang)
        job.signals.done.connect(self._chart_done)
        job.signals.failed.connect(self._chart_failed)
        self._group_jobs[self._generation] = job  # alive until its result is delivered
        QThreadPool.globalInstance().start(job)

    def _chart_done(self, generation: int, result) -> None:
        self._group_jobs.pop(generation, None)
        if generation == self._generation:
            self.chart.set_result(result, self.codes)

    def _chart_failed(self, generation: int, err) -> None:
        self._group_jobs.pop(generation, None)
        if generation == self._generation:
            self.chart.total_label.setText(error_text(err))

    def _sort_clicked(self, section: int) -> None:
        key = self.model.columns()[section].key
        current = self.model.sort_key
        descending = not current[1] if current and current[0] == key else False
        self.model.sort(section, Qt.SortOrder.DescendingOrder if descending
                        else Qt.SortOrder.AscendingOrder)
        self._show_sort()

    def _show_sort(self) -> None:
        column = self.model.sort_column()
        if column >= 0:
            order = (Qt.SortOrder.DescendingOrder if self.model.sort_key[1]
                     else Qt.SortOrder.AscendingOrder)
            self.table.horizontalHeader().setSortIndicator(column, order)

    def reset(self) -> None:
        self._loaded_filter = None
        self.saved_combo.setCurrentIndex(0)
        self.form.set_spec(self.form.spec_type())
        self.apply()

    def _switch_listing(self) -> None:
        name = self.show_combo.currentData()
        self.subject = A.SUBJECTS[name]
        self.model.sort_key = None
        self.chart.set_subject(self.subject, self.money)
        self.apply()

    def _open_row(self, index) -> None:
        row_id = self.model.row_id(index.row())
        if row_id is None:
            return
        name = self.subject.name
        if name == "requests":
            self.ctx.bus.open_request.emit(row_id)
        elif name == "interventions":
            self.ctx.bus.open_intervention.emit(row_id)
        elif name == "worklogs":
            request_id = WorkLog.select(WorkLog.request).where(WorkLog.id == row_id).scalar()
            if request_id:
                self.ctx.bus.open_request.emit(request_id)
        elif name == "contracts":
            self.ctx.bus.open_contract.emit(row_id)

    def _on_changed(self, topics: set[str]) -> None:
        if topics & TOPICS.get(self.subject.name, set()):
            if self.isVisible():
                self.apply()
            else:
                self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.apply()

    # -- export -------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        if not self.apply():
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
        """Export what the current filter selects (all rows, in table order) to ``path``."""
        if self.query is None or self.exporter.running():
            return None
        title = subject_title(self.subject.name)
        job = ExportJob(query=self.query, path=path,
                        columns=excel_columns(self.query, self.headers, self.codes),
                        sheet_title=title,
                        info_title=QCoreApplication.translate("Analysis", "Filters"),
                        info_rows=info_rows(subject_title=title, rows=self.model.rowCount(),
                                            summary=self.form.summary()),
                        sort=self.model.sort_key)
        self.export_button.setEnabled(False)
        self.exporter.start(job)
        return job

    # -- saved filters ------------------------------------------------------------------------
    def reload_saved(self) -> None:
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
            index = self.saved_combo.findData(self._loaded_filter.id)
            self.saved_combo.setCurrentIndex(max(index, 0))
            if index < 0:
                self._loaded_filter = None
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
        try:
            info = saved_filters.save(self.family, name, spec, shared=bool(shared),
                                      replace_id=replace.id if replace else None,
                                      expected_version=replace.version if replace else None)
        except ConflictError as err:
            answer = QMessageBox.question(
                self, QCoreApplication.translate("Analysis", "Saved filter"),
                conflict_text(err) + "\n\n" + QCoreApplication.translate(
                    "Analysis", "Reload the saved filters? Your filter stays in the form."))
            if answer == QMessageBox.StandardButton.Yes:
                self._loaded_filter = None
                self.reload_saved()
            return False
        except ServiceDeskError as err:
            QMessageBox.warning(self, QCoreApplication.translate("Analysis", "Saved filter"),
                                error_text(err))
            return False
        self._loaded_filter = info
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
        try:
            saved_filters.delete(info.id, expected_version=info.version)
        except ConflictError as err:
            QMessageBox.warning(self, QCoreApplication.translate("Analysis", "Delete filter"),
                                conflict_text(err))
        except ServiceDeskError as err:
            QMessageBox.warning(self, QCoreApplication.translate("Analysis", "Delete filter"),
                                error_text(err))
        self._loaded_filter = None
        self.reload_saved()

    def can_close(self) -> bool:
        if self.exporter.running():
            self.exporter.cancel()
        return True
