#!/usr/bin/env bash
# Model scanning: benign checkpoints pass; a pickle that calls os.system, one that breaks after its payload
# (unsafe, analysis partial) and a trojaned checkpoint block.
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
expect 0 -- trustgate scan benign
expect 1 -- trustgate scan malicious/os_system.pkl
expect 1 -- trustgate scan malicious/cut_after_payload.pkl
expect 1 -- trustgate scan benign malicious --format json
expect 2 -- trustgate scan no-such-model.pt
