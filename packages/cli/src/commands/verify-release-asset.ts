import path from 'node:path';
import { attestationsForDigest, releaseByTag, tagCommit } from '@trustgate/gate';
import { sha256File, verifyReleaseAttestation } from '@trustgate/verify';
import { defineCommand } from '../io.js';
import { verifyReleaseAssetSpec } from '../specs/verify-release-asset.js';
import { githubClient } from './github-client.js';
import { attempt, report, trustedRoots } from './verify-common.js';

export default defineCommand(verifyReleaseAssetSpec, async ({ values, positionals }, io) => {
  const [tag, file] = positionals as [string, string | undefined];
  const repo = values.repo;
  const outcome = await attempt(async () => {
    const roots = await trustedRoots(values['trusted-root'] && path.resolve(io.cwd, values['trusted-root']), false);
    // The file is hashed before anything is fetched: a wrong path is an input error whatever GitHub says.
    const assetSha256 = file === undefined ? undefined : await sha256File(path.resolve(io.cwd, file));
    const client = githubClient(io);
    const release = await releaseByTag(client, repo, tag);
    const tagSha = await tagCommit(client, repo, tag);
    // GitHub indexes a release attestation by the tag's sha1 (`gh release verify` asks for predicate type `release`).
    const fetched = await attestationsForDigest(client, repo, { algorithm: 'sha1', hex: tagSha }, { predicateType: 'release' });
    const verified = verifyReleaseAttestation(fetched, {
      repo,
      tag,
      tagSha,
      releaseId: release.id,
      ...(assetSha256 === undefined ? {} : { assetSha256 }),
      ...(roots === undefined ? {} : { trustedRoot: roots }),
    });
    const warnings = [...verified.attestation.warnings];
    if (!release.immutable) warnings.push(`GitHub does not report release ${tag} as immutable: its assets and tag may still change`);
    const named = verified.asset && file !== undefined && path.basename(file) !== verified.asset.name;
    if (named) warnings.push(`${file} is attested under the name ${verified.asset?.name}`);
    return {
      verified: true,
      signer: { kind: 'certificate' as const, claims: verified.attestation.signer, matched: verified.attestation.matched },
      message: verified.asset
        ? `verified: ${file} (sha256:${verified.asset.sha256}) is asset ${verified.asset.name} of release ${tag} of ${repo} (tag sha1:${tagSha})`
        : `verified: release ${tag} of ${repo} (tag sha1:${tagSha}) is attested by GitHub with ${verified.assets.length} asset(s)`,
      warnings,
      details: {
        tag,
        tagSha,
        releaseId: release.id,
        immutable: release.immutable,
        assets: verified.assets,
        ...(verified.asset ? { asset: verified.asset } : {}),
        origin: verified.origin,
        rejected: verified.rejected,
      },
    };
  });
  return report(verifyReleaseAssetSpec.name, io, values, outcome);
});
