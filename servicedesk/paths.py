"""Where the user's things live: the data directory, the settings file, the default and demo DBs.

Files shipped with the app (data, translations, icons) are found through ``resources``.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ServiceDesk"
APP_AUTHOR = "ServiceDesk"


def user_data_dir() -> Path:
    override = os.environ.get("SERVICEDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return path


def settings_path() -> Path:
    """The per-user settings file (layout, remembered database, preferences)."""
    return user_data_dir() / "settings.ini"


def default_db_path() -> Path:
    env = os.environ.get("SERVICEDESK_DB")
    return Path(env) if env else user_data_dir() / "servicedesk.db"


def demo_db_path() -> Path:
    return user_data_dir() / "demo.db"
