"""``servicedesk --self-check REPORT.json``: does this installation have everything it loads later?

The frozen app and the wheel are built without running most features; what they miss shows only
when a user first exports to Excel or opens a chart. This runs the parts that are loaded late
(data files, translations, Qt's locale data, image plugins, charts, PDF, Excel, calendar, VAT
checks, stemming, keyring) once, and writes a JSON report: ``{"checks": {name: "ok" | error}, "resources": [...]}``.
The installer's smoke test runs it on every build; support can run it on a workstation.
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Callable


def _resources(out: Path) -> str:
    from servicedesk import resources

    shipped = resources.runtime_files()
    for rel in shipped:
        data = resources.runtime_file(rel).read_bytes()
        if rel.endswith(".json"):
            json.loads(data)
    for package, files in resources.DEPENDENCY_DATA.items():
        for rel in files:
            resources.dependency_file(package, rel)
    resources.migration_sql("m0001_initial.sql")
    from .style import stylesheet

    missing = [url for url in re.findall(r"url\(([^)]+)\)", stylesheet())
               if not Path(url.strip("\"'")).is_file()]  # the spin boxes' arrows …
    if missing:
        return f"the style sheet's images are missing: {missing}"
    return "ok" if len(shipped) >= 9 else f"only {len(shipped)} run-time files"


def _translations(out: Path) -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from servicedesk import resources

    ours = QTranslator()
    if not ours.load(str(resources.translation_file("it"))) or ours.isEmpty():
        return "servicedesk_it.qm does not load"
    if ours.translate("App", "Cannot open the database") in ("", "Cannot open the database"):
        return "servicedesk_it.qm has no Italian text"
    qt = QTranslator()
    if not qt.load("qtbase_it", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return "Qt's qtbase_it.qm does not load"
    return "ok"


def _locale(out: Path) -> str:
    """Qt's ICU (its data trimmed to Italian and English in the frozen app): collation, upper
    case and a Windows code page."""
    import functools

    from PySide6.QtCore import QCollator, QLocale, QStringDecoder

    italian = QLocale(QLocale.Language.Italian, QLocale.Country.Italy)
    words = ["zaino", "Èrcole", "perché", "Ancona", "àncora", "Perché", "ebano", "perche", "b"]
    order = sorted(words, key=functools.cmp_to_key(QCollator(italian).compare))
    if order != ["Ancona", "àncora", "b", "ebano", "Èrcole", "perche", "perché", "Perché", "zaino"]:
        return f"Italian collation is wrong: {order}"
    if italian.toUpper("perché così") != "PERCHÉ COSÌ":
        return "Italian upper case is wrong"
    return "ok" if QStringDecoder("windows-1252").isValid() else "no Windows-1252 converter"


def _icon(out: Path) -> str:
    from PySide6.QtGui import QIcon

    from servicedesk import resources

    pixmap = QIcon(str(resources.icon_file("servicedesk.svg"))).pixmap(48, 48)
    return "ok" if not pixmap.isNull() else "the SVG icon does not render (Qt svg plugins missing)"


def _welcome(out: Path) -> str:
    from .dialogs.welcome import WelcomeDialog

    dialog = WelcomeDialog()  # what a fresh workstation shows first
    ok = dialog.grab().save(str(out / "welcome.png"))
    dialog.deleteLater()
    return "ok" if ok else "the welcome does not render"


def _chart(out: Path) -> str:
    import pyqtgraph as pg

    plot = pg.PlotWidget(background="w")
    plot.addItem(pg.BarGraphItem(x=[1, 2, 3], height=[3, 1, 2], width=0.6))
    plot.addLegend()  # as the analysis charts draw: bars, lines with symbols, a legend
    plot.plot([1, 2, 3], [2, 3, 1], pen=pg.mkPen("#1f77b4", width=2), symbol="o", name="Chiuse")
    plot.resize(320, 200)
    ok = plot.grab().save(str(out / "chart.png"))
    plot.deleteLater()
    return "ok" if ok else "the chart does not render"


def _pdf(out: Path) -> str:
    from PySide6.QtGui import QPdfWriter, QTextDocument

    target = out / "sheet.pdf"
    writer = QPdfWriter(str(target))
    doc = QTextDocument()
    doc.setHtml("<h1>Rapporto d'intervento</h1><p>àèìòù €</p>")
    doc.print_(writer)
    del writer  # the file is finished when the writer goes
    return "ok" if target.stat().st_size > 500 else "the PDF is empty"


def _printing(out: Path) -> str:
    from PySide6.QtPrintSupport import QPrinterInfo

    QPrinterInfo.availablePrinterNames()  # loads the platform's print support plugin
    return "ok"


def _excel(out: Path) -> str:
    import openpyxl

    from servicedesk.export.excel import ExcelColumn, write_xlsx

    target = out / "export.xlsx"
    write_xlsx(target, sheet_title="Richieste", columns=[ExcelColumn("Numero", "int"),
                                                         ExcelColumn("Cliente", "text")],
               rows=[(1, "Rossi S.r.l."), (2, "Bianchi S.p.A.")])
    rows = list(openpyxl.load_workbook(target, read_only=True).active.values)
    return "ok" if rows[-1][1] == "Bianchi S.p.A." else "the workbook is incomplete"


def _calendar(out: Path) -> str:
    import datetime as dt

    from icalendar import Calendar, Event

    from servicedesk.export.ics import OFFICE_TZ  # Europe/Rome: tzdata must be bundled

    cal, event = Calendar(), Event()
    event.add("dtstart", dt.datetime(2026, 3, 30, 9, 0, tzinfo=OFFICE_TZ))
    cal.add_component(event)
    start = Calendar.from_ical(cal.to_ical()).walk("VEVENT")[0].decoded("dtstart")
    return "ok" if start.utcoffset() == dt.timedelta(hours=2) else "time zones are wrong"


def _vat(out: Path) -> str:
    from servicedesk.services.parties import normalize_fiscal_code, normalize_vat

    checks = {"IT VAT": normalize_vat("00743110157"),
              "DE VAT": normalize_vat("DE136695976"),  # stdnum loads the country's module by name
              "fiscal code": normalize_fiscal_code("RSSMRA85T10A562S")}
    bad = [name for name, (value, error) in checks.items() if value is None or error]
    return "ok" if not bad else "checks fail: " + ", ".join(bad)


def _stemming(out: Path) -> str:
    from servicedesk.search.text import stem

    return "ok" if stem("stampanti") == stem("stampante") else "Italian stemming fails"


def _kb_words(out: Path) -> str:
    from servicedesk.search.lexicon import italian_words

    listed = italian_words()  # the Italian word list the KB search corrects typos against
    return "ok" if "stampante" in listed and len(listed) > 50_000 else "the word list is missing"


def _keyring(out: Path) -> str:
    import keyring

    keyring.get_keyring()  # discovers the backends through package metadata
    if sys.platform.startswith("linux"):
        import secretstorage  # noqa: F401 - the desktop keyring's backend
    return "ok"


CHECKS: dict[str, Callable[[Path], str]] = {
    "resources": _resources, "translations": _translations, "locale": _locale, "icon": _icon,
    "welcome": _welcome, "chart": _chart, "pdf": _pdf, "printing": _printing, "excel": _excel,
    "calendar": _calendar, "vat": _vat,
    "stemming": _stemming, "kb words": _kb_words, "keyring": _keyring,
}


def run(report: str | Path) -> int:
    """Run every check, write the report; 0 when all pass, 1 otherwise."""
    from servicedesk import resources

    results: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="servicedesk-check-") as tmp:
        for name, check in CHECKS.items():
            try:
                results[name] = check(Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a failed check is reported, not raised
                results[name] = "".join(traceback.format_exception_only(exc)).strip()
    data = {"frozen": resources.frozen(), "base": str(resources.base_dir()), "checks": results,
            "resources": resources.runtime_files()}
    Path(report).write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0 if all(v == "ok" for v in results.values()) else 1
