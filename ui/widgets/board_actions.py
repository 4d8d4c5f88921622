"""Board actions shared by the dock, the menu and the request panel: .ics export, sheet PDF/print."""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QMessageBox, QWidget)

from .. import fmt
from ..files import remember, suggested_path
from .board_common import fill_operators
from ..interpreter import PaintsHoldingLock


class IcsExportDialog(PaintsHoldingLock, QDialog):
    def __init__(self, *, lookups, operator_id: int | None, start: dt.date, end: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("icsExportDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Export schedule (.ics)"))
        self.operator = QComboBox()
        fill_operators(self.operator, lookups, selected=operator_id)
        self.start = QDateEdit(fmt.qdate(start))
        self.end = QDateEdit(fmt.qdate(end))
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy")
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Board", "Operator"), self.operator)
        form.addRow(QCoreApplication.translate("Board", "From"), self.start)
        form.addRow(QCoreApplication.translate("Board", "To"), self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def export_operator_ics(parent: QWidget, ctx, operator_id: int | None, start: dt.date, days: int) -> str | None:
    from servicedesk.export import ics

    end = start + dt.timedelta(days=max(days, 14) - 1)
    dialog = IcsExportDialog(lookups=ctx.lookups(), operator_id=operator_id or ctx.actor.operator_id,
                             start=start, end=end, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.operator.currentData() is None:
        return None
    a, b = fmt.pydate(dialog.start.date()), fmt.pydate(dialog.end.date())
    if b < a:
        QMessageBox.warning(parent, QCoreApplication.translate("Board", "Export schedule (.ics)"),
                            QCoreApplication.translate("Messages", "The end is before the start."))
        return None
    op = ctx.lookups().operator(dialog.operator.currentData())
    name = re.sub(r"[^\w.-]+", "_", op.full_name).strip("_") or QCoreApplication.translate("Board", "operator")
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Board", "Export schedule (.ics)"),
                                          suggested_path(ctx, "calendar", f"{name}-{a:%Y%m%d}.ics"),
                                          QCoreApplication.translate("Board", "Calendar files (*.ics)"))
    remember(ctx, "calendar", path)
    if not path:
        return None
    try:
        ics.write(path, ics.operator_calendar(op.id, a, b, ctx.lang))
    except OSError as err:
        QMessageBox.warning(parent, QCoreApplication.translate("Board", "Export schedule (.ics)"),
                            QCoreApplication.translate("Board", "Cannot write the file: {error}").format(error=err.strerror or str(err)))
        return None
    ctx.bus.status_message.emit(QCoreApplication.translate("Board", "Schedule exported to {path}").format(path=path))
    return path


def save_sheet_pdf(parent: QWidget, ctx, intervention_id: int) -> str | None:
    from ..printing.intervention_sheet import save_pdf

    name = QCoreApplication.translate("Board", "intervention-{id}.pdf").format(id=intervention_id)
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Board", "Save intervention sheet"),
                                          suggested_path(ctx, "sheet", name),
                                          QCoreApplication.translate("Board", "PDF files (*.pdf)"))
    remember(ctx, "sheet", path)
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    try:
        save_pdf(intervention_id, path, ctx.lang)
    except OSError as err:
        QMessageBox.warning(parent, QCoreApplication.translate("Board", "Save intervention sheet"),
                            QCoreApplication.translate("Board", "Cannot write the file: {error}").format(error=err.strerror or str(err)))
        return None
    ctx.bus.status_message.emit(QCoreApplication.translate("Board", "Intervention sheet saved to {path}").format(path=path))
    return path


def print_sheet(parent: QWidget, ctx, intervention_id: int) -> None:
    from ..printing.intervention_sheet import print_sheet as _print

    _print(parent, intervention_id, ctx.lang)
