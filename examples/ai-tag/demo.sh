#!/usr/bin/env bash
# AI-code tagging: an agent PR (Copilot coding agent), an AI-assisted PR (Claude Code), a human PR with
# "Claude" in prose and a co-author named Devin (unknown, or human under a disclosure policy), AI line share
# from a git-ai note, an in-toto statement, and hidden text in an AGENTS.md.
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
title 'AI-code tagging: agent, assisted, human and unknown pull requests; AI line share; hidden text'
out="$DEMO_TMP/ai-tag"
expect 0 --grep '^  "(cohort|agent)":|^    "share":' -- trustgate tag --event agent-event.json --commits agent-commits.json --files agent-files.json --line-log ai-line-log.note --format json --statement "$out/ai-tag.intoto.json"
grep -q '"predicateType": "https://trustgate.dev/ai-tag/v1"' "$out/ai-tag.intoto.json"
note "statement: $out/ai-tag.intoto.json (predicate https://trustgate.dev/ai-tag/v1)"
expect 0 --lines 2 -- trustgate tag --event assisted-event.json --commits assisted-commits.json --format text
expect 0 --lines 1 -- trustgate tag --event human-event.json --commits human-commits.json --format text
expect 0 --lines 1 -- trustgate tag --event human-event.json --commits human-commits.json --policy policy-disclosure.yml --format text
expect 1 --grep '^Codertocat|TG-AIH' -- trustgate tag --event agent-event.json --commits agent-commits.json --instructions instructions --format text
expect 2 -- trustgate tag --event agent-commits.json
