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

# High-risk model approved by bob only (not the named approver), with a scan of another digest and a scan signed
# by a fork's workflow thrown in: fails; the report says why each did not count.
expect 1 --grep "$why" -- trustgate gate "${opts[@]}" --environment production --evidence evidence/staging/provenance.sigstore.json evidence/staging/tests.sigstore.json \
  evidence/production/staging-decision.sigstore.json evidence/production/risk-tier.sigstore.json evidence/production/model-card.sigstore.json \
  evidence/production/data-governance.sigstore.json evidence/rejected/*.sigstore.json

# What you name is read, or the run stops: an unsigned Statement among the evidence is an input error (exit 2,
# EVIDENCE_INVALID naming the file), not evidence quietly skipped.
expect 2 -- trustgate gate "${opts[@]}" --environment staging --evidence evidence/staging/* evidence/rejected/tests-unsigned.intoto.json

# Dry run: the same explanation, exit 0 (add --format json for machines).
expect 0 --grep "$why" -- trustgate gate "${opts[@]}" --environment production --dry-run --evidence evidence/staging/* evidence/rejected/approval-bob.sigstore.json

# The signed decision log: log the staging decision (Ed25519 key made here), export it, verify the chain offline.
log="$DEMO_TMP/promotion/log" && mkdir -p "$log" && openssl genpkey -algorithm ed25519 -out "$log/key.pem" 2>/dev/null && openssl pkey -in "$log/key.pem" -pubout -out "$log/key.pub"
expect 0 --grep "$why" -- trustgate gate "${opts[@]}" --environment staging --evidence evidence/staging/* --log-decision --signing-key "$log/key.pem" --data-dir "$log/store"
expect 0 -- trustgate decisions export --data-dir "$log/store" --out "$log/decisions.jsonl"
expect 0 -- trustgate decisions verify "$log/decisions.jsonl" --key "$log/key.pub"
