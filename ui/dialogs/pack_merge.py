"""File › Laptop › Merge pack…: check the pack (dry run), review conflicts, merge (#16)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout,
                               QWidget)

from servicedesk.errors import ServiceDeskError
from servicedesk.packs.merge import MergeReport, merge_pack

from .. import fmt, messages
from ..pack_labels import counts_text, table_name
from ..workers import Worker
from .pack_review import PackReviewDialog
from ..interpreter import PaintsHoldingLock


class PackMergeDialog(PaintsHoldingLock, QDialog):
    """Choose a pack, see what would come back, decide the conflicts, merge."""

    def __init__(self, *, ctx, path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: MergeReport | None = None
        self.decisions: dict[tuple[str, str, str], str] = {}
        self.new_round = False
        self.merged: MergeReport | None = None
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self.setObjectName("packMergeDialog")
        self.setWindowTitle(self.tr("Merge a pack from the laptop"))
        self.path = QLineEdit(path)
        self.path.setObjectName("packMergePath")
        self.path.setPlaceholderText(self.tr("The pack file brought back from the laptop"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("packCheck")
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(self.check_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("packMergeSummary")
        self.summary.setReadOnly(True)
        self.buttons = QDialogButtonBox()
        self.review_button = self.buttons.addButton(self.tr("Review conflicts…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.review_button.setObjectName("packReview")
        self.round_button = self.buttons.addButton(self.tr("Merge as a new round"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.round_button.setObjectName("packNewRound")
        self.merge_button = self.buttons.addButton(self.tr("Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("packMerge")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.review_button.clicked.connect(self.review)
        self.round_button.clicked.connect(self._new_round)
        self.merge_button.clicked.connect(self.merge)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Pack file")))
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 460)
        self._buttons()
        if path:
            self.check()

    # -- steps ----------------------------------------------------------------------------------
    def _browse(self) -> None:
        start = self.path.text() or str(Path(self.ctx.db.info.path).parent)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pack file"), start,
                                              self.tr("ServiceDesk pack (*.sdpack);;All files (*)"))
        if path:
            self.path.setText(path)
            self.new_round = False
            self.check()

    def check(self) -> None:
        """The dry run: what would come back, which conflicts."""
        if not self.path.text().strip():
            return
        self.report, self.merged = None, None
        self._busy(True)
        self.worker.run(merge_pack, self.path.text().strip(), decisions=self.decisions,
                        dry_run=True, new_round=self.new_round, key="merge",
                        on_done=self._checked, on_error=self._failed)

    def _checked(self, report: MergeReport) -> None:
        self._busy(False)
        self.report = report
        self.summary.setPlainText(self._describe(report))
        self._buttons()

    def review(self) -> bool:
        if self.report is None or not self.report.conflicts:
            return True
        for c in self.report.conflicts:
            c.decision = self.decisions.get(c.key)
        dialog = PackReviewDialog(self.report.conflicts, operator=self.report.operator_name,
                                  parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.decisions.update(dialog.decisions())
        self.summary.setPlainText(self._describe(self.report))
        self._buttons()
        return True

    def merge(self) -> None:
        if self.report is None:
            return
        if any(c.key not in self.decisions for c in self.report.conflicts) and not self.review():
            return
        self._busy(True)
        self.worker.run(merge_pack, self.path.text().strip(), decisions=dict(self.decisions),
                        new_round=self.new_round, key="merge", on_done=self._merged,
                        on_error=self._failed)

    def _merged(self, report: MergeReport) -> None:
        self._busy(False)
        if not report.applied and not report.already_merged:
            # the office changed meanwhile: new conflicts to decide
            self.report = report
            self.summary.setPlainText(self._describe(report))
            self._buttons()
            self.review()
            return
        self.merged = self.report = report
        self.summary.setPlainText(self._describe(report))
        self._buttons()
        self.ctx.bus.status_message.emit(self.tr("Pack of %1 merged.")
                                         .replace("%1", report.operator_name))

    def _new_round(self) -> None:
        self.new_round = True
        self.check()

    def _failed(self, err: BaseException) -> None:
        self._busy(False)
        if not isinstance(err, ServiceDeskError):
            raise err
        self.report = None
        self.refused = err
        text = messages.error_text(err)
        self.summary.setPlainText(self.tr("Refused, nothing was changed:") + "\n" + text)
        self.round_button.setVisible(err.code == "packs.edited_after_merge")
        self.merge_button.setEnabled(False)
        self.review_button.setEnabled(False)

    # -- display --------------------------------------------------------------------------------
    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.check_button.setEnabled(not on)
        self.merge_button.setEnabled(False if on else self.merge_button.isEnabled())

    def _buttons(self) -> None:
        r = self.report
        self.round_button.setVisible(False)
        done = self.merged is not None or (r is not None and r.already_merged)
        self.merge_button.setEnabled(r is not None and not done)
        self.review_button.setEnabled(r is not None and bool(r.conflicts) and not done)
        left = 0 if r is None else sum(1 for c in r.conflicts if c.key not in self.decisions)
        self.review_button.setText(self.tr("Review conflicts (%1 to decide)…")
                                   .replace("%1", str(left)) if left
                                   else self.tr("Review conflicts…"))

    def _describe(self, r: MergeReport) -> str:
        lines = [self.tr("Pack of %1, round %2.").replace("%1", r.operator_name)
                 .replace("%2", str(r.round))]
        if r.already_merged:
            lines.append(self.tr("Already merged: nothing to do."))
            return "\n".join(lines)
        head = self.tr("Merged:") if r.applied else self.tr("Will come back:")
        created = counts_text(dict(r.created))
        updated = counts_text(dict(r.updated))
        deleted = counts_text(dict(r.deleted))
        lines.append(head)
        lines.append("  " + self.tr("new: %1").replace("%1", created or "—"))
        lines.append("  " + self.tr("changed: %1").replace("%1", updated or "—"))
        lines.append("  " + self.tr("deleted: %1").replace("%1", deleted or "—"))
        if r.numbers:
            lines.append(self.tr("Provisional numbers:") if not r.applied
                         else self.tr("Numbers given:"))
            for table, tmp, real in r.numbers:
                lines.append(f"  {table_name(table)} {tmp}" + (f" → {real}" if real else ""))
        if r.linked:
            lines.append(self.tr("Already in the office, linked instead of copied:"))
            lines += [f"  {table_name(t)} {label}" for t, label in r.linked]
        if r.dropped:
            lines.append(self.tr("Not merged:"))
            lines += [f"  {table_name(t)} {label}: {why}" for t, label, why in r.dropped]
        if r.conflicts:
            decided = sum(1 for c in r.conflicts if c.key in self.decisions or c.decision)
            lines.append(self.tr("Conflicts: %1 (%2 decided).").replace("%1", str(len(r.conflicts)))
                         .replace("%2", str(decided)))
        else:
            lines.append(self.tr("No conflicts."))
        if r.ignored:
            lines.append(self.tr("Changes to office data not taken (contracts, operators, "
                                 "reference lists): %1").replace("%1", str(sum(r.ignored.values()))))
        if r.applied:
            lines.append(self.tr("Done in %1 s.").replace("%1", fmt.number(r.seconds, 1)))
        return "\n".join(lines)

    def done(self, code: int) -> None:  # noqa: D401 - Qt override: wait for a running merge
        self.worker.wait(60_000)
        super().done(code)
