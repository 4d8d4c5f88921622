"""Excel export (R-ANA-3, R-LOG-2, R-CON-6) with openpyxl in write-only mode.

Typed cells (dates as dates, euro amounts as numbers with a euro format, hours as numbers), a
bold frozen header row with an autofilter, measured column widths and a second sheet with the
filters used and who exported when. Text a spreadsheet would take for a formula is written as
text. The workbook is written to a temporary file beside the target and moved into place at the
end, so a cancelled or failed export never leaves a half-written file at the target path.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..errors import ServiceDeskError

EURO_FORMAT = '#,##0.00 "€";-#,##0.00 "€"'
HOURS_FORMAT = "0.00"
NUMBER_FORMAT = "#,##0.##"
INT_FORMAT = "0"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
MAX_CELL_TEXT = 32_767  # Excel's limit per cell
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # what XML 1.0 refuses
_FORMULA_START = ("=", "+", "-", "@")
# Anything a text cell must look at twice: a formula-like start, an error-code-like start
# ("#N/A"), an XML-illegal character. One search per value (most values have none of them).
_SUSPECT = re.compile(r"^[=+\-@#]|[\000-\010\013\014\016-\037]")
_PROGRESS_EVERY = 500


class ExportCancelled(ServiceDeskError):
    code = "export.cancelled"


class ExportError(ServiceDeskError):
    code = "export.failed"


@dataclass(frozen=True)
class ExcelColumn:
    """A column of the sheet. ``kind``: text, code, date, datetime, money, hours, number, int,
    bool. ``labels`` turns codes (and booleans) into the words of the UI language."""

    header: str
    kind: str = "text"
    width: float | None = None
    labels: Mapping[Any, str] | None = None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def safe_text(value: str) -> str:
    """Text as a cell can hold it: no XML-illegal control characters, at most 32,767 chars."""
    text = _ILLEGAL.sub("", value)
    return text[:MAX_CELL_TEXT]


def _check_target(target: Path) -> None:
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"folder {folder} does not exist", code="export.no_folder",
                          path=str(target))
    if not os.access(folder, os.W_OK):
        raise ExportError(f"cannot write in {folder}", code="export.not_writable",
                          path=str(target))
    if target.is_dir():
        raise ExportError(f"{target} is a folder", code="export.is_directory", path=str(target))


def write_xlsx(target: str | os.PathLike, *, sheet_title: str, columns: Sequence[ExcelColumn],
               rows: Iterable[Sequence[Any]], total: int | None = None,
               info_title: str = "Filters", info_rows: Sequence[tuple[str, Any]] = (),
               progress: Callable[[int, int | None], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write ``rows`` (one value per column) to ``target``; returns the number of data rows.

    ``progress(done, total)`` is called every few hundred rows; when ``cancelled()`` becomes
    true the export stops with :class:`ExportCancelled` and nothing is left at ``target``.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    target = Path(target)
    _check_target(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".~{target.stem[:40]}-", suffix=".xlsx.part",
                                    dir=str(target.parent))
    os.close(fd)
    tmp = Path(tmp_name)
    done = 0
    wb = None
    try:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(_sheet_name(sheet_title))
        _prepared_cells_first(ws)
        iterator = iter(rows)
        head = []  # the first rows, read ahead to measure the text columns
        for row in iterator:
            head.append(row)
            if len(head) >= 200:
                break
        for index, column in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = _width(column, index - 1, head)
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        header_cells = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=safe_text(column.header))
            cell.font = bold
            cell.alignment = Alignment(vertical="center")
            header_cells.append(cell)
        ws.append(header_cells)
        convert = [_converter(ws, c) for c in columns]
        check = cancelled or (lambda: False)
        append = ws.append

        def emit(row: Sequence[Any]) -> None:
            append([conv(value) for conv, value in zip(convert, row)])

        for row in head:
            emit(row)
            done += 1
        if progress:
            progress(done, total)
        for row in iterator:
            emit(row)
            done += 1
            if done % _PROGRESS_EVERY == 0:
                if check():
                    raise ExportCancelled("export cancelled")
                if progress:
                    progress(done, total)
        if check():
            raise ExportCancelled("export cancelled")
        last = get_column_letter(max(len(columns), 1))
        ws.auto_filter.ref = f"A1:{last}{done + 1}"
        _info_sheet(wb, info_title, info_rows, bold)
        wb.save(str(tmp))
        os.replace(tmp, target)
    except OSError as exc:
        _abandon(wb)
        tmp.unlink(missing_ok=True)
        raise ExportError(str(exc), code="export.failed", path=str(target),
                          reason=exc.strerror or str(exc)) from exc
    except BaseException:  # cancelled, a database error, anything: leave nothing behind
        _abandon(wb)
        tmp.unlink(missing_ok=True)
        raise
    if progress:
        progress(done, total)
    return ExportResult(target, done)


def _prepared_cells_first(ws) -> None:
    """Let the sheet take a prepared (styled) cell without first trying it as a value.

    openpyxl's write-only sheet assigns every appended value to a cell and, when the value is
    a cell, catches the ValueError that assignment raises (formatting the cell's repr for the
    message): a fifth of an export's time when dates and amounts are styled cells. This
    ``_values_to_row`` yields the same cells in the same order, testing for a cell first;
    tests/core/test_excel_export.py checks the sheet is the same byte for byte. Should a later
    openpyxl not have the method, the sheet is left as it is (slower, same output)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell

    if not callable(getattr(ws, "_values_to_row", None)):
        return

    def values_to_row(values: Iterable[Any], row_idx: int):
        cell = WriteOnlyCell(ws)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                out = value
            else:
                cell.value = value
                out = cell
            out.column = col_idx
            out.row = row_idx
            if out.hyperlink is not None:
                out.hyperlink.ref = out.coordinate
            yield out
            if out is cell and (cell.has_style or cell.hyperlink):
                cell = WriteOnlyCell(ws)  # a styled cell is written with its style: a new one

    ws._values_to_row = values_to_row


def _abandon(wb) -> None:
    """Close the half-written sheets of an aborted export and delete openpyxl's temp files."""
    for ws in getattr(wb, "_sheets", []) if wb is not None else []:
        writer = getattr(ws, "_writer", None)
        rows = getattr(ws, "_rows", None)
        try:
            if rows is not None:
                rows.close()
                ws._rows = None
            if writer is not None:
                writer.close()
                writer.cleanup()
        except Exception:  # noqa: BLE001 - best effort: the export failed already
            pass


def _sheet_name(title: str) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", title).strip() or "Sheet"
    return name[:31]


def _width(column: ExcelColumn, index: int, head: list[Sequence[Any]]) -> float:
    fixed = {"date": 12, "datetime": 17, "money": 15, "hours": 9, "int": 9, "number": 10,
             "bool": 8}
    header = len(column.header) + 3  # room for the autofilter button
    if column.kind in fixed:
        return max(fixed[column.kind], min(header, 30))
    longest = 0
    for row in head:
        value = row[index] if index < len(row) else None
        if value is None:
            continue
        if column.labels is not None:
            value = column.labels.get(value, value)
        longest = max(longest, len(str(value)))
    guess = column.width or 12
    return float(max(min(max(longest + 2, 8), 60), min(header, 40), min(guess, 12)))


def _converter(ws, column: ExcelColumn) -> Callable[[Any], Any]:
    """A function turning one core value into what ``ws.append`` should get."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES

    kind = column.kind
    labels = column.labels

    def styled(number_format: str):
        # One reusable cell per column: openpyxl writes each appended cell at once, so the
        # styled cell can be refilled for the next row (no per-cell style lookups).
        cell = WriteOnlyCell(ws)
        cell.number_format = number_format
        return cell

    if kind in ("money", "hours", "number", "int"):
        fmt = {"money": EURO_FORMAT, "hours": HOURS_FORMAT, "number": NUMBER_FORMAT,
               "int": INT_FORMAT}[kind]
        cell = styled(fmt)

        def number(value: Any) -> Any:
            if value is None or value == "":
                return None
            if isinstance(value, Decimal):
                value = float(value)  # exact to the cent for any amount we hold
            elif kind == "hours":
                value = round(float(value), 2)
            cell.value = value
            return cell

        return number
    if kind in ("date", "datetime"):
        cell = styled(DATE_FORMAT if kind == "date" else DATETIME_FORMAT)

        def when(value: Any) -> Any:
            if value is None or value == "":
                return None
            if isinstance(value, str):
                try:
                    value = (dt.datetime.fromisoformat(value) if kind == "datetime"
                             else dt.date.fromisoformat(value[:10]))
                except ValueError:
                    return text(value)
            if kind == "date" and isinstance(value, dt.datetime):
                value = value.date()
            if isinstance(value, dt.date):
                # A date for a cell formatted as a date already: what ``cell.value = value``
                # would store, without re-parsing the number format on every row (openpyxl's
                # value setter: a tenth of an export's time). Tests check the typed cells.
                cell._value, cell.data_type = value, "d"
            else:
                cell.value = value
            return cell

        return when
    quoted = WriteOnlyCell(ws)
    quoted.quotePrefix = True  # Excel keeps it text when the user edits the cell

    def text(value: Any) -> Any:
        if value is None:
            return None
        if labels is not None:
            value = labels.get(value, value)
        if kind == "bool" and isinstance(value, (bool, int)):
            value = "✓" if value else ""
        if not isinstance(value, str):
            value = str(value)
        if _SUSPECT.search(value) is None:
            return value[:MAX_CELL_TEXT]  # the usual case: nothing to clean or to quote
        value = safe_text(value)
        if value.startswith(_FORMULA_START) or value in ERROR_CODES:
            # Not a formula and not an error code: an inline string, shown as typed.
            quoted.value = value
            quoted.data_type = "s"
            return quoted
        return value

    return text


def _info_sheet(wb, title: str, info_rows: Sequence[tuple[str, Any]], bold) -> None:
    from openpyxl.cell import WriteOnlyCell

    ws = wb.create_sheet(_sheet_name(title))
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
    for label, value in info_rows:
        head = WriteOnlyCell(ws, value=safe_text(str(label)))
        head.font = bold
        if isinstance(value, dt.datetime):
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            cell = WriteOnlyCell(ws, value=value)
        else:
            cell = WriteOnlyCell(ws, value=safe_text("" if value is None else str(value)))
            cell.data_type = "s"
        ws.append([head, cell])
