#!/usr/bin/env bash
# Runs one libFuzzer harness of Fuzz/ for SECONDS (default 60), on its corpus in Fuzz/corpus/HARNESS
# (seeded from fixtures/ and the test inputs by Fuzz/make-seeds.py on first use). Findings are
# written to Fuzz/findings/HARNESS/. Extra arguments go to libFuzzer (e.g. -jobs=2 -workers=2).
# Usage: scripts/fuzz.sh HARNESS [SECONDS] [libFuzzer flags…]
#        scripts/fuzz.sh list            (the harnesses)
#        scripts/fuzz.sh build           (build only)
#        scripts/fuzz.sh smoke [SECONDS]  (every harness for SECONDS each, default 8: about a minute)
# Harnesses: json gzip envelope timestamp prices policy attribution. See docs/fuzzing.md.
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"  # smoke re-runs this script from Fuzz/
cd "$(dirname "$0")/../Fuzz"
declare -A targets=([json]=FuzzJSON [gzip]=FuzzGzip [envelope]=FuzzEnvelope [timestamp]=FuzzTimestamp
    [prices]=FuzzPriceBook [policy]=FuzzPolicy [attribution]=FuzzAttribution)
harness=${1:?usage: scripts/fuzz.sh HARNESS [SECONDS] [libFuzzer flags]}
if [ "$harness" = list ]; then printf '%s\n' "${!targets[@]}" | sort; exit 0; fi
# -parse-as-library: the harness has no top-level code; libFuzzer's driver is started from the
# module's main. lld: gold fails to link libFuzzer into a Swift executable on this toolchain.
# A failed build stops the script: fuzzing a stale binary would report figures for old code.
# The build plan is dropped first: SwiftPM does not always notice a source file added to the main
# package (a path dependency here) and would compile the old file list.
build() {
    mkdir -p .build-fuzz
    rm -f .build-fuzz/debug.yaml
    local status=0
    swift build -c debug --scratch-path .build-fuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld "$@" >.build-fuzz/build-log.txt 2>&1 || status=$?
    grep -v "warning: Cannot export local symbol" .build-fuzz/build-log.txt || true
    if [ "$status" -ne 0 ]; then echo "fuzz.sh: the build failed (see above)" >&2; exit 1; fi
}
if [ "$harness" = build ]; then
    for name in $(printf '%s\n' "${targets[@]}" | sort); do build --product "$name"; done
    exit 0
fi
if [ "$harness" = smoke ]; then
    "$self" build
    for name in $(printf '%s\n' "${!targets[@]}" | sort); do
        "$self" "$name" "${2:-8}" >"/tmp/costreplay-fuzz-smoke-$name.log" 2>&1 || {
            echo "fuzz.sh: $name found a problem:" >&2
            tail -40 "/tmp/costreplay-fuzz-smoke-$name.log" >&2
            exit 1
        }
        echo "fuzz.sh: $name: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "/tmp/costreplay-fuzz-smoke-$name.log")"
    done
    exit 0
fi
target=${targets[$harness]:?unknown harness $harness (try: scripts/fuzz.sh list)}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
build --product "$target"
binary=.build-fuzz/debug/$target
[ -x "$binary" ] || { echo "fuzz.sh: $binary was not built" >&2; exit 1; }
[ -d "corpus/$harness" ] || python3 make-seeds.py "$harness"
mkdir -p "findings/$harness"
# The Swift runtime's backtracer would catch the crash before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
exec "$binary" "corpus/$harness" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -max_len=65536 -artifact_prefix="findings/$harness/" -print_final_stats=1 "$@"
