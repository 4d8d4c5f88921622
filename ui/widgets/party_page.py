"""Customers and suppliers: list, editor with VAT/fiscal code checks, contacts, units (R-SER-1)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from servicedesk.models import Contact, Party, Province
from servicedesk.permissions import Permission
from servicedesk.queries import registry as rq
from servicedesk.services import parties as svc
from servicedesk import limits

from .party_rows import RowsModel, SearchBox, make_table, run_safely
from .limited_text import limit_text


def party_labels() -> dict[str, str]:
    return {"code": QCoreApplication.translate("Registry", "Code"), "name": QCoreApplication.translate("Registry", "Name"),
            "vat_number": QCoreApplication.translate("Registry", "VAT number"), "fiscal_code": QCoreApplication.translate("Registry", "Fiscal code"),
            "address": QCoreApplication.translate("Registry", "Address"), "postal_code": QCoreApplication.translate("Registry", "Postal code"),
            "city": QCoreApplication.translate("Registry", "City"), "province": QCoreApplication.translate("Registry", "Province"),
            "country": QCoreApplication.translate("Registry", "Country"), "phone": QCoreApplication.translate("Registry", "Phone"),
            "email": QCoreApplication.translate("Registry", "E-mail"), "pec": QCoreApplication.translate("Registry", "PEC"),
            "sdi_code": QCoreApplication.translate("Registry", "SDI code"), "is_customer": QCoreApplication.translate("Registry", "Kind"),
            "role": QCoreApplication.translate("Registry", "Role"), "mobile": QCoreApplication.translate("Registry", "Mobile")}


def province_combo(parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("—", None)
    for p in Province.select().order_by(Province.code):
        combo.addItem(f"{p.code} – {p.name}", p.code)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


def set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class ContactDialog(QDialog):
    """Add or edit a contact: name, role, phone, mobile, e-mail, receives notices."""

    def __init__(self, *, party_id: int, contact: Contact | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partyContactDialog")
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
        if self.contact is None:
            ok, _ = run_safely(self, lambda: svc.add_contact(self.party_id, **self.values()),
                               party_labels())
        else:
            ok, _ = run_safely(self, lambda: svc.update_contact(self.contact, **self.values()),
                               party_labels())
        if ok:
            self.accept()


class PartyEditor(QWidget):
    """The form of one party with its contacts and units."""

    def __init__(self, *, ctx, page: "PartiesPage", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page = page
        self.party: Party | None = None
        labels = party_labels()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("partyEditorTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        outer.addWidget(self.title)
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
        self.province = province_combo()
        self.country = QLineEdit("IT")
        self.country.setMaximumWidth(50)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.pec = QLineEdit()
        self.sdi = QLineEdit()
        self.sdi.setMaximumWidth(110)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
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
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(details)
        tabs.addTab(scroll, QCoreApplication.translate("Registry", "Details"))
        contacts_box = QWidget()
        cl = QVBoxLayout(contacts_box)
        cl.setContentsMargins(4, 4, 4, 4)
        self.contacts_model = RowsModel([QCoreApplication.translate("Registry", "Name"), QCoreApplication.translate("Registry", "Role"),
                                         QCoreApplication.translate("Registry", "Phone"), QCoreApplication.translate("Registry", "E-mail"),
                                         QCoreApplication.translate("Registry", "Notices")], self)
        self.contacts_view = make_table(self.contacts_model, (170, 140, 120, 200), name="partyContacts")
        self.contacts_view.doubleClicked.connect(lambda _i: self.edit_contact())
        cl.addWidget(self.contacts_view)
        cb = QHBoxLayout()
        self.add_contact_button = QPushButton(QCoreApplication.translate("Registry", "Add contact…"))
        self.add_contact_button.clicked.connect(self.add_contact)
        edit_contact = QPushButton(QCoreApplication.translate("Registry", "Edit…"))
        edit_contact.clicked.connect(self.edit_contact)
        remove_contact = QPushButton(QCoreApplication.translate("Registry", "Remove"))
        remove_contact.clicked.connect(self.remove_contact)
        for b in (self.add_contact_button, edit_contact, remove_contact):
            cb.addWidget(b)
        cb.addStretch(1)
        cl.addLayout(cb)
        tabs.addTab(contacts_box, QCoreApplication.translate("Registry", "Contacts"))
        self.units_model = RowsModel([QCoreApplication.translate("Registry", "Serial number"), QCoreApplication.translate("Registry", "Product code"),
                                      QCoreApplication.translate("Registry", "Product"), QCoreApplication.translate("Registry", "Owner"),
                                      QCoreApplication.translate("Registry", "Site"), QCoreApplication.translate("Registry", "Installed"),
                                      QCoreApplication.translate("Registry", "Warranty end")], self)
        self.units_view = make_table(self.units_model, (130, 100, 180, 0, 140, 90), name="partyUnits")
        self.units_view.setColumnHidden(3, True)
        self.units_view.doubleClicked.connect(
            lambda i: ctx.bus.open_unit.emit(self.units_model.id_at(i.row())))
        tabs.addTab(self.units_view, QCoreApplication.translate("Registry", "Units"))
        outer.addWidget(tabs, 1)
        self.tabs = tabs
        buttons = QHBoxLayout()
        self.save_button = QPushButton(QCoreApplication.translate("Registry", "Save"))
        self.save_button.setObjectName("partySave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.archive_button = QPushButton(QCoreApplication.translate("Registry", "Archive"))
        self.archive_button.clicked.connect(self.toggle_archive)
        self.revert_button = QPushButton(QCoreApplication.translate("Registry", "Revert"))
        self.revert_button.clicked.connect(lambda: self.load(self.party.id if self.party else None))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.archive_button)
        outer.addLayout(buttons)
        can = ctx.actor.can(Permission.PARTY_EDIT)
        for w in (self.save_button, self.archive_button, self.add_contact_button):
            w.setEnabled(can)
        self.load(None)

    def _fields(self) -> list[QWidget]:
        return [self.code, self.name, self.vat, self.fiscal, self.address, self.postal, self.city,
                self.country, self.phone, self.email, self.pec, self.sdi]

    def load(self, party_id: int | None) -> None:
        from .. import fmt  # noqa: F401 - dates below
        self.party = Party.get_or_none(Party.id == party_id) if party_id else None
        p = self.party
        self.title.setText(p.name if p else QCoreApplication.translate("Registry", "New customer"))
        self.code.setText(p.code if p else "")
        self.name.setText(p.name if p else "")
        self.is_customer.setChecked(p.is_customer if p else True)
        self.is_supplier.setChecked(p.is_supplier if p else False)
        self.vat.setText(p.vat_number or "" if p else "")
        self.fiscal.setText(p.fiscal_code or "" if p else "")
        self.address.setText(p.address if p else "")
        self.postal.setText(p.postal_code if p else "")
        self.city.setText(p.city if p else "")
        set_combo_data(self.province, p.province_id if p else None)
        self.country.setText(p.country if p else "IT")
        self.phone.setText(p.phone if p else "")
        self.email.setText(p.email if p else "")
        self.pec.setText(p.pec if p else "")
        self.sdi.setText(p.sdi_code if p else "")
        self.notes.setPlainText(p.notes if p else "")
        self.archive_button.setText(QCoreApplication.translate("Registry", "Restore") if p and p.archived
                                    else QCoreApplication.translate("Registry", "Archive"))
        self.archive_button.setVisible(p is not None)
        self.revert_button.setVisible(p is not None)
        for i in (1, 2):
            self.tabs.setTabEnabled(i, p is not None)
        self.refresh_related()

    def refresh_related(self) -> None:
        from .. import fmt
        if self.party is None:
            self.contacts_model.set_rows([])
            self.units_model.set_rows([])
            return
        rows = []
        for c in Contact.select().where(Contact.party == self.party.id,
                                        Contact.archived == False).order_by(Contact.name):  # noqa: E712
            rows.append((c.id, c.name, c.role, c.mobile or c.phone, c.email,
                         QCoreApplication.translate("Registry", "yes") if c.receives_notices else ""))
        self.contacts_model.set_rows(rows)
        units = rq.units(rq.UnitFilter(owner_id=self.party.id, limit=2000))
        self.units_model.set_rows([(u[0], u[1], u[2], u[3], u[4], u[5], fmt.date(u[6]),
                                    fmt.date(u[7])) for u in units])

    def values(self) -> dict:
        return dict(code=self.code.text(), name=self.name.text(),
                    is_customer=self.is_customer.isChecked(),
                    is_supplier=self.is_supplier.isChecked(), vat_number=self.vat.text(),
                    fiscal_code=self.fiscal.text(), address=self.address.text(),
                    postal_code=self.postal.text(), city=self.city.text(),
                    province=self.province.currentData(), country=self.country.text(),
                    phone=self.phone.text(), email=self.email.text(), pec=self.pec.text(),
                    sdi_code=self.sdi.text(), notes=self.notes.toPlainText())

    def save(self) -> bool:
        values = self.values()
        if self.party is None:
            if not values["code"].strip():
                values.pop("code")
            ok, party = run_safely(self, lambda: svc.create_party(**values), party_labels())
        else:
            ok, party = run_safely(self, lambda: svc.update_party(self.party, **values),
                                   party_labels(), on_conflict=lambda: self.load(self.party.id))
        if ok:
            self.ctx.bus.status_message.emit(QCoreApplication.translate("Registry", "Saved."))
            self.page.refresh(select=party.id)
            self.load(party.id)
        return ok

    def toggle_archive(self) -> None:
        if self.party is None:
            return
        ok, _ = run_safely(self, lambda: svc.set_party_archived(self.party, not self.party.archived),
                           party_labels(), on_conflict=lambda: self.load(self.party.id))
        if ok:
            self.page.refresh(select=self.party.id)
            self.load(self.party.id)

    def add_contact(self) -> None:
        if self.party and ContactDialog(party_id=self.party.id, parent=self).exec():
            self.refresh_related()

    def _selected_contact(self) -> Contact | None:
        rows = self.contacts_view.selectionModel().selectedRows()
        if not rows:
            return None
        return Contact.get_or_none(Contact.id == self.contacts_model.id_at(rows[0].row()))

    def edit_contact(self) -> None:
        contact = self._selected_contact()
        if contact and ContactDialog(party_id=contact.party_id, contact=contact, parent=self).exec():
            self.refresh_related()

    def remove_contact(self) -> None:
        contact = self._selected_contact()
        if contact is None:
            return
        answer = QMessageBox.question(self, QCoreApplication.translate("Registry", "Remove contact"),
                                      QCoreApplication.translate("Registry", "Remove {name} from the contacts? Requests that name the contact keep it.").format(name=contact.name))
        if answer == QMessageBox.StandardButton.Yes:
            ok, _ = run_safely(self, lambda: svc.set_contact_archived(contact))
            if ok:
                self.refresh_related()


class PartiesPage(QWidget):
    """Workspace tab "Customers & suppliers": a searchable list beside the editor."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partiesPage")
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = SearchBox(QCoreApplication.translate("Registry", "Search name, code, VAT number, city…"))
        self.search.setObjectName("partySearch")
        self.search.search.connect(lambda _t: self.refresh())
        self.kind = QComboBox()
        self.kind.addItem(QCoreApplication.translate("Registry", "All"), "all")
        self.kind.addItem(QCoreApplication.translate("Registry", "Customers"), "customers")
        self.kind.addItem(QCoreApplication.translate("Registry", "Suppliers"), "suppliers")
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.archived = QCheckBox(QCoreApplication.translate("Registry", "Archived too"))
        self.archived.toggled.connect(lambda _c: self.refresh())
        bar.addWidget(self.search, 1)
        bar.addWidget(self.kind)
        bar.addWidget(self.archived)
        ll.addLayout(bar)
        self.model = RowsModel([QCoreApplication.translate("Registry", "Code"), QCoreApplication.translate("Registry", "Name"),
                                QCoreApplication.translate("Registry", "VAT number"), QCoreApplication.translate("Registry", "City"),
                                QCoreApplication.translate("Registry", "Prov."), QCoreApplication.translate("Registry", "Kind")], self)
        self.view = make_table(self.model, (70, 200, 110, 100, 40), name="partyList")
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        ll.addWidget(self.view, 1)
        foot = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("partyCount")
        new = QPushButton(QCoreApplication.translate("Registry", "New customer"))
        new.setObjectName("partyNew")
        new.clicked.connect(lambda: (self.view.clearSelection(), self.editor.load(None),
                                     self.editor.name.setFocus()))
        new.setEnabled(ctx.actor.can(Permission.PARTY_EDIT))
        foot.addWidget(self.count, 1)
        foot.addWidget(new)
        ll.addLayout(foot)
        self.editor = PartyEditor(ctx=ctx, page=self)
        split.addWidget(left)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([330, 420])
        layout.addWidget(split)
        ctx.bus.changed.connect(self._on_changed)
        self.refresh()
        if self.model.rowCount():
            self.view.selectRow(0)

    def _on_changed(self, topics: set) -> None:
        if "parties" in topics or "products" in topics:
            current = self.editor.party.id if self.editor.party else None
            self.refresh(select=current, reload=False)

    def refresh(self, select: int | None = None, reload: bool = True) -> None:
        spec = rq.PartyFilter(text=self.search.text(), kind=self.kind.currentData(),
                              archived=self.archived.isChecked())
        rows = rq.parties(spec)
        kinds = {(True, False): QCoreApplication.translate("Registry", "customer"), (False, True): QCoreApplication.translate("Registry", "supplier"),
                 (True, True): QCoreApplication.translate("Registry", "customer, supplier"), (False, False): ""}
        from PySide6.QtGui import QColor

        colors = {i: QColor("#888888") for i, r in enumerate(rows) if r[8]}
        self.model.set_rows([(r[0], r[1], r[2], r[3] or "", r[4], r[5] or "", kinds[(r[6], r[7])])
                             for r in rows], colors)
        shown = len(rows)
        self.count.setText(QCoreApplication.translate("Registry", "{n} shown").format(n=shown) if shown < spec.limit
                           else QCoreApplication.translate("Registry", "first {n} shown: refine the search").format(n=shown))
        if select is not None:
            row = self.model.row_of(select)
            if row >= 0:
                self.view.blockSignals(True)
                self.view.selectRow(row)
                self.view.blockSignals(False)

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.editor.load(self.model.id_at(current.row()))

    def open_party(self, party_id: int) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh(select=party_id)
        if self.model.row_of(party_id) < 0:
            party = Party.get_or_none(Party.id == party_id)
            if party is not None:
                self.search.setText(party.name)
                self.refresh(select=party_id)
        self.editor.load(party_id)


class PartyPicker(QComboBox):
    """An editable combo of the customers, filtered as the user types (name or city)."""

    def __init__(self, parent: QWidget | None = None, customers: bool = True,
                 suppliers: bool = False) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", None)
        for pid, label in rq.party_choices(customers, suppliers):
            self.addItem(label, pid)
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMinimumContentsLength(24)

    def party_id(self) -> int | None:
        index = self.findText(self.currentText())
        return self.itemData(index) if index >= 0 else None

    def set_party(self, party_id: int | None) -> None:
        set_combo_data(self, party_id)


__all__ = ["PartiesPage", "PartyEditor", "ContactDialog", "PartyPicker", "province_combo",
           "party_labels", "QGroupBox"]
