"""Excel export (R-ANA-3, R-LOG-2, R-CON-6): typed cells and formats, formula-like text kept as
text, a filters sheet, and no file at the target after a cancel or a failure."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from servicedesk.export.excel import (EURO_FORMAT, ExcelColumn, ExportCancelled, ExportError,
                                      write_xlsx)
from servicedesk.queries import analysis as A

from tests.core.queries.test_analysis import build_dataset

COLUMNS = [ExcelColumn("Numero"), ExcelColumn("Data", "date"), ExcelColumn("Aperta", "datetime"),
           ExcelColumn("Importo", "money"), ExcelColumn("Ore", "hours"),
           ExcelColumn("Stato", "code", labels={"new": "Nuova"}), ExcelColumn("Ticket", "int")]
ROWS = [
    ("=SUM(A1:A9)", dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 10, 30), Decimal("1234.50"), 1.5, "new", 3),
    ("+39 02 1234", None, None, Decimal("-20.00"), None, "other", 0),
    ("-5", dt.date(2026, 2, 28), dt.datetime(2026, 2, 28, 0, 0), Decimal("0.10"), 0.25, None, None),
    ("@cmd|x\x07", None, None, None, 2, "new", None),
    ("#N/A", None, None, None, None, None, None),
    ("x" * 40000, None, None, None, None, None, None),
]


def _write(path, rows=ROWS, **kw):
    return write_xlsx(path, sheet_title="Richieste: analisi", columns=COLUMNS, rows=rows,
                      total=len(rows) if isinstance(rows, list) else None, info_title="Filtri",
                      info_rows=[("Esportato da", "Mario Rossi"),
                                 ("Esportato il", dt.datetime(2026, 3, 1, 9, 15)),
                                 ("Provincia", "MI, TO")], **kw)


def test_cells_are_typed_and_formatted(tmp_path):
    target = tmp_path / "out.xlsx"
    result = _write(target)
    assert result.rows == len(ROWS)
    wb = openpyxl.load_workbook(target)
    ws = wb.worksheets[0]
    assert ws.title == "Richieste  analisi"  # ':' is not allowed in sheet names
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:G{len(ROWS) + 1}"
    header = [c for c in ws[1]]
    assert [c.value for c in header] == [c.header for c in COLUMNS]
    assert all(c.font.b for c in header)
    row = ws[2]
    assert row[1].value == dt.datetime(2026, 1, 2) and row[1].is_date
    assert row[1].number_format == "dd/mm/yyyy"
    assert row[2].value == dt.datetime(2026, 1, 2, 10, 30) and row[2].number_format == "dd/mm/yyyy hh:mm"
    assert row[3].value == 1234.5 and row[3].data_type == "n" and row[3].number_format == EURO_FORMAT
    assert row[4].value == 1.5 and row[4].data_type == "n"
    assert row[5].value == "Nuova"  # codes in the UI language
    assert row[6].value == 3 and row[6].data_type == "n"
    assert ws["D3"].value == -20.0
    assert ws["F3"].value == "other"  # an unknown code shows as is
    assert ws.column_dimensions["C"].width >= 17
    assert 8 <= ws.column_dimensions["A"].width <= 60
    info = wb.worksheets[1]
    assert info.title == "Filtri"
    assert list(info.values)[0] == ("Esportato da", "Mario Rossi")
    assert list(info.values)[1][1] == dt.datetime(2026, 3, 1, 9, 15)


def test_formula_like_text_stays_text(tmp_path):
    """Text starting with = + - @ is not a formula (CSV/formula injection)."""
    target = tmp_path / "out.xlsx"
    _write(target)
    ws = openpyxl.load_workbook(target).worksheets[0]
    for ref, text in (("A2", "=SUM(A1:A9)"), ("A3", "+39 02 1234"), ("A4", "-5"), ("A5", "@cmd|x"),
                      ("A6", "#N/A")):
        cell = ws[ref]
        assert cell.value == text, ref  # the control character was dropped
        assert cell.data_type == "s", ref
    assert len(ws["A7"].value) == 32767  # Excel's cell limit
    # and in the raw XML no <f> element exists
    import zipfile

    xml = zipfile.ZipFile(target).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_cancel_leaves_nothing_and_keeps_an_older_file(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the previous export")
    rows = (("r%d" % i, None, None, Decimal(i), i / 4, "new", i) for i in range(5000))
    seen = []

    def progress(done, total):
        seen.append(done)

    with pytest.raises(ExportCancelled):
        _write(target, rows=rows, progress=progress, cancelled=lambda: len(seen) >= 3)
    assert target.read_bytes() == b"the previous export"
    assert sorted(os.listdir(tmp_path)) == ["out.xlsx"]  # no temporary file left behind


def test_failure_midway_leaves_no_file(tmp_path):
    target = tmp_path / "out.xlsx"

    def rows():
        yield ROWS[0]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        _write(target, rows=rows())
    assert os.listdir(tmp_path) == []


def test_bad_targets_have_codes(tmp_path):
    with pytest.raises(ExportError) as err:
        _write(tmp_path / "missing" / "out.xlsx")
    assert err.value.code == "export.no_folder"
    (tmp_path / "adir.xlsx").mkdir()
    with pytest.raises(ExportError) as err:
        _write(tmp_path / "adir.xlsx")
    assert err.value.code == "export.is_directory"


def test_progress_reaches_the_total(tmp_path):
    calls = []
    rows = [("r%d" % i, None, None, None, None, None, i) for i in range(1234)]
    result = _write(tmp_path / "p.xlsx", rows=rows, progress=lambda d, t: calls.append((d, t)))
    assert result.rows == 1234 and calls[-1] == (1234, 1234)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_analysis_rows_export_as_the_query_selects(db, tmp_path):
    """R-ANA-3 / R-LOG-2: the exported rows are the query's rows, typed."""
    build_dataset()
    q = A.query("worklogs", A.WorkLogSpec())
    columns = [ExcelColumn(c.key, c.kind) for c in q.columns]
    target = tmp_path / "logs.xlsx"
    result = write_xlsx(target, sheet_title="Consuntivi", columns=columns, rows=q.iter_rows(),
                        total=q.count())
    assert result.rows == q.count()
    ws = openpyxl.load_workbook(target).worksheets[0]
    data = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(data) == q.count()
    keys = [c.key for c in q.columns]
    hours = sum(r[keys.index("hours")] for r in data)
    assert hours == pytest.approx(q.totals()["hours"], abs=0.05)
    assert all(isinstance(r[keys.index("work_date")], dt.datetime) for r in data)
    notes = [r[keys.index("notes")] for r in data]
    assert '=HYPERLINK("x")' in notes  # written as text, not as a live link formula


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_file(tmp_path):
    target = tmp_path / "out.xlsx"
    _write(target)
    subprocess.run(["soffice", "--headless", "--convert-to", "csv", "--outdir", str(tmp_path),
                    str(target)], check=True, capture_output=True, timeout=120)
    text = (tmp_path / "out.csv").read_text(encoding="utf-8", errors="replace")
    assert "=SUM(A1:A9)" in text and "1234.5" in text.replace(",", "")


def test_sheet_is_what_stock_openpyxl_writes(tmp_path, monkeypatch):
    """The export hands styled cells to the sheet without openpyxl's failed value assignment
    first (#18 export_100k): the sheet it writes is the same, byte for byte, as with openpyxl's
    own row conversion."""
    import zipfile

    from servicedesk.export import excel

    rows = ROWS * 3 + [(None,) * 7, ("a", dt.date(2026, 3, 1), None, 5, None, "new", None)]
    fast, stock = tmp_path / "fast.xlsx", tmp_path / "stock.xlsx"
    _write(fast, rows=rows)
    monkeypatch.setattr(excel, "_prepared_cells_first", lambda ws: None)
    _write(stock, rows=rows)
    sheets = [zipfile.ZipFile(p).read("xl/worksheets/sheet1.xml") for p in (fast, stock)]
    assert sheets[0] == sheets[1]
    styles = [zipfile.ZipFile(p).read("xl/styles.xml") for p in (fast, stock)]
    assert styles[0] == styles[1]
