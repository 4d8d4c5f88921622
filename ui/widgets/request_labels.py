"""Translated names and marks shared by the request queue, editor and serial lookup."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPixmap

from servicedesk.services import sla

URGENCY_COLORS = {sla.OVERDUE: "#b91c1c", sla.AT_RISK: "#b45309", sla.PAUSED: "#6b7280"}
URGENCY_TINTS = {sla.OVERDUE: "#fde8e8", sla.AT_RISK: "#fdf3e1"}


def status_name(code: str) -> str:
    names = {
        "new": QCoreApplication.translate("RequestLabels", "New"),
        "assigned": QCoreApplication.translate("RequestLabels", "Assigned"),
        "in_progress": QCoreApplication.translate("RequestLabels", "In progress"),
        "waiting_customer": QCoreApplication.translate("RequestLabels", "Waiting for customer"),
        "waiting_supplier": QCoreApplication.translate("RequestLabels", "Waiting for supplier"),
        "resolved": QCoreApplication.translate("RequestLabels", "Resolved"),
        "closed": QCoreApplication.translate("RequestLabels", "Closed"),
        "cancelled": QCoreApplication.translate("RequestLabels", "Cancelled"),
    }
    return names.get(code, code)


def status_short_name(code: str) -> str:
    """The status in a narrow column (the request queue): the waiting ones shortened."""
    names = {
        "waiting_customer": QCoreApplication.translate("RequestLabels", "Waiting: customer"),
        "waiting_supplier": QCoreApplication.translate("RequestLabels", "Waiting: supplier"),
    }
    return names.get(code) or status_name(code)


def contract_status_name(code: str) -> str:
    """A contract's status where the request area shows it (the serial-number lookup)."""
    names = {
        "draft": QCoreApplication.translate("RequestLabels", "draft"),
        "active": QCoreApplication.translate("RequestLabels", "active"),
        "suspended": QCoreApplication.translate("RequestLabels", "suspended"),
        "expired": QCoreApplication.translate("RequestLabels", "expired"),
        "cancelled": QCoreApplication.translate("RequestLabels", "cancelled"),
        "closed": QCoreApplication.translate("RequestLabels", "closed"),
    }
    return names.get(code, code)


def transition_label(code: str) -> str:
    """The button text that moves a request to ``code``."""
    names = {
        "new": QCoreApplication.translate("RequestLabels", "Restore"),
        "assigned": QCoreApplication.translate("RequestLabels", "Assigned"),
        "in_progress": QCoreApplication.translate("RequestLabels", "Start work"),
        "waiting_customer": QCoreApplication.translate("RequestLabels", "Wait for customer"),
        "waiting_supplier": QCoreApplication.translate("RequestLabels", "Wait for supplier"),
        "resolved": QCoreApplication.translate("RequestLabels", "Resolve…"),
        "closed": QCoreApplication.translate("RequestLabels", "Close"),
        "cancelled": QCoreApplication.translate("RequestLabels", "Cancel request"),
    }
    return names.get(code, code)


def channel_name(code: str) -> str:
    names = {
        "phone": QCoreApplication.translate("RequestLabels", "Phone"),
        "email": QCoreApplication.translate("RequestLabels", "E-mail"),
        "web": QCoreApplication.translate("RequestLabels", "Web"),
        "onsite": QCoreApplication.translate("RequestLabels", "On site"),
    }
    return names.get(code, code)


def urgency_name(code: str) -> str:
    names = {
        sla.OVERDUE: QCoreApplication.translate("RequestLabels", "Overdue"),
        sla.AT_RISK: QCoreApplication.translate("RequestLabels", "At risk"),
        sla.OK: QCoreApplication.translate("RequestLabels", "On time"),
        sla.PAUSED: QCoreApplication.translate("RequestLabels", "Clock paused"),
        sla.NONE: "",
    }
    return names.get(code, code)


def age_text(opened: dt.datetime | None, now: dt.datetime) -> str:
    if opened is None:
        return ""
    minutes = max(int((now - opened).total_seconds() // 60), 0)
    if minutes >= 24 * 60:
        return QCoreApplication.translate("RequestLabels", "%1 d").replace("%1", str(minutes // 1440))
    if minutes >= 60:
        return QCoreApplication.translate("RequestLabels", "%1 h").replace("%1", str(minutes // 60))
    return QCoreApplication.translate("RequestLabels", "%1 min").replace("%1", str(minutes))


def short_datetime(value: dt.datetime | None, now: dt.datetime) -> str:
    """"14:30" today, "27/11 14:30" this year, "27/11/25 14:30" otherwise (narrow columns;
    the full date is in the tooltip)."""
    if value is None:
        return ""
    # Fixed numeric patterns, the same in every language: formatted here, not through a
    # QDateTime (building one costs ~0.1 ms, and a screen of the queue shows dozens).
    if value.date() == now.date():
        return f"{value.hour:02d}:{value.minute:02d}"
    if value.year == now.year:
        return f"{value.day:02d}/{value.month:02d} {value.hour:02d}:{value.minute:02d}"
    return f"{value.day:02d}/{value.month:02d}/{value.year % 100:02d} {value.hour:02d}:{value.minute:02d}"


def remaining_text(minutes: int | None, overdue: bool = False) -> str:
    """Working time left ("3 h 20 min of working time left") or past the deadline."""
    if minutes is None:
        return ""
    span = abs(minutes)
    text = f"{span // 60} h {span % 60:02d} min" if span >= 60 else f"{span} min"
    if overdue or minutes < 0:
        if span == 0:
            return QCoreApplication.translate("RequestLabels", "overdue")
        return QCoreApplication.translate("RequestLabels", "overdue by %1 of working time").replace("%1", text)
    return QCoreApplication.translate("RequestLabels", "%1 of working time left").replace("%1", text)


_ICONS: dict[str, QIcon] = {}


def urgency_icon(code: str) -> QIcon | None:
    """A small shape per urgency, so the mark does not rely on colour alone."""
    if code not in URGENCY_COLORS:
        return None
    icon = _ICONS.get(code)
    if icon is None:
        icon = QIcon(_draw(code, 32))
        _ICONS[code] = icon
    return icon


def priority_icon(color: str) -> QIcon:
    key = "p" + color
    icon = _ICONS.get(key)
    if icon is None:
        pm = QPixmap(24, 24)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(color))
        p.drawRoundedRect(QRectF(5, 5, 14, 14), 3, 3)
        p.end()
        icon = QIcon(pm)
        _ICONS[key] = icon
    return icon


def _draw(code: str, size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(URGENCY_COLORS[code])
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    s = float(size)
    if code == sla.OVERDUE:  # red disc with "!"
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        glyph = "!"
    elif code == sla.AT_RISK:  # amber triangle with "!"
        path = QPainterPath(QPointF(s / 2, 1))
        path.lineTo(s - 1, s - 2)
        path.lineTo(1, s - 2)
        path.closeSubpath()
        p.drawPath(path)
        glyph = "!"
    else:  # paused: grey disc with two bars
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        p.setBrush(QColor("#ffffff"))
        p.drawRect(QRectF(s * 0.34, s * 0.28, s * 0.11, s * 0.44))
        p.drawRect(QRectF(s * 0.55, s * 0.28, s * 0.11, s * 0.44))
        p.end()
        return pm
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(s * 0.62))
    p.setFont(font)
    p.setPen(QColor("#ffffff"))
    rect = QRectF(0, s * 0.08 if code == sla.AT_RISK else 0, s, s)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyph)
    p.end()
    return pm
