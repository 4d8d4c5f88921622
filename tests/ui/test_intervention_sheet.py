"""The intervention sheet as printed: read back from the PDF with positions and font sizes
(R-REQ-3, R-X-7, #12: the body text was 3.6 pt in the top quarter of the page)."""
from __future__ import annotations

import unicodedata

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTImage, LTLine, LTRect

from servicedesk.models import Intervention, RequestUnit, ServiceRequest

A4_W, A4_H = 595, 842
MM = 72 / 25.4


def _walk(obj):
    yield obj
    if hasattr(obj, "__iter__"):
        for child in obj:
            yield from _walk(child)


class Page:
    """What pdfminer reads from one page: characters with their size, rules and boxes."""

    def __init__(self, layout) -> None:
        items = list(_walk(layout))
        self.size = (layout.width, layout.height)
        self.chars = [o for o in items if isinstance(o, LTChar)]
        self.lines = [o for o in items if isinstance(o, LTLine)]
        self.rects = [o for o in items if isinstance(o, LTRect)]
        self.images = [o for o in items if isinstance(o, LTImage)]
        # NFKC: the PDF's "ffi" ligature reads as the three letters
        self.text = unicodedata.normalize(
            "NFKC", "".join(o.get_text() for o in self.chars).replace("\t", " "))

    def boxes(self, min_w: float, min_h: float) -> list[LTRect]:
        return [r for r in self.rects if r.width >= min_w and r.height >= min_h]


def read(path) -> list[Page]:
    return [Page(p) for p in extract_pages(str(path))]


@pytest.fixture
def italian(qapp):
    from ui import i18n

    i18n.install(qapp, "it")
    yield
    i18n.install(qapp, "en")


def _intervention_with_units() -> Intervention:
    return (Intervention.select().join(RequestUnit, on=(RequestUnit.request == Intervention.request))
            .order_by(Intervention.id).first())


def test_sheet_is_readable_on_paper_and_fills_the_page(demo_db, italian, tmp_path):
    from ui.printing.intervention_sheet import save_pdf

    item = _intervention_with_units()
    request = ServiceRequest.get_by_id(item.request_id)
    path = tmp_path / "sheet.pdf"
    save_pdf(item.id, str(path), "it")
    (page,) = read(path)
    assert page.size == pytest.approx((A4_W, A4_H), abs=1)
    # Readable: the body and its labels at 10 pt or more; only the page footer is smaller.
    footer_top = 14 * MM + 14
    body = [c for c in page.chars if c.y0 > footer_top]
    assert body and min(c.size for c in body) >= 9.9
    assert min(c.size for c in page.chars) >= 8
    assert max(c.size for c in page.chars) >= 16  # the title stands out
    for text in (request.number, "Scheda intervento", "Problema segnalato", "Matricola",
                 "Firma del tecnico", "Firma del cliente", "Nome in stampatello", "Arrivo"):
        assert text in page.text, text
    # Fills the page: text from the top margin down, the signatures in the lowest quarter.
    assert max(c.y1 for c in page.chars) > A4_H - 20 * MM
    signs = [r for r in page.boxes(70 * MM, 28 * MM) if r.height < 60 * MM]
    assert len(signs) == 2, [r.bbox for r in page.boxes(70 * MM, 28 * MM)]
    assert all(r.y0 < A4_H / 4 for r in signs)
    # Real room to write: a ruled box at least 6 cm high with lines about 9 mm apart.
    notes = [r for r in page.boxes(170 * MM, 60 * MM)]
    assert notes, "no writing box"
    rules = sorted(ln.y0 for ln in page.lines if ln.width > 160 * MM
                   and notes[0].y0 < ln.y0 < notes[0].y1)
    assert len(rules) >= 6
    gaps = {round(b - a) for a, b in zip(rules, rules[1:])}
    assert gaps and all(8 * MM <= g <= 10 * MM for g in gaps), gaps


def test_long_problem_flows_to_a_second_page_with_the_writing_space_last(demo_db, italian,
                                                                       tmp_path):
    from ui.printing.intervention_sheet import save_pdf

    item = _intervention_with_units()
    long_text = " ".join(f"Parola{i} del problema descritto a lungo dal cliente." for i in range(110))
    ServiceRequest.update(description=long_text).where(
        ServiceRequest.id == item.request_id).execute()
    path = tmp_path / "long.pdf"
    save_pdf(item.id, str(path), "it")
    pages = read(path)
    assert len(pages) >= 2
    text = "".join(p.text for p in pages)
    assert "Parola0 " in pages[0].text and "Parola109 " in text
    *first, last = pages
    assert all("Firma del cliente" not in p.text for p in first)
    assert "Firma del cliente" in last.text and "Lavoro svolto" in last.text
    for n, page in enumerate(pages, start=1):
        assert f"pagina {n}" in page.text
        assert min(c.size for c in page.chars if c.y0 > 14 * MM + 14) >= 9.9
    # Page 1 is used to its foot before the text moves on.
    assert min(c.y0 for c in pages[0].chars if c.y0 > 14 * MM + 14) < 40 * MM


def test_a_captured_signature_is_printed_inside_the_customer_box(demo_db, italian, tmp_path):
    """The hook for R-X-7: a signature image goes into the customer's box, proportions kept."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter, QPen

    from ui.printing.intervention_sheet import customer_signature_box, save_pdf

    signature = QImage(600, 200, QImage.Format.Format_ARGB32)
    signature.fill(Qt.GlobalColor.white)
    painter = QPainter(signature)
    painter.setPen(QPen(Qt.GlobalColor.darkBlue, 6))
    painter.drawLine(20, 150, 580, 40)
    painter.end()
    item = _intervention_with_units()
    path = tmp_path / "signed.pdf"
    save_pdf(item.id, str(path), "it", signature=signature)
    (page,) = read(path)
    assert len(page.images) == 1
    image = page.images[0]
    box = customer_signature_box(item.id, "it")  # points from the top-left corner
    left, top, right, bottom = box.left(), A4_H - box.top(), box.right(), A4_H - box.bottom()
    assert left <= image.x0 < image.x1 <= right + 0.5
    assert bottom - 0.5 <= image.y0 < image.y1 <= top + 0.5
    assert image.width / image.height == pytest.approx(3, rel=0.02)
