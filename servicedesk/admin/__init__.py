"""``servicedesk-admin``: the office administrator's command line."""
from __future__ import annotations
