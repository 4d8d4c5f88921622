"""The team board canvas: operators down, time across; drag a block to move it, its edge to resize.

Painted by hand (one ``paintEvent`` over the board data) rather than with one widget per block.
A busy week of the large database is 40 operators and ~900 blocks: a paint covers only the rows
Qt asks for (the part of the scroll area in view), blocks are grouped by row and their
rectangles and elided labels kept until the data or the width changes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from servicedesk import clock
from servicedesk.queries.board import BoardData, Block

from .. import fmt

NAME_W = 180
HEADER_H = 38
DAY_FROM = 7  # first hour shown
DAY_TO = 20  # last hour shown (exclusive)
SNAP_MIN = 15
EDGE_PX = 6
EDITABLE = ("planned", "in_progress")
_SPAN = DAY_TO - DAY_FROM
# combined once: each `|` of Qt flags costs a Python enum operation, per block per paint
_LEFT_MIDDLE = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_LEFT_BOTTOM = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
_LEFT_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


@dataclass
class _Drag:
    block: Block
    mode: str  # "move" or "resize"
    press_x: float
    press_y: float
    offset_min: int  # minutes between the block start and the pointer, for moves
    start: dt.datetime
    end: dt.datetime
    row: int
    moved: bool = False


@dataclass
class BoardLayout:
    """What painting a data set needs that no widget gives: the blocks of each row, where each
    block starts and ends in day units, its label. Plain Python, so the team board makes it on
    its worker together with the data (paging paints at once; issue 13: ≤ 100 ms)."""

    data: BoardData
    by_row: list[list[Block]]
    spans: dict[int, tuple[float, float]]
    labels: dict[int, str]


def board_layout(data: BoardData) -> BoardLayout:
    find = row_map(data).get
    by_row: list[list[Block]] = [[] for _ in data.rows]
    spans: dict[int, tuple[float, float]] = {}
    labels: dict[int, str] = {}
    for block in data.blocks:
        op = block.operator_id
        i = find((op, None if op is not None else block.team_id))
        if i is not None:
            by_row[i].append(block)
        spans[block.id] = (day_units(data, block.start), day_units(data, block.end))
        labels[block.id] = block_label(block)
    return BoardLayout(data, by_row, spans, labels)


def row_map(data: BoardData) -> dict[tuple[int | None, int | None], int]:
    """(operator, team of an unassigned row) → row index."""
    return {(r.operator_id, None if r.operator_id is not None else r.team_id): i
            for i, r in enumerate(data.rows)}


def day_units(data: BoardData, moment: dt.datetime) -> float:
    """Where ``moment`` falls in days from the first one shown (hours outside the shown ones at
    their edge), independent of the width."""
    day = (moment.date() - data.start).days
    hours = moment.hour + moment.minute / 60
    hours = min(max(hours, DAY_FROM), DAY_TO)
    day = min(max(day, 0), data.days)
    if day == data.days:
        hours = DAY_FROM
    return day + (hours - DAY_FROM) / _SPAN


def block_label(block: Block) -> str:
    text = block.customer + (f" · {block.city}" if block.city else "")
    return "! " + text if block.priority_rank <= 2 else text


class BoardView(QWidget):
    """Emits ``block_clicked(request_id)``, ``block_moved(block, operator_id, team_id, start, end)``
    and ``slot_double_clicked(operator_id, team_id, start)`` on an empty cell."""

    block_clicked = Signal(int)
    block_selected = Signal(object)  # Block | None
    block_moved = Signal(object, object, object, object, object)
    slot_double_clicked = Signal(object, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardView")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.data: BoardData | None = None
        self.lang = "en"
        self.editable = True
        self.row_h = 40
        self.selected_id: int | None = None
        self._drag: _Drag | None = None
        self.proposal: tuple[int | None, int | None, dt.datetime, dt.datetime] | None = None
        self._by_row: list[list[Block]] | None = None  # blocks of each row, in data order
        self._rects: dict[int, QRectF] = {}  # block id → rectangle, for the current width
        self._spans: dict[int, tuple[float, float]] = {}  # block id → start/end in day units
        self._labels: dict[int, str] = {}  # block id → label
        self._elided: dict[tuple[str, int, str], str] = {}
        self._styles: dict[int, tuple] = {}  # block id → colours, pens, label
        # colours and pens by (colour, status, priority colour): shared by the blocks of every
        # week shown, so that paging does not make them again (issue 13: paging ≤ 100 ms)
        self._inks: dict[tuple[str, str, str], tuple] = {}
        self.setMinimumWidth(NAME_W + 240)

    def set_proposal(self, operator_id: int | None, team_id: int | None,
                     start: dt.datetime | None, end: dt.datetime | None) -> None:
        """A dashed outline of the time being scheduled (the schedule dialog's mini board)."""
        self.proposal = (operator_id, team_id, start, end) if start and end else None
        self.update()

    # -- data -----------------------------------------------------------------------------------
    def set_data(self, data: BoardData, lang: str = "en", layout: BoardLayout | None = None) -> None:
        """Show ``data``; ``layout`` is its ``board_layout`` when made already (off the GUI
        thread), else the view makes what it paints as it paints it."""
        self.data = data
        self.lang = lang
        self.row_h = 40 if data.days == 1 else 34
        self.setMinimumHeight(HEADER_H + max(1, len(data.rows)) * self.row_h + 2)
        self._drag = None
        self._forget_geometry()
        self._styles.clear()
        if layout is not None and layout.data is data:
            self._by_row, self._spans, self._labels = layout.by_row, layout.spans, layout.labels
        else:
            self._by_row, self._spans, self._labels = None, {}, {}
        self.update()

    def _forget_geometry(self) -> None:
        self._rects.clear()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.size().width() != event.oldSize().width():
            self._forget_geometry()
        super().resizeEvent(event)

    def blocks_by_row(self) -> list[list[Block]]:
        """The blocks of each row (built once per data set)."""
        if self._by_row is None:
            self._by_row = board_layout(self.data).by_row if self.data is not None else []
        return self._by_row

    def _rect_of(self, block: Block, row: int, day_w: float | None = None) -> QRectF:
        """``block_rect(block, row)``, kept for the current width (its span in day units kept
        for the data set: a resize recomputes only the multiplication)."""
        rect = self._rects.get(block.id)
        if rect is None:
            span = self._spans.get(block.id)
            if span is None:
                span = self._spans[block.id] = (self._units(block.start), self._units(block.end))
            day_w = day_w or self._day_w()
            x1, x2 = NAME_W + span[0] * day_w, NAME_W + span[1] * day_w
            y = HEADER_H + row * self.row_h
            rect = self._rects[block.id] = QRectF(x1, y + 3, max(x2 - x1, 4.0), self.row_h - 6)
        return rect

    def _elide(self, fm: QFontMetrics, text: str, width: int, font: str = "small") -> str:
        """``text`` elided to ``width`` in the small font (or the one ``font`` names)."""
        key = (text, width, font)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) > 20_000:
                self._elided.clear()
            found = self._elided[key] = fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return found

    def row_index(self, operator_id: int | None, team_id: int | None = None) -> int | None:
        if self.data is None:
            return None
        if getattr(self, "_row_map_of", None) is not self.data:  # built once per data set
            self._row_map = row_map(self.data)
            self._row_map_of = self.data
        return self._row_map.get((operator_id, None if operator_id is not None else team_id))

    # -- geometry -------------------------------------------------------------------------------
    def _day_w(self) -> float:
        days = self.data.days if self.data else 1
        return max(10.0, (self.width() - NAME_W) / days)

    def x_of(self, moment: dt.datetime) -> float:
        return NAME_W + self._units(moment) * self._day_w()

    def _units(self, moment: dt.datetime) -> float:
        assert self.data is not None
        return day_units(self.data, moment)

    def time_at(self, x: float) -> dt.datetime:
        assert self.data is not None
        rel = max(0.0, x - NAME_W)
        day = min(int(rel // self._day_w()), self.data.days - 1)
        frac = (rel - day * self._day_w()) / self._day_w()
        minutes = DAY_FROM * 60 + frac * (DAY_TO - DAY_FROM) * 60
        minutes = int(round(minutes / SNAP_MIN) * SNAP_MIN)
        minutes = min(max(minutes, DAY_FROM * 60), DAY_TO * 60)
        return dt.datetime.combine(self.data.start + dt.timedelta(days=day), dt.time(0)) \
            + dt.timedelta(minutes=minutes)

    def row_at(self, y: float) -> int | None:
        if self.data is None or y < HEADER_H:
            return None
        i = int((y - HEADER_H) // self.row_h)
        return i if 0 <= i < len(self.data.rows) else None

    def block_rect(self, block: Block, row: int | None = None, start: dt.datetime | None = None,
                   end: dt.datetime | None = None) -> QRectF:
        if row is None:
            row = self.row_index(block.operator_id, block.team_id)
        x1 = self.x_of(start or block.start)
        x2 = self.x_of(end or block.end)
        y = HEADER_H + (row or 0) * self.row_h
        return QRectF(x1, y + 3, max(x2 - x1, 4.0), self.row_h - 6)

    def block_at(self, x: float, y: float) -> Block | None:
        if self.data is None:
            return None
        row = self.row_at(y)
        if row is None:
            return None
        for block in reversed(self.blocks_by_row()[row]):
            if self._rect_of(block, row).contains(QPointF(x, y)):
                return block
        return None

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        # The painter ends here whatever happens: one left active past the event (an early
        # return kept alive by a traceback) makes Qt warn and can crash when it goes later.
        p = QPainter(self)
        try:
            self._paint(p, event)
        finally:
            p.end()

    def _paint(self, p: QPainter, event) -> None:
        # No antialiasing: an antialiased rounded block costs ~1 ms to raster, and a busy week of
        # the large database paints a thousand of them (the 4 px corners look the same).
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        if self.data is None:
            return
        data = self.data
        day_w = self._day_w()
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        bold = QFont(font)
        bold.setBold(True)
        grid, off, muted = _GRID, _OFF, _MUTED
        text_color = pal.text().color()
        fm_bold, fm_small = QFontMetrics(bold), QFontMetrics(small)
        width = self.width()
        row_h = self.row_h
        x_of = self._fast_x(day_w)
        # only the rows Qt asks for: in a scroll area, the part in view
        clip = event.rect()
        first = max(0, int((clip.top() - HEADER_H) // self.row_h))
        last = min(len(data.rows) - 1, int((clip.bottom() - HEADER_H) // self.row_h))
        shown = range(first, last + 1)

        # rows: names, non-working time, absences
        days = [data.start + dt.timedelta(days=d) for d in range(data.days)]
        grid_pen = QPen(grid)
        unassigned = QCoreApplication.translate("Board", "Unassigned")
        no_team = QCoreApplication.translate("Board", "No team")
        for i in shown:
            row = data.rows[i]
            y = HEADER_H + i * row_h
            band = _BAND if i % 2 else _WHITE
            if i % 2:
                p.fillRect(QRectF(0, y, width, row_h), band)
            if row.operator_id is not None:
                working = data.working.get(row.operator_id, {})
                for d, day in enumerate(days):
                    p.fillRect(QRectF(NAME_W + d * day_w, y, day_w, row_h), off)
                    for a, b in working.get(day, ()):
                        xa = x_of(a)
                        p.fillRect(QRectF(xa, y, x_of(b) - xa, row_h), band)
            else:
                p.fillRect(QRectF(NAME_W, y, width - NAME_W, row_h), _TEAM_ROW)
            p.setPen(grid_pen)
            p.drawLine(QPointF(0, y + row_h), QPointF(width, y + row_h))
            # name column
            p.fillRect(QRectF(0, y + 4, 4, row_h - 8), QColor(row.color))
            p.setFont(bold)
            name = row.name if row.operator_id is not None else unassigned
            p.setPen(text_color if row.operator_id is not None else muted)
            p.drawText(QRectF(10, y + 2, NAME_W - 14, row_h / 2), _LEFT_BOTTOM,
                       self._elide(fm_bold, name, NAME_W - 14, "bold"))
            p.setFont(small)
            p.setPen(muted)
            p.drawText(QRectF(10, y + row_h / 2, NAME_W - 14, row_h / 2 - 2), _LEFT_TOP,
                       self._elide(fm_small, row.team_name or no_team, NAME_W - 14))
            if i + 1 < len(data.rows) and data.rows[i + 1].team_id != row.team_id:
                p.setPen(_TEAM_LINE_PEN)
                p.drawLine(QPointF(0, y + row_h), QPointF(width, y + row_h))

        rows_of = {r.operator_id: i for i, r in enumerate(data.rows) if r.operator_id is not None}
        hatch = QBrush(QColor("#f59e0b"), Qt.BrushStyle.BDiagPattern)
        for a in data.absences:
            i = rows_of.get(a.operator_id)
            if i is None or i not in shown:
                continue
            y = HEADER_H + i * row_h
            x1, x2 = x_of(a.start), x_of(a.end)
            if x2 - x1 < 1:
                continue
            rect = QRectF(x1, y + 1, x2 - x1, row_h - 2)
            p.fillRect(rect, _ABSENCE)
            p.fillRect(rect, hatch)
            p.setPen(_ABSENCE_INK)
            p.setFont(small)
            p.drawText(rect.adjusted(4, 0, -2, 0), _LEFT_MIDDLE,
                       self._elide(fm_small, absence_label(a.kind), int(rect.width()) - 6))

        # header and grid
        height = self.height()
        p.fillRect(QRectF(0, 0, width, HEADER_H), _HEADER)
        p.setPen(grid_pen)
        p.drawLine(QPointF(0, HEADER_H), QPointF(width, HEADER_H))
        p.drawLine(QPointF(NAME_W, 0), QPointF(NAME_W, height))
        today = clock.today()
        fm_font = QFontMetrics(font)
        hour_w = fm_small.horizontalAdvance("00")
        for d, day in enumerate(days):
            x0 = NAME_W + d * day_w
            p.setPen(_DAY_PEN)
            p.drawLine(QPointF(x0, 0), QPointF(x0, height))
            p.setFont(bold if day == today else font)
            p.setPen(_TODAY if day == today else text_color)
            label = f"{weekday_name(day)} {fmt.date(day)}"
            if data.days > 1 and day_w < fm_font.horizontalAdvance(label) + 8:
                label = f"{weekday_name(day)[:3]} {day.day}"
            p.drawText(QRectF(x0, 0, day_w, HEADER_H / 2 + 2), Qt.AlignmentFlag.AlignCenter, label)
            step = 1 if day_w > 600 else 2 if day_w > 200 else 4
            p.setFont(small)
            for h in range(DAY_FROM, DAY_TO):
                xh = x0 + (h - DAY_FROM) / _SPAN * day_w
                if h != DAY_FROM:
                    p.setPen(_HOUR_PEN)
                    p.drawLine(QPointF(xh, HEADER_H), QPointF(xh, height))
                if (h - DAY_FROM) % step == 0 and xh + hour_w + 4 < x0 + day_w:
                    p.setPen(muted)
                    p.drawText(QRectF(xh + 2, HEADER_H / 2, 40, HEADER_H / 2),
                               _LEFT_MIDDLE, f"{h:02d}")

        # blocks
        dragged = self._drag.block.id if self._drag is not None and self._drag.moved else None
        by_row = self.blocks_by_row()
        rect_of, paint_block = self._rect_of, self._paint_block
        for i in shown:
            for block in by_row[i]:
                if block.id != dragged:
                    paint_block(p, rect_of(block, i, day_w), block, small, fm_small)
        if self._drag is not None and self._drag.moved:
            d = self._drag
            rect = self.block_rect(d.block, d.row, d.start, d.end)
            p.setOpacity(0.8)
            self._paint_block(p, rect, d.block, small, fm_small)
            p.setOpacity(1.0)
            p.setPen(QPen(QColor("#111827"), 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect, 4, 4)
            p.setFont(small)
            p.setPen(QColor("#111827"))
            tip = f"{fmt.time(d.start.time())}–{fmt.time(d.end.time())}"
            p.drawText(QRectF(rect.x(), rect.y() - 14, 120, 14), Qt.AlignmentFlag.AlignLeft, tip)

        if self.proposal is not None:
            op_id, team_id, start, end = self.proposal
            row = self.row_index(op_id, team_id)
            if row is not None and start < dt.datetime.combine(data.end, dt.time(0)) \
                    and end > dt.datetime.combine(data.start, dt.time(0)):
                y = HEADER_H + row * self.row_h
                rect = QRectF(self.x_of(start), y + 2, max(self.x_of(end) - self.x_of(start), 4.0),
                              self.row_h - 4)
                p.setPen(QPen(QColor("#111827"), 2, Qt.PenStyle.DashLine))
                p.setBrush(QColor(17, 24, 39, 30))
                p.drawRoundedRect(rect, 4, 4)

        # now line
        now = clock.now()
        if data.start <= now.date() < data.end and DAY_FROM <= now.hour < DAY_TO:
            x = self.x_of(now)
            p.setPen(QPen(QColor("#dc2626"), 2))
            p.drawLine(QPointF(x, HEADER_H - 6), QPointF(x, self.height()))

    def _fast_x(self, day_w: float):
        """``x_of`` for one paint (the day width computed once)."""
        units = self._units

        def x_of(moment: dt.datetime) -> float:
            return NAME_W + units(moment) * day_w
        return x_of

    def _style(self, block: Block) -> tuple:
        """A block's colours, pens and label (the same for every paint of one data set)."""
        style = self._styles.get(block.id)
        if style is None:
            key = (block.color, block.status, block.priority_color)
            inks = self._inks.get(key)
            if inks is None:
                if len(self._inks) > 2_000:
                    self._inks.clear()
                color = QColor(block.color)
                if block.status == "done":
                    color.setAlpha(110)
                ink = _WHITE if _dark(color) and block.status != "done" else _INK
                inks = self._inks[key] = (color, QPen(color.darker(140), 1),
                                          QColor(block.priority_color), ink)
            text = self._labels.get(block.id) or block_label(block)
            color, pen, stripe, ink = inks
            style = self._styles[block.id] = (color, pen, stripe, text, ink)
        return style

    def _paint_block(self, p: QPainter, rect: QRectF, block: Block, font: QFont,
                     fm: QFontMetrics) -> None:
        color, pen, stripe_color, text, ink = self._style(block)
        width = rect.width()
        p.setPen(_SELECTED_PEN if block.id == self.selected_id else pen)
        p.setBrush(color)
        if width < 30:
            p.drawRect(rect)  # a narrow block: rounded corners would not show
        else:
            p.drawRoundedRect(rect, 4, 4)
        p.fillRect(QRectF(rect.x(), rect.y(), min(5.0, width), rect.height()), stripe_color)
        if block.status == "in_progress":
            p.setPen(_IN_PROGRESS_PEN)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        if width < 20:
            return
        p.setFont(font)
        p.setPen(ink)
        p.drawText(rect.adjusted(8, 0, -3, 0), _LEFT_MIDDLE, self._elide(fm, text, int(width) - 11))

    # -- interaction ----------------------------------------------------------------------------
    def _can_edit(self, block: Block) -> bool:
        return self.editable and block.status in EDITABLE

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self.data is None:
            return super().mousePressEvent(event)
        pos = event.position()
        block = self.block_at(pos.x(), pos.y())
        self.selected_id = block.id if block else None
        self.block_selected.emit(block)
        if block is None:
            self.update()
            return
        rect = self.block_rect(block)
        mode = "resize" if rect.right() - pos.x() <= EDGE_PX and rect.width() > 2 * EDGE_PX else "move"
        pointer = self.time_at(pos.x())
        offset = int((pointer - block.start).total_seconds() // 60)
        self._drag = _Drag(block, mode, pos.x(), pos.y(), offset, block.start, block.end,
                           self.row_index(block.operator_id, block.team_id) or 0)
        self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        d = self._drag
        if d is None:
            block = self.block_at(pos.x(), pos.y())
            if block is not None and self._can_edit(block):
                rect = self.block_rect(block)
                near = rect.right() - pos.x() <= EDGE_PX and rect.width() > 2 * EDGE_PX
                self.setCursor(Qt.CursorShape.SizeHorCursor if near else Qt.CursorShape.OpenHandCursor)
            else:
                self.unsetCursor()
            return
        if not self._can_edit(d.block):
            return
        if not d.moved and abs(pos.x() - d.press_x) < 4 and abs(pos.y() - d.press_y) < 4:
            return
        d.moved = True
        duration = d.block.end - d.block.start
        if d.mode == "move":
            start = self.time_at(pos.x()) - dt.timedelta(minutes=d.offset_min)
            start = _snap(start)
            d.start, d.end = start, start + duration
            row = self.row_at(pos.y())
            if row is not None:
                d.row = row
        else:
            end = _snap(self.time_at(pos.x()))
            if end.date() != d.block.start.date():
                end = dt.datetime.combine(d.block.start.date(), dt.time(DAY_TO))
            d.end = max(end, d.start + dt.timedelta(minutes=SNAP_MIN))
        self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        d = self._drag
        self._drag = None
        self.unsetCursor()
        if d is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        if not d.moved:
            self.block_clicked.emit(d.block.request_id)
            self.update()
            return
        row = self.data.rows[d.row]
        same_row = row.operator_id == d.block.operator_id and (
            row.operator_id is not None or row.team_id == d.block.team_id)
        if same_row and d.start == d.block.start and d.end == d.block.end:
            self.update()
            return
        self.block_moved.emit(d.block, row.operator_id, row.team_id, d.start, d.end)
        self.update()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        if self.block_at(pos.x(), pos.y()) is not None or pos.x() < NAME_W:
            return
        row = self.row_at(pos.y())
        if row is None:
            return
        r = self.data.rows[row]
        self.slot_double_clicked.emit(r.operator_id, r.team_id, self.time_at(pos.x()))

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip and self.data is not None:
            pos = event.position() if hasattr(event, "position") else event.pos()
            block = self.block_at(pos.x(), pos.y())
            if block is not None:
                QToolTip.showText(event.globalPos(), block_tooltip(block, self.lang), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


_WHITE = QColor("#ffffff")
_BAND = QColor("#fafbfc")  # every other row
_GRID = QColor("#d7dbe0")
_OFF = QColor("#eef0f3")  # outside working hours
_MUTED = QColor("#6b7280")
_TEAM_ROW = QColor("#f5f3ff")
_HEADER = QColor("#f3f4f6")
_TODAY = QColor("#b91c1c")
_ABSENCE = QColor(254, 243, 199, 200)
_ABSENCE_INK = QColor("#92400e")
_TEAM_LINE_PEN = QPen(QColor("#9ca3af"), 1.5)
_DAY_PEN = QPen(QColor("#9ca3af"), 1.2)
_HOUR_PEN = QPen(QColor("#e5e7eb"), 1, Qt.PenStyle.DotLine)
_INK = QColor("#111827")
_SELECTED_PEN = QPen(QColor("#111827"), 2)
_IN_PROGRESS_PEN = QPen(QColor("#111827"), 1, Qt.PenStyle.DashLine)


def _snap(moment: dt.datetime) -> dt.datetime:
    minutes = moment.hour * 60 + moment.minute
    snapped = int(round(minutes / SNAP_MIN) * SNAP_MIN)
    return dt.datetime.combine(moment.date(), dt.time(0)) + dt.timedelta(minutes=snapped)


def _dark(color: QColor) -> bool:
    return (0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()) < 150


def weekday_name(day: dt.date) -> str:
    names = [QCoreApplication.translate("Board", "Monday"), QCoreApplication.translate("Board", "Tuesday"),
             QCoreApplication.translate("Board", "Wednesday"), QCoreApplication.translate("Board", "Thursday"),
             QCoreApplication.translate("Board", "Friday"), QCoreApplication.translate("Board", "Saturday"),
             QCoreApplication.translate("Board", "Sunday")]
    return names[day.weekday()]


def absence_label(kind: str) -> str:
    return {
        "holiday": QCoreApplication.translate("Board", "Holiday"),
        "sick": QCoreApplication.translate("Board", "Sick leave"),
        "training": QCoreApplication.translate("Board", "Training"),
        "other": QCoreApplication.translate("Board", "Absent"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {
        "planned": QCoreApplication.translate("Board", "Planned"),
        "in_progress": QCoreApplication.translate("Board", "In progress"),
        "done": QCoreApplication.translate("Board", "Done"),
        "cancelled": QCoreApplication.translate("Board", "Cancelled"),
    }.get(status, status)


def block_tooltip(block: Block, lang: str) -> str:
    activity = block.activity_it if lang == "it" else block.activity_en
    when = f"{fmt.date(block.start.date())} {fmt.time(block.start.time())}–{fmt.time(block.end.time())}"
    status_word = QCoreApplication.translate("Board", "Status")
    lines = [f"<b>{_esc(block.customer)}</b>" + (f" · {_esc(block.city)}" if block.city else ""),
             f"{_esc(block.request_number)} – {_esc(block.subject)}" if block.subject else _esc(block.request_number),
             f"{_esc(activity)} · {when}",
             f"{status_word}: {status_label(block.status)}"]
    return "<br>".join(lines)


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
