"""The request queue dock: counters, quick filters that apply as you type, the table (R-REQ-2)."""
from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import (QByteArray, QCoreApplication, QEvent, QItemSelectionModel, QObject,
                            QSize, Qt, QTimer, Signal)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMenu, QPushButton, QSizePolicy, QTableView,
                               QToolButton, QVBoxLayout, QWidget)

from servicedesk import context
from servicedesk.queries import lookups as lookup_tables
from servicedesk.queries import requests as rq
from servicedesk.services import sla
from servicedesk.uow import CREATED, DELETED, ChangeSet

from .. import fmt
from ..models.paged import ViewState
from ..models.request_queue_model import COL, COLUMNS, ID_ROLE, RequestQueueModel
from ..settings import QUEUE_HEADER
from ..widgets import request_labels as labels
from ..widgets.flow_layout import flow_host
from ..workers import Worker

DEBOUNCE_MS = 250
REFRESH_MS = 60_000  # urgencies move on with the clock
DEFAULT_HIDDEN = ("opened", "province", "unit", "problem", "team", "owner", "age")
WIDTHS = {"number": 142, "opened": 110, "province": 44, "unit": 170, "problem": 110,
          "priority": 76, "status": 106, "team": 90, "owner": 110, "sla": 86, "age": 42}
PREFERRED_WIDTH = 620


class CounterButton(QToolButton):
    """A counter on top of the queue that also works as a one-click filter."""

    def __init__(self, name: str, urgency: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setCheckable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setProperty("counter", True)
        icon = labels.urgency_icon(urgency) if urgency else None
        if icon is not None:
            self.setIcon(icon)
        self.caption = ""
        self.value = 0

    def set_value(self, caption: str, value: int) -> None:
        self.caption, self.value = caption, value
        self.setText(f"{caption}  {fmt.number(value)}")


def _queue_view(db, fill_keys: bool, spec: rq.QueueSpec, operator_id: int | None,
                **kwargs) -> tuple[rq.QueueView, str]:
    """On the worker: the queue of ``spec``, and what the user should know. The first load of
    a session first gives their SLA keys to requests written outside the request services
    (imports, the demo), so that they sort and count as they should; it ran on the GUI
    thread at start before (10 ms on the large database when there is nothing to do)."""
    note = ""
    if fill_keys:
        from servicedesk.errors import DatabaseBusyError
        from servicedesk.services import sla

        try:
            sla.refresh_stored_keys(db, only_missing=True)
        except DatabaseBusyError:  # another workstation is writing: the next start does it
            pass
        except Exception as exc:  # noqa: BLE001 - e.g. a read-only share: the queue still opens
            note = str(exc)
    return rq.queue_view(spec, operator_id, **kwargs), note


class _AfterPaint(QObject):
    """Once: ``then()`` right after the watched widget's next paint (a zero timer started as
    the paint begins runs once it is over)."""

    def __init__(self, watched: QWidget, then) -> None:
        super().__init__(watched)
        self._then = then

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            obj.removeEventFilter(self)
            QTimer.singleShot(0, obj, then)  # dropped if the queue is gone by then
            self.deleteLater()
        return False


class RequestQueueDock(QWidget):
    """The queue. Every filter change, sort and refresh asks a worker for the ids, counters and
    hints (``rq.queue_view``); a newer question drops the answer to an older one, so typing
    never shows the result of an earlier text. After a write only the changed rows repaint."""

    #: The first answer is painted (rows or "no requests"): the window's first screen is up.
    first_page_painted = Signal()

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("requestQueue")
        # Screenshots (and the tests' window) want the answer before the first paint.
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self.model = RequestQueueModel(lang=ctx.lang, parent=self)
        # The pages next to the one in view are read by a worker of their own while the user
        # looks at it: scrolling on finds them read (a page read here blocked 30-100 ms).
        self.page_worker = Worker(self, threaded=not ctx.screenshot_mode)
        if self.page_worker.threaded:
            self.model.set_read_ahead(self._read_ahead)
        self.model.spec_loader = self.load
        self._scroll_top = False
        self._fill_keys = True  # the first load completes missing SLA keys first
        self._first_answer_in = False  # the first answer is in the model (rows or none)
        self.first_page_painted_at: float | None = None  # perf_counter() once it is painted
        self._build()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.status_combo, self.priority_combo, self.team_combo, self.owner_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        ctx.bus.changes.connect(self._on_changes)
        self.apply_filters()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override: the main panel of the app wants room
        return QSize(PREFERRED_WIDTH, 700)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 4)
        outer.setSpacing(5)

        self.open_btn = CounterButton("counterOpen")
        self.overdue_btn = CounterButton("counterOverdue", sla.OVERDUE)
        self.risk_btn = CounterButton("counterAtRisk", sla.AT_RISK)
        self.unassigned_btn = CounterButton("counterUnassigned")
        self.open_btn.setToolTip(self.tr("Open requests: show the whole open queue"))
        self.overdue_btn.setToolTip(self.tr("Open requests past their SLA deadline: show only these"))
        self.risk_btn.setToolTip(self.tr("Less than 25% of the SLA window or two working hours "
                                         "left: show only these"))
        self.unassigned_btn.setToolTip(self.tr("Open requests without an owner: show only these"))
        # The counters wrap onto a second line in a narrow panel instead of widening it.
        counters, _flow = flow_host(self.open_btn, self.overdue_btn, self.risk_btn,
                                    self.unassigned_btn)
        counters.setObjectName("queueCounters")
        outer.addWidget(counters)
        self.open_btn.clicked.connect(self._show_open)
        self.overdue_btn.clicked.connect(lambda on: self._counter_filter("overdue", on))
        self.risk_btn.clicked.connect(lambda on: self._counter_filter("at_risk", on))
        self.unassigned_btn.clicked.connect(lambda on: self._counter_filter("unassigned", on))

        self.search = QLineEdit()
        self.search.setObjectName("queueSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, customer, VAT number, serial, description…"))
        outer.addWidget(self.search)
        self.serial_hint = QLabel()
        self.serial_hint.setObjectName("queueSerialHint")
        self.serial_hint.setProperty("role", "hint")
        self.serial_hint.setTextFormat(Qt.TextFormat.RichText)
        self.serial_hint.linkActivated.connect(lambda _l: self.ctx.bus.serial_search.emit(self._hint_serial))
        self.serial_hint.hide()
        self._hint_serial = ""
        outer.addWidget(self.serial_hint)
        # A search that finds nothing open says how many closed requests match (#12).
        self.closed_hint = QLabel()
        self.closed_hint.setObjectName("queueClosedHint")
        self.closed_hint.setProperty("role", "hint")
        self.closed_hint.setTextFormat(Qt.TextFormat.RichText)
        self.closed_hint.linkActivated.connect(lambda _l: self.show_closed())
        self.closed_hint.hide()
        outer.addWidget(self.closed_hint)

        filters = QHBoxLayout()
        filters.setSpacing(4)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("queueStatus")
        self.status_combo.addItem(self.tr("Open"), "group:open")
        self.status_combo.addItem(self.tr("Closed"), "group:closed")
        self.status_combo.addItem(self.tr("All"), "group:all")
        self.status_combo.insertSeparator(3)
        for code in ("new", "assigned", "in_progress", "waiting_customer", "waiting_supplier",
                     "resolved", "closed", "cancelled"):
            self.status_combo.addItem(labels.status_name(code), f"status:{code}")
        self.priority_combo = QComboBox()
        self.priority_combo.setObjectName("queuePriority")
        self.team_combo = QComboBox()
        self.team_combo.setObjectName("queueTeam")
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("queueOwner")
        self._fill_reference_combos()
        for combo in (self.status_combo, self.priority_combo, self.team_combo, self.owner_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(3)  # the panel may be narrow: the list is wide
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            filters.addWidget(combo)
        outer.addLayout(filters)

        self.view = QTableView()
        self.view.setObjectName("requestQueueView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(False)  # the urgency tint is the row colour
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.view.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measure 200k rows
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        for key, width in WIDTHS.items():
            header.resizeSection(COL[key], width)
        # Measured widths for the columns whose text has a fixed shape (bold number + icon, dates).
        bold = QFont(self.view.font())
        bold.setBold(True)
        # Every fixed column as narrow as its content, so that the customer's name — what a
        # coordinator reads first — gets the rest (#12: it showed "Autofficin…"); the priority
        # is its coloured mark (its name in the tooltip), the status as long as its longest name.
        icon = self.view.iconSize().width() if self.view.iconSize().isValid() else 16
        header.resizeSection(COL["number"],
                             QFontMetrics(bold).horizontalAdvance("RS-2026-000000") + icon + 22)
        header.resizeSection(COL["priority"], icon + 14)
        header.resizeSection(COL["status"], max(
            self.view.fontMetrics().horizontalAdvance(labels.status_short_name(code))
            for code in sla.OPEN_STATUSES) + 16)
        header.resizeSection(COL["sla"],  # other years show a two-digit year (short_datetime)
                             QFontMetrics(bold).horizontalAdvance("30/12/26 00:00") + 14)
        header.setSectionResizeMode(COL["customer"], QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(icon + 14)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        for key in DEFAULT_HIDDEN:
            header.hideSection(COL[key])
        self._restore_header()
        header.sectionMoved.connect(lambda *a: self._save_header())
        header.sectionResized.connect(lambda *a: self._save_header())
        self.view.doubleClicked.connect(self._open_index)
        self.view.activated.connect(self._open_index)
        outer.addWidget(self.view, 1)

        foot = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("queueCount")
        self.count_label.setProperty("role", "hint")
        # The count gives way first in a narrow panel (the buttons must stay whole).
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        foot.addWidget(self.count_label, 1)
        self.urgency_sort = QPushButton(self.tr("Most urgent first"))
        self.urgency_sort.setObjectName("queueUrgencySort")
        self.urgency_sort.setToolTip(self.tr("Sort by urgency: overdue, then at risk, then by SLA deadline"))
        self.urgency_sort.clicked.connect(self.sort_by_urgency)
        foot.addWidget(self.urgency_sort)
        self.new_btn = QPushButton(self.tr("New request"))
        self.new_btn.setObjectName("queueNewRequest")
        self.new_btn.setProperty("primary", True)
        self.new_btn.clicked.connect(self.ctx.bus.new_request.emit)
        foot.addWidget(self.new_btn)
        outer.addLayout(foot)

        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)

    def _fill_reference_combos(self) -> None:
        lookups = self.ctx.lookups()
        keep = (self.priority_combo.currentData(), self.team_combo.currentData(),
                self.owner_combo.currentData())
        for combo in (self.priority_combo, self.team_combo, self.owner_combo):
            combo.blockSignals(True)
            combo.clear()
        self.priority_combo.addItem(self.tr("Any priority"), None)
        for p in lookups.priorities:
            self.priority_combo.addItem(labels.priority_icon(p.color), p.name(self.ctx.lang), p.id)
        self.team_combo.addItem(self.tr("Any team"), None)
        for t in lookups.open_teams():
            self.team_combo.addItem(t.name, t.id)
        self.owner_combo.addItem(self.tr("Anyone"), None)
        self.owner_combo.addItem(self.tr("Mine"), "mine")
        self.owner_combo.addItem(self.tr("Unassigned"), "unassigned")
        self.owner_combo.insertSeparator(3)
        for o in lookups.active_operators():
            self.owner_combo.addItem(o.full_name, o.id)
        for combo, data in zip((self.priority_combo, self.team_combo, self.owner_combo), keep):
            i = combo.findData(data)
            combo.setCurrentIndex(i if i >= 0 else 0)
            combo.blockSignals(False)

    # -- filters ---------------------------------------------------------------------------
    def current_spec(self) -> rq.QueueSpec:
        kind, _, value = (self.status_combo.currentData() or "group:open").partition(":")
        spec = self.model.spec.with_(
            status_group=value if kind == "group" else "all",
            statuses=(value,) if kind == "status" else (),
            priority_ids=(self.priority_combo.currentData(),) if self.priority_combo.currentData() else (),
            team_id=self.team_combo.currentData(),
            text=self.search.text().strip(),
            urgency=self._urgency_filter(),
            unassigned=self.owner_combo.currentData() == "unassigned",
            owner_id=None)
        owner = self.owner_combo.currentData()
        if owner == "mine":
            spec = spec.with_(owner_id=context.current().operator_id or -1)
        elif isinstance(owner, int):
            spec = spec.with_(owner_id=owner)
        return spec

    def _urgency_filter(self) -> str | None:
        if self.overdue_btn.isChecked():
            return "overdue"
        if self.risk_btn.isChecked():
            return "at_risk"
        return None

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.load(self.current_spec())

    def load(self, spec: rq.QueueSpec) -> None:
        """Ask for the queue of ``spec`` (ids, counters, hints) off the GUI thread."""
        fill_keys, self._fill_keys = self._fill_keys, False
        self.worker.run(_queue_view, self.ctx.db, fill_keys, spec, context.current().operator_id,
                        lang=self.model.lang, first_page=self.model.page_size,
                        on_done=self._view_arrived, key="queue")

    def _view_arrived(self, answer: tuple[rq.QueueView, str]) -> None:
        view, note = answer
        if note:
            self.ctx.bus.status_message.emit(note)
        self._show_view(view)
        if not self._first_answer_in:
            self._first_answer_in = True
            # The other panels' first reads and builds start once these rows are painted:
            # started before, they shared the interpreter with the paint (a zero timer set
            # now runs before it: the paint is a low-priority posted event).
            viewport = self.view.viewport()
            if viewport.isVisibleTo(self.window()):  # painted now, or when the window shows
                viewport.installEventFilter(_AfterPaint(viewport, self._first_page_painted))
            else:  # a queue closed in the saved layout: nothing of it to paint
                QTimer.singleShot(0, self, self._first_page_painted)

    def _first_page_painted(self) -> None:
        if self.first_page_painted_at is None:
            self.first_page_painted_at = time.perf_counter()
            self.first_page_painted.emit()
            self.ctx.first_screen_ready()

    def _read_ahead(self, page_no: int, ids: list[int], token: int) -> None:
        # Asked for while a page paints: the worker starts after the paint, not during it.
        QTimer.singleShot(0, self, lambda: self.page_worker.run(
            rq.rows_for, ids, self.model.lang,
            on_done=lambda rows: self.model.page_arrived(page_no, ids, rows, token)))

    def is_loading(self) -> bool:
        return self.worker.is_running("queue")

    def _show_view(self, view: rq.QueueView) -> None:
        same_list = view.spec == self.model.spec
        state = ViewState.capture(self.view, self.model)
        self.model.show_ids(view.spec, view.ids, view.now, view.first_rows)
        if self._scroll_top:
            self._scroll_top = False
            self.view.scrollToTop()
        elif same_list:  # a refresh: the user keeps the rows, the selection and the scroll
            state.restore(self.view, self.model)
        else:  # another filter: the selected request stays selected if it is still listed
            self._restore_selection(state.current)
        self._show_counts(view.counts)
        self._show_serial_hint(view.serial)
        self._show_closed_hint(view.closed_matches)

    def _counter_filter(self, which: str, on: bool) -> None:
        if which == "unassigned":
            self.owner_combo.blockSignals(True)
            self.owner_combo.setCurrentIndex(self.owner_combo.findData("unassigned") if on else 0)
            self.owner_combo.blockSignals(False)
        else:
            other = self.risk_btn if which == "overdue" else self.overdue_btn
            other.setChecked(False)
        if on:
            self._select_open_group()
        self.apply_filters()

    def _show_open(self) -> None:
        self.overdue_btn.setChecked(False)
        self.risk_btn.setChecked(False)
        for combo in (self.priority_combo, self.team_combo, self.owner_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._select_open_group()
        self.apply_filters()

    def _select_open_group(self) -> None:
        self.status_combo.blockSignals(True)
        self.status_combo.setCurrentIndex(0)
        self.status_combo.blockSignals(False)

    def sort_by_urgency(self) -> None:
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._scroll_top = True
        self.load(self.model.spec.with_(sort="urgency", descending=False))

    def _show_counts(self, c: rq.QueueCounts) -> None:
        self.open_btn.set_value(self.tr("Open"), c.open)
        self.overdue_btn.set_value(self.tr("Overdue"), c.overdue)
        self.risk_btn.set_value(self.tr("At risk"), c.at_risk)
        self.unassigned_btn.set_value(self.tr("Unassigned"), c.unassigned)
        self.open_btn.setChecked(self.current_spec() == rq.QueueSpec(sort=self.model.spec.sort,
                                                                     descending=self.model.spec.descending))
        self.unassigned_btn.setChecked(self.owner_combo.currentData() == "unassigned")
        for btn, alert in ((self.overdue_btn, c.overdue > 0), (self.risk_btn, c.at_risk > 0)):
            btn.setProperty("alert", alert)
            btn.style().unpolish(btn)
            btn.style().polish(btn)
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%1 requests").replace("%1", fmt.number(n)) if n != 1
                                 else self.tr("1 request"))

    def _show_serial_hint(self, hit) -> None:
        if hit is None:
            self.serial_hint.hide()
            return
        self._hint_serial = hit.serial
        link = self.tr("Serial number %1: %2 at %3 — <a href='#'>show the unit</a>")
        self.serial_hint.setText(link.replace("%1", escape(hit.serial))
                                 .replace("%2", escape(hit.product)).replace("%3", escape(hit.customer)))
        self.serial_hint.show()

    def _show_closed_hint(self, n: int) -> None:
        if n:
            text = (self.tr("1 closed request matches — <a href='#'>show</a>") if n == 1 else
                    self.tr("%1 closed requests match — <a href='#'>show</a>").replace(
                        "%1", fmt.number(n)))
            self.closed_hint.setText(text)
        self.closed_hint.setVisible(bool(n))

    def show_closed(self) -> None:
        """The closed requests the search finds (the link of the hint)."""
        self.status_combo.setCurrentIndex(self.status_combo.findData("group:closed"))

    # -- selection, opening, refresh ------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _restore_selection(self, request_id: int | None) -> None:
        if request_id is None:
            return
        row = self.model.row_of(request_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)

    def _open_index(self, index) -> None:
        request_id = index.data(ID_ROLE)
        if request_id is not None:
            self.ctx.bus.open_request.emit(int(request_id))

    def select_request(self, request_id: int) -> bool:
        row = self.model.row_of(request_id)
        if row < 0:
            return False
        self._restore_selection(request_id)
        return True

    def _on_changes(self, changes: ChangeSet) -> None:
        """Refresh only what a committed unit of work changed (issue 13)."""
        if changes.touches(*lookup_tables.TABLES):
            self._fill_reference_combos()
        if self._list_changed(changes):
            self.refresh()  # the ids themselves: in the background, the view state kept
            return
        stale = changes.ids("service_request")
        if stale:
            self.model.mark_stale(stale)
            self._refresh_counts()
        if changes.touches("party", "unit", "product", "request_unit",
                           *lookup_tables.TABLES):
            self.model.mark_all_stale()  # names shown in many rows: the cached pages go

    def _list_changed(self, changes: ChangeSet) -> bool:
        """Whether the changes may add or remove rows of the list shown (or reorder it)."""
        if changes.bulk("service_request") or changes.ids("service_request", CREATED, DELETED):
            return True
        spec = self.model.spec
        watched = {"status"}
        if spec.priority_ids:
            watched.add("priority")
        if spec.team_id is not None:
            watched.add("team")
        if spec.owner_id is not None or spec.unassigned:
            watched.add("owner")
        if spec.urgency:
            watched |= {"sla_due", "sla_risk_at"}
        if spec.customer_id is not None or spec.text:
            watched |= {"customer", "subject", "description"}
        if any(c.fields & watched for c in changes.updated if c.entity == "service_request"):
            return True
        return bool((spec.text or spec.unit_id is not None) and changes.touches("request_unit"))

    def _refresh_counts(self) -> None:
        self.worker.run(lambda: rq.counters(operator_id=context.current().operator_id),
                        on_done=self._show_counts, key="counts")

    def refresh(self) -> None:
        """The same list again (new data, new time): rows, selection and scroll stay."""
        self.load(self.model.spec)

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    # -- header ----------------------------------------------------------------------------
    def _header_menu(self, pos) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for i, (key, _sort) in enumerate(COLUMNS):
            role = Qt.ItemDataRole.ToolTipRole if key == "priority" else Qt.ItemDataRole.DisplayRole
            action = menu.addAction(self.model.headerData(i, Qt.Orientation.Horizontal, role))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(key not in ("number", "customer"))
            action.toggled.connect(lambda on, col=i: self._toggle_column(col, on))
        menu.exec(header.mapToGlobal(pos))

    def _toggle_column(self, col: int, on: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(col, not on)
        self._save_header()

    def _save_header(self) -> None:
        if not self.ctx.screenshot_mode:
            QUEUE_HEADER.write(self.ctx.settings, self.view.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        if self.ctx.screenshot_mode:
            return
        state = QUEUE_HEADER.read(self.ctx.settings)
        if isinstance(state, QByteArray):
            self.view.horizontalHeader().restoreState(state)
            self.view.horizontalHeader().setSectionResizeMode(COL["customer"],
                                                              QHeaderView.ResizeMode.Stretch)


def dock_title() -> str:
    return QCoreApplication.translate("RequestQueueDock", "Service requests")
