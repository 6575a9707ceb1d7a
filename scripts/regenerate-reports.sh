#!/usr/bin/env bash
# Regenerates reports/ from fixtures/ with the README's commands (run from anywhere).
# Tests/CLITests/ReportsFreshnessTests runs every `"$bin" analyze` line below and compares.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c debug --product costreplay >/dev/null
bin=.build/debug/costreplay
# The main job: embedded price book and default policies.
"$bin" analyze fixtures/logs --out reports --quiet
# Every policy at once, on the same logs.
"$bin" analyze fixtures/logs --policy fixtures/policies/all-policies.toml --out reports/all-policies --quiet
# Post-mortem of the runaway user.
"$bin" analyze fixtures/logs --focus user:sybil --out reports/postmortem-sybil --quiet
# Finance: October 2026 with teams and cost centers from the attribution file (September is read for the change).
"$bin" analyze fixtures/logs --period 2026-10 --attribution fixtures/attribution.csv --out reports/finance-2026-10 --quiet
