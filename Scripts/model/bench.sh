#!/usr/bin/env bash
# Sentences per second of the PintailML encoder at 64 and 128 tokens, release build. Prints, never asserts.
set -euo pipefail
cd "$(dirname "$0")/../.."
# PINTAIL_ML_BENCH_VADER=<unpacked hutto_ICWSM_2014 folder> adds bench_reference.py's sorted real-sentence shape.
PINTAIL_ML_BENCH=1 swift test -c release -Xswiftc -enable-testing --scratch-path "${SCRATCH:-.build-ml}" \
    --filter 'PintailMLTests.SpeedBenchmark' 2>&1 | grep -E "PintailML speed|passed|failed|error"
