"""The "Knowledge base" panel of the request editor: while the description is typed, the best
articles and similar past resolved requests; apply an article; add the request to the KB
(R-KB-2, R-REQ-4)."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from servicedesk.errors import ServiceDeskError
from servicedesk.permissions import Permission
from servicedesk.queries import request_form
from servicedesk.queries.kb import Suggestions, suggest
from servicedesk.search.index import INDEXED_STATUSES
from servicedesk.services import kb

from .. import fmt
from ..messages import show_error
from ..workers import Worker
from .kb_hit import marked

DEBOUNCE_MS = 300


def _find(text: str, products: list[int], units: list[int],
          request_id: int | None) -> tuple[Suggestions, set[int]]:
    """The suggestions and the articles already applied to the request (on a worker)."""
    found = suggest(text, products, units, exclude_request_id=request_id)
    return found, (kb.applied_article_ids(request_id) if request_id else set())


class KbSuggestionsPanel(QWidget):
    """``set_request(editor)`` binds it to a request editor (see ui/extensions.py)."""

    def __init__(self, *, ctx, editor=None, parent: QWidget | None = None,
                 threaded: bool | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor = None
        self.setObjectName("kbSuggestionsPanel")
        self.suggestions = Suggestions()
        self.applied: set[int] = set()
        self.worker = Worker(self, threaded=not ctx.screenshot_mode if threaded is None
                             else threaded)

        self.status = QLabel()
        self.status.setObjectName("kbSuggestStatus")
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.copy_check = QCheckBox(self.tr("Copy the solution into the note when applying"))
        self.copy_check.setObjectName("kbCopySolution")
        self.copy_check.setChecked(True)
        self.add_button = QPushButton(self.tr("Add to knowledge base…"))
        self.add_button.setObjectName("kbAddFromRequest")
        self.add_button.setToolTip(self.tr("New article from this request's description and final report"))
        self.add_button.clicked.connect(self.add_to_kb)
        self.add_button.hide()
        self.list_host = QWidget()
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(6)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.list_host)
        self.scroll = scroll
        # A scroll area squeezes its content to the viewport's height and ignores how tall
        # wrapped text gets at its width: the cards would be cut to one line (#12).
        scroll.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        layout.addWidget(self.copy_check)
        layout.addWidget(scroll, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_query)
        ctx.bus.changes.connect(self._on_changes)
        if editor is not None:
            self.set_request(editor)
        else:
            self._render()

    # -- editor binding -------------------------------------------------------------------------
    def set_request(self, editor) -> None:
        if editor is not self.editor:
            if self.editor is not None:
                for sig, slot in self._connections():
                    try:
                        sig.disconnect(slot)
                    except (RuntimeError, TypeError):
                        pass
            self.editor = editor
            for sig, slot in self._connections():
                sig.connect(slot)
        self._update_add_button()
        self.schedule()

    def _connections(self):
        ed = self.editor
        out = [(ed.description_changed, self._on_text)]
        if hasattr(ed, "units_changed"):
            out.append((ed.units_changed, self.schedule))
        return out

    def _on_text(self, _text: str = "") -> None:
        self.schedule()

    def schedule(self) -> None:
        self._timer.start()

    def _on_changes(self, changes) -> None:
        if changes.touches("kb_article", "kb_application"):
            self.schedule()
        if changes.touches("service_request"):
            self._update_add_button()

    def _update_add_button(self) -> None:
        rid = getattr(self.editor, "request_id", None)
        status = request_form.request_status(rid) if rid is not None else None
        self.add_button.setVisible(status in INDEXED_STATUSES
                                   and self.ctx.actor.can(Permission.KB_EDIT))

    # -- query ----------------------------------------------------------------------------------
    def run_query(self) -> None:
        self._timer.stop()
        if self.editor is None:
            return
        text = self.editor.description_text()
        products = list(self.editor.product_ids()) if hasattr(self.editor, "product_ids") else []
        units = list(self.editor.unit_ids()) if hasattr(self.editor, "unit_ids") else []
        rid = getattr(self.editor, "request_id", None)
        if not text.strip():
            self.worker.run(lambda: None, key="suggest")  # drops an answer still on its way
            self._show_found((Suggestions(), set()))
            return
        self.status.setText(self.tr("Searching…"))
        self.worker.run(_find, text, products, units, rid, on_done=self._show_found,
                        on_error=self._failed, key="suggest")

    def _show_found(self, found: tuple[Suggestions, set[int]]) -> None:
        self.suggestions, self.applied = found
        self._render()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Suggestions unavailable: %1").replace("%1", str(exc)))

    def wait(self) -> None:
        """Let a running query finish and show it (tests, closing)."""
        from PySide6.QtCore import QCoreApplication

        self.worker.wait()
        QCoreApplication.processEvents()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self.scroll.viewport():
            self._fit_height()
        return False

    def _fit_later(self) -> None:
        # New cards are measured once their layout has settled (the next turn of the loop).
        QTimer.singleShot(0, self, self._fit_height)

    def _fit_height(self) -> None:
        """The cards as tall as their text needs at the width they get."""
        height = self.list_layout.totalHeightForWidth(self.scroll.viewport().width())
        if height < 0:  # nothing wraps (no cards): the plain minimum
            height = self.list_layout.totalMinimumSize().height()
        self.list_host.setMinimumHeight(height)

    # -- rendering ------------------------------------------------------------------------------
    def _clear(self) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _render(self) -> None:
        self._clear()
        s = self.suggestions
        if not s.articles and not s.requests:
            empty = self.editor is None or not self.editor.description_text().strip()
            self.status.setText(self.tr("Type the problem description: solutions already adopted "
                                        "for similar problems appear here.") if empty else
                                self.tr("No similar article or past request found."))
            self.list_layout.addStretch(1)
            self._fit_later()
            return
        self.status.setText(self.tr("%1 articles, %2 similar resolved requests")
                            .replace("%1", str(len(s.articles))).replace("%2", str(len(s.requests))))
        applied = self.applied
        if s.articles:
            self.list_layout.addWidget(self._heading(self.tr("Knowledge base")))
            for hit in s.articles:
                self.list_layout.addWidget(self._article_card(hit, hit.id in applied))
        if s.requests:
            self.list_layout.addWidget(self._heading(self.tr("Similar resolved requests")))
            for hit in s.requests:
                self.list_layout.addWidget(self._request_card(hit))
        self.list_layout.addStretch(1)
        self._fit_later()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight:bold; color:#1f2a3a; margin-top:4px;")
        return label

    def _card(self) -> tuple[QFrame, QVBoxLayout]:
        frame = QFrame()
        frame.setObjectName("kbCard")
        frame.setStyleSheet("QFrame#kbCard { background:#ffffff; border:1px solid #dde2ea; "
                            "border-radius:6px; }")
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(3)
        return frame, lay

    def _rich(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _article_card(self, hit, applied: bool) -> QFrame:
        frame, lay = self._card()
        frame.setProperty("article_id", hit.id)
        badges = []
        if hit.same_product:
            badges.append(self.tr("same product"))
        if hit.applied_count:
            badges.append(self.tr("solved %1 times").replace("%1", str(hit.applied_count)))
        meta = " · ".join([x for x in (hit.product_name or hit.family,) if x] + badges)
        lay.addWidget(self._rich(f'<b>{marked(hit.title_html)}</b>'
                                 f'<br><span style="color:#6b7280;">{html.escape(meta)}</span>'
                                 f'<br>{marked(hit.snippet_html)}'))
        row = QHBoxLayout()
        row.addStretch(1)
        open_btn = QPushButton(self.tr("Open"))
        open_btn.clicked.connect(lambda: self.ctx.bus.open_article.emit(hit.id))
        apply_btn = QPushButton(self.tr("Applied") if applied else self.tr("Apply"))
        apply_btn.setObjectName("kbApply")
        apply_btn.setEnabled(not applied and self.ctx.actor.can(Permission.REQUEST_NOTE))
        apply_btn.setToolTip(self.tr("Link this article to the request (counted as a solution)"))
        apply_btn.clicked.connect(lambda: self.apply(hit.id))
        row.addWidget(open_btn)
        row.addWidget(apply_btn)
        lay.addLayout(row)
        return frame

    def _request_card(self, hit) -> QFrame:
        frame, lay = self._card()
        frame.setProperty("request_id", hit.id)
        badges = [fmt.date(hit.resolved_at.date()) if hasattr(hit.resolved_at, "date") else ""]
        if hit.same_unit:
            badges.append(self.tr("same serial number"))
        elif hit.same_product:
            badges.append(self.tr("same product"))
        head = " · ".join(x for x in [hit.number, hit.customer, *badges] if x)
        report = self.tr("Final report:")
        lay.addWidget(self._rich(f'<b>{html.escape(head)}</b><br>{marked(hit.snippet_html)}'
                                 f'<br><span style="color:#047857;">{html.escape(report)}</span> '
                                 f'{marked(hit.report_html)}'))
        row = QHBoxLayout()
        row.addStretch(1)
        copy_btn = QPushButton(self.tr("Copy report to note"))
        copy_btn.clicked.connect(lambda: self._append_note(f"[{hit.number}] {hit.final_report}"))
        open_btn = QPushButton(self.tr("Open request"))
        open_btn.clicked.connect(lambda: self.ctx.bus.open_request.emit(hit.id))
        row.addWidget(copy_btn)
        row.addWidget(open_btn)
        lay.addLayout(row)
        return frame

    # -- actions ---------------------------------------------------------------------------------
    def _append_note(self, text: str) -> None:
        if self.editor is not None and hasattr(self.editor, "append_note"):
            self.editor.append_note(text)

    def apply(self, article_id: int) -> bool:
        """Link the article to the request (counted) and optionally copy its solution."""
        rid = getattr(self.editor, "request_id", None)
        note = request_form.article_solution_note(article_id)
        if note is None:
            self.schedule()
            return False
        if rid is None:
            # A new request is not in the database yet: copy the solution, link after saving.
            self._append_note(note)
            self.ctx.bus.status_message.emit(
                self.tr("Solution copied. Save the request, then apply the article to count it."))
            return False
        if self.ctx.ops.run(self, kb.apply_article, article_id, rid) is None:
            return False
        if self.copy_check.isChecked():
            self._append_note(note)
        self.applied = self.applied | {article_id}
        self._render()
        return True

    def add_to_kb(self) -> None:
        rid = getattr(self.editor, "request_id", None)
        if rid is None:
            return
        try:
            draft = kb.draft_from_request(rid)
        except ServiceDeskError as err:
            show_error(self, err)
            return
        from ..dialogs.kb_article_editor import KbArticleEditor

        dialog = KbArticleEditor(ctx=self.ctx, draft=draft, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_dialog = dialog
