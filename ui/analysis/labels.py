"""Translated names of the analysis: column headers, dimensions, measures and code values."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from servicedesk.queries.lookups import Lookups


def subject_title(name: str) -> str:
    return {
        "requests": QCoreApplication.translate("Analysis", "Requests"),
        "interventions": QCoreApplication.translate("Analysis", "Interventions"),
        "worklogs": QCoreApplication.translate("Analysis", "Work logs"),
        "contracts": QCoreApplication.translate("Analysis", "Contracts"),
    }[name]


def column_headers() -> dict[str, str]:
    return {
        "number": QCoreApplication.translate("Analysis", "Number"), "opened_at": QCoreApplication.translate("Analysis", "Opened"),
        "customer": QCoreApplication.translate("Analysis", "Customer"), "province": QCoreApplication.translate("Analysis", "Province"),
        "subject": QCoreApplication.translate("Analysis", "Subject"), "problem_type": QCoreApplication.translate("Analysis", "Problem type"),
        "priority": QCoreApplication.translate("Analysis", "Priority"), "status": QCoreApplication.translate("Analysis", "Status"),
        "team": QCoreApplication.translate("Analysis", "Team"), "owner": QCoreApplication.translate("Analysis", "Owner"),
        "contract": QCoreApplication.translate("Analysis", "Contract"), "job_order": QCoreApplication.translate("Analysis", "Job order"),
        "resolution_due": QCoreApplication.translate("Analysis", "Resolution due"), "closed_at": QCoreApplication.translate("Analysis", "Closed"),
        "planned_start": QCoreApplication.translate("Analysis", "Planned start"), "planned_end": QCoreApplication.translate("Analysis", "Planned end"),
        "planned_hours": QCoreApplication.translate("Analysis", "Planned hours"),
        "activity_type": QCoreApplication.translate("Analysis", "Activity type"), "operator": QCoreApplication.translate("Analysis", "Operator"),
        "request_status": QCoreApplication.translate("Analysis", "Request status"), "actual_end": QCoreApplication.translate("Analysis", "Completed"),
        "work_date": QCoreApplication.translate("Analysis", "Date"), "request": QCoreApplication.translate("Analysis", "Request"),
        "hours": QCoreApplication.translate("Analysis", "Hours"), "travel_hours": QCoreApplication.translate("Analysis", "Travel hours"),
        "km": QCoreApplication.translate("Analysis", "Km"), "billable": QCoreApplication.translate("Analysis", "Billable"),
        "notes": QCoreApplication.translate("Analysis", "Notes"), "party": QCoreApplication.translate("Analysis", "Party"),
        "title": QCoreApplication.translate("Analysis", "Title"), "direction": QCoreApplication.translate("Analysis", "Active/passive"),
        "contract_type": QCoreApplication.translate("Analysis", "Type"), "signed_on": QCoreApplication.translate("Analysis", "Signed on"),
        "signed_by": QCoreApplication.translate("Analysis", "Signed by"), "term_end": QCoreApplication.translate("Analysis", "Expiry"),
        "renewal_type": QCoreApplication.translate("Analysis", "Renewal"), "amount": QCoreApplication.translate("Analysis", "Amount"),
        "tickets_available": QCoreApplication.translate("Analysis", "Tickets available"),
        "tickets_used": QCoreApplication.translate("Analysis", "Tickets used"),
        "tickets_remaining": QCoreApplication.translate("Analysis", "Tickets remaining"),
    }


def dimension_names() -> dict[str, str]:
    names = column_headers()
    names.update({
        "month": QCoreApplication.translate("Analysis", "Month"), "week": QCoreApplication.translate("Analysis", "Week"),
        "closed_month": QCoreApplication.translate("Analysis", "Month closed"),
        "expiry_month": QCoreApplication.translate("Analysis", "Expiry month"),
        "signed_month": QCoreApplication.translate("Analysis", "Signing month"),
    })
    return names


def measure_names() -> dict[str, str]:
    return {
        "count": QCoreApplication.translate("Analysis", "Count"), "hours": QCoreApplication.translate("Analysis", "Hours"),
        "billable_hours": QCoreApplication.translate("Analysis", "Billable hours"),
        "travel_hours": QCoreApplication.translate("Analysis", "Travel hours"),
        "planned_hours": QCoreApplication.translate("Analysis", "Planned hours"),
        "value": QCoreApplication.translate("Analysis", "Value"), "tickets_remaining": QCoreApplication.translate("Analysis", "Tickets remaining"),
    }


def code_maps(lang: str, snapshot: "Lookups") -> dict[str, dict[Any, str]]:
    """code → words for every code column/dimension (status, priority …); the reference
    tables' names from the UI's lookups snapshot (no query on the GUI thread)."""
    return {
        "request_status": {
            "new": QCoreApplication.translate("Analysis", "New"), "assigned": QCoreApplication.translate("Analysis", "Assigned"),
            "in_progress": QCoreApplication.translate("Analysis", "In progress"),
            "waiting_customer": QCoreApplication.translate("Analysis", "Waiting for customer"),
            "waiting_supplier": QCoreApplication.translate("Analysis", "Waiting for supplier"),
            "resolved": QCoreApplication.translate("Analysis", "Resolved"), "closed": QCoreApplication.translate("Analysis", "Closed"),
            "cancelled": QCoreApplication.translate("Analysis", "Cancelled"),
        },
        "intervention_status": {
            "planned": QCoreApplication.translate("Analysis", "Planned"), "in_progress": QCoreApplication.translate("Analysis", "In progress"),
            "done": QCoreApplication.translate("Analysis", "Done"), "cancelled": QCoreApplication.translate("Analysis", "Cancelled"),
        },
        "contract_status": {
            "draft": QCoreApplication.translate("Analysis", "Draft"), "active": QCoreApplication.translate("Analysis", "Active"),
            "suspended": QCoreApplication.translate("Analysis", "Suspended"), "expired": QCoreApplication.translate("Analysis", "Expired"),
            "cancelled": QCoreApplication.translate("Analysis", "Cancelled"), "closed": QCoreApplication.translate("Analysis", "Closed"),
        },
        "contract_type": {
            "full_service": QCoreApplication.translate("Analysis", "Full service"),
            "maintenance": QCoreApplication.translate("Analysis", "Maintenance"), "tickets": QCoreApplication.translate("Analysis", "Tickets"),
            "on_call": QCoreApplication.translate("Analysis", "On call"),
            "software_support": QCoreApplication.translate("Analysis", "Software support"),
            "warranty_extension": QCoreApplication.translate("Analysis", "Warranty extension"),
            "rental": QCoreApplication.translate("Analysis", "Rental"), "supply": QCoreApplication.translate("Analysis", "Supply"),
        },
        "direction": {"active": QCoreApplication.translate("Analysis", "Active (customer)"),
                      "passive": QCoreApplication.translate("Analysis", "Passive (supplier)")},
        "renewal_type": {"tacit": QCoreApplication.translate("Analysis", "Tacit"), "proposal": QCoreApplication.translate("Analysis", "On proposal"),
                         "none": QCoreApplication.translate("Analysis", "Not renewable")},
        "billable": {1: QCoreApplication.translate("Analysis", "Billable"), 0: QCoreApplication.translate("Analysis", "Not billable")},
        "priority": {p.code: p.name(lang) for p in snapshot.priorities},
        "problem_type": {p.code: p.name(lang) for p in snapshot.problem_types},
        "activity_type": {a.code: a.name(lang) for a in snapshot.activity_types},
    }


def none_label() -> str:
    return QCoreApplication.translate("Analysis", "(none)")


def other_label() -> str:
    return QCoreApplication.translate("Analysis", "Other")
