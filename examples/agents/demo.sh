#!/usr/bin/env bash
# Agent governance: a benign repository (13 MCP config formats, 18 instruction formats, a skill) passes the org
# allowlist, and a PR's changed agent files need the agents.review approvers; its hostile twin is blocked
# (unlisted, denied and unpinned servers, inlined secrets, hidden text, a broken config).
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
# The .mcp.json block, AGENTS.md and the verdict line only, to keep the demo short.
agents() { trustgate agents "$@" | grep -E '\.mcp\.json|server helper|AGENTS\.md|^[0-9]+ agent file' | grep -v 'TG-AGT'; return "${PIPESTATUS[0]}"; }
expect 0 -- agents repos/benign --policy policy.yml --files pr-files.json
expect 1 -- agents repos/hostile --policy policy.yml
expect 2 -- trustgate agents repos/benign --format yaml
