#!/usr/bin/env bash
# Trust tax: record a small seeded history (what the App records from webhooks) into an embedded store, report it
# as a table and as Markdown, then backfill a ledger from a local git clone.
set -euo pipefail
source "$DEMO_LIB"
here="$(cd "$(dirname "$0")" && pwd)"
work="$DEMO_TMP/trust-tax"
title 'Trust tax: what AI-written code costs in review and rework, beside human PRs of the same size'
expect 0 -- trustgate trust-tax import "$here/history.json" --data-dir "$work/data"
expect 0 --grep '^Trust tax as of|^  cohorts:|^(agent|assisted) +composite' -- trustgate trust-tax --data-dir "$work/data" --as-of 2026-08-01
expect 0 --grep '^\| composite' -- trustgate trust-tax --data-dir "$work/data" --as-of 2026-08-01 --since 180d --format markdown
# No store there: an input error that says where it looked.
expect 2 -- trustgate trust-tax --data-dir "$work/none"
# Replay this repository's own default-branch history into a fresh ledger.
expect 0 -- trustgate trust-tax backfill --git "$here/../.." --repo trustgate/trustgate --data-dir "$work/ledger"
# From a clone alone: line survival by cohort (Kaplan–Meier) and the Cox hazard ratio of AI lines, on a bundled
# history whose AI lines are built to die twice as fast (the ratio's 95% interval holds 2; unstratified it is biased).
node "$here/survival-history.mjs" "$work/known-law" >/dev/null
expect 0 --grep '^(agent|assisted|unknown) +[0-9]|^  AI \(agent' -- trustgate trust-tax --git "$work/known-law" --repo demo/known-law
