"""Read ISTAT's FOI file (CSV or xlsx, as ISTAT publishes it) into monthly and yearly figures.

ISTAT publishes the FOI in two shapes, both read here whatever the title rows, notes, blank
rows, separators (``;`` ``,`` tab), decimal commas, signs and per cent marks around them:

- **long**: one row per period and measure, as the data warehouse exports it (SDMX-CSV of
  esploradati.istat.it or the older I.Stat CSV): a period column (``TIME_PERIOD``, ``TIME``,
  ``Periodo``, ``Seleziona periodo``… holding ``2025-11``, ``2025-M11``, ``nov-2025``,
  ``novembre 2025``, ``11/2025`` or a year), a value column (``OBS_VALUE``, ``Value``,
  ``Valore``…), a measure column when the file holds more than one (indices, change over the
  same month of the year before, average annual change…) and, kept only for the general index of
  Italy, product and territory columns;
- **wide**: a header row ``Anno`` (or ``Anni``/``Year``) then the twelve months (``Gen``…
  ``Dic``, full names, English or numbers) and optionally ``Media``; one row per year. The
  title above a block says what it holds: indices, or changes over the same month of the year
  before ("variazioni percentuali rispetto allo stesso mese dell'anno precedente"); blocks of
  changes over the month before or over two years are skipped.

Changes over 12 months are taken as published. Where the file gives only the indices, the change
of a month is computed the way ISTAT does for revaluations — from the published indices rounded
to one decimal, ``(index / index 12 months before − 1) × 100`` rounded half up to one decimal —
and only between indices of the same base (a block or base column saying ``2015=100``); such
figures are marked ``computed`` (none is computed across an unstated change of base: a change of
25 % or more is taken for one). An annual average change is taken only when the file states it
(the ``Media`` column of a block of changes, or a yearly row of average annual change): it is
never worked out here.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from ..errors import FieldError, ValidationError

MONTHS = {
    "gen": 1, "gennaio": 1, "jan": 1, "january": 1,
    "feb": 2, "febbraio": 2, "february": 2,
    "mar": 3, "marzo": 3, "march": 3,
    "apr": 4, "aprile": 4, "april": 4,
    "mag": 5, "maggio": 5, "may": 5,
    "giu": 6, "giugno": 6, "jun": 6, "june": 6,
    "lug": 7, "luglio": 7, "jul": 7, "july": 7,
    "ago": 8, "agosto": 8, "aug": 8, "august": 8,
    "set": 9, "sett": 9, "settembre": 9, "sep": 9, "sept": 9, "september": 9,
    "ott": 10, "ottobre": 10, "oct": 10, "october": 10,
    "nov": 11, "novembre": 11, "november": 11,
    "dic": 12, "dicembre": 12, "dec": 12, "december": 12,
}
MAX_BYTES = 20_000_000
TENTH = Decimal("0.1")
# a computed change this large means the two indices are on different bases (a file spanning
# ISTAT's change of base without saying so): no change is computed then
MAX_COMPUTED = Decimal(25)

TIME_HEADERS = ("time_period", "time", "periodo", "seleziona periodo", "period", "mese",
                "mese e anno", "data", "date", "anno e mese")
VALUE_HEADERS = ("obs_value", "value", "valore", "dato", "indice", "indice generale",
                 "indice mensile", "indice foi", "indice generale foi")
CHANGE_HEADERS = ("variazione annuale", "var. annuale", "variazione tendenziale",
                  "variazione % rispetto allo stesso mese dell'anno precedente",
                  "variazione percentuale rispetto allo stesso mese dell'anno precedente",
                  "stesso mese dell'anno precedente", "var. % annua", "variazione annua")
TYPE_HEADERS = ("data_type", "tipo dato", "tipo_dato", "tipo_dato7", "measure", "misura",
                "tipo di dato")
PRODUCT_HEADERS = ("e_coicop_rev_istat", "ecop_coicop_2015", "ecoicop", "coicop",
                   "ecoicop (2015)", "prodotto", "voce di spesa")
AREA_HEADERS = ("ref_area", "territorio", "itter107", "area")
BASE_HEADERS = ("base_per", "base", "base di riferimento")


@dataclass(frozen=True)
class MonthFigure:
    year: int
    month: int
    index_value: Decimal | None = None
    index_base: str = ""
    change_pct: Decimal | None = None
    computed: bool = False  # the change was worked out from the file's indices


@dataclass(frozen=True)
class YearFigure:
    year: int
    change_pct: Decimal


@dataclass
class ParsedFile:
    months: list[MonthFigure] = field(default_factory=list)
    years: list[YearFigure] = field(default_factory=list)
    skipped: int = 0  # rows or cells that could not be read as a figure

    @property
    def empty(self) -> bool:
        return not self.months and not self.years


# -- cells ----------------------------------------------------------------------------------------
def _plain(text: object) -> str:
    """Lower case, accents and extra spaces removed, typographic apostrophes normalised."""
    value = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    value = value.replace("\u2019", "'").lower().strip()
    return re.sub(r"\s+", " ", value)


def number(text: object) -> Decimal | None:
    """A figure as ISTAT prints it: ``121,5`` ``+1,4`` ``-0,3%`` ``1.4`` ``121.5``; None for
    blanks and the ``..``/``-``/``n.d.`` of missing data."""
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        value = Decimal(str(text))
        return value if value.is_finite() else None
    raw = str(text or "").strip().replace("\u00a0", "").replace(" ", "").replace("%", "")
    raw = raw.replace("\u2212", "-").lstrip("+")
    if not raw or raw in {"..", ".", "-", "--", "nd", "n.d.", "n.d"}:
        return None
    if "," in raw and "." in raw:
        raw = raw.replace(".", "").replace(",", ".") if raw.rfind(",") > raw.rfind(".") \
            else raw.replace(",", "")
    else:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def period(text: object) -> tuple[int, int | None] | None:
    """(year, month) — or (year, None) for a year — from the ways ISTAT writes a period."""
    import datetime as dt

    if isinstance(text, dt.datetime):
        return text.year, text.month
    if isinstance(text, dt.date):
        return text.year, text.month
    value = _plain(text)
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:\.0)?", value)
    if m:
        return int(m.group(1)), None
    m = re.fullmatch(r"(\d{4})[-/ ]?m?(\d{1,2})(?:-\d{1,2})?(?: 00:00:00)?", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return int(m.group(1)), int(m.group(2))
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", value)
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(2)), int(m.group(1))
    m = re.fullmatch(r"([a-z]+)\.?[-/ ]+(\d{2}|\d{4})", value)
    if m and m.group(1) in MONTHS:
        year = int(m.group(2))
        return (year + 2000 if year < 100 else year), MONTHS[m.group(1)]
    m = re.fullmatch(r"(\d{4})[-/ ]+([a-z]+)\.?", value)
    if m and m.group(2) in MONTHS:
        return int(m.group(1)), MONTHS[m.group(2)]
    return None


def _year(text: object) -> int | None:
    found = period(text)
    return found[0] if found and found[1] is None and 1900 <= found[0] <= 2200 else None


def _kind(text: str) -> str:
    """What a measure label or block title says: index, change12, annual, or skip."""
    t = _plain(text)
    if any(k in t for k in ("due anni", "biennal", "24 mesi", "mese precedente",
                            "periodo precedente", "congiuntural", "previous month",
                            "previous period")):
        return "skip"
    if any(k in t for k in ("media annua", "medie annue", "annual average", "variazione media")):
        return "annual"
    if any(k in t for k in ("stesso mese", "stesso periodo", "tendenzial", "12 mesi",
                            "dodici mesi", "same month", "same period", "annual rate",
                            "anno precedente")):
        return "change12"
    if "variaz" in t or "var." in t or "change" in t:
        return "change12"
    if "indic" in t or "index" in t or "numeri indice" in t:
        return "index"
    return ""


def _base(text: str) -> str:
    m = re.search(r"(19|20)\d{2}\s*=\s*100", _plain(text))
    return m.group(0).split("=")[0].strip() if m else ""


# -- reading the grid -----------------------------------------------------------------------------
def read_grid(path: Path) -> list[list[object]]:
    """The cells of a CSV or xlsx file (every sheet of a workbook, one after the other)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise ValidationError(FieldError("file", "istat.file_unreadable")) from None
    if size > MAX_BYTES:
        raise ValidationError(FieldError("file", "istat.file_too_large"))
    data = path.read_bytes()
    if data[:2] == b"PK":
        return _xlsx_grid(data)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ValidationError(FieldError("file", "istat.file_unreadable"))
    sample = text[:20000]
    delimiter = max((";", ",", "\t", "|"), key=lambda d: sample.count(d))
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_grid(data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - anything that is not a readable workbook
        raise ValidationError(FieldError("file", "istat.file_unreadable")) from None
    grid: list[list[object]] = []
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                grid.append(list(row))
            grid.append([])  # sheets apart
    finally:
        book.close()
    return grid


# -- the two layouts ------------------------------------------------------------------------------
def _header_index(cells: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:  # the most specific name first
        for i, cell in enumerate(cells):
            if cell == name:
                return i
    for i, cell in enumerate(cells):  # "TIME_PERIOD: Periodo", "Value (%)" …
        head = re.split(r"[:(]", cell)[0].strip()
        if head in names:
            return i
    return None


class _Collector:
    def __init__(self) -> None:
        self.index: dict[tuple[int, int], tuple[Decimal, str]] = {}
        self.change: dict[tuple[int, int], Decimal] = {}
        self.annual: dict[int, Decimal] = {}
        self.skipped = 0

    def result(self) -> ParsedFile:
        out = ParsedFile(skipped=self.skipped)
        keys = sorted(set(self.index) | set(self.change))
        for key in keys:
            idx = self.index.get(key)
            change = self.change.get(key)
            computed = False
            if change is None and idx is not None:
                before = self.index.get((key[0] - 1, key[1]))
                if before is not None and before[1] == idx[1] and before[0] > 0:
                    change = ((idx[0].quantize(TENTH, ROUND_HALF_UP)
                               / before[0].quantize(TENTH, ROUND_HALF_UP) - 1) * 100
                              ).quantize(TENTH, ROUND_HALF_UP)
                    computed = True
                    if abs(change) >= MAX_COMPUTED:  # indices of two bases, not inflation
                        change, computed = None, False
            out.months.append(MonthFigure(key[0], key[1], idx[0] if idx else None,
                                          idx[1] if idx else "", change, computed))
        out.years = [YearFigure(y, c) for y, c in sorted(self.annual.items())]
        return out


def _long(grid: list[list[object]], start: int, col: dict[str, int | None],
          found: _Collector) -> None:
    for row in grid[start + 1:]:
        cells = [("" if c is None else c) for c in row]

        def get(name: str) -> object:
            i = col.get(name)
            return cells[i] if i is not None and i < len(cells) else ""
        if col["product"] is not None:
            product = _plain(get("product"))
            if product and not (product in ("00", "0") or product.startswith("00 ")
                                or product.startswith("00:") or "indice generale" in product
                                or "all items" in product or product == "totale"):
                continue
        if col["area"] is not None:
            area = {part.strip() for part in _plain(get("area")).split(":")} - {""}
            if area and not area & {"it", "italia", "italy"}:
                continue
        when = period(get("time"))
        value = number(get("value")) if col["value"] is not None else None
        change = number(get("change")) if col["change"] is not None else None
        if when is None or (value is None and change is None):
            if any(str(c).strip() for c in cells):
                found.skipped += 1
            continue
        kind = _kind(str(get("type"))) if col["type"] is not None else "index"
        year, month = when
        base = _base(str(get("base"))) if col["base"] is not None else ""
        if col["base"] is not None and not base and str(get("base")).strip().isdigit():
            base = str(get("base")).strip()  # BASE_PER holds the bare year
        if not base and col["type"] is not None:
            base = _base(str(get("type")))  # "indici generali in base 2015=100"
        if col["type"] is not None and not kind:
            found.skipped += 1  # a measure this reader does not know: never guessed
            continue
        if kind == "skip":
            continue
        if month is None:  # a yearly row: only an average annual change counts
            if kind in ("annual", "change12") and value is not None:
                found.annual[year] = value
            continue
        if kind == "change12":
            if value is not None:
                found.change[(year, month)] = value
        elif kind == "index":
            if value is not None:
                found.index[(year, month)] = (value, base or "?")
        if change is not None:
            found.change[(year, month)] = change


def _wide(grid: list[list[object]], start: int, found: _Collector) -> int:
    """Read one year × months block whose header is at ``start``; returns the next row."""
    header = [_plain(c) for c in grid[start]]
    months: dict[int, int] = {}
    average = None
    for i, cell in enumerate(header):
        key = cell.rstrip(".")
        if key in MONTHS:
            months[i] = MONTHS[key]
        elif key.isdigit() and 1 <= int(key) <= 12 and i > 0:
            months[i] = int(key)
        elif key.startswith("media") or key in ("average", "annual average", "year average"):
            average = i
    title = " ".join(str(c) for r in grid[max(0, start - 4):start] for c in r if c)
    title += " " + " ".join(str(c) for c in grid[start] if c and _plain(c) not in MONTHS)
    kind = _kind(title) or "index"
    base = _base(title) or "?"
    row_no = start + 1
    while row_no < len(grid):
        row = grid[row_no]
        year = _year(row[0]) if row else None
        if year is None:
            if any(c not in (None, "") for c in row):
                break  # the block ends at the next title or note
            row_no += 1
            if row_no < len(grid) and not any(c not in (None, "") for c in grid[row_no]):
                break  # two blank rows: the block is over
            continue
        for i, month in months.items():
            value = number(row[i]) if i < len(row) else None
            if value is None:
                if i < len(row) and str(row[i] or "").strip() not in ("", "..", "-"):
                    found.skipped += 1
                continue
            if kind == "index":
                found.index[(year, month)] = (value, base)
            elif kind == "change12":
                found.change[(year, month)] = value
        if average is not None and kind == "change12" and average < len(row):
            value = number(row[average])
            if value is not None:
                found.annual[year] = value
        row_no += 1
    return row_no


def parse(path: Path) -> ParsedFile:
    """The FOI figures found in ``path``; refuses (``istat.file_unrecognised``) a file where
    neither layout is found."""
    return parse_grid(read_grid(path))


def parse_grid(grid: list[list[object]]) -> ParsedFile:
    found = _Collector()
    row_no = 0
    seen_layout = False
    while row_no < len(grid):
        cells = [_plain(c) for c in grid[row_no]]
        month_cells = sum(1 for c in cells if c.rstrip(".") in MONTHS)
        if cells and cells[0] in ("anno", "anni", "year", "years") or (
                month_cells >= 10 and cells and cells[0] in ("", "anno", "anni")):
            if month_cells >= 10:
                seen_layout = True
                row_no = _wide(grid, row_no, found)
                continue
        time = _header_index(cells, TIME_HEADERS)
        value = _header_index(cells, VALUE_HEADERS)
        change = _header_index(cells, CHANGE_HEADERS)
        if time is not None and (value is not None or change is not None):
            seen_layout = True
            col = dict(time=time, value=value, change=change,
                       type=_header_index(cells, TYPE_HEADERS),
                       product=_header_index(cells, PRODUCT_HEADERS),
                       area=_header_index(cells, AREA_HEADERS),
                       base=_header_index(cells, BASE_HEADERS))
            _long(grid, row_no, col, found)
            break
        row_no += 1
    result = found.result()
    if not seen_layout or result.empty:
        raise ValidationError(FieldError("file", "istat.file_unrecognised"))
    return result
