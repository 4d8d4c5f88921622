"""Import wizard: file and kind → column mapping → preview with every row checked → import
(all or nothing) with the report of refused rows (R-SER-1)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QApplication, QComboBox, QFileDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage)

from servicedesk.errors import ServiceDeskError
from servicedesk.services import imports

from ..models.paged import Column
from ..widgets.party_rows import RowList, errors_text, make_table
from ..widgets.unit_page import unit_labels
from ..interpreter import PaintsHoldingLock


def kind_names() -> dict[str, str]:
    return {"customers": QCoreApplication.translate("Registry", "Customers and suppliers"),
            "contacts": QCoreApplication.translate("Registry", "Contacts of customers"),
            "products": QCoreApplication.translate("Registry", "Products"),
            "units": QCoreApplication.translate("Registry", "Units (serial numbers)")}


def target_labels() -> dict[str, str]:
    labels = unit_labels()
    labels.update({"party_code": QCoreApplication.translate("Registry", "Customer code"),
                   "party_vat": QCoreApplication.translate("Registry", "Customer VAT number"),
                   "owner_code": QCoreApplication.translate("Registry", "Customer code"),
                   "owner_vat": QCoreApplication.translate("Registry", "Customer VAT number"),
                   "product_code": QCoreApplication.translate("Registry", "Product code"),
                   "product_name": QCoreApplication.translate("Registry", "Product name (creates the product)"),
                   "is_supplier": QCoreApplication.translate("Registry", "Supplier (yes/no)"),
                   "receives_notices": QCoreApplication.translate("Registry", "Receives notices (yes/no)"),
                   "notes": QCoreApplication.translate("Registry", "Notes"), "code": QCoreApplication.translate("Registry", "Code")})
    return labels


def action_names() -> dict[str, str]:
    return {"create": QCoreApplication.translate("Registry", "new"), "update": QCoreApplication.translate("Registry", "update"),
            "refused": QCoreApplication.translate("Registry", "refused")}


@dataclass(frozen=True)
class PreviewRow:
    id: int  # the row of the file
    result: str
    key: str
    why: str
    notes: str
    refused: bool


class FilePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(QCoreApplication.translate("Registry", "What to import"))
        self.setSubTitle(QCoreApplication.translate("Registry", "An Excel (.xlsx) or CSV file whose first row holds the column names."))
        form = QFormLayout(self)
        self.kind = QComboBox()
        for key, name in kind_names().items():
            self.kind.addItem(name, key)
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.textChanged.connect(self._path_changed)
        browse = QPushButton(QCoreApplication.translate("Registry", "Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.sheet = QComboBox()
        self.hint = QLabel(QCoreApplication.translate("Registry", "Import customers first, then contacts, products and units: contacts and units refer to customers by VAT number or code. Running the same file again updates what it imported."))
        self.hint.setWordWrap(True)
        form.addRow(QCoreApplication.translate("Registry", "Import"), self.kind)
        form.addRow(QCoreApplication.translate("Registry", "File"), row)
        form.addRow(QCoreApplication.translate("Registry", "Sheet"), self.sheet)
        form.addRow(self.hint)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("Registry", "Choose the file to import"), "",
            QCoreApplication.translate("Registry", "Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path:
            self.path.setText(path)

    def _path_changed(self, text: str) -> None:
        self.sheet.clear()
        path = Path(text)
        if path.suffix.lower() == ".xlsx" and path.is_file():
            try:
                for name in imports.sheet_names(path):
                    self.sheet.addItem(name, name)
            except ServiceDeskError:
                pass
        self.sheet.setEnabled(self.sheet.count() > 1)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return Path(self.path.text()).is_file()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        try:
            headers = imports.read_headers(self.path.text(), self.sheet.currentData())
        except ServiceDeskError as err:
            QMessageBox.warning(self, QCoreApplication.translate("Registry", "Import"),
                                errors_text(err, {}))
            return False
        self.w.headers = headers
        self.w.kind = self.kind.currentData()
        self.w.path = self.path.text()
        self.w.sheet = self.sheet.currentData()
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(QCoreApplication.translate("Registry", "Columns"))
        self.setSubTitle(QCoreApplication.translate("Registry", "Which column of the file goes into which field. Fields marked * are needed."))
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.box = QWidget()
        self.grid = QGridLayout(self.box)
        scroll.setWidget(self.box)
        outer.addWidget(scroll)
        self.combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.combos.clear()
        labels = target_labels()
        guess = imports.guess_mapping(self.w.kind, self.w.headers)
        required = imports.REQUIRED[self.w.kind]
        for r, target in enumerate(imports.TARGETS[self.w.kind]):
            label = labels.get(target, target) + (" *" if target in required else "")
            combo = QComboBox()
            combo.setObjectName(f"importMap_{target}")
            combo.addItem(QCoreApplication.translate("Registry", "(not imported)"), None)
            for i, header in enumerate(self.w.headers):
                combo.addItem(header or QCoreApplication.translate("Registry", "column {n}").format(n=i + 1), i)
            index = combo.findData(guess.get(target))
            combo.setCurrentIndex(index if target in guess and index >= 0 else 0)
            self.grid.addWidget(QLabel(label), r, 0)
            self.grid.addWidget(combo, r, 1)
            self.combos[target] = combo
        self.grid.setColumnStretch(1, 1)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self.w.mapping = {t: c.currentData() for t, c in self.combos.items()
                          if c.currentData() is not None}
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(QCoreApplication.translate("Registry", "Check"))
        self.setSubTitle(QCoreApplication.translate("Registry", "Every row has been checked; nothing is written yet. If any row is refused, nothing is imported: correct the file and try again."))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowList([
            Column("row", lambda: QCoreApplication.translate("Registry", "Row"), lambda r: str(r.id)),
            Column("result", lambda: QCoreApplication.translate("Registry", "Result"), lambda r: r.result),
            Column("key", lambda: QCoreApplication.translate("Registry", "Key"), lambda r: r.key),
            Column("why", lambda: QCoreApplication.translate("Registry", "Why refused"), lambda r: r.why),
            Column("notes", lambda: QCoreApplication.translate("Registry", "Notes"), lambda r: r.notes)],
            self, colour=lambda r: QColor("#b91c1c") if r.refused else None)
        self.view = make_table(self.model, (60, 90, 180, 260), name="importPreview")
        layout.addWidget(self.view, 1)
        self.only_refused = QPushButton(QCoreApplication.translate("Registry", "Copy refused rows"))
        self.only_refused.clicked.connect(self._copy)
        layout.addWidget(self.only_refused, 0, Qt.AlignmentFlag.AlignLeft)
        self.report = None

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.report = imports.validate(self.w.path, self.w.kind, self.w.mapping, sheet=self.w.sheet)
        except ServiceDeskError as err:
            self.report = None
            self.summary.setText(errors_text(err, target_labels()))
            self.model.set_rows([])
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._show(self.report)

    def _show(self, report) -> None:
        labels = target_labels()
        names = action_names()
        rows = []
        # refused rows first, then rows with notes (filled from merged cells), then the rest
        ordered = report.refused + [r for r in report.rows if r.action != "refused" and r.notes] \
            + [r for r in report.rows if r.action != "refused" and not r.notes][:500]
        for r in ordered:
            why = "; ".join(errors_text(imports.ValidationError([e]), labels) for e in r.errors)
            notes = "; ".join(errors_text(imports.ValidationError([e]), labels) for e in r.notes)
            rows.append(PreviewRow(r.row, names.get(r.action, r.action), r.key, why, notes,
                                   r.action == "refused"))
        self.model.set_rows(rows)
        text = QCoreApplication.translate("Registry", "{total} rows: {new} new, {upd} to update, {bad} refused.").format(
            total=len(report.rows), new=report.count("create"), upd=report.count("update"),
            bad=len(report.refused))
        if report.noted:
            text += " " + QCoreApplication.translate(
                "Registry", "{n} rows take a value from a cell merged over several rows: see Notes.").format(
                n=len(report.noted))
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.report is not None and self.report.ok and bool(self.report.rows)

    def _copy(self) -> None:
        if self.report is None:
            return
        labels = target_labels()
        lines = [f"{r.row}\t{r.key}\t" + "; ".join(errors_text(imports.ValidationError([e]), labels)
                                                   for e in r.errors) for r in self.report.refused]
        QApplication.clipboard().setText("\n".join(lines))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        def refused(err: ServiceDeskError) -> bool:
            QMessageBox.warning(self, QCoreApplication.translate("Registry", "Import"),
                                errors_text(err, target_labels()))
            return True

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # one unit of work: all rows or none, published as one change set
            outcome = self.w.ctx.ops.run(self, functools.partial(
                imports.run_import, self.w.path, self.w.kind, self.w.mapping, sheet=self.w.sheet),
                on_failure=refused)
        finally:
            QApplication.restoreOverrideCursor()
        if outcome is None:
            return False
        report = outcome.result
        if not report.written:
            self.report = report
            self._show(report)  # the data changed since the check: show why
            return False
        self.w.result = report
        return True


class ImportWizard(PaintsHoldingLock, QWizard):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.ctx = ctx
        self.setWindowTitle(QCoreApplication.translate("Registry", "Import from a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.headers: list[str] = []
        self.kind = "customers"
        self.path = ""
        self.sheet = None
        self.mapping: dict[str, int] = {}
        self.result = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.addPage(self.file_page)
        self.addPage(self.mapping_page)
        self.addPage(self.preview_page)
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           QCoreApplication.translate("Registry", "Import"))
        self.resize(760, 560)

    def accept(self) -> None:
        super().accept()
        if self.result is not None:
            self.ctx.bus.status_message.emit(QCoreApplication.translate(
                "Registry", "Imported: {new} new, {upd} updated.").format(
                new=self.result.count("create"), upd=self.result.count("update")))
