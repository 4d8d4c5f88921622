"""SMTP settings and the outbox sender (R-MNT-2).

Settings (host, port, STARTTLS/SSL, user, sender) live in the ``Setting`` table, shared by the
workstations; the password never does: it goes to the OS keyring (``keyring``) when a backend
exists, otherwise it is kept only in memory for this session (the UI says so).

:func:`send_due` sends the messages whose time has come. A message is claimed with a guarded
UPDATE before sending (two workstations never send the same one), the network talk happens
outside any database transaction, and a crash between "sent" and "recorded" leaves the message
``failed`` for a person to check, never re-sent blindly. When the server cannot be reached
(offline laptop) the messages stay queued with a back-off; recipients refused permanently fail
at once; other errors are retried with back-off up to :data:`MAX_ATTEMPTS`.
"""
from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from dataclasses import asdict, dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Callable

from .. import clock, context
from .. import settings as office_settings
from ..errors import FieldError, ServiceDeskError, ValidationError
from ..models import OutboxMessage
from ..permissions import Permission
from .parties import valid_email

SETTING_KEY = "smtp"
KEYRING_SERVICE = "ServiceDesk SMTP"
SECURITY = ("starttls", "ssl", "none")
BACKOFF_MINUTES = (1, 5, 15, 60, 240)
OFFLINE_MAX_MINUTES = 60  # an unreachable server is retried at least hourly, forever
MAX_ATTEMPTS = 8
STUCK_AFTER = dt.timedelta(minutes=15)

_session_passwords: dict[str, str] = {}


class MailError(ServiceDeskError):
    code = "mail.error"


@dataclass
class SmtpSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"  # starttls, ssl, none
    user: str = ""
    from_address: str = ""
    from_name: str = ""
    timeout: int = 20

    @property
    def configured(self) -> bool:
        return bool(self.host and self.from_address)

    @property
    def account(self) -> str:
        return f"{self.user}@{self.host}:{self.port}"


def load_settings() -> SmtpSettings:
    data = office_settings.read(office_settings.SMTP)
    known = {k: v for k, v in data.items() if k in SmtpSettings.__dataclass_fields__}
    return SmtpSettings(**known)


def validate_settings(s: SmtpSettings) -> None:
    errors = []
    if not s.host.strip():
        errors.append(FieldError("host", "required"))
    elif len(s.host) > 253 or any(c.isspace() for c in s.host.strip()):
        errors.append(FieldError("host", "mail.host_invalid"))
    if not 1 <= int(s.port) <= 65535:
        errors.append(FieldError("port", "mail.port_invalid"))
    if s.security not in SECURITY:
        errors.append(FieldError("security", "invalid_choice"))
    if not s.from_address.strip():
        errors.append(FieldError("from_address", "required"))
    elif not valid_email(s.from_address.strip()):
        errors.append(FieldError("from_address", "party.email_invalid",
                                 {"value": s.from_address}))
    if not 1 <= int(s.timeout) <= 300:
        errors.append(FieldError("timeout", "mail.port_invalid"))
    if errors:
        raise ValidationError(errors)


def keyring_available() -> bool:
    """True when the OS offers a real keyring (not the 'fail' or a plaintext backend)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring install is just "not available"
        return False
    if isinstance(backend, fail.Keyring):
        return False
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return False
    return getattr(backend, "priority", 1) > 0


def save_settings(s: SmtpSettings, password: str | None = None) -> str:
    """Store the settings; the password (when given) in the keyring or for this session only.
    Returns where the password went: ``"keyring"``, ``"session"`` or ``"unchanged"``."""
    context.require(Permission.SETTINGS)
    s.host, s.user = s.host.strip(), s.user.strip()
    s.from_address, s.from_name = s.from_address.strip(), s.from_name.strip()
    s.port, s.timeout = int(s.port), int(s.timeout)
    validate_settings(s)
    office_settings.write(office_settings.SMTP, asdict(s))
    if password is None:
        return "unchanged"
    return store_password(s, password)


def store_password(s: SmtpSettings, password: str) -> str:
    if keyring_available():
        import keyring

        try:
            if password:
                keyring.set_password(KEYRING_SERVICE, s.account, password)
            else:
                try:
                    keyring.delete_password(KEYRING_SERVICE, s.account)
                except Exception:  # noqa: BLE001 - nothing stored
                    pass
            _session_passwords.pop(s.account, None)
            return "keyring"
        except Exception:  # noqa: BLE001 - locked/unavailable keyring: fall back
            pass
    _session_passwords[s.account] = password
    return "session"


def get_password(s: SmtpSettings) -> str | None:
    if s.account in _session_passwords:
        return _session_passwords[s.account]
    if keyring_available():
        import keyring

        try:
            return keyring.get_password(KEYRING_SERVICE, s.account)
        except Exception:  # noqa: BLE001
            return None
    return None


# -- sending ---------------------------------------------------------------------------------
class _Offline(Exception):
    """The server cannot be reached or refuses us: nothing is wrong with the message."""


def connect(s: SmtpSettings, password: str | None) -> smtplib.SMTP:
    try:
        if s.security == "ssl":
            server: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout,
                                                    context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            if s.security == "starttls":
                server.starttls(context=ssl.create_default_context())
        if s.user:
            server.login(s.user, password or "")
        return server
    except (OSError, smtplib.SMTPException) as exc:
        raise _Offline(f"{type(exc).__name__}: {exc}") from exc


def test_connection(s: SmtpSettings, password: str | None) -> None:
    """Connect and sign in; raises MailError with the server's answer."""
    validate_settings(s)
    try:
        server = connect(s, password)
    except _Offline as exc:
        raise MailError(str(exc), code="mail.connect_failed", detail=str(exc)) from exc
    try:
        server.quit()
    except (OSError, smtplib.SMTPException):
        pass


def build_email(message: OutboxMessage, s: SmtpSettings) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = formataddr((s.from_name, s.from_address)) if s.from_name else s.from_address
    mail["To"] = formataddr((message.to_name, message.to_address)) if message.to_name \
        else message.to_address
    mail["Subject"] = message.subject
    mail["Message-ID"] = make_msgid(idstring=message.uuid[:12])
    mail["X-ServiceDesk-Key"] = message.dedup_key
    mail.set_content(message.body)
    if message.attachment:
        name = message.attachment_name or "invito.ics"
        if name.endswith(".ics"):
            mail.add_attachment(bytes(message.attachment), maintype="text", subtype="calendar",
                                filename=name, params={"method": "PUBLISH"})
        else:
            mail.add_attachment(bytes(message.attachment), maintype="application",
                                subtype="octet-stream", filename=name)
    return mail


def backoff(attempts: int, offline: bool = False) -> dt.timedelta:
    minutes = BACKOFF_MINUTES[min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1]
    if offline:
        minutes = min(minutes, OFFLINE_MAX_MINUTES)
    return dt.timedelta(minutes=minutes)


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0  # given up: needs a person
    retry: int = 0  # will be tried again later
    offline: str = ""  # the server could not be reached: why
    errors: list[str] = field(default_factory=list)


def _due_ids(now: dt.datetime, limit: int) -> list[int]:
    return [r[0] for r in OutboxMessage.select(OutboxMessage.id)
            .where(OutboxMessage.channel == "email", OutboxMessage.status == "queued",
                   (OutboxMessage.next_attempt_at.is_null()) | (OutboxMessage.next_attempt_at <= now))
            .order_by(OutboxMessage.id).limit(limit).tuples()]


def _claim(message_id: int, now: dt.datetime) -> bool:
    with OutboxMessage._meta.database.atomic():
        return OutboxMessage.update(status="sending", version=OutboxMessage.version + 1,
                                    updated_at=now, attempts=OutboxMessage.attempts + 1) \
            .where(OutboxMessage.id == message_id, OutboxMessage.status == "queued").execute() == 1


def _finish(message_id: int, **values) -> None:
    values.setdefault("updated_at", clock.now())
    with OutboxMessage._meta.database.atomic():
        OutboxMessage.update(version=OutboxMessage.version + 1, **values) \
            .where(OutboxMessage.id == message_id).execute()


def recover_stuck(now: dt.datetime | None = None) -> int:
    """Messages left ``sending`` by a crash: marked failed (they may have gone out), never
    re-sent automatically."""
    now = now or clock.now()
    with OutboxMessage._meta.database.atomic():
        return OutboxMessage.update(status="failed", last_error="interrupted while sending",
                                    version=OutboxMessage.version + 1, updated_at=now) \
            .where(OutboxMessage.status == "sending",
                   OutboxMessage.updated_at < now - STUCK_AFTER).execute()


def send_due(now: dt.datetime | None = None, *, limit: int = 50,
             connector: Callable[[SmtpSettings, str | None], smtplib.SMTP] | None = None
             ) -> SendResult:
    """Send the e-mails that are due (system work, run by the background sender)."""
    now = now or clock.now()
    result = SendResult()
    s = load_settings()
    if not s.configured:
        result.offline = "not configured"
        return result
    ids = _due_ids(now, limit)
    if not ids:
        return result
    password = get_password(s)
    try:
        server = (connector or connect)(s, password)
    except _Offline as exc:
        _postpone_all(ids, now, str(exc))
        result.offline = str(exc)
        result.retry = len(ids)
        return result
    try:
        for message_id in ids:
            if not _claim(message_id, now):
                continue  # another workstation took it
            message = OutboxMessage.get_by_id(message_id)
            try:
                refused = server.send_message(build_email(message, s))
            except smtplib.SMTPRecipientsRefused as exc:
                _finish(message_id, status="failed", last_error=_describe(exc))
                result.failed += 1
                continue
            except smtplib.SMTPResponseException as exc:
                permanent = 500 <= exc.smtp_code < 600
                _retry_or_fail(message, now, _describe(exc), permanent, result)
                continue
            except (OSError, smtplib.SMTPException) as exc:  # the connection dropped
                _retry_or_fail(message, now, _describe(exc), False, result, offline=True)
                break
            if refused:
                _finish(message_id, status="failed", last_error=_describe(refused),
                        sent_at=clock.now())
                result.failed += 1
            else:
                _finish(message_id, status="sent", sent_at=clock.now(), last_error="")
                result.sent += 1
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            pass
    return result


def _describe(exc: object) -> str:
    text = str(exc)
    return text if len(text) <= 500 else text[:497] + "…"


def _retry_or_fail(message: OutboxMessage, now: dt.datetime, error: str, permanent: bool,
                   result: SendResult, offline: bool = False) -> None:
    attempts = message.attempts
    if permanent or (attempts >= MAX_ATTEMPTS and not offline):
        _finish(message.id, status="failed", last_error=error)
        result.failed += 1
    else:
        _finish(message.id, status="queued", last_error=error,
                next_attempt_at=now + backoff(attempts, offline))
        result.retry += 1
    result.errors.append(error)


def _postpone_all(ids: list[int], now: dt.datetime, error: str) -> None:
    with OutboxMessage._meta.database.atomic():
        for message in OutboxMessage.select().where(OutboxMessage.id.in_(ids),
                                                    OutboxMessage.status == "queued"):
            attempts = message.attempts + 1
            OutboxMessage.update(attempts=attempts, last_error=error,
                                 next_attempt_at=now + backoff(attempts, offline=True),
                                 version=OutboxMessage.version + 1, updated_at=now) \
                .where(OutboxMessage.id == message.id).execute()


# -- the user's actions on the outbox --------------------------------------------------------
def retry_now(message_id: int) -> None:
    """Put a failed (or waiting) e-mail back in the queue for the next round."""
    context.require(Permission.MAINTENANCE_EDIT)
    with OutboxMessage._meta.database.atomic():
        OutboxMessage.update(status="queued", next_attempt_at=None, attempts=0,
                             version=OutboxMessage.version + 1, updated_at=clock.now()) \
            .where(OutboxMessage.id == message_id,
                   OutboxMessage.status.in_(("failed", "queued")),
                   OutboxMessage.channel == "email").execute()


def cancel_message(message_id: int) -> None:
    context.require(Permission.MAINTENANCE_EDIT)
    with OutboxMessage._meta.database.atomic():
        OutboxMessage.update(status="cancelled", version=OutboxMessage.version + 1,
                             updated_at=clock.now()) \
            .where(OutboxMessage.id == message_id,
                   OutboxMessage.status.in_(("failed", "queued"))).execute()


def mark_printed(message_ids: list[int]) -> int:
    """Letters printed (PDF made): recorded as sent."""
    context.require(Permission.MAINTENANCE_EDIT)
    now = clock.now()
    with OutboxMessage._meta.database.atomic():
        return OutboxMessage.update(status="sent", sent_at=now, version=OutboxMessage.version + 1,
                                    updated_at=now) \
            .where(OutboxMessage.id.in_(message_ids), OutboxMessage.channel == "letter",
                   OutboxMessage.status == "queued").execute()


def counts() -> dict[str, int]:
    """Messages per status (for the status-bar badge)."""
    from peewee import fn

    return {status: n for status, n in OutboxMessage.select(OutboxMessage.status,
                                                            fn.COUNT(OutboxMessage.id))
            .group_by(OutboxMessage.status).tuples()}


__all__ = ["SmtpSettings", "MailError", "SendResult", "load_settings", "save_settings",
           "keyring_available", "get_password", "store_password", "test_connection",
           "send_due", "recover_stuck", "retry_now", "cancel_message", "mark_printed", "counts",
           "backoff", "build_email"]
