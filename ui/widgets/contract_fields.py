"""Small input widgets of the contract editor: euro amounts, optional dates, the party picker."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QLocale, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QCompleter, QDateEdit, QHBoxLayout, QLineEdit,
                               QSpinBox, QWidget)

from servicedesk.queries import contracts as cq

from .. import fmt
from ..workers import Worker

_THOUSANDS_IT = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_amount(text: str) -> Decimal | None:
    """A euro amount typed the Italian way ("1.234,50") or plainly ("1234.50"); None when
    empty; raises ValueError when it is not a number."""
    raw = text.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if not raw:
        return None
    italian = QLocale().decimalPoint() == ","
    if "," in raw and "." in raw:
        # the later separator is the decimal point
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif "," in raw:
        raw = raw.replace(",", ".") if (italian or raw.count(",") == 1
                                        and len(raw.split(",")[1]) != 3) else raw.replace(",", "")
    elif italian and _THOUSANDS_IT.match(raw):
        raw = raw.replace(".", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def format_amount(value: Decimal | None) -> str:
    """An amount for an input box: "1.234,50" (no currency sign)."""
    if value is None:
        return ""
    return QLocale().toString(float(value), "f", 2)


def format_pct(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = QLocale().toString(float(value), "f", 3)
    sep = QLocale().decimalPoint()
    return text.rstrip("0").rstrip(sep) if sep in text else text


class AmountEdit(QLineEdit):
    """A QLineEdit for euro amounts or percentages in the UI's number format."""

    def __init__(self, parent: QWidget | None = None, *, percent: bool = False) -> None:
        super().__init__(parent)
        self.percent = percent
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0,00" if QLocale().decimalPoint() == "," else "0.00")
        self.editingFinished.connect(self._tidy)

    def value(self) -> Decimal | None:
        return parse_amount(self.text())

    def set_value(self, value: Decimal | None) -> None:
        self.setText(format_pct(value) if self.percent else format_amount(value))

    def _tidy(self) -> None:
        try:
            value = self.value()
        except ValueError:
            return
        if value is not None:
            self.set_value(value)


class OptionalDateEdit(QWidget):
    """A date that may be absent: a check box enables the date edit."""

    changed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(text)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(fmt._date_pattern())
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        return fmt.pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(fmt.qdate(value))


class DateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(fmt._date_pattern())
        self.setDate(QDate.currentDate())

    def value(self) -> dt.date:
        return fmt.pydate(self.date())

    def set_value(self, value: dt.date) -> None:
        self.setDate(fmt.qdate(value))


class OptionalSpin(QSpinBox):
    """An integer where the minimum means "none" (shown as the special text)."""

    def __init__(self, special: str, maximum: int, parent: QWidget | None = None,
                 floor: int = 0) -> None:
        super().__init__(parent)
        self.floor = floor
        self.setRange(floor - 1, maximum)
        self.setSpecialValueText(special)

    def value_or_none(self) -> int | None:
        return None if self.value() < self.floor else self.value()

    def set_value(self, value: int | None) -> None:
        self.setValue(self.floor - 1 if value is None else value)


class PartyPicker(QLineEdit):
    """Type a name, VAT number or city: customers (active) or suppliers (passive) are offered.
    The parties are searched on a worker (a newer text drops the answer to an older one)."""

    party_changed = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None, *, threaded: bool = True) -> None:
        super().__init__(parent)
        self.direction = "active"
        self._party_id: int | None = None
        self._choices: dict[str, int] = {}
        self._model = QStringListModel(self)
        self.worker = Worker(self, threaded=threaded)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._chosen)
        self.setCompleter(completer)
        self.textEdited.connect(self._search)
        self.editingFinished.connect(self._finish)

    def party_id(self) -> int | None:
        return self._party_id

    def set_party(self, party_id: int | None, label: str = "") -> None:
        self._party_id = party_id
        self.setText(label)

    def _search(self, text: str) -> None:
        if text.strip() == "":
            self._set(None)
        self.worker.run(cq.parties, text, self.direction, on_done=self._found, key="parties")

    def _found(self, found: list[cq.PartyChoice]) -> None:
        self._choices = {p.label: p.id for p in found}
        self._model.setStringList(list(self._choices))
        if self.hasFocus() and self._choices:
            self.completer().complete()  # the answer came after the keystroke: show it

    def _chosen(self, text: str) -> None:
        if text in self._choices:
            self.setText(text)
            self._set(self._choices[text])

    def _finish(self) -> None:
        text = self.text()
        if text in self._choices:
            self._set(self._choices[text])
        elif not text.strip():
            self._set(None)

    def _set(self, party_id: int | None) -> None:
        if party_id != self._party_id:
            self._party_id = party_id
            self.party_changed.emit(party_id)
