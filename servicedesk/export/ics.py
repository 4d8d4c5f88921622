"""iCalendar (.ics) files: an operator's schedule, or one intervention as an invitation (R-REQ-3, R-MNT-2).

Built with the ``icalendar`` library so that phone and desktop calendars import them. Times are
the office's local time, written with the Europe/Rome time zone and its VTIMEZONE written as the
EU daylight-saving *rules* (RRULE: last Sunday of March and of October), the form every reader
understands — a list of transition dates one by one puts summer events an hour late in some
readers (vobject, older Outlook) (#14). UIDs are
the interventions' uuids, so a re-export updates events instead of duplicating them, and
SEQUENCE follows the record version.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress, vText

from .. import clock
from ..models import Operator
from ..queries.board import interventions_of_operator
from ..services.interventions import InterventionDetails, details

OFFICE_TZ = ZoneInfo("Europe/Rome")
PRODID = "-//ServiceDesk//Team board//IT"

_LABELS = {
    "en": {"request": "Request", "instructions": "Instructions", "contact": "Contact",
           "units": "Units", "contract": "Contract", "operator": "Operator"},
    "it": {"request": "Richiesta", "instructions": "Istruzioni", "contact": "Referente",
           "units": "Matricole", "contract": "Contratto", "operator": "Tecnico"},
}


def office_timezone() -> Timezone:
    """The Europe/Rome VTIMEZONE as rules (in force since 1996, the EU summer-time directive):
    CEST from the last Sunday of March at 02:00, CET from the last Sunday of October at 03:00."""
    tz = Timezone()
    tz.add("tzid", "Europe/Rome")
    tz.add("x-lic-location", "Europe/Rome")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("dtstart", dt.datetime(1996, 3, 31, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def _calendar(name: str, method: str = "PUBLISH") -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Rome")
    # Before the events, as RFC 5545 readers expect; add_missing_timezones() would instead
    # write every transition as a date of its own.
    cal.add_component(office_timezone())
    return cal


def _local(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=OFFICE_TZ)


def intervention_event(info: InterventionDetails, lang: str = "it", *,
                       customer_view: bool = False) -> Event:
    """One VEVENT for an intervention. ``customer_view`` leaves out internal details
    (the instructions for the technician) for events sent to customers."""
    labels = _LABELS.get(lang, _LABELS["en"])
    activity = info.activity_it if lang == "it" else info.activity_en
    event = Event()
    event.add("uid", f"{info.uuid}@servicedesk")
    event.add("dtstamp", clock.now().replace(tzinfo=OFFICE_TZ).astimezone(dt.timezone.utc))
    event.add("dtstart", _local(info.planned_start))
    event.add("dtend", _local(info.planned_end))
    event.add("sequence", max(info.version - 1, 0))
    event.add("summary", f"{activity} – {info.customer}" if not customer_view
              else f"{activity} – {info.request_number}")
    if info.address:
        event.add("location", info.address)
    lines = [f"{labels['request']}: {info.request_number}" + (f" – {info.subject}" if info.subject else "")]
    if info.operator_name:
        lines.append(f"{labels['operator']}: {info.operator_name}")
    if not customer_view:
        contact = " ".join(p for p in (info.contact_name, info.contact_phone or info.customer_phone) if p)
        if contact:
            lines.append(f"{labels['contact']}: {contact}")
        if info.units:
            lines.append(f"{labels['units']}: " + "; ".join(f"{u.product} {u.serial}" for u in info.units))
        if info.contract_number:
            lines.append(f"{labels['contract']}: {info.contract_number} {info.contract_title}")
        if info.instructions:
            lines.append(f"{labels['instructions']}:\n{info.instructions}")
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if info.status == "cancelled" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    if info.operator_email:
        organizer = vCalAddress(f"mailto:{info.operator_email}")
        organizer.params["cn"] = vText(info.operator_name)
        event.add("organizer", organizer)
    return event


def intervention_calendar(intervention_id: int, lang: str = "it", *,
                          customer_view: bool = True) -> bytes:
    """A calendar with the one intervention, to attach to a notice e-mail (``.ics`` bytes)."""
    info = details(intervention_id)
    if info.planned_start is None or info.planned_end is None:
        raise ValueError(f"intervention {intervention_id} has no planned time")
    cal = _calendar(info.request_number)
    cal.add_component(intervention_event(info, lang, customer_view=customer_view))
    return cal.to_ical()


def operator_calendar(operator_id: int, start: dt.date, end: dt.date, lang: str = "it") -> bytes:
    """An operator's planned and in-progress interventions from ``start`` to ``end`` (inclusive)."""
    operator = Operator.get_by_id(operator_id)
    cal = _calendar(operator.full_name)
    lo = dt.datetime.combine(start, dt.time(0))
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0))
    for block in interventions_of_operator(operator_id, lo, hi):
        if block.status == "done":
            continue
        cal.add_component(intervention_event(details(block.id), lang))
    return cal.to_ical()


def write(path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)


__all__ = ["office_timezone", "intervention_event", "intervention_calendar", "operator_calendar", "write"]
