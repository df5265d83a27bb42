import { describe, expect, it } from '@jest/globals';
import { toJson, toMarkdown, toText } from '@trustgate/core';
import { sampleReport } from '../fixtures/report.js';

describe('reporters', () => {
  const report = sampleReport();

  it('summarises verdicts and blocking under fail-on', () => {
    expect(report.summary).toEqual({
      files: 4,
      safe: 1,
      review: 1,
      unsafe: 1,
      error: 1,
      incomplete: 1,
      verdict: 'unsafe',
      findingVerdict: 'unsafe',
      completeness: 'partial',
      blocking: true,
    });
  });

  it('JSON has the CLI contract shape', () => {
    const parsed = JSON.parse(toJson(report));
    expect(Object.keys(parsed)).toEqual(['version', 'files', 'summary']);
    expect(parsed.version).toBe(1);
    expect(Object.keys(parsed.files[0])).toEqual(['path', 'format', 'sha256', 'verdict', 'findingVerdict', 'completeness', 'findings']);
  });

  it('Markdown escapes table cells and lists findings', () => {
    const md = toMarkdown(report);
    expect(md.split('\n')[0]).toBe('### trustgate scan: ⛔ unsafe (blocking)');
    expect(md).toContain('| `models/cut.pkl` | pickle | ❗ error (analysis partial; findings safe) | 1 |');
    expect(md).toContain('| `models/evil\\|1.pkl` | pickle | ⛔ unsafe | 1 |');
    expect(md).toContain('| `models/archive.zip!/inner/data.pkl` | TG-TEST-002 | medium | imports foo.Bar |');
  });

  it('text names the member a finding is in', () => {
    const lines = toText(report).trimEnd().split('\n');
    expect(lines[0]).toBe('SAFE   models/ok.pt [pytorch-zip]');
    expect(lines).toContain('       medium   TG-TEST-002 imports foo.Bar in models/archive.zip!/inner/data.pkl:3');
    expect(lines).toContain('ERROR  models/cut.pkl [pickle] (analysis partial; findings safe)');
    expect(lines.at(-1)).toBe('4 files: 1 safe, 1 review, 1 unsafe, 1 error, 1 not fully analysed -> unsafe (blocking)');
  });
});
