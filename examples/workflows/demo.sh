#!/usr/bin/env bash
# Actions: the model-scan step run as its composite runs it (INPUT_* env, GITHUB_* files) on a git checkout whose
# vendored dependency hides a malicious pickle: .git is not walked, `exclude` is the workflow's to set, outputs first.
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
title 'Actions: the model-scan action as its composite runs it, on a checkout with a vendored malicious pickle'
repo="$DEMO_TMP/workflows/repo"; out="$DEMO_TMP/workflows/out"
mkdir -p "$out"
mkdir -p "$repo/models" "$repo/vendor/lib"
cp ../models/benign/* "$repo/models/" && cp ../models/malicious/os_system.pkl "$repo/vendor/lib/"
git -C "$repo" init -q && git -C "$repo" add -A && git -C "$repo" -c user.name=d -c user.email=d@e commit -qm demo
# The action's log is dropped; its `verdict` output and the step summary's third line are printed.
model_scan_action() {
  : >"$out/output"; : >"$out/summary"
  local rc=0
  env GITHUB_WORKSPACE="$repo" GITHUB_OUTPUT="$out/output" GITHUB_STEP_SUMMARY="$out/summary" RUNNER_TEMP="$out" INPUT_PATH=. "$@" node ../../actions/model-scan/dist/index.js >/dev/null || rc=$?
  echo "verdict=$(grep -A1 '^verdict<<' "$out/output" | tail -1); $(sed -n 3p "$out/summary")"
  return "$rc"
}
expect 1 -- model_scan_action
expect 0 -- model_scan_action INPUT_EXCLUDE='vendor/**'
