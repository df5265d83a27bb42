import type { Finding } from '@trustgate/core/base';
import type { Analysis, ModelMetadata } from '../analyser.js';
import type { ScanContext } from '../scan-context.js';
import { memberNameProblem } from '../containers/member-name.js';
import { openMember, readZipDirectory, type ZipEntry } from '../containers/zip.js';
import { absorb, conclude, type Outcome } from '../conclude.js';
import { finding, RULES } from '../rules.js';
import { containerFinding } from './container-errors.js';

// Members a layout's judge reads whole (manifests, schemas, handler code); larger ones are not what they claim.
const JUDGED_MEMBER_CAP = 16 << 20;
export const MAR_MANIFEST = 'MAR-INF/MANIFEST.json';
export const SKOPS_SCHEMA = 'schema.json';

function judgedMember(format: Layout['format'], name: string): boolean {
  // A .mar's handler code and the requirements file its manifest may name (read whole, under the cap).
  if (format === 'torchserve-mar') return name === MAR_MANIFEST || name.endsWith('.py') || name.endsWith('.txt');
  return format === 'skops' && name === SKOPS_SCHEMA;
}

/** The layout's own code-execution surfaces: a TorchServe handler, a skops type list. */
async function judgeLayout(
  ctx: ScanContext,
  format: Layout['format'],
  members: Map<string, Uint8Array>,
  names: readonly string[],
): Promise<Finding[]> {
  const { source, policy } = ctx;
  if (format === 'torchserve-mar') return (await import('./torchserve/judge.js')).judgeMar(source.name, { names, read: members });
  if (format === 'skops') return (await import('./skops/judge.js')).judgeSkops(source.name, members, policy);
  return [];
}

interface Layout {
  format: 'pytorch-zip' | 'torchscript' | 'numpy-npz' | 'torchserve-mar' | 'skops' | 'zip';
  /** The archive folder holding data.pkl (torch), e.g. `archive/`. */
  prefix?: string;
}

/** torch.save writes `<name>/data.pkl` plus `<name>/data/<n>` storages; TorchScript adds code/ and constants.pkl. */
function layoutOf(entries: readonly ZipEntry[]): Layout {
  const pkl = entries.find((e) => e.name.endsWith('/data.pkl') && e.name.indexOf('/') === e.name.length - 9 && e.name.length > 9);
  if (pkl) {
    const prefix = pkl.name.slice(0, -'data.pkl'.length);
    const code = `${prefix}code/`;
    const constants = `${prefix}constants.pkl`;
    const script = entries.some((e) => e.name.startsWith(code) || e.name === constants);
    return { format: script ? 'torchscript' : 'pytorch-zip', prefix };
  }
  if (entries.some((e) => e.name === MAR_MANIFEST)) return { format: 'torchserve-mar' };
  if (entries.some((e) => e.name === SKOPS_SCHEMA)) return { format: 'skops' };
  if (entries.length > 0 && entries.every((e) => e.name.endsWith('.npy'))) return { format: 'numpy-npz' };
  return { format: 'zip' };
}

/**
 * A zip read through its central directory the way torch (miniz) and numpy (zipfile) read it. Every member
 * is sniffed by content and analysed, except torch tensor storages, which torch only ever reads as raw bytes.
 */
export async function analyseZip(ctx: ScanContext): Promise<Analysis> {
  const { source } = ctx;
  const limits = ctx.policy.limits;
  const findings: Finding[] = [];
  const nested: Outcome[] = [];
  let dir: Awaited<ReturnType<typeof readZipDirectory>>;
  try {
    dir = await readZipDirectory(source, limits);
  } catch (e) {
    return conclude('zip', [containerFinding(e, source.name, RULES.zipParse)], [], undefined, 'failed');
  }
  const layout = layoutOf(dir.entries);
  if (dir.prepended > 0)
    findings.push(
      finding(RULES.headerMismatch, `${dir.prepended} bytes precede the archive; torch and zipfile locate members differently`, {
        path: source.name,
      }),
    );
  const overlapping = overlappingEntries(dir.entries);
  if (overlapping.size > 0)
    findings.push(
      finding(
        RULES.overlappingMembers,
        `${overlapping.size} central-directory entries overlap the data of another member (a zip bomb's shape); each byte range was analysed once`,
        { path: source.name },
      ),
    );
  const seen = new Set<string>();
  let storages = 0;
  let scripts = 0;
  const judged = new Map<string, Uint8Array>();
  const storageDir = layout.prefix === undefined ? undefined : `${layout.prefix}data/`;
  const codeDir = layout.prefix === undefined ? undefined : `${layout.prefix}code/`;
  for (const e of dir.entries) {
    const problem = memberNameProblem(e.name);
    if (problem) findings.push(finding(RULES.memberName, `member name ${JSON.stringify(e.name)} ${problem}`, { path: source.name }));
    if (seen.has(e.name))
      findings.push(finding(RULES.duplicateMember, `member ${JSON.stringify(e.name)} appears more than once`, { path: source.name }));
    seen.add(e.name);
    if (e.name.endsWith('/') && e.compressedSize === 0) continue;
    if (overlapping.has(e)) continue;
    if (storageDir !== undefined && isStorage(e.name, storageDir)) {
      storages++;
      continue;
    }
    const path = `${source.name}!/${e.name}`;
    if (codeDir !== undefined && e.name.startsWith(codeDir)) scripts++;
    try {
      const member = await openMember(source, dir, e, limits, ctx.budget, path, layout.prefix !== undefined);
      if (judgedMember(layout.format, e.name) && member.source.size <= JUDGED_MEMBER_CAP)
        judged.set(e.name, await member.source.read(0, member.source.size));
      for (const w of member.warnings) findings.push(finding(RULES.headerMismatch, w, { path }));
      if (member.crcMismatch) findings.push(finding(RULES.crcMismatch, `member ${e.name} does not match its CRC-32`, { path }));
      // torch unpickles data.pkl whatever it looks like; sniffing it as text or an archive would be a differential.
      const a =
        layout.prefix !== undefined && e.name === `${layout.prefix}data.pkl`
          ? await ctx.scanPickle(member.source)
          : await ctx.scanNested(member.source);
      absorb(findings, a, path);
      nested.push(a);
    } catch (err) {
      findings.push(containerFinding(err, path, RULES.zipParse));
    }
  }
  if (layout.format === 'torchscript')
    findings.push(
      finding(RULES.torchScript, `TorchScript archive with ${scripts} code members runs its program when used`, { path: source.name }),
    );
  const own = await judgeLayout(
    ctx,
    layout.format,
    judged,
    dir.entries.filter((e) => !(e.name.endsWith('/') && e.compressedSize === 0)).map((e) => e.name),
  );
  findings.push(...own);
  if (own.length > 0) nested.push(conclude(layout.format, own));
  const metadata: ModelMetadata = { properties: { members: String(dir.entries.length) } };
  if (layout.format === 'torchserve-mar') metadata.framework = 'torchserve';
  if (layout.format === 'skops') metadata.framework = 'sklearn';
  if (layout.format === 'pytorch-zip' || layout.format === 'torchscript') {
    metadata.framework = 'pytorch';
    metadata.properties = { ...metadata.properties, tensorStorages: String(storages) };
  }
  if (layout.format === 'numpy-npz') metadata.framework = 'numpy';
  return conclude(layout.format, findings, nested, metadata);
}

/** Entries whose data starts inside an earlier member's (same local header, or a quoted overlap): read once. */
function overlappingEntries(entries: readonly ZipEntry[]): Set<ZipEntry> {
  // Writers store members in directory order, so the sort is usually skipped.
  let sorted = true;
  for (let i = 1; i < entries.length && sorted; i++)
    sorted = (entries[i - 1] as ZipEntry).localOffset <= (entries[i] as ZipEntry).localOffset;
  const byStart = sorted ? entries : [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const out = new Set<ZipEntry>();
  let end = -1;
  for (const e of byStart) {
    if (e.compressedSize === 0 && e.name.endsWith('/')) continue;
    if (e.localOffset < end) out.add(e);
    end = Math.max(end, e.localOffset + 30 + e.compressedSize);
  }
  return out;
}

// `<prefix>data/<key>`: raw tensor bytes that torch copies into storages and never unpickles.
function isStorage(name: string, storageDir: string): boolean {
  if (name.length === storageDir.length || !name.startsWith(storageDir)) return false;
  for (let i = storageDir.length; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
