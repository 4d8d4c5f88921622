"""The office's settings kept in the database, declared in one place (#13).

Every setting shared by the workstations of an office — a row of the ``setting`` table, its value
JSON text — is declared here once, with its type, its default and what it means, as Picard's
``options.py`` declares its options; every reader and writer goes through :func:`read` and
:func:`write` (a test fails when a module touches the ``setting`` table itself). A value that is
missing, unreadable or of the wrong type reads as the default: a damaged or older row never stops
the app. The settings of one workstation (window layout, last folders) are Qt settings, declared
in ``ui/settings.py``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

SCOPE = "database"  # shared by every workstation of the office


@dataclass(frozen=True)
class DbSetting:
    key: str
    kind: tuple[type, ...]  # accepted JSON types (bool is not an int here)
    default: Any
    doc: str
    valid: Callable[[Any], bool] | None = None
    scope: str = SCOPE

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool) and bool not in self.kind:
            return False
        return isinstance(value, self.kind) and (self.valid is None or self.valid(value))


REGISTRY: dict[str, DbSetting] = {}


def declare(key: str, kind: type | tuple[type, ...], default: Any, doc: str, *,
            valid: Callable[[Any], bool] | None = None) -> DbSetting:
    if key in REGISTRY:
        raise ValueError(f"setting {key!r} declared twice")
    setting = DbSetting(key, kind if isinstance(kind, tuple) else (kind,), default, doc, valid)
    REGISTRY[key] = setting
    return setting


# -- the declarations ------------------------------------------------------------------------------
CONTRACT_ALERT_DAYS = declare(
    "contracts.alert_days", int, 60, "How many days ahead the notice and expiry alerts look.",
    valid=lambda v: 1 <= v <= 3650)
CONTRACT_PROPOSAL_DAYS = declare(
    "contracts.proposal_days", (int, type(None)), None,
    "The office's default lead of renewal proposals in days (None: each contract's notice).",
    valid=lambda v: v is None or 0 <= v <= 3650)
REQUEST_FOLLOWS_WORK = declare(
    "requests.follow_work", bool, True,
    "Scheduling a technician assigns a new request to him.")
NOTICE_SENDER = declare(
    "notices.sender", dict, {},
    "Who writes to customers: company, phone, e-mail, city, language, arrival window.")
SMTP = declare(
    "smtp", dict, {}, "The outgoing mail server (host, port, security, user, sender); the "
    "password lives in the keyring.")
BACKUP = declare(
    "backup.settings", dict, {}, "Automatic backups: folder, daily and weekly copies kept, on/off.")


# -- reading and writing ---------------------------------------------------------------------------
def _setting(key: str | DbSetting) -> DbSetting:
    if isinstance(key, DbSetting):
        return key
    try:
        return REGISTRY[key]
    except KeyError:
        raise KeyError(f"setting {key!r} is not declared in servicedesk/settings.py") from None


def read(key: str | DbSetting) -> Any:
    """The stored value, or the default when it is missing, unreadable or not acceptable."""
    from .models import Setting

    setting = _setting(key)
    row = Setting.get_or_none(Setting.key == setting.key)
    if row is None or not row.value:
        return _copy(setting.default)
    try:
        value = json.loads(row.value)
    except ValueError:
        return _copy(setting.default)
    return value if setting.accepts(value) else _copy(setting.default)


def write(key: str | DbSetting, value: Any) -> bool:
    """Store ``value`` (inside the caller's unit of work, else in a transaction of its own);
    False when it was already stored. Permission checks are the caller's (each service knows
    who may change what)."""
    from .models import Setting

    setting = _setting(key)
    if not setting.accepts(value):
        raise TypeError(f"{value!r} is not a valid value of setting {setting.key!r}")
    text = json.dumps(value, sort_keys=True)
    with Setting._meta.database.atomic():
        row = Setting.get_or_none(Setting.key == setting.key)
        if row is None:
            Setting.create(key=setting.key, value=text)
            return True
        if row.value == text:
            return False
        row.value = text
        row.save()
    return True


def _copy(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value
