"""Saved filters (issue 7): name and reuse a filter set per subject, own or shared, with the
optimistic lock of a concurrent edit from another workstation."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import context
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from servicedesk.models import Operator, SavedFilter
from servicedesk.permissions import Role
from servicedesk.queries import analysis as A
from servicedesk.services import saved_filters as sf


@pytest.fixture
def people(db):
    a = Operator.create(username="anna", full_name="Anna")
    b = Operator.create(username="bruno", full_name="Bruno")
    return (Actor(a.id, Role.COORDINATOR, "Anna"), Actor(b.id, Role.TECHNICIAN, "Bruno"))


def test_save_list_load_round_trip(people):
    anna, bruno = people
    spec = A.RequestSpec(provinces=("MI",), priorities=("critical",),
                         opened_from=dt.date(2026, 1, 1))
    with context.acting_as(anna):
        mine = sf.save("requests", "  Critiche   Milano ", spec)
        shared = sf.save("requests", "Tutte aperte", A.RequestSpec(statuses=("new",)), shared=True)
        sf.save("worklogs", "Mie ore", A.WorkLogSpec(operator_ids=(anna.operator_id,)))
        names = [f.name for f in sf.list_filters("requests")]
        assert names == ["Critiche Milano", "Tutte aperte"]
        info, loaded = sf.load(mine.id)
        assert loaded == spec and info.mine and not info.shared
    with context.acting_as(bruno):
        assert [f.name for f in sf.list_filters("requests")] == ["Tutte aperte"]
        with pytest.raises(NotFound):
            sf.load(mine.id)  # private to Anna
        assert sf.load(shared.id)[1] == A.RequestSpec(statuses=("new",))


def test_names_are_required_unique_and_bounded(people):
    anna, _ = people
    with context.acting_as(anna):
        with pytest.raises(ValidationError) as err:
            sf.save("requests", "   ", A.RequestSpec())
        assert err.value.errors[0].code == "required"
        with pytest.raises(ValidationError) as err:
            sf.save("requests", "x" * 101, A.RequestSpec())
        assert err.value.errors[0].code == "too_long"
        sf.save("requests", "Uno", A.RequestSpec())
        with pytest.raises(ValidationError) as err:
            sf.save("requests", "Uno", A.RequestSpec(statuses=("new",)))
        assert err.value.errors[0].code == "saved_filter.name_taken"
        with pytest.raises(ValidationError):
            sf.save("requests", "Bad", A.RequestSpec(opened_from=dt.date(2026, 2, 1),
                                                     opened_to=dt.date(2026, 1, 1)))
        with pytest.raises(ValidationError):
            sf.save("nope", "x", A.RequestSpec())
        with pytest.raises(ValidationError):
            sf.save("contracts", "wrong spec", A.RequestSpec())


def test_overwrite_conflicts_when_changed_elsewhere(people):
    anna, bruno = people
    with context.acting_as(anna):
        info = sf.save("contracts", "Scadenze", A.ContractSpec(tickets="with"), shared=True)
    with context.acting_as(bruno):  # another workstation overwrites the shared filter
        sf.save("contracts", "Scadenze", A.ContractSpec(tickets="without"), shared=True,
                replace_id=info.id, expected_version=info.version)
    with context.acting_as(anna):
        with pytest.raises(ConflictError):
            sf.save("contracts", "Scadenze", A.ContractSpec(statuses=("active",)), shared=True,
                    replace_id=info.id, expected_version=info.version)
        assert sf.load(info.id)[1] == A.ContractSpec(tickets="without")  # nothing lost
        with pytest.raises(ConflictError):
            sf.delete(info.id, expected_version=info.version)
        fresh = sf.load(info.id)[0]
        sf.delete(fresh.id, expected_version=fresh.version)
        assert SavedFilter.select().count() == 0
        sf.delete(fresh.id)  # deleting twice is harmless


def test_private_filters_belong_to_their_owner(people):
    anna, bruno = people
    with context.acting_as(anna):
        info = sf.save("requests", "Mio", A.RequestSpec())
    with context.acting_as(bruno):
        with pytest.raises(PermissionDenied):
            sf.delete(info.id)
        with pytest.raises(PermissionDenied):
            sf.save("requests", "Mio", A.RequestSpec(), replace_id=info.id)
