#!/usr/bin/env bash
# Signature verification on bundled, locally signed examples (regenerate with make-example.mjs):
# a Sigstore bundle over a file, a GitHub-style attestation, and an OpenSSF model signature.
set -euo pipefail
source "$DEMO_LIB"
cd "$(dirname "$0")"
title 'Signatures: Sigstore bundles, GitHub artifact attestations, OpenSSF model signatures'
ROOT=(--trusted-root trusted_root.json)
ID=(--certificate-identity release@acme.example --certificate-oidc-issuer https://accounts.acme.example)

# A blob, by file and by digest; the identity is matched exactly.
expect 0 -- trustgate verify-bundle --bundle release.txt.sigstore.json "${ID[@]}" "${ROOT[@]}" release.txt
expect 0 -- trustgate verify-bundle --bundle release.txt.sigstore.json "${ID[@]}" "${ROOT[@]}" "sha256:$(sha256sum release.txt | cut -d' ' -f1)"
expect 1 -- trustgate verify-bundle --bundle release.txt.sigstore.json --certificate-identity release@acme.example.evil --certificate-oidc-issuer https://accounts.acme.example "${ROOT[@]}" release.txt
# No identity and no key: a refusal, never a pass.
expect 2 -- trustgate verify-bundle --bundle release.txt.sigstore.json "${ROOT[@]}" release.txt

# A GitHub artifact attestation with gh's --owner / --signer-workflow semantics; suffix tricks do not match.
expect 0 -- trustgate verify-attestation release.txt --bundle release.txt.intoto.sigstore.json --owner acme --signer-workflow acme/app/.github/workflows/release.yml "${ROOT[@]}"
expect 1 -- trustgate verify-attestation release.txt --bundle release.txt.intoto.sigstore.json --owner acme --signer-workflow acme/app/.github/workflows/release.yml@refs/heads/main-evil "${ROOT[@]}"
expect 1 -- trustgate verify-attestation release.txt --bundle release.txt.intoto.sigstore.json --owner acme-evil "${ROOT[@]}"
# The same attestation for an OCI image named by that digest (never pulled: only the digest is compared).
expect 0 -- trustgate verify-attestation "oci://ghcr.io/acme/app@sha256:$(sha256sum release.txt | cut -d' ' -f1)" --bundle release.txt.intoto.sigstore.json --owner acme "${ROOT[@]}"

# An OpenSSF model signature with a managed key; a changed weight file is reported by name.
work="$DEMO_TMP/signatures"
expect 0 -- trustgate verify-model model --signature model/model.sig --key model-signer.pub.pem --statement "$work/model-verification.json"
cp -r model "$work/model"
printf 'x' >> "$work/model/weights.bin"
expect 1 -- trustgate verify-model "$work/model" --signature "$work/model/model.sig" --key model-signer.pub.pem
# --quiet: nothing on success (CI logs keep only failures).
expect 0 -- trustgate verify-bundle --quiet --bundle release.txt.sigstore.json "${ID[@]}" "${ROOT[@]}" release.txt
