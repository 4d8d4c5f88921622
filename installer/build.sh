#!/usr/bin/env bash
# Freeze the app with PyInstaller and smoke-test the result offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
uv run --with pyinstaller pyinstaller installer/servicedesk.spec --noconfirm \
  --distpath dist --workpath build/pyinstaller
tmp=$(mktemp -d)
QT_QPA_PLATFORM=offscreen SERVICEDESK_DATA_DIR="$tmp" \
  dist/ServiceDesk/ServiceDesk --db "$tmp/smoke.db" --screenshot "$tmp/smoke.png"
test -s "$tmp/smoke.png" && echo "frozen app OK: dist/ServiceDesk"
