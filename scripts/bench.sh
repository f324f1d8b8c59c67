#!/usr/bin/env bash
# Benchmarks (not tests): builds the release bundle, prints its sizes and the browser
# timings. Record the figures in BENCHMARKS.md together with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
# The npm docx package, the baseline for the export benchmark (pinned by its lockfile).
[ -d benches/node_modules/docx ] || npm ci --prefix benches --no-audit --no-fund
trunk build --release
scripts/single-file.sh
mkdir -p bench-out
scripts/sizes.sh dist | tee bench-out/sizes.txt
node benches/browser.mjs dist bench-out/draft-30-pages.json | tee bench-out/browser.json
# The same on a slow office PC: Chromium's CPU throttling at 4×.
CPU_SLOWDOWN=4 node benches/browser.mjs dist | tee bench-out/browser-cpu4x.json
cargo bench -p report-drafter-core --profile release-native --bench native -- "$PWD/bench-out/draft-30-pages.json" | tee bench-out/native.json
# The same interactive work in wasm (release build) in headless Chromium.
cargo test -p report-drafter-web --target wasm32-unknown-unknown --release --test speed -- --include-ignored --nocapture \
  | grep '^{' | tee bench-out/wasm.json
