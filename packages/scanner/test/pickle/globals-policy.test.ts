import { describe, expect, test } from '@jest/globals';
import { judgeGlobal } from '@trustgate/scanner';

const none = { allow: [], deny: [] };

describe('judgeGlobal', () => {
  test.each([
    ['torch._utils', '_rebuild_tensor_v2', 'safe'],
    ['collections', 'OrderedDict', 'safe'],
    ['_codecs', 'encode', 'safe'],
    ['numpy.core.multiarray', '_reconstruct', 'safe'],
    ['numpy.dtypes', 'Float64DType', 'safe'],
    ['__builtin__', 'set', 'safe'],
    ['torch.nn.modules.linear', 'Linear', 'safe'],
    ['torch', 'nn.modules.linear.Linear', 'safe'],
    ['evil', 'torch.Tensor', 'review'],
    ['numpy.dtypes', 'Float64DType.tofile', 'unsafe'],
    ['numpy', 'generic.tofile', 'unsafe'],
    ['torch.storage', '_load_from_bytes', 'safe'],
    ['torch.utils.collect_env', 'run', 'unsafe'],
    ['_xxsubinterpreters', 'run_string', 'unsafe'],
    ['__builtin__', 'reduce', 'unsafe'],
    ['__builtin__', 'intern', 'unsafe'],
    ['transformers.models.auto.tokenization_auto', 'AutoTokenizer.from_pretrained', 'unsafe'],
    ['builtins', 'len', 'safe'],
    ['builtins', 'dict', 'safe'],
    ['__future__', 'annotations', 'safe'],
    ['sklearn.linear_model._logistic', 'LogisticRegression', 'safe'],
    ['torch.jit._pickle', 'build_intlist', 'safe'],
    ['copyreg', '__newobj__', 'review'],
    ['numpy.random._pickle', '__randomstate_ctor', 'safe'],
    ['os', 'system', 'unsafe'],
    ['posix', 'system', 'unsafe'],
    ['nt', 'system', 'unsafe'],
    ['subprocess', 'Popen', 'unsafe'],
    ['builtins', 'eval', 'unsafe'],
    ['builtins', 'getattr', 'unsafe'],
    ['__builtin__', 'exec', 'unsafe'],
    ['commands', 'getoutput', 'unsafe'],
    ['pathlib', 'os.system', 'unsafe'],
    ['collections', 'OrderedDict.__init__.__globals__', 'unsafe'],
    ['asyncio.unix_events', '_UnixSubprocessTransport', 'unsafe'],
    ['runpy', '_run_code', 'unsafe'],
    ['functools', 'partial', 'unsafe'],
    ['operator', 'attrgetter', 'unsafe'],
    ['numpy.testing._private.utils', 'runstring', 'unsafe'],
    ['torch', 'load', 'unsafe'],
    ['webbrowser', 'open', 'unsafe'],
    ['pip', 'main', 'unsafe'],
    ['importlib', 'import_module', 'unsafe'],
    ['dill._dill', '_create_code', 'unsafe'],
    ['types', 'CodeType', 'unsafe'],
  ])('%s.%s is %s', (module, name, verdict) => {
    expect(judgeGlobal(module, name, none).verdict).toBe(verdict);
  });

  test('a dunder attribute path is unsafe whatever the module', () => {
    expect(judgeGlobal('torch._utils', '_rebuild_tensor_v2.__globals__', none)).toMatchObject({ verdict: 'unsafe' });
  });

  test('policy can allow more and deny more, and deny always wins', () => {
    const policy = { allow: ['mylib.models.*', 'os.system'], deny: ['collections.OrderedDict'] };
    expect(judgeGlobal('mylib.models.net', 'Net', policy)).toEqual({ verdict: 'safe', reason: 'allowed by policy (mylib.models.*)' });
    expect(judgeGlobal('os', 'system', policy).verdict).toBe('unsafe');
    expect(judgeGlobal('collections', 'OrderedDict', policy)).toEqual({
      verdict: 'unsafe',
      reason: 'denied by policy (collections.OrderedDict)',
    });
  });

  test('the reason says why a global is dangerous', () => {
    expect(judgeGlobal('os', 'system', none).reason).toBe('runs commands and touches files (os.system, os.popen, os.exec*)');
    expect(judgeGlobal('torch.serialization', 'os.system', none).reason).toBe(
      'reaches os.system: runs commands and touches files (os.system, os.popen, os.exec*)',
    );
  });
});
