"""Sign-in, password hashing, lockout, first-run administrator and "remember me" (R-X-1)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import clock, context
from servicedesk.errors import PermissionDenied, ValidationError
from servicedesk.models import AuthToken, Operator
from servicedesk.permissions import Role
from servicedesk.services import auth, operators


def make_admin(username="anna", password="correct horse") -> Operator:
    operators.create_first_admin(username, "Anna Bianchi", password, password_again=password)
    return Operator.get(Operator.username == username)


def test_hash_is_salted_scrypt_and_verifies():
    """R-X-1: no plain text; per-user salt; parameters stored with the hash."""
    a, b = auth.hash_password("segreto123"), auth.hash_password("segreto123")
    assert a != b and a.startswith("scrypt$16384$8$1$")
    assert "segreto123" not in a
    assert auth.verify_password("segreto123", a)
    assert not auth.verify_password("segreto124", a)
    assert not auth.verify_password("x", "") and not auth.verify_password("x", "garbage$1")
    assert not auth.needs_rehash(a)
    assert auth.needs_rehash("scrypt$1024$8$1$AAAA$BBBB")


def test_first_run_creates_administrator_and_only_once(db):
    assert auth.needs_first_admin()
    with pytest.raises(ValidationError) as info:
        operators.create_first_admin("Anna", "", "short", password_again="shorter")
    codes = {e.code for e in info.value.errors}
    assert {"required", "auth.password_short"} <= codes
    actor = operators.create_first_admin("Anna", "Anna Bianchi", "correct horse", password_again="correct horse")
    assert actor.role == Role.ADMIN and actor.name == "Anna Bianchi"
    op = Operator.get(Operator.username == "anna")  # user names are lower-cased
    assert op.password_hash.startswith("scrypt$") and "correct horse" not in op.password_hash
    assert not auth.needs_first_admin()
    with pytest.raises(auth.SignInError) as again:
        operators.create_first_admin("bob", "Bob", "correct horse")
    assert again.value.code == "auth.admin_exists"


def test_sign_in_success_and_generic_failure(db):
    make_admin()
    actor = auth.sign_in(" ANNA ", "correct horse")
    assert actor.operator_id is not None and actor.role == Role.ADMIN
    assert Operator.get(Operator.username == "anna").last_login_at is not None
    for name, pw in [("anna", "wrong"), ("nobody", "correct horse"), ("", "")]:
        with pytest.raises(auth.SignInError) as info:
            auth.sign_in(name, pw)
        assert info.value.code == "auth.invalid"  # never says which of the two was wrong


def test_lockout_after_repeated_failures_then_unlocks(db):
    make_admin()
    clock.freeze(dt.datetime(2026, 3, 2, 9, 0))
    for _ in range(auth.MAX_ATTEMPTS):
        with pytest.raises(auth.SignInError):
            auth.sign_in("anna", "nope")
    with pytest.raises(auth.SignInError) as info:
        auth.sign_in("anna", "correct horse")  # even the right password waits
    assert info.value.code == "auth.locked"
    assert info.value.params["until"] == dt.datetime(2026, 3, 2, 9, 0) + dt.timedelta(minutes=auth.LOCK_MINUTES)
    clock.freeze(dt.datetime(2026, 3, 2, 9, auth.LOCK_MINUTES + 1))
    assert auth.sign_in("anna", "correct horse").name == "Anna Bianchi"
    assert Operator.get(Operator.username == "anna").failed_logins == 0


def test_inactive_and_passwordless_operators_cannot_sign_in(db):
    admin = make_admin()
    with context.acting_as(auth.actor_for(admin)):
        tech = operators.create_operator(username="luca", full_name="Luca Verdi", role="technician",
                                         password="pass word 1")
        operators.update_operator(tech, active=False)
    with pytest.raises(auth.SignInError) as info:
        auth.sign_in("luca", "pass word 1")
    assert info.value.code == "auth.inactive"
    Operator.create(username="nopw", full_name="No Password")
    with pytest.raises(auth.SignInError) as info:
        auth.sign_in("nopw", "")
    assert info.value.code == "auth.no_password"


def test_remember_me_token_hash_only_and_revocable(db):
    admin = make_admin()
    actor = auth.sign_in("anna", "correct horse")
    token = auth.remember(actor, label="laptop-anna")
    row = AuthToken.get_by_id(token.token_id)
    secret = token.text.split(".", 1)[1]
    assert secret not in row.token_hash and len(row.token_hash) == 64
    assert auth.sign_in_with_token(token.text).operator_id == admin.id
    assert auth.sign_in_with_token(token.text[:-2] + "xx") is None  # tampered
    assert auth.sign_in_with_token("nonsense") is None
    auth.forget(token.text)
    assert auth.sign_in_with_token(token.text) is None


def test_token_expires_and_password_reset_revokes_tokens(db):
    admin = make_admin()
    actor = auth.actor_for(admin)
    clock.freeze(dt.datetime(2026, 1, 1, 8, 0))
    short = auth.remember(actor, days=1)
    longer = auth.remember(actor)
    clock.freeze(dt.datetime(2026, 1, 3, 8, 0))
    assert auth.sign_in_with_token(short.text) is None
    assert auth.sign_in_with_token(longer.text) is not None
    with context.acting_as(actor):
        operators.reset_password(admin, "another secret", "another secret")
    assert auth.sign_in_with_token(longer.text) is None
    assert auth.sign_in("anna", "another secret").operator_id == admin.id


def test_change_own_password_needs_the_old_one(db):
    admin = make_admin()
    with context.acting_as(auth.actor_for(admin)):
        with pytest.raises(ValidationError) as info:
            operators.change_own_password("wrong", "new secret 1", "new secret 1")
        assert info.value.errors[0].code == "auth.wrong_password"
        with pytest.raises(ValidationError) as info:
            operators.change_own_password("correct horse", "new secret 1", "new secret 2")
        assert info.value.errors[0].code == "auth.password_mismatch"
        operators.change_own_password("correct horse", "new secret 1", "new secret 1")
    assert auth.sign_in("anna", "new secret 1")


def test_technician_cannot_administer_operators(db):
    make_admin()
    tech_actor = context.Actor(operator_id=99, role=Role.TECHNICIAN, name="Tech")
    with context.acting_as(tech_actor), pytest.raises(PermissionDenied):
        operators.create_operator(username="eve", full_name="Eve", role="admin", password="12345678")
