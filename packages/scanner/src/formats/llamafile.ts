import type { Analysis } from '../analyser.js';
import { absorb, conclude } from '../conclude.js';
import { readZipDirectory } from '../containers/zip.js';
import { BREADTH_RULES as R } from '../rules-breadth.js';
import { finding } from '../rules.js';
import type { ScanContext } from '../scan-context.js';
import { analyseZip } from './zip-archive.js';

const MZ = [0x4d, 0x5a];
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const MACHO = [
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xce, 0xfa, 0xed, 0xfe],
];

/** A native executable (PE/APE `MZ`, ELF, Mach-O), as llamafile's Actually Portable Executable begins. */
export function isExecutable(head: Uint8Array): boolean {
  const starts = (m: readonly number[]) => m.every((b, i) => head[i] === b);
  return starts(MZ) || starts(ELF) || MACHO.some(starts);
}

/**
 * A program with a zip appended (llamafile: the GGUF weights and `.args` stored in the zip). The members are
 * analysed as any zip's are; the program itself is native code this scanner does not judge, so it asks for review.
 */
export async function analyseExecutableZip(ctx: ScanContext): Promise<Analysis> {
  const { source } = ctx;
  const zip = await analyseZip(ctx);
  const dir = await readZipDirectory(source, ctx.policy.limits).catch(() => undefined);
  const weights = dir?.entries.filter((e) => e.name.toLowerCase().endsWith('.gguf')) ?? [];
  const findings = [] as Analysis['findings'];
  absorb(findings, zip, source.name);
  if (weights.length === 0) {
    findings.push(
      finding(
        R.notAnalysable,
        'format executable with an appended zip recognised, not analysable: the program is native code and no GGUF weights were found in it',
        { path: source.name },
      ),
    );
    return conclude('executable', findings, [zip]);
  }
  findings.push(
    finding(
      R.llamafile,
      `a native program carrying ${weights.map((w) => w.name).join(', ')}; the weights were analysed, the program was not`,
      {
        path: source.name,
      },
    ),
  );
  return conclude('llamafile', findings, [zip], { framework: 'llama.cpp', properties: { weights: weights.map((w) => w.name).join(',') } });
}
