import type { Report } from '@trustgate/core/base';
import { buildMlBom } from '@trustgate/scanner';

/** The `--mlbom` output of `trustgate scan`. */
export function mlBomText(report: Report): string {
  return `${JSON.stringify(buildMlBom(report), null, 2)}\n`;
}
