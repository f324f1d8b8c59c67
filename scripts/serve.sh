#!/usr/bin/env bash
# Installs what is missing, builds the app in release mode and serves that build as it
# ships on http://127.0.0.1:8080/ (PORT=… to change), with the one-file app beside it
# (report-drafter.html, also served for download). A plain static server, not
# `trunk serve`: trunk's live-reload script would be blocked by the app's CSP.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
trunk build --release
scripts/single-file.sh
exec node scripts/serve-dist.mjs dist
