import { describe, expect, test } from '@jest/globals';
import { judgePython } from '../../src/formats/python/judge.js';
import { pythonText } from '../../src/formats/python/source.js';
import { tokenize } from '../../src/formats/python/tokenize.js';

const judged = (src: string) => judgePython(src).map((f) => `${f.line} ${f.kind}: ${f.what}`);

describe('the Python tokenizer', () => {
  test('strings, comments, f-string fields and continuations', () => {
    const t = tokenize("x = 'a\\'b' # os.system('no')\ny = f\"{eval(z)!r:>{w}}\" \\\n  + r'\\d'\n");
    expect(t.map((k) => `${k.kind}:${k.value}`)).toEqual([
      'name:x',
      'op:=',
      "string:a'b",
      'newline:\n',
      'name:y',
      'op:=',
      'string:{eval(z)!r:>{w}}',
      'op:+',
      'string:\\d',
      'newline:\n',
    ]);
    const fstring = t[6];
    expect(fstring?.kind === 'string' && fstring.fields.map((f) => f.map((k) => k.value).join(' '))).toEqual(['eval ( z )', 'w']);
    // The continuation kept line numbers: `+ r'\d'` sits on line 3.
    expect(t[7]?.line).toBe(3);
  });

  test('brackets span lines without NEWLINE; triple-quoted strings count their lines', () => {
    const t = tokenize('f(a,\n  b)\n"""x\ny"""\nz\n');
    expect(t.filter((k) => k.kind === 'newline').map((k) => k.line)).toEqual([2, 4, 5]);
    expect(t.find((k) => k.value === 'z')?.line).toBe(5);
  });

  test('NFKC names: a fullwidth exec is exec', () => {
    expect(tokenize('\uff45\uff58\uff45\uff43(x)')[0]?.value).toBe('exec');
  });

  test.each([
    ["x = 'open\ny = 1", 'a string runs past the end of its line'],
    ['x = """never', 'a string never ends'],
    ['f(a, b', 'bracket(s) never closed'],
    ['a = b)', 'closes nothing that is open'],
    ['x = $y', 'unexpected character'],
    ['x = 1 \\ y', 'a backslash outside a string'],
  ])('%j does not tokenize (%s)', (src, why) => {
    expect(() => tokenize(src)).toThrow(why);
  });
});

describe('judging handler code', () => {
  test('a benign handler: os.path, model.eval(), torch.load and names in strings and comments are not findings', () => {
    const src = [
      'import os, json',
      'import torch',
      'from ts.torch_handler.base_handler import BaseHandler',
      '',
      'class Handler(BaseHandler):',
      '    """Never calls os.system("x") or eval(y)."""',
      '    def initialize(self, context):',
      "        d = context.system_properties.get('model_dir')",
      "        self.model = torch.load(os.path.join(d, 'model.pt'), weights_only=True)",
      '        self.model.eval()  # eval() switches off dropout; subprocess is not used',
      "        self.labels = json.load(open(os.path.join(d, 'index_to_name.json')))",
      "        self.fn = getattr(self, 'post' + 'process')",
      '    def compile(self, eval=False):',
      '        return re.compile(f"{self.labels!r}")',
    ].join('\n');
    expect(judged(src)).toEqual([]);
  });

  test('direct calls, with their lines', () => {
    const src = [
      'import os',
      'import subprocess as sp',
      'from pickle import loads',
      "os.system('id')",
      "sp.run(['id'])",
      'data = loads(blob)',
      "eval('1+1')",
      "requests.get('http://x/payload')",
      "torch.hub.load('evil/repo', 'model')",
    ].join('\n');
    expect(judged(src)).toEqual([
      '2 exec: imports subprocess',
      '3 exec: imports pickle.loads: pickle.loads deserialises objects that run code',
      '4 exec: os.system runs a process',
      '5 exec: subprocess.run runs a process',
      '6 exec: pickle.loads deserialises objects that run code',
      '7 exec: eval runs code',
      '8 exec: requests.get downloads or sends data over the network',
      '9 exec: torch.hub.load runs code',
    ]);
  });

  test("getattr(__import__('os'), 'sys'+'tem') resolves to os.system and is obfuscation", () => {
    expect(judged("getattr(__import__('os'), 'sys'+'tem')('id')")).toEqual([
      '1 exec: __import__ imports a module outside an import statement',
      '1 obfuscated: getattr on os with a name built from pieces ("system")',
      '1 exec: os.system runs a process',
    ]);
  });

  test('exec(base64...) is code decoded at run time', () => {
    expect(judged("import base64\nexec(base64.b64decode('cHJpbnQoMSk='))")).toEqual([
      '2 exec: exec runs code',
      '2 obfuscated: exec runs code decoded at run time',
    ]);
  });

  test.each([
    ["import os\ngetattr(os, name)('id')", 'obfuscated: getattr on os with a name computed at run time'],
    ['__import__(m)', 'obfuscated: __import__ imports a module named at run time'],
    ["globals()['__builtins__']['ex' 'ec']('x')", 'obfuscated: builtins[...] looks up "exec" by a key built from pieces'],
    ["import sys\nsys.modules['os'].popen('id')", 'exec: os.popen runs a process'],
    ["vars(__builtins__)[k]('x')", 'obfuscated: builtins.__dict__[...] looks a name up by a key computed at run time'],
    ['().__class__.__bases__[0].__subclasses__()', "obfuscated: .__subclasses__ reaches the interpreter's internals"],
    ["f = eval\nf('x')", 'exec: eval runs code'],
    ['x = f\'{__import__("os").system("id")}\'', 'exec: os.system runs a process'],
    ["import os\ngetattr(os, 'metsys'[::-1])('id')", 'obfuscated: getattr on os with a name built from pieces ("system")'],
    ['import importlib\nimportlib.import_module(name)', 'exec: importlib.import_module imports a module named at run time'],
    ['from os import *', 'exec: from os import * brings its process and code calls into scope'],
    ["\uff45\uff58\uff45\uff43('x')", 'exec: exec runs code'],
  ])('%j', (src, expected) => {
    expect(judged(src).map((f) => f.replace(/^\d+ /, ''))).toContain(expected);
  });

  test('getattr with a computed name on a local object is ordinary dispatch', () => {
    expect(judged('getattr(self, name)(x)\ngetattr(model, "ev" + "al")()')).toEqual([]);
  });
});

describe('source encodings', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  test('UTF-8 with a BOM, Latin-1 by declaration', () => {
    expect(pythonText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x78]))).toEqual({ text: 'x' });
    expect(pythonText(Uint8Array.from([...bytes('# -*- coding: latin-1 -*-\n'), 0xe9]))).toEqual({
      text: '# -*- coding: latin-1 -*-\n\u00e9',
    });
  });
  test('unicode_escape hides code in a comment: reported, not decoded', () => {
    expect(pythonText(bytes('#!/usr/bin/python\n# coding: unicode_escape\n#\\x0aos.system("id")\n'))).toEqual({ hidden: 'unicode_escape' });
  });
  test('an unknown codec or invalid UTF-8 cannot be judged', () => {
    expect(() => pythonText(bytes('# coding: shift_jis\n'))).toThrow('declares source encoding "shift_jis"');
    expect(() => pythonText(Uint8Array.from([0x78, 0xff]))).toThrow('not valid UTF-8');
  });
});
