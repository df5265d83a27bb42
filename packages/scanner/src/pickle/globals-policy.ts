/**
 * Which pickle globals are safe to import. Allowlist first: a global is `safe` only when listed here (or in the
 * policy's allowGlobals); known-dangerous names are `unsafe` with the reason; everything else is `review`.
 */
export type GlobalVerdict = 'safe' | 'review' | 'unsafe';

export interface GlobalJudgement {
  verdict: GlobalVerdict;
  reason: string;
}

export interface GlobalsPolicy {
  allow: readonly string[];
  deny: readonly string[];
}

const TORCH_DTYPES = [
  'float32',
  'float64',
  'float16',
  'bfloat16',
  'complex32',
  'complex64',
  'complex128',
  'int64',
  'int32',
  'int16',
  'int8',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'bool',
  'qint8',
  'quint8',
  'qint32',
  'quint4x2',
  'quint2x4',
  'float8_e4m3fn',
  'float8_e5m2',
  'float8_e4m3fnuz',
  'float8_e5m2fnuz',
  'float8_e8m0fnu',
  'float4_e2m1fn_x2',
  'bits8',
  'bits16',
  'strided',
  'sparse_coo',
  'sparse_csr',
  'sparse_csc',
  'sparse_bsr',
  'sparse_bsc',
  '_mkldnn',
  'jagged',
  'contiguous_format',
  'channels_last',
  'channels_last_3d',
  'preserve_format',
  'per_tensor_affine',
  'per_channel_affine',
  'per_tensor_symmetric',
  'per_channel_symmetric',
  'per_channel_affine_float_qparams',
];
const TORCH_STORAGES = [
  'Float',
  'Double',
  'Half',
  'BFloat16',
  'Long',
  'Int',
  'Short',
  'Char',
  'Byte',
  'Bool',
  'ComplexFloat',
  'ComplexDouble',
  'QUInt8',
  'QInt8',
  'QInt32',
  'QUInt4x2',
  'QUInt2x4',
].map((t) => `${t}Storage`);
const TORCH_REBUILD = [
  '_rebuild_tensor',
  '_rebuild_tensor_v2',
  '_rebuild_tensor_v3',
  '_rebuild_parameter',
  '_rebuild_parameter_with_state',
  '_rebuild_qtensor',
  '_rebuild_sparse_tensor',
  '_rebuild_nested_tensor',
  '_rebuild_meta_tensor_no_storage',
  '_rebuild_wrapper_subclass',
  '_rebuild_device_tensor_from_numpy',
];

/** What torch.load(weights_only=True) accepts, plain containers, `_codecs.encode`, NumPy arrays and joblib's wrapper. */
export const DEFAULT_SAFE_GLOBALS: ReadonlySet<string> = new Set([
  ...TORCH_REBUILD.map((f) => `torch._utils.${f}`),
  'torch._tensor._rebuild_from_type_v2',
  'torch.nn.parameter.Parameter',
  'torch.Tensor',
  'torch.Size',
  'torch.device',
  'torch.serialization._get_layout',
  'torch.storage.UntypedStorage',
  'torch.UntypedStorage',
  'torch.TypedStorage',
  'torch.storage.TypedStorage',
  'torch.storage._load_from_bytes',
  ...TORCH_STORAGES.map((s) => `torch.${s}`),
  ...TORCH_STORAGES.map((s) => `torch.cuda.${s}`),
  // torch._tensor_classes (legacy tensor types), which weights_only also accepts.
  ...TORCH_STORAGES.slice(0, 12).map((s) => `torch.${s.replace('Storage', 'Tensor')}`),
  ...TORCH_STORAGES.slice(0, 12).map((s) => `torch.cuda.${s.replace('Storage', 'Tensor')}`),
  ...TORCH_DTYPES.map((d) => `torch.${d}`),
  'collections.OrderedDict',
  'collections.Counter',
  'builtins.set',
  'builtins.frozenset',
  'builtins.bytearray',
  'builtins.complex',
  'builtins.slice',
  'builtins.range',
  '_codecs.encode',
  'numpy.core.multiarray._reconstruct',
  'numpy._core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar',
  'numpy._core.multiarray.scalar',
  'numpy.core.numeric._frombuffer',
  'numpy._core.numeric._frombuffer',
  'numpy.ndarray',
  'numpy.dtype',
  'joblib.numpy_pickle.NumpyArrayWrapper',
  'joblib.numpy_pickle.NDArrayWrapper',
]);

/** `numpy.dtypes.Float64DType` and friends: dtype classes, no behaviour on load. */
const SAFE_PREFIXES = ['numpy.dtypes.'];

const DENY: readonly [string, string][] = [
  ['os', 'runs commands and touches files (os.system, os.popen, os.exec*)'],
  ['posix', 'runs commands (the os module under another name)'],
  ['nt', 'runs commands (the os module under another name)'],
  ['subprocess', 'runs commands'],
  ['_posixsubprocess', 'runs commands'],
  ['pty', 'spawns a shell'],
  ['sys', 'reaches interpreter internals (sys.modules, sys.settrace)'],
  ['runpy', 'runs Python code'],
  ['code', 'runs Python code'],
  ['codeop', 'compiles Python code'],
  ['importlib', 'imports arbitrary modules'],
  ['imp', 'imports arbitrary modules'],
  ['pkgutil', 'imports arbitrary modules'],
  ['zipimport', 'imports arbitrary modules'],
  ['pkg_resources', 'imports arbitrary modules'],
  ['builtins.eval', 'runs Python code'],
  ['builtins.exec', 'runs Python code'],
  ['builtins.compile', 'compiles Python code'],
  ['builtins.__import__', 'imports arbitrary modules'],
  ['builtins.getattr', 'reaches any attribute of any object (gadget for os.system and friends)'],
  ['builtins.setattr', 'rewrites attributes of loaded modules'],
  ['builtins.delattr', 'rewrites attributes of loaded modules'],
  ['builtins.open', 'reads or writes files'],
  ['builtins.globals', 'reaches interpreter internals'],
  ['builtins.locals', 'reaches interpreter internals'],
  ['builtins.vars', 'reaches interpreter internals'],
  ['builtins.input', 'reads the terminal'],
  ['builtins.breakpoint', 'starts a debugger'],
  ['builtins.memoryview', 'reaches raw memory'],
  ['types', 'builds code and function objects'],
  ['marshal', 'loads code objects'],
  ['pickle', 'loads a nested pickle'],
  ['_pickle', 'loads a nested pickle'],
  ['cPickle', 'loads a nested pickle'],
  ['shelve', 'loads nested pickles'],
  ['dill', 'rebuilds functions and code objects'],
  ['cloudpickle', 'rebuilds functions and code objects'],
  ['joblib.load', 'loads a nested pickle'],
  ['joblib.numpy_pickle.load', 'loads a nested pickle'],
  ['numpy.load', 'loads a nested file, possibly with allow_pickle'],
  ['numpy.testing._private.utils.runstring', 'runs Python code'],
  ['numpy.f2py', 'compiles and runs code'],
  ['numpy.distutils', 'runs build commands'],
  ['torch.load', 'loads a nested checkpoint'],
  ['torch.serialization.load', 'loads a nested checkpoint'],
  ['torch.hub', 'downloads and runs code'],
  ['torch.jit.load', 'loads a nested TorchScript program'],
  ['torch._dynamo', 'compiles and runs code'],
  ['torch._inductor', 'compiles and runs code'],
  ['ctypes', 'calls native code'],
  ['_ctypes', 'calls native code'],
  ['cffi', 'calls native code'],
  ['signal', 'changes process signal handling'],
  ['multiprocessing', 'starts processes'],
  ['concurrent', 'starts threads or processes'],
  ['threading', 'starts threads'],
  ['_thread', 'starts threads'],
  ['asyncio', 'starts processes and network connections (asyncio.subprocess, unix_events)'],
  ['socket', 'opens network connections'],
  ['_socket', 'opens network connections'],
  ['socketserver', 'opens network connections'],
  ['ssl', 'opens network connections'],
  ['http', 'opens network connections'],
  ['httplib', 'opens network connections'],
  ['urllib', 'opens network connections'],
  ['urllib2', 'opens network connections'],
  ['urllib3', 'opens network connections'],
  ['requests', 'opens network connections'],
  ['httpx', 'opens network connections'],
  ['aiohttp', 'opens network connections'],
  ['ftplib', 'opens network connections'],
  ['smtplib', 'opens network connections'],
  ['telnetlib', 'opens network connections'],
  ['xmlrpc', 'opens network connections'],
  ['webbrowser', 'opens a browser (runs a command)'],
  ['shutil', 'copies, moves and deletes files'],
  ['tempfile', 'creates files'],
  ['pathlib', 'reads, writes and deletes files (and reaches os through pathlib.os)'],
  ['io', 'reads or writes files'],
  ['_io', 'reads or writes files'],
  ['fileinput', 'reads or writes files'],
  ['tarfile', 'extracts archives onto disk'],
  ['zipfile', 'extracts archives onto disk'],
  ['glob', 'lists files'],
  ['operator.attrgetter', 'reaches any attribute of any object'],
  ['operator.methodcaller', 'calls any method of any object'],
  ['_operator.attrgetter', 'reaches any attribute of any object'],
  ['_operator.methodcaller', 'calls any method of any object'],
  ['functools.partial', 'wraps a callable to call it later with chosen arguments'],
  ['functools.partialmethod', 'wraps a callable to call it later with chosen arguments'],
  ['functools.reduce', 'calls a callable repeatedly'],
  ['inspect', 'reaches interpreter internals'],
  ['gc', 'reaches every live object'],
  ['pdb', 'starts a debugger that runs code'],
  ['bdb', 'runs code under a debugger'],
  ['trace', 'runs code'],
  ['timeit', 'runs code'],
  ['profile', 'runs code'],
  ['cProfile', 'runs code'],
  ['doctest', 'runs code'],
  ['pydoc', 'imports arbitrary modules (pydoc.locate)'],
  ['site', 'changes the import path'],
  ['venv', 'creates environments and runs commands'],
  ['ensurepip', 'installs packages'],
  ['pip', 'installs packages'],
  ['setuptools', 'runs build commands'],
  ['distutils', 'runs build commands'],
  ['platform', 'runs commands (platform.popen, _syscmd_*)'],
  ['_osx_support', 'runs commands'],
  ['_aix_support', 'runs commands'],
  ['uuid._get_command_stdout', 'runs commands'],
  ['logging.config', 'opens a listening socket that runs configuration code'],
  ['idlelib', 'runs code'],
  ['lib2to3', 'runs code transformations'],
  ['builtins.__build_class__', 'builds classes from code'],
  ['builtins.execfile', 'runs Python code'],
  ['builtins.apply', 'calls any callable'],
  ['_pyrepl', 'runs Python code'],
  ['imaplib', 'opens network connections'],
  ['poplib', 'opens network connections'],
  ['nntplib', 'opens network connections'],
  ['smtpd', 'opens network connections'],
  ['cgi', 'runs commands'],
  ['tkinter', 'runs Tcl code'],
  ['numpy.lib.npyio.load', 'loads a nested file, possibly with allow_pickle'],
  ['numpy.ctypeslib', 'loads native libraries'],
  ['torch.utils.cpp_extension', 'compiles and loads native code'],
  ['tensorflow.io', 'reads and writes files'],
  ['tensorflow.python.ops.gen_io_ops', 'reads and writes files'],
  ['keras.utils.get_file', 'downloads files'],
];

/** Python 2 module names the unpickler maps to Python 3 ones (`fix_imports`); checked under both names. */
const COMPAT_MODULES: Record<string, string> = {
  __builtin__: 'builtins',
  copy_reg: 'copyreg',
  commands: 'subprocess',
  cPickle: 'pickle',
  exceptions: 'builtins',
  Queue: 'queue',
  SocketServer: 'socketserver',
  httplib: 'http.client',
  urllib2: 'urllib.request',
  urlparse: 'urllib.parse',
  StringIO: 'io',
  cStringIO: 'io',
  thread: '_thread',
  UserDict: 'collections',
  __main__: '__main__',
};

function matches(full: string, pattern: string): boolean {
  if (pattern.endsWith('.*')) return full.startsWith(pattern.slice(0, -1));
  return full === pattern || full.startsWith(`${pattern}.`);
}

function exactOrWildcard(full: string, pattern: string): boolean {
  if (pattern.endsWith('.*')) return full.startsWith(pattern.slice(0, -1));
  return full === pattern;
}

/**
 * Every dotted path the unpickler may resolve for (module, name): `find_class` walks a dotted name attribute by
 * attribute, so `pathlib` + `os.system` reaches `os.system` (pathlib.os is the os module). The module is
 * checked under its Python 2 name and the name `fix_imports` maps it to.
 */
function candidates(module: string, name: string): string[] {
  const head = module.split('.')[0] ?? module;
  const mapped = COMPAT_MODULES[head];
  const modules = mapped && mapped !== head ? [module, mapped + module.slice(head.length)] : [module];
  const out = new Set<string>();
  const parts = name.split('.');
  for (const m of modules) out.add(`${m}.${name}`);
  for (let i = 0; i < parts.length - 1; i++) out.add(parts.slice(i).join('.'));
  return [...out];
}

const DUNDER = /^__\w+__$/;
// copyreg's NEWOBJ helpers only call cls.__new__ (the class is judged on its own); dunder names, not gadgets.
const PLAIN_CONSTRUCTORS = new Set(['copyreg.__newobj__', 'copyreg.__newobj_ex__', 'copy_reg.__newobj__']);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Judge one global as the unpickler would resolve it. Deny always wins over allow. */
export function judgeGlobal(module: string, name: string, policy: GlobalsPolicy): GlobalJudgement {
  const full = `${module}.${name}`;
  for (const c of candidates(module, name)) {
    for (const p of policy.deny) if (matches(c, p)) return { verdict: 'unsafe', reason: `denied by policy (${p})` };
    for (const [p, why] of DENY) if (matches(c, p)) return { verdict: 'unsafe', reason: c === full ? why : `reaches ${c}: ${why}` };
  }
  const parts = name.split('.');
  if (!module.split('.').every((p) => IDENT.test(p)) || !parts.every((p) => IDENT.test(p)))
    return { verdict: 'review', reason: `"${full}" is not a valid dotted Python name; the loader would fail to import it` };
  if (parts.some((p) => DUNDER.test(p)) && !PLAIN_CONSTRUCTORS.has(full))
    return { verdict: 'unsafe', reason: `"${full}" reaches a dunder attribute (interpreter internals)` };
  for (const c of candidates(module, name).slice(0, 2)) {
    if (DEFAULT_SAFE_GLOBALS.has(c) || SAFE_PREFIXES.some((p) => c.startsWith(p)))
      return { verdict: 'safe', reason: 'on the default safe list' };
    for (const p of policy.allow) if (exactOrWildcard(c, p)) return { verdict: 'safe', reason: `allowed by policy (${p})` };
  }
  return { verdict: 'review', reason: `${full} is on neither the safe list nor the deny list` };
}
