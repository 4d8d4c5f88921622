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
        self._elided: dict[tuple[str, int], str] = {}
        self._styles: dict[int, tuple] = {}  # block id → colours, pens, label
        self.setMinimumWidth(NAME_W + 240)

    def set_proposal(self, operator_id: int | None, team_id: int | None,
                     start: dt.datetime | None, end: dt.datetime | None) -> None:
        """A dashed outline of the time being scheduled (the schedule dialog's mini board)."""
        self.proposal = (operator_id, team_id, start, end) if start and end else None
        self.update()

    # -- data -----------------------------------------------------------------------------------
    def set_data(self, data: BoardData, lang: str = "en") -> None:
        self.data = data
        self.lang = lang
        self.row_h = 40 if data.days == 1 else 34
        self.setMinimumHeight(HEADER_H + max(1, len(data.rows)) * self.row_h + 2)
        self._drag = None
        self._forget_geometry()
        self._by_row = None
        self._styles.clear()
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
            rows: list[list[Block]] = [[] for _ in (self.data.rows if self.data else [])]
            for block in (self.data.blocks if self.data else []):
                i = self.row_index(block.operator_id, block.team_id)
                if i is not None:
                    rows[i].append(block)
            self._by_row = rows
        return self._by_row

    def _rect_of(self, block: Block, row: int) -> QRectF:
        rect = self._rects.get(block.id)
        if rect is None:
            rect = self._rects[block.id] = self.block_rect(block, row)
        return rect

    def _elide(self, fm: QFontMetrics, text: str, width: int) -> str:
        key = (text, width)
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
            self._row_map = {(r.operator_id, None if r.operator_id is not None else r.team_id): i
                             for i, r in enumerate(self.data.rows)}
            self._row_map_of = self.data
        return self._row_map.get((operator_id, None if operator_id is not None else team_id))

    # -- geometry -------------------------------------------------------------------------------
    def _day_w(self) -> float:
        days = self.data.days if self.data else 1
        return max(10.0, (self.width() - NAME_W) / days)

    def x_of(self, moment: dt.datetime) -> float:
        assert self.data is not None
        day = (moment.date() - self.data.start).days
        hours = moment.hour + moment.minute / 60
        hours = min(max(hours, DAY_FROM), DAY_TO)
        day = min(max(day, 0), self.data.days)
        if day == self.data.days:
            hours = DAY_FROM
        return NAME_W + day * self._day_w() + (hours - DAY_FROM) / (DAY_TO - DAY_FROM) * self._day_w()

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
        p = QPainter(self)
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
        grid = QColor("#d7dbe0")
        off = QColor("#eef0f3")
        text_color = pal.text().color()
        muted = QColor("#6b7280")
        # only the rows Qt asks for: in a scroll area, the part in view
        clip = event.rect()
        first = max(0, int((clip.top() - HEADER_H) // self.row_h))
        last = min(len(data.rows) - 1, int((clip.bottom() - HEADER_H) // self.row_h))
        shown = range(first, last + 1)

        # rows: names, non-working time, absences
        for i in shown:
            row = data.rows[i]
            y = HEADER_H + i * self.row_h
            if i % 2:
                p.fillRect(QRectF(0, y, self.width(), self.row_h), QColor("#fafbfc"))
            if row.operator_id is not None:
                working = data.working.get(row.operator_id, {})
                for d in range(data.days):
                    day = data.start + dt.timedelta(days=d)
                    x0 = NAME_W + d * day_w
                    p.fillRect(QRectF(x0, y, day_w, self.row_h), off)
                    for a, b in working.get(day, []):
                        xa, xb = self.x_of(a), self.x_of(b)
                        p.fillRect(QRectF(xa, y, xb - xa, self.row_h),
                                   QColor("#ffffff") if i % 2 == 0 else QColor("#fafbfc"))
            else:
                p.fillRect(QRectF(NAME_W, y, self.width() - NAME_W, self.row_h), QColor("#f5f3ff"))
            p.setPen(QPen(grid))
            p.drawLine(QPointF(0, y + self.row_h), QPointF(self.width(), y + self.row_h))
            # name column
            p.setPen(QPen(QColor(row.color)))
            p.fillRect(QRectF(0, y + 4, 4, self.row_h - 8), QColor(row.color))
            p.setFont(bold)
            name = row.name if row.operator_id is not None else QCoreApplication.translate("Board", "Unassigned")
            fm = QFontMetrics(bold)
            p.setPen(text_color if row.operator_id is not None else muted)
            p.drawText(QRectF(10, y + 2, NAME_W - 14, self.row_h / 2),
                       _LEFT_BOTTOM,
                       fm.elidedText(name, Qt.TextElideMode.ElideRight, NAME_W - 14))
            p.setFont(small)
            p.setPen(muted)
            team = row.team_name or QCoreApplication.translate("Board", "No team")
            p.drawText(QRectF(10, y + self.row_h / 2, NAME_W - 14, self.row_h / 2 - 2),
                       _LEFT_TOP,
                       QFontMetrics(small).elidedText(team, Qt.TextElideMode.ElideRight, NAME_W - 14))
            if i + 1 < len(data.rows) and data.rows[i + 1].team_id != row.team_id:
                p.setPen(QPen(QColor("#9ca3af"), 1.5))
                p.drawLine(QPointF(0, y + self.row_h), QPointF(self.width(), y + self.row_h))

        rows_of = {r.operator_id: i for i, r in enumerate(data.rows) if r.operator_id is not None}
        hatch = QBrush(QColor("#f59e0b"), Qt.BrushStyle.BDiagPattern)
        for a in data.absences:
            i = rows_of.get(a.operator_id)
            if i is None or i not in shown:
                continue
            y = HEADER_H + i * self.row_h
            x1, x2 = self.x_of(a.start), self.x_of(a.end)
            if x2 - x1 < 1:
                continue
            rect = QRectF(x1, y + 1, x2 - x1, self.row_h - 2)
            p.fillRect(rect, QColor(254, 243, 199, 200))
            p.fillRect(rect, hatch)
            p.setPen(QColor("#92400e"))
            p.setFont(small)
            p.drawText(rect.adjusted(4, 0, -2, 0), _LEFT_MIDDLE,
                       QFontMetrics(small).elidedText(absence_label(a.kind), Qt.TextElideMode.ElideRight,
                                                      int(rect.width()) - 6))

        # header and grid
        p.fillRect(QRectF(0, 0, self.width(), HEADER_H), QColor("#f3f4f6"))
        p.setPen(QPen(grid))
        p.drawLine(QPointF(0, HEADER_H), QPointF(self.width(), HEADER_H))
        p.drawLine(QPointF(NAME_W, 0), QPointF(NAME_W, self.height()))
        today = clock.today()
        for d in range(data.days):
            day = data.start + dt.timedelta(days=d)
            x0 = NAME_W + d * day_w
            p.setPen(QPen(QColor("#9ca3af"), 1.2))
            p.drawLine(QPointF(x0, 0), QPointF(x0, self.height()))
            p.setFont(bold if day == today else font)
            p.setPen(QColor("#b91c1c") if day == today else text_color)
            label = f"{weekday_name(day)} {fmt.date(day)}"
            if data.days > 1 and day_w < QFontMetrics(font).horizontalAdvance(label) + 8:
                label = f"{weekday_name(day)[:3]} {day.day}"
            p.drawText(QRectF(x0, 0, day_w, HEADER_H / 2 + 2), Qt.AlignmentFlag.AlignCenter, label)
            step = 1 if day_w > 600 else 2 if day_w > 200 else 4
            p.setFont(small)
            for h in range(DAY_FROM, DAY_TO):
                xh = x0 + (h - DAY_FROM) / (DAY_TO - DAY_FROM) * day_w
                if h != DAY_FROM:
                    p.setPen(QPen(QColor("#e5e7eb"), 1, Qt.PenStyle.DotLine))
                    p.drawLine(QPointF(xh, HEADER_H), QPointF(xh, self.height()))
                if (h - DAY_FROM) % step == 0 and xh + QFontMetrics(small).horizontalAdvance("00") + 4 < x0 + day_w:
                    p.setPen(muted)
                    p.drawText(QRectF(xh + 2, HEADER_H / 2, 40, HEADER_H / 2),
                               _LEFT_MIDDLE, f"{h:02d}")

        # blocks
        fm_small = QFontMetrics(small)
        dragged = self._drag.block.id if self._drag is not None and self._drag.moved else None
        by_row = self.blocks_by_row()
        for i in shown:
            for block in by_row[i]:
                if block.id != dragged:
                    self._paint_block(p, self._rect_of(block, i), block, small, fm_small)
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
        p.end()

    def _style(self, block: Block) -> tuple:
        """A block's colours, pens and label (the same for every paint of one data set)."""
        style = self._styles.get(block.id)
        if style is None:
            color = QColor(block.color)
            if block.status == "done":
                color.setAlpha(110)
            text = block.customer + (f" · {block.city}" if block.city else "")
            if block.priority_rank <= 2:
                text = "! " + text
            ink = QColor("#ffffff") if _dark(color) and block.status != "done" else QColor("#111827")
            style = self._styles[block.id] = (color, QPen(color.darker(140), 1),
                                              QColor(block.priority_color), text, ink)
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
