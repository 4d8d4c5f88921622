"""Frozen entry point of ``servicedesk-admin`` (a console program next to the app, #19)."""
from __future__ import annotations

from servicedesk.admin.cli import entry

if __name__ == "__main__":
    entry()
