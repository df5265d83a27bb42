import { createHash, randomUUID } from 'node:crypto';
import type { FileResult, Report } from '@trustgate/core/base';
import { worstCompleteness, worstFindingVerdict, worstVerdict } from '@trustgate/core/base';
import { diskPath, groupModels, type ModelGroup } from './group.js';

interface Property {
  name: string;
  value: string;
}
interface Hash {
  alg: 'SHA-256';
  content: string;
}
export interface CycloneDxComponent {
  type: 'machine-learning-model' | 'file';
  'bom-ref': string;
  name: string;
  hashes?: Hash[];
  properties?: Property[];
  components?: CycloneDxComponent[];
  modelCard?: { modelParameters: { modelArchitecture?: string }; properties?: Property[] };
}
export interface CycloneDxBom {
  bomFormat: 'CycloneDX';
  specVersion: '1.6';
  serialNumber: string;
  version: 1;
  metadata: { timestamp: string; tools: { components: { type: 'application'; name: string; version: string }[] } };
  components: CycloneDxComponent[];
}

export interface MlBomOptions {
  /** Fixed for reproducible output in tests; defaults to now and a random UUID. */
  timestamp?: string;
  serialNumber?: string;
}

const SHA256 = /^[a-f0-9]{64}$/i;

function hashes(sha256: string | undefined): Hash[] | undefined {
  return sha256 !== undefined && SHA256.test(sha256) ? [{ alg: 'SHA-256', content: sha256.toLowerCase() }] : undefined;
}

function props(entries: Record<string, string | undefined>): Property[] {
  return Object.entries(entries)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([name, value]) => ({ name: `trustgate:${name}`, value }));
}

/** The combined verdict and its two parts: a partly analysed model says so in its BOM too. */
function verdicts(results: readonly FileResult[]): Record<string, string> {
  return {
    verdict: worstVerdict(results.map((r) => r.verdict)),
    findingVerdict: worstFindingVerdict(results.map((r) => r.findingVerdict)),
    completeness: worstCompleteness(results.map((r) => r.completeness)),
  };
}

function fileComponent(path: string, results: FileResult[]): CycloneDxComponent {
  const outer = results.find((r) => r.path === path) ?? results[0]!;
  const h = hashes(outer.sha256);
  return {
    type: 'file',
    'bom-ref': `file:${path}`,
    name: path,
    ...(h === undefined ? {} : { hashes: h }),
    properties: props({ format: outer.format, ...verdicts(results) }),
  };
}

/** A multi-file model has no single digest: its hash is SHA-256 over a sorted `sha256  path` manifest of its files. */
function manifestHash(files: CycloneDxComponent[]): string {
  const lines = files.map((f) => `${f.hashes?.[0]?.content ?? '-'}  ${f.name}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex');
}

function firstMeta(results: FileResult[], key: string): string | undefined {
  const values = [...new Set(results.map((r) => r.metadata?.[key]).filter((v): v is string => v !== undefined && v !== ''))];
  return values.length === 0 ? undefined : values.join(',');
}

function modelComponent(group: ModelGroup): CycloneDxComponent {
  const byFile = new Map<string, FileResult[]>();
  for (const r of group.files) byFile.set(diskPath(r), [...(byFile.get(diskPath(r)) ?? []), r]);
  const files = [...byFile].sort(([a], [b]) => a.localeCompare(b)).map(([path, results]) => fileComponent(path, results));
  const single = files.length === 1 ? files[0]! : undefined;
  const name = single !== undefined && group.root === '.' ? single.name : group.root.split('/').pop() || group.root;
  const formats = [...new Set(group.files.map((r) => r.format))].sort().join(',');
  const architecture = firstMeta(group.files, 'general.architecture') ?? firstMeta(group.files, 'architecture');
  return {
    type: 'machine-learning-model',
    'bom-ref': `model:${group.root}`,
    name,
    hashes: single?.hashes ?? [{ alg: 'SHA-256', content: manifestHash(files) }],
    properties: props({
      ...verdicts(group.files),
      format: formats,
      framework: firstMeta(group.files, 'framework'),
      opset: firstMeta(group.files, 'opset'),
      producer: firstMeta(group.files, 'producer'),
      formatVersion: firstMeta(group.files, 'formatVersion'),
      path: group.root,
      'hash-basis': single === undefined ? 'sha256 manifest of the files' : 'the model file',
    }),
    ...(architecture === undefined ? {} : { modelCard: { modelParameters: { modelArchitecture: architecture } } }),
    components: files,
  };
}

/** A CycloneDX 1.6 ML-BOM of a scan: one machine-learning-model component per model, its files nested inside. */
export function buildMlBom(report: Report, options: MlBomOptions = {}): CycloneDxBom {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: options.serialNumber ?? `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: options.timestamp ?? new Date().toISOString(),
      tools: { components: [{ type: 'application', name: report.tool.name, version: report.tool.version }] },
    },
    components: groupModels(report.files).map(modelComponent),
  };
}
