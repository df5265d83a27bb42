import type { Report } from '@trustgate/core';
import { buildMlBom } from '@trustgate/scanner';

/** `trustgate scan` options added by the ML-BOM and model-source work. */
export const SCAN_EXTRA_OPTIONS = {
  mlbom: { type: 'string' },
  sources: { type: 'boolean' },
} as const;

export const SCAN_EXTRA_USAGE = `  --mlbom F       write a CycloneDX 1.6 ML-BOM (one machine-learning-model component per model) to F
  --sources       also find model references in code and configs (from_pretrained, hf_hub_download, URLs, hf://)
                  and report each one outside scan.sources.allow (or on scan.sources.block) with file and line`;

export function mlBomText(report: Report): string {
  return `${JSON.stringify(buildMlBom(report), null, 2)}\n`;
}
