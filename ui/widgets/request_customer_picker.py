"""Pick the customer of a request by typing its name, VAT number, city or code (R-REQ-1)."""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from servicedesk.queries.request_form import CustomerCard
from servicedesk.queries.requests import CustomerHit, find_customers

from ..workers import Worker


class CustomerPicker(QWidget):
    """A line edit with suggestions; ``customer_changed(id or 0)`` when the user's choice
    changes. The suggestions are searched on a worker as the user types (a newer text drops
    the answer to an older one)."""

    customer_changed = Signal(int)

    def __init__(self, *, ctx=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("customerSearch")
        self.edit.setPlaceholderText(self.tr("Type name, VAT number or city…"))
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit)
        self.info = QLabel(self)
        self.info.setObjectName("customerInfo")
        self.info.setProperty("role", "hint")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.worker = Worker(self, threaded=not (ctx is None or ctx.screenshot_mode))
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
        self._name = ""

    def customer_id(self) -> int | None:
        return self._id

    def set_customer(self, card: CustomerCard | None) -> None:
        """Show ``card`` as the chosen customer (no signal)."""
        self._id = card.id if card else None
        self._name = card.name if card else ""
        self.edit.blockSignals(True)
        self.edit.setText(self._name)
        self.edit.blockSignals(False)
        self._show_info(card)

    def set_read_only(self, on: bool) -> None:
        self.edit.setReadOnly(on)

    def _show_info(self, card: CustomerCard | CustomerHit | None) -> None:
        if card is None:
            self.info.setText(self.tr("No customer chosen"))
            return
        bits = [card.code]
        if card.vat_number:
            bits.append(self.tr("VAT %1").replace("%1", card.vat_number))
        place = card.city + (f" ({card.province})" if card.province else "")
        if place.strip():
            bits.append(place)
        if getattr(card, "phone", ""):
            bits.append(card.phone)
        self.info.setText(" · ".join(bits))

    @staticmethod
    def _label(hit: CustomerHit) -> str:
        place = hit.city + (f" ({hit.province})" if hit.province else "")
        extra = " · ".join(x for x in (place, hit.vat_number) if x)
        return f"{hit.name} — {extra}" if extra else hit.name

    def _edited(self, _text: str) -> None:
        self._timer.start()

    def _search(self) -> None:
        self.worker.run(find_customers, self.edit.text(), on_done=self._show_hits, key="search")

    def _show_hits(self, hits: list[CustomerHit]) -> None:
        self._hits = {self._label(h): h for h in hits}
        self._model.setStringList(list(self._hits))
        if hits and self.edit.hasFocus():
            self.completer.complete()

    def _chosen(self, label: str) -> None:
        hit = self._hits.get(label)
        if hit is None:
            return
        changed = hit.id != self._id
        self._id, self._name = hit.id, hit.name
        self.edit.blockSignals(True)
        self.edit.setText(hit.name)
        self.edit.blockSignals(False)
        self._show_info(hit)
        if changed:
            self.customer_changed.emit(hit.id)

    def _finish(self) -> None:
        """Leaving the field: keep a valid choice, pick an exact single match, else restore."""
        text = self.edit.text().strip()
        if not text:
            if self._id is not None:
                self._id, self._name = None, ""
                self._show_info(None)
                self.customer_changed.emit(0)
            return
        if text in self._hits:
            self._chosen(text)
            return
        if self._id is not None and self._name == text:
            return
        # The user left the field: the answer is needed now, and two rows are quick to read.
        hits = find_customers(text, limit=2)
        if len(hits) == 1:
            self._hits[self._label(hits[0])] = hits[0]
            self._chosen(self._label(hits[0]))
        else:
            self.edit.blockSignals(True)
            self.edit.setText(self._name)
            self.edit.blockSignals(False)
