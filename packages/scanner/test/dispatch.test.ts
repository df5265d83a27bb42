import { afterEach, describe, expect, test } from '@jest/globals';
import type { FormatAnalyser } from '@trustgate/scanner';
import { EXTRA_ANALYSERS } from '../src/formats/extra.js';
import { analyseBytes, fixture, rules } from './helpers.js';

const registry = EXTRA_ANALYSERS as FormatAnalyser[];
// The real extra analysers (scanner2) stay registered; each test puts its fake in front and the list is restored.
const registered = [...registry];
const te = new TextEncoder();

function fake(format: string, magic: string, verdict: 'safe' | 'review'): FormatAnalyser {
  return {
    format,
    sniff: (head) => new TextDecoder('latin1').decode(head.subarray(0, magic.length)) === magic,
    analyse: async () => ({
      format,
      verdict,
      findingVerdict: verdict,
      completeness: 'complete',
      findings: [],
      metadata: { framework: format },
    }),
  };
}

afterEach(() => {
  registry.splice(0, registry.length, ...registered);
});

describe('dispatch', () => {
  test('extra analysers are consulted for content the built-in ones do not claim', async () => {
    registry.unshift(fake('fake-format', 'FAKE', 'safe'));
    const a = await analyseBytes(new Uint8Array([...te.encode('FAKE'), 3, 0, 0, 0, 0, 0, 0, 0]));
    expect(a).toEqual({
      format: 'fake-format',
      verdict: 'safe',
      findingVerdict: 'safe',
      completeness: 'complete',
      findings: [],
      metadata: { framework: 'fake-format' },
    });
  });

  test('a zip claimed by an extra analyser is still read member by member', async () => {
    registry.unshift(fake('keras', 'PK', 'safe'));
    const a = await analyseBytes(fixture('malicious/nested.zip'));
    expect(a.format).toBe('keras');
    expect(a.verdict).toBe('unsafe');
    expect(rules(a)).toEqual(['TG-PKL-001']);
  });

  test('an unrecognised binary is error (nothing was analysed) and reported, plain text is safe', async () => {
    const bin = await analyseBytes(new Uint8Array([0x01, 0x02, 0x03, 0xfe, 0xff]));
    expect({ format: bin.format, verdict: bin.verdict, rules: rules(bin) }).toEqual({
      format: 'unknown',
      verdict: 'error',
      rules: ['TG-FMT-001'],
    });
    const text = await analyseBytes(te.encode('# model card\n\nweights trained on ...\n'));
    expect({ format: text.format, verdict: text.verdict }).toEqual({ format: 'text', verdict: 'safe' });
  });

  test('a protocol-0 pickle that is also ASCII text is analysed as a pickle', async () => {
    const a = await analyseBytes(te.encode("cos\nsystem\n(S'ls'\ntR."));
    expect({ format: a.format, verdict: a.verdict }).toEqual({ format: 'pickle', verdict: 'unsafe' });
  });
});
