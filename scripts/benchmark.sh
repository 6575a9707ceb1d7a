#!/usr/bin/env bash
# The speed benchmark of issue 6, in one run on the same data:
#   in-process zlib inflate; costreplay analyze (default policies) with --jobs 1 and --jobs N, with
#   the zlib and the ISA-L inflate backend, on one file and on the same volume split in 8 files;
#   the Python (gzip + json) and DuckDB (read_json) baseline aggregations a user would write; and
#   peak RSS of each, plus RSS on a 4 × smaller input. Writes reports/benchmark.md.
# Usage: scripts/benchmark.sh [CALLS]   (default 70000 calls ≈ 600 MB uncompressed)
# Needs python3; installs duckdb into .bench/venv and, when apt-get is usable, libisal-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-70000}
work=.bench
mkdir -p "$work"
cores=$(nproc)

echo "building (release)" >&2
swift build -c release --product costreplay >/dev/null
zlib_bin=.build/release/costreplay
if ! dpkg -s libisal-dev >/dev/null 2>&1 && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libisal-dev >/dev/null || true
fi
isal_bin=""
if dpkg -s libisal-dev >/dev/null 2>&1; then
    swift build -c release --product costreplay --traits ISAL --scratch-path "$work/isal-build" >/dev/null
    isal_bin="$work/isal-build/release/costreplay"
fi
[ -x "$work/venv/bin/python" ] || python3 -m venv "$work/venv"
"$work/venv/bin/python" -c "import duckdb" 2>/dev/null || "$work/venv/bin/pip" install -q duckdb
prices=fixtures/prices/embedded.toml
# No policies: costreplay then does the scripts' job (price every call, aggregate) plus its reports.
printf '# no policies: price and aggregate only\n' > "$work/no-policies.toml"

big="$work/synth-$calls.jsonl.gz"
small="$work/synth-$((calls / 4)).jsonl.gz"
split="$work/split-$calls"
[ -f "$big" ] || "$zlib_bin" synth --out "$big" --calls "$calls" --seed 2026 --days 14 >/dev/null
[ -f "$small" ] || "$zlib_bin" synth --out "$small" --calls "$((calls / 4))" --seed 2026 --days 14 >/dev/null
[ -f "$split/part-7.jsonl.gz" ] || python3 scripts/split_log.py "$big" 8 "$split"
parts=("$split"/part-*.jsonl.gz)

# Best of three, so a background hiccup does not decide a ratio.
best_inflate() {  # files… → bytes seconds
    local best="" bytes=0 total seconds
    for _ in 1 2 3; do
        total=0 seconds=0
        for file in "$@"; do
            read -r b s < <(python3 scripts/inflate_speed.py "$file")
            total=$((total + b))
            seconds=$(awk "BEGIN{print $seconds + $s}")
        done
        bytes=$total
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
    done
    echo "$bytes $best"
}
analyze() {  # label binary jobs inputs… → seconds rss_kb   (best of three; outputs kept per label)
    local label=$1 bin=$2 jobs=$3 best="" rss=0
    shift 3
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin" analyze "$@" --jobs "$jobs" --out "$work/out-$label" --quiet || true
        read -r seconds kb < "$work/time.txt"
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    echo "$best $rss"
}
script() {  # python files… → seconds rss_kb (one run: these are slow)
    local python=$1 name=$2
    shift 2
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$python" "scripts/bench_baseline_$name.py" "$prices" "$@" >"$work/$name.out" 2>/dev/null
    read -r seconds kb < "$work/time.txt"
    echo "$seconds $kb"
}

echo "measuring" >&2
read -r bytes zlib_s < <(best_inflate "$big")
read -r split_bytes split_zlib_s < <(best_inflate "${parts[@]}")
read -r one_s one_rss < <(analyze zlib-1 "$zlib_bin" 1 "$big")
read -r all_s all_rss < <(analyze zlib-n "$zlib_bin" "$cores" "$big")
read -r eight_s eight_rss < <(analyze zlib-8 "$zlib_bin" "$cores" "${parts[@]}")
read -r bare_s bare_rss < <(analyze zlib-bare "$zlib_bin" "$cores" "$big" --policy "$work/no-policies.toml")
if [ -n "$isal_bin" ]; then
    read -r isal_s isal_rss < <(analyze isal-n "$isal_bin" "$cores" "$big")
    read -r isal8_s isal8_rss < <(analyze isal-8 "$isal_bin" "$cores" "${parts[@]}")
    read -r isalbare_s isalbare_rss < <(analyze isal-bare "$isal_bin" "$cores" "$big" --policy "$work/no-policies.toml")
fi
read -r small_bytes _ < <(python3 scripts/inflate_speed.py "$small")
read -r small_s small_rss < <(analyze small "$zlib_bin" "$cores" "$small")
read -r py_s py_rss < <(script python3 python "$big")
read -r duck_s duck_rss < <(script "$work/venv/bin/python" duckdb "$big")

# Same output for any --jobs, any backend, one file or eight (the replay order is by time).
same() { cmp -s "$work/out-$1/$3" "$work/out-$2/$3" && echo yes || echo NO; }
jobs_same=$(same zlib-1 zlib-n calls.csv)
isal_same=$([ -n "$isal_bin" ] && same zlib-n isal-n calls.csv || echo "not measured")
costreplay_total=$(python3 -c "import json;print(json.load(open('$work/out-zlib-n/summary.json'))['baseline']['cost_usd'])")
read -r py_total py_calls < "$work/python.out"
read -r duck_total duck_calls < "$work/duckdb.out"

mb() { awk "BEGIN{printf \"%.1f\", $1 / 1e6}"; }
rate() { awk "BEGIN{printf \"%.1f\", $1 / 1e6 / $2}"; }
ratio() { awk "BEGIN{printf \"%.2f\", ($1 / $2) / ($3 / $4)}"; }
mib() { echo "$(($1 / 1024)) MiB"; }
row() {  # label seconds rss bytes
    echo "| $1 | $2 | $(rate "$4" "$2") | $(ratio "$4" "$2" "$bytes" "$zlib_s") | $(mib "$3") |"
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
    echo "# costreplay benchmark"
    echo
    echo "Measured $(date -u +%Y-%m-%d) on $cores cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB, with \`scripts/benchmark.sh $calls\`."
    echo "Input: \`costreplay synth --calls $calls --seed 2026 --days 14\`: one gzip file of $(mb "$bytes") MB uncompressed"
    echo "($(mb "$(stat -c %s "$big")") MB compressed), and the same lines split round-robin into 8 gzip files (as 8 gateway"
    echo "hosts would log them; they overlap in time). Throughput is uncompressed MB/s; costreplay figures are the best"
    echo "of three runs, the Python and DuckDB scripts ran once. Default policies, embedded price book."
    echo
    echo "| what | seconds | MB/s | × zlib inflate | peak RSS |"
    echo "|---|--:|--:|--:|--:|"
    echo "| in-process zlib inflate (Python's zlib module, same file) | $zlib_s | $(rate "$bytes" "$zlib_s") | 1.00 | — |"
    row "costreplay analyze, zlib, --jobs 1, one file" "$one_s" "$one_rss" "$bytes"
    row "costreplay analyze, zlib, --jobs $cores, one file" "$all_s" "$all_rss" "$bytes"
    row "costreplay analyze, zlib, --jobs $cores, 8 files" "$eight_s" "$eight_rss" "$split_bytes"
    if [ -n "$isal_bin" ]; then
        row "costreplay analyze, ISA-L, --jobs $cores, one file" "$isal_s" "$isal_rss" "$bytes"
        row "costreplay analyze, ISA-L, --jobs $cores, 8 files" "$isal8_s" "$isal8_rss" "$split_bytes"
    fi
    row "costreplay analyze, zlib, --jobs $cores, one file, no policies (the scripts' job)" "$bare_s" "$bare_rss" "$bytes"
    if [ -n "$isal_bin" ]; then
        row "costreplay analyze, ISA-L, --jobs $cores, one file, no policies" "$isalbare_s" "$isalbare_rss" "$bytes"
    fi
    row "Python script (gzip + json), baseline by model and day" "$py_s" "$py_rss" "$bytes"
    row "DuckDB $("$work/venv/bin/python" -c 'import duckdb;print(duckdb.__version__)') read_json, same aggregation" "$duck_s" "$duck_rss" "$bytes"
    echo
    echo "- 8 files against one file (zlib, --jobs $cores): $(ratio "$split_bytes" "$eight_s" "$bytes" "$all_s") ×."
    if [ -n "$isal_bin" ]; then
        echo "- ISA-L against zlib (one file, --jobs $cores): $(ratio "$bytes" "$isal_s" "$bytes" "$all_s") ×; 8 files with ISA-L against one file with zlib: $(ratio "$split_bytes" "$isal8_s" "$bytes" "$all_s") ×."
    fi
    echo "- The same job (no policies: price every call, aggregate; costreplay also writes all its reports), zlib, --jobs $cores:"
    echo "  costreplay is $(awk "BEGIN{printf \"%.1f\", $py_s / $bare_s}") × as fast as the Python script and $(awk "BEGIN{printf \"%.2f\", $duck_s / $bare_s}") × as fast as DuckDB."
    echo "- With the default policies replayed (several scenarios per call) against the scripts' baseline-only job:"
    echo "  $(awk "BEGIN{printf \"%.1f\", $py_s / $all_s}") × as fast as Python, $(awk "BEGIN{printf \"%.2f\", $duck_s / $all_s}") × as fast as DuckDB."
    echo "- Peak RSS on the 4 × larger input ($calls against $((calls / 4)) calls, $(mb "$bytes") against $(mb "$small_bytes") MB): $(awk "BEGIN{printf \"%+.0f\", ($all_rss / $small_rss - 1) * 100}") %."
    echo "- Same calls.csv for --jobs 1 and --jobs $cores: $jobs_same; for ISA-L and zlib: $isal_same."
    echo "- Baseline totals (a check that all three computed the same job): costreplay \$$costreplay_total ($calls calls,"
    echo "  duplicates counted once, exact prices with tiers and service tiers), Python \$$py_total ($py_calls lines),"
    echo "  DuckDB \$$duck_total ($duck_calls lines). The scripts use base rates only and count every line."
} | tee reports/benchmark.md
