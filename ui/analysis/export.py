"""Excel export on a worker (ui/workers.py) with a progress dialog and cancel (R-ANA-3)."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from servicedesk import clock, context
from servicedesk.errors import ServiceDeskError
from servicedesk.export.excel import ExcelColumn, ExportCancelled, ExportError, write_xlsx
from servicedesk.queries.analysis import AnalysisQuery

from .. import fmt
from ..messages import error_text, register
from ..workers import JobControl, Worker


def _register_messages() -> None:
    register("export.no_folder", lambda p: QCoreApplication.translate(
        "Messages", "The folder of “{path}” does not exist.").format(**p))
    register("export.not_writable", lambda p: QCoreApplication.translate(
        "Messages", "Cannot write in the folder of “{path}”.").format(**p))
    register("export.is_directory", lambda p: QCoreApplication.translate(
        "Messages", "“{path}” is a folder, not a file.").format(**p))
    register("export.failed", lambda p: QCoreApplication.translate(
        "Messages", "The export to “{path}” failed: {reason}").format(
            path=p.get("path", ""), reason=p.get("reason", "")))
    register("analysis.min_above_max", lambda p: QCoreApplication.translate(
        "Messages", "The minimum is above the maximum."))
    register("saved_filter.name_taken", lambda p: QCoreApplication.translate(
        "Messages", "A saved filter named “{name}” already exists.").format(**p))


_register_messages()


@dataclass
class ExportJob:
    """What one export writes; :meth:`run` runs on a worker (ui/workers.py) and never touches
    a widget. ``cancel_event`` is the user's Cancel: the writer stops at its next chunk and
    removes the half-written file, and the job still ends normally (``ExportCancelled``), so
    the page hears that it stopped."""

    query: AnalysisQuery
    path: Path
    columns: list[ExcelColumn]
    sheet_title: str
    info_title: str
    info_rows: list[tuple[str, Any]]
    sort: tuple[str, bool] | None
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def run(self, control: JobControl) -> Any:
        try:
            total = self.query.count()
            return write_xlsx(
                self.path, sheet_title=self.sheet_title, columns=self.columns,
                rows=self.query.iter_rows(self.sort), total=total,
                info_title=self.info_title, info_rows=self.info_rows,
                progress=lambda done, n: control.progress(done, n or 0),
                cancelled=lambda: self.cancel_event.is_set() or control.cancelled)
        except (ExportCancelled, ServiceDeskError):
            raise
        except Exception as exc:  # noqa: BLE001 - shown to the user, the file is gone
            raise ExportError(str(exc), code="export.failed", path=str(self.path),
                              reason=str(exc)) from exc


def excel_columns(query: AnalysisQuery, headers: dict[str, str],
                  codes: dict[str, dict]) -> list[ExcelColumn]:
    return [ExcelColumn(headers.get(c.key, c.key), c.kind, c.width,
                        codes.get(c.codes) if c.codes else None) for c in query.columns]


class ExportController(QObject):
    """Starts an export job, shows its progress dialog and reports the outcome."""

    done = Signal(object)  # ExportResult, or None when cancelled/failed

    def __init__(self, *, ctx, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.job: ExportJob | None = None
        self.dialog: QProgressDialog | None = None
        self.worker = Worker(self, threaded=not getattr(ctx, "screenshot_mode", False))
        self.quiet = False  # tests: no message boxes

    def start(self, job: ExportJob) -> None:
        self.job = job
        dialog = QProgressDialog(
            QCoreApplication.translate("Analysis", "Exporting to Excel…"),
            QCoreApplication.translate("Analysis", "Cancel"), 0, 0, self.parent_widget)
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle(QCoreApplication.translate("Analysis", "Excel export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        self.worker.run(job.run, control=True, on_done=self._finished, on_error=self._ended,
                        on_progress=lambda done, total, _text: self._progress(done, total))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel_event.set()
            if self.dialog is not None:
                self.dialog.setLabelText(QCoreApplication.translate("Analysis", "Cancelling…"))

    def running(self) -> bool:
        return self.job is not None

    def _progress(self, done: int, total: Any) -> None:
        dialog = self.dialog
        if dialog is None or not total:
            return
        dialog.setMaximum(int(total))
        dialog.setLabelText(QCoreApplication.translate(
            "Analysis", "Exporting to Excel… {done} of {total} rows").format(
                done=fmt.number(done), total=fmt.number(int(total))))
        # Last: a modal progress dialog runs the event loop in setValue, where the job's
        # "finished" may arrive and close the dialog (found by the UI crawl, #12).
        dialog.setValue(min(done, int(total)))

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.job = None

    def _finished(self, result) -> None:
        self._close()
        self.ctx.bus.status_message.emit(QCoreApplication.translate(
            "Analysis", "Exported {rows} rows to {path}").format(rows=result.rows, path=result.path))
        self.done.emit(result)

    def _ended(self, err: BaseException) -> None:
        if isinstance(err, ExportCancelled):
            self._cancelled()
            return
        if not isinstance(err, ServiceDeskError):  # pragma: no cover - run() wraps the others
            err = ExportError(str(err), code="export.failed", path=str(self.job.path if self.job
                                                                      else ""), reason=str(err))
        self._failed(err)

    def _failed(self, err: ServiceDeskError) -> None:
        self._close()
        if not self.quiet:
            QMessageBox.warning(self.parent_widget,
                                QCoreApplication.translate("Analysis", "Excel export"),
                                error_text(err))
        self.done.emit(None)

    def _cancelled(self) -> None:
        self._close()
        self.ctx.bus.status_message.emit(QCoreApplication.translate(
            "Analysis", "Export cancelled: no file was written."))
        self.done.emit(None)


def info_rows(*, subject_title: str, rows: int, summary: list[tuple[str, str]]) -> list[tuple[str, Any]]:
    actor = context.current()
    who = actor.name if actor.operator_id is not None else QCoreApplication.translate("Analysis", "system")
    out: list[tuple[str, Any]] = [
        (QCoreApplication.translate("Analysis", "Subject"), subject_title),
        (QCoreApplication.translate("Analysis", "Exported on"), clock.now()),
        (QCoreApplication.translate("Analysis", "Exported by"), who),
        (QCoreApplication.translate("Analysis", "Rows"), rows),
    ]
    if summary:
        out += summary
    else:
        out.append((QCoreApplication.translate("Analysis", "Filters"), QCoreApplication.translate("Analysis", "none: all records")))
    return out
