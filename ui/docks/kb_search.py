"""The KB search dock: search as you type, ranked hits with highlighted snippets, filters,
new / open / archive articles (R-KB-1).

The search runs on a worker (ui/workers.py; an answer to an older text is dropped), archiving
goes through ``ctx.ops`` with the version stored, and the list follows change sets of articles,
their applications and products.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from servicedesk.permissions import Permission
from servicedesk.queries import kb as kbq
from servicedesk.queries.kb import KbFilter, families
from servicedesk.services import kb
from servicedesk.uow import ChangeSet

from ..widgets.kb_hit import KbHitLabel
from ..workers import Worker

DEBOUNCE_MS = 200
#: What the list shows: a change to any of these tables refreshes it.
TABLES = ("kb_article", "kb_application", "product", "problem_type")


def _search_job(spec: KbFilter) -> tuple[list[kbq.ArticleHit], int | None]:
    """The hits, and how many articles there are when no text is typed (the count line)."""
    hits = kbq.search(spec)
    total = None if spec.text.strip() else kbq.count_articles(archived=spec.archived)
    return hits, total


class KbSearchPanel(QWidget):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("kbSearchPanel")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("kbSearchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Describe the problem: e.g. boiler E01 no flame"))
        self.family_combo = QComboBox()
        self.family_combo.setObjectName("kbFamilyFilter")
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("kbTypeFilter")
        for combo in (self.family_combo, self.type_combo):
            # long family / type names must not widen the whole right dock area
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.archived_check = QCheckBox(self.tr("Archived"))
        self.archived_check.setObjectName("kbArchivedFilter")
        self.archived_check.setToolTip(self.tr("Show archived articles instead"))
        self.results = QListWidget()
        self.results.setObjectName("kbResults")
        self.results.setAlternatingRowColors(True)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.viewport().installEventFilter(self)
        # a light selection keeps the grey details and the highlights readable
        self.results.setStyleSheet("QListWidget#kbResults::item:selected { background: #dbe7fb; }")
        self.count_label = QLabel()
        self.count_label.setObjectName("kbCount")
        self.count_label.setProperty("role", "hint")
        self.new_button = QPushButton(self.tr("New article"))
        self.new_button.setObjectName("kbNew")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("kbOpen")
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setObjectName("kbArchiveSelected")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_edit)
        filters = QHBoxLayout()
        filters.addWidget(self.family_combo, 1)
        filters.addWidget(self.type_combo, 1)
        filters.addWidget(self.archived_check)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.archive_button)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self.refresh)
        self.family_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.type_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.archived_check.toggled.connect(self._archived_toggled)
        self.results.itemActivated.connect(lambda item: self.open_article(item.data(Qt.ItemDataRole.UserRole)))
        self.results.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.new_button.clicked.connect(self.new_article)
        self.open_button.clicked.connect(lambda: self.open_article(self.current_id()))
        self.archive_button.clicked.connect(self.archive_selected)
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        ctx.bus.changes.connect(self._on_changes)
        self.hits = []
        self._fill_filters()
        # The first search (and the stemmer it loads) waits until the panel is seen: at start
        # the panel is usually collapsed or behind another tab (#18). Screenshots: at once.
        self._first_pending = True
        if ctx.screenshot_mode:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._first_pending:
            self.refresh()

    # -- filters ------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        current_family = self.family_combo.currentData()
        self.family_combo.blockSignals(True)
        self.family_combo.clear()
        self.family_combo.addItem(self.tr("All families"), "")
        for family in families():
            self.family_combo.addItem(family, family)
        self.family_combo.setCurrentIndex(max(0, self.family_combo.findData(current_family or "")))
        self.family_combo.blockSignals(False)
        if self.type_combo.count() == 0:
            self.type_combo.blockSignals(True)
            self.type_combo.addItem(self.tr("All problem types"), None)
            for pt in self.ctx.lookups().open_problem_types():
                self.type_combo.addItem(pt.name(self.ctx.lang), pt.id)
            self.type_combo.blockSignals(False)

    def spec(self) -> KbFilter:
        return KbFilter(text=self.search_edit.text(), family=self.family_combo.currentData() or "",
                        problem_type_id=self.type_combo.currentData(),
                        archived=self.archived_check.isChecked(), typing=True, limit=30)

    def _archived_toggled(self, on: bool) -> None:
        self.archive_button.setText(self.tr("Restore") if on else self.tr("Archive"))
        self.refresh()

    # -- results ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Search again (on a worker: ranking a long text takes a moment on a big KB)."""
        self._first_pending = False
        self._timer.stop()
        spec = self.spec()
        self.worker.run(_search_job, spec, key="search",
                        on_done=lambda answer: self._show(spec, *answer),
                        on_error=lambda err: self.ctx.bus.status_message.emit(str(err)))

    def _show(self, spec: KbFilter, hits: list[kbq.ArticleHit], total: int | None) -> None:
        current = self.current_id()
        self.hits = hits
        types = {self.type_combo.itemData(i): self.type_combo.itemText(i)
                 for i in range(1, self.type_combo.count())}
        self.results.clear()
        for hit in self.hits:
            meta = [x for x in (hit.product_name or hit.family, types.get(hit.problem_type_id, ""))
                    if x]
            if hit.applied_count:
                meta.append(self.tr("applied %1×").replace("%1", str(hit.applied_count)))
            label = KbHitLabel(hit.title_html, " · ".join(meta), hit.snippet_html)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            item.setToolTip(hit.title)
            width = self._hit_width()
            label.setFixedWidth(width)
            item.setSizeHint(QSize(width, label.heightForWidth(width) + 4))
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self._fit_hits()  # the scroll bar may have come while the hits were added
        if self.hits:
            ids = [h.id for h in self.hits]
            self.results.setCurrentRow(ids.index(current) if current in ids else 0)
        if total is not None:
            self.count_label.setText(self.tr("%1 articles; type to search").replace("%1", str(total))
                                     if not spec.archived else
                                     self.tr("%1 archived articles").replace("%1", str(total)))
        elif self.hits:
            self.count_label.setText(self.tr("%1 best matches").replace("%1", str(len(self.hits))))
        else:
            self.count_label.setText(self.tr("No article matches: try other words or fewer filters"))
        self._update_buttons()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_hits()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        # The list's viewport narrows without the panel resizing when its scroll bar appears:
        # the hits must follow it or their right edge and last line are cut (#12).
        if watched is self.results.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_hits()
        return False

    def _hit_width(self) -> int:
        return max(80, self.results.viewport().width() - 4)

    def _fit_hits(self) -> None:
        width = self._hit_width()
        for i in range(self.results.count()):
            item = self.results.item(i)
            label = self.results.itemWidget(item)
            if label is not None and label.width() != width:
                label.setFixedWidth(width)
                item.setSizeHint(QSize(width, label.heightForWidth(width) + 4))

    def current_id(self) -> int | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        can_edit = self.ctx.actor.can(Permission.KB_EDIT)
        selected = self.current_id() is not None
        self.new_button.setVisible(can_edit)
        self.archive_button.setVisible(can_edit)
        self.open_button.setEnabled(selected)
        self.archive_button.setEnabled(selected)

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*TABLES):
            if changes.touches("problem_type"):
                self.type_combo.blockSignals(True)
                self.type_combo.clear()  # filled again from the fresh lookups
                self.type_combo.blockSignals(False)
            self._fill_filters()
            self.refresh()

    # -- actions ------------------------------------------------------------------------------
    def open_article(self, article_id: int | None) -> None:
        if article_id is not None:
            self.ctx.bus.open_article.emit(article_id)

    def new_article(self) -> None:
        from ..dialogs.kb_article_editor import KbArticleEditor

        editor = KbArticleEditor(ctx=self.ctx, parent=self.window())
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.title_edit.setText(self.search_edit.text().strip()[:200])
        editor.show()

    def archive_selected(self) -> None:
        """Archive the selected article, or restore it in the archived list."""
        article_id = self.current_id()
        if article_id is None:
            return
        article = kbq.article(article_id)
        if article is None:
            self.refresh()
            return
        restore = article.archived

        def done(_article) -> None:
            self.ctx.bus.status_message.emit(
                self.tr("Article restored.") if restore else
                self.tr("Article archived: tick “Archived” to find it again."))

        self.ctx.ops.run(self, kb.set_archived, article_id, article.version, not restore,
                         on_success=done, on_conflict=lambda _err: self.refresh())
