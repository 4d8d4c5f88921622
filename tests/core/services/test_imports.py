"""Import of customers, contacts, products and units from .xlsx and .csv (R-SER-1): mapping,
validation of every row with reasons, all-or-nothing, re-runs update instead of duplicating."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from servicedesk.models import Contact, Party, Product, Unit, UnitOwnership
from servicedesk.services import imports

VAT_A, VAT_B, VAT_C = "00743110157", "01234560017", "12345670157"


def write_xlsx(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_csv(path, rows, sep=";"):
    path.write_text("\n".join(sep.join(str(c) for c in row) for row in rows) + "\n",
                    encoding="utf-8")
    return path


CUSTOMERS = [
    ["Ragione sociale", "Partita IVA", "Indirizzo", "CAP", "Città", "Provincia", "E-mail"],
    ["Alfa srl", VAT_A, "Via Roma 1", "20100", "Milano", "MI", "info@alfa.it"],
    ["Beta spa", VAT_B, "Corso Italia 2", "10100", "Torino", "to", ""],
]


def test_guess_mapping_reads_italian_headers(tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", CUSTOMERS)
    headers = imports.read_headers(path)
    mapping = imports.guess_mapping("customers", headers)
    assert mapping == {"name": 0, "vat_number": 1, "address": 2, "postal_code": 3, "city": 4,
                       "province": 5, "email": 6}


def test_customers_xlsx_import_then_rerun_updates(db, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", CUSTOMERS)
    mapping = imports.guess_mapping("customers", imports.read_headers(path))
    report = imports.run_import(path, "customers", mapping)
    assert report.written and report.count("create") == 2
    alfa = Party.get(Party.vat_number == "IT" + VAT_A)
    assert (alfa.city, alfa.province_id, alfa.email) == ("Milano", "MI", "info@alfa.it")
    changed = [r[:] for r in CUSTOMERS]
    changed[1][4] = "Monza"
    changed[1][5] = "MB"
    path2 = write_xlsx(tmp_path / "c2.xlsx", changed)
    report = imports.run_import(path2, "customers", mapping)
    assert report.count("update") == 2 and report.count("create") == 0
    assert Party.select().count() == 2
    alfa2 = Party.get_by_id(alfa.id)
    assert (alfa2.city, alfa2.province_id) == ("Monza", "MB")
    assert alfa2.version == alfa.version + 1 and alfa2.code == alfa.code


def test_bad_rows_refused_with_reasons_and_nothing_written(db, tmp_path):
    rows = CUSTOMERS + [
        ["Gamma", "01234567890", "", "", "", "MI", ""],  # bad VAT check digit
        ["Delta", VAT_C, "", "", "", "XX", ""],  # unknown province
        ["", "", "", "", "", "", ""],  # empty row: skipped
        ["Alfa bis", VAT_A, "", "", "", "", ""],  # same VAT twice in the file
    ]
    path = write_csv(tmp_path / "c.csv", rows)
    mapping = imports.guess_mapping("customers", imports.read_headers(path))
    report = imports.run_import(path, "customers", mapping)
    assert not report.written
    refused = {(r.row, e.field, e.code) for r in report.refused for e in r.errors}
    assert refused == {(4, "vat_number", "party.vat_invalid"),
                       (5, "province", "party.province_unknown"),
                       (7, "vat_number", "import.duplicate_in_file")}
    assert Party.select().count() == 0  # all or nothing


def test_contacts_products_units_and_duplicate_serial(db, tmp_path):
    imports.run_import(write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers",
                       imports.guess_mapping("customers", CUSTOMERS[0]))
    contacts = [["Partita IVA", "Nome", "Ruolo", "E-mail", "Riceve avvisi"],
                [VAT_A, "Anna Neri", "Resp. tecnico", "anna@alfa.it", "sì"],
                [VAT_B, "Bruno", "", "", "no"],
                ["IT" + VAT_C, "Nessuno", "", "", "x"]]  # unknown customer
    path = write_xlsx(tmp_path / "k.xlsx", contacts)
    mapping = imports.guess_mapping("contacts", contacts[0])
    assert mapping["party_vat"] == 0 and mapping["receives_notices"] == 4
    report = imports.run_import(path, "contacts", mapping)
    assert [(r.row, r.errors[0].code) for r in report.refused] == [(4, "import.customer_unknown")]
    report = imports.run_import(write_xlsx(tmp_path / "k2.xlsx", contacts[:3]), "contacts", mapping)
    assert report.written
    anna = Contact.get(Contact.name == "Anna Neri")
    assert anna.receives_notices and anna.party.name == "Alfa srl"

    units = [["Codice prodotto", "Descrizione prodotto", "Matricola", "Partita IVA cliente",
              "Data installazione", "Sede"],
             ["CALD-24", "Caldaia 24 kW", "SN1", VAT_A, "15/03/2024", "Centrale termica"],
             ["CALD-24", "Caldaia 24 kW", "SN2", VAT_B, dt.datetime(2024, 5, 2), ""],
             ["CALD-24", "Caldaia 24 kW", "sn1", VAT_B, "", ""]]  # duplicate serial
    mapping = imports.guess_mapping("units", units[0])
    path = write_xlsx(tmp_path / "u.xlsx", units)
    report = imports.run_import(path, "units", mapping)
    assert [(r.row, r.errors[0].code) for r in report.refused] == [(4, "import.duplicate_in_file")]
    assert Unit.select().count() == 0 and Product.select().count() == 0
    report = imports.run_import(write_xlsx(tmp_path / "u2.xlsx", units[:3]), "units", mapping)
    assert report.written and report.count("create") == 2
    sn1 = Unit.get(Unit.serial == "SN1")
    assert sn1.install_date == dt.date(2024, 3, 15) and sn1.site == "Centrale termica"
    assert sn1.warranty_end == dt.date(2026, 3, 14)
    assert UnitOwnership.select().where(UnitOwnership.unit == sn1.id).count() == 1
    # Re-run where SN1 now belongs to Beta: updated, moved with history, not duplicated.
    units[1][3] = VAT_B
    report = imports.run_import(write_xlsx(tmp_path / "u3.xlsx", units[:3]), "units", mapping)
    assert report.count("update") == 2 and Unit.select().count() == 2
    assert Unit.get_by_id(sn1.id).owner.name == "Beta spa"
    assert UnitOwnership.select().where(UnitOwnership.unit == sn1.id).count() == 2


def test_missing_required_column_and_bad_files(db, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", [["Città"], ["Milano"]])
    with pytest.raises(imports.ValidationError) as exc:
        imports.run_import(path, "customers", {"city": 0})
    assert exc.value.errors[0].code == "import.column_missing"
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(imports.ImportFileError) as exc:
        imports.read_headers(bad)
    assert exc.value.code == "import.file_unreadable"
    empty = tmp_path / "e.csv"
    empty.write_text("\n\n")
    with pytest.raises(imports.ImportFileError):
        imports.read_headers(empty)
    with pytest.raises(imports.ImportFileError):
        imports.read_headers(tmp_path / "x.pdf")


def test_csv_comma_and_cp1252(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes("Nome,Partita IVA,Città\nCaffè Né srl,00743110157,Forlì\n".encode("cp1252"))
    mapping = imports.guess_mapping("customers", imports.read_headers(path))
    report = imports.run_import(path, "customers", mapping)
    assert report.written
    p = Party.get()
    assert (p.name, p.city) == ("Caffè Né srl", "Forlì")


def test_cells_merged_over_rows_fill_every_row_and_are_reported(db, tmp_path):
    """#14: a customer written once in a cell merged over its units' rows (a real .xlsx with
    openpyxl merges): every unit gets the owner, and the report names the filled rows."""
    imports.run_import(write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers",
                       imports.guess_mapping("customers", imports.read_headers(tmp_path / "c.xlsx")))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Partita IVA cliente", "Codice prodotto", "Nome prodotto", "Matricola", "Note"])
    ws.append([VAT_A, "CALD-1", "Caldaia 24 kW", "SN-001", "ufficio"])
    ws.append([None, None, None, "SN-002", None])
    ws.append([None, None, None, "SN-003", None])
    ws.append([VAT_B, "CALD-1", "Caldaia 24 kW", "SN-004", None])
    ws.merge_cells("A2:A4")  # the customer, once for three units
    ws.merge_cells("B2:B4")  # product code and name
    ws.merge_cells("C2:C4")
    ws.merge_cells("E2:E3")  # notes: a column that is not imported
    path = tmp_path / "units.xlsx"
    wb.save(path)
    before = path.read_bytes()
    headers = imports.read_headers(path)
    mapping = {"owner_vat": 0, "product_code": 1, "product_name": 2, "serial": 3}
    preview = imports.validate(path, "units", mapping)
    assert preview.ok, [(r.row, r.errors) for r in preview.refused]
    notes = {r.row: sorted((n.field, n.code, n.params["range"]) for n in r.notes) for r in preview.noted}
    filled = [("owner_vat", "import.merged_filled", "A2:A4"),
              ("product_code", "import.merged_filled", "B2:B4"),
              ("product_name", "import.merged_filled", "C2:C4")]
    assert notes == {3: filled, 4: filled}  # not row 2 (the value is its own), not E
    assert headers[0] == "Partita IVA cliente"
    report = imports.run_import(path, "units", mapping)
    assert report.written and report.count("create") == 4
    alfa = Party.get(Party.vat_number == "IT" + VAT_A)
    for serial in ("SN-001", "SN-002", "SN-003"):
        unit = Unit.get(Unit.serial == serial)
        assert unit.product.code == "CALD-1"
        assert UnitOwnership.get(UnitOwnership.unit == unit).owner_id == alfa.id
    assert path.read_bytes() == before  # the file is only read


def test_merged_ranges_are_read_across_chunk_boundaries(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    for i in range(3000):
        ws.append([f"riga {i}", "x" * 40])
    for i in range(2, 2990, 10):
        ws.merge_cells(f"A{i}:A{i + 5}")
    wb.save(tmp_path / "big.xlsx")
    ro = openpyxl.load_workbook(tmp_path / "big.xlsx", read_only=True)
    try:
        real = ro.worksheets[0]._get_source

        class Small:  # 1 KB reads, so that elements straddle the chunks
            def __init__(self):
                self.src = real()

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.src.close()

            def read(self, n):
                return self.src.read(1024)

        monkeypatch.setattr(ro.worksheets[0], "_get_source", Small)
        ranges = imports._merged_ranges(ro.worksheets[0])
    finally:
        ro.close()
    assert sorted(ranges) == sorted(f"A{i}:A{i + 5}" for i in range(2, 2990, 10))
