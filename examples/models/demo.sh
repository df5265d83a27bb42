#!/usr/bin/env bash
# Model scanning: benign checkpoints pass; a pickle that calls os.system, one that breaks after its payload
# (unsafe, analysis partial) and a trojaned checkpoint block. --format json|sarif|markdown for machines.
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
title 'Model scanning: what a model runs when it is loaded (pickle, PyTorch, joblib, NumPy)'
expect 0 -- trustgate scan benign
expect 1 --lines 2 -- trustgate scan malicious/os_system.pkl
expect 1 -- trustgate scan malicious/cut_after_payload.pkl
# --quiet: only the files that need attention, and the summary.
expect 1 --grep '^[A-Z]+ |^[0-9]+ files' -- trustgate scan benign malicious --quiet
expect 2 -- trustgate scan no-such-model.pt
