#!/bin/sh
# Makes sure <repo>/.venv has what the benchmark's peer driver needs: pyarrow and duckdb (through the datagen
# script) plus datafusion, all from PyPI. Idempotent: does nothing when they import already.
# Usage: Scripts/bench/ensure-venv.sh
set -e
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.venv"
"$root/Scripts/datagen/ensure-venv.sh"
if "$venv/bin/python" -c "import datafusion" 2>/dev/null; then
    exit 0
fi
"$venv/bin/python" -m pip install --quiet datafusion
