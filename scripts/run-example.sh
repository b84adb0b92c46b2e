#!/usr/bin/env bash
# The main job, on the bundled example: builds highwater, then runs
# highwater-tidy with every highwater-* check over examples/batch-service.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HIGHWATER_BUILD_DIR:-$root/build}
"$root/scripts/build.sh" --target highwater-tidy
example="$root/examples/batch-service"
cmake -S "$example" -B "$build/examples/batch-service" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null
echo "highwater-tidy over examples/batch-service:" >&2
"$build/tool/highwater-tidy" -p "$build/examples/batch-service" \
  -checks='-*,highwater-*' --header-filter="$example/.*" \
  "$example"/src/*.cpp
