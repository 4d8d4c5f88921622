"""Frozen entry point for PyInstaller: the same main() as the console script."""
from __future__ import annotations

import sys

from ui.app import entry

if __name__ == "__main__":
    entry()
