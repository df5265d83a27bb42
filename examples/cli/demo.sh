#!/usr/bin/env bash
# The CLI itself: version, help, the usage-error exit code, a starter policy and shell completion.
set -euo pipefail
source "$DEMO_LIB"
title 'The CLI: help, usage errors (exit 2), trustgate init, shell completion'
expect 0 -- trustgate --version
expect 0 --lines 1 -- trustgate --help
expect 0 --lines 1 -- trustgate help scan
expect 2 -- trustgate no-such-command
expect 2 -- trustgate trust-tax bakfill
expect 0 -- trustgate init --out "$DEMO_TMP/cli/trustgate.yml"
expect 0 -- trustgate scan examples/models/benign --policy "$DEMO_TMP/cli/trustgate.yml"
expect 0 --lines 1 -- trustgate completion bash
