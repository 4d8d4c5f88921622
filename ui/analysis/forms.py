"""The filter form of each subject: widgets ↔ the core's filter spec (R-ANA-1, R-LOG-2, R-CON-6)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from servicedesk.errors import FieldError, ValidationError
from servicedesk.permissions import Permission
from servicedesk.queries import analysis as A
from servicedesk.queries.analysis import lookups
from servicedesk.queries.analysis.contracts import (CONTRACT_STATUSES, RENEWAL_TYPES,
                                                    contract_types)
from servicedesk.queries.analysis.requests import INTERVENTION_STATUSES, REQUEST_STATUSES

from ..messages import error_text
from .labels import code_maps
from .widgets import DateRange, EntityPicker, MultiChoice, NumberRange


class FilterForm(QWidget):
    """Rows of filter widgets; ``spec()`` builds the subject's spec or raises ValidationError
    whose field errors carry the row label (shown translated under the form)."""

    changed = Signal()

    def __init__(self, *, ctx, spec_type: type, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spec_type = spec_type
        self.codes = code_maps(ctx.lang, ctx.lookups())
        self._fields: list[tuple[str, str, QWidget, str]] = []  # (kind, name, widget, label)
        self._labels: dict[str, str] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addLayout(self.form)
        self.error_label = QLabel()
        self.error_label.setObjectName("analysisFilterError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b91c1c;")
        self.error_label.setVisible(False)
        outer.addWidget(self.error_label)
        outer.addStretch(1)

    # -- building ---------------------------------------------------------------------------
    def _add(self, kind: str, name: str, widget: QWidget, label: str) -> QWidget:
        widget.setObjectName(f"filter_{name}")
        self.form.addRow(label, widget)
        self._fields.append((kind, name, widget, label))
        for suffix in ("", "_from", "_to", "_min", "_max", "_ids", "s"):
            self._labels[name + suffix] = label
        signal = getattr(widget, "changed", None) or getattr(widget, "textChanged", None) \
            or getattr(widget, "currentIndexChanged", None) or getattr(widget, "toggled", None)
        signal.connect(lambda *_: self.changed.emit())
        return widget

    def add_text(self, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(A.base.MAX_TEXT)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return self._add("text", name, edit, label)

    def add_picker(self, name: str, entity: str, label: str) -> EntityPicker:
        picker = EntityPicker(lambda text: lookups.search(entity, text),
                              lambda keys: lookups.labels(entity, keys),
                              QCoreApplication.translate("Analysis", "Type to search…"),
                              threaded=not self.ctx.screenshot_mode)
        return self._add("keys", name, picker, label)

    def add_choice(self, name: str, choices: list[tuple[Any, str]], label: str) -> MultiChoice:
        return self._add("keys", name, MultiChoice(choices), label)

    def add_dates(self, name: str, label: str) -> DateRange:
        return self._add("dates", name, DateRange(), label)

    def add_numbers(self, name: str, label: str, *, decimals: bool) -> NumberRange:
        return self._add("numbers", name, NumberRange(decimals=decimals), label)

    def add_combo(self, name: str, options: list[tuple[str, str]], label: str) -> QComboBox:
        combo = QComboBox()
        for key, text in options:
            combo.addItem(text, key)
        return self._add("combo", name, combo, label)

    def add_check(self, name: str, label: str, text: str) -> QCheckBox:
        return self._add("check", name, QCheckBox(text), label)

    # -- spec ↔ widgets ---------------------------------------------------------------------
    def spec(self) -> Any:
        kwargs: dict[str, Any] = {}
        errors: list[FieldError] = []
        for kind, name, widget, _label in self._fields:
            try:
                if kind == "text":
                    kwargs[name] = widget.text().strip()
                elif kind == "keys":
                    kwargs[name] = tuple(widget.keys())
                elif kind == "dates":
                    kwargs[f"{name}_from"], kwargs[f"{name}_to"] = widget.values(name)
                elif kind == "numbers":
                    kwargs[f"{name}_min"], kwargs[f"{name}_max"] = widget.values(name)
                elif kind == "combo":
                    kwargs[name] = widget.currentData() or ""
                elif kind == "check":
                    kwargs[name] = widget.isChecked()
            except ValidationError as err:
                errors += err.errors
        if errors:
            raise self._labelled(ValidationError(errors))
        spec = self.spec_type(**kwargs)
        try:
            A.validate(spec)
        except ValidationError as err:
            raise self._labelled(err) from None
        return spec

    def _labelled(self, err: ValidationError) -> ValidationError:
        for fe in err.errors:
            fe.params.setdefault("label", self._labels.get(fe.field, fe.field))
        return err

    def set_spec(self, spec: Any) -> None:
        for kind, name, widget, _label in self._fields:
            widget.blockSignals(True)
            try:
                if kind == "text":
                    widget.setText(getattr(spec, name))
                elif kind == "keys":
                    widget.set_keys(list(getattr(spec, name)))
                elif kind == "dates":
                    widget.set_values(getattr(spec, f"{name}_from"), getattr(spec, f"{name}_to"))
                elif kind == "numbers":
                    widget.set_values(getattr(spec, f"{name}_min"), getattr(spec, f"{name}_max"))
                elif kind == "combo":
                    index = widget.findData(getattr(spec, name))
                    widget.setCurrentIndex(max(index, 0))
                elif kind == "check":
                    widget.setChecked(bool(getattr(spec, name)))
            finally:
                widget.blockSignals(False)
        self.show_error(None)
        self.changed.emit()  # once for the whole form (each widget's own signal was blocked)

    def show_error(self, err: ValidationError | None) -> None:
        self.error_label.setText(error_text(err) if err is not None else "")
        self.error_label.setVisible(err is not None)

    def summary(self) -> list[tuple[str, str]]:
        """(label, what was chosen) of every filter in use, for the export's filters sheet."""
        out = []
        for kind, _name, widget, label in self._fields:
            if kind == "text":
                text = widget.text().strip()
            elif kind == "keys":
                text = ", ".join(widget.texts())
            elif kind in ("dates", "numbers"):
                text = widget.text()
            elif kind == "combo":
                text = widget.currentText() if widget.currentData() else ""
            else:
                text = QCoreApplication.translate("Analysis", "yes") if widget.isChecked() else ""
            if text:
                out.append((label, text))
        return out

    def _lookup_choices(self, entity: str) -> list[tuple[Any, str]]:
        """The values of a reference list, from the UI's lookups snapshot (read once, renewed
        by change sets): priorities by rank keyed by code, open types and teams by name."""
        snapshot, lang = self.ctx.lookups(), self.ctx.lang
        if entity == "priority":
            return [(p.code, p.name(lang)) for p in snapshot.priorities]
        if entity == "team":
            return [(t.id, t.name) for t in snapshot.open_teams()]
        rows = (snapshot.open_problem_types() if entity == "problem_type"
                else snapshot.open_activity_types())
        return sorted(((r.id, r.name(lang)) for r in rows), key=lambda choice: choice[1])

    def _choices(self, codes: str, order: tuple[str, ...]) -> list[tuple[str, str]]:
        names = self.codes[codes]
        return [(code, names.get(code, code)) for code in order]


def _any() -> str:
    return QCoreApplication.translate("Analysis", "Any")


class RequestFilterForm(FilterForm):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, spec_type=A.RequestSpec, parent=parent)
        self.add_text("text", QCoreApplication.translate("Analysis", "Search"), QCoreApplication.translate("Analysis", "number, customer, serial, words…"))
        self.add_picker("customer_ids", "customer", QCoreApplication.translate("Analysis", "Customer"))
        self.add_picker("provinces", "province", QCoreApplication.translate("Analysis", "Province"))
        self.add_picker("product_ids", "product", QCoreApplication.translate("Analysis", "Product"))
        self.add_text("serial", QCoreApplication.translate("Analysis", "Serial number"), QCoreApplication.translate("Analysis", "contains…"))
        self.add_choice("statuses", self._choices("request_status", REQUEST_STATUSES),
                        QCoreApplication.translate("Analysis", "Status"))
        self.add_choice("priorities", self._lookup_choices("priority"), QCoreApplication.translate("Analysis", "Priority"))
        self.add_choice("problem_type_ids", self._lookup_choices("problem_type"),
                        QCoreApplication.translate("Analysis", "Problem type"))
        self.add_choice("team_ids", self._lookup_choices("team"), QCoreApplication.translate("Analysis", "Team"))
        op = self.add_picker("operator_ids", "operator", QCoreApplication.translate("Analysis", "Operator"))
        op.setToolTip(QCoreApplication.translate("Analysis", "Requests: the owner or the operator of an intervention. "
                                     "Interventions: their operator."))
        self.add_picker("contract_ids", "contract", QCoreApplication.translate("Analysis", "Contract"))
        self.add_picker("job_order_ids", "job_order", QCoreApplication.translate("Analysis", "Job order"))
        self.add_dates("opened", QCoreApplication.translate("Analysis", "Opened"))
        self.add_dates("closed", QCoreApplication.translate("Analysis", "Closed"))
        self.add_dates("scheduled", QCoreApplication.translate("Analysis", "Intervention planned"))
        self.add_choice("activity_type_ids", self._lookup_choices("activity_type"),
                        QCoreApplication.translate("Analysis", "Activity type"))
        self.add_choice("intervention_statuses",
                        self._choices("intervention_status", INTERVENTION_STATUSES),
                        QCoreApplication.translate("Analysis", "Intervention status"))


class WorkLogFilterForm(FilterForm):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, spec_type=A.WorkLogSpec, parent=parent)
        self.add_picker("customer_ids", "customer", QCoreApplication.translate("Analysis", "Customer"))
        self.add_picker("operator_ids", "operator", QCoreApplication.translate("Analysis", "Operator"))
        self.add_picker("job_order_ids", "job_order", QCoreApplication.translate("Analysis", "Job order"))
        self.add_choice("activity_type_ids", self._lookup_choices("activity_type"),
                        QCoreApplication.translate("Analysis", "Activity type"))
        self.add_dates("date", QCoreApplication.translate("Analysis", "Date"))
        self.add_combo("billable", [("", _any()), ("yes", QCoreApplication.translate("Analysis", "Billable")),
                                    ("no", QCoreApplication.translate("Analysis", "Not billable"))],
                       QCoreApplication.translate("Analysis", "Billable"))


class ContractFilterForm(FilterForm):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, spec_type=A.ContractSpec, parent=parent)
        self.add_text("text", QCoreApplication.translate("Analysis", "Number or title"), QCoreApplication.translate("Analysis", "contains…"))
        self.add_picker("party_ids", "party", QCoreApplication.translate("Analysis", "Party"))
        self.add_combo("direction", [("", _any()),
                                     ("active", self.codes["direction"]["active"]),
                                     ("passive", self.codes["direction"]["passive"])],
                       QCoreApplication.translate("Analysis", "Active/passive"))
        self.add_choice("contract_types", self._choices("contract_type", tuple(contract_types())),
                        QCoreApplication.translate("Analysis", "Type"))
        self.add_choice("statuses", self._choices("contract_status", CONTRACT_STATUSES),
                        QCoreApplication.translate("Analysis", "Status"))
        self.add_picker("operator_ids", "operator", QCoreApplication.translate("Analysis", "Signed by"))
        self.add_dates("signed", QCoreApplication.translate("Analysis", "Signed on"))
        self.add_dates("expiry", QCoreApplication.translate("Analysis", "Expiry"))
        self.add_choice("renewal_types", self._choices("renewal_type", RENEWAL_TYPES),
                        QCoreApplication.translate("Analysis", "Renewal"))
        if ctx.actor.can(Permission.ANALYSIS_MONEY):
            self.add_numbers("amount", QCoreApplication.translate("Analysis", "Amount (€)"), decimals=True)
        self.add_combo("tickets", [("", _any()), ("with", QCoreApplication.translate("Analysis", "With tickets")),
                                   ("without", QCoreApplication.translate("Analysis", "Without tickets"))],
                       QCoreApplication.translate("Analysis", "Tickets"))
        self.add_numbers("available", QCoreApplication.translate("Analysis", "Tickets available"), decimals=False)
        self.add_numbers("used", QCoreApplication.translate("Analysis", "Tickets used"), decimals=False)
        self.add_numbers("remaining", QCoreApplication.translate("Analysis", "Tickets remaining"), decimals=False)
        self.add_check("include_archived", QCoreApplication.translate("Analysis", "Archived"),
                       QCoreApplication.translate("Analysis", "Include archived contracts"))


def form_for(subject: str, ctx) -> FilterForm:
    if subject in ("requests", "interventions"):
        return RequestFilterForm(ctx=ctx)
    if subject == "worklogs":
        return WorkLogFilterForm(ctx=ctx)
    return ContractFilterForm(ctx=ctx)


__all__ = ["ContractFilterForm", "FilterForm", "RequestFilterForm",
           "WorkLogFilterForm", "form_for"]
