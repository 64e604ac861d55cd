#!/bin/sh
# Makes sure <repo>/.venv can generate TPC-H data: duckdb plus DuckDB's tpch extension from PyPI
# (duckdb-extension-tpch, which pins the matching duckdb version). Idempotent. Usage: Scripts/bench/tpch-ensure-venv.sh
set -e
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.venv"
"$root/Scripts/bench/ensure-venv.sh"
if "$venv/bin/python" -c "import duckdb_extension_tpch" 2>/dev/null; then
    exit 0
fi
"$venv/bin/python" -m pip install --quiet duckdb-extension-tpch
