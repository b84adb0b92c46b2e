#!/usr/bin/env bash
# What do the highwater-* checks cost? Runs clang-tidy (our driver) on large
# translation units with and without our checks and compares CPU time and
# peak memory. See bench/README.md for what is measured and how to read it.
#
# usage: bench/run-bench.sh HIGHWATER_TIDY COMPILE_DB_DIR [RUNS]
#
#   HIGHWATER_TIDY   the driver, e.g. build/tool/highwater-tidy
#   COMPILE_DB_DIR   directory with the project's compile_commands.json
#   RUNS             timed runs per configuration and input (default 7; 0:
#                    no timed runs, e.g. for a callgrind-only invocation)
#
# Environment (all optional):
#   HW_BENCH_SOURCES   project sources to use, as path suffixes of database
#                      entries (default: the five below)
#   HW_BENCH_TARGET    allowed overhead in percent (default 2)
#   HW_BENCH_BASELINE  the baseline check (default objc-avoid-nserror-init,
#                      see "The baseline" in README.md)
#   HW_BENCH_WALK      a second baseline: a check that registers no AST
#                      matcher but makes clang-tidy walk the AST as any
#                      matcher-based check does (default
#                      portability-restrict-system-includes; empty: skip)
#   HW_BENCH_CALLGRIND 1: also count instructions of one run per
#                      configuration under callgrind on the inputs named in
#                      HW_BENCH_CALLGRIND_INPUTS (slow: ~50x a run)
#   HW_BENCH_SNAPSHOT  head (default): measure the project's sources as of
#                      the last commit (read with `git archive`), so edits in
#                      progress cannot break or change the inputs; worktree:
#                      as they are in the work tree now
#   HW_BENCH_OUT       where results go (default bench/results)
#
# Exit status: 0 all inputs within the target, 1 some input over it (time or
# memory, against the baseline), 2 the benchmark could not run.
set -euo pipefail

die() { echo "run-bench: $*" >&2; exit 2; }

[ $# -ge 2 ] && [ $# -le 3 ] || die "usage: $0 HIGHWATER_TIDY COMPILE_DB_DIR [RUNS]"
TIDY_IN=$1
DB_IN=$(cd "$2" && pwd) || die "no directory $2"
RUNS=${3:-7}
[[ $RUNS =~ ^[0-9]+$ ]] || die "RUNS must be a number, got '$RUNS'"
[ -x "$TIDY_IN" ] || die "$TIDY_IN is not an executable"
[ -f "$DB_IN/compile_commands.json" ] || die "no $DB_IN/compile_commands.json"

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LIB="$BENCH/benchlib.py"
OUT=${HW_BENCH_OUT:-$BENCH/results}
TARGET=${HW_BENCH_TARGET:-2}
BASELINE=${HW_BENCH_BASELINE:-objc-avoid-nserror-init}
WALK=${HW_BENCH_WALK-portability-restrict-system-includes}
SOURCES=${HW_BENCH_SOURCES:-checks/EraseAllLoopCheck.cpp checks/ReleaseAnalysis.cpp checks/ContainerModel.cpp checks/LifetimeModel.cpp tool/HighwaterTidyMain.cpp}
SNAPSHOT=${HW_BENCH_SNAPSHOT:-head}
CALLGRIND=${HW_BENCH_CALLGRIND:-0}
CALLGRIND_INPUTS=${HW_BENCH_CALLGRIND_INPUTS:-bench/inputs/all_std_headers.cpp bench/inputs/many_loops.cpp tool/HighwaterTidyMain.cpp}

TIME=/usr/bin/time
[ -x $TIME ] || die "$TIME is missing: apt-get install time (GNU time; the shell's 'time' builtin cannot report peak memory)"
command -v python3 >/dev/null || die "python3 is missing"
if [ "$CALLGRIND" = 1 ]; then
  command -v valgrind >/dev/null || die "HW_BENCH_CALLGRIND=1 needs valgrind: apt-get install valgrind"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hw-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$OUT" "$WORK/bin" "$WORK/db" "$BENCH/inputs"

# 1. Freeze what is measured. The driver and the project's sources are copied
#    first, so a rebuild or an edit while the benchmark runs changes nothing.
#    (The driver finds clang's resource directory through a path compiled in,
#    not next to itself, so the copy behaves like the original.)
cp "$TIDY_IN" "$WORK/bin/highwater-tidy"
TIDY="$WORK/bin/highwater-tidy"
"$TIDY" --version >/dev/null 2>&1 || die "$TIDY_IN --version failed"
"$TIDY" -checks='-*,highwater-*' --list-checks | grep -q 'highwater-' ||
  die "$TIDY_IN has no highwater-* checks"
"$TIDY" -checks="-*,$BASELINE" --list-checks | grep -q "$BASELINE" ||
  die "$TIDY_IN has no check $BASELINE"
if [ -n "$WALK" ]; then
  "$TIDY" -checks="-*,$WALK" --list-checks | grep -q "$WALK" || die "$TIDY_IN has no check $WALK"
fi
python3 "$LIB" snapshot "$DB_IN" "$WORK/src" "$SNAPSHOT" >"$WORK/snapshot.txt" ||
  die "could not copy the project's sources"
IFS=$'\t' read -r SRC_ROOT SNAP_ROOT SNAP_WHAT <"$WORK/snapshot.txt"

# 2. The generated inputs. The standard headers are looked up in the include
#    directories the driver itself searches (its C++ library's ones).
echo 'int x;' >"$WORK/probe.cpp"
mapfile -t INCDIRS < <("$TIDY" -checks="-*,$BASELINE" --extra-arg=-v "$WORK/probe.cpp" -- -std=c++20 2>&1 |
  sed -n '/<\.\.\.> search starts here/,/End of search list/p' | sed -n 's/^ \(.*c++.*\)$/\1/p')
[ ${#INCDIRS[@]} -gt 0 ] || die "could not find the C++ library's include directories"
python3 "$LIB" gen-std "$BENCH/inputs/all_std_headers.cpp" "${INCDIRS[@]}" >"$WORK/gen-std.txt"
python3 "$LIB" gen-loops "$BENCH/inputs/many_loops.cpp" >"$WORK/gen-loops.txt"

# 3. The benchmark's compilation database: the chosen entries of the project's,
#    pointed at the snapshot, and the generated inputs (-std=c++20).
read -r -a SOURCE_LIST <<<"$SOURCES"
python3 "$LIB" make-db "$WORK/db" "$DB_IN" "$SNAP_ROOT" clang++ "${SOURCE_LIST[@]}" -- \
  "$BENCH/inputs/all_std_headers.cpp" "$BENCH/inputs/many_loops.cpp" >"$WORK/inputs.txt" 2>"$WORK/make-db.err" ||
  die "could not make the compilation database: $(cat "$WORK/make-db.err")"
mapfile -t INPUT_LINES <"$WORK/inputs.txt"
NAMES=() PATHS=()
for line in "${INPUT_LINES[@]}"; do
  NAMES+=("${line%%$'\t'*}")
  PATHS+=("${line#*$'\t'}")
done
[ ${#NAMES[@]} -gt 0 ] || die "no inputs"

configs=(base hw)
[ -n "$WALK" ] && configs+=(walk)
check_of() {
  case $1 in
    base) echo "-*,$BASELINE" ;;
    hw) echo "-*,highwater-*" ;;
    walk) echo "-*,$WALK" ;;
  esac
}

# One clang-tidy run; leaves "user sys maxrss_kb" in $WORK/time. Fails on any error: a TU
# that does not compile would measure nothing useful.
run_one() { # config path [extra args...]
  local cfg=$1 path=$2
  shift 2
  if ! $TIME -f '%U %S %M' -o "$WORK/time" "$TIDY" -p "$WORK/db" --quiet \
    -checks="$(check_of "$cfg")" "$@" "$path" >"$WORK/stdout" 2>"$WORK/stderr"; then
    echo "run-bench: clang-tidy failed ($cfg) on $path:" >&2
    grep -m 20 -E 'error|Error' "$WORK/stderr" "$WORK/stdout" >&2 || tail -20 "$WORK/stderr" >&2
    exit 2
  fi
  if grep -q 'error:' "$WORK/stdout" "$WORK/stderr"; then
    echo "run-bench: compile errors ($cfg) in $path:" >&2
    grep -m 20 'error:' "$WORK/stdout" "$WORK/stderr" >&2
    exit 2
  fi
}

# 4. Machine and inputs, for the record.
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "driver: $TIDY_IN (sha256 $(sha256sum "$TIDY" | cut -c1-16)), $("$TIDY" --version | grep -m1 -i 'version' | sed 's/^ *//')"
  echo "cpus: $(nproc) ($(lscpu | sed -n 's/^Model name: *//p' | head -1))"
  echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "runs per configuration and input: $RUNS"
  echo "highwater checks: $("$TIDY" -checks='-*,highwater-*' --list-checks | grep -o 'highwater-[a-z0-9-]*' | tr '\n' ' ')"
  echo "baseline: -checks='-*,$BASELINE'; highwater: -checks='-*,highwater-*'${WALK:+; walk: -checks='-*,$WALK'}"
  echo "project sources: $SRC_ROOT as of $SNAP_WHAT (copied at start)"
  cat "$WORK/gen-std.txt" | sed 's/^/all_std_headers.cpp: /'
  cat "$WORK/gen-loops.txt" | sed 's/^/many_loops.cpp: /'
} >"$OUT/machine.txt"
cat "$OUT/machine.txt"
echo

# 5. Untimed: every input compiles, the page cache is warm, and one run with
#    --enable-check-profile says how much of the time our checks spend in
#    their matchers and check() (the AST walk itself is not in it).
mkdir -p "$OUT/profile"
printf '# input\tprofile_s\twarnings\n' >"$OUT/profile.tsv"
printf '%-40s %10s %12s %s\n' input lines warnings 'highwater-* own time (check profile)'
for i in "${!NAMES[@]}"; do
  run_one base "${PATHS[$i]}"
  run_one hw "${PATHS[$i]}" --enable-check-profile
  prof="$OUT/profile/$(basename "${NAMES[$i]}" .cpp).txt"
  sed -n '/checks profiling/,$p' "$WORK/stderr" >"$prof"
  warnings=$(grep -c 'warning:' "$WORK/stdout" || true)
  own=$(awk '/Total$/ {print $(NF-4)}' "$prof")
  lines=$(wc -l <"${PATHS[$i]}")
  printf '%-40s %10s %12s %s s user+sys\n' "${NAMES[$i]}" "$lines" "$warnings" "${own:-0}"
  printf '%s\t%s\t%s\n' "${NAMES[$i]}" "${own:-0}" "$warnings" >>"$OUT/profile.tsv"
done
echo

# 6. The timed runs. Rounds go over all inputs, so each input's samples are
#    spread over the whole benchmark; within a round the configurations of one
#    input run back to back, their order rotated every round (AB BA AB ...;
#    with three: ABC BCA CAB ...), so a pair shares the machine's state and
#    no configuration always goes first.
RAW="$OUT/raw.tsv"
((RUNS > 0)) && printf '# input\tround\tconfig\tuser_s\tsys_s\tmaxrss_kb\n' >"$RAW"
for ((r = 1; r <= RUNS; r++)); do
  n=${#configs[@]}
  order=()
  for ((k = 0; k < n; k++)); do order+=("${configs[$(((k + r) % n))]}"); done
  for i in "${!NAMES[@]}"; do
    for cfg in "${order[@]}"; do
      run_one "$cfg" "${PATHS[$i]}"
      read -r u s m <"$WORK/time"
      printf '%s\t%d\t%s\t%s\t%s\t%s\n' "${NAMES[$i]}" "$r" "$cfg" "$u" "$s" "$m" >>"$RAW"
    done
  done
  echo "round $r/$RUNS done ($(cut -d' ' -f1 /proc/loadavg) load)" >&2
done
echo "load average after the timed runs: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

# 7. Optional noise-free cross-check: instructions executed (callgrind Ir),
#    one run per configuration.
if [ "$CALLGRIND" = 1 ]; then
  CG="$OUT/callgrind.tsv"
  cg_configs=(base hw)
  [ -n "$WALK" ] && cg_configs+=(walk)
  printf '# input\tbase_Ir\thw_Ir\tIr +%% vs base\twalk_Ir\tIr +%% vs walk\n' >"$CG"
  for i in "${!NAMES[@]}"; do
    case " $CALLGRIND_INPUTS " in *" ${NAMES[$i]} "*) ;; *) continue ;; esac
    declare -A ir=()
    for cfg in "${cg_configs[@]}"; do
      out="$WORK/cg.$cfg"
      valgrind --tool=callgrind --callgrind-out-file="$out" \
        "$TIDY" -p "$WORK/db" --quiet -checks="$(check_of "$cfg")" "${PATHS[$i]}" \
        >/dev/null 2>"$WORK/cg.err" || die "callgrind run failed on ${PATHS[$i]}"
      ir[$cfg]=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out")
      if [ "$cfg" = hw ] && command -v callgrind_annotate >/dev/null; then
        # Inclusive instruction counts of the places our checks' cost can be
        # in (recursive frames, marked '2, left out).
        { sed -n 's/^totals: */total Ir: /p' "$out"
          callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null |
            grep -E 'ParseAST|ActOnEndOfTranslationUnit\(|MatchFinder::matchAST|ClangTidyCheck::run|highwater::|ParentMap::ParentMap|buildCFG|~ASTContext|handleErrors|TextDiagnosticPrinter::HandleDiagnostic' |
            grep -v "'2" | sed 's/ \[.*\]$//' | head -40
        } >"$OUT/profile/$(basename "${NAMES[$i]}" .cpp).callgrind.txt" || true
      fi
    done
    pct=$(python3 -c "print('%+.2f' % ((${ir[hw]} / ${ir[base]} - 1) * 100))")
    wir=${ir[walk]:-} wpct=-
    [ -n "$wir" ] && wpct=$(python3 -c "print('%+.2f' % ((${ir[hw]} / $wir - 1) * 100))")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "${NAMES[$i]}" "${ir[base]}" "${ir[hw]}" "$pct" "${wir:--}" "$wpct" >>"$CG"
    unset ir
  done
fi

# 8. The summary; its exit status is ours.
status=0
if ((RUNS > 0)); then
  set +e
  python3 "$LIB" summarize "$RAW" "$TARGET" "$OUT/profile.tsv" | tee "$OUT/summary.md"
  status=${PIPESTATUS[0]}
  set -e
fi
if [ "$CALLGRIND" = 1 ]; then
  echo
  echo "callgrind instructions (one run each):"
  column -t -s $'\t' "$OUT/callgrind.tsv"
fi
exit "$status"
