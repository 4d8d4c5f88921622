"""Start-up on SQLite does not pay for the PostgreSQL driver (issue 17: psycopg takes about a
second to import on a cold start) nor for other heavy modules loaded on first use."""
from __future__ import annotations

import os
import subprocess
import sys


def test_startup_on_sqlite_does_not_import_the_postgresql_driver(tmp_path):
    code = (
        "import sys\n"
        "from ui.app import main\n"
        f"code = main(['--db', {str(tmp_path / 's.db')!r}, '--exit-when-shown'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('psycopg', 'psycopg_binary', 'psycopg2', 'keyring'))\n"
        "print('HEAVY=' + ','.join(heavy), 'CODE=%s' % code)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               SERVICEDESK_DATA_DIR=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=300)
    assert "CODE=0" in out.stdout, out.stderr[-2000:]
    assert "HEAVY= " in out.stdout, out.stdout
