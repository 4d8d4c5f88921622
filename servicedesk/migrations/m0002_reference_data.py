"""Shipped reference data: provinces, activity and problem types, priorities, ISTAT FOI."""
from __future__ import annotations

from ..reference_data import load_reference_data


def up(db) -> None:
    load_reference_data()
