import { describe, expect, test } from '@jest/globals';
import { defaultPolicy } from '@trustgate/core';
import { analyseSource, bufferSource, scanPickles } from '@trustgate/scanner';
import { readZipDirectory } from '../../src/containers/zip.js';
import { generate } from '../fuzz/grammar.js';
import { ATTACKS } from './attacks.js';
import { havePython, python } from './python.js';

// The loader's reading and the scanner's reading of the same bytes, compared; nothing is ever executed:
// find_class returns an inert stub, so what the real unpickler would import is recorded, not run.
const STUB_UNPICKLER = `
import io, json, pickle, sys
class Stub:
    def __init__(self, *a, **k): pass
    def __call__(self, *a, **k): return Stub()
    def __setstate__(self, s): pass
    def append(self, x): pass
    def extend(self, x): pass
    def __setitem__(self, k, v): pass
    def add(self, x): pass
class Recorder(pickle._Unpickler):
    def find_class(self, module, name):
        self.seen.append(module + "." + name)
        return Stub
    def persistent_load(self, pid): return Stub()
out = []
for hexed in json.load(sys.stdin):
    r = Recorder(io.BytesIO(bytes.fromhex(hexed)))
    r.seen = []
    try:
        r.load()
        out.append({"ok": True, "globals": sorted(set(r.seen))})
    except Exception as e:
        out.append({"ok": False, "globals": sorted(set(r.seen)), "error": type(e).__name__})
print(json.dumps(out))
`;

const hasPython = havePython([]);
const hasNumpy = havePython(['numpy']);
const policy = defaultPolicy().scan;
const none = { allow: [], deny: [] };

function rawPickles(): Uint8Array[] {
  const fuzz = Array.from({ length: 300 }, (_, i) => generate(90_000 + i)).filter(
    (c) => !c.unknown && (c.bytes[0] === 0x80 || c.bytes[0] === 0x28),
  );
  const attacks = ATTACKS.map((a) => a.bytes()).filter((b) => b[0] === 0x80 || b[0] === 0x28 || b[0] === 0x63);
  return [...fuzz.map((c) => c.bytes), ...attacks];
}

describe('loader parity', () => {
  (hasPython ? test : test.skip)('every global the real unpickler resolves, the scanner reports', async () => {
    const samples = rawPickles();
    const loader = python<{ ok: boolean; globals: string[] }[]>(
      STUB_UNPICKLER,
      samples.map((b) => Buffer.from(b).toString('hex')),
    );
    const missed: string[] = [];
    for (const [i, b] of samples.entries()) {
      const ours = await scanPickles(bufferSource('p', b), { policy: none, count: 1 });
      const seen = new Set(ours.globals.keys());
      const l = loader[i] as { ok: boolean; globals: string[] };
      for (const g of l.globals) if (!seen.has(g)) missed.push(`${Buffer.from(b).toString('hex').slice(0, 80)}: ${g}`);
      // A pickle the loader reads to STOP is one the scanner reads to STOP.
      if (l.ok && ours.failed) missed.push(`${Buffer.from(b).toString('hex').slice(0, 80)}: loader reads it, scanner failed`);
    }
    expect(missed).toEqual([]);
  });

  (hasPython ? test : test.skip)("zip members are the ones Python's zipfile lists", async () => {
    const zips = ATTACKS.map((a) => a.bytes()).filter((b) => b[0] === 0x50 && b[1] === 0x4b);
    const names = python<(string[] | null)[]>(
      'import io, json, sys, zipfile\nout = []\nfor h in json.load(sys.stdin):\n    try:\n        out.append(zipfile.ZipFile(io.BytesIO(bytes.fromhex(h))).namelist())\n    except Exception:\n        out.append(None)\nprint(json.dumps(out))',
      zips.map((b) => Buffer.from(b).toString('hex')),
    );
    for (const [i, b] of zips.entries()) {
      const dir = await readZipDirectory(bufferSource('z', b), policy.limits).catch(() => undefined);
      expect(dir?.entries.map((e) => e.name) ?? null).toEqual(names[i]);
    }
  });

  (hasNumpy ? test : test.skip)("a .npy header reads as numpy's header parser reads it (object dtype or not)", async () => {
    const npys = ATTACKS.map((a) => a.bytes()).filter((b) => b[0] === 0x93);
    const numpy = python<(boolean | null)[]>(
      'import io, json, sys\nimport numpy.lib.format as f\nout = []\nfor h in json.load(sys.stdin):\n    b = io.BytesIO(bytes.fromhex(h))\n    try:\n        v = f.read_magic(b)\n        shape, fortran, dtype = f._read_array_header(b, v)\n        out.append(bool(dtype.hasobject))\n    except Exception:\n        out.append(None)\nprint(json.dumps(out))',
      npys.map((b) => Buffer.from(b).toString('hex')),
    );
    for (const [i, b] of npys.entries()) {
      const a = await analyseSource(bufferSource('a.npy', b), policy);
      const object = a.findings.some((f) => f.rule === 'TG-NPY-001');
      const malformed = a.findings.some((f) => f.rule === 'TG-NPY-002');
      expect(malformed ? null : object).toEqual(numpy[i]);
    }
  });
});
