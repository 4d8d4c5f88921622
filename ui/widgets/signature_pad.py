"""A pad the customer signs on with a finger, a pen or the mouse (R-X-7).

Strokes are kept in the signature's own box (``signatures.WIDTH`` x ``HEIGHT``), whatever the
size of the widget, so the same signature is drawn the same on screen and on paper. Mouse,
tablet (pen) and touch events all feed the same three steps: begin, extend, end a stroke.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from servicedesk.services import signatures

INK = QColor("#1e3a8a")


def draw(painter: QPainter, target: QRectF, path: str, *, width: float = 2.2) -> None:
    """Draw the signature ``path`` fitted into ``target`` (proportions kept)."""
    strokes = signatures.strokes(path)
    if not strokes:
        return
    scale = min(target.width() / signatures.WIDTH, target.height() / signatures.HEIGHT)
    dx = target.x() + (target.width() - signatures.WIDTH * scale) / 2
    dy = target.y() + (target.height() - signatures.HEIGHT * scale) / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(INK, max(width * scale, 0.8), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for stroke in strokes:
        line = QPainterPath(QPointF(dx + stroke[0][0] * scale, dy + stroke[0][1] * scale))
        if len(stroke) == 1:
            line.lineTo(QPointF(dx + stroke[0][0] * scale + 0.5, dy + stroke[0][1] * scale))
        for x, y in stroke[1:]:
            line.lineTo(QPointF(dx + x * scale, dy + y * scale))
        painter.drawPath(line)
    painter.restore()


def image(path: str, size: QSize = QSize(1200, 480)) -> QImage:
    """The signature as a transparent image (for the intervention sheet)."""
    out = QImage(size, QImage.Format.Format_ARGB32)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    draw(painter, QRectF(0, 0, size.width(), size.height()), path, width=3.0)
    painter.end()
    return out


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 144)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Sign here with a finger, a pen or the mouse"))
        self._strokes: list[list[tuple[float, float]]] = []
        self._drawing = False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(signatures.WIDTH, signatures.HEIGHT)

    # -- the signature ----------------------------------------------------------------------
    def is_empty(self) -> bool:
        return sum(len(s) for s in self._strokes) < 3

    def path(self) -> str:
        return signatures.to_path(self._strokes)

    def set_path(self, path: str) -> None:
        self._strokes = [list(s) for s in signatures.strokes(path)]
        self.update()
        self.changed.emit()

    def clear(self) -> None:
        self._strokes = []
        self.update()
        self.changed.emit()

    # -- geometry: widget ↔ the signature's box ------------------------------------------------
    def _box(self) -> tuple[float, float, float]:
        scale = min(self.width() / signatures.WIDTH, self.height() / signatures.HEIGHT)
        dx = (self.width() - signatures.WIDTH * scale) / 2
        dy = (self.height() - signatures.HEIGHT * scale) / 2
        return scale, dx, dy

    def _to_box(self, pos: QPointF) -> tuple[float, float]:
        scale, dx, dy = self._box()
        x = min(max((pos.x() - dx) / scale, 0.0), float(signatures.WIDTH))
        y = min(max((pos.y() - dy) / scale, 0.0), float(signatures.HEIGHT))
        return round(x, 1), round(y, 1)

    def begin(self, pos: QPointF) -> None:
        self._drawing = True
        self._strokes.append([self._to_box(pos)])
        self.update()

    def extend(self, pos: QPointF) -> None:
        if not self._drawing:
            return
        point = self._to_box(pos)
        if self._strokes[-1][-1] != point:
            self._strokes[-1].append(point)
            self.update()

    def end(self, pos: QPointF | None = None) -> None:
        if not self._drawing:
            return
        if pos is not None:
            self.extend(pos)
        self._drawing = False
        self.changed.emit()

    # -- input: mouse, pen, touch --------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.extend(event.position())
            event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.end(event.position())
            event.accept()

    def tabletEvent(self, event) -> None:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self.begin(event.position())
        elif kind == QEvent.Type.TabletMove and event.pressure() > 0:
            self.extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self.end(event.position())
        event.accept()  # no synthesized mouse events after a pen stroke

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self.begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self.extend(pos)
                else:
                    self.end(pos if kind == QEvent.Type.TouchEnd else None)
            event.accept()
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        scale, dx, dy = self._box()
        box = QRectF(dx, dy, signatures.WIDTH * scale, signatures.HEIGHT * scale)
        painter.setPen(QPen(QColor("#cbd5e1"), 1))
        painter.drawRect(box.adjusted(0, 0, -1, -1))
        base = box.y() + box.height() * 0.78
        painter.setPen(QPen(QColor("#94a3b8"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(box.x() + 24, base), QPointF(box.right() - 24, base))
        painter.setPen(QColor("#94a3b8"))
        painter.drawText(QPointF(box.x() + 8, base + 4), "✕")
        draw(painter, box, self.path())
        painter.end()
