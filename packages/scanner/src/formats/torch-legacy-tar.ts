import type { Finding } from '@trustgate/core/base';
import type { AnalyserContext } from '../analyser.js';
import { PickleError } from '../pickle/error.js';
import { PickleInput } from '../pickle/input.js';
import { DEFAULT_MACHINE_LIMITS, FindingSink, PickleMachine } from '../pickle/machine.js';
import type { Value } from '../pickle/values.js';
import { finding } from '../rules.js';
import type { ByteSource } from '../source.js';
import { globalsPolicy, machineLimits } from './policy.js';
import { ELEMENT_SIZE } from './torch-legacy.js';

/**
 * The `storages` and `tensors` members of torch's oldest (tar) checkpoints interleave pickles with raw bytes:
 * a count, then per entry a pickled header followed by binary data whose size the header determines. Read them
 * the way torch.serialization's legacy loader does, analysing every pickle and skipping the raw parts.
 */
export async function scanLegacyTarMember(ctx: AnalyserContext, member: ByteSource, kind: 'storages' | 'tensors'): Promise<Finding[]> {
  const sink = new FindingSink();
  const input = new PickleInput(member);
  const limits = { ...DEFAULT_MACHINE_LIMITS, ...machineLimits(ctx.policy) };
  const next = () => new PickleMachine(input, { policy: globalsPolicy(ctx.policy), limits, path: member.name, findings: sink }).run();
  const u64 = async (): Promise<number> => {
    if (!(await input.ensure(8))) throw new PickleError('stream ends inside a size field', input.pos);
    const v = input.view(8);
    const n =
      (v[0] as number) +
      (v[1] as number) * 2 ** 8 +
      (v[2] as number) * 2 ** 16 +
      (v[3] as number) * 2 ** 24 +
      ((v[4] as number) + (v[5] as number) * 2 ** 8 + (v[6] as number) * 2 ** 16) * 2 ** 32;
    input.skip(8);
    return n;
  };
  const skip = (n: number) => {
    if (!Number.isSafeInteger(n) || n < 0 || input.pos + n > member.size)
      throw new PickleError(`raw ${kind} data runs past the end of the member`, input.pos);
    input.skip(n);
  };
  try {
    const count = await next();
    if (count.k !== 'int' || count.v === undefined || count.v < 0) throw new PickleError(`${kind} count is not an integer`, 0);
    for (let i = 0; i < count.v; i++) {
      const header = await next();
      if (kind === 'storages') {
        const size = elementSize(header);
        if (size === undefined) throw new PickleError('storage header does not name a known storage type', input.pos);
        skip((await u64()) * size);
      } else {
        if (!(await input.ensure(4))) throw new PickleError('stream ends inside a tensor header', input.pos);
        const ndim = new DataView(input.view(4).slice().buffer).getInt32(0, true);
        skip(8 + 16 * ndim + 8);
      }
    }
    if (kind === 'storages') await next();
  } catch (e) {
    if (!(e instanceof PickleError)) throw e;
    return [
      ...sink.findings,
      finding(e.rule, `legacy torch ${kind} member not fully analysed: ${e.message}`, { path: member.name, offset: e.offset }),
    ];
  }
  return sink.findings;
}

function elementSize(header: Value): number | undefined {
  const type = header.k === 'tuple' ? header.items?.[2] : undefined;
  return type?.k === 'global' && type.module.startsWith('torch') ? ELEMENT_SIZE[type.name] : undefined;
}
