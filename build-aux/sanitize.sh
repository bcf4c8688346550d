#!/bin/sh
# Runs what finds memory errors, undefined behaviour and leaks (see
# docs/reliability.md), and exits non-zero on any finding:
#  1. the whole test suite built with AddressSanitizer and
#     UndefinedBehaviorSanitizer (gcc), in _build-asan: memory errors and
#     undefined behaviour;
#  2. the core tests under valgrind's memcheck, on the normal build (_build):
#     memory errors and leaks;
#  3. when clang has libFuzzer, each fuzz target on its corpus for
#     FUZZ_SECONDS (30) seconds, in _build-fuzz.
# Leaks are valgrind's to find, not LeakSanitizer's: ASan's fast stacks end
# at the first library built without frame pointers (GLib, cairo), so they
# cannot tell a leak of ours from a library's, and full stacks make the
# suite tens of times slower. Suppressions (build-aux/valgrind.supp) are for
# system libraries only, never for Waymark's code.
#
# Environment: FUZZ_SECONDS (30), JOBS (2, for ninja), BUILD (_build, the
# normal build the valgrind stage uses, as build-aux/build.sh makes it).
set -u
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)
fuzz_seconds=${FUZZ_SECONDS:-30}
jobs=${JOBS:-2}
build=${BUILD:-_build}
log_dir=${TMPDIR:-/tmp}/waymark-sanitize
rm -rf "$log_dir"
mkdir -p "$log_dir"
failed=""
summary=""

say () {
  printf 'sanitize: %s\n' "$*"
}

# stage name, then the outcome ("ok" or what was found)
record () {
  summary="$summary
  $1: $2"
  case $2 in
    ok | skipped*) ;;
    *) failed="$failed [$1]" ;;
  esac
}

setup () {
  dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >"$log_dir/setup-$dir.log" 2>&1
  else
    meson setup "$dir" "$@" >"$log_dir/setup-$dir.log" 2>&1
  fi || { cat "$log_dir/setup-$dir.log"; return 1; }
}

# The tests (1, 2) read these. GLib's slice allocator would hide
# allocations from both tools.
export G_SLICE=always-malloc
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1:check_initialization_order=1

# 1. AddressSanitizer and UndefinedBehaviorSanitizer, every test.
say "1/3 building with AddressSanitizer and UndefinedBehaviorSanitizer (_build-asan)"
start=$(date +%s)
if setup _build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false &&
   ninja -C _build-asan -j "$jobs" >"$log_dir/build-asan.log" 2>&1; then
  say "1/3 running the test suite under the sanitizers"
  if meson test -C _build-asan --no-rebuild --print-errorlogs --timeout-multiplier 3 \
       >"$log_dir/test-asan.log" 2>&1; then
    record "asan+ubsan, all tests" ok
  else
    grep -E '^ *[0-9]+/[0-9]+ .*(FAIL|TIMEOUT|ERROR)' "$log_dir/test-asan.log"
    grep -E -A40 'ERROR: AddressSanitizer|runtime error:' "$log_dir/test-asan.log" | head -200
    record "asan+ubsan, all tests" "FAILED (log: $log_dir/test-asan.log, _build-asan/meson-logs/testlog.txt)"
  fi
else
  tail -30 "$log_dir/build-asan.log"
  record "asan+ubsan, all tests" "build FAILED (log: $log_dir/build-asan.log)"
fi
say "1/3 took $(( $(date +%s) - start )) s"

# 2. valgrind's memcheck on the core tests: errors, and definite leaks.
say "2/3 building ($build) and running the core tests under valgrind"
start=$(date +%s)
core_tests="model history format layout export edit clipboard drop picture property"
if ! command -v valgrind >/dev/null; then
  record "valgrind, core tests" "FAILED: valgrind is not installed (build-aux/install-deps.sh)"
elif setup "$build" -Dwerror=true && ninja -C "$build" -j "$jobs" >"$log_dir/build.log" 2>&1; then
  # Under valgrind a test runs some 30 times slower: fewer random
  # sequences, and not the map mangled at each of its bytes, which alone
  # would take minutes (ASan and fuzzing cover it).
  # shellcheck disable=SC2086 # $core_tests is a list
  if WAYMARK_PROPERTY_SEQUENCES=3 meson test -C "$build" --no-rebuild --print-errorlogs \
       --timeout-multiplier 10 --test-args='-s /format/load/mangled-everywhere' \
       --wrapper "valgrind --quiet --error-exitcode=1 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --track-origins=yes --num-callers=40 --suppressions=$root/build-aux/valgrind.supp --gen-suppressions=all" \
       $core_tests >"$log_dir/test-valgrind.log" 2>&1; then
    record "valgrind, core tests" ok
  else
    grep -E '^ *[0-9]+/[0-9]+ .*(FAIL|TIMEOUT|ERROR)' "$log_dir/test-valgrind.log"
    grep -E -A30 '^==[0-9]+== [A-Z]' "$log_dir/test-valgrind.log" | head -200
    record "valgrind, core tests" "FAILED (log: $log_dir/test-valgrind.log)"
  fi
else
  tail -30 "$log_dir/build.log"
  record "valgrind, core tests" "build FAILED (log: $log_dir/build.log)"
fi
say "2/3 took $(( $(date +%s) - start )) s"

# 3. libFuzzer, when clang has it.
start=$(date +%s)
probe="$log_dir/probe"
printf 'int LLVMFuzzerTestOneInput (const char *d, unsigned long n) { return 0; }\n' >"$probe.c"
if command -v clang >/dev/null && clang -fsanitize=fuzzer "$probe.c" -o "$probe" >/dev/null 2>&1; then
  say "3/3 building the fuzz targets with clang (_build-fuzz)"
  targets="fuzz-load fuzz-picture fuzz-paste"
  if CC=clang setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false &&
     ninja -C _build-fuzz -j "$jobs" tests/fuzz/fuzz-load tests/fuzz/fuzz-picture tests/fuzz/fuzz-paste >"$log_dir/build-fuzz.log" 2>&1; then
    for t in $targets; do
      say "3/3 $t for $fuzz_seconds s"
      # New inputs go to a copy: the corpus in tests/ stays as committed.
      mkdir -p "$log_dir/corpus-$t"
      if "_build-fuzz/tests/fuzz/$t" -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 \
           -print_final_stats=1 -artifact_prefix="$log_dir/$t-" \
           "$log_dir/corpus-$t" "tests/fuzz/corpus/$t" >"$log_dir/$t.log" 2>&1; then
        record "$t" ok
      else
        grep -E -A30 'ERROR: |runtime error:|==[0-9]+==' "$log_dir/$t.log" | head -80
        crash=$(find "$log_dir" -name "$t-*" | head -1)
        record "$t" "FAILED: reproduce with _build-fuzz/tests/fuzz/$t $crash (log: $log_dir/$t.log)"
      fi
    done
  else
    tail -30 "$log_dir/build-fuzz.log"
    record "fuzzing" "build FAILED (log: $log_dir/build-fuzz.log)"
  fi
else
  record "fuzzing" "skipped: clang with libFuzzer is not installed (clang, libclang-rt-14-dev)"
fi
say "3/3 took $(( $(date +%s) - start )) s"

say "summary:$summary"
if [ -n "$failed" ]; then
  say "FINDINGS in:$failed"
  exit 1
fi
say "clean"
