"""Import customers, contacts, products and units from .xlsx or .csv (what an office moving from
spreadsheets needs first).

The steps the wizard follows: :func:`read_headers` → :func:`guess_mapping` (the user corrects it)
→ :func:`validate` (every row checked, nothing written; the first rows are the preview) →
:func:`run_import`, all-or-nothing: when any row is refused nothing is written and the report says
which rows and why. Re-running the same file updates the records it created instead of
duplicating them: customers are matched on code, VAT number or fiscal code; products on code;
units on product code + serial; contacts on customer + name.

Cells merged over several rows in an .xlsx (a customer written once beside its five units) hold
their value only in the first row; every row of the merge gets that value, and the report says
so row by row (``RowResult.notes``), so nothing is imported empty without a word (#14).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from .. import clock, context, limits
from ..errors import FieldError, ServiceDeskError, ValidationError
from ..models import Contact, Party, Product, Unit, UnitOwnership
from ..models.base import new_uuid
from ..permissions import Permission
from . import parties as party_svc
from . import products as product_svc
from . import units as unit_svc

KINDS = ("customers", "contacts", "products", "units")

# Target fields of each kind, in the order the wizard shows them; ``required`` ones must be mapped.
TARGETS: dict[str, list[str]] = {
    "customers": ["code", "name", "vat_number", "fiscal_code", "address", "postal_code", "city",
                  "province", "country", "phone", "email", "pec", "sdi_code", "is_supplier",
                  "notes"],
    "contacts": ["party_code", "party_vat", "name", "role", "phone", "mobile", "email",
                 "receives_notices"],
    "products": ["code", "name", "family", "manufacturer", "warranty_months"],
    "units": ["product_code", "product_name", "serial", "owner_code", "owner_vat", "install_date",
              "warranty_end", "site", "address", "city", "province", "notes"],
}
REQUIRED: dict[str, set[str]] = {
    "customers": {"name"},
    "contacts": {"name"},
    "products": {"code", "name"},
    "units": {"product_code", "serial"},
}

# Header words (folded: lower case, no accents/punctuation) recognised for each target field.
SYNONYMS: dict[str, list[str]] = {
    "code": ["codice", "code", "codice cliente", "cod cliente", "customer code", "codice prodotto",
             "product code", "articolo", "codice articolo"],
    "name": ["ragione sociale", "nome", "name", "denominazione", "cliente", "customer",
             "descrizione", "description", "product", "prodotto", "nominativo", "contatto",
             "contact"],
    "vat_number": ["partita iva", "p iva", "piva", "p iva cliente", "vat", "vat number", "vat no",
                   "partitaiva"],
    "fiscal_code": ["codice fiscale", "cod fiscale", "cf", "fiscal code", "tax code"],
    "address": ["indirizzo", "via", "address", "street"],
    "postal_code": ["cap", "postal code", "zip", "zip code", "postcode"],
    "city": ["citta", "comune", "localita", "city", "town"],
    "province": ["provincia", "prov", "pr", "province"],
    "country": ["nazione", "paese", "country", "stato"],
    "phone": ["telefono", "tel", "phone", "telephone"],
    "mobile": ["cellulare", "cell", "mobile"],
    "email": ["email", "e mail", "mail", "posta elettronica"],
    "pec": ["pec", "posta certificata"],
    "sdi_code": ["codice sdi", "sdi", "codice destinatario", "recipient code"],
    "is_supplier": ["fornitore", "supplier", "is supplier"],
    "notes": ["note", "notes", "annotazioni"],
    "role": ["ruolo", "role", "mansione", "funzione"],
    "receives_notices": ["riceve avvisi", "avvisi", "notices", "receives notices"],
    "party_code": ["codice cliente", "cod cliente", "customer code"],
    "party_vat": ["partita iva cliente", "p iva cliente", "piva cliente", "partita iva",
                  "customer vat", "vat"],
    "family": ["famiglia", "categoria", "family", "category"],
    "manufacturer": ["marca", "produttore", "costruttore", "manufacturer", "brand"],
    "warranty_months": ["garanzia mesi", "mesi garanzia", "garanzia", "warranty months",
                        "warranty"],
    "product_code": ["codice prodotto", "cod prodotto", "product code", "articolo", "modello",
                     "model"],
    "product_name": ["descrizione prodotto", "prodotto", "product", "product name"],
    "serial": ["matricola", "numero di serie", "n serie", "seriale", "serial", "serial number",
               "sn", "s n"],
    "owner_code": ["codice cliente", "cod cliente", "customer code"],
    "owner_vat": ["partita iva cliente", "p iva cliente", "piva cliente", "partita iva",
                  "customer vat", "vat"],
    "install_date": ["data installazione", "installazione", "installato il", "install date",
                     "installed on", "installation date"],
    "warranty_end": ["fine garanzia", "scadenza garanzia", "warranty end", "warranty until"],
    "site": ["sede", "ubicazione", "locale", "site", "location"],
}

MAX_ROWS = 200_000
TRUE_WORDS = {"1", "x", "si", "sì", "s", "yes", "y", "true", "vero", "v", "ok"}
FALSE_WORDS = {"", "0", "no", "n", "false", "falso", "f", "-"}


class ImportFileError(ServiceDeskError):
    """The file cannot be read: missing, not a spreadsheet, empty, no header."""

    code = "import.file"


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (spreadsheet row number, cells)
    # row number → [(column index, merged range "A2:A5")]: cells filled from a merged cell
    filled: dict[int, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass
class RowResult:
    row: int  # the row number as the spreadsheet shows it
    action: str  # create, update, refused, skipped
    key: str  # what identifies the record (VAT, code, serial)
    errors: list[FieldError] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    record_id: int | None = None
    notes: list[FieldError] = field(default_factory=list)  # not refusals: what was done to the row


@dataclass
class ImportReport:
    kind: str
    rows: list[RowResult]
    written: bool = False

    @property
    def refused(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == "refused"]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def noted(self) -> list[RowResult]:
        """Rows with notes (cells filled from merged cells), refused or not."""
        return [r for r in self.rows if r.notes]

    @property
    def ok(self) -> bool:
        return not self.refused


# -- reading ---------------------------------------------------------------------------------
def fold(text: Any) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def sheet_names(path: str | Path) -> list[str]:
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    wb = _open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _open_workbook(path: Path):
    import openpyxl  # heavy: imported when first needed

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise ImportFileError(str(exc), code="import.file_missing", path=str(path)) from exc
    except Exception as exc:  # zip/xml errors: not a real .xlsx
        raise ImportFileError(str(exc), code="import.file_unreadable", path=str(path)) from exc


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Za-z]+[0-9]+:[A-Za-z]+[0-9]+)"')


def _merged_ranges(ws) -> list[str]:
    """The merged ranges of a read-only worksheet ("A2:A5"). openpyxl's read-only mode (needed
    for large files) does not read them, so the sheet's XML is scanned for its <mergeCell>
    elements, chunk by chunk (they follow the sheet data)."""
    out: list[str] = []
    tail = b""
    with ws._get_source() as source:  # the worksheet part of the .xlsx archive
        while chunk := source.read(1 << 20):
            data = tail + chunk
            out.extend(m.group(1).decode("ascii") for m in _MERGE_REF.finditer(data))
            tail = data[data.rfind(b"<"):]  # the last element, maybe cut: read again whole
    return list(dict.fromkeys(out))  # a match read twice across a boundary counts once


def _vertical_fills(ranges: list[str]) -> dict[int, list[tuple[int, int, str]]]:
    """row → [(column index, row holding the value, range)] for the rows below the first of
    each range merged over several rows; the value is in the range's top-left cell."""
    from openpyxl.utils.cell import range_boundaries

    fills: dict[int, list[tuple[int, int, str]]] = {}
    for ref in ranges:
        min_col, min_row, _max_col, max_row = range_boundaries(ref)
        for row in range(min_row + 1, max_row + 1):
            fills.setdefault(row, []).append((min_col - 1, min_row, ref))
    return fills


def _iter_xlsx(path: Path, sheet: str | None,
               filled: dict[int, list[tuple[int, str]]] | None = None) -> Iterator[tuple[int, list[Any]]]:
    wb = _open_workbook(path)
    try:
        ws = wb[sheet] if sheet else wb.worksheets[0]
        try:
            fills = _vertical_fills(_merged_ranges(ws))
        except (AttributeError, OSError, KeyError, ValueError):  # pragma: no cover - no merge info
            fills = {}
        tops = {(top, col) for targets in fills.values() for col, top, _ in targets}
        held: dict[tuple[int, int], Any] = {}  # (row, column) of a merge's first cell → value
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = list(row)
            for col in range(len(cells)):
                if (number, col) in tops:
                    held[(number, col)] = cells[col]
            for col, top, ref in fills.get(number, ()):
                value = held.get((top, col))
                if value in (None, ""):
                    continue
                while len(cells) <= col:
                    cells.append(None)
                if cells[col] in (None, ""):
                    cells[col] = value
                    if filled is not None:
                        filled.setdefault(number, []).append((col, ref))
            yield number, cells
    finally:
        wb.close()


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass  # the next one
    return raw.decode("latin-1")


def _iter_csv(path: Path) -> Iterator[tuple[int, list[Any]]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(str(exc), code="import.file_missing", path=str(path)) from exc
    if b"\x00" in raw:  # no text file holds a NUL: a binary file renamed, or UTF-16
        raise ImportFileError("binary file", code="import.file_unreadable", path=str(path))
    text = _decode(raw)
    sample = text[:20_000]
    # The header names the columns: a separator it does not use is text ("Rossi, Bianchi & C.
    # snc" in a file of one column is one name, not two cells).
    header = next((line for line in sample.splitlines() if line.strip()), "")
    candidates = "".join(d for d in ";,\t|" if d in header)
    if not candidates:
        delimiter = "\x1f"  # one column: a separator no spreadsheet text contains
    else:
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=candidates).delimiter
        except csv.Error:  # an odd file: the separator the header uses most, ";" on a tie
            delimiter = max(candidates, key=header.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, row in enumerate(reader, start=1):
        yield number, row


def read_table(path: str | Path, sheet: str | None = None, limit: int | None = None) -> Table:
    """Header and rows of the file; the header is the first non-empty row. Empty rows skipped."""
    path = Path(path)
    suffix = path.suffix.lower()
    filled: dict[int, list[tuple[int, str]]] = {}
    if suffix in (".xlsx", ".xlsm"):
        source = _iter_xlsx(path, sheet, filled)
    elif suffix in (".csv", ".txt"):
        source = _iter_csv(path)
    else:
        raise ImportFileError(path.suffix, code="import.file_type", path=str(path))
    headers: list[str] | None = None
    rows: list[tuple[int, list[Any]]] = []
    for number, cells in source:
        if not any(c not in (None, "") and str(c).strip() for c in cells):
            continue
        if headers is None:
            headers = [str(c).strip() if c is not None else "" for c in cells]
            while headers and not headers[-1]:
                headers.pop()
            continue
        rows.append((number, cells))
        if (limit is not None and len(rows) >= limit) or len(rows) > MAX_ROWS:
            break
    if headers is None:
        raise ImportFileError("empty", code="import.file_empty", path=str(path))
    if len(rows) > MAX_ROWS:
        raise ImportFileError("too many rows", code="import.too_many_rows", max=MAX_ROWS)
    numbers = {number for number, _ in rows}
    return Table(headers, rows, {n: f for n, f in filled.items() if n in numbers})


def read_headers(path: str | Path, sheet: str | None = None) -> list[str]:
    return read_table(path, sheet, limit=1).headers


def guess_mapping(kind: str, headers: list[str]) -> dict[str, int]:
    """Target field → column index, from the header words (Italian or English)."""
    folded = [fold(h) for h in headers]
    mapping: dict[str, int] = {}
    for target in TARGETS[kind]:  # no word names two fields of a kind (a test keeps it so)
        names = [fold(target.replace("_", " "))] + [fold(s) for s in SYNONYMS.get(target, [])]
        for name in names:  # exact header first, in synonym order
            if name in folded:
                mapping[target] = folded.index(name)  # the first of columns named alike
                break
    return mapping


# -- validation ------------------------------------------------------------------------------
def _cell(cells: list[Any], mapping: dict[str, int], name: str) -> Any:
    index = mapping.get(name)
    if index is None or index >= len(cells):
        return None
    value = cells[index]
    if isinstance(value, str):
        value = value.strip()
    return value


def _bool(value: Any) -> bool | None:
    """Yes, no, or None for neither; an Excel TRUE/FALSE and the numbers 1/0 read as words."""
    word = fold(value)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


class _Validator:
    """Validates rows of one kind against the database and the rows before them in the file."""

    def __init__(self, kind: str, mapping: dict[str, int]) -> None:
        if kind not in KINDS:
            raise ValueError(kind)
        self.kind = kind
        self.mapping = mapping
        self.seen: dict[str, int] = {}
        missing = [t for t in REQUIRED[kind] if t not in mapping]
        if kind in ("contacts",) and not ({"party_code", "party_vat"} & set(mapping)):
            missing.append("party_vat")
        if kind == "units" and not ({"owner_code", "owner_vat"} & set(mapping)):
            missing.append("owner_vat")
        if missing:
            raise ValidationError([FieldError(m, "import.column_missing") for m in missing])
        self._load_indexes()

    def _load_indexes(self) -> None:
        # One query per table: 10,000 rows must not mean 10,000 look-ups.
        self.party_by_code: dict[str, int] = {}
        self.party_by_vat: dict[str, int] = {}
        self.party_by_cf: dict[str, int] = {}
        self.party_by_name: dict[tuple[str, str], int] = {}
        for pid, code, vat, cf, name, city in Party.select(
                Party.id, Party.code, Party.vat_number, Party.fiscal_code, Party.name,
                Party.city).tuples():
            self.party_by_code[code.upper()] = pid
            if vat:
                self.party_by_vat.setdefault(vat if vat[:2].isalpha() else "IT" + vat, pid)
            if cf:
                self.party_by_cf.setdefault(cf.upper(), pid)
            self.party_by_name.setdefault((fold(name), fold(city)), pid)
        self.product_by_code = {code.upper(): pid for pid, code in
                                Product.select(Product.id, Product.code).tuples()}
        self.units: dict[tuple[int, str], int] = {}  # (product, serial) → unit
        if self.kind == "units":
            for uid, product_id, serial in Unit.select(Unit.id, Unit.product,
                                                       Unit.serial).tuples():
                self.units[(product_id, serial.strip().upper())] = uid
        self.contacts: dict[tuple[int, str], int] = {}
        if self.kind == "contacts":
            for cid, party_id, name in Contact.select(Contact.id, Contact.party,
                                                      Contact.name).tuples():
                self.contacts.setdefault((party_id, fold(name)), cid)
        self.new_products: dict[str, str] = {}

    def row(self, number: int, cells: list[Any]) -> RowResult:
        return getattr(self, f"_{self.kind}")(number, cells)

    def _duplicate(self, key: str, number: int, errors: list[FieldError], field_name: str) -> None:
        first = self.seen.get(key)
        if first is not None:
            errors.append(FieldError(field_name, "import.duplicate_in_file", {"row": first}))
        else:
            self.seen[key] = number

    def _party_ref(self, cells, code_field, vat_field, errors) -> int | None:
        code = party_svc._text(_cell(cells, self.mapping, code_field)).upper()
        raw_vat = _cell(cells, self.mapping, vat_field)
        if code:
            pid = self.party_by_code.get(code)
            if pid is None:
                errors.append(FieldError(code_field, "import.customer_unknown", {"value": code}))
            return pid
        vat, err = party_svc.normalize_vat(raw_vat)
        if err:
            errors.append(FieldError(vat_field, err, {"value": party_svc._text(raw_vat)}))
            return None
        if not vat:
            errors.append(FieldError(vat_field, "required"))
            return None
        pid = self.party_by_vat.get(vat)
        if pid is None:
            errors.append(FieldError(vat_field, "import.customer_unknown", {"value": vat}))
        return pid

    def _customers(self, number: int, cells: list[Any]) -> RowResult:
        raw = {t: _cell(cells, self.mapping, t) for t in TARGETS["customers"] if t in self.mapping}
        supplier = raw.pop("is_supplier", None)
        fields = {k: v for k, v in raw.items()}
        values, errors = party_svc.clean_party(fields)
        if party_svc._text(supplier):  # an empty cell leaves the register's flag
            flag = _bool(supplier)
            if flag is None:
                errors.append(FieldError("is_supplier", "import.not_yes_no",
                                         {"value": party_svc._text(supplier)}))
            else:
                values["is_supplier"] = flag
        existing = None
        key = values.get("code") or values.get("vat_number") or values.get("fiscal_code") or ""
        if values.get("code"):
            existing = self.party_by_code.get(values["code"].upper())
        if existing is None and values.get("vat_number"):
            existing = self.party_by_vat.get(values["vat_number"])
        if existing is None and values.get("fiscal_code"):
            existing = self.party_by_cf.get(values["fiscal_code"])
        if existing is None and not key and values.get("name"):
            existing = self.party_by_name.get((fold(values["name"]), fold(values.get("city"))))
            key = values["name"]
        if values.get("vat_number"):
            self._duplicate("vat:" + values["vat_number"], number, errors, "vat_number")
        elif values.get("fiscal_code"):
            self._duplicate("cf:" + values["fiscal_code"], number, errors, "fiscal_code")
        if values.get("code"):
            self._duplicate("code:" + values["code"].upper(), number, errors, "code")
        if existing is not None and values.get("vat_number"):
            other = self.party_by_vat.get(values["vat_number"])
            if other is not None and other != existing:
                errors.append(FieldError("vat_number", "party.vat_duplicate",
                                         {"value": values["vat_number"], "other": ""}))
        return self._result(number, key, values, errors, existing)

    def _contacts(self, number: int, cells: list[Any]) -> RowResult:
        errors: list[FieldError] = []
        party_id = self._party_ref(cells, "party_code", "party_vat", errors)
        fields = {t: _cell(cells, self.mapping, t) for t in
                  ("name", "role", "phone", "mobile", "email") if t in self.mapping}
        values, more = party_svc.clean_contact(fields)
        errors += more
        if "receives_notices" in self.mapping:
            raw = _cell(cells, self.mapping, "receives_notices")
            flag = _bool(raw)
            if flag is None:
                errors.append(FieldError("receives_notices", "import.not_yes_no",
                                         {"value": party_svc._text(raw)}))
            else:
                values["receives_notices"] = flag
        existing = None
        if party_id is not None and values.get("name"):
            values["party"] = party_id
            existing = self.contacts.get((party_id, fold(values["name"])))
            self._duplicate(f"contact:{party_id}:{fold(values['name'])}", number, errors, "name")
        return self._result(number, values.get("name", ""), values, errors, existing)

    def _products(self, number: int, cells: list[Any]) -> RowResult:
        fields = {t: _cell(cells, self.mapping, t) for t in TARGETS["products"] if t in self.mapping}
        values, errors = product_svc.clean_product(fields)
        existing = self.product_by_code.get(values.get("code", ""))
        if values.get("code"):
            self._duplicate("product:" + values["code"], number, errors, "code")
        return self._result(number, values.get("code", ""), values, errors, existing)

    def _units(self, number: int, cells: list[Any]) -> RowResult:
        errors: list[FieldError] = []
        owner_id = self._party_ref(cells, "owner_code", "owner_vat", errors)
        product_code = party_svc._text(_cell(cells, self.mapping, "product_code")).upper()
        product_name = party_svc._text(_cell(cells, self.mapping, "product_name"))
        product_id = self.product_by_code.get(product_code)
        if not product_code:
            errors.append(FieldError("product_code", "required"))
        elif product_id is None:
            if product_name:  # a product the file introduces: created with the units
                error = limits.too_long("product_name", product_name, limits.limit("product", "name"))
                if error is not None:  # refused with the row, never cut (#14)
                    errors.append(error)
                else:
                    self.new_products.setdefault(product_code, product_name)
            else:
                errors.append(FieldError("product_code", "import.product_unknown",
                                         {"value": product_code}))
        fields = {t: _cell(cells, self.mapping, t) for t in
                  ("serial", "install_date", "warranty_end", "site", "address", "city",
                   "province", "notes") if t in self.mapping}
        values, more = unit_svc.clean_unit(fields, partial=True)  # serial mapped: required
        errors += more
        values["product_code"] = product_code
        values["owner"] = owner_id
        existing = None
        if values.get("serial") and product_code:
            key = f"{product_code}/{values['serial']}"
            self._duplicate("unit:" + key.upper(), number, errors, "serial")
            if product_id is not None:
                existing = self.units.get((product_id, values["serial"].upper()))
        else:
            key = values.get("serial", "")
        return self._result(number, key, values, errors, existing)

    @staticmethod
    def _result(number, key, values, errors, existing) -> RowResult:
        if errors:
            return RowResult(number, "refused", str(key), errors, values)
        return RowResult(number, "update" if existing else "create", str(key), [], values,
                         existing)


def validate(path: str | Path, kind: str, mapping: dict[str, int], *, sheet: str | None = None,
             limit: int | None = None, table: Table | None = None) -> ImportReport:
    """Check every row (or the first ``limit``, for the preview); nothing is written."""
    table = table or read_table(path, sheet, limit=limit)
    validator = _Validator(kind, mapping)
    rows = [validator.row(number, cells) for number, cells in table.rows]
    targets = {index: target for target, index in mapping.items()}
    for result in rows:
        for col, ref in table.filled.get(result.row, ()):
            if col in targets:  # a column that is not imported does not matter
                header = table.headers[col] if col < len(table.headers) else ""
                result.notes.append(FieldError(targets[col], "import.merged_filled",
                                               {"range": ref, "column": header}))
    report = ImportReport(kind, rows)
    report.new_products = dict(validator.new_products)  # type: ignore[attr-defined]
    return report


# -- writing ---------------------------------------------------------------------------------
def run_import(path: str | Path, kind: str, mapping: dict[str, int], *, sheet: str | None = None,
               progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Validate every row, then write them all in one transaction — or nothing, if any row is
    refused (the report lists them). Returns the report with ``written`` set."""
    context.require(Permission.PARTY_EDIT)
    table = read_table(path, sheet)
    db = Party._meta.database
    with db.atomic():
        # Validated under the write lock, so what we check is what we write over.
        report = validate(path, kind, mapping, table=table)
        if not report.ok or not report.rows:
            return report
        _WRITERS[kind](report, progress)
        report.written = True
    return report


def _stamp(values: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    return dict(values, uuid=new_uuid(), created_at=now, updated_at=now, version=1)


def _bulk_insert(model, rows: list[dict[str, Any]]) -> None:
    """Rows in batches under SQLite's limit of bound parameters (32,766); a column a row lacks
    gets the model's default (peewee)."""
    size = 30_000 // len(model._meta.sorted_fields)  # at most every column, bound per row
    for i in range(0, len(rows), size):
        model.insert_many(rows[i:i + size]).execute()


def _bulk_update(model, updates: list[tuple[int, dict[str, Any]]], now: dt.datetime) -> None:
    """Updates made by the import are system work: the version is bumped so an editor open on
    another workstation gets a conflict instead of overwriting the imported data."""
    for record_id, values in updates:
        if values:
            model.update({**{model._meta.fields[k]: v for k, v in values.items()},
                          model.version: model.version + 1, model.updated_at: now}) \
                .where(model.id == record_id).execute()


def _write_customers(report: ImportReport, progress) -> None:
    now = clock.now()
    creates, updates = [], []
    next_code = int(party_svc.next_party_code()[1:])
    taken = {str(r.values.get("code") or "").upper() for r in report.rows}  # codes in the file
    for r in report.rows:
        values = dict(r.values)
        if r.action == "create":
            if not values.get("code"):
                while f"C{next_code:06d}" in taken:
                    next_code += 1
                values["code"] = f"C{next_code:06d}"
                next_code += 1
            creates.append(_stamp(values, now))
        else:
            if not values.get("code"):
                values.pop("code", None)  # keep the code the record already has
            updates.append((r.record_id, values))
    _bulk_insert(Party, creates)
    _bulk_update(Party, updates, now)


def _write_contacts(report: ImportReport, progress) -> None:
    now = clock.now()
    creates, updates = [], []
    for r in report.rows:
        if r.action == "create":
            creates.append(_stamp(r.values, now))
        else:
            values = {k: v for k, v in r.values.items() if k != "party"}
            updates.append((r.record_id, values))
    _bulk_insert(Contact, creates)
    _bulk_update(Contact, updates, now)


def _write_products(report: ImportReport, progress) -> None:
    now = clock.now()
    creates = [_stamp(r.values, now) for r in report.rows if r.action == "create"]
    updates = [(r.record_id, {k: v for k, v in r.values.items() if k != "code"})
               for r in report.rows if r.action == "update"]
    _bulk_insert(Product, creates)
    _bulk_update(Product, updates, now)


def _write_units(report: ImportReport, progress) -> None:
    now = clock.now()
    today = clock.today()
    new_products = getattr(report, "new_products", {})
    for code, name in new_products.items():
        Product.create(code=code, name=name)
    product_ids = {code: pid for pid, code in Product.select(Product.id, Product.code).tuples()}
    warranty = {pid: m for pid, m in Product.select(Product.id, Product.warranty_months).tuples()}
    creates = []
    for r in report.rows:
        values = dict(r.values)
        product_id = product_ids[values.pop("product_code")]
        values["product"] = product_id
        if r.action == "create":
            if values.get("install_date") and not values.get("warranty_end") and warranty[product_id]:
                values["warranty_end"] = unit_svc.add_months(
                    values["install_date"], warranty[product_id]) - dt.timedelta(days=1)
            creates.append(_stamp(values, now))
        else:
            unit = Unit.get_by_id(r.record_id)
            owner = values.pop("owner")
            values.pop("product")
            changed = {k: v for k, v in values.items() if getattr(unit, k) != v}
            if changed:
                _bulk_update(Unit, [(unit.id, changed)], now)
            if owner != unit.owner_id:  # the file moves the unit: history kept
                unit = Unit.get_by_id(unit.id)
                unit_svc.move_unit(unit, owner, on=today)
    _bulk_insert(Unit, creates)
    if creates:
        ids = dict(Unit.select(Unit.uuid, Unit.id)
                   .where(Unit.uuid.in_([c["uuid"] for c in creates])).tuples()) \
            if len(creates) < 900 else {u: i for u, i in Unit.select(Unit.uuid, Unit.id).tuples()}
        _bulk_insert(UnitOwnership, [
            _stamp({"unit": ids[c["uuid"]], "owner": c["owner"],
                    "since": c.get("install_date") or today, "until": None}, now)
            for c in creates])


_WRITERS = {"customers": _write_customers, "contacts": _write_contacts,
            "products": _write_products, "units": _write_units}


def refused_report_rows(report: ImportReport) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(row, field, code, params) for every refusal, for the report table and its export."""
    return [(r.row, e.field, e.code, e.params) for r in report.refused for e in r.errors]


__all__ = ["KINDS", "TARGETS", "REQUIRED", "Table", "RowResult", "ImportReport", "ImportFileError",
           "read_table", "read_headers", "sheet_names", "guess_mapping", "validate", "run_import",
           "refused_report_rows"]
