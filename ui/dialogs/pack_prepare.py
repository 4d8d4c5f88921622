"""File › Laptop › Prepare pack…: an operator's pack for a period, with progress and cancel (#16)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from servicedesk import clock
from servicedesk.packs import export

from .. import fmt, messages
from ..pack_labels import counts_text
from ..workers import Worker
from ..interpreter import PaintsHoldingLock

SUFFIX = ".sdpack"


def _prepare(control, db, target: str, operator_id: int, **kwargs) -> export.ExportResult:
    return export.prepare_pack(db, target, operator_id, control=control, **kwargs)


class PackPrepareDialog(PaintsHoldingLock, QDialog):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_: export.ExportResult | None = None
        self.job = None
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self.setObjectName("packPrepareDialog")
        self.setWindowTitle(self.tr("Prepare a pack for the laptop"))
        self.operator = QComboBox()
        self.operator.setObjectName("packOperator")
        for op in ctx.lookups().operators:
            if op.active:
                self.operator.addItem(f"{op.full_name} ({op.username})", op.id)
        self.start = QDateEdit(QDate(clock.today().year, clock.today().month, clock.today().day))
        self.start.setObjectName("packStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("dd/MM/yyyy")
        self.days = QSpinBox()
        self.days.setObjectName("packDays")
        self.days.setRange(1, export.MAX_DAYS)
        self.days.setValue(export.DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.path = QLineEdit()
        self.path.setObjectName("packPath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.warning = QLabel()
        self.warning.setObjectName("packWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b45309;")
        self.progress = QProgressBar()
        self.progress.setObjectName("packProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setObjectName("packSummary")
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("Period"), self.days)
        form.addRow(self.tr("Pack file"), where)
        intro = QLabel(self.tr("The pack holds the operator's interventions of the period (and "
                               "those still open), their requests, customers, units and "
                               "contracts, the whole knowledge base and what is needed to merge "
                               "the work back. Amounts travel only if the operator's role may "
                               "see them."))
        intro.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.go = self.buttons.addButton(self.tr("Prepare"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setObjectName("packPrepareButton")
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.go.clicked.connect(self.prepare)
        self.cancel.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.operator.currentIndexChanged.connect(self._operator_changed)
        self.start.dateChanged.connect(self._default_path)
        self._operator_changed()
        self.resize(620, 400)

    # -- form ---------------------------------------------------------------------------------
    def _folder(self) -> Path:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        current = self.path.text().strip()
        if current:
            return Path(current).expanduser().parent
        return Path(docs) if docs and Path(docs).is_dir() else Path(self.ctx.db.info.path).parent

    def _default_path(self) -> None:
        op = self._operator()
        if op is None:
            return
        day = self.start.date().toPython()
        self.path.setText(str(self._folder() / f"{op.username}-{day:%Y-%m-%d}{SUFFIX}"))

    def _operator(self):
        op_id = self.operator.currentData()
        return self.ctx.lookups().operator(op_id) if op_id is not None else None

    def _operator_changed(self) -> None:
        self._default_path()
        op_id = self.operator.currentData()
        earlier = export.outstanding(op_id) if op_id is not None else []
        if earlier:
            first = earlier[0]
            self.warning.setText(self.tr(
                "Warning: a pack of this operator prepared on %1 has not been merged back yet "
                "(%2). Its work will still need to be merged; preparing a new one does not "
                "replace it.").replace("%1", fmt.datetime(first["prepared_at"]))
                .replace("%2", first["file_name"]))
        else:
            self.warning.setText("")
        self.warning.setVisible(bool(earlier))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Pack file"), self.path.text(),
                                              self.tr("ServiceDesk pack (*.sdpack)"))
        if path:
            self.path.setText(path if path.endswith(SUFFIX) else path + SUFFIX)

    # -- running --------------------------------------------------------------------------------
    def prepare(self) -> None:
        op_id = self.operator.currentData()
        target = self.path.text().strip()
        if op_id is None or not target:
            return
        self.go.setEnabled(False)
        self.summary.setText("")
        self.progress.setRange(0, 0)
        self.progress.show()
        start = self.start.date().toPython()
        self.job = self.worker.run(_prepare, self.ctx.db, target, op_id, start=start,
                                   days=self.days.value(), control=True, key="prepare",
                                   on_done=self._done, on_error=self._failed,
                                   on_progress=self._progressed)

    def _progressed(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _done(self, result: export.ExportResult) -> None:
        self.job = None
        self.result_ = result
        self.progress.hide()
        self.go.setEnabled(True)
        size = fmt.number(result.size_bytes / 1_000_000, 1)
        parts = {k: result.counts.get(k, 0) for k in ("intervention", "service_request", "party",
                                                       "unit", "kb_article")}
        money = self.tr("Amounts included.") if result.money else \
            self.tr("Amounts not included (the operator's role does not see them).")
        self.summary.setText(self.tr("Pack written: %1 (%2 MB, %3 s).\nIt holds %4. %5\n"
                                     "Open it on the laptop with ServiceDesk, then merge it back "
                                     "with File › Laptop › Merge pack….")
                             .replace("%1", str(result.path)).replace("%2", size)
                             .replace("%3", fmt.number(result.seconds, 1))
                             .replace("%4", counts_text(parts)).replace("%5", money))
        self.cancel.setText(self.tr("Close"))
        self._operator_changed()

    def _failed(self, err: BaseException) -> None:
        self.job = None
        self.progress.hide()
        self.go.setEnabled(True)
        from servicedesk.errors import ServiceDeskError

        if isinstance(err, ServiceDeskError):
            messages.show_error(self, err, self.tr("Pack not prepared"))
        else:
            raise err

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
            self.progress.hide()
            self.go.setEnabled(True)
            self.summary.setText(self.tr("Cancelled: no pack was written."))
            return
        self.reject()

    def done(self, code: int) -> None:  # noqa: D401 - Qt override: stop a running job first
        if self.job is not None:
            self.job.cancel()
        self.worker.wait(30_000)
        super().done(code)
