#!/usr/bin/env bash
# Times `highwater audit` against run-clang-tidy-22 driving highwater-tidy,
# same checks, same -j, same TUs: cold (no cache), and warm (an unchanged
# tree with --cache). The TUs are a generated project: HW_AUDIT_BENCH_TUS
# sources (default 48), each including a shared header and a dozen standard
# headers, with findings of every check.
#
#   test/audit/benchmark.sh [build dir]      (default: build)
#
# Environment: HW_AUDIT_BENCH_TUS, HW_AUDIT_BENCH_JOBS (default 2),
# HW_AUDIT_BENCH_RUNS (default 3). Prints a Markdown table.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
tus=${HW_AUDIT_BENCH_TUS:-48}
jobs=${HW_AUDIT_BENCH_JOBS:-2}
runs=${HW_AUDIT_BENCH_RUNS:-3}
highwater=$build/tool/audit/highwater
tidy=$build/tool/highwater-tidy
for tool in "$highwater" "$tidy"; do
  [ -x "$tool" ] || { echo "benchmark: build $tool first" >&2; exit 2; }
done
command -v run-clang-tidy-22 >/dev/null || { echo "benchmark: run-clang-tidy-22 not found" >&2; exit 2; }

work=$(mktemp -d /tmp/highwater-audit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
project=$work/project
mkdir -p "$project/src" "$project/include"
printf "Checks: '-*,highwater-*'\n" > "$project/.clang-tidy"
cat > "$project/include/common.h" <<'EOF'
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>
struct Entry {
  std::uint64_t Id = 0;
  char Payload[120] = {};
};
class Registry {
public:
  void add(std::uint64_t Id) { Entries[Id] = Entry(); }
  void dropAll() {
    for (auto It = Entries.begin(); It != Entries.end();)
      It = Entries.erase(It);
  }
private:
  std::unordered_map<std::uint64_t, Entry> Entries;
};
EOF
for i in $(seq 1 "$tus"); do
  cat > "$project/src/unit$i.cpp" <<EOF
#include "common.h"
#include <algorithm>
#include <deque>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <queue>
#include <set>
#include <sstream>
#include <string>
namespace unit$i {
class Batcher {
public:
  void run(int Batches) {
    for (int B = 0; B < Batches; ++B) {
      for (int I = 0; I < 1000; ++I)
        Items.push_back(Entry{static_cast<std::uint64_t>(I), {}});
      std::sort(Items.begin(), Items.end(),
                [](const Entry &A, const Entry &B) { return A.Id < B.Id; });
      Items.clear();
    }
  }
  void drain() {
    while (!Pending.empty())
      Pending.pop();
  }
  void shrink() {
    if (Count > 0)
      --Count;
  }
  std::string describe() const {
    std::ostringstream Out;
    Out << Items.size() << " " << std::accumulate(Sizes.begin(), Sizes.end(), 0);
    return Out.str();
  }
private:
  std::vector<Entry> Items;
  std::queue<int> Pending;
  std::map<std::string, std::set<int>> Index;
  std::deque<std::function<void()>> Tasks;
  std::vector<int> Sizes;
  std::unique_ptr<Registry> Owned[16];
  int Count = 0;
};
int main$i() {
  Batcher B;
  B.run(3);
  B.drain();
  std::cout << B.describe() << "\n";
  return 0;
}
} // namespace unit$i
EOF
done
python3 - "$project" "$tus" <<'EOF'
import json, sys
project, tus = sys.argv[1], int(sys.argv[2])
json.dump([{"directory": project, "file": f"{project}/src/unit{i}.cpp",
            "arguments": ["clang++-22", "-std=c++17", "-I", f"{project}/include",
                          "-c", f"src/unit{i}.cpp", "-o", f"unit{i}.o"]}
           for i in range(1, tus + 1)],
          open(f"{project}/compile_commands.json", "w"), indent=1)
EOF

now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2 - $1:.2f}')"; }
# Median of the arguments.
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" "$@"; }

cold=() warm=() rct=()
for run in $(seq 1 "$runs"); do
  rm -rf "$work/cache"
  t0=$(now)
  (cd "$project" && "$highwater" audit -p . -j "$jobs" --quiet --format json \
    -o "$work/cold.json" --cache "$work/cache") || [ $? -eq 1 ]
  t1=$(now)
  (cd "$project" && "$highwater" audit -p . -j "$jobs" --quiet --format json \
    -o "$work/warm.json" --cache "$work/cache") || [ $? -eq 1 ]
  t2=$(now)
  (cd "$project" && run-clang-tidy-22 -p . -clang-tidy-binary "$tidy" \
    -checks='-*,highwater-*' -header-filter='.*' -j "$jobs" -quiet \
    > "$work/rct.txt" 2>&1) || true
  t3=$(now)
  cold+=("$(seconds "$t0" "$t1")")
  warm+=("$(seconds "$t1" "$t2")")
  rct+=("$(seconds "$t2" "$t3")")
done

findings() { python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$1"; }
# run-clang-tidy prints a header's finding once per TU that includes it.
rct_warnings=$(grep -c ' warning: .*\[highwater-' "$work/rct.txt" || true)
rct_unique=$(grep ' warning: .*\[highwater-' "$work/rct.txt" | sort -u | wc -l)
analysed_warm=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['stats']['tus_analysed'])" "$work/warm.json")

m_cold=$(median "${cold[@]}") m_warm=$(median "${warm[@]}") m_rct=$(median "${rct[@]}")
echo "| run ($tus TUs, -j $jobs, median of $runs) | wall s | findings |"
echo "|---|---|---|"
echo "| run-clang-tidy-22 + highwater-tidy | $m_rct | $rct_warnings printed, $rct_unique distinct |"
echo "| highwater audit, cold (empty --cache) | $m_cold | $(findings "$work/cold.json") |"
echo "| highwater audit, warm (unchanged tree) | $m_warm | $(findings "$work/warm.json") ($analysed_warm TUs analysed) |"
echo
python3 -c "print(f'cold audit / run-clang-tidy: {$m_cold / $m_rct:.2f}x the time; cold / warm: {$m_cold / $m_warm:.0f}x')"
echo "runs: cold ${cold[*]}; warm ${warm[*]}; run-clang-tidy ${rct[*]}"
