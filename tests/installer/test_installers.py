"""The platform installers' scripts: the Inno Setup file list and the Linux install.sh (R-X-4, #19)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))

import inno  # noqa: E402


def _fake_app(folder: Path) -> Path:
    for rel in ("ServiceDesk.exe", "_internal/python311.dll", "_internal/PySide6/Qt6Core.dll",
                "_internal/PySide6/plugins/platforms/qwindows.dll",
                "_internal/resources/data/provinces.json"):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(b"x")
    return folder


def test_inno_file_list_is_generated_from_the_folder(tmp_path):
    app = _fake_app(tmp_path / "dist" / "ServiceDesk")
    target = inno.write_file_list(app, tmp_path / "files.iss", "1.2.3")
    text = target.read_text(encoding="utf-8-sig")
    assert '#define AppVersion "1.2.3"' in text
    entries = re.findall(r'^Source: "([^"]+)"; DestDir: "([^"]+)"; Flags: ignoreversion$', text, re.M)
    files = sorted(p for p in app.rglob("*") if p.is_file())
    assert len(entries) == len(files) == 5
    by_name = {src.replace("\\", "/").rsplit("/", 1)[-1]: dest for src, dest in entries}
    assert by_name["ServiceDesk.exe"] == "{app}"
    assert by_name["qwindows.dll"] == "{app}\\_internal\\PySide6\\plugins\\platforms"
    assert by_name["provinces.json"] == "{app}\\_internal\\resources\\data"


def test_inno_script_lists_no_files_by_hand():
    iss = (INSTALLER / "windows" / "servicedesk.iss").read_text(encoding="utf-8")
    include = re.search(r'^#include "([^"]+)"', iss, re.M).group(1)
    assert (INSTALLER / "windows" / include.replace("\\", "/")).resolve() == ROOT / "build" / "inno" / "files.iss"
    assert "Source:" not in iss and "{#AppVersion}" in iss
    assert '#define AppVersion' not in iss  # the version comes from pyproject.toml, via the list
    assert 'Name: "{app}\\_internal"' in iss  # an upgrade leaves nothing of the old build behind


def test_missing_build_is_refused(tmp_path):
    with pytest.raises(SystemExit, match="freeze the app first"):
        inno.write_file_list(tmp_path / "nothing", tmp_path / "files.iss", "1")


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux package")
def test_linux_install_and_uninstall(tmp_path):
    package = tmp_path / "ServiceDesk-9-linux"
    (package / "ServiceDesk").mkdir(parents=True)
    app = package / "ServiceDesk" / "ServiceDesk"
    app.write_text('#!/bin/sh\necho "$@" > "$HOME/started-with"\n')
    app.chmod(0o755)
    admin = package / "ServiceDesk" / "servicedesk-admin"
    admin.write_text('#!/bin/sh\necho "$@" > "$HOME/admin-with"\n')
    admin.chmod(0o755)
    for name in ("install.sh", "servicedesk.desktop"):
        shutil.copy(INSTALLER / "linux" / name, package / name)
    shutil.copy(ROOT / "resources" / "icons" / "servicedesk.svg", package / "servicedesk.svg")
    home = tmp_path / "home with space"
    data = home / ".local" / "share" / "ServiceDesk"
    data.mkdir(parents=True)
    (data / "servicedesk.db").write_bytes(b"the office's work")
    env = {"PATH": os.environ["PATH"], "HOME": str(home)}

    subprocess.run(["sh", str(package / "install.sh")], check=True, env=env, capture_output=True)
    installed = home / ".local" / "opt" / "ServiceDesk" / "ServiceDesk"
    desktop = home / ".local" / "share" / "applications" / "servicedesk.desktop"
    assert installed.is_file() and os.access(installed, os.X_OK)
    assert (home / ".local" / "bin" / "servicedesk").resolve() == installed
    admin_command = home / ".local" / "bin" / "servicedesk-admin"
    assert admin_command.resolve() == installed.with_name("servicedesk-admin")
    subprocess.run([str(admin_command), "pack", "merge"], check=True, env=env)
    assert (home / "admin-with").read_text().strip() == "pack merge"
    assert (home / ".local/share/icons/hicolor/scalable/apps/servicedesk.svg").is_file()
    entry = desktop.read_text()
    assert f'Exec="{installed}"\n' in entry and f'Exec="{installed}" --demo\n' in entry
    assert "Icon=servicedesk\n" in entry and "@EXEC@" not in entry
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    # the menu's "Try the demo" action starts the installed app with --demo
    exec_line = re.search(r'^Exec="([^"]+)" --demo$', entry, re.M).group(1)
    subprocess.run([exec_line, "--demo"], check=True, env=env)
    assert (home / "started-with").read_text().strip() == "--demo"

    subprocess.run(["sh", str(package / "install.sh"), "--uninstall"], check=True, env=env,
                   capture_output=True)
    assert not installed.exists() and not desktop.exists()
    assert not (home / ".local" / "bin" / "servicedesk").exists()
    assert not admin_command.exists() and not admin_command.is_symlink()
    assert (data / "servicedesk.db").read_bytes() == b"the office's work"
