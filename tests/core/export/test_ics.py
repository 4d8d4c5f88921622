"""The .ics export parsed back with icalendar (R-REQ-3, R-MNT-2)."""
from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from servicedesk.export import ics
from servicedesk.models import ActivityType, Contact, Operator, Party, Priority, ServiceRequest
from servicedesk.services import interventions


@pytest.fixture
def planned(db):
    anna = Operator.create(username="anna", full_name="Anna Rossi", email="anna@example.it")
    party = Party.create(code="C1", name="Officine Meccaniche Srl", address="Via Roma 1",
                         postal_code="20121", city="Milano")
    contact = Contact.create(party=party, name="Luca Neri", mobile="333 1234567")
    req = ServiceRequest.create(number="RS-2026-000007", customer=party, contact=contact,
                                subject="Caldaia in blocco", priority=Priority.get(code="normal"),
                                opened_at=dt.datetime(2026, 3, 1, 9))
    repair = ActivityType.get(code="repair")
    items = [interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                                    planned_start=dt.datetime(2026, 3, d, 9),
                                    planned_end=dt.datetime(2026, 3, d, 11),
                                    instructions="Portare il manometro").intervention
             for d in (2, 3, 4)]
    interventions.cancel(items[2])
    return anna, items


def test_operator_calendar_round_trip(planned):
    anna, items = planned
    cal = Calendar.from_ical(ics.operator_calendar(anna.id, dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    events = cal.walk("VEVENT")
    assert len(events) == 2  # the cancelled one is not on the schedule
    first = events[0]
    assert str(first["uid"]) == f"{items[0].uuid}@servicedesk"
    start = first.decoded("dtstart")
    assert start.replace(tzinfo=None) == dt.datetime(2026, 3, 2, 9) and str(start.tzinfo) == "Europe/Rome"
    assert "Riparazione – Officine Meccaniche Srl" == str(first["summary"])
    assert "Via Roma 1, 20121 Milano" == str(first["location"])
    assert "Portare il manometro" in str(first["description"])
    assert "Luca Neri" in str(first["description"])
    assert cal.walk("VTIMEZONE")


def test_single_intervention_for_customers_hides_internal_notes(planned):
    _, items = planned
    data = ics.intervention_calendar(items[0].id, "en")
    cal = Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    assert str(event["summary"]) == "Repair – RS-2026-000007"
    assert "manometro" not in str(event["description"])
    assert str(event["status"]) == "CONFIRMED"


# -- time zone: summer and winter events read by two independent parsers (#14) ---------------
UTC = dt.timezone.utc


@pytest.fixture
def summer_and_winter(db):
    anna = Operator.create(username="bea", full_name="Bea Verdi", email="bea@example.it")
    party = Party.create(code="C2", name="Termoidraulica Srl")
    req = ServiceRequest.create(number="RS-2026-000008", customer=party, subject="Caldaia",
                                priority=Priority.get(code="normal"),
                                opened_at=dt.datetime(2026, 1, 5, 9))
    repair = ActivityType.get(code="repair")
    starts = [dt.datetime(2026, 1, 15, 9), dt.datetime(2026, 7, 15, 9),
              dt.datetime(2026, 3, 30, 9), dt.datetime(2026, 10, 26, 9)]  # the days after the switches
    for start in starts:
        interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                               planned_start=start, planned_end=start + dt.timedelta(hours=2))
    data = ics.operator_calendar(anna.id, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    expected = {dt.datetime(2026, 1, 15, 8, tzinfo=UTC), dt.datetime(2026, 7, 15, 7, tzinfo=UTC),
                dt.datetime(2026, 3, 30, 7, tzinfo=UTC), dt.datetime(2026, 10, 26, 8, tzinfo=UTC)}
    return data, expected


def test_vtimezone_is_rule_based(summer_and_winter):
    data, _ = summer_and_winter
    (tz,) = Calendar.from_ical(data).walk("VTIMEZONE")
    parts = {c.name: c for c in tz.subcomponents}
    assert set(parts) == {"DAYLIGHT", "STANDARD"}  # two rules, not one block per year
    for name, month in (("DAYLIGHT", 3), ("STANDARD", 10)):
        rule = parts[name]["rrule"]
        assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [month] and rule["BYDAY"] == ["-1SU"]
    assert b"RDATE" not in data
    # ... and the rules give the same offsets as the system's tz database, hour by hour
    rome = tz.to_tz()
    from zoneinfo import ZoneInfo

    real = ZoneInfo("Europe/Rome")
    moment = dt.datetime(2000, 1, 1, tzinfo=UTC)
    while moment.year < 2038:
        assert moment.astimezone(rome).utcoffset() == moment.astimezone(real).utcoffset(), moment
        moment += dt.timedelta(hours=7)


def test_icalendar_reads_summer_and_winter_events_at_the_right_hour(summer_and_winter):
    data, expected = summer_and_winter
    cal = Calendar.from_ical(data)
    (vtz,) = cal.walk("VTIMEZONE")
    rome = vtz.to_tz()  # built from our VTIMEZONE block, not from the system's tz database
    got = set()
    for event in cal.walk("VEVENT"):
        start = event.decoded("dtstart")
        assert event["dtstart"].params["TZID"] == "Europe/Rome"
        got.add(start.replace(tzinfo=rome).astimezone(UTC))
    assert got == expected


def test_vobject_reads_summer_and_winter_events_at_the_right_hour(summer_and_winter):
    vobject = pytest.importorskip("vobject")
    data, expected = summer_and_winter
    cal = vobject.readOne(data.decode("utf-8"))
    got = {event.dtstart.value.astimezone(UTC) for event in cal.vevent_list}
    assert got == expected
