"""Translated names of the analysis: column headers, dimensions, measures and code values."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from servicedesk.queries.analysis import lookups


def subject_title(name: str) -> str:
    return {
        "requests": QCoreApplication.translate("Analysis", "Requests"),
        "interventions": QCoreApplication.translate("Analysis", "Interventions"),
        "worklogs": QCoreApplication.translate("Analysis", "Work logs"),
        "contracts": QCoreApplication.translate("Analysis", "Contracts"),
    }[name]


def column_headers() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {
        "number": tr("Analysis", "Number"), "opened_at": tr("Analysis", "Opened"),
        "customer": tr("Analysis", "Customer"), "province": tr("Analysis", "Province"),
        "subject": tr("Analysis", "Subject"), "problem_type": tr("Analysis", "Problem type"),
        "priority": tr("Analysis", "Priority"), "status": tr("Analysis", "Status"),
        "team": tr("Analysis", "Team"), "owner": tr("Analysis", "Owner"),
        "contract": tr("Analysis", "Contract"), "job_order": tr("Analysis", "Job order"),
        "resolution_due": tr("Analysis", "Resolution due"), "closed_at": tr("Analysis", "Closed"),
        "planned_start": tr("Analysis", "Planned start"), "planned_end": tr("Analysis", "Planned end"),
        "planned_hours": tr("Analysis", "Planned hours"),
        "activity_type": tr("Analysis", "Activity type"), "operator": tr("Analysis", "Operator"),
        "request_status": tr("Analysis", "Request status"), "actual_end": tr("Analysis", "Completed"),
        "work_date": tr("Analysis", "Date"), "request": tr("Analysis", "Request"),
        "hours": tr("Analysis", "Hours"), "travel_hours": tr("Analysis", "Travel hours"),
        "km": tr("Analysis", "Km"), "billable": tr("Analysis", "Billable"),
        "notes": tr("Analysis", "Notes"), "party": tr("Analysis", "Party"),
        "title": tr("Analysis", "Title"), "direction": tr("Analysis", "Active/passive"),
        "contract_type": tr("Analysis", "Type"), "signed_on": tr("Analysis", "Signed on"),
        "signed_by": tr("Analysis", "Signed by"), "term_end": tr("Analysis", "Expiry"),
        "renewal_type": tr("Analysis", "Renewal"), "amount": tr("Analysis", "Amount"),
        "tickets_available": tr("Analysis", "Tickets available"),
        "tickets_used": tr("Analysis", "Tickets used"),
        "tickets_remaining": tr("Analysis", "Tickets remaining"),
    }


def dimension_names() -> dict[str, str]:
    tr = QCoreApplication.translate
    names = column_headers()
    names.update({
        "month": tr("Analysis", "Month"), "week": tr("Analysis", "Week"),
        "closed_month": tr("Analysis", "Month closed"),
        "expiry_month": tr("Analysis", "Expiry month"),
        "signed_month": tr("Analysis", "Signing month"),
    })
    return names


def measure_names() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {
        "count": tr("Analysis", "Number"), "hours": tr("Analysis", "Hours"),
        "billable_hours": tr("Analysis", "Billable hours"),
        "travel_hours": tr("Analysis", "Travel hours"),
        "planned_hours": tr("Analysis", "Planned hours"),
        "value": tr("Analysis", "Value"), "tickets_remaining": tr("Analysis", "Tickets remaining"),
    }


def code_maps(lang: str) -> dict[str, dict[Any, str]]:
    """code → words for every code column/dimension (status, priority …)."""
    tr = QCoreApplication.translate
    return {
        "request_status": {
            "new": tr("Analysis", "New"), "assigned": tr("Analysis", "Assigned"),
            "in_progress": tr("Analysis", "In progress"),
            "waiting_customer": tr("Analysis", "Waiting for customer"),
            "waiting_supplier": tr("Analysis", "Waiting for supplier"),
            "resolved": tr("Analysis", "Resolved"), "closed": tr("Analysis", "Closed"),
            "cancelled": tr("Analysis", "Cancelled"),
        },
        "intervention_status": {
            "planned": tr("Analysis", "Planned"), "in_progress": tr("Analysis", "In progress"),
            "done": tr("Analysis", "Done"), "cancelled": tr("Analysis", "Cancelled"),
        },
        "contract_status": {
            "draft": tr("Analysis", "Draft"), "active": tr("Analysis", "Active"),
            "suspended": tr("Analysis", "Suspended"), "expired": tr("Analysis", "Expired"),
            "cancelled": tr("Analysis", "Cancelled"), "closed": tr("Analysis", "Closed"),
        },
        "contract_type": {
            "full_service": tr("Analysis", "Full service"),
            "maintenance": tr("Analysis", "Maintenance"), "tickets": tr("Analysis", "Tickets"),
            "on_call": tr("Analysis", "On call"),
            "warranty_extension": tr("Analysis", "Warranty extension"),
            "rental": tr("Analysis", "Rental"), "supply": tr("Analysis", "Supply"),
        },
        "direction": {"active": tr("Analysis", "Active (customer)"),
                      "passive": tr("Analysis", "Passive (supplier)")},
        "renewal_type": {"tacit": tr("Analysis", "Tacit"), "proposal": tr("Analysis", "On proposal"),
                         "none": tr("Analysis", "Not renewable")},
        "billable": {1: tr("Analysis", "Billable"), 0: tr("Analysis", "Not billable")},
        "priority": lookups.code_names("priority", lang),
        "problem_type": lookups.code_names("problem_type", lang),
        "activity_type": lookups.code_names("activity_type", lang),
    }


def none_label() -> str:
    return QCoreApplication.translate("Analysis", "(none)")


def other_label() -> str:
    return QCoreApplication.translate("Analysis", "Other")
