"""Frozen entry point for PyInstaller: the same main() as the console script; started as
``servicedesk-admin`` (the link beside it, outside Windows) it is that command instead."""
from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    if Path(sys.argv[0]).name.lower().startswith("servicedesk-admin"):
        from servicedesk.admin.cli import entry
    else:
        from ui.app import entry
    entry()
