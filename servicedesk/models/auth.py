"""Remembered sign-ins: a random token per workstation, only its hash stored here (issue 9)."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel
from .org import Operator


class AuthToken(BaseModel):
    """"Remember me" on a personal laptop. The secret lives in the user's settings file; the
    database keeps its SHA-256, so a copy of the database cannot be used to sign in."""

    operator = pw.ForeignKeyField(Operator, backref="auth_tokens", on_delete="CASCADE")
    token_hash = pw.CharField(max_length=64)
    label = pw.CharField(max_length=120, default="")  # the workstation that asked for it
    expires_at = pw.DateTimeField()
    last_used_at = pw.DateTimeField(null=True)
    revoked = pw.BooleanField(default=False)

    class Meta:
        unversioned = frozenset({"last_used_at"})
