"""Customer notices before maintenance visits (R-MNT-2), sent through a real SMTP server on
loopback (aiosmtpd): right recipient, subject, body and a parseable .ics; retried with back-off
when the server is down; never sent twice; letters for customers without e-mail."""
from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket

import icalendar
import pytest
from aiosmtpd.controller import Controller

from servicedesk import clock
from servicedesk.models import ActivityType, Intervention, OutboxMessage, Operator, Team
from servicedesk.services import maintenance, mailer, notices, parties, products, units

MONDAY = dt.datetime(2026, 3, 2, 8, 0)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def world(db):
    clock.freeze(MONDAY)
    team = Team.create(name="Caldaie")
    op = Operator.create(username="t1", full_name="Luca Bianchi", team=team, role="technician",
                         email="luca@office.it")
    customer = parties.create_party(name="Alfa srl", vat_number="00743110157",
                                    address="Via Roma 1", postal_code="20100", city="Milano",
                                    province="MI")
    parties.add_contact(customer, name="Anna Neri", email="anna@alfa.it", receives_notices=True)
    parties.add_contact(customer, name="Piero", email="piero@alfa.it")  # not a notice recipient
    product = products.create_product(code="CALD", name="Caldaia 24 kW")
    unit = units.create_unit(product=product, serial="SN1", owner=customer, site="Centrale")
    plan = maintenance.create_plan(unit=unit, activity_type=ActivityType.get(code="maintenance"),
                                   every=6, period="months", start_date=dt.date(2026, 3, 9),
                                   operator=op, duration_minutes=90, notice_days=7,
                                   instructions="Pulizia bruciatore e analisi fumi.")
    notices.save_sender(notices.SenderInfo(company="Termoservice srl", phone="02 1234567",
                                           email="assistenza@termoservice.it", city="Milano"))
    maintenance.generate(60)
    return dict(customer=customer, plan=plan, op=op, unit=unit)


def configure(port: int) -> None:
    mailer.save_settings(mailer.SmtpSettings(host="127.0.0.1", port=port, security="none",
                                             from_address="assistenza@termoservice.it",
                                             from_name="Termoservice", timeout=5))


def test_notice_content_and_dedup(world):
    result = notices.build_notices()
    assert result.emails == 1 and result.letters == 0
    msg = OutboxMessage.get_by_id(result.queued[0])
    assert msg.to_address == "anna@alfa.it" and msg.to_name == "Anna Neri"
    assert "lunedì 9 marzo 2026" in msg.subject and "Termoservice srl" in msg.subject
    assert "dalle 08:00 alle 10:00" in msg.body  # 08:30 start with a 30-minute window
    assert "Luca Bianchi" in msg.body and "Pulizia bruciatore" in msg.body
    assert "02 1234567" in msg.body and "SN1" in msg.body
    assert notices.build_notices().queued == []  # never twice
    # A visit moved to another time gets a new notice.
    i = Intervention.get_by_id(msg.intervention_id)
    Intervention.update(planned_start=i.planned_start + dt.timedelta(hours=5),
                        planned_end=i.planned_end + dt.timedelta(hours=5)).execute()
    assert len(notices.build_notices().queued) == 1


def test_notice_waits_for_its_day(world):
    clock.freeze(MONDAY - dt.timedelta(days=1))  # 8 days before the 9 March visit
    assert notices.build_notices(dt.date(2026, 3, 1)).queued == []


def test_letter_for_customer_without_email(world):
    contacts = world["customer"].contacts  # the first one, Anna, receives the notices
    parties.set_contact_archived(contacts.order_by(contacts.model.id).get())
    result = notices.build_notices()
    assert result.letters == 1 and result.emails == 0
    letter = OutboxMessage.get_by_id(result.queued[0])
    assert letter.channel == "letter" and "Via Roma 1" in letter.to_address
    address, place, body = notices.letter_text(letter)
    assert place.startswith("Milano, ") and "Gentile Alfa srl" in body


def test_sent_through_smtp_with_ics_and_never_twice(world):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        configure(controller.port)
        notices.build_notices()
        result = mailer.send_due()
        assert result.sent == 1, result
        assert mailer.send_due().sent == 0
        notices.build_notices()
        assert mailer.send_due().sent == 0
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    rcpts, msg = inbox.messages[0]
    assert rcpts == ["anna@alfa.it"]
    assert msg["Subject"].startswith("Visita di manutenzione periodica programmata")
    assert "Termoservice" in msg["From"]
    body = msg.get_body(("plain",)).get_content()
    assert "Luca Bianchi" in body and "RS-2026-" in body
    attachments = list(msg.iter_attachments())
    assert [a.get_filename() for a in attachments] == ["invito.ics"]
    cal = icalendar.Calendar.from_ical(attachments[0].get_content())
    event = next(iter(cal.walk("VEVENT")))
    assert event.decoded("dtstart").replace(tzinfo=None) == dt.datetime(2026, 3, 9, 8, 30)
    assert OutboxMessage.get().status == "sent"


def test_server_down_then_up_sends_once_with_backoff(world):
    port = free_port()
    configure(port)
    notices.build_notices()
    result = mailer.send_due()
    assert result.offline and result.sent == 0
    msg = OutboxMessage.get()
    assert msg.status == "queued" and msg.attempts == 1 and msg.last_error
    assert msg.next_attempt_at == MONDAY + dt.timedelta(minutes=1)
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        assert mailer.send_due().sent == 0  # back-off: not yet
        clock.freeze(MONDAY + dt.timedelta(minutes=2))
        assert mailer.send_due().sent == 1
        clock.freeze(MONDAY + dt.timedelta(hours=5))
        assert mailer.send_due().sent == 0
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    assert OutboxMessage.get().status == "sent"


def test_refused_recipient_fails_and_retry(world):
    class Refusing(Inbox):
        async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
            return "550 no such user"

    controller = Controller(Refusing(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        configure(controller.port)
        notices.build_notices()
        result = mailer.send_due()
        assert result.failed == 1
        msg = OutboxMessage.get()
        assert msg.status == "failed" and "550" in msg.last_error
        mailer.retry_now(msg.id)
        assert OutboxMessage.get().status == "queued"
    finally:
        controller.stop()


def test_stuck_sending_is_not_resent(world):
    notices.build_notices()
    OutboxMessage.update(status="sending", updated_at=MONDAY - dt.timedelta(hours=1)).execute()
    assert mailer.recover_stuck() == 1
    assert OutboxMessage.get().status == "failed"
