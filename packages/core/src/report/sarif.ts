import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleCatalog } from '../rules.js';
import type { Severity } from '../verdict.js';
import type { Report } from './model.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

// GitHub code scanning sorts by this property (0.0-10.0).
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

/** The fallback descriptor for a finding whose rule is not in the catalog (never dropped). */
function unknownRule(id: string) {
  return { id, name: id, shortDescription: { text: id }, help: { text: 'See the trustgate rule documentation.' } };
}

export interface SarifOptions {
  informationUri?: string;
  /**
   * The checkout the results belong to: URIs become relative to it under `%SRCROOT%`, which code scanning maps to
   * the repository. Report paths are resolved against `cwd` (default: the root) first.
   */
  root?: string;
  cwd?: string;
  /** `runs[].automationDetails.id`: one category per gate, so one gate's upload never closes another's alerts. */
  automationId?: string;
}

const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: every result has ruleId, level, an artifact URI and a
 * start line (1 for whole-file findings; byte offsets go in `region.byteOffset` where known). Info-level findings
 * are not alerts: they stay in the JSON report and are left out here.
 */
export function toSarif(report: Report, rules: RuleCatalog, options: SarifOptions = {}): object {
  const alerting = (f: { severity: Severity }) => f.severity !== 'info';
  const used = new Set<string>();
  for (const f of report.files) for (const x of f.findings.filter(alerting)) used.add(x.rule);
  const ids = [...used].sort();
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  const descriptors = ids.map((id) => {
    const r = rules.get(id);
    if (!r) return unknownRule(id);
    return {
      id: r.id,
      name: r.name,
      shortDescription: { text: r.summary },
      fullDescription: { text: r.summary },
      help: { text: r.help },
      ...(r.helpUri ? { helpUri: r.helpUri } : {}),
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: {
        'security-severity': SECURITY_SEVERITY[r.severity],
        tags: ['security', 'supply-chain', ...(r.advisories ?? []).map((id) => `external/${id.toLowerCase()}`)],
        ...(r.advisories?.length ? { advisories: [...r.advisories] } : {}),
      },
    };
  });
  const results = report.files.flatMap((file) =>
    file.findings.filter(alerting).map((f) => {
      const loc = f.location;
      const artifactLocation = locate(loc?.path ?? file.path, options);
      const region: Record<string, number> = { startLine: Math.max(1, loc?.line ?? 1) };
      if (loc?.column !== undefined) region.startColumn = Math.max(1, loc.column);
      if (loc?.offset !== undefined) region.byteOffset = loc.offset;
      return {
        ruleId: f.rule,
        ruleIndex: ruleIndex.get(f.rule) ?? 0,
        level: LEVEL[f.severity],
        message: { text: f.evidence ? `${f.message} (${f.evidence})` : f.message },
        locations: [{ physicalLocation: { artifactLocation, region } }],
        partialFingerprints: { 'trustgate/v1': `${f.rule}:${file.sha256 ?? file.path}:${loc?.offset ?? loc?.line ?? 0}` },
        properties: { verdict: file.verdict, findingVerdict: file.findingVerdict, completeness: file.completeness, severity: f.severity },
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: options.informationUri ?? 'https://github.com/trustgate/trustgate',
            rules: descriptors,
          },
        },
        ...(options.automationId ? { automationDetails: { id: options.automationId } } : {}),
        ...(options.root ? { originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(options.root).href.replace(/\/?$/, '/')}` } } } : {}),
        // Files that were not fully analysed make the run unsuccessful, whatever was found in them.
        invocations: [
          {
            executionSuccessful: report.files.every((f) => f.completeness === 'complete'),
            toolExecutionNotifications: report.files
              .filter((f) => f.completeness !== 'complete')
              .map((f) => ({
                level: 'error',
                message: { text: `${f.path}: analysis ${f.completeness}; the file is not trusted (verdict ${f.verdict})` },
                locations: [{ physicalLocation: { artifactLocation: locate(f.path, options) } }],
              })),
          },
        ],
        results,
      },
    ],
  };
}

// Inside the root: a relative URI under %SRCROOT%; outside it an absolute file: URI (code scanning cannot map it,
// but it is not passed off as a repository path).
function locate(path: string, options: SarifOptions): { uri: string; uriBaseId?: string } {
  if (!options.root) return { uri: toUri(path) };
  const onDisk = path.split('!/')[0] ?? path;
  const abs = resolve(options.cwd ?? options.root, onDisk);
  const rel = relative(options.root, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: toUri(rel.split('\\').join('/')), uriBaseId: SRCROOT };
}

// Container members are reported as `outer!/inner`; SARIF wants a relative URI of the file on disk.
function toUri(path: string): string {
  const onDisk = path.split('!/')[0] ?? path;
  return onDisk
    .replace(/^\.\//, '')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}
