#!/usr/bin/env bash
# Actions: the model-scan step run as its composite runs it (INPUT_* env, GITHUB_* files) on a git checkout whose
# vendored dependency hides a malicious pickle: .git is not walked, `exclude` is the workflow's to set, outputs first.
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
repo=$(mktemp -d); out=$(mktemp -d); trap 'rm -rf "$repo" "$out"' EXIT
mkdir -p "$repo/models" "$repo/vendor/lib"
cp ../models/benign/* "$repo/models/" && cp ../models/malicious/os_system.pkl "$repo/vendor/lib/"
git -C "$repo" init -q && git -C "$repo" add -A && git -C "$repo" -c user.name=d -c user.email=d@e commit -qm demo
step() { : >"$out/output"; : >"$out/summary"; env GITHUB_WORKSPACE="$repo" GITHUB_OUTPUT="$out/output" GITHUB_STEP_SUMMARY="$out/summary" RUNNER_TEMP="$out" INPUT_PATH=. "$@" node ../../actions/model-scan/dist/index.js >/dev/null; }
expect 1 -- step
expect 0 -- step INPUT_EXCLUDE='vendor/**'
grep -A1 '^verdict<<' "$out/output" | tail -1; sed -n 3p "$out/summary"
