import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { fileProblem, writeFileAtomic } from '@trustgate/core';
import { type ChainVerdict, DecisionLogError, exportDecisions, parseSince, trustedDecisionKey, verifyChain } from '@trustgate/metrics';
import { usageError } from '../args.js';
import { defineCommand, EXIT } from '../io.js';
import { decisionsExportSpec, decisionsSpec, decisionsVerifySpec } from '../specs/decisions.js';
import { openCliStore, withStore } from './store.js';

export const parent = defineCommand(decisionsSpec, async () => {
  throw usageError(decisionsSpec, 'give a subcommand: export or verify');
});

export const exportLog = defineCommand(decisionsExportSpec, async ({ values }, io) => {
  const since = values.since ? parseSince(values.since, new Date().toISOString()) : undefined;
  const lines = await withStore(await openCliStore(values, io, false), (s) => exportDecisions(s, since));
  const text = lines.map((l) => `${l}\n`).join('');
  if (values.out) await writeFileAtomic(resolve(io.cwd, values.out), text);
  else io.stdout(text);
  return EXIT.ok;
});

export const verifyLog = defineCommand(decisionsVerifySpec, async ({ values, positionals }, io) => {
  const file = positionals[0] as string;
  const trusted = new Map<string, KeyObject>();
  for (const path of values.key) {
    const { keyId, publicKey } = trustedDecisionKey(await read(resolve(io.cwd, path), path), path);
    trusted.set(keyId, publicKey);
  }
  const verdict = verifyChain(parseLines(await read(resolve(io.cwd, file), file), file), trusted);
  if (values.format === 'json') io.stdout(`${JSON.stringify(verdict, null, 2)}\n`);
  else if (!(values.quiet && verdict.ok)) io.stdout(verdictText(verdict, file));
  return verdict.ok ? EXIT.ok : EXIT.blocked;
});

async function read(path: string, named: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new DecisionLogError('DECISIONS_UNREADABLE', `cannot read ${named}: ${fileProblem(cause)}`, { cause, file: named });
  }
}

/** JSON Lines, every line JSON: a line that is not is unreadable input (exit 2), not a verdict on the chain. */
function parseLines(text: string, file: string): unknown[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0)
    throw new DecisionLogError('DECISIONS_UNREADABLE', `${file} holds no decision records; export them with trustgate decisions export`, {
      file,
    });
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch (cause) {
      throw new DecisionLogError('DECISIONS_UNREADABLE', `${file}:${i + 1} is not JSON; is it the output of trustgate decisions export?`, {
        cause,
        file,
      });
    }
  });
}

function verdictText(v: ChainVerdict, file: string): string {
  if (!v.ok) {
    const which = v.seq !== undefined ? `record ${v.seq} (line ${v.line})` : `line ${v.line}`;
    return `✗ ${file}: ${which} is broken: ${v.fault}: ${v.reason}; the ${v.verified} record(s) before it verify\n`;
  }
  const from = v.first && v.first.seq > 1 ? ` (starts after ${v.first.prev})` : '';
  return `✓ ${file}: ${v.count} record(s), seq ${v.first?.seq}..${v.head?.seq}, chained and signed by a trusted key${from}; head ${v.head?.hash}\n`;
}
