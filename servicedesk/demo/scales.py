"""The two sizes of demo office: how many of everything, and its teams."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TeamSpec:
    name: str
    color: str
    families: tuple[str, ...]
    region: str | None  # "ne" (north-east), "other", or None for everywhere
    technicians: int
    staff: tuple[str, ...] = ()  # coordinator / manager members of the team


@dataclass(frozen=True)
class Scale:
    customers: int
    suppliers: int
    products: int
    units: int
    contracts: int
    requests: int
    interventions: int
    work_logs: int
    kb_articles: int
    maintenance_plans: int
    job_orders: int
    open_requests: int
    teams: tuple[TeamSpec, ...]


_FIELD = ("printers", "pos", "ups")
SCALES: dict[str, Scale] = {
    "small": Scale(
        customers=150, suppliers=10, products=60, units=400, contracts=80, requests=1500,
        interventions=2500, work_logs=5000, kb_articles=300, maintenance_plans=200, job_orders=40,
        open_requests=220, teams=(
            TeamSpec("Assistenza Milano", "#2563eb", _FIELD, None, 4, ("coordinator",)),
            TeamSpec("Help desk remoto", "#8b5cf6", ("software", "servers"), None, 2, ("manager",)),
            TeamSpec("Tecnici Nord-Est", "#10b981", ("boilers", "hvac", "plc"), None, 4),
        )),
    "large": Scale(
        customers=20_000, suppliers=60, products=10_000, units=60_000, contracts=10_000,
        requests=200_000, interventions=400_000, work_logs=1_000_000, kb_articles=10_000,
        maintenance_plans=5_000, job_orders=3_000, open_requests=3_500, teams=(
            TeamSpec("Assistenza Milano", "#2563eb", _FIELD, "other", 10, ("coordinator",)),
            TeamSpec("Tecnici Nord-Est", "#0ea5e9", _FIELD, "ne", 5, ("coordinator",)),
            TeamSpec("Help desk remoto", "#8b5cf6", ("software", "servers"), None, 5, ("manager",)),
            TeamSpec("Climatizzazione", "#06b6d4", ("hvac",), None, 6, ("coordinator",)),
            TeamSpec("Automazione", "#f59e0b", ("plc",), None, 3, ("manager",)),
            TeamSpec("Caldaie", "#ef4444", ("boilers",), None, 6),
        )),
}
