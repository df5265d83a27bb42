import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { readWhole } from '../shared/bytes.js';
import { judgedFormat } from '../shared/judged.js';
import { RReader, type RValue } from './reader.js';
import { serializationStart, sniffR } from './sniff.js';

const CAP = 1 << 30;
// Functions whose call in saved R code runs programs, evaluates text, loads native code or opens connections.
const DANGEROUS = new Set([
  'system',
  'system2',
  'shell',
  'shell.exec',
  'pipe',
  'eval',
  'evalq',
  'parse',
  'str2lang',
  'str2expression',
  'source',
  'sys.source',
  'download.file',
  'url',
  'socketConnection',
  'dyn.load',
  'library.dynam',
  '.Call',
  '.External',
  '.C',
  '.Fortran',
  '.Internal',
  '.Primitive',
  'Sys.setenv',
  'unlink',
  'file.remove',
  'do.call',
  'match.fun',
  'get',
  'getExportedValue',
]);
// ALTREP classes base R registers itself (altclasses.c): their unserialize hooks load no package.
const BASE_ALTREP = new Set([
  'compact_intseq',
  'compact_realseq',
  'deferred_string',
  'wrap_integer',
  'wrap_logical',
  'wrap_real',
  'wrap_complex',
  'wrap_raw',
  'wrap_string',
  'wrap_list',
  'mmap_integer',
  'mmap_real',
]);
// A saved workspace restored at R start-up runs these (R's Startup docs).
const STARTUP_HOOKS = new Set(['.First', '.Last', '.First.sys']);

const isClosure = (v: RValue) => 'cell' in v && v.cell === 3;

/** R serializations (.rds, .RData, serialize()): promises, code and ALTREP hooks judged; nothing is evaluated. */
export const rAnalyser: FormatAnalyser = {
  format: 'r-serialization',
  sniff: sniffR,
  analyse: ({ source }) =>
    judgedFormat('r-serialization', R.rUnreadable, source, async () => {
      const bytes = await readWhole(source, CAP, 'R serialization');
      const start = serializationStart(bytes);
      const at = (offset: number) => ({ path: source.name, offset });
      if (bytes[start] !== 0x58)
        return {
          findings: [
            finding(
              R.notAnalysable,
              'format R serialization recognised, not analysable: only the XDR form (saveRDS default) is read, not ASCII or native binary',
              {
                path: source.name,
              },
            ),
          ],
        };
      const findings: Finding[] = [];
      const calls = new Map<string, number>();
      let code: { kind: string; offset: number; count: number } | undefined;
      new RReader(bytes, start, {
        promise: (o) => findings.push(finding(R.rPromise, 'a promise (PROMSXP) is evaluated when the loaded object is first used', at(o))),
        closure: (kind, o) => {
          code ??= { kind, offset: o, count: 0 };
          code.count++;
        },
        call: (fn, o) => {
          if (DANGEROUS.has(fn) && !calls.has(fn)) calls.set(fn, o);
        },
        altrep: (cls, pkg, o) => {
          if (!(pkg === 'base' && BASE_ALTREP.has(cls)))
            findings.push(
              finding(
                R.rAltrep,
                `ALTREP class ${cls} of package ${pkg}: unserialize loads the package and runs its hook`,
                at(o),
                `${pkg}::${cls}`,
              ),
            );
        },
        binding: (name, value, o) => {
          if (STARTUP_HOOKS.has(name) && isClosure(value))
            findings.push(
              finding(R.rDangerousCall, `the workspace defines ${name}, which R runs when it restores the workspace`, at(o), name),
            );
        },
      }).read();
      for (const [fn, o] of calls) findings.push(finding(R.rDangerousCall, `saved R code calls ${fn}()`, at(o), fn));
      if (code)
        findings.push(finding(R.rClosure, `${code.count} saved function(s) (${code.kind} first); they run when called`, at(code.offset)));
      return { findings, metadata: { framework: 'r' } };
    }),
};
