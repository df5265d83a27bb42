import { describe, expect, test } from '@jest/globals';
import { judgeGlobal } from '@trustgate/scanner';
import { IMPORT_MAPPING, NAME_MAPPING } from '../../src/pickle/compat.js';
import { SAFE_GROUPS, TORCH_WEIGHTS_ONLY } from '../../src/pickle/safe-globals.js';
import { havePython, python } from '../corpus/python.js';

const none = { allow: [], deny: [] };
const hasTorch = havePython(['torch', 'numpy', 'sklearn', 'joblib']);

describe('the safe list is no wider than the loaders', () => {
  test('every name is exact: one module.name string, no prefixes', () => {
    for (const g of SAFE_GROUPS) for (const n of g.names) expect(n).toMatch(/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/);
  });

  (hasTorch ? test : test.skip)("every torch-weights-only name is in the installed torch's weights_only allowlist", () => {
    const installed = python<string[]>(
      'import json, torch._weights_only_unpickler as w; print(json.dumps(sorted(w._get_allowed_globals())))',
    );
    const group = SAFE_GROUPS.find((g) => g.source === 'torch-weights-only');
    expect(group?.names).toBe(TORCH_WEIGHTS_ONLY);
    expect(TORCH_WEIGHTS_ONLY.filter((n) => !installed.includes(n))).toEqual([]);
  });

  (hasTorch ? test : test.skip)(
    'every name resolves through find_class, at every split of module and attribute path, to one object',
    () => {
      // pickle.Unpickler.find_class at protocol 4 walks dotted names; each split must reach the same object the
      // loader's allowlist names, and importing the module must not be what makes it so.
      const names = SAFE_GROUPS.flatMap((g) => g.names);
      const bad = python<string[]>(
        `
import io, json, pickle, sys, importlib, warnings
warnings.simplefilter("ignore")
import torch, numpy, sklearn, joblib
names = json.load(sys.stdin)
bad = []
def resolve(module, name):
    u = pickle._Unpickler(io.BytesIO(b""))
    u.proto = 4
    return u.find_class(module, name)
for full in names:
    parts = full.split(".")
    objs = []
    for i in range(1, len(parts)):
        try:
            objs.append(resolve(".".join(parts[:i]), ".".join(parts[i:])))
        except Exception:
            pass
    if not objs or any(o is not objs[-1] for o in objs):
        bad.append(full)
print(json.dumps(bad))
`,
        names,
      );
      // Names that need a newer torch or numpy than Debian's resolve nowhere here; they are listed by why.
      const later = new Set([
        ...(SAFE_GROUPS.find((g) => g.source === 'torch-later')?.names ?? []),
        ...['numpy._core.multiarray._reconstruct', 'numpy._core.multiarray.scalar', 'numpy._core.numeric._frombuffer'],
        ...['numpy.dtypes', 'numpy.random._pickle.__generator_ctor', 'scipy.sparse._'].flatMap((p) => names.filter((n) => n.startsWith(p))),
      ]);
      expect(bad.filter((n) => !later.has(n))).toEqual([]);
    },
  );
});

describe('Python 2 names are judged as the names the unpickler maps them to', () => {
  test.each(Object.entries(IMPORT_MAPPING))('%s is %s', (py2, py3) => {
    expect(judgeGlobal(py2, 'anything', none).verdict === 'unsafe').toBe(judgeGlobal(py3, 'anything', none).verdict === 'unsafe');
  });

  (havePython([]) ? test : test.skip)("the table agrees with the installed CPython's _compat_pickle", () => {
    const cpython = python<{ imports: Record<string, string>; names: Record<string, string> }>(
      'import json, _compat_pickle as c; print(json.dumps({"imports": c.IMPORT_MAPPING, "names": {a+"."+b: x+"."+y for (a,b),(x,y) in c.NAME_MAPPING.items()}}))',
    );
    for (const [k, v] of Object.entries(IMPORT_MAPPING)) expect([k, cpython.imports[k]]).toEqual([k, v]);
    for (const [k, v] of Object.entries(NAME_MAPPING)) expect([k, cpython.names[k]]).toEqual([k, v]);
    // Every Python 2 module CPython maps onto one the deny list covers is covered under its Python 2 name too.
    for (const [py2, py3] of Object.entries(cpython.imports))
      if (judgeGlobal(py3, 'x', none).verdict === 'unsafe') expect([py2, judgeGlobal(py2, 'x', none).verdict]).toEqual([py2, 'unsafe']);
    for (const [py2, py3] of Object.entries(cpython.names)) {
      const [m, ...n] = py3.split('.');
      const [pm, ...pn] = py2.split('.');
      if (judgeGlobal(m as string, n.join('.'), none).verdict === 'unsafe')
        expect([py2, judgeGlobal(pm as string, pn.join('.'), none).verdict]).toEqual([py2, 'unsafe']);
    }
  });
});
