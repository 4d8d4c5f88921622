"""Where things live: shipped resources, the user's data directory, the default and demo DBs."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ServiceDesk"
APP_AUTHOR = "ServiceDesk"


def resources_dir() -> Path:
    """The shipped ``resources/`` folder (inside a PyInstaller bundle too)."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_file(name: str) -> Path:
    return resources_dir() / "data" / name


def user_data_dir() -> Path:
    override = os.environ.get("SERVICEDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return path


def default_db_path() -> Path:
    env = os.environ.get("SERVICEDESK_DB")
    return Path(env) if env else user_data_dir() / "servicedesk.db"


def demo_db_path() -> Path:
    return user_data_dir() / "demo.db"
