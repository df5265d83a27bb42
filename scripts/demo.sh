#!/usr/bin/env bash
# The whole product on bundled examples: each capability adds examples/<topic>/demo.sh, run here in order.
# A demo step states the exit code it expects (a blocking gate is the point of some steps); any surprise fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export TRUSTGATE_BIN="node $PWD/packages/cli/bin/trustgate.js"
export NO_COLOR=1
export DEMO_LIB="$PWD/scripts/demo-lib.sh"
for step in examples/*/demo.sh; do
  topic=$(basename "$(dirname "$step")")
  printf '\n\033[1m━━ %s ━━\033[0m\n' "$topic"
  bash "$step"
done
printf '\n\033[1mdemo finished: every step gave the exit code it expected.\033[0m\n'
