"""Customers and suppliers: list, editor with VAT/fiscal code checks, contacts, units (R-SER-1).
A configuration of the one record page (``record_page.py``)."""
from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from servicedesk import limits
from servicedesk.permissions import Permission
from servicedesk.queries import registry as rq
from servicedesk.services import parties as svc

from .. import fmt
from ..models.paged import Column
from .limited_text import limit_text
from .party_rows import RowList, make_table
from .record_page import PageConfig, RecordEditor, RecordPage
from ..interpreter import PaintsHoldingLock


def party_labels() -> dict[str, str]:
    return {"code": QCoreApplication.translate("Registry", "Code"), "name": QCoreApplication.translate("Registry", "Name"),
            "vat_number": QCoreApplication.translate("Registry", "VAT number"), "fiscal_code": QCoreApplication.translate("Registry", "Fiscal code"),
            "address": QCoreApplication.translate("Registry", "Address"), "postal_code": QCoreApplication.translate("Registry", "Postal code"),
            "city": QCoreApplication.translate("Registry", "City"), "province": QCoreApplication.translate("Registry", "Province"),
            "country": QCoreApplication.translate("Registry", "Country"), "phone": QCoreApplication.translate("Registry", "Phone"),
            "email": QCoreApplication.translate("Registry", "E-mail"), "pec": QCoreApplication.translate("Registry", "PEC"),
            "sdi_code": QCoreApplication.translate("Registry", "SDI code"), "is_customer": QCoreApplication.translate("Registry", "Kind"),
            "role": QCoreApplication.translate("Registry", "Role"), "mobile": QCoreApplication.translate("Registry", "Mobile")}


def province_combo(ctx, parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("—", None)
    for p in ctx.lookups().provinces:
        combo.addItem(f"{p.code} – {p.name}", p.code)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setMinimumContentsLength(12)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def form_scroll(widget: QWidget) -> QScrollArea:
    """A form that scrolls down when the page is short, never sideways; when the page is tall
    the rows stay together at the top (the room left goes below them, not into a row)."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(holder)
    return scroll


def _yes(value: bool) -> str:
    return QCoreApplication.translate("Registry", "yes") if value else ""


def contact_columns() -> list[Column]:
    return [Column("name", lambda: QCoreApplication.translate("Registry", "Name"), lambda c: c.name),
            Column("role", lambda: QCoreApplication.translate("Registry", "Role"), lambda c: c.role),
            Column("phone", lambda: QCoreApplication.translate("Registry", "Phone"), lambda c: c.mobile or c.phone),
            Column("email", lambda: QCoreApplication.translate("Registry", "E-mail"), lambda c: c.email),
            Column("notices", lambda: QCoreApplication.translate("Registry", "Notices"), lambda c: _yes(c.receives_notices))]


def unit_columns(with_owner: bool = True) -> list[Column]:
    columns = [Column("serial", lambda: QCoreApplication.translate("Registry", "Serial number"), lambda u: u.serial, sort="serial"),
               Column("product_code", lambda: QCoreApplication.translate("Registry", "Product code"), lambda u: u.product_code, sort="product_code"),
               Column("product_name", lambda: QCoreApplication.translate("Registry", "Product"), lambda u: u.product_name, sort="product_name"),
               Column("owner", lambda: QCoreApplication.translate("Registry", "Customer"), lambda u: u.owner, sort="owner"),
               Column("site", lambda: QCoreApplication.translate("Registry", "Site"), lambda u: u.site, sort="site"),
               Column("install_date", lambda: QCoreApplication.translate("Registry", "Installed"), lambda u: fmt.date(u.install_date) if u.install_date else "", sort="install_date"),
               Column("warranty_end", lambda: QCoreApplication.translate("Registry", "Warranty end"), lambda u: fmt.date(u.warranty_end) if u.warranty_end else "", sort="warranty_end")]
    return columns if with_owner else [c for c in columns if c.key != "owner"]


class ContactDialog(PaintsHoldingLock, QDialog):
    """Add or edit a contact: name, role, phone, mobile, e-mail, receives notices."""

    def __init__(self, *, ctx, party_id: int, contact: rq.ContactRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partyContactDialog")
        self.ctx = ctx
        self.party_id = party_id
        self.contact = contact
        self.setWindowTitle(QCoreApplication.translate("Registry", "Contact"))
        form = QFormLayout(self)
        self.name = QLineEdit(contact.name if contact else "")
        self.role = QLineEdit(contact.role if contact else "")
        self.role.setPlaceholderText(QCoreApplication.translate("Registry", "e.g. IT manager, administration"))
        self.phone = QLineEdit(contact.phone if contact else "")
        self.mobile = QLineEdit(contact.mobile if contact else "")
        self.email = QLineEdit(contact.email if contact else "")
        self.notices = QCheckBox(QCoreApplication.translate("Registry", "Receives maintenance notices"))
        self.notices.setChecked(bool(contact and contact.receives_notices))
        labels = party_labels()
        form.addRow(labels["name"], self.name)
        form.addRow(labels["role"], self.role)
        form.addRow(labels["phone"], self.phone)
        form.addRow(labels["mobile"], self.mobile)
        form.addRow(labels["email"], self.email)
        form.addRow("", self.notices)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(420, self.sizeHint().height())

    def values(self) -> dict:
        return dict(name=self.name.text(), role=self.role.text(), phone=self.phone.text(),
                    mobile=self.mobile.text(), email=self.email.text(),
                    receives_notices=self.notices.isChecked())

    def _save(self) -> None:
        ops = self.ctx.ops
        if self.contact is None:
            outcome = ops.run(self, functools.partial(svc.add_contact, self.party_id, **self.values()))
        else:
            outcome = ops.run(self, svc.change_contact, self.contact.id, self.contact.version,
                              self.values(), on_conflict=lambda _e: self.reject())
        if outcome is not None:
            self.accept()


class PartyEditor(RecordEditor):
    """The form of one party with its contacts and units."""

    create_service = staticmethod(svc.create_party)
    change_service = staticmethod(svc.change_party)
    archive_service = staticmethod(svc.archive_party)
    permission = Permission.PARTY_EDIT

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, parent=parent)
        self.setObjectName("partyEditor")
        self.heading.setObjectName("partyEditorTitle")
        self.save_button.setObjectName("partySave")
        self.archive_button.setObjectName("partyArchive")
        labels = party_labels()
        self.code = QLineEdit()
        self.code.setPlaceholderText(QCoreApplication.translate("Registry", "automatic"))
        self.name = QLineEdit()
        self.is_customer = QCheckBox(QCoreApplication.translate("Registry", "Customer"))
        self.is_supplier = QCheckBox(QCoreApplication.translate("Registry", "Supplier"))
        self.vat = QLineEdit()
        self.vat.setPlaceholderText("IT01234567890")
        self.fiscal = QLineEdit()
        self.address = QLineEdit()
        self.postal = QLineEdit()
        self.postal.setMaximumWidth(90)
        self.city = QLineEdit()
        self.province = province_combo(ctx)
        self.country = QLineEdit("IT")
        self.country.setMaximumWidth(50)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.pec = QLineEdit()
        self.sdi = QLineEdit()
        self.sdi.setMaximumWidth(110)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        limit_text(self.notes, limits.limit("party", "notes"))
        kinds = QHBoxLayout()
        kinds.addWidget(self.is_customer)
        kinds.addWidget(self.is_supplier)
        kinds.addStretch(1)
        place = QHBoxLayout()
        place.addWidget(self.postal)
        place.addWidget(self.city, 1)
        tabs = QTabWidget()
        tabs.setObjectName("partyTabs")
        details = QWidget()
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(labels["name"], self.name)
        form.addRow(labels["code"], self.code)
        form.addRow(labels["is_customer"], kinds)
        form.addRow(labels["vat_number"], self.vat)
        form.addRow(labels["fiscal_code"], self.fiscal)
        form.addRow(labels["address"], self.address)
        form.addRow(QCoreApplication.translate("Registry", "Postal code, city"), place)
        form.addRow(labels["province"], self.province)
        form.addRow(labels["country"], self.country)
        form.addRow(labels["phone"], self.phone)
        form.addRow(labels["email"], self.email)
        form.addRow(labels["pec"], self.pec)
        form.addRow(labels["sdi_code"], self.sdi)
        form.addRow(QCoreApplication.translate("Registry", "Notes"), self.notes)
        tabs.addTab(form_scroll(details), QCoreApplication.translate("Registry", "Details"))
        contacts_box = QWidget()
        cl = QVBoxLayout(contacts_box)
        cl.setContentsMargins(4, 4, 4, 4)
        self.contacts_model = RowList(contact_columns(), self)
        self.contacts_view = make_table(self.contacts_model, (170, 140, 120, 200), name="partyContacts")
        self.contacts_view.doubleClicked.connect(lambda _i: self.edit_contact())
        cl.addWidget(self.contacts_view)
        cb = QHBoxLayout()
        self.add_contact_button = QPushButton(QCoreApplication.translate("Registry", "Add contact…"))
        self.add_contact_button.setObjectName("partyAddContact")
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button = QPushButton(QCoreApplication.translate("Registry", "Edit…"))
        self.edit_contact_button.clicked.connect(self.edit_contact)
        self.remove_contact_button = QPushButton(QCoreApplication.translate("Registry", "Remove"))
        self.remove_contact_button.clicked.connect(self.remove_contact)
        for b in (self.add_contact_button, self.edit_contact_button, self.remove_contact_button):
            cb.addWidget(b)
            b.setEnabled(self.can_edit)
        cb.addStretch(1)
        cl.addLayout(cb)
        tabs.addTab(contacts_box, QCoreApplication.translate("Registry", "Contacts"))
        self.units_model = RowList(unit_columns(with_owner=False), self)
        self.units_view = make_table(self.units_model, (130, 100, 180, 140, 90), name="partyUnits")
        self.units_view.doubleClicked.connect(
            lambda i: ctx.bus.open_unit.emit(self.units_model.id_at(i.row())))
        tabs.addTab(self.units_view, QCoreApplication.translate("Registry", "Units"))
        self.body.addWidget(tabs, 1)
        self.tabs = tabs
        self.watch(name=self.name, code=self.code, is_customer=self.is_customer,
                   is_supplier=self.is_supplier, vat_number=self.vat, fiscal_code=self.fiscal,
                   address=self.address, postal_code=self.postal, city=self.city,
                   province=self.province, country=self.country, phone=self.phone,
                   email=self.email, pec=self.pec, sdi_code=self.sdi, notes=self.notes)

    # -- RecordEditor -----------------------------------------------------------------------------
    def read(self, record_id: int) -> rq.PartyDetail | None:
        return rq.party(record_id)

    def title_of(self, snap: rq.PartyDetail) -> str:
        return snap.name

    def new_title(self) -> str:
        return QCoreApplication.translate("Registry", "New customer")

    def fill(self, p: rq.PartyDetail | None) -> None:
        self.code.setText(p.code if p else "")
        self.name.setText(p.name if p else "")
        self.is_customer.setChecked(p.is_customer if p else True)
        self.is_supplier.setChecked(p.is_supplier if p else False)
        self.vat.setText(p.vat_number if p else "")
        self.fiscal.setText(p.fiscal_code if p else "")
        self.address.setText(p.address if p else "")
        self.postal.setText(p.postal_code if p else "")
        self.city.setText(p.city if p else "")
        set_combo_data(self.province, p.province if p else None)
        self.country.setText(p.country if p else "IT")
        self.phone.setText(p.phone if p else "")
        self.email.setText(p.email if p else "")
        self.pec.setText(p.pec if p else "")
        self.sdi.setText(p.sdi_code if p else "")
        self.notes.setPlainText(p.notes if p else "")
        for i in (1, 2):
            self.tabs.setTabEnabled(i, p is not None)

    def values(self) -> dict:
        return dict(code=self.code.text(), name=self.name.text(),
                    is_customer=self.is_customer.isChecked(),
                    is_supplier=self.is_supplier.isChecked(), vat_number=self.vat.text(),
                    fiscal_code=self.fiscal.text(), address=self.address.text(),
                    postal_code=self.postal.text(), city=self.city.text(),
                    province=self.province.currentData(), country=self.country.text(),
                    phone=self.phone.text(), email=self.email.text(), pec=self.pec.text(),
                    sdi_code=self.sdi.text(), notes=self.notes.toPlainText())

    def create_values(self, values: dict) -> dict:
        if not values["code"].strip():
            values.pop("code")  # the next free code is given
        return values

    def refresh_related(self) -> None:
        if self.snap is None:
            self.contacts_model.set_rows([])
            self.units_model.set_rows([])
            return
        self.contacts_model.set_rows(rq.contacts(self.snap.id))
        self.units_model.set_rows(rq.units(rq.UnitFilter(owner_id=self.snap.id), limit=2000))

    # -- contacts ---------------------------------------------------------------------------------
    def add_contact(self) -> None:
        if self.snap is not None:
            ContactDialog(ctx=self.ctx, party_id=self.snap.id, parent=self).exec()

    def _selected_contact(self) -> rq.ContactRow | None:
        rows = self.contacts_view.selectionModel().selectedRows()
        return self.contacts_model.row(rows[0].row()) if rows else None

    def edit_contact(self) -> None:
        contact = self._selected_contact()
        if contact is not None and self.can_edit:
            ContactDialog(ctx=self.ctx, party_id=contact.party_id, contact=contact, parent=self).exec()

    def remove_contact(self) -> None:
        contact = self._selected_contact()
        if contact is None:
            return
        answer = QMessageBox.question(self, QCoreApplication.translate("Registry", "Remove contact"),
                                      QCoreApplication.translate("Registry", "Remove {name} from the contacts? Requests that name the contact keep it.").format(name=contact.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.ops.run(self, svc.archive_contact, contact.id, contact.version, True)


class PartiesPage(RecordPage):
    """Workspace tab "Customers & suppliers": a searchable list beside the editor."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        kind = QComboBox()
        kind.setObjectName("partyKind")
        kind.addItem(QCoreApplication.translate("Registry", "All"), "all")
        kind.addItem(QCoreApplication.translate("Registry", "Customers"), "customers")
        kind.addItem(QCoreApplication.translate("Registry", "Suppliers"), "suppliers")
        archived = QCheckBox(QCoreApplication.translate("Registry", "Archived too"))
        archived.setObjectName("partyArchived")
        kinds = {(True, False): QCoreApplication.translate("Registry", "customer"), (False, True): QCoreApplication.translate("Registry", "supplier"),
                 (True, True): QCoreApplication.translate("Registry", "customer, supplier"), (False, False): ""}
        columns = [Column("code", lambda: QCoreApplication.translate("Registry", "Code"), lambda r: r.code, sort="code"),
                   Column("name", lambda: QCoreApplication.translate("Registry", "Name"), lambda r: r.name, sort="name"),
                   Column("vat_number", lambda: QCoreApplication.translate("Registry", "VAT number"), lambda r: r.vat_number, sort="vat_number"),
                   Column("city", lambda: QCoreApplication.translate("Registry", "City"), lambda r: r.city, sort="city"),
                   Column("province", lambda: QCoreApplication.translate("Registry", "Prov."), lambda r: r.province, sort="province",
                          tooltip=lambda: QCoreApplication.translate("Registry", "Province")),
                   Column("kind", lambda: QCoreApplication.translate("Registry", "Kind"), lambda r: kinds[(r.is_customer, r.is_supplier)])]
        config = PageConfig(
            name="party", columns=columns, ids=rq.party_ids, rows=rq.party_rows,
            spec=lambda: rq.PartyFilter(text=self.search.text(), kind=kind.currentData(),
                                        archived=archived.isChecked()),
            tables=frozenset({"party"}), related=frozenset({"contact", "unit"}),
            search_hint=QCoreApplication.translate("Registry", "Search name, code, VAT number, city…"),
            new_text=QCoreApplication.translate("Registry", "New customer"), sort="name", widths=(76, 200, 118, 110, 44, 80),
            stretch=1, filters=(kind, archived), optional=("kind", "vat_number", "code", "province"))
        super().__init__(ctx=ctx, config=config, editor=PartyEditor(ctx=ctx), parent=parent)
        self.setObjectName("partiesPage")
        self.kind, self.archived = kind, archived

    def open_party(self, party_id: int) -> None:
        """Show the party; the search is cleared (and the archived shown) so the list has it."""
        if not self._may_leave():
            return
        for widget in (self.search, self.kind, self.archived):
            widget.blockSignals(True)
        self.search.clear()
        self.kind.setCurrentIndex(0)
        snap = rq.party(party_id)
        if snap is not None and snap.archived:
            self.archived.setChecked(True)
        for widget in (self.search, self.kind, self.archived):
            widget.blockSignals(False)
        self.editor.load(party_id)
        self.refresh(select=party_id)


__all__ = ["PartiesPage", "PartyEditor", "ContactDialog", "province_combo", "party_labels",
           "set_combo_data", "form_scroll", "unit_columns"]
