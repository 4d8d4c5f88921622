"""The one table model for long lists: it holds ids and fetches display rows a page at a time.

The queue, the contract list and the registry pages all show lists that may hold hundreds of
thousands of rows. :class:`IdPagedModel` keeps only the ordered ids (one cheap query, which the
owner may run on a worker) and asks ``fetch_rows(ids)`` for 64 rows at a time, keeping the most
recently used pages; what a cell shows (text, colour, icon, tooltip) is computed once per page
and kept with it, so scrolling back and repainting cost no Python work. After a write it is told which ids changed (:meth:`mark_stale`): their
pages are dropped and only their rows repaint — no reset, selection and scroll stay. When the
list itself changes (a new filter, a new record), :meth:`set_ids` resets it and
:class:`ViewState` puts the selection, the current row and the scroll position back by id.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Generic, Iterable, Sequence, TypeVar

from PySide6.QtCore import (QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex,
                            QPersistentModelIndex, Qt, Signal)
from PySide6.QtWidgets import QAbstractItemView

R = TypeVar("R")
ID_ROLE = Qt.ItemDataRole.UserRole
# the roles a row's data answers (the others, but custom roles, are None)
_CELL_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole,
                         Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole})
PAGE = 64  # two screens: on a cold disk cache a page stays well under the 100 ms budget
MAX_PAGES = 200  # pages kept (12,800 rows); the least recently used are dropped


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its key, header text and tooltip (callables, so they are translated when
    shown), the sort key the query understands (None: not sortable) and how a row shows."""

    key: str
    header: Callable[[], str]
    display: Callable[[R], Any]
    sort: str | None = None
    tooltip: Callable[[], str] | None = None
    align: Qt.AlignmentFlag | None = None


class IdPagedModel(QAbstractTableModel, Generic[R]):
    """See the module docstring. Subclasses may override :meth:`role_data` for colours, icons,
    fonts and tooltips of a row."""

    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(self, columns: Sequence[Column[R]],
                 fetch_rows: Callable[[list[int]], dict[int, R]], parent=None, *,
                 page: int = PAGE, max_pages: int = MAX_PAGES) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch_rows = fetch_rows
        self._page = page
        self._max_pages = max_pages
        self._ids: list[int] = []
        self._rows_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, dict[int, R]] = OrderedDict()
        # page number → {(row, column, role): value}: dropped with its page
        self._cells: dict[int, dict[tuple[int, int, int], Any]] = {}
        # Read-ahead (set_read_ahead): the page after (and before) the one in view is read by a
        # worker while the user looks at this one; page → the token of the answer awaited.
        self._read_ahead: Callable[[int, list[int], int], None] | None = None
        self._ahead: dict[int, int] = {}
        self._tokens = 0
        self._near: int | None = None  # the page read-ahead last ran for
        self._waiting: set[int] = set()  # pages the view asked for while on their way
        self._headers = [(c.header(), c.tooltip() if c.tooltip else c.header()) for c in columns]

    # -- content ---------------------------------------------------------------------------
    def set_ids(self, ids: Iterable[int]) -> None:
        """A new list. The same ids in the same order only refresh the rows (no reset)."""
        ids = list(ids)
        if ids == self._ids:
            self.mark_all_stale()
            return
        self.beginResetModel()
        self._ids = ids
        self._rows_of = None
        self._drop_pages()
        self.endResetModel()

    def ids(self) -> list[int]:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        if self._rows_of is None:
            self._rows_of = {rid: i for i, rid in enumerate(self._ids)}
        return self._rows_of.get(record_id, -1)

    def record(self, row: int) -> R | None:
        """The display row at ``row`` (its page is fetched when not cached)."""
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // self._page
        page = self._pages.get(page_no)
        if page is None and page_no in self._ahead:
            self._waiting.add(page_no)  # on its way: blank for a moment, repainted on arrival
            if page_no != self._near:
                self._ask_ahead(page_no)  # and the ones after it, the scroll goes on
            return None
        if page is None:
            page = self._fetch_rows(self._page_ids(page_no))
            self._store(page_no, page)
            self._ask_ahead(page_no)
        elif page_no != self._near:
            self._pages.move_to_end(page_no)
            self._ask_ahead(page_no)
        return page.get(self._ids[row])

    def set_read_ahead(self, loader: Callable[[int, list[int], int], None] | None) -> None:
        """Read the neighbours of the page in view off the GUI thread: ``loader(page_no, ids,
        token)`` asks a worker, whose answer comes back through :meth:`page_arrived` with the
        same token. Scrolling on then reads nothing on the GUI thread; a page the view
        reaches while its answer is on the way shows blank until it arrives (scrolling faster
        than the disk), one it jumps to is read at once, as without read-ahead."""
        self._read_ahead = loader

    def page_arrived(self, page_no: int, ids: list[int], rows: dict[int, R], token: int) -> None:
        """The rows of page ``page_no`` read ahead for ``ids``: kept unless the answer is no
        longer awaited (the list moved on, the rows changed, or the page was read meanwhile)."""
        if self._ahead.get(page_no) != token:
            return
        del self._ahead[page_no]
        if page_no in self._pages or self._page_ids(page_no) != ids:
            return
        self._store(page_no, rows)
        if page_no not in self._waiting:
            self._pages.move_to_end(page_no, last=False)  # not seen yet: the first to make room
            return
        self._waiting.discard(page_no)
        first = page_no * self._page
        last = min(len(self._ids), first + self._page) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _ask_ahead(self, page_no: int) -> None:
        down = self._near is None or page_no >= self._near
        self._near = page_no
        if self._read_ahead is None:
            return
        # two pages on in the direction of the scroll, one back
        ahead = (1, 2, -1) if down else (-1, -2, 1)
        for near in (page_no + step for step in ahead):
            if near < 0 or near * self._page >= len(self._ids) or near in self._pages \
                    or near in self._ahead:
                continue
            self._tokens += 1
            self._ahead[near] = self._tokens
            self._read_ahead(near, self._page_ids(near), self._tokens)

    def _page_ids(self, page_no: int) -> list[int]:
        return self._ids[page_no * self._page:(page_no + 1) * self._page]

    def _store(self, page_no: int, page: dict[int, R]) -> None:
        self._pages[page_no] = page
        if len(self._pages) > self._max_pages:
            oldest, _ = self._pages.popitem(last=False)
            self._cells.pop(oldest, None)

    @property
    def page_size(self) -> int:
        return self._page

    def seed(self, rows: dict[int, R]) -> bool:
        """Rows of the first page read already (by the worker that read the ids): the first
        screen then paints without a query on the GUI thread. Taken only when they are exactly
        the first page's rows; returns whether they were."""
        wanted = self._ids[:self._page]
        if not wanted or any(i not in rows for i in wanted):
            return False
        self._pages[0] = {i: rows[i] for i in wanted}
        self._pages.move_to_end(0)
        self._cells.pop(0, None)
        self._ahead.pop(0, None)
        return True

    def mark_stale(self, ids: Iterable[int]) -> int:
        """Rows of these ids changed: drop their pages and repaint them. Returns how many of
        them are in the list (0: nothing to do here)."""
        rows = sorted(r for r in (self.row_of(i) for i in set(ids)) if r >= 0)
        if not rows:
            return 0
        for page_no in {r // self._page for r in rows}:
            self._pages.pop(page_no, None)
            self._cells.pop(page_no, None)
            self._ahead.pop(page_no, None)  # an answer on its way may be older than the change
            self._waiting.discard(page_no)
        self._near = None
        last = self.columnCount() - 1
        for first_row, last_row in _runs(rows):
            self.dataChanged.emit(self.index(first_row, 0), self.index(last_row, last))
        return len(rows)

    def mark_all_stale(self) -> None:
        self._drop_pages()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, self.columnCount() - 1))

    def _drop_pages(self) -> None:
        """Forget every fetched row and what its cells showed (a subclass that caches
        something of its own per row may extend this)."""
        self._pages.clear()
        self._cells.clear()
        self._ahead.clear()
        self._waiting.clear()
        self._near = None

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._headers[section][1]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == ID_ROLE:
            return self.id_at(row)
        col = index.column()
        column = self.columns[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role not in _CELL_ROLES and role < Qt.ItemDataRole.UserRole:
            return None
        page_no = row // self._page
        cells = self._cells.get(page_no)
        key = (row, col, int(role))
        if cells is not None and key in cells:
            return cells[key]
        rec = self.record(row)
        if rec is None:
            return None
        value = self.display_data(rec, column) if role == Qt.ItemDataRole.DisplayRole \
            else self.role_data(rec, column.key, role)
        if page_no in self._pages:  # a row of a cached page: keep the cell with it
            self._cells.setdefault(page_no, {})[key] = value
        return value

    def display_data(self, rec: R, column: Column[R]) -> Any:
        """The text of a cell (the column's ``display`` by default)."""
        return column.display(rec)

    def role_data(self, rec: R, key: str, role: int) -> Any:
        """Colours, icons, fonts, tooltips and custom roles of a row; none by default."""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].sort is not None:
            self.sort_requested.emit(self.columns[column].sort,
                                     order == Qt.SortOrder.DescendingOrder)


def _runs(rows: list[int]) -> Iterable[tuple[int, int]]:
    """Consecutive runs of sorted row numbers: [1,2,3,7] → (1,3), (7,7)."""
    start = prev = rows[0]
    for r in rows[1:]:
        if r != prev + 1:
            yield start, prev
            start = r
        prev = r
    yield start, prev


@dataclass
class ViewState:
    """What the user was looking at: selected ids, the current id and the scroll position —
    captured before a list is replaced, put back by id afterwards."""

    selected: list[int]
    current: int | None
    scroll: int

    @classmethod
    def capture(cls, view: QAbstractItemView, model: IdPagedModel) -> "ViewState":
        sel = view.selectionModel()
        rows = sorted({i.row() for i in sel.selectedRows()}) if sel is not None else []
        current = sel.currentIndex().row() if sel is not None else -1
        return cls([model.id_at(r) for r in rows if model.id_at(r) is not None],
                   model.id_at(current), view.verticalScrollBar().value())

    def restore(self, view: QAbstractItemView, model: IdPagedModel) -> None:
        sel = view.selectionModel()
        if sel is None:
            return
        selection = QItemSelection()
        for rid in self.selected:
            row = model.row_of(rid)
            if row >= 0:
                selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        sel.select(selection, flags)
        if self.current is not None and model.row_of(self.current) >= 0:
            sel.setCurrentIndex(model.index(model.row_of(self.current), 0),
                                QItemSelectionModel.SelectionFlag.NoUpdate)
        view.verticalScrollBar().setValue(self.scroll)
