"""SMTP settings (R-MNT-2): stored in the Setting table, the password never in clear text in the
database — in the OS keyring when one exists, otherwise for this session only."""
from __future__ import annotations

import pytest

from servicedesk.errors import ValidationError
from servicedesk.models import Setting
from servicedesk.services import mailer


def test_settings_round_trip_and_password_not_in_db(db, monkeypatch):
    monkeypatch.setattr(mailer, "keyring_available", lambda: False)
    s = mailer.SmtpSettings(host="smtp.example.it", port=465, security="ssl", user="me",
                            from_address="me@example.it")
    assert mailer.save_settings(s, password="s3cret-pw") == "session"
    assert mailer.load_settings() == s
    assert all("s3cret-pw" not in row.value for row in Setting.select())
    assert mailer.get_password(mailer.load_settings()) == "s3cret-pw"


def test_keyring_used_when_available(db, monkeypatch):
    store: dict[tuple[str, str], str] = {}
    import keyring

    monkeypatch.setattr(mailer, "keyring_available", lambda: True)
    monkeypatch.setattr(keyring, "set_password", lambda s, a, p: store.__setitem__((s, a), p))
    monkeypatch.setattr(keyring, "get_password", lambda s, a: store.get((s, a)))
    mailer._session_passwords.clear()
    s = mailer.SmtpSettings(host="smtp.example.it", user="me", from_address="me@example.it")
    assert mailer.save_settings(s, password="pw") == "keyring"
    assert store == {(mailer.KEYRING_SERVICE, "me@smtp.example.it:587"): "pw"}
    assert mailer.get_password(s) == "pw"


def test_this_machine_has_no_keyring_backend_detected():
    # The container has only keyring's "fail" backend: reported as not available.
    import keyring
    from keyring.backends import fail

    if isinstance(keyring.get_keyring(), fail.Keyring):
        assert mailer.keyring_available() is False


@pytest.mark.parametrize("fields,code", [
    (dict(host="", from_address="a@b.it"), "required"),
    (dict(host="smtp x", from_address="a@b.it"), "mail.host_invalid"),
    (dict(host="h", port=0, from_address="a@b.it"), "mail.port_invalid"),
    (dict(host="h", from_address="nope"), "party.email_invalid"),
    (dict(host="h", security="tls13", from_address="a@b.it"), "invalid_choice"),
])
def test_bad_settings_refused(db, fields, code):
    with pytest.raises(ValidationError) as exc:
        mailer.save_settings(mailer.SmtpSettings(**fields))
    assert exc.value.errors[0].code == code


def test_backoff_grows_and_caps_offline():
    assert [mailer.backoff(n).seconds // 60 for n in (1, 2, 3, 4, 5, 9)] == [1, 5, 15, 60, 240, 240]
    assert mailer.backoff(9, offline=True).seconds // 60 == 60
