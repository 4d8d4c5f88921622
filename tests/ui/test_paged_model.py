"""The shared id-paged table model: pages fetched lazily, stale rows repainted without a reset,
the view's selection and scroll put back by id when the list changes (issue 13, R-X-5)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from ui.models.paged import ID_ROLE, Column, IdPagedModel, ViewState


@dataclass(frozen=True)
class Row:
    id: int
    name: str


class Source:
    def __init__(self, n: int) -> None:
        self.names = {i: f"row {i}" for i in range(1, n + 1)}
        self.fetches: list[list[int]] = []

    def rows(self, ids: list[int]) -> dict[int, Row]:
        self.fetches.append(list(ids))
        return {i: Row(i, self.names[i]) for i in ids}


def _model(source: Source, **kw) -> IdPagedModel:
    columns = [Column("id", lambda: "Id", lambda r: r.id, sort="id"),
               Column("name", lambda: "Name", lambda r: r.name, sort="name")]
    return IdPagedModel(columns, source.rows, **kw)


def test_model_passes_the_model_tester(qtmodeltester):
    model = _model(Source(300))
    model.set_ids(range(1, 301))
    qtmodeltester.check(model)


def test_rows_are_fetched_a_page_at_a_time_and_pages_are_capped():
    source = Source(1000)
    model = _model(source, page=64, max_pages=3)
    model.set_ids(range(1, 1001))
    assert source.fetches == []  # nothing read until shown
    assert model.data(model.index(0, 1)) == "row 1"
    assert model.data(model.index(70, 1)) == "row 71"
    assert [len(f) for f in source.fetches] == [64, 64]
    for row in (200, 400, 600):
        model.data(model.index(row, 1))
    model.data(model.index(0, 1))  # page 0 was dropped: fetched again
    assert len(source.fetches) == 6
    assert model.data(model.index(5, 0), ID_ROLE) == 6


def test_a_stale_row_repaints_without_a_reset(qtbot):
    source = Source(200)
    model = _model(source)
    model.set_ids(range(1, 201))
    model.data(model.index(10, 1))
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    source.names[11] = "renamed"
    assert model.mark_stale([11, 9999]) == 1
    assert model.data(model.index(10, 1)) == "renamed"
    assert resets == [] and changed == [(10, 10)]
    model.set_ids(range(1, 201))  # the same list again: still no reset
    assert resets == []


def test_selection_current_row_and_scroll_come_back_by_id(qtbot):
    source = Source(500)
    model = _model(source)
    model.set_ids(range(1, 501))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 200)
    view.show()
    sel = view.selectionModel()
    sel.select(model.index(100, 0), QItemSelectionModel.SelectionFlag.Select
               | QItemSelectionModel.SelectionFlag.Rows)
    sel.setCurrentIndex(model.index(100, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    view.scrollTo(model.index(100, 0))
    state = ViewState.capture(view, model)
    assert state.selected == [101] and state.current == 101
    model.set_ids([0, *range(1, 501)])  # a new record on top: everything moves down one row
    state.restore(view, model)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [101]
    assert view.selectionModel().currentIndex().row() == 101


def test_sorting_is_asked_of_the_owner(qtbot):
    model = _model(Source(3))
    asked = []
    model.sort_requested.connect(lambda key, desc: asked.append((key, desc)))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert asked == [("name", True)]


def test_a_cell_is_computed_once_per_page_and_again_after_its_row_changed():
    source = Source(200)
    calls: list[int] = []

    def shown(r: Row) -> str:
        calls.append(r.id)
        return r.name

    model = IdPagedModel([Column("name", lambda: "Name", shown)], source.rows, page=64)
    model.set_ids(range(1, 201))
    for _ in range(3):  # repaints of the same screen
        assert model.data(model.index(10, 0)) == "row 11"
    assert calls == [11]
    source.names[11] = "renamed"
    model.mark_stale([11])
    assert model.data(model.index(10, 0)) == "renamed"
    source.names[12] = "renamed too"
    model.mark_all_stale()
    assert model.data(model.index(11, 0)) == "renamed too"
    model.set_ids([12, 11])  # a new list: what a row showed is not carried to another row
    assert model.data(model.index(0, 0)) == "renamed too"
    assert model.data(model.index(1, 0)) == "renamed"


def test_a_dropped_page_forgets_its_cells():
    source = Source(1000)
    model = _model(source, page=64, max_pages=2)
    model.set_ids(range(1, 1001))
    model.data(model.index(0, 1))
    source.names[1] = "changed"
    for row in (200, 400):  # page 0 is the least recently used: dropped
        model.data(model.index(row, 1))
    assert model.data(model.index(0, 1)) == "changed"


def test_rows_read_with_the_ids_fill_the_first_page_without_a_fetch():
    source = Source(300)
    model = _model(source, page=64)
    model.set_ids(range(1, 301))
    assert model.seed({i: Row(i, f"early {i}") for i in range(1, 65)})
    assert model.data(model.index(0, 1)) == "early 1" and source.fetches == []
    assert model.data(model.index(64, 1)) == "row 65"  # the next page is fetched as usual
    # rows that are not exactly the first page are not taken
    assert not model.seed({i: Row(i, "x") for i in range(2, 66)})


def test_read_ahead_reads_the_next_pages_off_the_gui_thread_in_the_scroll_direction():
    """#13: scrolling on finds the next pages read by a worker; a page on its way shows blank
    and repaints when it arrives; a page jumped to is read at once; old answers are dropped."""
    source = Source(1000)
    model = _model(source, page=64)
    asked: list[tuple[int, list[int], int]] = []
    model.set_read_ahead(lambda no, ids, token: asked.append((no, ids, token)))
    model.set_ids(range(1, 1001))
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))

    assert model.data(model.index(0, 1)) == "row 1"  # page 0 read here, 1 and 2 asked for
    assert [no for no, _, _ in asked] == [1, 2] and len(source.fetches) == 1
    answers = {no: (ids, token) for no, ids, token in asked}
    asked.clear()
    ids, token = answers[1]
    model.page_arrived(1, ids, source.rows(ids), token)
    assert model.data(model.index(70, 1)) == "row 71"  # found read: no fetch on this thread
    assert len(source.fetches) == 2 and changed == []  # (the one fetch of the worker's answer)
    assert [no for no, _, _ in asked] == [3]  # on in the direction of the scroll
    # page 2 is still on its way: blank, then painted when it comes
    assert model.data(model.index(130, 1)) is None
    ids, token = answers[2]
    model.page_arrived(2, ids, source.rows(ids), token)
    assert changed == [(128, 191)] and model.data(model.index(130, 1)) == "row 131"

    # a jump reads at once; scrolling up from there asks for the pages above it
    asked.clear()
    fetches = len(source.fetches)
    assert model.data(model.index(640, 1)) == "row 641" and len(source.fetches) == fetches + 1
    assert [no for no, _, _ in asked] == [11, 12, 9]
    assert model.data(model.index(520, 1)) == "row 521"  # page 8: not asked for, read at once
    assert [no for no, _, _ in asked] == [11, 12, 9, 7, 6]  # upwards now; 9 is on its way

    # an answer for rows that changed meanwhile, or for a list that moved on, is dropped
    no, ids, token = asked[-3]
    source.names[ids[0]] = "renamed"
    model.mark_stale([ids[0]])
    model.page_arrived(no, ids, {i: Row(i, "older") for i in ids}, token)
    assert model.data(model.index(no * 64, 1)) == "renamed"
    no, ids, token = asked[-2]
    model.set_ids(range(1000, 0, -1))
    model.page_arrived(no, ids, source.rows(ids), token)
    assert model.data(model.index(no * 64, 1)) == f"row {1000 - no * 64}"
