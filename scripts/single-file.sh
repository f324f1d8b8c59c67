#!/usr/bin/env bash
# After `trunk build --release`: writes dist/report-drafter.html, the whole app in one
# file that runs when opened from disk (see scripts/single-file.mjs). DIST=… for another
# build directory.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/single-file.mjs "${DIST:-dist}"
