#!/usr/bin/env bash
# Agent governance: a benign repository (13 MCP config formats, 18 instruction formats, a skill) passes the org
# allowlist, and a PR's changed agent files need the agents.review approvers; its hostile twin is blocked
# (unlisted, denied and unpinned servers, inlined secrets, hidden text, a broken config).
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
title 'Agent governance: MCP servers, skills and instruction files against the org allowlist'
# --quiet: only the files that are not safe; the .mcp.json block, AGENTS.md and the verdict line are shown.
shown='^[a-z]+ +[a-z-]+ +[a-z-]+ +(\.mcp\.json|AGENTS\.md)|server helper|TG-(MCP|AIH)-[0-9]+ [a-z]+: (\.mcp\.json|AGENTS\.md)|^[0-9]+ agent file'
expect 0 --grep "$shown" -- trustgate agents repos/benign --policy policy.yml --files pr-files.json --quiet
expect 1 --grep "$shown" -- trustgate agents repos/hostile --policy policy.yml --quiet
expect 2 -- trustgate agents repos/benign --format yaml
