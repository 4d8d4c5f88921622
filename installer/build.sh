#!/usr/bin/env bash
# Freeze, smoke-test and package the app (see installer/build.py and installer/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
exec uv run python installer/build.py "$@"
