#!/usr/bin/env bash
# Measures costreplay against in-process zlib inflate of the same file, in one run, and peak RSS.
# Usage: scripts/benchmark.sh [CALLS]   (default 70000 calls ≈ 600 MB uncompressed)
# Writes reports/benchmark.md.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-70000}
work=.bench
mkdir -p "$work"
swift build -c release --product costreplay >/dev/null
bin=.build/release/costreplay

big="$work/synth-$calls.jsonl.gz"
small="$work/synth-$((calls / 4)).jsonl.gz"
[ -f "$big" ] || "$bin" synth --out "$big" --calls "$calls" --seed 2026 --days 14 >/dev/null
[ -f "$small" ] || "$bin" synth --out "$small" --calls "$((calls / 4))" --seed 2026 --days 14 >/dev/null

# Best of three for each measurement, so a background hiccup does not decide the ratio.
best_inflate() {
    local best=""
    for _ in 1 2 3; do
        read -r bytes seconds < <(python3 scripts/inflate_speed.py "$1")
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
    done
    echo "$bytes $best"
}
run_analyze() {  # file jobs → seconds rss_kb
    local best="" rss=0
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin" analyze "$1" --jobs "$2" --out "$work/out-$2" --quiet || true
        read -r seconds kb < "$work/time.txt"
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    echo "$best $rss"
}

read -r bytes zlib_s < <(best_inflate "$big")
read -r one_s one_rss < <(run_analyze "$big" 1)
read -r all_s all_rss < <(run_analyze "$big" "$(nproc)")
read -r small_bytes _ < <(best_inflate "$small")
read -r small_s small_rss < <(run_analyze "$small" "$(nproc)")

mb() { awk "BEGIN{printf \"%.1f\", $1 / 1e6}"; }
rate() { awk "BEGIN{printf \"%.1f\", $1 / 1e6 / $2}"; }
ratio() { awk "BEGIN{printf \"%.2f\", ($1 / $2) / ($3 / $4)}"; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
    echo "# costreplay benchmark"
    echo
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB, with \`scripts/benchmark.sh $calls\`."
    echo "Input: \`costreplay synth --calls $calls --seed 2026 --days 14\`, one gzip file, $(mb "$bytes") MB uncompressed"
    echo "($(mb "$(stat -c %s "$big")") MB compressed). Throughput is uncompressed MB per second; each figure is the best of three runs."
    echo
    echo "| what | seconds | MB/s | × zlib inflate | peak RSS |"
    echo "|---|--:|--:|--:|--:|"
    echo "| in-process zlib inflate (Python zlib, same file) | $zlib_s | $(rate "$bytes" "$zlib_s") | 1.00 | — |"
    echo "| costreplay analyze, default policies, --jobs 1 | $one_s | $(rate "$bytes" "$one_s") | $(ratio "$bytes" "$one_s" "$bytes" "$zlib_s") | $((one_rss / 1024)) MiB |"
    echo "| costreplay analyze, default policies, --jobs $(nproc) | $all_s | $(rate "$bytes" "$all_s") | $(ratio "$bytes" "$all_s" "$bytes" "$zlib_s") | $((all_rss / 1024)) MiB |"
    echo "| same, a 4 × smaller input ($((calls / 4)) calls) | $small_s | $(rate "$small_bytes" "$small_s") | — | $((small_rss / 1024)) MiB |"
    echo
    echo "Peak RSS on the 4 × larger input is $(awk "BEGIN{printf \"%.0f\", ($all_rss / $small_rss - 1) * 100}") % above the smaller one's."
} | tee reports/benchmark.md
