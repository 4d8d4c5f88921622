"""Pick the customer of a request by typing its name, VAT number, city or code (R-REQ-1)."""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from servicedesk.models import Party
from servicedesk.queries.requests import CustomerHit, find_customers


class CustomerPicker(QWidget):
    """A line edit with suggestions; ``customer_changed(id or 0)`` when the choice changes."""

    customer_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setObjectName("customerSearch")
        self.edit.setPlaceholderText(self.tr("Type name, VAT number or city…"))
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit)
        self.info = QLabel()
        self.info.setObjectName("customerInfo")
        self.info.setProperty("role", "hint")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self._hits: dict[str, CustomerHit] = {}
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.edit.setCompleter(self.completer)
        self.completer.activated[str].connect(self._chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._search)
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self._finish)
        self._id: int | None = None

    def customer_id(self) -> int | None:
        return self._id

    def set_customer(self, party_id: int | None, emit: bool = False) -> None:
        party = Party.get_or_none(Party.id == party_id) if party_id else None
        self._id = party.id if party else None
        self.edit.blockSignals(True)
        self.edit.setText(party.name if party else "")
        self.edit.blockSignals(False)
        self._show_info(party)
        if emit:
            self.customer_changed.emit(self._id or 0)

    def set_read_only(self, on: bool) -> None:
        self.edit.setReadOnly(on)

    def _show_info(self, party: Party | None) -> None:
        if party is None:
            self.info.setText(self.tr("No customer chosen"))
            return
        bits = [party.code]
        if party.vat_number:
            bits.append(self.tr("VAT %1").replace("%1", party.vat_number))
        place = party.city + (f" ({party.province_id})" if party.province_id else "")
        if place.strip():
            bits.append(place)
        if party.phone:
            bits.append(party.phone)
        self.info.setText(" · ".join(bits))

    @staticmethod
    def _label(hit: CustomerHit) -> str:
        place = hit.city + (f" ({hit.province})" if hit.province else "")
        extra = " · ".join(x for x in (place, hit.vat_number) if x)
        return f"{hit.name} — {extra}" if extra else hit.name

    def _edited(self, _text: str) -> None:
        self._timer.start()

    def _search(self) -> None:
        hits = find_customers(self.edit.text())
        self._hits = {self._label(h): h for h in hits}
        self._model.setStringList(list(self._hits))
        if hits and self.edit.hasFocus():
            self.completer.complete()

    def _chosen(self, label: str) -> None:
        hit = self._hits.get(label)
        if hit is None:
            return
        changed = hit.id != self._id
        self.set_customer(hit.id)
        if changed:
            self.customer_changed.emit(hit.id)

    def _finish(self) -> None:
        """Leaving the field: keep a valid choice, pick an exact single match, else restore."""
        text = self.edit.text().strip()
        if not text:
            if self._id is not None:
                self._id = None
                self._show_info(None)
                self.customer_changed.emit(0)
            return
        if text in self._hits:
            self._chosen(text)
            return
        current = Party.get_or_none(Party.id == self._id) if self._id else None
        if current is not None and current.name == text:
            return
        hits = find_customers(text, limit=2)
        if len(hits) == 1:
            self._chosen_hit(hits[0])
        else:
            self.set_customer(self._id)

    def _chosen_hit(self, hit: CustomerHit) -> None:
        self._hits[self._label(hit)] = hit
        self._chosen(self._label(hit))
