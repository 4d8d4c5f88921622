"""Demo operators sign in with the documented password (README: demo / R-X-1)."""
from __future__ import annotations

import pytest

from servicedesk.errors import ServiceDeskError
from servicedesk.permissions import Role
from servicedesk.services import auth


def test_demo_admin_signs_in_with_demo_password(demo_db):
    assert not auth.needs_first_admin()
    actor = auth.sign_in("admin", "demo")
    assert actor.role == Role.ADMIN
    with pytest.raises(ServiceDeskError):
        auth.sign_in("admin", "wrong")
