import { resolve } from 'node:path';
import { loadTrustedRootFile } from '@trustgate/verify';
import { loadEvidenceFiles } from './evidence/files.js';
import { sigstoreVerifier } from './evidence/sigstore-verifier.js';
import { loadPromotionPolicy } from './policy-file.js';
import { decidePromotion, type PromotionResult } from './promotion.js';

/** What the CLI and the action both have: paths, names, and a token. */
export interface PromotionFiles {
  policyFile: string;
  environment: string;
  subject: string;
  subjectName?: string;
  evidenceFiles: readonly string[];
  /** Sigstore trusted_root.json; default the bundled public-good root. */
  trustedRootFile?: string;
  /** `owner/repo` whose attestations API is read (with `token`). */
  repository?: string;
  token?: string;
  /** GitHub API base, e.g. GHES `https://HOST/api/v3`. */
  apiUrl?: string;
  fetch?: typeof fetch;
  /** Relative paths are read from here (default: the process's); decisions name them as given. */
  cwd?: string;
}

/** decidePromotion from files on disk: the shared edge of `trustgate gate` and the promotion-gate action. */
export async function decidePromotionFromFiles(files: PromotionFiles): Promise<PromotionResult> {
  const cwd = files.cwd ?? '.';
  const { policy, source } = await loadPromotionPolicy(files.policyFile, cwd);
  const roots = files.trustedRootFile ? await loadTrustedRootFile(resolve(cwd, files.trustedRootFile)) : undefined;
  const readApi = files.repository !== undefined && files.token !== undefined && files.token !== '';
  return decidePromotion(
    {
      policy,
      policySource: source,
      environment: files.environment,
      subject: files.subject,
      ...(files.subjectName ? { subjectName: files.subjectName } : {}),
      evidence: await loadEvidenceFiles(files.evidenceFiles, cwd),
      ...(readApi ? { repository: files.repository } : {}),
    },
    {
      verifyBundle: sigstoreVerifier(roots),
      ...(readApi
        ? { attestations: { fetch: files.fetch ?? fetch, token: files.token, ...(files.apiUrl ? { baseUrl: files.apiUrl } : {}) } }
        : {}),
    },
  );
}
