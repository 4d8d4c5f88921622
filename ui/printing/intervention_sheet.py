"""The intervention sheet a technician takes along: printed or saved as an A4 PDF (R-REQ-3, R-X-7).

Customer, address, contact, units and serials, problem and instructions, contract and tickets;
then ruled space for the work done, the times, and two signature boxes. It is painted with
QPainter in real print sizes (points converted to the device's dots), so it reads the same on
a 300 dpi PDF and on a 1200 dpi printer; long texts flow onto a second page and the writing
space always sits on the last one.

Hook for the signature captured on site (R-X-7): pass ``signature=`` (a QImage) to
:func:`save_pdf` / :func:`print_sheet` / :func:`render`; it is scaled into the customer's box
(:func:`customer_signature_box` gives that box) keeping its proportions.
"""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize,
                           QPagedPaintDevice, QPainter, QPdfWriter, QPen, QTextLayout,
                           QTextOption)

from servicedesk import clock
from servicedesk.services.interventions import InterventionDetails, details

from .. import fmt

FAMILY = "DejaVu Sans"  # installed with the app's fonts everywhere we run (CI too)
MARGIN_MM = 14
# Print sizes in points: body text >= 10 pt, readable on paper at arm's length.
TITLE_PT, NUMBER_PT, HEADING_PT, BODY_PT, LABEL_PT, FOOT_PT = 18, 13, 11.5, 11, 10, 8.5
LINE_GAP_PT = 26  # ruled writing lines, about 9 mm apart
NOTES_MIN_PT = 130  # at least 5 writing lines (~45 mm) beside the rest, else a page of them
SIGN_BOX_PT = 92  # height of a signature box (about 32 mm)
GREY = QColor("#555555")
RULE = QColor("#9a9a9a")


@dataclass
class _Fonts:
    title: QFont
    number: QFont
    heading: QFont
    body: QFont
    bold: QFont
    label: QFont
    foot: QFont


class _Sheet:
    """One sheet being painted: a cursor ``y`` in device dots on the current page."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter, info: InterventionDetails,
                 lang: str, signature: QImage | None) -> None:
        self.device, self.p, self.info, self.lang = device, painter, info, lang
        self.signature = signature
        self.dpi = device.logicalDpiY()
        area = device.pageLayout().paintRectPixels(device.logicalDpiX())
        self.width, self.bottom = float(area.width()), float(area.height())
        self.y = 0.0
        self.page = 1
        self.fonts = _Fonts(*(self.font(size, bold) for size, bold in (
            (TITLE_PT, True), (NUMBER_PT, True), (HEADING_PT, True), (BODY_PT, False),
            (BODY_PT, True), (LABEL_PT, False), (FOOT_PT, False))))
        self.foot_height = self.pt(FOOT_PT * 2.2)

    # -- units and fonts --------------------------------------------------------------------------
    signer = ""  # who signed on screen, printed on the customer's name line (#16)

    def pt(self, points: float) -> float:
        return points * self.dpi / 72.0

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(FAMILY)
        font.setPixelSize(max(1, round(self.pt(points))))  # dots of this device: no DPI guesswork
        font.setBold(bold)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    # -- flow -------------------------------------------------------------------------------------
    @property
    def limit(self) -> float:
        return self.bottom - self.foot_height

    def new_page(self) -> None:
        self.footer()
        self.device.newPage()
        self.page += 1
        self.y = 0.0

    def need(self, height: float) -> None:
        if self.y + height > self.limit and self.y > 0:
            self.new_page()

    def lines(self, text: str, font: QFont, width: float) -> list[str]:
        """``text`` broken into lines that fit ``width`` (words kept whole where they fit)."""
        out: list[str] = []
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        for para in (text or "").split("\n"):
            layout = QTextLayout(para, font, self.device)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                out.append(para[line.textStart():line.textStart() + line.textLength()].rstrip())
            layout.endLayout()
        return out

    def text_block(self, text: str, font: QFont, x: float, width: float, *,
                   colour: QColor | None = None, flow: bool = True) -> float:
        """Draw wrapped text at the cursor; returns its height. ``flow``: break across pages."""
        m = self.metrics(font)
        step = m.lineSpacing()
        top = self.y
        for line in self.lines(text, font, width):
            if flow:
                self.need(step)  # a new page paints its footer in another font
            self.p.setFont(font)
            self.p.setPen(colour or Qt.GlobalColor.black)
            self.p.drawText(QPointF(x, self.y + m.ascent()), line)
            self.y += step
        return self.y - top

    def rule(self, y: float, *, strong: bool = False) -> None:
        self.p.setPen(QPen(Qt.GlobalColor.black if strong else RULE, self.pt(0.9 if strong else 0.6)))
        self.p.drawLine(QPointF(0, y), QPointF(self.width, y))

    # -- parts ------------------------------------------------------------------------------------
    def header(self) -> None:
        info, f = self.info, self.fonts
        title = QCoreApplication.translate("Board", "Intervention sheet")
        mt, mn, ml = self.metrics(f.title), self.metrics(f.number), self.metrics(f.label)
        self.p.setPen(Qt.GlobalColor.black)
        self.p.setFont(f.title)
        self.p.drawText(QPointF(0, mt.ascent()), title)
        self.p.setFont(f.number)
        self.p.drawText(QRectF(0, 0, self.width, mn.height()), Qt.AlignmentFlag.AlignRight,
                        info.request_number)
        self.p.setFont(f.label)
        self.p.setPen(GREY)
        self.p.drawText(QRectF(0, mn.height(), self.width, ml.height()), Qt.AlignmentFlag.AlignRight,
                        QCoreApplication.translate("Board", "Intervention no. {id}").format(id=info.id))
        self.y = max(mt.height(), mn.height() + ml.height()) + self.pt(4)
        self.rule(self.y, strong=True)
        self.y += self.pt(8)
        if info.subject:
            self.text_block(info.subject, f.bold, 0, self.width)
            self.y += self.pt(6)

    def facts(self) -> None:
        """Label over value, in two columns: who and where on the left, what and when right."""
        info, f = self.info, self.fonts
        activity = info.activity_it if self.lang == "it" else info.activity_en
        priority = info.priority_it if self.lang == "it" else info.priority_en
        when = ""
        if info.planned_start and info.planned_end:
            when = (f"{fmt.date(info.planned_start.date())}  {fmt.time(info.planned_start.time())}"
                    f" – {fmt.time(info.planned_end.time())}")
            if info.planned_end.date() != info.planned_start.date():
                when = f"{fmt.datetime(info.planned_start)} – {fmt.datetime(info.planned_end)}"
        left = [(QCoreApplication.translate("Board", "Customer"), f"{info.customer} ({info.customer_code})" if info.customer_code else info.customer),
                (QCoreApplication.translate("Board", "Address"), info.address),
                (QCoreApplication.translate("Board", "Phone"), info.customer_phone),
                (QCoreApplication.translate("Board", "Contact"), " · ".join(p for p in (info.contact_name, info.contact_phone,
                                                    info.contact_email) if p))]
        right = [(QCoreApplication.translate("Board", "Planned"), when), (QCoreApplication.translate("Board", "Activity type"), activity), (QCoreApplication.translate("Board", "Priority"), priority),
                 (QCoreApplication.translate("Board", "Operator"), " · ".join(p for p in (info.operator_name, info.team_name) if p))]
        if info.contract_number:
            contract = f"{info.contract_number} – {info.contract_title}"
            if info.contract_end:
                contract += " (" + QCoreApplication.translate("Board", "until {date}").format(
                    date=fmt.date(info.contract_end)) + ")"
            right.append((QCoreApplication.translate("Board", "Contract"), contract))
            if info.tickets is not None:
                right.append((QCoreApplication.translate("Board", "Tickets"), QCoreApplication.translate(
                    "Board", "{remaining} remaining of {available} ({used} used)").format(
                    remaining=info.tickets.remaining, available=info.tickets.available,
                    used=info.tickets.used)))
        else:
            right.append((QCoreApplication.translate("Board", "Contract"), QCoreApplication.translate("Board", "none (billable intervention)")))
        gap = self.pt(18)
        col = (self.width - gap) / 2
        top = self.y
        ends = []
        for x, items in ((0.0, left), (col + gap, right)):
            self.y = top
            for label, value in items:
                self.text_block(label, f.label, x, col, colour=GREY, flow=False)
                self.text_block(value or "—", f.body, x, col, flow=False)
                self.y += self.pt(5)
            ends.append(self.y)
        self.y = max(ends) + self.pt(2)

    def heading(self, text: str) -> None:
        m = self.metrics(self.fonts.heading)
        self.need(m.lineSpacing() * 2.5)  # a heading never ends a page alone
        self.y += self.pt(6)
        self.text_block(text, self.fonts.heading, 0, self.width, flow=False)
        self.y += self.pt(2)

    def units(self) -> None:
        if not self.info.units:
            return
        self.heading(QCoreApplication.translate("Board", "Units and serial numbers"))
        widths = [self.width * 0.40, self.width * 0.24, self.width * 0.36]
        pad = self.pt(4)
        rows = [[QCoreApplication.translate("Board", "Product"), QCoreApplication.translate("Board", "Serial number"), QCoreApplication.translate("Board", "Site")]] + [
            [u.product, u.serial, " · ".join(p for p in (u.site, u.address) if p)]
            for u in self.info.units]
        for n, row in enumerate(rows):
            font = self.fonts.bold if n == 0 else self.fonts.body
            m = self.metrics(font)
            cells = [self.lines(text or "—", font, w - 2 * pad) for text, w in zip(row, widths)]
            height = max(len(c) for c in cells) * m.lineSpacing() + 2 * pad
            self.need(height)
            x = 0.0
            self.p.setFont(font)
            for lines, w in zip(cells, widths):
                box = QRectF(x, self.y, w, height)
                if n == 0:
                    self.p.fillRect(box, QColor("#eeeeee"))
                self.p.setPen(QPen(RULE, self.pt(0.6)))
                self.p.drawRect(box)
                self.p.setPen(Qt.GlobalColor.black)
                for i, line in enumerate(lines):
                    self.p.drawText(QPointF(x + pad, self.y + pad + i * m.lineSpacing() + m.ascent()), line)
                x += w
            self.y += height

    def paragraph(self, title: str, text: str) -> None:
        self.heading(title)
        self.text_block(text or "—", self.fonts.body, 0, self.width)

    def bottom_height(self) -> float:
        """The times row and the signatures, kept together at the foot of the last page."""
        ml = self.metrics(self.fonts.label)
        return (self.pt(10) + self.pt(40)  # times
                + self.pt(14) + ml.lineSpacing() + self.pt(SIGN_BOX_PT) + self.pt(6)
                + ml.lineSpacing() * 1.6)

    def notes(self) -> None:
        t = QCoreApplication.translate("Board", "Work done, parts used, notes")
        heading = self.metrics(self.fonts.heading).lineSpacing() + self.pt(8)
        if self.limit - self.y - heading - self.bottom_height() < self.pt(NOTES_MIN_PT):
            self.new_page()
        self.heading(t)
        top, end = self.y, self.limit - self.bottom_height()
        self.p.setPen(QPen(RULE, self.pt(0.6)))
        self.p.drawRect(QRectF(0, top, self.width, end - top))
        y = top + self.pt(LINE_GAP_PT)
        while y < end - self.pt(6):
            self.p.drawLine(QPointF(self.pt(6), y), QPointF(self.width - self.pt(6), y))
            y += self.pt(LINE_GAP_PT)
        self.notes_box = QRectF(0, top, self.width, end - top)
        self.y = end

    def times(self) -> None:
        self.y += self.pt(10)
        labels = [QCoreApplication.translate("Board", "Date"), QCoreApplication.translate("Board", "Arrival"), QCoreApplication.translate("Board", "Departure"), QCoreApplication.translate("Board", "Travel (km)")]
        width = self.width / len(labels)
        m = self.metrics(self.fonts.label)
        self.p.setFont(self.fonts.label)
        for i, label in enumerate(labels):
            box = QRectF(i * width, self.y, width, self.pt(40))
            self.p.setPen(QPen(RULE, self.pt(0.6)))
            self.p.drawRect(box)
            self.p.setPen(GREY)
            self.p.drawText(QPointF(box.x() + self.pt(5), box.y() + self.pt(4) + m.ascent()), label)
        self.y += self.pt(40)

    def signatures(self) -> None:
        self.y += self.pt(14)
        gap = self.pt(18)
        width = (self.width - gap) / 2
        m = self.metrics(self.fonts.label)
        self.p.setFont(self.fonts.label)
        signers = (QCoreApplication.translate("Board", "Technician signature"),
                   QCoreApplication.translate("Board", "Customer signature"))
        for i, label in enumerate(signers):
            x = i * (width + gap)
            self.p.setPen(Qt.GlobalColor.black)
            self.p.drawText(QPointF(x, self.y + m.ascent()), label)
            box = QRectF(x, self.y + m.lineSpacing(), width, self.pt(SIGN_BOX_PT))
            self.p.setPen(QPen(RULE, self.pt(0.8)))
            self.p.drawRect(box)
            if i == 1:
                self.customer_box = box
                if self.signature is not None and not self.signature.isNull():
                    self._draw_signature(box)
            self.p.setPen(GREY)
            name = QCoreApplication.translate("Board", "Name in block capitals")
            self.p.drawText(QPointF(x, box.bottom() + self.pt(6) + m.ascent()), name)
            self.p.setPen(QPen(RULE, self.pt(0.6)))
            start = x + m.horizontalAdvance(name) + self.pt(6)
            line_y = box.bottom() + self.pt(6) + m.ascent() + self.pt(1)
            self.p.drawLine(QPointF(start, line_y), QPointF(x + width, line_y))
            if i == 1 and self.signer:
                self.p.setPen(Qt.GlobalColor.black)
                self.p.drawText(QPointF(start + self.pt(4), line_y - self.pt(2)), self.signer.upper())
        self.y += m.lineSpacing() + self.pt(SIGN_BOX_PT) + self.pt(6) + m.lineSpacing() * 1.6

    def _draw_signature(self, box: QRectF) -> None:
        inner = box.adjusted(self.pt(4), self.pt(4), -self.pt(4), -self.pt(4))
        size = self.signature.size().scaled(inner.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(inner.x() + (inner.width() - size.width()) / 2,
                        inner.y() + (inner.height() - size.height()) / 2, size.width(), size.height())
        self.p.drawImage(target, self.signature)

    def footer(self) -> None:
        m = self.metrics(self.fonts.foot)
        self.p.setFont(self.fonts.foot)
        self.p.setPen(GREY)
        text = QCoreApplication.translate("Board", "ServiceDesk · {number} · printed on {when} · page {page}").format(
            number=self.info.request_number, when=fmt.datetime(clock.now()), page=self.page)
        self.p.drawText(QPointF(0, self.bottom - m.descent()), text)

    def paint(self) -> None:
        self.header()
        self.facts()
        self.units()
        self.paragraph(QCoreApplication.translate("Board", "Problem reported"), self.info.description)
        if self.info.instructions:
            self.paragraph(QCoreApplication.translate("Board", "Instructions"), self.info.instructions)
        self.notes()
        self.times()
        self.signatures()
        self.footer()


def render(device: QPagedPaintDevice, info: InterventionDetails, lang: str, *,
           signature: QImage | None = None) -> _Sheet:
    """Paint the sheet on ``device`` (a PDF writer or a printer), one or more A4 pages."""
    signer = ""
    if signature is None:  # the signature captured on screen, with the signer's name (#16)
        from .signature_image import customer_signature

        signed = customer_signature(info.id)
        if signed is not None:
            signature, signer = signed[0], signed[1]
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        sheet = _Sheet(device, painter, info, lang, signature)
        sheet.signer = signer
        sheet.paint()
    finally:
        painter.end()
    return sheet


def _page_setup(device: QPagedPaintDevice) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)


def customer_signature_box(intervention_id: int, lang: str = "it") -> QRectF:
    """Where the customer signs, in points from the page's top-left corner (for the capture
    screen that wants the same proportions as the printed box)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        writer = QPdfWriter(os.path.join(folder, "probe.pdf"))
        writer.setResolution(72)
        _page_setup(writer)
        sheet = render(writer, details(intervention_id), lang)
        margin = MARGIN_MM * 72 / 25.4
        box = QRectF(sheet.customer_box)
        del writer
    return box.translated(margin, margin)


def save_pdf(intervention_id: int, path: str, lang: str = "it", *,
             signature: QImage | None = None) -> None:
    """Write the sheet to ``path`` as an A4 PDF (OSError when the file cannot be written)."""
    with open(path, "wb"):  # fail early and clearly: QPdfWriter only warns
        pass
    writer = QPdfWriter(path)
    writer.setResolution(300)
    _page_setup(writer)
    writer.setTitle(QCoreApplication.translate("Board", "Intervention sheet"))
    writer.setCreator("ServiceDesk")
    render(writer, details(intervention_id), lang, signature=signature)
    del writer  # flushes and closes the file
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        raise OSError(errno.EACCES, f"cannot write {path}", path)


def print_sheet(parent, intervention_id: int, lang: str = "it", *,
                signature: QImage | None = None) -> bool:
    """Print through the system's print dialog (which also offers printing to a PDF file)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _page_setup(printer)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    render(printer, details(intervention_id), lang, signature=signature)
    return True
