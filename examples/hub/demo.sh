#!/usr/bin/env bash
# Scan before download: a Hub repository is listed through the Hub API and only the bytes the analysis needs are
# fetched by range requests. A local Hub (scripts/with-local-hub.mjs) serves the bundled examples, offline.
set -euo pipefail
source "$DEMO_LIB"
title 'Scan before download: Hugging Face repositories read by range requests (here from a local Hub)'
hub() { node scripts/with-local-hub.mjs trustgate "$@"; }
# A 1 GiB safetensors checkpoint with its tokenizer and chat template: a few KiB fetched.
expect 0 -- hub scan hf://examples/large
# The trojaned torch checkpoint and malicious pickles block before a byte of them is on disk.
expect 1 -- hub scan hf://examples/malicious --quiet
# A gated repository without HF_TOKEN is an input error, not a pass.
expect 2 -- hub scan hf://examples/gated
