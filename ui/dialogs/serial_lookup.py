"""Find a serial number: the unit, its customer, its contracts and every request about it (R-SER-2)."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from servicedesk.queries.serials import UnitDetail, find_units, unit_detail

from .. import fmt
from ..widgets import request_labels as labels
from ..workers import Worker
from ..interpreter import PaintsHoldingLock


class SerialLookupDialog(PaintsHoldingLock, QDialog):
    def __init__(self, *, ctx, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("serialLookup")
        self.setWindowTitle(self.tr("Find serial number"))
        # Typing asks a worker; a newer text drops the answer to an older one.
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self.resize(900, 620)
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Serial number")))
        self.search = QLineEdit()
        self.search.setObjectName("serialSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Type the serial number (or its beginning)…"))
        row.addWidget(self.search, 1)
        outer.addLayout(row)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.hits = QListWidget()
        self.hits.setObjectName("serialHits")
        self.hits.setMinimumWidth(240)
        split.addWidget(self.hits)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        self.unit_box = QGroupBox(self.tr("Unit"))
        ubox = QVBoxLayout(self.unit_box)
        self.unit_info = QLabel()
        self.unit_info.setObjectName("serialUnitInfo")
        self.unit_info.setWordWrap(True)
        self.unit_info.setTextFormat(Qt.TextFormat.RichText)
        self.unit_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.unit_info.linkActivated.connect(self._link)
        ubox.addWidget(self.unit_info)
        rbox.addWidget(self.unit_box)
        self.contracts = self._table("serialContracts", [self.tr("Contract"), self.tr("Title"),
                                                         self.tr("Status"), self.tr("Valid until"),
                                                         self.tr("Covers")])
        box = QGroupBox(self.tr("Contracts"))
        QVBoxLayout(box).addWidget(self.contracts)
        rbox.addWidget(box, 1)
        self.requests = self._table("serialRequests", [self.tr("Number"), self.tr("Opened"),
                                                       self.tr("Status"), self.tr("Subject")])
        self.requests.doubleClicked.connect(self._open_request)
        self.contracts.doubleClicked.connect(self._open_contract)
        self.req_box = QGroupBox(self.tr("Requests"))
        QVBoxLayout(self.req_box).addWidget(self.requests)
        rbox.addWidget(self.req_box, 2)
        split.addWidget(right)
        split.setSizes([260, 640])
        outer.addWidget(split, 1)
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        outer.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.hits.currentItemChanged.connect(self._show_current)
        self.search.setText(text)
        self.search_now()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    def search_now(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        self.worker.run(lambda: (text, find_units(text) if text else []), key="find",
                        on_done=self._show_hits)

    def _show_hits(self, answer) -> None:
        text, hits = answer
        self.hits.clear()
        for h in hits:
            item = QListWidgetItem(f"{h.serial}\n{h.product} — {h.customer}")
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            if h.archived:
                item.setForeground(Qt.GlobalColor.gray)
            self.hits.addItem(item)
        if hits:
            self.empty.setText(self.tr("%1 unit(s) found").replace("%1", str(len(hits))))
            self.hits.setCurrentRow(0)
        else:
            self.empty.setText(self.tr("No unit with this serial number.") if text else "")
            self._show(None)

    def _show_current(self, item, _prev=None) -> None:
        unit_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if unit_id:
            self.worker.run(unit_detail, unit_id, key="detail", on_done=self._show)
        else:  # also drops a detail still on its way
            self.worker.run(lambda: None, key="detail", on_done=self._show)

    def _show(self, detail: UnitDetail | None) -> None:
        self.contracts.setRowCount(0)
        self.requests.setRowCount(0)
        if detail is None:
            self.unit_info.setText("")
            self.req_box.setTitle(self.tr("Requests"))
            return
        e = html.escape
        where = ", ".join(x for x in (detail.site, detail.address, detail.city,
                                      detail.province) if x)
        lines = [f"<b>{e(detail.serial)}</b> — {e(detail.product_name)} ({e(detail.product_code)})",
                 self.tr("Customer: %1").replace(
                     "%1", f"<a href='party:{detail.customer_id}'>{e(detail.customer)}</a>"
                     + (f" · {e(detail.customer_city)}" if detail.customer_city else ""))]
        if where:
            lines.append(self.tr("Installed at: %1").replace("%1", e(where)))
        if detail.install_date:
            lines.append(self.tr("Installed on %1").replace("%1", fmt.date(detail.install_date)))
        if detail.warranty_end:
            lines.append(self.tr("Warranty until %1").replace("%1", fmt.date(detail.warranty_end)))
        if detail.archived:
            lines.append(self.tr("Archived unit"))
        self.unit_info.setText("<br>".join(lines))
        for c in detail.contracts:
            r = self.contracts.rowCount()
            self.contracts.insertRow(r)
            covers = self.tr("this unit") if c.covers == "unit" else self.tr("the product")
            for col, text in enumerate((c.number, c.title, labels.contract_status_name(c.status),
                                        fmt.date(c.term_end), covers)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.contracts.setItem(r, col, item)
        for q in detail.requests:
            r = self.requests.rowCount()
            self.requests.insertRow(r)
            subject = q.subject or q.description.split("\n", 1)[0]
            for col, text in enumerate((q.number, fmt.date(q.opened_at.date()),
                                        labels.status_name(q.status), subject)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, q.id)
                if col == 3:
                    item.setToolTip(q.description)
                self.requests.setItem(r, col, item)
        self.req_box.setTitle(self.tr("Requests (%1)").replace("%1", str(len(detail.requests))))
        for table in (self.contracts, self.requests):
            table.resizeColumnsToContents()  # a handful of rows: cheap

    def _open_request(self, index) -> None:
        item = self.requests.item(index.row(), 0)
        if item is not None:
            self.ctx.bus.open_request.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _open_contract(self, index) -> None:
        item = self.contracts.item(index.row(), 0)
        if item is not None:
            self.ctx.bus.open_contract.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _link(self, link: str) -> None:
        if link.startswith("party:"):
            self.ctx.bus.open_party.emit(int(link.split(":", 1)[1]))
