import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { absorb, conclude, type Outcome } from '../../conclude.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { bufferSource } from '../../source.js';
import { readWhole } from '../shared/bytes.js';
import { ModelFormatError } from '../shared/errors.js';
import { isNumpyMap, sniffMsgpackCheckpoint } from './sniff.js';
import { type MsgValue, msgText, readMsgpack } from './walk.js';

const CAP = 1 << 30;
// flax/serialization.py: _MsgpackExtType ndarray = 1, native_complex = 2, npscalar = 3; -1 is msgpack's timestamp.
const KNOWN_EXT = new Set([-1, 1, 2, 3]);

/**
 * Flax/JAX msgpack checkpoints: every extension type is one Flax defines (its payload must itself be msgpack);
 * msgpack-numpy object arrays, which msgpack_numpy decodes with pickle.loads, are analysed as the pickles they are.
 */
export const msgpackAnalyser: FormatAnalyser = {
  format: 'msgpack-checkpoint',
  sniff: sniffMsgpackCheckpoint,
  async analyse(ctx) {
    const { source } = ctx;
    const findings: Finding[] = [];
    const nested: Outcome[] = [];
    const pickles: Uint8Array[] = [];
    try {
      const bytes = await readWhole(source, CAP, 'msgpack checkpoint');
      const unknown = new Set<number>();
      const visit = (v: MsgValue) => {
        if (v.t === 'ext') {
          if (!KNOWN_EXT.has(v.code)) unknown.add(v.code);
          else if (v.code >= 1 && v.code <= 3) readMsgpack(v.bytes, visit);
        }
        if (isNumpyMap(v) && v.entries.some(([k, x]) => msgText(k) === 'kind' && msgText(x) === 'O')) {
          const data = v.entries.find(([k]) => msgText(k) === 'data')?.[1];
          if (data && (data.t === 'bin' || data.t === 'str')) pickles.push(data.bytes);
        }
      };
      const { end } = readMsgpack(bytes, visit);
      if (end !== bytes.length) throw new Error(`${bytes.length - end} bytes follow the checkpoint`);
      for (const code of unknown)
        findings.push(finding(R.msgpackExt, `extension type ${code} is not one Flax defines`, { path: source.name }));
    } catch (e) {
      const why = e instanceof ModelFormatError || e instanceof Error ? e.message : String(e);
      return conclude('msgpack-checkpoint', [
        finding(R.msgpackUnreadable, `could not be read as msgpack (${why}); not trusted`, { path: source.name }),
      ]);
    }
    for (const [i, p] of pickles.entries()) {
      const path = `${source.name}!/object-array-${i}`;
      findings.push(finding(R.msgpackPickle, 'a msgpack-numpy object array is unpickled on load', { path }));
      const a = await ctx.scanNested(bufferSource(path, p));
      absorb(findings, a, path);
      nested.push(a);
    }
    return conclude('msgpack-checkpoint', findings, nested, { framework: 'flax' });
  },
};
