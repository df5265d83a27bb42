#!/usr/bin/env bash
# Promotion gate: a model moves staging -> production only when signed evidence for its exact digest meets
# the environment's policy. Evidence is Sigstore bundles from a local Sigstore (trusted_root.json here);
# regenerate with examples/promotion/make-evidence.mjs.
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
title 'Promotion gate: a digest moves staging -> production only on signed evidence that meets the policy'
why='^### trustgate gate|❔|^\| `evidence/'
digest="sha256:$(sha256sum model.bin | cut -d' ' -f1)"
opts=(--policy trustgate.yml --trusted-root trusted_root.json --subject "$digest")

# Staging: scan, provenance from the build workflow, tests. Passes; the decision Statement (SLSA VSA) is written.
expect 0 --grep "$why" -- trustgate gate "${opts[@]}" --environment staging --statement "$DEMO_TMP/promotion/staging-decision.intoto.json" --evidence evidence/staging/*

# Production with everything, including the signed staging decision and alice's approval: passes.
expect 0 --grep "$why" -- trustgate gate "${opts[@]}" --environment production --evidence evidence/staging/* evidence/production/*

# Production straight from the build, without the staging decision: fails, naming promotion:staging.
expect 1 --grep "$why" -- trustgate gate "${opts[@]}" --environment production --evidence evidence/staging/* evidence/production/approval-alice.sigstore.json \
  evidence/production/risk-tier.sigstore.json evidence/production/model-card.sigstore.json evidence/production/data-governance.sigstore.json

# High-risk model approved by bob only (not the named approver), with a scan of another digest, a scan signed
# by a fork's workflow and an unsigned Statement thrown in: fails; the report says why each did not count.
expect 1 --grep "$why" -- trustgate gate "${opts[@]}" --environment production --evidence evidence/staging/provenance.sigstore.json evidence/staging/tests.sigstore.json \
  evidence/production/staging-decision.sigstore.json evidence/production/risk-tier.sigstore.json evidence/production/model-card.sigstore.json \
  evidence/production/data-governance.sigstore.json evidence/rejected/*

# Dry run: the same explanation, exit 0 (add --format json for machines).
expect 0 --grep "$why" -- trustgate gate "${opts[@]}" --environment production --dry-run --evidence evidence/staging/* evidence/rejected/approval-bob.sigstore.json
