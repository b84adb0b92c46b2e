#!/usr/bin/env bash
# The main job, on the bundled example: builds highwater, then audits
# examples/batch-service with `highwater audit`: findings, the summary, and an
# HTML report.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HIGHWATER_BUILD_DIR:-$root/build}
"$root/scripts/build.sh" --target highwater
example="$root/examples/batch-service"
cmake -S "$example" -B "$build/examples/batch-service" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null
echo "highwater audit over examples/batch-service:" >&2
# Exit code 1 means "findings": the example has them on purpose.
status=0
(cd "$example" && "$build/tool/audit/highwater" audit -p "$build/examples/batch-service" \
  --html "$build/examples/batch-service-audit.html") || status=$?
[ "$status" -le 1 ] || exit "$status"
