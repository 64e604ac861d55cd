#!/bin/sh
# Makes sure <repo>/.venv exists with pyarrow and duckdb (from PyPI); the Parquet writer and dataset tests use them.
# Idempotent: does nothing when both import already. Usage: Scripts/datagen/ensure-venv.sh
set -e
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.venv"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import pyarrow, duckdb" 2>/dev/null; then
    exit 0
fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet pyarrow duckdb
