# Sourced by the scripts: pinned versions and a PATH where the pinned tools come first
# (an older /usr/bin/wasm-opt must never win).
. "$(dirname "${BASH_SOURCE[0]}")/versions.env"
TOOLS_DIR="${REPORT_DRAFTER_TOOLS:-$HOME/.cache/report-drafter/tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:$TOOLS_DIR/bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
