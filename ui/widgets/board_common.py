"""Pieces shared by the board's dock, dialogs and request panels: pickers from the lookups,
conflict prompts, and writes the user may confirm over a warning."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from servicedesk.errors import ServiceDeskError
from servicedesk.queries.lookups import Lookups
from servicedesk.services.interventions import SchedulingConflictError
from servicedesk.services.scheduling import Conflict
from servicedesk.uow import Outcome

from .. import fmt
from .board_view import absence_label


def fill_activity_types(combo: QComboBox, lookups: Lookups, lang: str,
                        selected: int | None = None) -> None:
    combo.clear()
    for at in lookups.open_activity_types():
        combo.addItem(at.name(lang), at.id)
    if selected is not None:
        i = combo.findData(selected)
        if i < 0 and lookups.activity_type(selected) is not None:  # archived since: still shown
            combo.addItem(lookups.activity_type(selected).name(lang), selected)
            i = combo.count() - 1
        if i >= 0:
            combo.setCurrentIndex(i)


def fill_teams(combo: QComboBox, lookups: Lookups, *, all_label: str,
               selected: int | None = None) -> None:
    combo.clear()
    combo.addItem(all_label, None)
    for team in lookups.open_teams():
        combo.addItem(team.name, team.id)
    if selected is not None:
        i = combo.findData(selected)
        if i >= 0:
            combo.setCurrentIndex(i)


def fill_operators(combo: QComboBox, lookups: Lookups, *, team_id: int | None = None,
                   none_label: str | None = None, selected: int | None = None) -> None:
    combo.blockSignals(True)
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, None)
    for op in lookups.active_operators():
        if team_id is None or op.team_id == team_id:
            combo.addItem(op.full_name, op.id)
    if selected is not None:
        i = combo.findData(selected)
        if i < 0 and team_id is not None:  # an operator of another team stays selectable
            op = lookups.operator(selected)
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
def run_confirmed(ctx, parent: QWidget | None, fn: Callable[..., Any], *args: Any,
                  confirm: Callable[[ServiceDeskError], dict | bool | None],
                  on_success: Callable[[Any], None] | None = None,
                  on_conflict: Callable[[Any], None] | None = None, **kwargs: Any) -> Outcome | None:
    """``ctx.ops.run`` for writes the core may refuse with a warning the user can accept
    (scheduling conflicts, overlapping work-log entries): ``confirm(err)`` answers with the
    keyword arguments to run it again with (``{"override": True}``), False when the user
    declined, or None when ``err`` is no such warning (the op runner reports it)."""
    while True:
        decision: dict[str, Any] = {}

        def failure(err: ServiceDeskError) -> bool:
            answer = confirm(err)
            if answer is None:
                return False
            decision["retry"] = answer
            return True

        outcome = ctx.ops.run(parent, fn, *args, on_success=on_success, on_failure=failure,
                              on_conflict=on_conflict, **kwargs)
        retry = decision.get("retry")
        if outcome is not None or not retry:
            return outcome
        kwargs.update(retry)


def confirm_scheduling(parent: QWidget | None, err: ServiceDeskError,
                       ask: Callable[[QWidget | None, list[Conflict]], bool]) -> dict | bool | None:
    """The ``confirm`` of :func:`run_confirmed` for scheduling writes."""
    if not isinstance(err, SchedulingConflictError):
        return None
    return {"override": True} if ask(parent, err.conflicts) else False


def confirm_overlap(parent: QWidget | None, err: ServiceDeskError) -> dict | bool | None:
    """The ``confirm`` of :func:`run_confirmed` for work-log writes: overlapping entries of the
    same operator are shown and may be accepted."""
    from servicedesk.services.worklogs import WorklogOverlapError

    if not isinstance(err, WorklogOverlapError):
        return None
    lines = "\n".join(f"• {fmt.time(e.start_time)}–{fmt.time(e.end_time)}"
                      for e in err.overlapping[:5] if e.start_time and e.end_time)
    text = QCoreApplication.translate(
        "Board", "This entry overlaps other entries of the same operator on that day:")
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("Board", "Overlapping entries"),
        (text + "\n" + lines if lines else text) + "\n\n"
        + QCoreApplication.translate("Board", "Save it anyway?"))
    return {"allow_overlap": True} if answer == QMessageBox.StandardButton.Yes else False
