#!/usr/bin/env bash
# The GitHub App: `trustgate serve` against a local GitHub double; one signed delivery for an agent PR approved
# only by the agent's initiator, so the architecture review keeps waiting and asks the architects.
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
title 'The GitHub App: trustgate serve answering a signed webhook, check runs, review requests, the trust-tax record'
expect 0 --grep '^(delivery|processed|check run|reviewers requested|trust-tax record)' -- node demo.mjs
