"""Pieces shared by the board's dock, dialogs and request panels: pickers and conflict prompts."""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from servicedesk.models import ActivityType, Operator, Team
from servicedesk.services.scheduling import Conflict

from .. import fmt
from .board_view import absence_label


def fill_activity_types(combo: QComboBox, lang: str, selected: int | None = None) -> None:
    combo.clear()
    for at in ActivityType.select().where(ActivityType.archived == False).order_by(ActivityType.id):  # noqa: E712
        combo.addItem(at.name_it if lang == "it" else at.name_en, at.id)
    if selected is not None:
        i = combo.findData(selected)
        if i >= 0:
            combo.setCurrentIndex(i)


def fill_teams(combo: QComboBox, *, all_label: str, selected: int | None = None) -> None:
    combo.clear()
    combo.addItem(all_label, None)
    for team in Team.select().where(Team.archived == False).order_by(Team.name):  # noqa: E712
        combo.addItem(team.name, team.id)
    if selected is not None:
        i = combo.findData(selected)
        if i >= 0:
            combo.setCurrentIndex(i)


def fill_operators(combo: QComboBox, *, team_id: int | None = None, none_label: str | None = None,
                   selected: int | None = None) -> None:
    combo.blockSignals(True)
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, None)
    query = Operator.select().where(Operator.active == True)  # noqa: E712
    if team_id is not None:
        query = query.where(Operator.team == team_id)
    for op in query.order_by(Operator.full_name):
        combo.addItem(op.full_name, op.id)
    if selected is not None:
        i = combo.findData(selected)
        if i < 0 and team_id is not None:  # an operator of another team stays selectable
            op = Operator.get_or_none(Operator.id == selected)
            if op is not None:
                combo.addItem(op.full_name, op.id)
                i = combo.count() - 1
        if i >= 0:
            combo.setCurrentIndex(i)
    combo.blockSignals(False)


def conflict_line(c: Conflict) -> str:
    if c.kind == "double_booking":
        when = ""
        if c.start and c.end:
            when = f" ({fmt.date(c.start.date())} {fmt.time(c.start.time())}–{fmt.time(c.end.time())})"
        return QCoreApplication.translate("Board", "Double booking: overlaps intervention #{id}").format(
            id=c.other_intervention_id) + when
    if c.kind == "absence":
        when = ""
        if c.start and c.end:
            when = f" {fmt.datetime(c.start)} – {fmt.datetime(c.end)}"
        return QCoreApplication.translate("Board", "The operator is absent ({kind}):").format(
            kind=absence_label(c.absence_kind or "other").lower()) + when
    if c.kind == "outside_hours":
        return QCoreApplication.translate("Board", "Outside the operator's working hours")
    return c.detail


def confirm_override(parent: QWidget | None, conflicts: list[Conflict]) -> bool:
    """Ask whether to schedule despite the conflicts (the override is recorded)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Board", "Scheduling conflict"))
    box.setText(QCoreApplication.translate("Board", "The chosen time has conflicts:"))
    box.setInformativeText("\n".join(f"• {conflict_line(c)}" for c in conflicts) + "\n\n"
                           + QCoreApplication.translate(
                               "Board", "Schedule anyway? The override is recorded on the intervention."))
    yes = box.addButton(QCoreApplication.translate("Board", "Schedule anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def ask_reload(parent: QWidget | None, text: str) -> bool:
    """Show a concurrent-edit message and offer to reload (True: reload)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Board", "Changed on another workstation"))
    box.setText(text)
    reload_btn = box.addButton(QCoreApplication.translate("Board", "Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is reload_btn


def minutes_text(minutes: int) -> str:
    h, m = divmod(int(minutes), 60)
    return f"{h}:{m:02d}"


def round_up_quarter(moment: dt.datetime) -> dt.datetime:
    moment = moment.replace(second=0, microsecond=0)
    extra = moment.minute % 15
    return moment if extra == 0 else moment + dt.timedelta(minutes=15 - extra)


# How the core writes what an override overrode (services/scheduling.py check_conflicts and
# services/interventions.py _override_text): "[stamp who] kind: detail; kind: detail".
_DOUBLE = re.compile(r"^double_booking: overlaps intervention #(\d+)(?: \((.*)\))?$")
_ABSENCE = re.compile(r"^absence: absent \((\w+)\)(.*)$")
_HEADER = re.compile(r"^(\[[^\]]*\] )(.*)$")


def override_note_text(note: str) -> str:
    """An intervention's override note in the user's language: the stored conflict codes
    ("double_booking: overlaps intervention #12 …") read as the board states them (#12)."""
    lines = []
    for line in (note or "").splitlines():
        header, rest = "", line
        match = _HEADER.match(line)
        if match:
            header, rest = match.groups()
        parts = [_conflict_part(part) for part in rest.split("; ")] if rest else []
        lines.append(header + "; ".join(parts))
    return "\n".join(lines)


def _conflict_part(part: str) -> str:
    match = _DOUBLE.match(part)
    if match:
        text = QCoreApplication.translate("Board", "Double booking: overlaps intervention #{id}").format(
            id=match.group(1))
        return f"{text} ({match.group(2)})" if match.group(2) else text
    match = _ABSENCE.match(part)
    if match:
        return QCoreApplication.translate("Board", "The operator is absent ({kind}):").format(
            kind=absence_label(match.group(1)).lower()) + match.group(2)
    if part.startswith("outside_hours:"):
        return QCoreApplication.translate("Board", "Outside the operator's working hours")
    return part  # the planner's own words
