"""The customer's signature on an intervention (R-X-7)."""
from __future__ import annotations

import pytest

from servicedesk import context
from servicedesk.errors import ConflictError, PermissionDenied, ValidationError
from servicedesk.models import AuditLog, Intervention, Operator
from servicedesk.permissions import Role
from servicedesk.services import interventions, signatures

from .pack_helpers import T0, build_office

STROKES = [[(10.0, 200.0), (80.5, 150.0), (150.0, 190.0)], [(300.0, 100.0), (320.0, 120.0)]]


@pytest.fixture
def office(tmp_path):
    office = build_office(tmp_path, requests=1)
    yield office
    office.db.close()


def test_path_data_round_trip():
    path = signatures.to_path(STROKES)
    assert path.startswith("M10.0 200.0 L80.5 150.0")
    assert signatures.strokes(path) == STROKES


def test_the_technician_signs_his_intervention_and_it_is_audited(office):
    iv = Intervention.get_by_id(office.intervention_ids[0])
    tech = Operator.get_by_id(office.tech_id)
    context.set_actor(context.Actor(tech.id, Role.TECHNICIAN, tech.full_name))
    with pytest.raises(ValidationError) as info:  # planned: not yet
        signatures.sign(iv.id, signer_name="Mario Rossi", path=signatures.to_path(STROKES))
    assert info.value.errors[0].code == "signatures.not_signable"
    interventions.start(iv, at=T0)
    with pytest.raises(ValidationError) as info:
        signatures.sign(iv.id, signer_name=" ", path="M1 1")
    assert {e.code for e in info.value.errors} == {"required", "signatures.empty"}
    with pytest.raises(ValidationError) as info:
        signatures.sign(iv.id, signer_name="X", path="M1 1 L2 2 L9000 5")
    assert info.value.errors[0].code == "signatures.outside"
    with pytest.raises(ConflictError):
        signatures.sign(iv.id, signer_name="X", path=signatures.to_path(STROKES), version=1)
    stored = signatures.sign(iv.id, signer_name="Mario Rossi", path=signatures.to_path(STROKES),
                             version=Intervention.get_by_id(iv.id).version)
    assert (stored.signer_name, signatures.strokes(stored.signature)) == ("Mario Rossi", STROKES)
    assert signatures.signature_of(iv.id)[1] == "Mario Rossi"
    assert AuditLog.select().where(AuditLog.field == "signer_name",
                                   AuditLog.operator_id == tech.id).exists()


def test_another_technician_cannot_sign_it(office):
    iv = Intervention.get_by_id(office.intervention_ids[0])
    interventions.start(iv, at=T0)
    other = Operator.create(username="altro", full_name="Altro Tecnico", role="technician")
    context.set_actor(context.Actor(other.id, Role.TECHNICIAN, other.full_name))
    with pytest.raises(PermissionDenied):
        signatures.sign(iv.id, signer_name="X", path=signatures.to_path(STROKES))
