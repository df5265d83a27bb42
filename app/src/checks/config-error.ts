import type { ConfigError } from '@trustgate/core';
import type { CheckOutput } from '../review/summary.js';

/** A failing check's text for an invalid policy: every problem as file:line:column, and what to do. */
export function configErrorOutput(error: ConfigError): CheckOutput {
  const first = error.problems[0];
  const where = `${error.file ?? '.github/trustgate.yml'}:${error.line}`;
  return {
    title: `Invalid trustgate policy at ${where}`,
    summary:
      `The trustgate policy on the base branch is invalid, so no trustgate check can pass until it is fixed ` +
      `(${error.code}).\n\n` +
      error.problems.map((p) => `- \`${error.file}:${p.line}:${p.column}\`: ${p.message}`).join('\n') +
      `\n\nFix ${first ? `line ${first.line}` : 'the file'} on the base branch; the checks re-run on the next push or re-run request.`,
  };
}
