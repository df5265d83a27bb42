#!/usr/bin/env bash
# The whole product on bundled examples: each capability has examples/<topic>/demo.sh, one `expect` line per step
# (scripts/demo-lib.sh). Topics run in ORDER (the headline first); a topic not listed runs after them.
# A step states the exit code it expects (a blocking gate is the point of some steps); any surprise fails.
#   bash scripts/demo.sh [--verbose] [TOPIC...]   --verbose prints every step's whole output; TOPICs: only those
set -euo pipefail
cd "$(dirname "$0")/.."
ORDER=(models model-formats hub signatures promotion agents ai-tag trust-tax app workflows cli)

only=()
for arg in "$@"; do
  case "$arg" in
    --verbose | -v) export DEMO_VERBOSE=1 ;;
    -*) echo "usage: bash scripts/demo.sh [--verbose] [TOPIC...]" >&2; exit 2 ;;
    *)
      [ -f "examples/$arg/demo.sh" ] || { echo "demo: no topic $arg (examples/$arg/demo.sh)" >&2; exit 2; }
      only+=("$arg")
      ;;
  esac
done
DEMO_COLOR=0
[ -t 1 ] && [ -z "${NO_COLOR:-}" ] && DEMO_COLOR=1
export DEMO_COLOR
export DEMO_ROOT=$PWD
export DEMO_TMP=$(mktemp -d)
trap 'rm -rf "$DEMO_TMP"' EXIT
export TRUSTGATE_BIN="node $PWD/packages/cli/bin/trustgate.js"
# The commands' own output is captured, never a terminal: no colour or progress codes from them either.
export NO_COLOR=1
export DEMO_LIB="$PWD/scripts/demo-lib.sh"

topics=("${ORDER[@]}")
for step in examples/*/demo.sh; do
  topic=$(basename "$(dirname "$step")")
  [[ " ${ORDER[*]} " == *" $topic "* ]] || topics+=("$topic")
done
[ ${#only[@]} -eq 0 ] || topics=("${only[@]}")
echo "trustgate demo: ${#topics[@]} topics on the bundled examples/ (each step: the command, its exit code, its verdict; --verbose for whole outputs)"
for topic in "${topics[@]}"; do
  mkdir -p "$DEMO_TMP/$topic"
  DEMO_TOPIC=$topic bash "examples/$topic/demo.sh"
done
printf '\ndemo finished: every step gave the exit code it expected.\n'
