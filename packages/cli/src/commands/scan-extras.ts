import type { FileResult, Report, RuleDescriptor, ScanPolicy } from '@trustgate/core';
import { buildMlBom, EXTRA_FORMAT_RULES, findModelReferences, mergeSourceResults, SOURCE_RULES } from '@trustgate/scanner';
import { resolve } from 'node:path';

/** `trustgate scan` options added by the ML-BOM and model-source work. */
export const SCAN_EXTRA_OPTIONS = {
  mlbom: { type: 'string' },
  sources: { type: 'boolean' },
} as const;

export const SCAN_EXTRA_USAGE = `  --mlbom F       write a CycloneDX 1.6 ML-BOM (one machine-learning-model component per model) to F
  --sources       also find model references in code and configs (from_pretrained, hf_hub_download, URLs, hf://)
                  and report each one outside scan.sources.allow (or on scan.sources.block) with file and line`;

/** Rules of the extra formats and the model-source policy, for the SARIF rule catalog. */
export const SCAN_EXTRA_RULES: readonly RuleDescriptor[] = [...EXTRA_FORMAT_RULES, ...SOURCE_RULES];

/** With --sources, the model-reference findings under each PATH, merged into the scan's results. */
export async function withSourceFindings(
  files: FileResult[],
  paths: readonly string[],
  policy: ScanPolicy,
  cwd: string,
): Promise<FileResult[]> {
  const references: FileResult[] = [];
  for (const p of paths) references.push(...(await findModelReferences(resolve(cwd, p), policy, p)));
  return mergeSourceResults(files, references);
}

export function mlBomText(report: Report): string {
  return `${JSON.stringify(buildMlBom(report), null, 2)}\n`;
}
