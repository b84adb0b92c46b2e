#!/usr/bin/env bash
# Configures and builds highwater (tools and tests) into ${HIGHWATER_BUILD_DIR:-build}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HIGHWATER_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
jobs=${HIGHWATER_JOBS:-$(nproc)}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j "$jobs" "$@"
