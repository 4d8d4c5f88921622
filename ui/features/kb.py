"""Knowledge base feature: the KB search dock, the article editor, the request-editor panel
with suggestions, and keeping the search index in step with the database (R-KB-1, R-KB-2)."""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction

from ..extensions import RequestPanel, register_request_panel
from ..messages import register
from ..workers import JobControl, Worker

ORDER = 60  # after contracts (50): the KB dock is tabified with the contract editor


def _register_messages() -> None:
    register("kb.archived", lambda p: QCoreApplication.translate(
        "Messages", "This article is archived: restore it before applying it."))
    register("kb.request_not_resolved", lambda p: QCoreApplication.translate(
        "Messages", "Request {number} is not resolved yet: add it to the knowledge base once it "
                    "has a final report.").format(**p))


def _index():
    """The search index module, imported when first used (not at start-up: #18)."""
    from servicedesk.search import index

    return index


def _build_indexes(control: JobControl):
    """An empty or outdated index built whole (minutes on 200,000 requests), with progress."""
    return _index().ensure_indexes(progress=lambda done, total: control.progress(done, total))


def _rebuild_indexes() -> None:
    _index().rebuild_article_index()
    _index().sync_request_index()


def _preload_lexicon() -> None:
    """The Italian word list of the typo check, loaded now rather than at the first search."""
    from servicedesk.search import lexicon

    lexicon.preload()


class KbIndexKeeper(QObject):
    """Detects an empty/outdated index on open and catches up after request changes; every
    build runs on a worker (ui/workers.py), its progress in the status bar."""

    PROGRESS_AFTER_S = 1.0  # a build that ends sooner shows no percentage
    done = Signal(object)  # the build's result (an IndexStatus, or the exception)

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # one thread: builds and catch-ups never overlap (inline for screenshots and the crawl)
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(3000)
        self.timer.timeout.connect(self.catch_up)
        self._started = 0.0

    def start(self) -> None:
        if self.ctx.screenshot_mode:  # screenshots and tests: synchronous
            if not _index().index_status().ok:
                _index().ensure_indexes()
            return
        # After the start-up, on the worker: the first screen needs neither the check (a
        # query, 10-15 ms on the GUI thread) nor the word list.
        self.ctx.after_start(lambda: self.worker.run(lambda: _index().index_status(),
                                                     on_done=self._checked, on_error=self._done))

    def _checked(self, status) -> None:
        if status.ok:
            self.worker.run(_preload_lexicon, on_error=lambda _e: None)
            self.timer.start()  # requests resolved by older versions / other programs
            return
        self.ctx.bus.status_message.emit(QCoreApplication.translate(
            "KbFeature", "Building the knowledge base search index…"))
        self._started = time.monotonic()
        self.worker.run(_build_indexes, control=True, key="index", on_progress=self._progress,
                        on_done=self._done, on_error=self._done)
        self.worker.run(_preload_lexicon, on_error=lambda _e: None)

    def catch_up(self) -> None:
        """Index the requests resolved since the last time (a few, usually)."""
        self.worker.run(lambda: _index().sync_request_index(), key="sync", on_done=self._done,
                        on_error=self._done)

    def rebuild(self) -> None:
        """Tools › Rebuild: every article and request indexed again, off the GUI thread."""
        self.ctx.bus.status_message.emit(QCoreApplication.translate(
            "KbFeature", "Building the knowledge base search index…"))
        self.worker.run(_rebuild_indexes, key="index", on_done=lambda _r: self._rebuilt(),
                        on_error=self._done)

    def _rebuilt(self) -> None:
        self.ctx.bus.status_message.emit(QCoreApplication.translate(
            "KbFeature", "Knowledge base search index rebuilt."))
        self.done.emit(None)

    def _progress(self, done: int, total: int, _text: str = "") -> None:
        if total and time.monotonic() - self._started >= self.PROGRESS_AFTER_S:
            self.ctx.bus.status_message.emit(QCoreApplication.translate(
                "KbFeature", "Building the knowledge base search index… %1 %").replace(
                "%1", str(min(100, done * 100 // total))))

    def on_changed(self, topics: set[str]) -> None:
        if "requests" in topics and not self.ctx.screenshot_mode:
            self.timer.start()

    def _done(self, result: object) -> None:
        if isinstance(result, BaseException):
            self.ctx.bus.status_message.emit(QCoreApplication.translate(
                "KbFeature", "Knowledge base index not updated: %1").replace("%1", str(result)))
        elif isinstance(result, _index().IndexStatus) and not result.ok:
            self.ctx.bus.status_message.emit(QCoreApplication.translate(
                "KbFeature", "Knowledge base search index ready."))
        self.done.emit(result)


def _open_article(window, article_id: int | None = None, draft=None) -> None:
    from ..dialogs.kb_article_editor import KbArticleEditor

    key = f"kb:{article_id}" if article_id is not None else None
    existing = window.findChild(KbArticleEditor, key) if key else None
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        return
    editor = KbArticleEditor(ctx=window.ctx, article_id=article_id, draft=draft, parent=window)
    editor.setWindowFlag(Qt.WindowType.Window, True)
    if key:
        editor.setObjectName(key)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.show()


def _suggestions_panel(ctx, editor):
    from ..widgets.kb_suggestions import KbSuggestionsPanel

    return KbSuggestionsPanel(ctx=ctx, editor=editor)


def install(window) -> None:
    ctx = window.ctx
    _register_messages()
    keeper = KbIndexKeeper(ctx, window)
    keeper.start()
    ctx.bus.changed.connect(keeper.on_changed)
    window.kb_index_keeper = keeper

    def panel():  # built when the dock is first shown (closed by default below 2,200 px)
        from ..docks.kb_search import KbSearchPanel

        return KbSearchPanel(ctx=ctx)

    window.add_dock(panel, "kbSearchDock",
                    QCoreApplication.translate("KbFeature", "Knowledge base"),
                    Qt.DockWidgetArea.RightDockWidgetArea, tabify_with="contractEditorDock",
                    shortcut="Ctrl+Shift+K")
    ctx.bus.open_article.connect(lambda article_id: _open_article(window, article_id))

    menu = window.menu("tools")
    new_action = QAction(QCoreApplication.translate("KbFeature", "New knowledge base article…"),
                         window)
    new_action.setObjectName("actionKbNew")
    new_action.triggered.connect(lambda: _open_article(window))
    menu.addAction(new_action)
    rebuild = QAction(QCoreApplication.translate("KbFeature", "Rebuild knowledge base search index"),
                      window)
    rebuild.setObjectName("actionKbRebuild")

    rebuild.triggered.connect(keeper.rebuild)
    menu.addAction(rebuild)

    register_request_panel(RequestPanel(
        key="kb", title=lambda: QCoreApplication.translate("KbFeature", "Knowledge base"),
        factory=_suggestions_panel, order=40))
