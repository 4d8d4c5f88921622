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
