/**
 * The malicious half of the public corpus: each public attack class rebuilt from its description as bytes
 * (never a copied file). `expect` is the verdict under the default policy; every case must block.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import type { Verdict } from '@trustgate/core';
import { call4, concat, op, pickle0, pickle4 } from './pickle-writer.js';
import { torchZip, zipOf } from './zip-writer.js';

export type AttackClass =
  | 'dangerous-global'
  | 'allowlist-width'
  | 'gadget'
  | 'nested-payload'
  | 'parser-differential'
  | 'stream-break'
  | 'container'
  | 'unparsed';

export interface Attack {
  name: string;
  class: AttackClass;
  source: string;
  /** File name the sample is scanned under (extension matters for item 7 only). */
  file?: string;
  bytes: () => Uint8Array;
  expect: Verdict;
}

const te = new TextEncoder();
const sh = op.unicode('echo pwned');
const osSystem4 = () => pickle4('os', 'system', sh);
const torchSave = (pkl: Uint8Array) => torchZip(pkl);
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const latin1 = (b: Uint8Array) => String.fromCharCode(...b);

// biome-ignore format: one attack per line reads as the table it is
export const ATTACKS: readonly Attack[] = [
  // Dangerous globals, every way of reaching and calling them.
  { name: 'os.system GLOBAL p0', class: 'dangerous-global', source: 'JFrog, malicious HF models (2024)', bytes: () => pickle0('os', 'system', "S'echo pwned'\n"), expect: 'unsafe' },
  { name: 'posix.system STACK_GLOBAL p4', class: 'dangerous-global', source: 'CVE-2025-10155 (ModelAudit #605)', bytes: () => pickle4('posix', 'system', sh), expect: 'unsafe' },
  { name: 'nt.system', class: 'dangerous-global', source: 'ModelAudit #605', bytes: () => pickle4('nt', 'system', sh), expect: 'unsafe' },
  { name: 'subprocess.Popen via INST', class: 'dangerous-global', source: 'fickling docs: INST opcode', bytes: () => concat(op.mark, "S'id'\n", op.inst('subprocess', 'Popen'), op.stop), expect: 'unsafe' },
  { name: 'builtins.exec via OBJ', class: 'dangerous-global', source: 'fickling docs: OBJ opcode', bytes: () => concat(op.mark, op.global('builtins', 'exec'), "S'1'\n", op.obj, op.stop), expect: 'unsafe' },
  { name: 'builtins.eval via NEWOBJ', class: 'dangerous-global', source: 'picklescan GHSA (NEWOBJ)', bytes: () => concat(op.proto(2), op.global('builtins', 'eval'), op.mark, "S'1'\n", op.tuple, op.newobj, op.stop), expect: 'unsafe' },
  { name: 'commands.getoutput (Python 2 name)', class: 'dangerous-global', source: 'picklescan GHSA-655q-fx9r-782v', bytes: () => pickle0('commands', 'getoutput', "S'id'\n"), expect: 'unsafe' },
  { name: 'memoised STACK_GLOBAL then BINGET call', class: 'dangerous-global', source: 'ModelAudit #518 (memo/BINGET)', bytes: () => concat(op.proto(4), op.unicode('os'), op.unicode('system'), op.stackGlobal, op.memoize, op.pop, op.binget(0), op.mark, sh, op.tuple, op.reduce, op.stop), expect: 'unsafe' },
  { name: 'popped decoy string before STACK_GLOBAL', class: 'dangerous-global', source: 'ModelAudit #518 (popped decoy)', bytes: () => concat(op.proto(4), op.unicode('os'), op.unicode('collections'), op.pop, op.unicode('system'), op.stackGlobal, op.mark, sh, op.tuple, op.reduce, op.stop), expect: 'unsafe' },
  { name: 'escaped STRING names (o\\x73)', class: 'dangerous-global', source: 'fickling: STRING escapes', bytes: () => concat(op.string("'o\\x73'"), op.string("'sy\\163tem'"), op.stackGlobal, op.mark, sh, op.tuple, op.reduce, op.stop), expect: 'unsafe' },
  { name: 'dunder walk print.__self__', class: 'dangerous-global', source: 'protectai/modelscan#338 (introspection chain)', bytes: () => pickle4('builtins', 'print.__class__.__base__.__subclasses__'), expect: 'unsafe' },
  { name: 'EXT1 extension registry', class: 'dangerous-global', source: 'pickle docs: copyreg extensions', bytes: () => concat(op.proto(2), op.ext1(1), op.mark, sh, op.tuple, op.reduce, op.stop), expect: 'unsafe' },
  { name: 'BUILD rewires an imported module', class: 'dangerous-global', source: 'Trail of Bits, fickling: module attribute overwrite', bytes: () => concat(op.proto(4), op.unicode('collections'), op.unicode('OrderedDict'), op.stackGlobal, op.emptyDict, op.unicode('x'), op.none, 's', op.build, op.stop), expect: 'unsafe' },
  // The allowlist no wider than the loaders' own.
  { name: 'safe name under another module (evil.torch.Tensor)', class: 'allowlist-width', source: 'issue 14 class 2', bytes: () => pickle4('antigravity', 'torch.Tensor'), expect: 'review' },
  { name: 'numpy.dtypes prefix walk to tofile', class: 'allowlist-width', source: 'issue 14 class 2', bytes: () => pickle4('numpy.dtypes', 'Float64DType.tofile', sh), expect: 'unsafe' },
  { name: 'numpy.generic.tofile (file write)', class: 'allowlist-width', source: 'issue 14 class 2', bytes: () => pickle4('numpy', 'generic.tofile', sh), expect: 'unsafe' },
  { name: 'unknown callable from an installed library', class: 'allowlist-width', source: 'google/saferpickle#18 (denylists are incomplete)', bytes: () => pickle4('some_lib.tasks', 'run_shell', sh), expect: 'review' },
  // Gadgets in modules that look harmless.
  { name: 'torch.utils.collect_env.run', class: 'gadget', source: 'google/saferpickle#18', bytes: () => pickle4('torch.utils.collect_env', 'run', sh), expect: 'unsafe' },
  { name: 'torch.jit.annotations.parse_type_line', class: 'gadget', source: 'CVE-2022-45907', bytes: () => pickle4('torch.jit.annotations', 'parse_type_line', sh), expect: 'unsafe' },
  { name: 'torch.distributed.rpc.rpc_sync', class: 'gadget', source: 'CVE-2024-5480', bytes: () => pickle4('torch.distributed.rpc', 'rpc_sync', sh), expect: 'unsafe' },
  { name: 'torch.fx.graph_module.reduce_graph_module', class: 'gadget', source: 'torch.fx GraphModule pickling executes source', bytes: () => pickle4('torch.fx.graph_module', 'reduce_graph_module', op.emptyDict, sh), expect: 'unsafe' },
  { name: 'torch.testing._internal.common_utils.shell', class: 'gadget', source: 'issue 14 class 3 (test utilities)', bytes: () => pickle4('torch.testing._internal.common_utils', 'shell', sh), expect: 'unsafe' },
  { name: '_xxsubinterpreters.run_string', class: 'gadget', source: 'issue 14 class 3 (subinterpreters)', bytes: () => pickle4('_xxsubinterpreters', 'run_string', op.binint1(0), sh), expect: 'unsafe' },
  { name: '_interpreters.exec', class: 'gadget', source: 'issue 14 class 3 (subinterpreters)', bytes: () => pickle4('_interpreters', 'exec', op.binint1(0), sh), expect: 'unsafe' },
  { name: 'logging.FileHandler (file write)', class: 'gadget', source: 'issue 14 class 3 (logging)', bytes: () => pickle4('logging', 'FileHandler', op.unicode('/tmp/x')), expect: 'unsafe' },
  { name: 'logging.config.listen', class: 'gadget', source: 'Python docs: logging.config.listen runs received config', bytes: () => pickle4('logging.config', 'listen', op.binint1(1)), expect: 'unsafe' },
  { name: 'cProfile.run (profiler)', class: 'gadget', source: 'issue 14 class 3 (profilers)', bytes: () => pickle4('cProfile', 'run', sh), expect: 'unsafe' },
  { name: 'profile.Profile.runctx walk', class: 'gadget', source: 'issue 14 class 3 (profilers)', bytes: () => pickle4('profile', 'Profile.runctx', sh), expect: 'unsafe' },
  { name: '__builtin__.reduce (maps to functools.reduce)', class: 'gadget', source: 'CPython _compat_pickle NAME_MAPPING', bytes: () => pickle0('__builtin__', 'reduce', "S'x'\n"), expect: 'unsafe' },
  { name: 'pip.main', class: 'gadget', source: 'CVE-2025-1716', bytes: () => pickle4('pip', 'main', sh), expect: 'unsafe' },
  { name: 'pydoc.locate', class: 'gadget', source: 'picklescan GHSA-655q-fx9r-782v', bytes: () => pickle4('pydoc', 'locate', op.unicode('os.system')), expect: 'unsafe' },
  { name: 'operator.call', class: 'gadget', source: 'Python 3.11 operator.call', bytes: () => pickle4('operator', 'call', sh), expect: 'unsafe' },
  { name: 'multiprocessing.util.spawnv_passfds', class: 'gadget', source: 'google/saferpickle#18', bytes: () => pickle4('multiprocessing.util', 'spawnv_passfds', sh), expect: 'unsafe' },
  { name: 'AutoTokenizer.from_pretrained walk', class: 'gadget', source: 'protectai/modelscan#338 (indirect model loading)', bytes: () => pickle4('transformers.models.auto.tokenization_auto', 'AutoTokenizer.from_pretrained', sh), expect: 'unsafe' },
  { name: 'pandas.read_pickle', class: 'gadget', source: 'google/saferpickle#18', bytes: () => pickle4('pandas', 'read_pickle', sh), expect: 'unsafe' },
  { name: 'numpy.load', class: 'gadget', source: 'numpy allow_pickle', bytes: () => pickle4('numpy', 'load', sh), expect: 'unsafe' },
  { name: 'asyncio subprocess', class: 'gadget', source: 'picklescan GHSA (asyncio)', bytes: () => pickle4('asyncio.unix_events', '_UnixSubprocessTransport', sh), expect: 'unsafe' },
  // Nested payloads: bytes handed to a loader inside the pickle.
  { name: 'torch.storage._load_from_bytes(torch.save(evil))', class: 'nested-payload', source: 'issue 14 class 2/4', bytes: () => pickle4('torch.storage', '_load_from_bytes', op.bytes(torchSave(osSystem4()))), expect: 'unsafe' },
  { name: '_load_from_bytes(_codecs.encode(latin1))', class: 'nested-payload', source: 'protocol 2 bytes encoding', bytes: () => concat(op.proto(2), op.global('torch.storage', '_load_from_bytes'), op.global('_codecs', 'encode'), op.unicode(latin1(torchSave(osSystem4()))), op.unicode('latin1'), op.tuple2, op.reduce, op.tuple1, op.reduce, op.stop), expect: 'unsafe' },
  { name: '_load_from_bytes of a computed value', class: 'nested-payload', source: 'issue 14 class 4', bytes: () => concat(op.proto(4), op.unicode('torch.storage'), op.unicode('_load_from_bytes'), op.stackGlobal, call4('collections', 'OrderedDict'), op.tuple1, op.reduce, op.stop), expect: 'unsafe' },
  { name: 'pickle.loads(BINBYTES)', class: 'nested-payload', source: 'fickling: nested pickles', bytes: () => pickle4('pickle', 'loads', op.bytes(osSystem4())), expect: 'unsafe' },
  { name: 'pickle.loads(base64.b64decode(...))', class: 'nested-payload', source: 'issue 14 class 4 (base64)', bytes: () => concat(op.proto(4), call4('pickle', 'loads', call4('base64', 'b64decode', op.unicode(b64(osSystem4())))), op.stop), expect: 'unsafe' },
  { name: 'torch.load(io.BytesIO(...))', class: 'nested-payload', source: 'issue 14 class 4', bytes: () => concat(op.proto(4), call4('torch', 'load', call4('io', 'BytesIO', op.bytes(torchSave(osSystem4())))), op.stop), expect: 'unsafe' },
  { name: 'marshal.loads', class: 'nested-payload', source: 'dill/cloudpickle code objects', bytes: () => pickle4('marshal', 'loads', op.bytes(new Uint8Array([0xe3, 0, 0]))), expect: 'unsafe' },
  { name: 'numpy object array with a payload', class: 'nested-payload', source: 'numpy allow_pickle=True', bytes: () => npyObject(osSystem4()), expect: 'unsafe' },
  // Parser differentials: read the bytes as the loader reads them.
  { name: 'INT with a base prefix before the payload', class: 'parser-differential', source: 'CPython load_int: int(data, 0)', bytes: () => concat(op.int('0x10'), op.pop, pickle0('os', 'system', "S'id'\n")), expect: 'unsafe' },
  { name: 'LONG with underscores before the payload', class: 'parser-differential', source: 'CPython load_long: int(data, 0)', bytes: () => concat(op.long('1_000L'), op.pop, pickle0('os', 'system', "S'id'\n")), expect: 'unsafe' },
  { name: 'payload after a FRAME straddle', class: 'parser-differential', source: 'older CPython reads across frame ends', bytes: () => concat(op.proto(4), op.frame(3), op.unicode('os'), op.unicode('system'), op.stackGlobal, op.mark, sh, op.tuple, op.reduce, op.stop), expect: 'unsafe' },
  { name: 'second pickle after a benign one', class: 'parser-differential', source: 'back-to-back pickles (joblib, torch legacy)', bytes: () => concat(pickle4('collections', 'OrderedDict'), osSystem4()), expect: 'unsafe' },
  { name: 'data.pkl that sniffs as text', class: 'parser-differential', source: 'issue 14 class 5c', bytes: () => torchZip(te.encode("cos\nsystem\n(S'id'\ntR.")), expect: 'unsafe' },
  { name: 'torch zip with the encryption flag on data.pkl', class: 'parser-differential', source: 'CVE-2025-1945 (picklescan GHSA-w8jq-xcqf-f792)', bytes: () => torchZip(osSystem4(), { flags: 1 }), expect: 'unsafe' },
  { name: 'local header names another member', class: 'parser-differential', source: 'CVE-2025-1944 (picklescan GHSA-7q5r-7gvp-wc82)', bytes: () => torchZip(osSystem4(), { localName: 'archive/dat.pkl' }), expect: 'unsafe' },
  { name: 'pickle + zip polyglot', class: 'parser-differential', source: 'Trail of Bits: polyglot model files', bytes: () => concat(pickle4('collections', 'OrderedDict'), torchZip(osSystem4())), expect: 'unsafe' },
  { name: 'npy header with duplicate descr keys', class: 'parser-differential', source: 'numpy header is a Python literal (last key wins)', bytes: () => npyHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'descr': '|O', }", osSystem4()), expect: 'unsafe' },
  // A stream that breaks after its payload ran (nullifAI, exception-oriented bypasses).
  { name: 'payload then truncation', class: 'stream-break', source: 'ReversingLabs nullifAI (2025)', bytes: () => concat(op.proto(4), call4('os', 'system', sh), op.unicode('x')), expect: 'unsafe' },
  { name: 'payload then an invalid opcode', class: 'stream-break', source: 'ReversingLabs nullifAI (2025)', bytes: () => concat(op.proto(4), call4('os', 'system', sh), [0xff]), expect: 'unsafe' },
  { name: 'payload then a memo miss', class: 'stream-break', source: 'exception-oriented bypasses', bytes: () => concat(op.proto(4), call4('os', 'system', sh), op.binget(9)), expect: 'unsafe' },
  { name: 'compressed torch zip (7z-like unknown container)', class: 'stream-break', source: 'scanner gaps on unsupported archives', bytes: () => concat([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], new Uint8Array(64)), expect: 'error' },
  { name: 'zlib stream of a payload', class: 'stream-break', source: 'picklescan: compressed pickles', bytes: () => new Uint8Array(deflateSync(osSystem4())), expect: 'unsafe' },
  // Containers.
  { name: 'overlapping central-directory entries', class: 'container', source: 'David Fifield, non-recursive zip bomb', bytes: () => zipOf([{ name: 'a.pkl', data: osSystem4() }], { extraEntries: { of: 0, count: 2000 } }), expect: 'unsafe' },
  { name: 'payload in a nested zip', class: 'container', source: 'nested archives', bytes: () => zipOf([{ name: 'inner.zip', data: torchZip(osSystem4()) }]), expect: 'unsafe' },
  { name: 'encrypted member of a plain zip', class: 'container', source: 'issue 14 item 7', bytes: () => zipOf([{ name: 'model.pkl', data: osSystem4(), flags: 1 }]), expect: 'error' },
  { name: 'overlapping entries with no payload (zip bomb shape)', class: 'container', source: 'David Fifield, non-recursive zip bomb', bytes: () => zipOf([{ name: 'a.pkl', data: pickle4('collections', 'OrderedDict'), deflate: true }], { extraEntries: { of: 0, count: 5000 } }), expect: 'review' },
  { name: 'tar whose first header is a pickle', class: 'parser-differential', source: 'issue 14 class 5g', bytes: () => tarPolyglot(), expect: 'unsafe' },
  { name: 'HDF5 with a .keras zip appended', class: 'parser-differential', source: 'issue 14 class 5g (keras uses zipfile.is_zipfile)', bytes: () => concat(readFixture('formats/keras/benign.h5'), zipOf([{ name: 'config.json', data: readFixture('formats/keras/lambda-config.json') }, { name: 'metadata.json', data: te.encode('{"keras_version": "3.0.0"}') }])), expect: 'unsafe' },
  { name: 'data.pkl that is not a pickle at all', class: 'parser-differential', source: 'issue 14 class 5c', bytes: () => torchZip(te.encode('PK\x03\x04 not a pickle')), expect: 'error' },
  { name: 'SSTI chat template in tokenizer_config (default_chat_template)', class: 'parser-differential', source: 'CVE-2024-34359 (llama-cpp-python SSTI)', bytes: () => te.encode(JSON.stringify({ tokenizer_class: 'X', default_chat_template: "{{ ''.__class__.__mro__[1].__subclasses__() }}" })), expect: 'unsafe' },
  { name: 'SSTI chat template in a YAML config', class: 'parser-differential', source: 'issue 14 class 5f (templates in YAML)', bytes: () => te.encode("model: x\nchat_template: |\n  {% for m in messages %}{{ cycler.__init__.__globals__.os.popen('id').read() }}{% endfor %}\n"), expect: 'unsafe' },
  { name: 'chat template that does not parse', class: 'parser-differential', source: 'issue 14 class 5f', file: 'chat_template.jinja', bytes: () => te.encode('{% for message in messages %}{{ message[ }}{% endfor %}'), expect: 'error' },
  { name: 'SavedModel without saved_model_schema_version', class: 'parser-differential', source: 'issue 14 class 5e (the field is optional to TensorFlow)', bytes: () => readFixture('formats/savedmodel/malicious/saved_model.pb').subarray(2), expect: 'unsafe' },
  // Nothing unparsed is ever safe.
  { name: 'Git LFS pointer as model.pt', class: 'unparsed', source: 'issue 14 item 7', file: 'model.pt', bytes: () => te.encode(`version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 1234\n`), expect: 'error' },
  { name: 'text under a model extension', class: 'unparsed', source: 'issue 14 item 7', file: 'weights.bin', bytes: () => te.encode('not really a model\n'), expect: 'error' },
  { name: 'unknown binary', class: 'unparsed', source: 'issue 14 item 7', file: 'model.ckpt', bytes: () => new Uint8Array([1, 2, 3, 0xfe, 0xff, 0, 9]), expect: 'error' },
];

function readFixture(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', rel)));
}

/** A ustar header whose name field is a protocol-0 pickle calling os.system, then the end blocks. */
function tarPolyglot(): Uint8Array {
  const block = new Uint8Array(512);
  block.set(te.encode("cos\nsystem\n(S'id'\ntR."), 0);
  block.set(te.encode('0000644\0'), 100);
  block.set(te.encode('0000000\0'), 108);
  block.set(te.encode('0000000\0'), 116);
  block.set(te.encode('00000000000\0'), 124);
  block.set(te.encode('00000000000\0'), 136);
  block[156] = 0x30;
  block.set(te.encode('ustar\x0000'), 257);
  block.fill(0x20, 148, 156);
  const sum = block.reduce((a, b) => a + b, 0);
  block.set(te.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return concat(block, new Uint8Array(1024));
}

function npyHeader(dict: string, body: Uint8Array): Uint8Array {
  let header = dict;
  while ((10 + header.length + 1) % 64 !== 0) header += ' ';
  header += '\n';
  return concat([0x93], 'NUMPY', [1, 0, header.length & 0xff, header.length >> 8], header, body);
}

function npyObject(body: Uint8Array): Uint8Array {
  return npyHeader("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", body);
}
