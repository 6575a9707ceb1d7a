#!/usr/bin/env bash
# Runs the test suite under the address sanitizer (with its leak check) and the thread sanitizer,
# each in its own scratch path (.build-address, .build-thread), and prints how long each took.
# Usage: scripts/sanitizers.sh [address|thread|all] [extra swift test arguments, e.g. --filter Ingest]
# Not part of .ci/run (which runs exactly the README's commands); timings and results on the 2-core
# dev machine are in docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
shift || true
status=0
run() {
    local sanitizer=$1
    shift
    local start=$SECONDS
    echo "sanitizers.sh: swift test --sanitize=$sanitizer $*"
    # halt_on_error: the first report fails the run; the CLI tests run the sanitized binary too.
    if ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1} \
        LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0} \
        TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} \
        swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" "$@"; then
        echo "sanitizers.sh: $sanitizer: clean in $((SECONDS - start)) s"
    else
        echo "sanitizers.sh: $sanitizer: FAILED after $((SECONDS - start)) s"
        status=1
    fi
}
case "$which" in
address | thread) run "$which" "$@" ;;
all)
    run address "$@"
    run thread "$@"
    ;;
*)
    echo "usage: scripts/sanitizers.sh [address|thread|all] [swift test arguments]" >&2
    exit 2
    ;;
esac
exit $status
