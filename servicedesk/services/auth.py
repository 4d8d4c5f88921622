"""Sign-in: password hashing (scrypt), lockout after failed attempts, first-run administrator,
and "remember me" tokens (R-X-1, issue 9). The first administrator is created by
``operators.create_first_admin`` (operators needs auth; auth never imports operators).

Password hashes are ``scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>``: the parameters travel with the
hash, so they can be raised later (:func:`needs_rehash`) without breaking old passwords.
Default parameters n=2**14, r=8, p=1 (16 MiB of memory) take about 20-50 ms on an office PC:
slow for an attacker trying a stolen database offline, unnoticeable at sign-in.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from peewee import fn

from .. import clock, context
from ..context import Actor
from ..errors import FieldError, ServiceDeskError, ValidationError
from ..models import AuthToken, Operator
from ..permissions import Role

SCRYPT_N = 2 ** 14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSWORD = 8
MAX_PASSWORD = 200
MAX_ATTEMPTS = 5  # consecutive failures before the account is locked for a while
LOCK_MINUTES = 5
TOKEN_DAYS = 90
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


class SignInError(ServiceDeskError):
    """Sign-in refused. ``code``: auth.invalid (wrong name or password — never says which),
    auth.locked (``until``), auth.inactive, auth.no_password."""

    code = "auth.invalid"


# -- hashing ------------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES,
                          maxmem=256 * 1024 * 1024)


def hash_password(password: str) -> str:
    """A salted scrypt hash of ``password`` with its parameters, for ``Operator.password_hash``."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return None
        return int(n), int(r), int(p), base64.b64decode(salt), base64.b64decode(key)
    except (ValueError, TypeError):
        return None


_DUMMY = None


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; the comparison takes constant time."""
    parsed = _parse(stored or "")
    if parsed is None:
        _burn(password)
        return False
    n, r, p, salt, key = parsed
    try:
        candidate = _scrypt(password, salt, n, r, p)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, key)


def _burn(password: str) -> None:
    """Spend the time of a real check, so an unknown user name is not revealed by timing."""
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password("not a password")
    n, r, p, salt, key = _parse(_DUMMY)  # type: ignore[misc]
    hmac.compare_digest(_scrypt(password, salt, n, r, p), key)


def needs_rehash(stored: str) -> bool:
    parsed = _parse(stored or "")
    return parsed is None or parsed[:3] != (SCRYPT_N, SCRYPT_R, SCRYPT_P)


def password_problems(password: str, *, field: str = "password") -> list[FieldError]:
    """Validation of a new password (length only: long passphrases beat composition rules)."""
    if not password:
        return [FieldError(field, "required")]
    if len(password) < MIN_PASSWORD:
        return [FieldError(field, "auth.password_short", {"min": MIN_PASSWORD})]
    if len(password) > MAX_PASSWORD:
        return [FieldError(field, "too_long", {"max": MAX_PASSWORD})]
    return []


# -- sign-in ------------------------------------------------------------------------------
def actor_for(operator: Operator) -> Actor:
    return Actor(operator_id=operator.id, role=Role(operator.role), name=operator.full_name)


def actor_of(operator_id: int) -> Actor | None:
    """The actor for the stored operator (after an edit of oneself), None when gone."""
    op = Operator.get_or_none(Operator.id == operator_id)
    return actor_for(op) if op is not None else None


def needs_first_admin() -> bool:
    """True on first run: no active administrator who can sign in exists yet. Never in an
    offline pack: only its technician signs in there (#16)."""
    from ..packs.identity import is_pack

    if is_pack():
        return False
    return not (Operator.select().where(Operator.active == True, Operator.role == Role.ADMIN.value,  # noqa: E712
                                        Operator.password_hash != "").exists())


def sign_in(username: str, password: str) -> Actor:
    """Check the credentials; returns the :class:`Actor` to act as, or raises SignInError.

    After ``MAX_ATTEMPTS`` consecutive failures the account is locked for ``LOCK_MINUTES``.
    """
    name = (username or "").strip().lower()
    # case-insensitive: "P.ferrara" typed as "p.ferrara" is the same person
    op = Operator.get_or_none(fn.LOWER(Operator.username) == name) if name else None
    now = clock.now()
    if op is None:
        _burn(password or "")
        raise SignInError("unknown user", code="auth.invalid")
    if op.locked_until is not None and op.locked_until > now:
        _burn(password or "")
        raise SignInError("locked", code="auth.locked", until=op.locked_until)
    if not op.password_hash:
        raise SignInError("no password", code="auth.no_password", username=op.username)
    if not verify_password(password or "", op.password_hash):
        _record_failure(op, now)
        raise SignInError("wrong password", code="auth.invalid")
    if not op.active:
        raise SignInError("inactive", code="auth.inactive", username=op.username)
    values = {Operator.failed_logins: 0, Operator.locked_until: None, Operator.last_login_at: now}
    if needs_rehash(op.password_hash):
        values[Operator.password_hash] = hash_password(password)
    with Operator._meta.database.atomic():
        Operator.update(values).where(Operator.id == op.id).execute()
    return actor_for(op)


def _record_failure(op: Operator, now: dt.datetime) -> None:
    # Counted in SQL (not read-modify-write) so failures on two workstations both count.
    with Operator._meta.database.atomic():
        Operator.update(failed_logins=Operator.failed_logins + 1).where(Operator.id == op.id).execute()
        failures = Operator.select(Operator.failed_logins).where(Operator.id == op.id).scalar()
        if failures >= MAX_ATTEMPTS:
            Operator.update(failed_logins=0, locked_until=now + dt.timedelta(minutes=LOCK_MINUTES)) \
                .where(Operator.id == op.id).execute()


# -- remember me --------------------------------------------------------------------------
@dataclass(frozen=True)
class RememberedToken:
    """What the workstation keeps: ``text`` = "<token uuid>.<secret>" (never stored in the DB)."""

    text: str
    token_id: int


def _token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def remember(actor: Actor, label: str = "", days: int = TOKEN_DAYS) -> RememberedToken:
    """Issue a token that signs ``actor`` in on this workstation without a password."""
    if actor.operator_id is None:
        raise ValidationError(FieldError("operator", "required"))
    secret = secrets.token_urlsafe(32)
    with AuthToken._meta.database.atomic():
        token = AuthToken.create(operator=actor.operator_id, token_hash=_token_hash(secret),
                                 label=(label or "")[:120],
                                 expires_at=clock.now() + dt.timedelta(days=days))
    return RememberedToken(f"{token.uuid}.{secret}", token.id)


def sign_in_with_token(text: str) -> Actor | None:
    """The operator a remembered token stands for, or None (unknown, revoked, expired,
    operator inactive or locked)."""
    if not text or "." not in text:
        return None
    selector, _, secret = text.partition(".")
    token = AuthToken.get_or_none(AuthToken.uuid == selector)
    if token is None or token.revoked:
        _burn_hash(secret)
        return None
    if not hmac.compare_digest(_token_hash(secret), token.token_hash):
        return None
    now = clock.now()
    if token.expires_at <= now:
        return None
    op = Operator.get_or_none(Operator.id == token.operator_id)
    if op is None or not op.active or not op.password_hash:
        return None
    if op.locked_until is not None and op.locked_until > now:
        return None
    with AuthToken._meta.database.atomic():
        AuthToken.update(last_used_at=now).where(AuthToken.id == token.id).execute()
        Operator.update(last_login_at=now).where(Operator.id == op.id).execute()
    return actor_for(op)


def _burn_hash(secret: str) -> None:
    hmac.compare_digest(_token_hash(secret), "0" * 64)


def forget(text: str) -> None:
    """Revoke the token of this workstation (sign out)."""
    selector = (text or "").partition(".")[0]
    if selector:
        with AuthToken._meta.database.atomic():
            AuthToken.update(revoked=True).where(AuthToken.uuid == selector).execute()


def revoke_tokens(operator_id: int) -> int:
    """Revoke every remembered sign-in of an operator (password reset, deactivation, admin)."""
    with AuthToken._meta.database.atomic():
        return AuthToken.update(revoked=True).where(AuthToken.operator == operator_id,
                                                    AuthToken.revoked == False).execute()  # noqa: E712


def active_tokens(operator_id: int) -> list[AuthToken]:
    return list(AuthToken.select().where(AuthToken.operator == operator_id,
                                         AuthToken.revoked == False,  # noqa: E712
                                         AuthToken.expires_at > clock.now())
                .order_by(AuthToken.created_at.desc()))
