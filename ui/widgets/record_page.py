"""One list-and-editor page for the registry and maintenance records (#13, the house): a
searchable list on an :class:`IdPagedModel` beside an editor form with Save / Revert / Archive /
New, dirty tracking, conflict reload and a keyboard flow. The party, unit, product and plan
pages are configurations of it: columns, the queries that read ids and rows, the editor.

Reads: the ids of the list run on a worker (20,000 customers, 60,000 units on the large
database); rows come a page at a time. Writes go through ``ctx.ops.run`` with the id and the
version the user saw, only the fields the user changed. Refresh: ``bus.changes`` — rows of the
list that changed repaint (selection and scroll stay), the list is read again when records
appear or go, and the editor reloads its record when another workstation (or window) saved it
while the form was untouched.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QSizePolicy,
                               QSpinBox, QSplitter, QVBoxLayout, QWidget)

from servicedesk.errors import ServiceDeskError, ValidationError

from ..models.paged import Column, IdPagedModel, ViewState
from ..workers import Worker
from .invalid_mark import set_invalid
from .party_rows import SearchBox, make_table

ARCHIVED_COLOUR = QColor("#888888")


def _changed_signal(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    signal = getattr(widget, "party_changed", None)
    return signal


class _Heading(QLabel):
    """The record's title: one line, elided with "…" when the room is short (the whole title
    in the tooltip)."""

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                                 self.contentsRect().width())
            painter.drawText(self.contentsRect(), int(self.alignment()), text)
        finally:
            painter.end()  # never left active past the event


class RecordEditor(QWidget):
    """The form of one record. A subclass builds its fields, registers them with
    :meth:`watch` (name → widget, for dirty tracking and the red mark of a refused field) and
    says how a record is read (:meth:`read`), shown (:meth:`fill`) and written (``create`` /
    ``change`` / ``archive`` services, taking ids and the version shown)."""

    saved = Signal(int)  # the record's id after a create or a save
    dirty_changed = Signal(bool)

    #: Services: ``create(**values)``, ``change(id, version, changes)``, ``archive(id, version,
    #: archived)``. ``None``: the action does not exist for this kind of record.
    create_service: Callable[..., Any] | None = None
    change_service: Callable[..., Any] | None = None
    archive_service: Callable[..., Any] | None = None
    permission: Any = None

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snap: Any = None  # the record as read (a frozen dataclass), None: a new one
        self._fields: dict[str, QWidget] = {}
        self._clean: dict[str, Any] = {}
        self._dirty = False
        self._filling = False
        self.can_edit = ctx.actor.can(self.permission) if self.permission is not None else True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        # The title and the buttons share the top row: they stay in sight when the page is
        # short and the form scrolls (#12).
        top = QHBoxLayout()
        self.heading = _Heading()
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.heading, 1)
        self.buttons = QHBoxLayout()
        self.save_button = QPushButton(QCoreApplication.translate("Records", "Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(QCoreApplication.translate("Records", "Save the changes (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(QCoreApplication.translate("Records", "Revert"))
        self.revert_button.setToolTip(QCoreApplication.translate("Records", "Show the record as it is stored, dropping the changes"))
        self.revert_button.clicked.connect(self.revert)
        self.archive_button = QPushButton(QCoreApplication.translate("Records", "Archive"))
        self.archive_button.clicked.connect(self.toggle_archive)
        self.dirty_label = QLabel()
        self.dirty_label.setObjectName("recordDirty")
        self.dirty_label.setStyleSheet("color: #b45309;")
        self.buttons.addWidget(self.dirty_label)
        self.buttons.addWidget(self.save_button)
        self.buttons.addWidget(self.revert_button)
        self.buttons.addWidget(self.archive_button)
        top.addLayout(self.buttons)
        outer.addLayout(top)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.body, 1)
        self.save_button.setEnabled(self.can_edit)
        self.archive_button.setEnabled(self.can_edit)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- for subclasses ------------------------------------------------------------------------
    def watch(self, **widgets: QWidget) -> None:
        """Fields whose changes make the form dirty; the name is the service's field name."""
        for name, widget in widgets.items():
            self._fields[name] = widget
            signal = _changed_signal(widget)
            if signal is not None:
                signal.connect(self._edited)

    def read(self, record_id: int) -> Any:
        """The record's snapshot (a query), None when it is gone."""
        raise NotImplementedError

    def fill(self, snap: Any) -> None:
        """Show ``snap`` (None: an empty form for a new record)."""
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        """The form's values, by service field name."""
        raise NotImplementedError

    def title_of(self, snap: Any) -> str:
        raise NotImplementedError

    def new_title(self) -> str:
        raise NotImplementedError

    def create_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """What a create sends (a subclass drops blanks that mean "automatic")."""
        return values

    def refresh_related(self) -> None:
        """Related lists (contacts, history …); called after a load and on related changes."""

    def first_field(self) -> QWidget | None:
        return next(iter(self._fields.values()), None)

    # -- state ----------------------------------------------------------------------------------
    @property
    def record_id(self) -> int | None:
        return self.snap.id if self.snap is not None else None

    def is_dirty(self) -> bool:
        return self._dirty

    def raw_changes(self) -> dict[str, Any]:
        """The form's values that differ from what was shown."""
        now = self.values()
        return {k: v for k, v in now.items() if self._clean.get(k, object()) != v}

    def changes(self) -> dict[str, Any]:
        """What a save sends: the fields the user changed (a subclass may translate them)."""
        return self.raw_changes()

    def load(self, record_id: int | None) -> None:
        snap = self.read(record_id) if record_id is not None else None
        self._filling = True
        try:
            self.snap = snap
            self.heading.setText(self.title_of(snap) if snap is not None else self.new_title())
            self.heading.setToolTip(self.heading.text())
            self.fill(snap)
            for widget in self._fields.values():
                set_invalid(widget, False)
            archived = bool(getattr(snap, "archived", False))
            self.archive_button.setText(QCoreApplication.translate("Records", "Restore") if archived
                                        else QCoreApplication.translate("Records", "Archive"))
            self.archive_button.setVisible(snap is not None and self.archive_service is not None)
            self.revert_button.setVisible(snap is not None)
        finally:
            self._filling = False
        self._clean = self.values()
        self._set_dirty(False)
        self.refresh_related()

    def revert(self) -> None:
        self.load(self.record_id)

    def _edited(self, *_args) -> None:
        if not self._filling:
            self._set_dirty(bool(self.raw_changes()))

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.dirty_label.setText(QCoreApplication.translate("Records", "changed, not saved") if dirty else "")

    # -- writing ----------------------------------------------------------------------------------
    def _mark(self, err: ServiceDeskError) -> bool:
        if isinstance(err, ValidationError):
            for fe in err.errors:
                widget = self._fields.get(fe.field)
                if widget is not None:
                    set_invalid(widget, True)
        return False  # the op runner still tells the user

    def save(self) -> bool:
        if not self.can_edit:
            return False
        snap = self.snap
        if snap is None:
            if self.create_service is None:
                return False
            fn = functools.partial(self.create_service, **self.create_values(self.values()))
            outcome = self.ctx.ops.run(self, fn, on_failure=self._mark)
        else:
            changes = self.changes()
            if not changes:
                return True
            outcome = self.ctx.ops.run(self, self.change_service, snap.id, snap.version, changes,
                                       on_failure=self._mark,
                                       on_conflict=lambda _e: self.load(snap.id))
        if outcome is None:
            return False
        record_id = outcome.result.id
        self.load(record_id)
        self.ctx.bus.status_message.emit(QCoreApplication.translate("Records", "Saved."))
        self.saved.emit(record_id)
        return True

    def toggle_archive(self) -> None:
        snap = self.snap
        if snap is None or self.archive_service is None or not self.can_edit:
            return
        outcome = self.ctx.ops.run(self, self.archive_service, snap.id, snap.version,
                                   not snap.archived, on_conflict=lambda _e: self.load(snap.id))
        if outcome is not None:
            self.load(snap.id)
            self.saved.emit(snap.id)


@dataclass
class PageConfig:
    """What makes a page: its list and how its records are found."""

    name: str  # object name prefix: "party" → partiesPage's partyList, partySearch, partyNew …
    columns: Sequence[Column]
    ids: Callable[..., list[int]]  # ids(spec, sort, descending) — runs on a worker
    rows: Callable[[list[int]], dict[int, Any]]  # rows(ids) — a page at a time
    spec: Callable[[], Any]  # the filter as the bar's widgets say
    tables: frozenset[str]  # the list's table: its changes refresh the list
    related: frozenset[str] = frozenset()  # tables shown in the editor's related lists
    search_hint: str = ""
    new_text: str = ""
    sort: str | None = None
    widths: Sequence[int] = ()
    stretch: int = 1  # the column that takes the room left
    optional: Sequence[str] = ()  # column keys hidden, first to last, when the list is narrow
    filters: Sequence[QWidget] = field(default_factory=tuple)
    greyed: Callable[[Any], bool] = lambda row: bool(getattr(row, "archived", False))
    colour: Callable[[Any], QColor | None] = lambda row: None


class _RecordModel(IdPagedModel):
    def __init__(self, config: PageConfig, parent=None) -> None:
        super().__init__(config.columns, config.rows, parent)
        self.config = config

    def role_data(self, rec: Any, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.config.greyed(rec):
                return ARCHIVED_COLOUR
            return self.config.colour(rec)
        if role == Qt.ItemDataRole.ToolTipRole:
            for column in self.columns:
                if column.key == key:
                    text = column.display(rec)
                    return str(text) if text not in (None, "") and len(str(text)) > 24 else None
        return None


class RecordPage(QWidget):
    """The list (search, filters, count, New) beside a :class:`RecordEditor`."""

    listed = Signal()  # the ids of the list arrived and are shown

    def __init__(self, *, ctx, config: PageConfig, editor: RecordEditor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.config = config
        self.editor = editor
        name = config.name
        self._sort = (config.sort, False)
        self._pending_select: int | None = None
        self._state: ViewState | None = None
        self._moving = False
        self._watched: QWidget | None = None
        self._sized = False  # the list / editor split is set once the page knows its room
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{name}Splitter")
        self.splitter.setChildrenCollapsible(False)
        left = QWidget()
        left.setMinimumSize(300, 140)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = SearchBox(config.search_hint)
        self.search.setObjectName(f"{name}Search")
        self.search.search.connect(lambda _t: self.refresh())
        self.search.returnPressed.connect(self._to_list)
        self.search.installEventFilter(self)
        bar.addWidget(self.search, 1)
        for widget in config.filters:
            bar.addWidget(widget)
            signal = _changed_signal(widget)
            if signal is not None:
                signal.connect(lambda *_: self.refresh())
        ll.addLayout(bar)
        self.model = _RecordModel(config, self)
        self.view = make_table(self.model, config.widths, name=f"{name}List")
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(config.stretch, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if config.sort is not None:
            keys = [c.sort for c in config.columns]
            if config.sort in keys:
                header.setSortIndicator(keys.index(config.sort), Qt.SortOrder.AscendingOrder)
            self.view.setSortingEnabled(True)
        self.model.sort_requested.connect(self._sort_by)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(lambda _i: self._to_editor())
        self.view.viewport().installEventFilter(self)
        ll.addWidget(self.view, 1)
        foot = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName(f"{name}Count")
        self.new_button = QPushButton(config.new_text)
        self.new_button.setObjectName(f"{name}New")
        self.new_button.setToolTip(QCoreApplication.translate("Records", "A new record (Ctrl+N)"))
        self.new_button.setEnabled(editor.can_edit and editor.create_service is not None)
        self.new_button.clicked.connect(self.new_record)
        foot.addWidget(self.count, 1)
        foot.addWidget(self.new_button)
        ll.addLayout(foot)
        editor.setMinimumSize(380, 240)
        self.splitter.addWidget(left)
        self.splitter.addWidget(editor)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        layout.addWidget(self.splitter)
        editor.saved.connect(self._saved)
        for keys, slot in ((QKeySequence.StandardKey.New, self.new_record),
                           (QKeySequence.StandardKey.Find, self._to_search)):
            QShortcut(QKeySequence(keys), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.bus.changes.connect(self._on_changes)
        editor.load(None)
        self._select_first = True
        self.refresh()

    # -- the list -----------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Read the list again (on a worker); selection and scroll come back by id."""
        if select is not None:
            self._pending_select = select
        if self._state is None and self.model.rowCount():
            self._state = ViewState.capture(self.view, self.model)
        sort, descending = self._sort
        spec = self.config.spec()
        fn = self.config.ids
        job = (functools.partial(fn, spec, sort, descending) if sort is not None
               else functools.partial(fn, spec))
        self.count.setText(QCoreApplication.translate("Records", "searching…"))
        self.worker.run(job, on_done=self._listed, on_error=self._failed, key="ids")

    def _listed(self, ids: list[int]) -> None:
        state, self._state = self._state, None
        select, self._pending_select = self._pending_select, None
        self._moving = True
        try:
            self.model.set_ids(ids)
            if state is not None:
                state.restore(self.view, self.model)
        finally:
            self._moving = False
        n = len(ids)
        self.count.setText(QCoreApplication.translate("Records", "{n} shown").format(n=f"{n:,}".replace(",", ".")))
        if select is not None:
            self.show_row(select)
        elif self._select_first and n and self.editor.snap is None and not self.editor.is_dirty():
            self.view.selectRow(0)
        self._select_first = False
        self.listed.emit()

    def _failed(self, err: BaseException) -> None:
        self.count.setText(QCoreApplication.translate("Records", "The list could not be read: {why}").format(why=err))

    def _sort_by(self, key: str, descending: bool) -> None:
        if (key, descending) != self._sort:
            self._sort = (key, descending)
            self.refresh()

    def show_row(self, record_id: int) -> bool:
        """Select ``record_id`` in the list without reloading the editor; False if not listed."""
        row = self.model.row_of(record_id)
        if row < 0:
            self.view.clearSelection()
            return False
        self._moving = True
        try:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        finally:
            self._moving = False
        return True

    def open_record(self, record_id: int) -> None:
        """Show ``record_id`` in the editor and, when the filter lets it, in the list."""
        if not self._may_leave():
            return
        self.editor.load(record_id)
        if not self.show_row(record_id):
            self._pending_select = record_id
            self.refresh(select=record_id)

    def new_record(self) -> None:
        if not self.new_button.isEnabled() or not self._may_leave():
            return
        self._moving = True
        self.view.clearSelection()
        self.view.selectionModel().clearCurrentIndex()
        self._moving = False
        self.editor.load(None)
        first = self.editor.first_field()
        if first is not None:
            first.setFocus()

    def _row_changed(self, current, previous) -> None:
        if self._moving or not current.isValid():
            return
        record_id = self.model.id_at(current.row())
        if record_id == self.editor.record_id:
            return
        if not self._may_leave():
            self._moving = True
            if previous.isValid():
                self.view.selectRow(previous.row())
            else:
                self.view.clearSelection()
            self._moving = False
            return
        self.editor.load(record_id)

    def _may_leave(self) -> bool:
        """Unsaved changes: save them, drop them, or stay (Cancel)."""
        if not self.editor.is_dirty():
            return True
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("Records", "Unsaved changes"),
                          QCoreApplication.translate("Records", "The record shown has changes that are not saved."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save()
        return answer == QMessageBox.StandardButton.Discard

    def _saved(self, record_id: int) -> None:
        if self.model.row_of(record_id) >= 0:
            self.model.mark_stale([record_id])
            self.show_row(record_id)
        else:
            self.refresh(select=record_id)

    # -- refresh from change sets -------------------------------------------------------------
    def _on_changes(self, changes) -> None:
        tables = self.config.tables
        if changes.touches(*tables):
            appeared = any(changes.ids(t, "created", "deleted") or changes.bulk(t) for t in tables)
            if appeared:
                self.refresh()
            else:
                for t in tables:
                    self.model.mark_stale(changes.ids(t))
            rid = self.editor.record_id
            mine = changes.origin is self.editor
            if rid is not None and not mine and any(rid in changes.ids(t) for t in tables) \
                    and not self.editor.is_dirty():
                self.editor.load(rid)
                return
        if self.config.related and changes.touches(*self.config.related) \
                and self.editor.snap is not None:
            self.editor.refresh_related()

    # -- room (#12) ---------------------------------------------------------------------------
    #: Below this width the editor goes under the list instead of beside it: both stay whole
    #: (no sideways scrolling) on a laptop screen with the docks open.
    SIDE_BY_SIDE = 780

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        parent = self.parentWidget()
        if parent is not None and parent is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            self._watched = parent
            parent.installEventFilter(self)
        self._adapt()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._adapt()

    def _adapt(self) -> None:
        """Side by side when there is room, one above the other when there is not. The room is
        the parent's (a workspace tab's viewport): the page itself is never narrower than its
        minimum, so its own width cannot tell."""
        room = self._watched.width() if self._watched is not None else self.width()
        wanted = (Qt.Orientation.Horizontal if room >= self.SIDE_BY_SIDE
                  else Qt.Orientation.Vertical)
        if self.splitter.orientation() != wanted or not self._sized:
            self.splitter.setOrientation(wanted)
            whole = room if wanted == Qt.Orientation.Horizontal else self.height()
            if whole > 0:
                self._sized = True
                self.splitter.setSizes([whole * 45 // 100, whole * 55 // 100])
            self.updateGeometry()

    def _fit_columns(self) -> None:
        """Hide the optional columns, one by one, that would make the list scroll sideways."""
        keys = [c.key for c in self.config.columns]
        widths = list(self.config.widths) + [120] * (len(keys) - len(self.config.widths))
        room = self.view.viewport().width()
        hidden: set[str] = set()
        need = sum(widths) - widths[self.config.stretch] + 120  # the stretching column's least
        for key in self.config.optional:
            if need <= room:
                break
            hidden.add(key)
            need -= widths[keys.index(key)]
        for i, key in enumerate(keys):
            if self.view.isColumnHidden(i) != (key in hidden):
                self.view.setColumnHidden(i, key in hidden)

    # -- keyboard -----------------------------------------------------------------------------
    def _to_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _to_list(self) -> None:
        self.view.setFocus()
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def _to_editor(self) -> None:
        first = self.editor.first_field()
        if first is not None:
            first.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self._watched and event.type() == QEvent.Type.Resize:
            self._adapt()
        elif event.type() == QEvent.Type.Resize and "view" in self.__dict__ \
                and obj is self.view.viewport():
            self._fit_columns()
        elif obj is self.search and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down:
            self._to_list()
            return True
        return super().eventFilter(obj, event)
