"""Import rules at their limits: which files are read and how, which columns are recognised,
which rows are imported, updated or refused with which message, and what is written
(R-SER-1, #20)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.errors import PermissionDenied, ValidationError
from servicedesk.models import Contact, Party, Product, Unit, UnitOwnership
from servicedesk.permissions import Role
from servicedesk.services import imports

VAT_A, VAT_B, VAT_C = "00743110157", "01234560017", "12345670157"
CF_PERSON = "RSSMRA85T10A562S"


def xlsx(path, rows, *, sheets=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for title, more in (sheets or {}).items():
        other = wb.create_sheet(title)
        for row in more:
            other.append(row)
    wb.save(path)
    return path


def csv_file(path, text: str, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def table(path, **kw) -> tuple[list[str], list[tuple[int, list]]]:
    t = imports.read_table(path, **kw)
    return t.headers, [(n, [("" if c is None else c) for c in cells]) for n, cells in t.rows]


def run(tmp_path, kind, rows, mapping=None, name="f.xlsx"):
    path = xlsx(tmp_path / name, rows)
    return imports.run_import(path, kind, mapping or imports.guess_mapping(kind, rows[0]))


def refusals(report) -> list[tuple[int, str, str]]:
    return [(row, field, code) for row, field, code, _ in imports.refused_report_rows(report)]


@pytest.fixture
def office(db, tmp_path):
    """Two customers already in the register, one product with a 24-month warranty."""
    clock.freeze(dt.datetime(2026, 3, 2, 9))
    alfa = Party.create(code="C000007", name="Alfa srl", vat_number="IT" + VAT_A, city="Milano")
    beta = Party.create(code="BETA", name="Beta spa", vat_number=VAT_B, city="Torino",
                        fiscal_code=CF_PERSON.lower())
    boiler = Product.create(code="CALD-24", name="Caldaia 24 kW", warranty_months=24)
    return alfa, beta, boiler


# -- reading files ----------------------------------------------------------------------------
def test_header_is_the_first_row_with_text_and_blank_rows_are_skipped(tmp_path):
    path = xlsx(tmp_path / "c.xlsx", [[None, None], ["  ", None], ["Nome", " Città ", None, ""],
                                      ["Alfa", "Milano"], [None, "  "], ["Beta", "Torino"]])
    headers, rows = table(path)
    assert headers == ["Nome", "Città"]  # trimmed, the empty columns at the end dropped
    assert [(n, cells[:2]) for n, cells in rows] == [(4, ["Alfa", "Milano"]),
                                                     (6, ["Beta", "Torino"])]
    assert [n for n, _ in imports.read_table(path, limit=1).rows] == [4]


def test_the_chosen_sheet_is_read_and_its_name_listed(tmp_path):
    path = xlsx(tmp_path / "c.xlsx", [["Nome"], ["Alfa"]],
                sheets={"Matricole": [["Matricola"], ["SN-1"]]})
    assert imports.sheet_names(path) == ["Sheet", "Matricole"]
    assert table(path, sheet="Matricole") == (["Matricola"], [(2, ["SN-1"])])
    assert imports.sheet_names(csv_file(tmp_path / "c.csv", "Nome\nAlfa\n")) == []
    upper = xlsx(tmp_path / "C.XLSX", [["Nome"], ["Alfa"]])
    assert imports.sheet_names(upper) == ["Sheet"] and table(upper)[0] == ["Nome"]


@pytest.mark.parametrize("text, rows", [
    ("Nome;Città\nAlfa;Milano\n", [["Alfa", "Milano"]]),
    ("Nome,Città\nAlfa,Milano\n", [["Alfa", "Milano"]]),
    ("Nome\tCittà\nAlfa\tMilano\n", [["Alfa", "Milano"]]),
    ("Nome|Città\nAlfa|Milano\n", [["Alfa", "Milano"]]),
    ("Nome\nRossi, Bianchi & C. snc\nVerdi; Neri\n",  # one column: not cut at a comma
     [["Rossi, Bianchi & C. snc"], ["Verdi; Neri"]]),
    ("Nome;Note\nAlfa;a, b, c\nBeta;d, e\n", [["Alfa", "a, b, c"], ["Beta", "d, e"]]),
])
def test_csv_separator_is_found(tmp_path, text, rows):
    headers, read = table(csv_file(tmp_path / "c.csv", text))
    assert [cells for _, cells in read] == rows


def test_a_single_column_file_with_semicolons_is_split_on_them(tmp_path):
    """When the sniffer gives up, the Italian Excel default (;) wins unless commas are more."""
    path = csv_file(tmp_path / "c.csv", "Nome;Note\nAlfa;x;y;\n")
    assert table(path)[1][0][1][:2] == ["Alfa", "x"]


@pytest.mark.parametrize("raw, name", [
    ("\ufeffNome;Città\nCaffè srl;Forlì\n".encode("utf-8"), "Caffè srl"),  # Excel's UTF-8 BOM
    ("Nome;Città\nCaffè srl;Forlì\n".encode("cp1252"), "Caffè srl"),
    (b"Nome;Citt\xe0\nCaff\x81 srl;Forl\xec\n", "Caff\x81 srl"),  # not even cp1252: latin-1
])
def test_csv_encodings(tmp_path, raw, name):
    path = tmp_path / "c.csv"
    path.write_bytes(raw)
    headers, rows = table(path)
    assert headers[0] == "Nome" and rows[0][1][0] == name


def test_files_that_cannot_be_read_say_why(tmp_path):
    codes = {}
    for label, path in {"missing_csv": tmp_path / "none.csv", "missing_xlsx": tmp_path / "n.xlsx",
                        "binary": tmp_path / "b.csv", "type": tmp_path / "c.ods",
                        "empty": tmp_path / "e.xlsx"}.items():
        if label == "binary":
            path.write_bytes(b"PK\x03\x04\x00\x00binary")
        if label == "empty":
            xlsx(path, [[None], ["", "  "]])
        with pytest.raises(imports.ImportFileError) as info:
            imports.read_headers(path)
        codes[label] = info.value.code
    assert codes == {"missing_csv": "import.file_missing", "missing_xlsx": "import.file_missing",
                     "binary": "import.file_unreadable", "type": "import.file_type",
                     "empty": "import.file_empty"}
    assert imports.read_headers(csv_file(tmp_path / "t.txt", "Nome\nAlfa\n")) == ["Nome"]


def test_too_many_rows_are_refused_before_anything_is_checked(tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    fits = csv_file(tmp_path / "ok.csv", "Nome\n" + "".join(f"R{i}\n" for i in range(3)))
    assert len(imports.read_table(fits).rows) == 3
    path = csv_file(tmp_path / "big.csv", "Nome\n" + "".join(f"R{i}\n" for i in range(4)))
    with pytest.raises(imports.ImportFileError) as info:
        imports.read_table(path)
    assert info.value.code == "import.too_many_rows"
    assert len(imports.read_table(path, limit=2).rows) == 2  # the preview still opens


# -- recognising the columns ------------------------------------------------------------------
def test_column_names_are_recognised_without_accents_case_or_punctuation():
    headers = ["RAGIONE SOCIALE", "P.IVA", "Località", "E-Mail", "Cod. Fiscale", "Prov."]
    assert imports.guess_mapping("customers", headers) == {
        "name": 0, "vat_number": 1, "city": 2, "email": 3, "fiscal_code": 4, "province": 5}


def test_each_column_goes_to_one_field_the_exact_name_first():
    """"Codice cliente" is the customer of a unit, "Codice prodotto" its product; a column
    already taken is not given to a second field."""
    headers = ["Codice cliente", "Codice prodotto", "Prodotto", "Serial number", "Partita IVA"]
    assert imports.guess_mapping("units", headers) == {
        "product_code": 1, "product_name": 2, "serial": 3, "owner_code": 0, "owner_vat": 4}
    assert imports.guess_mapping("products", ["Descrizione", "Code", "Codice"]) == {
        "code": 1, "name": 0}
    assert imports.guess_mapping("contacts", ["Nome", "Nome"]) == {"name": 0}


@pytest.mark.parametrize("kind, mapping, missing", [
    ("customers", {"city": 0}, ["name"]),
    ("contacts", {"name": 0}, ["party_vat"]),
    ("products", {"name": 0}, ["code"]),
    ("units", {"serial": 0}, ["product_code", "owner_vat"]),
])
def test_an_import_without_its_required_columns_is_refused(tmp_path, db, kind, mapping, missing):
    path = xlsx(tmp_path / "f.xlsx", [["A", "B"], ["x", "y"]])
    with pytest.raises(ValidationError) as info:
        imports.validate(path, kind, mapping)
    assert sorted(e.field for e in info.value.errors) == sorted(missing)
    assert {e.code for e in info.value.errors} == {"import.column_missing"}


def test_contacts_and_units_may_name_the_customer_by_code_instead_of_vat(office, tmp_path):
    path = xlsx(tmp_path / "f.xlsx", [["Codice cliente", "Nome"], ["beta", "Carla"]])
    report = imports.validate(path, "contacts", {"party_code": 0, "name": 1})
    assert report.ok and report.rows[0].values["party"] == office[1].id


def test_an_unknown_kind_of_import_is_a_programming_error(office, tmp_path):
    with pytest.raises(ValueError):
        imports.validate(xlsx(tmp_path / "f.xlsx", [["Nome"], ["x"]]), "invoices", {"name": 0})


# -- customers --------------------------------------------------------------------------------
def test_customers_are_matched_on_code_vat_fiscal_code_or_name_and_city(office, tmp_path):
    """A file from the old program: rows that are already in the register update them, found by
    code, by VAT number (with or without IT), by fiscal code, or — with none of these — by name
    and city; the rest are new."""
    alfa, beta, _ = office
    rows = [["Codice", "Ragione sociale", "Partita IVA", "Codice fiscale", "Città", "Telefono"],
            ["c000007", "Alfa S.r.l.", "", "", "Milano", "02 1"],  # by code
            ["", "Beta", VAT_B, "", "Torino", "011 2"],  # by VAT stored without IT
            ["", "Beta due", "", "", "Torino", ""],  # new: name and city of nobody
            ["", "Alfa srl", "", "", "Milano", "02 3"],  # by name and city
            ["", "Gamma", VAT_C, "", "Roma", ""]]  # new
    report = run(tmp_path, "customers", [["Codice fiscale", "Nome"], [CF_PERSON, "Beta"]],
                 name="cf.xlsx")
    assert [(r.action, r.record_id) for r in report.rows] == [("update", beta.id)]
    report = run(tmp_path, "customers", rows)
    assert [(r.row, r.action, r.record_id) for r in report.rows] == [
        (2, "update", alfa.id), (3, "update", beta.id), (4, "create", None),
        (5, "update", alfa.id), (6, "create", None)]
    assert report.written
    assert Party.get_by_id(beta.id).phone == "011 2"


def test_new_customers_get_the_next_free_codes_and_italy(office, tmp_path):
    rows = [["Ragione sociale", "Partita IVA"], ["Gamma", VAT_C], ["Delta", ""]]
    run(tmp_path, "customers", rows)
    made = {p.name: (p.code, p.country) for p in Party.select().where(Party.id > office[1].id)}
    assert made == {"Gamma": ("C000008", "IT"), "Delta": ("C000009", "IT")}


def test_an_update_without_a_code_keeps_the_customer_code(office, tmp_path):
    alfa = office[0]
    report = run(tmp_path, "customers", [["Codice", "Nome", "Partita IVA"], ["", "Alfa", VAT_A]])
    assert report.rows[0].action == "update"
    updated = Party.get_by_id(alfa.id)
    assert (updated.code, updated.name, updated.version) == ("C000007", "Alfa", alfa.version + 1)
    assert updated.updated_at == clock.now()


@pytest.mark.parametrize("word, supplier", [("sì", True), ("X", True), ("1", True), (1, True),
                                            (True, True), ("no", False), ("0", False),
                                            ("-", False), (0, False), (False, False)])
def test_supplier_column_reads_yes_and_no(office, tmp_path, word, supplier):
    report = run(tmp_path, "customers", [["Nome", "Fornitore"], ["Gamma", word]])
    assert report.written
    assert Party.get(Party.name == "Gamma").is_supplier is supplier


def test_a_supplier_cell_that_is_neither_yes_nor_no_is_refused(office, tmp_path):
    report = run(tmp_path, "customers", [["Nome", "Fornitore"], ["Gamma", "forse"], ["Delta", ""]])
    assert [(r, f, c, p) for r, f, c, p in imports.refused_report_rows(report)] == [
        (2, "is_supplier", "import.not_yes_no", {"value": "forse"})]
    assert not report.written and not Party.select().where(Party.name == "Delta").exists()


def test_the_same_customer_twice_in_a_file_is_refused_naming_the_first_row(office, tmp_path):
    rows = [["Codice", "Nome", "Partita IVA", "Codice fiscale"],
            ["N1", "Uno", VAT_C, ""], ["n1", "Uno bis", "", ""],      # same code
            ["", "Due", "IT" + VAT_C, ""],                             # same VAT
            ["", "Tre", "", CF_PERSON], ["", "Tre bis", "", CF_PERSON.lower()]]  # same CF
    report = run(tmp_path, "customers", rows)
    assert [(r, f, c, p) for r, f, c, p in imports.refused_report_rows(report)] == [
        (3, "code", "import.duplicate_in_file", {"row": 2}),
        (4, "vat_number", "import.duplicate_in_file", {"row": 2}),
        (6, "fiscal_code", "import.duplicate_in_file", {"row": 5})]


def test_a_vat_number_of_another_customer_is_refused(office, tmp_path):
    """The row names Alfa by code but gives Beta's VAT number: importing it would make two
    customers with one VAT number."""
    report = run(tmp_path, "customers", [["Codice", "Nome", "Partita IVA"],
                                         ["C000007", "Alfa", VAT_B]])
    assert refusals(report) == [(2, "vat_number", "party.vat_duplicate")]
    assert Party.get_by_id(office[0].id).vat_number == "IT" + VAT_A


def test_a_file_with_only_the_header_writes_nothing(office, tmp_path):
    report = run(tmp_path, "customers", [["Nome", "Città"]])
    assert report.rows == [] and report.ok and not report.written


def test_import_needs_the_right_to_edit_customers(office, tmp_path):
    path = xlsx(tmp_path / "f.xlsx", [["Nome"], ["Gamma"]])
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="x")):
        with pytest.raises(PermissionDenied):
            imports.run_import(path, "customers", {"name": 0})
    assert not Party.select().where(Party.name == "Gamma").exists()


def test_cells_beyond_the_end_of_a_short_row_are_empty(office, tmp_path):
    path = csv_file(tmp_path / "c.csv", "Nome;Città;Telefono\nGamma;Roma\n")
    report = imports.run_import(path, "customers", {"name": 0, "city": 1, "phone": 2})
    assert report.written
    gamma = Party.get(Party.name == "Gamma")
    assert (gamma.city, gamma.phone) == ("Roma", "")


# -- contacts ---------------------------------------------------------------------------------
def test_contacts_are_updated_by_customer_and_name(office, tmp_path):
    alfa, beta, _ = office
    anna = Contact.create(party=alfa, name="Anna Neri", role="Amministrazione")
    rows = [["Partita IVA", "Nome", "Ruolo", "Riceve avvisi"],
            [VAT_A, "ANNA NERI", "Resp. tecnico", "sì"],  # the same person
            [VAT_B, "Anna Neri", "", ""]]  # another customer's Anna: new
    report = run(tmp_path, "contacts", rows)
    assert [(r.action, r.record_id) for r in report.rows] == [("update", anna.id),
                                                                ("create", None)]
    anna = Contact.get_by_id(anna.id)
    assert (anna.party_id, anna.role, anna.receives_notices) == (alfa.id, "Resp. tecnico", True)
    other = Contact.get(Contact.party == beta.id)
    assert (other.name, other.receives_notices) == ("Anna Neri", False)


def test_contact_rows_that_cannot_be_imported(office, tmp_path):
    rows = [["Codice cliente", "Partita IVA", "Nome", "Riceve avvisi"],
            ["", VAT_A, "Anna", "forse"],           # not yes/no
            ["ZZZ", "", "Bruno", ""],               # unknown customer code
            ["", "123", "Carla", ""],               # VAT in a wrong format
            ["", "", "Dario", ""],                  # no customer at all
            ["", VAT_A, "Elena", ""], ["", VAT_A, "elena", ""]]  # twice
    report = run(tmp_path, "contacts", rows)
    assert [(r, f, c, p) for r, f, c, p in imports.refused_report_rows(report)] == [
        (2, "receives_notices", "import.not_yes_no", {"value": "forse"}),
        (3, "party_code", "import.customer_unknown", {"value": "ZZZ"}),
        (4, "party_vat", "party.vat_format", {"value": "123"}),
        (5, "party_vat", "required", {}),
        (7, "name", "import.duplicate_in_file", {"row": 6})]
    assert Contact.select().count() == 0


def test_a_contact_of_an_unknown_vat_number_names_it(office, tmp_path):
    report = run(tmp_path, "contacts", [["Partita IVA", "Nome"], [VAT_C, "Anna"]])
    assert imports.refused_report_rows(report) == [
        (2, "party_vat", "import.customer_unknown", {"value": "IT" + VAT_C})]


# -- products ---------------------------------------------------------------------------------
def test_products_are_updated_by_code_and_keep_it(office, tmp_path):
    boiler = office[2]
    rows = [["Codice", "Descrizione", "Garanzia mesi"], ["cald-24", "Caldaia 24 kW plus", 36],
            ["POMPA-1", "Pompa di calore", ""]]
    report = run(tmp_path, "products", rows)
    assert [(r.action, r.record_id) for r in report.rows] == [("update", boiler.id),
                                                                ("create", None)]
    boiler = Product.get_by_id(boiler.id)
    assert (boiler.code, boiler.name, boiler.warranty_months) == ("CALD-24", "Caldaia 24 kW plus", 36)
    assert Product.get(Product.code == "POMPA-1").warranty_months == 0


def test_the_same_product_twice_in_a_file_is_refused(office, tmp_path):
    report = run(tmp_path, "products", [["Codice", "Descrizione"], ["P-1", "A"], ["p-1", "B"]])
    assert [(r, f, c, p) for r, f, c, p in imports.refused_report_rows(report)] == [
        (3, "code", "import.duplicate_in_file", {"row": 2})]


# -- units ------------------------------------------------------------------------------------
UNIT_HEAD = ["Codice prodotto", "Descrizione prodotto", "Matricola", "Partita IVA cliente",
             "Data installazione", "Fine garanzia"]


def test_warranty_end_follows_the_product_unless_the_file_gives_it(office, tmp_path):
    """R-SER-1: a unit installed on 15/03/2024 of a product with 24 months of warranty is under
    warranty until 14/03/2026; a date in the file wins; no installation date, no warranty end;
    a product without warranty gives none."""
    Product.create(code="FILTRO", name="Filtro", warranty_months=0)
    rows = [UNIT_HEAD,
            ["CALD-24", "", "SN-1", VAT_A, "15/03/2024", ""],
            ["CALD-24", "", "SN-2", VAT_A, "15/03/2024", "31/12/2030"],
            ["CALD-24", "", "SN-3", VAT_A, "", ""],
            ["FILTRO", "", "SN-4", VAT_A, "2024-03-15", ""]]
    report = run(tmp_path, "units", rows)
    assert report.written
    ends = {u.serial: (u.install_date, u.warranty_end) for u in Unit.select()}
    assert ends == {"SN-1": (dt.date(2024, 3, 15), dt.date(2026, 3, 14)),
                    "SN-2": (dt.date(2024, 3, 15), dt.date(2030, 12, 31)),
                    "SN-3": (None, None), "SN-4": (dt.date(2024, 3, 15), None)}


def test_new_units_belong_to_their_customer_since_installation_or_today(office, tmp_path):
    alfa = office[0]
    rows = [UNIT_HEAD, ["CALD-24", "", "SN-1", VAT_A, "15/03/2024", ""],
            ["CALD-24", "", "SN-2", VAT_A, "", ""]]
    run(tmp_path, "units", rows)
    history = {o.unit.serial: (o.owner_id, o.since, o.until) for o in UnitOwnership.select()}
    assert history == {"SN-1": (alfa.id, dt.date(2024, 3, 15), None),
                       "SN-2": (alfa.id, dt.date(2026, 3, 2), None)}
    assert {u.serial: u.owner_id for u in Unit.select()} == {"SN-1": alfa.id, "SN-2": alfa.id}


def test_a_product_named_in_the_file_is_created_with_its_units(office, tmp_path):
    rows = [UNIT_HEAD, ["pdc-9", "Pompa di calore 9 kW", "SN-1", VAT_A, "", ""],
            ["PDC-9", "Pompa di calore 9 kW", "SN-2", VAT_A, "", ""]]
    report = run(tmp_path, "units", rows)
    assert report.written
    made = Product.get(Product.code == "PDC-9")
    assert made.name == "Pompa di calore 9 kW"
    assert sorted(u.serial for u in Unit.select().where(Unit.product == made.id)) == ["SN-1", "SN-2"]


def test_unit_rows_that_cannot_be_imported(office, tmp_path):
    rows = [UNIT_HEAD,
            ["MISTERO", "", "SN-1", VAT_A, "", ""],              # product unknown, no name
            ["", "Caldaia", "SN-2", VAT_A, "", ""],              # no product code
            ["NUOVO", "x" * 300, "SN-3", VAT_A, "", ""],         # product name too long
            ["CALD-24", "", "", VAT_A, "", ""],                  # no serial
            ["CALD-24", "", "SN-5", VAT_A, "31/02/2024", ""],    # no such day
            ["CALD-24", "", "SN-6", "", "", ""]]                 # no customer
    report = run(tmp_path, "units", rows)
    got = [(r, f, c) for r, f, c, _ in imports.refused_report_rows(report)]
    assert got == [(2, "product_code", "import.product_unknown"),
                   (3, "product_code", "required"),
                   (4, "product_name", "too_long"),
                   (5, "serial", "required"),
                   (6, "install_date", "invalid_date"),
                   (7, "owner_vat", "required")]
    assert imports.refused_report_rows(report)[0][3] == {"value": "MISTERO"}
    assert Unit.select().count() == 0 and not Product.select().where(Product.code == "NUOVO").exists()


def test_a_unit_already_registered_is_updated_only_where_the_file_differs(office, tmp_path):
    alfa, beta, boiler = office
    unit = Unit.create(product=boiler, serial="SN-1", owner=alfa, site="Cantina",
                       install_date=dt.date(2024, 1, 10))
    UnitOwnership.create(unit=unit, owner=alfa, since=dt.date(2024, 1, 10))
    head = ["Codice prodotto", "Matricola", "Partita IVA cliente", "Sede"]
    report = run(tmp_path, "units", [head, ["CALD-24", "SN-1", VAT_A, "Cantina"]])
    assert [(r.action, r.record_id) for r in report.rows] == [("update", unit.id)]
    assert Unit.get_by_id(unit.id).version == unit.version  # nothing differed: not touched
    report = run(tmp_path, "units", [head, ["CALD-24", "SN-1", VAT_A, "Centrale termica"]],
                 name="g.xlsx")
    after = Unit.get_by_id(unit.id)
    assert (after.site, after.version, after.owner_id) == ("Centrale termica", unit.version + 1,
                                                           alfa.id)
    assert UnitOwnership.select().where(UnitOwnership.unit == unit.id).count() == 1
    run(tmp_path, "units", [head, ["CALD-24", "SN-1", VAT_B, "Centrale termica"]], name="h.xlsx")
    history = [(o.owner_id, o.since, o.until) for o in
               UnitOwnership.select().where(UnitOwnership.unit == unit.id).order_by(UnitOwnership.id)]
    assert history == [(alfa.id, dt.date(2024, 1, 10), dt.date(2026, 3, 2)),
                       (beta.id, dt.date(2026, 3, 2), None)]


def test_preview_checks_only_the_first_rows(office, tmp_path):
    rows = [["Nome", "Provincia"], ["Uno", "MI"], ["Due", "XX"]]
    path = xlsx(tmp_path / "f.xlsx", rows)
    assert imports.validate(path, "customers", {"name": 0, "province": 1}, limit=1).ok
    assert not imports.validate(path, "customers", {"name": 0, "province": 1}).ok


def test_merged_cells_of_columns_not_imported_are_not_reported(office, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Nome", "Note", "Città"])
    ws.append(["Uno", "vedi sotto", "Roma"])
    ws.append(["Due", None, None])
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:C3")
    wb.save(tmp_path / "m.xlsx")
    report = imports.validate(tmp_path / "m.xlsx", "customers", {"name": 0, "city": 2})
    assert [(r.row, [(n.field, n.params) for n in r.notes]) for r in report.noted] == [
        (3, [("city", {"range": "C2:C3", "column": "Città"})])]
    assert report.rows[1].values["city"] == "Roma"


def test_a_file_of_200000_rows_is_read_and_one_more_is_refused(tmp_path):
    rows = "".join(f"R{i}\n" for i in range(200_000))
    assert len(imports.read_table(csv_file(tmp_path / "ok.csv", "Nome\n" + rows)).rows) == 200_000
    with pytest.raises(imports.ImportFileError) as info:
        imports.read_table(csv_file(tmp_path / "big.csv", "Nome\n" + rows + "R\n"))
    assert (info.value.code, info.value.params) == ("import.too_many_rows", {"max": 200_000})


def open_files() -> set[str]:
    fds = Path("/proc/self/fd")
    return {os.path.realpath(fds / fd) for fd in os.listdir(fds)} if fds.exists() else set()


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc to list open files")
def test_a_spreadsheet_is_closed_once_read(tmp_path):
    """On Windows a file left open cannot be moved or deleted while the program runs."""
    path = xlsx(tmp_path / "c.xlsx", [["Nome"], ["Alfa"]])
    imports.sheet_names(path)
    imports.read_headers(path)
    imports.read_table(path)
    assert os.path.realpath(path) not in open_files()


def test_a_formula_is_imported_as_its_value_never_as_its_text(office, tmp_path):
    """A sheet that computes a column (here never opened in Excel, so without a stored result):
    the formula itself is not imported."""
    path = xlsx(tmp_path / "f.xlsx", [["Nome", "Note"], ["Gamma", '=CONCATENATE("a";"b")']])
    report = imports.validate(path, "customers", {"name": 0, "notes": 1})
    assert report.rows[0].values["notes"] == ""


def test_a_merged_cell_fills_only_its_own_rows(office, tmp_path):
    """Alfa is written once over rows 2–3: row 4, empty, is not Alfa's (it is refused), and a
    merged cell left empty fills nothing and is not reported."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Partita IVA cliente", "Codice prodotto", "Matricola", "Sede"])
    ws.append([VAT_A, "CALD-24", "SN-1", None])
    ws.append([None, "CALD-24", "SN-2", None])
    ws.append([None, "CALD-24", "SN-3", None])
    ws.merge_cells("A2:A3")
    ws.merge_cells("D2:D4")  # an empty merged cell
    wb.save(tmp_path / "m.xlsx")
    report = imports.validate(tmp_path / "m.xlsx", "units",
                              {"owner_vat": 0, "product_code": 1, "serial": 2, "site": 3})
    assert [(r.row, [n.field for n in r.notes]) for r in report.noted] == [(3, ["owner_vat"])]
    assert [(r.row, r.action) for r in report.rows] == [(2, "create"), (3, "create"),
                                                        (4, "refused")]
    assert refusals(report) == [(4, "owner_vat", "required")]


def test_a_csv_with_a_nul_anywhere_is_not_text(tmp_path):
    """A binary file renamed .csv, or Excel's "Unicode text" (UTF-16): refused as unreadable,
    whether the NUL comes in the first bytes or after many lines of text."""
    for name, raw in (("a.csv", b"Nome\x00;Citt\x00"),
                      ("b.csv", b"Nome;Citta\n" + b"Alfa;Roma\n" * 2000 + b"Beta\x00;Roma\n")):
        with pytest.raises(imports.ImportFileError) as info:
            imports.read_headers(csv_file(tmp_path / name, raw.decode("latin-1"), "latin-1"))
        assert info.value.code == "import.file_unreadable"


def test_when_the_separator_cannot_be_guessed_the_one_the_header_uses_most_wins(tmp_path):
    path = csv_file(tmp_path / "c.csv", "Nome;Città;Tel, fax\nAlfa\nBeta;Roma\n")
    headers, rows = table(path)
    assert headers == ["Nome", "Città", "Tel, fax"]
    assert [cells for _, cells in rows] == [["Alfa"], ["Beta", "Roma"]]


def without_dimension(path):
    """The .xlsx as some programs write it: no <dimension> record, so rows end at their last
    written cell."""
    import re
    import zipfile

    out = path.with_name("nodim-" + path.name)
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            zout.writestr(item, data)
    return out


def test_a_merged_cell_reaches_rows_written_shorter_than_it(office, tmp_path):
    """The customer is the last column, merged over three units; the rows below the first end
    before it in the file: they still get the customer."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Codice prodotto", "Matricola", "Partita IVA cliente"])
    ws.append(["CALD-24", "SN-1", VAT_A])
    ws.append(["CALD-24", "SN-2"])
    ws.append(["CALD-24", "SN-3"])
    ws.merge_cells("C2:C4")
    wb.save(tmp_path / "u.xlsx")
    path = without_dimension(tmp_path / "u.xlsx")
    report = imports.run_import(path, "units", {"product_code": 0, "serial": 1, "owner_vat": 2})
    assert report.written and report.count("create") == 3
    assert {u.owner_id for u in Unit.select()} == {office[0].id}


def test_codes_given_to_new_customers_skip_the_codes_the_file_itself_uses(office, tmp_path):
    """The register's next code is C000008; the file gives C000008 to one of its customers and
    none to another: that one gets C000009, no clash."""
    rows = [["Codice", "Ragione sociale"], ["", "Gamma"], ["C000008", "Delta"], ["", "Epsilon"]]
    report = run(tmp_path, "customers", rows)
    assert report.written
    codes = {p.name: p.code for p in Party.select().where(Party.id > office[1].id)}
    assert codes == {"Gamma": "C000009", "Delta": "C000008", "Epsilon": "C000010"}


def test_no_column_name_is_claimed_by_two_fields_of_one_kind():
    """Else one column would be imported into two fields (a VAT number as the customer's code
    too): each header word belongs to one field of each kind."""
    for kind, targets in imports.TARGETS.items():
        owner: dict[str, str] = {}
        for target in targets:
            for word in [target.replace("_", " ")] + imports.SYNONYMS.get(target, []):
                assert owner.setdefault(imports.fold(word), target) == target, (kind, word)


def test_a_number_other_than_one_or_zero_is_not_a_yes_or_no(office, tmp_path):
    report = run(tmp_path, "customers", [["Nome", "Fornitore"], ["Gamma", 2]])
    assert refusals(report) == [(2, "is_supplier", "import.not_yes_no")]


def test_an_empty_supplier_cell_keeps_what_the_register_says(office, tmp_path):
    beta = office[1]
    Party.update(is_supplier=True).where(Party.id == beta.id).execute()
    report = run(tmp_path, "customers", [["Nome", "Partita IVA", "Fornitore"],
                                         ["Beta", VAT_B, ""], ["Gamma", VAT_C, None]])
    assert report.written
    assert Party.get_by_id(beta.id).is_supplier is True
    assert Party.get(Party.name == "Gamma").is_supplier is False


def test_the_report_names_each_customer_row_by_code_vat_fiscal_code_or_name(office, tmp_path):
    rows = [["Codice", "Ragione sociale", "Partita IVA", "Codice fiscale"],
            ["K1", "Uno", VAT_C, CF_PERSON], ["", "Due", VAT_C, CF_PERSON],
            ["", "Tre", "", CF_PERSON], ["", "Quattro", "", ""]]
    report = imports.validate(xlsx(tmp_path / "f.xlsx", rows), "customers",
                              imports.guess_mapping("customers", rows[0]))
    assert [r.key for r in report.rows] == ["K1", "IT" + VAT_C, CF_PERSON, "Quattro"]


def test_new_customers_get_what_the_file_leaves_out_from_the_usual_defaults(office, tmp_path):
    """One row says "supplier", the next leaves it empty; neither gives the country or says
    "customer": both are Italian customers, one also a supplier, each at version 1."""
    run(tmp_path, "customers", [["Nome", "Fornitore"], ["Gamma", "sì"], ["Delta", ""]])
    made = {p.name: (p.is_customer, p.is_supplier, p.country, p.version, p.archived)
            for p in Party.select().where(Party.id > office[1].id)}
    assert made == {"Gamma": (True, True, "IT", 1, False), "Delta": (True, False, "IT", 1, False)}


def test_every_imported_record_starts_at_version_one(office, tmp_path):
    """An editor opened on it afterwards saves over version 1, as for records typed in."""
    run(tmp_path, "products", [["Codice", "Descrizione"], ["P-1", "Filtro"]])
    run(tmp_path, "contacts", [["Partita IVA", "Nome"], [VAT_A, "Anna"]], name="k.xlsx")
    run(tmp_path, "units", [["Codice prodotto", "Matricola", "Partita IVA cliente"],
                            ["P-1", "SN-1", VAT_A]], name="u.xlsx")
    records = [Product.get(Product.code == "P-1"), Contact.get(Contact.name == "Anna"),
               Unit.get(Unit.serial == "SN-1"), UnitOwnership.get()]
    assert [r.version for r in records] == [1, 1, 1, 1]


@pytest.mark.sqlite_only
def test_a_file_of_thousands_of_products_is_written_whole(office, tmp_path):
    """More rows than one statement may carry to the database: SQLite as Python ships it on
    Windows binds at most 32,766 values (this machine's may allow more; the limit is set)."""
    import sqlite3

    Party._meta.database.connection().setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)
    rows = [["Codice", "Descrizione", "Famiglia", "Marca", "Garanzia mesi"]] + [
        [f"P-{i:05d}", f"Ricambio {i}", "Ricambi", "Rossi", 12] for i in range(3500)]
    path = csv_file(tmp_path / "p.csv", "\n".join(";".join(map(str, r)) for r in rows) + "\n")
    report = imports.run_import(path, "products", imports.guess_mapping("products", rows[0]))
    assert report.written and Product.select().count() == 3501


def test_customer_codes_continue_past_c100000(db, tmp_path):
    Party.create(code="C123456", name="Ultimo")
    run(tmp_path, "customers", [["Nome"], ["Nuovo"]])
    assert Party.get(Party.name == "Nuovo").code == "C123457"


def test_a_merged_cell_in_a_column_without_header_is_reported_without_a_name(office, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Nome", "Città"])
    ws.append(["Uno", "Roma", "nota comune"])
    ws.append(["Due", "Roma", None])
    ws.merge_cells("C2:C3")
    wb.save(tmp_path / "m.xlsx")
    report = imports.validate(tmp_path / "m.xlsx", "customers", {"name": 0, "notes": 2})
    assert [(r.row, [(n.field, n.params) for n in r.notes]) for r in report.noted] == [
        (3, [("notes", {"range": "C2:C3", "column": ""})])]
    assert report.rows[1].values["notes"] == "nota comune"


def test_each_refused_row_says_only_its_own_mistake(office, tmp_path):
    """Two contacts of an unknown customer, two units without serial, a contact with a bad
    e-mail: none is called a duplicate of the other."""
    contacts = run(tmp_path, "contacts", [["Partita IVA", "Nome", "E-mail"],
                                          [VAT_C, "Anna", ""], [VAT_C, "Anna", ""],
                                          [VAT_A, "Bruno", "bruno@"]])
    assert refusals(contacts) == [(2, "party_vat", "import.customer_unknown"),
                                  (3, "party_vat", "import.customer_unknown"),
                                  (4, "email", "party.email_invalid")]
    units = run(tmp_path, "units", [["Codice prodotto", "Matricola", "Partita IVA cliente"],
                                    ["CALD-24", "", VAT_A], ["CALD-24", "", VAT_A]], name="u.xlsx")
    assert refusals(units) == [(2, "serial", "required"), (3, "serial", "required")]


def test_an_empty_supplier_cell_of_a_csv_keeps_the_flag_too(office, tmp_path):
    beta = office[1]
    Party.update(is_supplier=True).where(Party.id == beta.id).execute()
    path = csv_file(tmp_path / "c.csv", f"Nome;Partita IVA;Fornitore\nBeta;{VAT_B};\n")
    assert imports.run_import(path, "customers", {"name": 0, "vat_number": 1,
                                                  "is_supplier": 2}).written
    assert Party.get_by_id(beta.id).is_supplier is True
