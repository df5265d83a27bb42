import { describe, expect, test } from '@jest/globals';
import { analyseSource, bufferSource } from '@trustgate/scanner';
import { fixture, policy } from '../helpers.js';

// Where a payload hides two levels down (a Paddle while body's branch, a CoreML loop inside a branch, an ML
// Program's while_loop) or behind getattr in a TorchServe handler: the finding names the place it was found.
async function found(rel: string): Promise<[string, string, number | undefined][]> {
  const a = await analyseSource(bufferSource(rel, fixture(`formats/breadth/${rel}`)), policy());
  return a.findings.map((f) => [f.rule, f.message, f.location?.line]);
}

describe('nested code surfaces', () => {
  test('Paddle: a py_func in the conditional branch of a while body', async () => {
    expect(await found('paddle/nested-py-func.pdmodel')).toEqual([
      ['TG-PDL-002', 'block 2 (body of conditional_block in block 1): py_func calls back into Python', undefined],
    ]);
  });

  test('Paddle: a sub_block outside the program is unreadable, not skipped', async () => {
    expect((await found('paddle/dangling-block.pdmodel'))[0]?.[1]).toContain(
      "while in block 0 names sub-block 7, outside the program's 1 blocks",
    );
  });

  test('CoreML: a custom layer in the loop condition inside a branch', async () => {
    expect(await found('coreml/branch-custom-layer.mlmodel')).toEqual([
      [
        'TG-CML-002',
        'model > else branch of layer "gate" > loop condition of layer "steps": layer "hook" is a custom layer run by class "AcmeHiddenLayer"',
        undefined,
      ],
    ]);
  });

  test('CoreML ML Program: a custom op inside cond inside while_loop, a blob path escaping the package', async () => {
    expect(await found('coreml/mlprogram-custom-op.mlmodel')).toEqual([
      [
        'TG-CML-002',
        `model: function main > while_loop block 1 > cond block 0: op "acme_secret_op" is not in Core ML's ML Program opsets (a custom op)`,
        undefined,
      ],
    ]);
    expect((await found('coreml/mlprogram-blob-traversal.mlmodel')).map(([r]) => r)).toEqual(['TG-CML-003']);
    expect((await found('coreml/deep-nesting.mlmodel'))[0]?.[1]).toContain('nested deeper than 64 levels');
  });

  test('TorchServe: the obfuscated call resolved to os.system, with its line', async () => {
    expect((await found('torchserve/obfuscated-handler.mar')).filter(([r]) => r !== 'TG-MAR-002')).toEqual([
      ['TG-MAR-003', 'handler.py line 1: __import__ imports a module outside an import statement', 1],
      ['TG-MAR-005', 'handler.py line 1: imports "os" by a name built from pieces', 1],
      ['TG-MAR-005', 'handler.py line 1: getattr on os with a name built from pieces ("system")', 1],
      ['TG-MAR-003', 'handler.py line 1: os.system runs a process', 1],
    ]);
  });

  test('TorchServe: a benign handler whose docstring and comments name os.system, eval and subprocess is review only', async () => {
    expect(await found('torchserve/custom-handler.mar')).toEqual([
      ['TG-MAR-002', 'handler "handler.py" with 1 Python member(s) (handler.py) is imported by TorchServe when the model loads', undefined],
    ]);
  });

  test('TorchServe: a helper module the handler ships is judged too', async () => {
    expect((await found('torchserve/helper-module.mar')).filter(([r]) => r === 'TG-MAR-003')).toEqual([
      ['TG-MAR-003', 'helper.py line 1: imports subprocess', 1],
      ['TG-MAR-003', 'helper.py line 4: subprocess.run runs a process', 4],
    ]);
  });

  test('TorchServe: the manifest names a host module', async () => {
    expect(await found('torchserve/host-module-handler.mar')).toEqual([
      ['TG-MAR-006', 'the handler "os:system" names the host module os, which runs processes or code when TorchServe calls it', undefined],
    ]);
  });
});
