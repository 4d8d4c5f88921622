"""Registry (anagrafiche): customers & suppliers, products, units and the spreadsheet import
(R-SER-1). Pages open as central workspace tabs from the "Registry" menu — they are wide forms
with lists that need the room the docks (queue left, board bottom, contracts/KB right) leave."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from servicedesk.permissions import Permission

from .. import messages

ORDER = 70


def _register_messages() -> None:
    r = messages.register
    r("party.vat_format", lambda p: QCoreApplication.translate("Messages", "“{value}” is not a VAT number: an Italian one has 11 digits.").format(**p))
    r("party.vat_invalid", lambda p: QCoreApplication.translate("Messages", "The VAT number “{value}” is not valid (check digit).").format(**p))
    r("party.vat_duplicate", lambda p: QCoreApplication.translate("Messages", "The VAT number {value} already belongs to another customer {other}.").format(**p))
    r("party.fiscal_code_format", lambda p: QCoreApplication.translate("Messages", "“{value}” is not a fiscal code (16 characters, or 11 digits for a company).").format(**p))
    r("party.fiscal_code_invalid", lambda p: QCoreApplication.translate("Messages", "The fiscal code “{value}” is not valid.").format(**p))
    r("party.province_unknown", lambda p: QCoreApplication.translate("Messages", "“{value}” is not an Italian province code (MI, RM, TO …).").format(**p))
    r("party.postal_code_invalid", lambda p: QCoreApplication.translate("Messages", "“{value}” is not an Italian postal code (5 digits).").format(**p))
    r("party.email_invalid", lambda p: QCoreApplication.translate("Messages", "“{value}” is not an e-mail address.").format(**p))
    r("party.sdi_invalid", lambda p: QCoreApplication.translate("Messages", "“{value}” is not an SDI recipient code (6 or 7 letters and digits).").format(**p))
    r("party.country_invalid", lambda p: QCoreApplication.translate("Messages", "The country is a two-letter code (IT, DE, FR …)."))
    r("party.no_kind", lambda p: QCoreApplication.translate("Messages", "Mark it as a customer, a supplier or both."))
    r("party.code_duplicate", lambda p: QCoreApplication.translate("Messages", "The code {value} is already used.").format(**p))
    r("product.code_duplicate", lambda p: QCoreApplication.translate("Messages", "The product code {value} is already used.").format(**p))
    r("product.warranty_too_long", lambda p: QCoreApplication.translate("Messages", "A warranty of more than 50 years is not plausible."))
    r("unit.serial_duplicate", lambda p: QCoreApplication.translate("Messages", "The serial number {value} of this product is already registered (customer {owner}).").format(**p))
    r("unit.install_in_future", lambda p: QCoreApplication.translate("Messages", "The installation date is more than a year ahead."))
    r("unit.move_before_since", lambda p: QCoreApplication.translate("Messages", "The move cannot be dated before the current owner's start."))
    r("import.column_missing", lambda p: QCoreApplication.translate("Messages", "Choose the column for this field."))
    r("import.customer_unknown", lambda p: QCoreApplication.translate("Messages", "No customer with {value}: import the customers first.").format(**p))
    r("import.product_unknown", lambda p: QCoreApplication.translate("Messages", "No product with code {value}: import the products first, or map a product name column.").format(**p))
    r("import.duplicate_in_file", lambda p: QCoreApplication.translate("Messages", "Same as row {row} of the file.").format(**p))
    r("import.not_yes_no", lambda p: QCoreApplication.translate("Messages", "“{value}” is neither yes nor no.").format(**p))
    r("import.merged_filled", lambda p: QCoreApplication.translate("Messages", "taken from the merged cell {range} (column “{column}”).").format(**p))
    r("import.file_missing", lambda p: QCoreApplication.translate("Messages", "The file does not exist."))
    r("import.file_unreadable", lambda p: QCoreApplication.translate("Messages", "The file cannot be read as a spreadsheet."))
    r("import.file_type", lambda p: QCoreApplication.translate("Messages", "Only .xlsx and .csv files can be imported."))
    r("import.file_empty", lambda p: QCoreApplication.translate("Messages", "The file is empty."))
    r("import.too_many_rows", lambda p: QCoreApplication.translate("Messages", "The file has more than {max} rows: split it.").format(**p))


def install(window) -> None:
    # The pages and the wizard are imported when first opened, not at start-up (#18).
    ctx = window.ctx
    _register_messages()

    def open_parties():
        from ..widgets.party_page import PartiesPage

        return window.workspace.open("registry:parties", QCoreApplication.translate("Registry", "Customers and suppliers"),
                                     lambda: PartiesPage(ctx=ctx))

    def open_units():
        from ..widgets.unit_page import UnitsPage

        return window.workspace.open("registry:units", QCoreApplication.translate("Registry", "Units"),
                                     lambda: UnitsPage(ctx=ctx))

    def open_products():
        from ..widgets.unit_page import ProductsPage

        return window.workspace.open("registry:products", QCoreApplication.translate("Registry", "Products"),
                                     lambda: ProductsPage(ctx=ctx, open_units=open_units))

    def import_file() -> None:
        from ..dialogs.import_wizard import ImportWizard

        ImportWizard(ctx=ctx, parent=window).exec()

    menu = window.menu("registry", QCoreApplication.translate("Registry", "&Registry"))
    for text, slot, shortcut, name in (
            (QCoreApplication.translate("Registry", "Customers && suppliers"), open_parties, "Ctrl+Shift+C", "actionParties"),
            (QCoreApplication.translate("Registry", "Products"), open_products, None, "actionProducts"),
            (QCoreApplication.translate("Registry", "Units (serial numbers)"), open_units, "Ctrl+Shift+U", "actionUnits")):
        action = QAction(text, window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _c=False, s=slot: s())
        menu.addAction(action)
    menu.addSeparator()
    imp = QAction(QCoreApplication.translate("Registry", "Import from spreadsheet…"), window)
    imp.setObjectName("actionImport")
    imp.setEnabled(ctx.actor.can(Permission.PARTY_EDIT))
    imp.triggered.connect(import_file)
    menu.addAction(imp)

    ctx.bus.open_party.connect(lambda pid: open_parties().open_party(pid))
    ctx.bus.open_unit.connect(lambda uid: open_units().open_unit(uid))
    window.registry_pages = {"parties": open_parties, "units": open_units,
                             "products": open_products}
