#!/usr/bin/env bash
# Regenerates reports/ from fixtures/ with the README's commands (run from anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c debug --product costreplay >/dev/null
bin=.build/debug/costreplay
# The main job: embedded price book and default policies.
"$bin" analyze fixtures/logs --out reports --quiet
# Every policy at once, on the same logs.
"$bin" analyze fixtures/logs --policy fixtures/policies/all-policies.toml --out reports/all-policies --quiet
