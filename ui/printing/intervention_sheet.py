"""The intervention sheet a technician takes along: printed or saved as PDF with Qt (R-REQ-3).

Customer, address, contact, units and serials, instructions, contract and tickets, and blank
space for notes and the customer's signature. Rendered from HTML by QTextDocument onto a
QPdfWriter (save as PDF) or a QPrinter (print).
"""
from __future__ import annotations

import errno
import html
import os

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from servicedesk.services.interventions import InterventionDetails, details

from .. import fmt


def _e(text: str | None) -> str:
    return html.escape(text or "").replace("\n", "<br>")


def sheet_html(info: InterventionDetails, lang: str) -> str:
    activity = info.activity_it if lang == "it" else info.activity_en
    priority = info.priority_it if lang == "it" else info.priority_en
    when = ""
    if info.planned_start and info.planned_end:
        when = (f"{fmt.date(info.planned_start.date())} {fmt.time(info.planned_start.time())}"
                f" – {fmt.time(info.planned_end.time())}")
        if info.planned_end.date() != info.planned_start.date():
            when = f"{fmt.datetime(info.planned_start)} – {fmt.datetime(info.planned_end)}"
    rows = [
        (QCoreApplication.translate("Board", "Customer"), f"<b>{_e(info.customer)}</b> ({_e(info.customer_code)})"),
        (QCoreApplication.translate("Board", "Address"), _e(info.address)),
        (QCoreApplication.translate("Board", "Phone"), _e(info.customer_phone)),
        (QCoreApplication.translate("Board", "Contact"),
         _e(" · ".join(p for p in (info.contact_name, info.contact_phone, info.contact_email) if p))),
        (QCoreApplication.translate("Board", "Activity type"), _e(activity)),
        (QCoreApplication.translate("Board", "Planned"), _e(when)),
        (QCoreApplication.translate("Board", "Priority"), _e(priority)),
        (QCoreApplication.translate("Board", "Operator"),
         _e(" · ".join(p for p in (info.operator_name, info.team_name) if p))),
    ]
    if info.contract_number:
        contract = f"{_e(info.contract_number)} – {_e(info.contract_title)}"
        if info.contract_end:
            contract += " (" + QCoreApplication.translate("Board", "until {date}").format(
                date=fmt.date(info.contract_end)) + ")"
        rows.append((QCoreApplication.translate("Board", "Contract"), contract))
        if info.tickets is not None:
            rows.append((QCoreApplication.translate("Board", "Tickets"), QCoreApplication.translate(
                "Board", "{remaining} remaining of {available} ({used} used)").format(
                remaining=info.tickets.remaining, available=info.tickets.available, used=info.tickets.used)))
    else:
        rows.append((QCoreApplication.translate("Board", "Contract"),
                     QCoreApplication.translate("Board", "none (billable intervention)")))
    table = "".join(f"<tr><td class='k'>{k}</td><td>{v}</td></tr>" for k, v in rows)
    lab = {
        'units': QCoreApplication.translate("Board", "Units and serial numbers"),
        'product': QCoreApplication.translate("Board", "Product"),
        'serial': QCoreApplication.translate("Board", "Serial number"),
        'site': QCoreApplication.translate("Board", "Site"),
        'title': QCoreApplication.translate("Board", "Intervention sheet"),
        'problem': QCoreApplication.translate("Board", "Problem reported"),
        'instructions': QCoreApplication.translate("Board", "Instructions"),
        'notes': QCoreApplication.translate("Board", "Work done, parts used, notes"),
        'times': QCoreApplication.translate("Board", "Times"),
        'arrival': QCoreApplication.translate("Board", "Arrival"),
        'departure': QCoreApplication.translate("Board", "Departure"),
        'travel': QCoreApplication.translate("Board", "Travel (km)"),
        'tech_sign': QCoreApplication.translate("Board", "Technician signature"),
        'customer_sign': QCoreApplication.translate("Board", "Customer's signature (name in block capitals)"),
    }
    units = "".join(f"<tr><td>{_e(u.product)}</td><td><b>{_e(u.serial)}</b></td>"
                    f"<td>{_e(' · '.join(p for p in (u.site, u.address) if p))}</td></tr>"
                    for u in info.units)
    units_block = (f"<h3>{lab['units']}</h3>"
                   f"<table class='grid' width='100%' cellspacing='0' cellpadding='4'>"
                   f"<tr><th>{lab['product']}</th>"
                   f"<th>{lab['serial']}</th>"
                   f"<th>{lab['site']}</th></tr>{units}</table>"
                   if info.units else "")
    blank = "".join("<tr><td class='line'>&nbsp;</td></tr>" for _ in range(8))
    return f"""
<html><head><style>
 body {{ font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; }}
 h1 {{ font-size: 16pt; margin: 0; }}
 h3 {{ font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }}
 td.k {{ color: #555; width: 28%; }}
 table.grid td, table.grid th {{ border: 1px solid #999; }}
 td.line {{ border-bottom: 1px solid #999; height: 22px; }}
 .box {{ border: 1px solid #999; }}
</style></head><body>
<table width='100%'><tr>
 <td><h1>{lab['title']}</h1></td>
 <td align='right'><b>{_e(info.request_number)}</b> · #{info.id}</td></tr></table>
<p>{_e(info.subject)}</p>
<table width='100%' cellspacing='0' cellpadding='3'>{table}</table>
{units_block}
<h3>{lab['problem']}</h3>
<p>{_e(info.description) or '—'}</p>
<h3>{lab['instructions']}</h3>
<p>{_e(info.instructions) or '—'}</p>
<h3>{lab['notes']}</h3>
<table width='100%' cellspacing='0' cellpadding='2'>{blank}</table>
<h3>{lab['times']}</h3>
<table width='100%' cellspacing='0' cellpadding='6' class='grid'>
<tr><td>{lab['arrival']}: ________</td>
<td>{lab['departure']}: ________</td>
<td>{lab['travel']}: ________</td></tr></table>
<br><br>
<table width='100%' cellspacing='0' cellpadding='6'><tr>
<td width='50%'>{lab['tech_sign']}<br><br><br>______________________________</td>
<td width='50%'>{lab['customer_sign']}<br><br><br>______________________________</td>
</tr></table>
</body></html>"""


def document(intervention_id: int, lang: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(sheet_html(details(intervention_id), lang))
    return doc


def save_pdf(intervention_id: int, path: str, lang: str = "it") -> None:
    """Write the sheet to ``path`` as an A4 PDF (OSError when the file cannot be written)."""
    with open(path, "wb"):  # fail early and clearly: QPdfWriter only warns
        pass
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(QCoreApplication.translate("Board", "Intervention sheet"))
    writer.setCreator("ServiceDesk")
    doc = document(intervention_id, lang)
    layout = writer.pageLayout()
    rect = layout.paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    del writer  # flushes and closes the file
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        raise OSError(errno.EACCES, f"cannot write {path}", path)


def print_sheet(parent, intervention_id: int, lang: str = "it") -> bool:
    """Print through the system's print dialog (which also offers printing to a PDF file)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document(intervention_id, lang).print_(printer)
    return True
