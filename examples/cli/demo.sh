#!/usr/bin/env bash
# The CLI itself: version, help, and the usage-error exit code.
set -euo pipefail
source "$DEMO_LIB"
expect 0 -- trustgate --version
expect 0 -- trustgate --help
expect 2 -- trustgate no-such-command
