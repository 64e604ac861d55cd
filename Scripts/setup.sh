#!/usr/bin/env bash
# Setup and main job, from a fresh clone on a fresh machine (run as root):
#   1. installs the C libraries Pintail links against (Debian -dev packages),
#   2. fetches the built-in sentiment model's weights (checked by SHA-256),
#   3. builds Pintail in release mode,
#   4. runs the main job: registers the bundled sample lake (Datasets/amazon-reviews) and prints review counts and
#      average star rating per product category.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(zlib1g-dev libzstd-dev libsnappy-dev liblz4-dev libbrotli-dev libsqlite3-dev libopenblas-dev libedit-dev)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== fetching the model weights"
bash Scripts/model/fetch-minilm.sh

echo "== building (release)"
swift build -c release --product pintail 2>&1 | tail -n 3

echo "== main job: the sample lake"
.build/release/pintail -f Scripts/main-job.sql
