"""Units (serial-numbered products at customers) and products: lists and editors (R-SER-1).

A unit shows its owners over time, the contracts that cover it and its request history; a
double-click opens the contract or the request."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QScrollArea, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from servicedesk import clock
from servicedesk.models import Product, Unit
from servicedesk.permissions import Permission
from servicedesk.queries import registry as rq
from servicedesk.services import maintenance as msvc
from servicedesk.services import products as psvc
from servicedesk.services import units as usvc
from servicedesk import limits

from .. import fmt
from .party_page import PartyPicker, party_labels, province_combo, set_combo_data
from .party_rows import RowsModel, SearchBox, make_table, run_safely
from .limited_text import limit_text


def unit_labels() -> dict[str, str]:
    labels = party_labels()
    labels.update({"product": QCoreApplication.translate("Registry", "Product"), "serial": QCoreApplication.translate("Registry", "Serial number"),
                   "owner": QCoreApplication.translate("Registry", "Customer"), "install_date": QCoreApplication.translate("Registry", "Installed on"),
                   "warranty_end": QCoreApplication.translate("Registry", "Warranty until"), "site": QCoreApplication.translate("Registry", "Site"),
                   "on": QCoreApplication.translate("Registry", "Date"), "family": QCoreApplication.translate("Registry", "Family"),
                   "manufacturer": QCoreApplication.translate("Registry", "Manufacturer"),
                   "warranty_months": QCoreApplication.translate("Registry", "Warranty (months)")})
    return labels


def _date_text(value) -> str:
    return fmt.date(value) if value else ""


class MoveUnitDialog(QDialog):
    """Give the unit to another customer from a date; its history stays."""

    def __init__(self, *, unit: Unit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitMoveDialog")
        self.unit = unit
        self.setWindowTitle(QCoreApplication.translate("Registry", "Move unit to another customer"))
        form = QFormLayout(self)
        form.addRow(QLabel(QCoreApplication.translate("Registry", "Requests, contracts and plans keep their history; from the date below the unit belongs to the new customer.")))
        form.itemAt(0).widget().setWordWrap(True)
        self.owner = PartyPicker()
        self.on = QLineEdit(fmt.date(clock.today()))
        form.addRow(QCoreApplication.translate("Registry", "New customer"), self.owner)
        form.addRow(QCoreApplication.translate("Registry", "From"), self.on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._move)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def _move(self) -> None:
        from servicedesk.errors import FieldError, ValidationError

        def act():
            owner = self.owner.party_id()
            if owner is None:
                raise ValidationError(FieldError("owner", "required"))
            try:
                on = usvc.parse_date(self.on.text())
            except ValueError:
                raise ValidationError(FieldError("on", "invalid_date")) from None
            return usvc.move_unit(self.unit, owner, on)

        ok, _ = run_safely(self, act, unit_labels())
        if ok:
            self.accept()


class UnitEditor(QWidget):
    def __init__(self, *, ctx, page: "UnitsPage", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page = page
        self.unit: Unit | None = None
        labels = unit_labels()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        outer.addWidget(self.title)
        self.product = QComboBox()
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.product.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.serial = QLineEdit()
        self.serial.setObjectName("unitSerial")
        self.owner = PartyPicker()
        self.owner_label = QLabel()
        self.install = QLineEdit()
        self.install.setPlaceholderText(QCoreApplication.translate("Registry", "dd/mm/yyyy"))
        self.warranty = QLineEdit()
        self.warranty.setPlaceholderText(QCoreApplication.translate("Registry", "from the product's warranty"))
        self.site = QLineEdit()
        self.site.setPlaceholderText(QCoreApplication.translate("Registry", "building, floor, room"))
        self.address = QLineEdit()
        self.city = QLineEdit()
        self.province = province_combo()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(56)
        limit_text(self.notes, limits.limit("unit", "notes"))
        owner_box = QWidget()
        ob = QHBoxLayout(owner_box)
        ob.setContentsMargins(0, 0, 0, 0)
        ob.addWidget(self.owner, 1)
        ob.addWidget(self.owner_label, 1)
        details = QWidget()
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(labels["product"], self.product)
        form.addRow(labels["serial"], self.serial)
        form.addRow(labels["owner"], owner_box)
        form.addRow(labels["install_date"], self.install)
        form.addRow(labels["warranty_end"], self.warranty)
        form.addRow(labels["site"], self.site)
        form.addRow(labels["address"], self.address)
        form.addRow(labels["city"], self.city)
        form.addRow(labels["province"], self.province)
        form.addRow(QCoreApplication.translate("Registry", "Notes"), self.notes)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(details)
        tabs = QTabWidget()
        tabs.setObjectName("unitTabs")
        self.requests_model = RowsModel([QCoreApplication.translate("Registry", "Request"), QCoreApplication.translate("Registry", "Opened"),
                                         QCoreApplication.translate("Registry", "Status"), QCoreApplication.translate("Registry", "Subject"),
                                         QCoreApplication.translate("Registry", "Customer")], self)
        self.requests_view = make_table(self.requests_model, (120, 120, 110, 260), name="unitRequests")
        self.requests_view.doubleClicked.connect(
            lambda i: ctx.bus.open_request.emit(self.requests_model.id_at(i.row())))
        self.contracts_model = RowsModel([QCoreApplication.translate("Registry", "Contract"), QCoreApplication.translate("Registry", "Title"),
                                          QCoreApplication.translate("Registry", "Status"), QCoreApplication.translate("Registry", "Ends"),
                                          QCoreApplication.translate("Registry", "Covers")], self)
        self.contracts_view = make_table(self.contracts_model, (120, 240, 90, 90), name="unitContracts")
        self.contracts_view.doubleClicked.connect(
            lambda i: ctx.bus.open_contract.emit(self.contracts_model.id_at(i.row())))
        self.owners_model = RowsModel([QCoreApplication.translate("Registry", "Customer"), QCoreApplication.translate("Registry", "From"),
                                       QCoreApplication.translate("Registry", "Until")], self)
        self.owners_view = make_table(self.owners_model, (260, 100), name="unitOwners")
        self.plans_model = RowsModel([QCoreApplication.translate("Registry", "Plan"), QCoreApplication.translate("Registry", "Every"),
                                      QCoreApplication.translate("Registry", "Next due")], self)
        self.plans_view = make_table(self.plans_model, (260, 120), name="unitPlans")
        tabs.addTab(scroll, QCoreApplication.translate("Registry", "Details"))
        tabs.addTab(self.requests_view, QCoreApplication.translate("Registry", "Request history"))
        tabs.addTab(self.contracts_view, QCoreApplication.translate("Registry", "Contracts"))
        tabs.addTab(self.owners_view, QCoreApplication.translate("Registry", "Owners"))
        tabs.addTab(self.plans_view, QCoreApplication.translate("Registry", "Maintenance plans"))
        self.tabs = tabs
        outer.addWidget(tabs, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(QCoreApplication.translate("Registry", "Save"))
        self.save_button.setObjectName("unitSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.move_button = QPushButton(QCoreApplication.translate("Registry", "Move to another customer…"))
        self.move_button.clicked.connect(self.move_unit)
        self.archive_button = QPushButton(QCoreApplication.translate("Registry", "Archive"))
        self.archive_button.clicked.connect(self.toggle_archive)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.move_button)
        buttons.addStretch(1)
        buttons.addWidget(self.archive_button)
        outer.addLayout(buttons)
        can = ctx.actor.can(Permission.PARTY_EDIT)
        for w in (self.save_button, self.move_button, self.archive_button):
            w.setEnabled(can)
        self.reload_products()
        self.load(None)

    def reload_products(self) -> None:
        current = self.product.currentData()
        self.product.clear()
        self.product.addItem("", None)
        for pid, label in rq.product_choices():
            self.product.addItem(label, pid)
        set_combo_data(self.product, current)

    def load(self, unit_id: int | None) -> None:
        self.unit = Unit.get_or_none(Unit.id == unit_id) if unit_id else None
        u = self.unit
        if u is not None and self.product.findData(u.product_id) < 0:
            self.product.addItem(f"{u.product.code} — {u.product.name}", u.product_id)
        set_combo_data(self.product, u.product_id if u else None)
        self.serial.setText(u.serial if u else "")
        self.title.setText(f"{u.product.name} – {u.serial}" if u else QCoreApplication.translate("Registry", "New unit"))
        self.owner.setVisible(u is None)
        self.owner_label.setVisible(u is not None)
        self.owner_label.setText(u.owner.name if u else "")
        self.owner.set_party(None)
        self.install.setText(_date_text(u.install_date) if u else "")
        self.warranty.setText(_date_text(u.warranty_end) if u else "")
        self.site.setText(u.site if u else "")
        self.address.setText(u.address if u else "")
        self.city.setText(u.city if u else "")
        set_combo_data(self.province, u.province_id if u else None)
        self.notes.setPlainText(u.notes if u else "")
        self.archive_button.setText(QCoreApplication.translate("Registry", "Restore") if u and u.archived
                                    else QCoreApplication.translate("Registry", "Archive"))
        for w in (self.archive_button, self.move_button):
            w.setVisible(u is not None)
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, u is not None)
        self.refresh_related()

    def refresh_related(self) -> None:
        if self.unit is None:
            for m in (self.requests_model, self.contracts_model, self.owners_model, self.plans_model):
                m.set_rows([])
            return
        uid = self.unit.id
        from servicedesk.reference_data import request_statuses

        names = {st["code"]: st["name_it"] if self.ctx.lang == "it" else st["name_en"]
                 for st in request_statuses()}
        self.requests_model.set_rows([(r[0], r[1], fmt.datetime(r[2]), names.get(r[3], r[3]),
                                       r[4], r[5]) for r in rq.request_history(uid)])
        how = {"unit": QCoreApplication.translate("Registry", "this unit"), "product": QCoreApplication.translate("Registry", "the product")}
        self.contracts_model.set_rows([(c.id, c.number, c.title, c.status, fmt.date(c.term_end),
                                        how[c.how]) for c in rq.contracts_covering(uid)])
        self.owners_model.set_rows([(o.id, o.owner.name, fmt.date(o.since), fmt.date(o.until))
                                    for o in usvc.ownership_history(uid)])
        from .maintenance_page import every_text

        self.plans_model.set_rows([(p.id, p.title or p.target, every_text(p.every, p.period),
                                    fmt.date(p.next_due))
                                   for p in msvc.list_plans(unit_id=uid)])

    def values(self) -> dict:
        return dict(product=self.product.currentData(), serial=self.serial.text(),
                    install_date=self.install.text(), warranty_end=self.warranty.text(),
                    site=self.site.text(), address=self.address.text(), city=self.city.text(),
                    province=self.province.currentData(), notes=self.notes.toPlainText())

    def save(self) -> bool:
        values = self.values()
        if self.unit is None:
            values["owner"] = self.owner.party_id()
            if not values["warranty_end"].strip():
                values.pop("warranty_end")
            ok, unit = run_safely(self, lambda: usvc.create_unit(**values), unit_labels())
        else:
            ok, unit = run_safely(self, lambda: usvc.update_unit(self.unit, **values),
                                  unit_labels(), on_conflict=lambda: self.load(self.unit.id))
        if ok:
            self.ctx.bus.status_message.emit(QCoreApplication.translate("Registry", "Saved."))
            self.page.refresh(select=unit.id)
            self.load(unit.id)
        return ok

    def move_unit(self) -> None:
        if self.unit and MoveUnitDialog(unit=self.unit, parent=self).exec():
            self.page.refresh(select=self.unit.id)
            self.load(self.unit.id)

    def toggle_archive(self) -> None:
        if self.unit is None:
            return
        ok, _ = run_safely(self, lambda: usvc.set_unit_archived(self.unit, not self.unit.archived),
                           unit_labels(), on_conflict=lambda: self.load(self.unit.id))
        if ok:
            self.page.refresh(select=self.unit.id)
            self.load(self.unit.id)


class UnitsPage(QWidget):
    """Workspace tab "Units": serial search beside the unit editor."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitsPage")
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.search = SearchBox(QCoreApplication.translate("Registry", "Search serial number, product, customer…"))
        self.search.setObjectName("unitSearch")
        self.search.search.connect(lambda _t: self.refresh())
        ll.addWidget(self.search)
        self.model = RowsModel([QCoreApplication.translate("Registry", "Serial number"), QCoreApplication.translate("Registry", "Product code"),
                                QCoreApplication.translate("Registry", "Product"), QCoreApplication.translate("Registry", "Customer"),
                                QCoreApplication.translate("Registry", "Site"), QCoreApplication.translate("Registry", "Installed"),
                                QCoreApplication.translate("Registry", "Warranty end")], self)
        self.view = make_table(self.model, (120, 90, 150, 170, 110, 85), name="unitList")
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _p: cur.isValid() and self.editor.load(self.model.id_at(cur.row())))
        ll.addWidget(self.view, 1)
        foot = QHBoxLayout()
        self.count = QLabel()
        new = QPushButton(QCoreApplication.translate("Registry", "New unit"))
        new.setObjectName("unitNew")
        new.setEnabled(ctx.actor.can(Permission.PARTY_EDIT))
        new.clicked.connect(lambda: (self.view.clearSelection(), self.editor.load(None),
                                     self.editor.serial.setFocus()))
        foot.addWidget(self.count, 1)
        foot.addWidget(new)
        ll.addLayout(foot)
        self.editor = UnitEditor(ctx=ctx, page=self)
        split.addWidget(left)
        split.addWidget(self.editor)
        split.setSizes([300, 420])
        layout.addWidget(split)
        ctx.bus.changed.connect(self._on_changed)
        self.refresh()
        if self.model.rowCount():
            self.view.selectRow(0)

    def _on_changed(self, topics: set) -> None:
        if topics & {"products", "parties", "contracts", "requests", "maintenance"}:
            if "products" in topics:
                self.editor.reload_products()
            self.refresh(select=self.editor.unit.id if self.editor.unit else None)
            if self.editor.unit is not None:
                self.editor.refresh_related()

    def refresh(self, select: int | None = None) -> None:
        spec = rq.UnitFilter(text=self.search.text())
        rows = rq.units(spec)
        self.model.set_rows([(r[0], r[1], r[2], r[3], r[4], r[5], _date_text(r[6]),
                              _date_text(r[7])) for r in rows])
        self.count.setText(QCoreApplication.translate("Registry", "{n} shown").format(n=len(rows)) if len(rows) < spec.limit
                           else QCoreApplication.translate("Registry", "first {n} shown: refine the search").format(n=len(rows)))
        if select is not None:
            row = self.model.row_of(select)
            if row >= 0:
                self.view.blockSignals(True)
                self.view.selectRow(row)
                self.view.blockSignals(False)

    def open_unit(self, unit_id: int) -> None:
        unit = Unit.get_or_none(Unit.id == unit_id)
        if unit is None:
            return
        self.search.blockSignals(True)
        self.search.setText(unit.serial)
        self.search.blockSignals(False)
        self.refresh(select=unit_id)
        self.editor.load(unit_id)


class ProductsPage(QWidget):
    """Workspace tab "Products": the catalogue (code, name, family, manufacturer, warranty)."""

    def __init__(self, *, ctx, open_units=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productsPage")
        self.ctx = ctx
        self._open_units = open_units
        self.product: Product | None = None
        labels = unit_labels()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        left = QVBoxLayout()
        self.search = SearchBox(QCoreApplication.translate("Registry", "Search code, name, family, manufacturer…"))
        self.search.search.connect(lambda _t: self.refresh())
        left.addWidget(self.search)
        self.model = RowsModel([QCoreApplication.translate("Registry", "Code"), QCoreApplication.translate("Registry", "Name"), QCoreApplication.translate("Registry", "Family"),
                                QCoreApplication.translate("Registry", "Manufacturer"), QCoreApplication.translate("Registry", "Warranty (months)"),
                                QCoreApplication.translate("Registry", "Units")], self)
        self.view = make_table(self.model, (110, 220, 110, 120, 110), name="productList")
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _p: cur.isValid() and self.load(self.model.id_at(cur.row())))
        self.view.doubleClicked.connect(lambda _i: self.show_units())
        left.addWidget(self.view, 1)
        layout.addLayout(left, 3)
        form_box = QWidget()
        form = QFormLayout(form_box)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        form.addRow(self.title)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.family = QLineEdit()
        self.manufacturer = QLineEdit()
        self.warranty = QSpinBox()
        self.warranty.setRange(0, 600)
        self.warranty.setValue(24)
        form.addRow(labels["code"], self.code)
        form.addRow(labels["name"], self.name)
        form.addRow(labels["family"], self.family)
        form.addRow(labels["manufacturer"], self.manufacturer)
        form.addRow(labels["warranty_months"], self.warranty)
        buttons = QHBoxLayout()
        save = QPushButton(QCoreApplication.translate("Registry", "Save"))
        save.setObjectName("productSave")
        save.clicked.connect(self.save)
        new = QPushButton(QCoreApplication.translate("Registry", "New product"))
        new.clicked.connect(lambda: (self.view.clearSelection(), self.load(None)))
        units = QPushButton(QCoreApplication.translate("Registry", "Show units"))
        units.clicked.connect(self.show_units)
        for b in (save, new, units):
            buttons.addWidget(b)
        save.setEnabled(ctx.actor.can(Permission.PARTY_EDIT))
        new.setEnabled(ctx.actor.can(Permission.PARTY_EDIT))
        form.addRow(buttons)
        layout.addWidget(form_box, 2)
        self.refresh()
        self.load(None)

    def refresh(self, select: int | None = None) -> None:
        rows = rq.products(self.search.text())
        self.model.set_rows([r[:7] for r in rows])
        if select is not None and self.model.row_of(select) >= 0:
            self.view.blockSignals(True)
            self.view.selectRow(self.model.row_of(select))
            self.view.blockSignals(False)

    def load(self, product_id: int | None) -> None:
        self.product = Product.get_or_none(Product.id == product_id) if product_id else None
        p = self.product
        self.title.setText(p.name if p else QCoreApplication.translate("Registry", "New product"))
        self.code.setText(p.code if p else "")
        self.name.setText(p.name if p else "")
        self.family.setText(p.family if p else "")
        self.manufacturer.setText(p.manufacturer if p else "")
        self.warranty.setValue(p.warranty_months if p else 24)

    def save(self) -> None:
        values = dict(code=self.code.text(), name=self.name.text(), family=self.family.text(),
                      manufacturer=self.manufacturer.text(), warranty_months=self.warranty.value())
        if self.product is None:
            ok, product = run_safely(self, lambda: psvc.create_product(**values), unit_labels())
        else:
            ok, product = run_safely(self, lambda: psvc.update_product(self.product, **values),
                                     unit_labels(), on_conflict=lambda: self.load(self.product.id))
        if ok:
            self.refresh(select=product.id)
            self.load(product.id)

    def show_units(self) -> None:
        if self.product is not None:
            page = self._open_units() if self._open_units else None
            if page is not None:
                page.search.setText(self.product.code)
