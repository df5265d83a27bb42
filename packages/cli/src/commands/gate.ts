import { writeFile } from 'node:fs/promises';
import { CoreError } from '@trustgate/core';
import { decidePromotionFromFiles, decisionToJson, decisionToMarkdown } from '@trustgate/gate';
import { parseCommandArgs, requireOption } from '../args.js';
import { type Command, EXIT } from '../io.js';

const USAGE = `Usage: trustgate gate --policy F --environment NAME --subject sha256:HEX --evidence F... [--format json|markdown]
                      [--dry-run] [--statement F] [--trusted-root F] [--repo O/R]

Decide whether the artifact with digest --subject may be promoted to --environment under the policy's
promotion.environments section. Evidence is Sigstore bundles (JSON, JSON Lines, or a GitHub attestations
API response); with --repo and GITHUB_TOKEN the attestations API is read too. Only bundles that verify
against the policy's signers and name this exact digest count.

  --format json|markdown  decision output (default markdown)
  --dry-run               report the decision but exit 0
  --statement F           write the decision as an in-toto Statement (SLSA verification summary)
  --trusted-root F        Sigstore trusted_root.json (default: the bundled public-good root)

Exit codes: 0 pass, 1 fail, 2 usage, config or I/O error.`;

const gate: Command = {
  name: 'gate',
  summary: 'decide a promotion',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('gate', args, {
      policy: { type: 'string' },
      environment: { type: 'string' },
      subject: { type: 'string' },
      evidence: { type: 'string', multiple: true },
      format: { type: 'string', default: 'markdown' },
      'dry-run': { type: 'boolean', default: false },
      statement: { type: 'string' },
      'trusted-root': { type: 'string' },
      repo: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    const format = values.format;
    if (format !== 'json' && format !== 'markdown')
      throw new CoreError('USAGE_ERROR', `--format must be json or markdown, not "${format}"`);
    // `--evidence a b c` leaves b and c as positionals: both spellings name evidence files.
    const files = [...(values.evidence ?? []), ...positionals];
    if (files.length === 0 && values.repo === undefined) {
      throw new CoreError('USAGE_ERROR', 'give evidence with --evidence F... or --repo O/R (with GITHUB_TOKEN); see trustgate gate --help');
    }
    const token = io.env.GITHUB_TOKEN;
    if (values.repo !== undefined && !token)
      throw new CoreError('USAGE_ERROR', '--repo reads the attestations API and needs GITHUB_TOKEN in the environment');
    const result = await decidePromotionFromFiles({
      policyFile: requireOption('gate', values.policy, '--policy'),
      environment: requireOption('gate', values.environment, '--environment'),
      subject: requireOption('gate', values.subject, '--subject'),
      evidenceFiles: files,
      ...(values['trusted-root'] ? { trustedRootFile: values['trusted-root'] } : {}),
      ...(values.repo !== undefined ? { repository: values.repo, token } : {}),
      ...(io.env.GITHUB_API_URL ? { apiUrl: io.env.GITHUB_API_URL } : {}),
    });
    if (values.statement !== undefined) await writeOut(values.statement, `${JSON.stringify(result.statement, null, 2)}\n`);
    io.stdout(format === 'json' ? decisionToJson(result.decision) : decisionToMarkdown(result.decision, { dryRun: values['dry-run'] }));
    if (result.decision.decision === 'pass' || values['dry-run']) return EXIT.ok;
    return EXIT.blocked;
  },
};

async function writeOut(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (cause) {
    throw new CoreError('IO_ERROR', `cannot write the decision Statement to ${file}: ${(cause as Error).message}; check the path`, {
      cause,
      file,
    });
  }
}

export default gate;
