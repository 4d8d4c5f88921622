"""All peewee models of the domain, one module per area; ``ALL_MODELS`` in creation order."""
from __future__ import annotations

from .base import AuditLog, BaseModel, MoneyField, Tombstone, database_proxy
from .reference import (ActivityType, IstatIndex, IstatMonth, Priority, ProblemType, Province,
                        SavedFilter, Setting)
from .parties import Contact, Party
from .org import Absence, JobOrder, Operator, Team, WorkingHours
from .products import Product, Unit, UnitOwnership
from .contracts import (Contract, ContractProduct, ContractRenewal, ContractUnit, Instalment,
                        TicketMovement)
from .requests import RequestCounter, RequestEvent, RequestUnit, ServiceRequest
from .interventions import Intervention, WorkLog
from .kb import KbApplication, KbArticle
from .maintenance import MaintenancePlan, OutboxMessage
from .auth import AuthToken

ALL_MODELS = [
    AuditLog, Province, ActivityType, ProblemType, Priority, IstatIndex, IstatMonth, Setting,
    SavedFilter,
    Party, Contact, Team, Operator, WorkingHours, Absence, JobOrder,
    Product, Unit, UnitOwnership,
    Contract, ContractProduct, ContractUnit, Instalment, ContractRenewal,
    RequestCounter, ServiceRequest, RequestUnit, RequestEvent, TicketMovement,
    Intervention, WorkLog, KbArticle, KbApplication, MaintenancePlan, OutboxMessage,
]
ALL_MODELS.append(AuthToken)  # issue 9: remembered sign-ins
ALL_MODELS.append(Tombstone)  # issue 13: deletes leave a tombstone (offline sync)


__all__ = [m.__name__ for m in ALL_MODELS] + ["BaseModel", "MoneyField", "database_proxy",
                                             "ALL_MODELS"]
