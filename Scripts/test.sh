#!/usr/bin/env bash
# The whole test suite: unit tests of every target, SQL logic tests, the Parquet corpus, the CLI end to end.
# Needs what Scripts/setup.sh installs (C libraries, model weights); creates the Python venv the oracle tests and the bench use.
set -euo pipefail
cd "$(dirname "$0")/.."
# The oracle venv, complete before any test starts (tests run in parallel; none may pip-install under another):
# pyarrow and duckdb, datafusion for the bench, DuckDB's tpch extension (which pins its duckdb version).
sh Scripts/bench/tpch-ensure-venv.sh
swift build --build-tests 2>&1 | sed -e "/^\[/d"
# Swift Testing announces every test as it starts (lines beginning with ◇); keep results and failures only.
swift test --skip-build 2>&1 | sed -e "/^◇/d"
