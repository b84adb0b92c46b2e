#!/usr/bin/env bash
# Builds highwater and runs every test (GoogleTest through ctest).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HIGHWATER_BUILD_DIR:-$root/build}
"$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure -j "${HIGHWATER_JOBS:-$(nproc)}"
