#!/usr/bin/env bash
# Benchmarks (not tests): builds the release bundle, prints its sizes and the browser
# timings. Record the figures in BENCHMARKS.md together with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
trunk build --release
mkdir -p bench-out
scripts/sizes.sh dist | tee bench-out/sizes.txt
node benches/browser.mjs dist | tee bench-out/browser.json
