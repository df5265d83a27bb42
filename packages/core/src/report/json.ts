import type { Report } from './model.js';

/** The stable JSON shape of the CLI contract: {"version":1,"files":[...],"summary":{...}}. */
export function toJson(report: Report): string {
  const { version, files, summary, remote } = report;
  return `${JSON.stringify({ version, files, summary, ...(remote ? { remote } : {}) }, null, 2)}\n`;
}
