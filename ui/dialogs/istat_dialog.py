"""The ISTAT FOI figures applied at renewal: annual averages and monthly changes over 12 months;
add or fix them by hand, or import ISTAT's FOI file (R-CON-4, #15)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from servicedesk import clock, limits
from servicedesk.errors import ServiceDeskError
from servicedesk.permissions import Permission
from servicedesk.services import istat, istat_file

from .. import fmt
from ..messages import error_text
from ..widgets.contract_fields import AmountEdit, DateEdit, OptionalDateEdit, format_pct
from ..widgets.limited_text import limit_text
from ..interpreter import PaintsHoldingLock


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class IstatDialog(PaintsHoldingLock, QDialog):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("istatDialog")
        self.setWindowTitle(self.tr("ISTAT FOI index"))
        self.changed = False
        self.last_message = ""
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "ISTAT FOI consumer price index (excluding tobacco). A renewal applies the figure its "
            "contract names — the annual average of the year before, or the change over 12 "
            "months of a month — times the contract's ISTAT share. A figure that is not here "
            "is never assumed: the renewal waits for it."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        top = QHBoxLayout()
        self.latest_label = QLabel()
        self.latest_label.setObjectName("istatLatest")
        self.import_button = QPushButton(self.tr("Import ISTAT file…"))
        self.import_button.setObjectName("istatImport")
        self.import_button.setToolTip(self.tr("The FOI file downloaded from ISTAT (CSV or "
                                              "Excel): indices and changes are read from it"))
        self.import_button.clicked.connect(self.choose_file)
        top.addWidget(self.latest_label, 1)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_years(), self.tr("Annual averages"))
        self.tabs.addTab(self._build_months(), self.tr("Months (change over 12 months)"))
        layout.addWidget(self.tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        editable = ctx.actor.can(Permission.CONTRACT_EDIT)
        for w in (self.import_button, self.new_year_button, self.save_year_button,
                  self.delete_year_button, self.new_month_button, self.save_month_button,
                  self.delete_month_button):
            w.setEnabled(editable)
        self.resize(640, 600)
        self._years: list[istat.YearRow] = []
        self._months: list[istat.MonthRow] = []
        self.refresh()
        self._new_year()
        self._new_month()

    # -- building ---------------------------------------------------------------------------------
    def _build_years(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.table = _table([self.tr("Year"), self.tr("Change %"), self.tr("Published on"),
                             self.tr("Note")], "istatTable")
        self.table.currentCellChanged.connect(lambda r, *_: self._pick_year(r))
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setObjectName("istatYear")
        self.year.setRange(1950, 2200)
        self.year.setGroupSeparatorShown(False)
        self.change = AmountEdit(percent=True)
        self.change.setObjectName("istatChange")
        self.published = DateEdit()
        self.note = QLineEdit()
        limit_text(self.note, limits.limit("istat", "note"))
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Change %"), self.change)
        form.addRow(self.tr("Published on"), self.published)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.new_year_button = QPushButton(self.tr("New year"))
        self.new_year_button.clicked.connect(self._new_year)
        self.save_year_button = QPushButton(self.tr("Save figure"))
        self.save_year_button.setObjectName("istatSave")
        self.save_year_button.clicked.connect(self.save)
        self.delete_year_button = QPushButton(self.tr("Delete"))
        self.delete_year_button.clicked.connect(self.delete)
        row.addWidget(self.new_year_button)
        row.addStretch(1)
        row.addWidget(self.delete_year_button)
        row.addWidget(self.save_year_button)
        layout.addLayout(row)
        return page

    def _build_months(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.month_table = _table([self.tr("Month"), self.tr("Change over 12 months %"),
                                   self.tr("Index"), self.tr("Published on"), self.tr("Note")],
                                  "istatMonths")
        self.month_table.currentCellChanged.connect(lambda r, *_: self._pick_month(r))
        layout.addWidget(self.month_table, 1)
        form = QFormLayout()
        when = QHBoxLayout()
        self.m_month = QSpinBox()
        self.m_month.setObjectName("istatMonthMonth")
        self.m_month.setRange(1, 12)
        self.m_year = QSpinBox()
        self.m_year.setObjectName("istatMonthYear")
        self.m_year.setRange(1950, 2200)
        self.m_year.setGroupSeparatorShown(False)
        when.addWidget(self.m_month)
        when.addWidget(QLabel("/"))
        when.addWidget(self.m_year)
        when.addStretch(1)
        self.m_change = AmountEdit(percent=True)
        self.m_change.setObjectName("istatMonthChange")
        self.m_index = AmountEdit(percent=True)
        self.m_index.setObjectName("istatMonthIndex")
        self.m_published = OptionalDateEdit(self.tr("known"))
        self.m_note = QLineEdit()
        limit_text(self.m_note, limits.limit("istat", "note"))
        form.addRow(self.tr("Month"), when)
        form.addRow(self.tr("Change over 12 months %"), self.m_change)
        form.addRow(self.tr("Index (optional)"), self.m_index)
        form.addRow(self.tr("Published on"), self.m_published)
        form.addRow(self.tr("Note"), self.m_note)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.new_month_button = QPushButton(self.tr("New month"))
        self.new_month_button.clicked.connect(self._new_month)
        self.save_month_button = QPushButton(self.tr("Save figure"))
        self.save_month_button.setObjectName("istatMonthSave")
        self.save_month_button.clicked.connect(self.save_month)
        self.delete_month_button = QPushButton(self.tr("Delete"))
        self.delete_month_button.clicked.connect(self.delete_month)
        row.addWidget(self.new_month_button)
        row.addStretch(1)
        row.addWidget(self.delete_month_button)
        row.addWidget(self.save_month_button)
        layout.addLayout(row)
        return page

    # -- showing ----------------------------------------------------------------------------------
    def refresh(self, select_year: int | None = None,
                select_month: tuple[int, int] | None = None) -> None:
        self._years = istat.year_rows()
        self.table.setRowCount(len(self._years))
        for r, row in enumerate(self._years):
            for c, text in enumerate([str(row.year), format_pct(row.change_pct),
                                      fmt.date(row.published_on) if row.published_on else "",
                                      row.note]):
                self.table.setItem(r, c, _cell(text, c == 1))
            if row.year == select_year:
                self.table.selectRow(r)
        self._months = istat.month_rows()
        self.month_table.setRowCount(len(self._months))
        for r, row in enumerate(self._months):
            cells = [f"{row.month:02d}/{row.year}",
                     format_pct(row.change_pct) if row.change_pct is not None else "—",
                     format_pct(row.index_value) if row.index_value is not None else "",
                     fmt.date(row.published_on) if row.published_on else "", row.note]
            for c, text in enumerate(cells):
                self.month_table.setItem(r, c, _cell(text, c in (1, 2)))
            if (row.year, row.month) == select_month:
                self.month_table.selectRow(r)
        year, month = istat.latest()
        self.latest_label.setText(self.tr("Latest annual average: %1 · latest month: %2")
                                  .replace("%1", year.label if year else "—")
                                  .replace("%2", month.label if month else "—"))

    def _pick_year(self, row: int) -> None:
        if 0 <= row < len(self._years):
            r = self._years[row]
            self.year.setValue(r.year)
            self.change.set_value(r.change_pct)
            if r.published_on:
                self.published.set_value(r.published_on)
            self.note.setText(r.note)

    def _pick_month(self, row: int) -> None:
        if 0 <= row < len(self._months):
            r = self._months[row]
            self.m_year.setValue(r.year)
            self.m_month.setValue(r.month)
            self.m_change.set_value(r.change_pct)
            self.m_index.set_value(r.index_value)
            self.m_published.set_value(r.published_on)
            self.m_note.setText(r.note)

    def _new_year(self) -> None:
        latest = max((r.year for r in self._years), default=clock.today().year - 2)
        self.year.setValue(latest + 1)
        self.change.clear()
        self.published.set_value(dt.date(latest + 2, 1, 16))
        self.note.clear()
        self.table.clearSelection()
        self.change.setFocus()

    def _new_month(self) -> None:
        if self._months:
            last = self._months[0]
            index = last.year * 12 + last.month  # the month after the latest
            year, month = divmod(index, 12)
            month += 1
        else:
            today = clock.today()
            year, month = today.year, today.month
        self.m_year.setValue(year)
        self.m_month.setValue(month)
        self.m_change.clear()
        self.m_index.clear()
        self.m_published.set_value(None)
        self.m_note.clear()
        self.month_table.clearSelection()

    def _warn(self, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, self.windowTitle(), text)

    def _confirm(self, text: str) -> bool:
        self.last_message = text
        return QMessageBox.question(self, self.windowTitle(), text) \
            == QMessageBox.StandardButton.Yes

    def _write(self, fn, *args, **kwargs) -> bool:
        """One write through the op runner; a refusal is told in this dialog's own words."""
        def failed(err: ServiceDeskError) -> bool:
            self._warn(error_text(err))
            return True
        done = self.ctx.ops.run(self, fn, *args, on_failure=failed, **kwargs) is not None
        self.changed = self.changed or done
        return done

    # -- annual averages --------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            change = self.change.value()
        except ValueError:
            self._warn(self.tr("The change is not a valid number."))
            return False
        if change is None:
            self._warn(self.tr("Type the change in percent (e.g. 1,6 or -0,3)."))
            return False
        existing = next((r for r in self._years if r.year == self.year.value()), None)
        if not self._write(istat.save_year, self.year.value(), change, self.published.value(),
                           self.note.text(),
                           expected_version=existing.version if existing else None):
            return False
        self.refresh(select_year=self.year.value())
        return True

    def delete(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._years):
            return
        year = self._years[row].year
        if not self._confirm(self.tr("Delete the figure of %1?").replace("%1", str(year))):
            return
        self._write(istat.delete_year, year)
        self.refresh()
        self._new_year()

    # -- months -----------------------------------------------------------------------------------
    def save_month(self) -> bool:
        try:
            change = self.m_change.value()
            index = self.m_index.value()
        except ValueError:
            self._warn(self.tr("The change or the index is not a valid number."))
            return False
        if change is None:
            self._warn(self.tr("Type the change over 12 months in percent (e.g. 1,1)."))
            return False
        key = (self.m_year.value(), self.m_month.value())
        existing = next((r for r in self._months if (r.year, r.month) == key), None)
        if not self._write(istat.save_month, key[0], key[1], change, index,
                           self.m_published.value(), self.m_note.text(),
                           expected_version=existing.version if existing else None):
            self.refresh()
            return False
        self.refresh(select_month=key)
        return True

    def delete_month(self) -> None:
        row = self.month_table.currentRow()
        if not 0 <= row < len(self._months):
            return
        r = self._months[row]
        if not self._confirm(self.tr("Delete the figure of %1?").replace(
                "%1", f"{r.month:02d}/{r.year}")):
            return
        self._write(istat.delete_month, r.year, r.month)
        self.refresh()
        self._new_month()

    # -- ISTAT's file -----------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import ISTAT FOI file"), "",
            self.tr("ISTAT FOI file (*.csv *.xlsx *.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, confirm: Callable[[str], bool] | None = None) -> bool:
        """Read ``path``, say what it would change, import on confirmation."""
        confirm = confirm or self._confirm
        try:
            parsed = istat_file.parse(path)
            plan = istat.plan_import(parsed)
        except ServiceDeskError as err:
            self._warn(error_text(err))
            return False
        if plan.writes == 0:
            self._warn(self.tr("%1: every figure in the file is already in the table.")
                       .replace("%1", path.name))
            return False
        text = (self.tr("%1 holds %2 monthly figures (%3 new, %4 changed; %5 changes computed "
                        "from the indices) and %6 annual averages (%7 new, %8 changed).")
                .replace("%1", path.name)
                .replace("%2", str(len(plan.months_new) + len(plan.months_changed)
                                   + plan.months_same))
                .replace("%3", str(len(plan.months_new)))
                .replace("%4", str(len(plan.months_changed)))
                .replace("%5", str(plan.computed))
                .replace("%6", str(len(plan.years_new) + len(plan.years_changed)
                                   + plan.years_same))
                .replace("%7", str(len(plan.years_new)))
                .replace("%8", str(len(plan.years_changed))))
        changed = [f"{f.month:02d}/{f.year}: {format_pct(old) if old is not None else '—'} → "
                   f"{format_pct(f.change_pct) if f.change_pct is not None else '—'}"
                   for f, old in plan.months_changed[:8]]
        changed += [f"{f.year}: {format_pct(old)} → {format_pct(f.change_pct)}"
                    for f, old in plan.years_changed[:4]]
        if changed:
            text += "\n\n" + self.tr("Figures that change:") + "\n" + "\n".join(changed)
        if not confirm(text + "\n\n" + self.tr("Import them?")):
            return False
        if not self._write(istat.import_figures, parsed, path.name):
            return False
        self.refresh()
        self.ctx.bus.status_message.emit(self.tr("ISTAT figures imported from %1.")
                                         .replace("%1", path.name))
        return True
