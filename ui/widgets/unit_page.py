"""Units (serial-numbered products at customers) and products: lists and editors (R-SER-1),
configurations of the one record page (``record_page.py``).

A unit shows its owners over time, the contracts that cover it, its request history and its
maintenance plans; a double-click opens the contract or the request."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSpinBox, QTabWidget, QWidget)

from servicedesk import clock, limits
from servicedesk.permissions import Permission
from servicedesk.queries import maintenance as mq
from servicedesk.queries import registry as rq
from servicedesk.reference_data import request_statuses
from servicedesk.services import products as psvc
from servicedesk.services import units as usvc

from .. import fmt
from ..models.paged import Column
from .contract_fields import PartyPicker
from .limited_text import limit_text
from .party_page import form_scroll, party_labels, province_combo, set_combo_data, unit_columns
from .party_rows import RowList, make_table
from .record_page import PageConfig, RecordEditor, RecordPage
from ..interpreter import PaintsHoldingLock


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


class MoveUnitDialog(PaintsHoldingLock, QDialog):
    """Give the unit to another customer from a date; its history stays."""

    def __init__(self, *, ctx, unit: rq.UnitDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitMoveDialog")
        self.ctx = ctx
        self.unit = unit
        self.setWindowTitle(QCoreApplication.translate("Registry", "Move unit to another customer"))
        form = QFormLayout(self)
        intro = QLabel(QCoreApplication.translate("Registry", "Requests, contracts and plans keep their history; from the date below the unit belongs to the new customer."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.owner = PartyPicker(threaded=not ctx.screenshot_mode)
        self.owner.setObjectName("unitMoveOwner")
        self.owner.setPlaceholderText(QCoreApplication.translate("Registry", "type a name, VAT number or city"))
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
        outcome = self.ctx.ops.run(self, usvc.move_unit_to, self.unit.id, self.unit.version,
                                   self.owner.party_id(), self.on.text(),
                                   on_conflict=lambda _e: self.reject())
        if outcome is not None:
            self.accept()


class UnitEditor(RecordEditor):
    create_service = staticmethod(usvc.create_unit)
    change_service = staticmethod(usvc.change_unit)
    archive_service = staticmethod(usvc.archive_unit)
    permission = Permission.PARTY_EDIT

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, parent=parent)
        self.setObjectName("unitEditor")
        self.heading.setObjectName("unitEditorTitle")
        self.save_button.setObjectName("unitSave")
        self.archive_button.setObjectName("unitArchive")
        labels = unit_labels()
        self.product = QComboBox()
        self.product.setObjectName("unitProduct")
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.product.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.product.setMinimumContentsLength(16)
        self.product.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.serial = QLineEdit()
        self.serial.setObjectName("unitSerial")
        self.owner = PartyPicker(threaded=not ctx.screenshot_mode)
        self.owner.setObjectName("unitOwner")
        self.owner.setPlaceholderText(QCoreApplication.translate("Registry", "type a name, VAT number or city"))
        self.owner_label = QLabel()
        self.owner_label.setObjectName("unitOwnerName")
        self.install = QLineEdit()
        self.install.setPlaceholderText(QCoreApplication.translate("Registry", "dd/mm/yyyy"))
        self.warranty = QLineEdit()
        self.warranty.setPlaceholderText(QCoreApplication.translate("Registry", "from the product's warranty"))
        self.site = QLineEdit()
        self.site.setPlaceholderText(QCoreApplication.translate("Registry", "building, floor, room"))
        self.address = QLineEdit()
        self.city = QLineEdit()
        self.province = province_combo(ctx)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        limit_text(self.notes, limits.limit("unit", "notes"))
        owner_box = QWidget()
        ob = QHBoxLayout(owner_box)
        ob.setContentsMargins(0, 0, 0, 0)
        ob.addWidget(self.owner, 1)
        ob.addWidget(self.owner_label, 1)
        self.move_button = QPushButton(QCoreApplication.translate("Registry", "Move to another customer…"))
        self.move_button.setObjectName("unitMove")
        self.move_button.clicked.connect(self.move_unit)
        self.move_button.setEnabled(self.can_edit)
        ob.addWidget(self.move_button)
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
        tabs = QTabWidget()
        tabs.setObjectName("unitTabs")
        self._status = {st["code"]: st["name_it"] if ctx.lang == "it" else st["name_en"]
                        for st in request_statuses()}
        self.requests_model = RowList([
            Column("number", lambda: QCoreApplication.translate("Registry", "Request"), lambda r: r.number),
            Column("opened", lambda: QCoreApplication.translate("Registry", "Opened"), lambda r: fmt.datetime(r.opened_at)),
            Column("status", lambda: QCoreApplication.translate("Registry", "Status"), lambda r: self._status.get(r.status, r.status)),
            Column("subject", lambda: QCoreApplication.translate("Registry", "Subject"), lambda r: r.subject),
            Column("customer", lambda: QCoreApplication.translate("Registry", "Customer"), lambda r: r.customer)], self)
        self.requests_view = make_table(self.requests_model, (120, 120, 110, 260), name="unitRequests")
        self.requests_view.doubleClicked.connect(
            lambda i: ctx.bus.open_request.emit(self.requests_model.id_at(i.row())))
        how = {"unit": QCoreApplication.translate("Registry", "this unit"), "product": QCoreApplication.translate("Registry", "the product")}
        self.contracts_model = RowList([
            Column("number", lambda: QCoreApplication.translate("Registry", "Contract"), lambda c: c.number),
            Column("title", lambda: QCoreApplication.translate("Registry", "Title"), lambda c: c.title),
            Column("status", lambda: QCoreApplication.translate("Registry", "Status"), lambda c: c.status),
            Column("ends", lambda: QCoreApplication.translate("Registry", "Ends"), lambda c: fmt.date(c.term_end)),
            Column("covers", lambda: QCoreApplication.translate("Registry", "Covers"), lambda c: how.get(c.how, c.how))], self)
        self.contracts_view = make_table(self.contracts_model, (120, 240, 90, 90), name="unitContracts")
        self.contracts_view.doubleClicked.connect(
            lambda i: ctx.bus.open_contract.emit(self.contracts_model.id_at(i.row())))
        self.owners_model = RowList([
            Column("owner", lambda: QCoreApplication.translate("Registry", "Customer"), lambda o: o.owner),
            Column("since", lambda: QCoreApplication.translate("Registry", "From"), lambda o: fmt.date(o.since)),
            Column("until", lambda: QCoreApplication.translate("Registry", "Until"), lambda o: _date_text(o.until))], self)
        self.owners_view = make_table(self.owners_model, (260, 100), name="unitOwners")
        from .maintenance_page import every_text

        self.plans_model = RowList([
            Column("plan", lambda: QCoreApplication.translate("Registry", "Plan"), lambda p: p.title or p.target),
            Column("every", lambda: QCoreApplication.translate("Registry", "Every"), lambda p: every_text(p.every, p.period)),
            Column("next", lambda: QCoreApplication.translate("Registry", "Next due"), lambda p: fmt.date(p.next_due))], self)
        self.plans_view = make_table(self.plans_model, (260, 120), name="unitPlans")
        tabs.addTab(form_scroll(details), QCoreApplication.translate("Registry", "Details"))
        tabs.addTab(self.requests_view, QCoreApplication.translate("Registry", "Request history"))
        tabs.addTab(self.contracts_view, QCoreApplication.translate("Registry", "Contracts"))
        tabs.addTab(self.owners_view, QCoreApplication.translate("Registry", "Owners"))
        tabs.addTab(self.plans_view, QCoreApplication.translate("Registry", "Maintenance plans"))
        self.tabs = tabs
        self.body.addWidget(tabs, 1)
        self.reload_products()
        self.watch(product=self.product, serial=self.serial, install_date=self.install,
                   warranty_end=self.warranty, site=self.site, address=self.address,
                   city=self.city, province=self.province, notes=self.notes)
        self.owner.party_changed.connect(self._edited)

    def reload_products(self) -> None:
        current = self.product.currentData()
        self.product.blockSignals(True)
        self.product.clear()
        self.product.addItem("", None)
        for pid, label in rq.product_choices():
            self.product.addItem(label, pid)
        set_combo_data(self.product, current)
        self.product.blockSignals(False)

    # -- RecordEditor ------------------------------------------------------------------------------
    def read(self, record_id: int) -> rq.UnitDetail | None:
        return rq.unit(record_id)

    def title_of(self, u: rq.UnitDetail) -> str:
        return f"{u.product_name} – {u.serial}"

    def new_title(self) -> str:
        return QCoreApplication.translate("Registry", "New unit")

    def first_field(self) -> QWidget:
        return self.serial if self.snap is not None else self.product

    def fill(self, u: rq.UnitDetail | None) -> None:
        if u is not None and self.product.findData(u.product_id) < 0:
            self.product.addItem(u.product_label, u.product_id)  # an archived product
        set_combo_data(self.product, u.product_id if u else None)
        self.serial.setText(u.serial if u else "")
        self.owner.setVisible(u is None)
        self.owner_label.setVisible(u is not None)
        self.move_button.setVisible(u is not None)
        self.owner_label.setText(u.owner if u else "")
        self.owner.set_party(None)
        self.install.setText(_date_text(u.install_date) if u else "")
        self.warranty.setText(_date_text(u.warranty_end) if u else "")
        self.site.setText(u.site if u else "")
        self.address.setText(u.address if u else "")
        self.city.setText(u.city if u else "")
        set_combo_data(self.province, u.province if u else None)
        self.notes.setPlainText(u.notes if u else "")
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, u is not None)

    def values(self) -> dict:
        return dict(product=self.product.currentData(), serial=self.serial.text(),
                    install_date=self.install.text(), warranty_end=self.warranty.text(),
                    site=self.site.text(), address=self.address.text(), city=self.city.text(),
                    province=self.province.currentData(), notes=self.notes.toPlainText())

    def changes(self) -> dict:
        changes = super().changes()
        if self.snap is None and self.owner.party_id() is not None:
            changes["owner"] = self.owner.party_id()
        return changes

    def create_values(self, values: dict) -> dict:
        values["owner"] = self.owner.party_id()
        if not values["warranty_end"].strip():
            values.pop("warranty_end")  # from the product's warranty
        return values

    def refresh_related(self) -> None:
        u = self.snap
        if u is None:
            for m in (self.requests_model, self.contracts_model, self.owners_model, self.plans_model):
                m.set_rows([])
            return
        self.requests_model.set_rows(rq.request_history(u.id))
        self.contracts_model.set_rows(rq.contracts_covering(u.id))
        self.owners_model.set_rows(rq.ownership_history(u.id))
        self.plans_model.set_rows(mq.plans_of_unit(u.id))

    def move_unit(self) -> None:
        if self.snap is not None and self.can_edit:
            MoveUnitDialog(ctx=self.ctx, unit=self.snap, parent=self).exec()


class UnitsPage(RecordPage):
    """Workspace tab "Units": serial search beside the unit editor."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        archived = QCheckBox(QCoreApplication.translate("Registry", "Archived too"))
        archived.setObjectName("unitArchived")
        config = PageConfig(
            name="unit", columns=unit_columns(), ids=rq.unit_ids, rows=rq.unit_rows,
            spec=lambda: rq.UnitFilter(text=self.search.text(), archived=archived.isChecked()),
            tables=frozenset({"unit"}),
            related=frozenset({"unit_ownership", "service_request", "request_unit", "contract",
                               "contract_unit", "contract_product", "maintenance_plan"}),
            search_hint=QCoreApplication.translate("Registry", "Search serial number, product, customer…"),
            new_text=QCoreApplication.translate("Registry", "New unit"), sort="serial",
            widths=(120, 90, 150, 170, 110, 85, 85), stretch=3, filters=(archived,),
            optional=("product_code", "install_date", "site", "warranty_end", "product_name"))
        super().__init__(ctx=ctx, config=config, editor=UnitEditor(ctx=ctx), parent=parent)
        self.setObjectName("unitsPage")
        self.archived = archived
        ctx.bus.changes.connect(self._products_changed)

    def _products_changed(self, changes) -> None:
        if changes.touches("product"):
            self.editor.reload_products()

    def open_unit(self, unit_id: int) -> None:
        """Show the unit; the search becomes its serial so the list shows it."""
        snap = rq.unit(unit_id)
        if snap is None or not self._may_leave():
            return
        self.search.blockSignals(True)
        self.search.setText(snap.serial)
        self.search.blockSignals(False)
        if snap.archived:
            self.archived.blockSignals(True)
            self.archived.setChecked(True)
            self.archived.blockSignals(False)
        self.editor.load(unit_id)
        self.refresh(select=unit_id)

    def show_product(self, code: str) -> None:
        self.search.setText(code)  # the debounced search lists its units


class ProductEditor(RecordEditor):
    create_service = staticmethod(psvc.create_product)
    change_service = staticmethod(psvc.change_product)
    archive_service = staticmethod(psvc.archive_product)
    permission = Permission.PARTY_EDIT

    def __init__(self, *, ctx, open_units=None, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, parent=parent)
        self.setObjectName("productEditor")
        self.heading.setObjectName("productEditorTitle")
        self.save_button.setObjectName("productSave")
        self.archive_button.setObjectName("productArchive")
        self._open_units = open_units
        labels = unit_labels()
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.family = QLineEdit()
        self.manufacturer = QLineEdit()
        self.warranty = QSpinBox()
        self.warranty.setRange(0, 600)
        self.warranty.setValue(24)
        self.warranty.setSuffix(" " + QCoreApplication.translate("Registry", "months"))
        details = QWidget()
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(labels["code"], self.code)
        form.addRow(labels["name"], self.name)
        form.addRow(labels["family"], self.family)
        form.addRow(labels["manufacturer"], self.manufacturer)
        form.addRow(QCoreApplication.translate("Registry", "Warranty"), self.warranty)
        self.units_button = QPushButton(QCoreApplication.translate("Registry", "Show units"))
        self.units_button.setObjectName("productUnits")
        self.units_button.clicked.connect(self.show_units)
        form.addRow("", self.units_button)
        self.body.addWidget(form_scroll(details), 1)
        self.watch(code=self.code, name=self.name, family=self.family,
                   manufacturer=self.manufacturer, warranty_months=self.warranty)

    def read(self, record_id: int) -> rq.ProductDetail | None:
        return rq.product(record_id)

    def title_of(self, p: rq.ProductDetail) -> str:
        return p.name

    def new_title(self) -> str:
        return QCoreApplication.translate("Registry", "New product")

    def fill(self, p: rq.ProductDetail | None) -> None:
        self.code.setText(p.code if p else "")
        self.name.setText(p.name if p else "")
        self.family.setText(p.family if p else "")
        self.manufacturer.setText(p.manufacturer if p else "")
        self.warranty.setValue(p.warranty_months if p else 24)
        self.units_button.setVisible(p is not None)

    def values(self) -> dict:
        return dict(code=self.code.text(), name=self.name.text(), family=self.family.text(),
                    manufacturer=self.manufacturer.text(), warranty_months=self.warranty.value())

    def show_units(self) -> None:
        if self.snap is not None and self._open_units is not None:
            self._open_units().show_product(self.snap.code)


class ProductsPage(RecordPage):
    """Workspace tab "Products": the catalogue (code, name, family, manufacturer, warranty)."""

    def __init__(self, *, ctx, open_units=None, parent: QWidget | None = None) -> None:
        archived = QCheckBox(QCoreApplication.translate("Registry", "Archived too"))
        archived.setObjectName("productArchived")
        columns = [Column("code", lambda: QCoreApplication.translate("Registry", "Code"), lambda p: p.code, sort="code"),
                   Column("name", lambda: QCoreApplication.translate("Registry", "Name"), lambda p: p.name, sort="name"),
                   Column("family", lambda: QCoreApplication.translate("Registry", "Family"), lambda p: p.family, sort="family"),
                   Column("manufacturer", lambda: QCoreApplication.translate("Registry", "Manufacturer"), lambda p: p.manufacturer, sort="manufacturer"),
                   Column("warranty_months", lambda: QCoreApplication.translate("Registry", "Warranty"), lambda p: p.warranty_months,
                          sort="warranty_months", tooltip=lambda: QCoreApplication.translate("Registry", "Warranty (months)"),
                          align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                   Column("units", lambda: QCoreApplication.translate("Registry", "Units"), lambda p: p.units,
                          align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)]
        config = PageConfig(
            name="product", columns=columns, ids=rq.product_ids, rows=rq.product_rows,
            spec=lambda: rq.ProductFilter(text=self.search.text(), archived=archived.isChecked()),
            tables=frozenset({"product"}), search_hint=QCoreApplication.translate("Registry", "Search code, name, family, manufacturer…"),
            new_text=QCoreApplication.translate("Registry", "New product"), sort="code", widths=(110, 220, 110, 120, 70, 60),
            stretch=1, filters=(archived,), optional=("units", "warranty_months", "manufacturer"))
        super().__init__(ctx=ctx, config=config, editor=ProductEditor(ctx=ctx, open_units=open_units),
                         parent=parent)
        self.setObjectName("productsPage")
        self.archived = archived
        self.view.doubleClicked.connect(lambda _i: self.editor.show_units())
