import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { readWhole } from '../shared/bytes.js';
import { malformed } from '../shared/errors.js';
import { judgedFormat } from '../shared/judged.js';
import { submessages, text, wireFields } from '../shared/protowire.js';
import { ENDPOINT_ATTRS, ENGINE_OPS, FILE_OPS, isComputeOp, NETWORK_OPS, PATH_ATTRS, PYTHON_OPS } from './ops.js';
import { sniffPaddleProgram } from './sniff.js';

const CAP = 2 ** 31 - 1;
// paddle/fluid/framework/framework.proto (proto2): ProgramDesc.blocks = 1; BlockDesc idx = 1, parent_idx = 2,
// ops = 4; OpDesc type = 3, attrs = 4; OpDesc.Attr name = 1, s = 5, strings = 8, block_idx = 12, blocks_idx = 14.
const NO_PARENT = 2 ** 31; // parent_idx is an int32: -1 arrives as a 10-byte varint, far above this

interface Attr {
  name: string;
  strings: string[];
  blocks: number[];
}

function attrOf(bytes: Uint8Array): Attr {
  const attr: Attr = { name: '', strings: [], blocks: [] };
  for (const f of wireFields(bytes)) {
    if (f.field === 1 && f.wire === 2) attr.name = text(f.bytes);
    else if ((f.field === 5 || f.field === 8) && f.wire === 2) attr.strings.push(text(f.bytes));
    else if ((f.field === 12 || f.field === 14) && f.wire === 0) attr.blocks.push(f.value);
    else if (f.field === 14 && f.wire === 2)
      for (const v of wireFields(packedAsFields(f.bytes))) if (v.wire === 0) attr.blocks.push(v.value);
  }
  return attr;
}

// A packed repeated int32 is a run of varints; prefixing each with tag 1/varint lets the field reader decode them.
function packedAsFields(run: Uint8Array): Uint8Array {
  const out: number[] = [];
  let start = true;
  for (const byte of run) {
    if (start) out.push(0x08);
    out.push(byte);
    start = (byte & 0x80) === 0;
  }
  return Uint8Array.from(out);
}

interface Op {
  type: string;
  attrs: Attr[];
}

interface Block {
  idx: number;
  parent: number;
  ops: Op[];
}

function blockOf(bytes: Uint8Array): Block {
  const block: Block = { idx: -1, parent: -1, ops: [] };
  for (const f of wireFields(bytes)) {
    if (f.field === 1 && f.wire === 0) block.idx = f.value;
    else if (f.field === 2 && f.wire === 0) block.parent = f.value >= NO_PARENT ? -1 : f.value;
    else if (f.field === 4 && f.wire === 2) {
      const type = text(submessages(f.bytes, 3)[0] ?? new Uint8Array());
      block.ops.push({ type, attrs: submessages(f.bytes, 4).map(attrOf) });
    }
  }
  return block;
}

const quoted = (attrs: readonly Attr[], names: ReadonlySet<string>) =>
  attrs.filter((a) => names.has(a.name)).flatMap((a) => a.strings.map((s) => `${a.name}=${JSON.stringify(s)}`));

/** What one op does, as a finding, or nothing for a built-in compute op. */
function judgeOp(op: Op, where: string): Finding | undefined {
  let base = op.type;
  while (base.endsWith('_grad')) base = base.slice(0, -'_grad'.length);
  if (PYTHON_OPS.has(base)) return finding(R.paddlePyFunc, `${where}: ${op.type} calls back into Python`, undefined, op.type);
  if (FILE_OPS.has(base)) {
    const paths = quoted(op.attrs, PATH_ATTRS);
    return finding(
      R.paddleFileOp,
      `${where}: ${op.type} op on ${paths.join(', ') || 'a path set at run time'}`,
      undefined,
      paths[0] ?? op.type,
    );
  }
  if (NETWORK_OPS.has(base)) {
    const ends = quoted(op.attrs, ENDPOINT_ATTRS);
    return finding(
      R.paddleNetworkOp,
      `${where}: ${op.type} opens a network channel${ends.length ? ` (${ends.join(', ')})` : ''}`,
      undefined,
      op.type,
    );
  }
  if (isComputeOp(op.type)) return undefined;
  const what = ENGINE_OPS.has(base)
    ? 'runs a serialized inference engine the scanner cannot read (TensorRT plans can load plugin libraries)'
    : base === 'print'
      ? 'writes tensor values to the process log'
      : 'is not a built-in Paddle op (a custom op from a loaded library or plugin)';
  return finding(R.paddleUnknownOp, `${where}: op ${JSON.stringify(op.type)} ${what}`, undefined, op.type);
}

/**
 * A PaddlePaddle program: every op of every block (while/conditional_block bodies are blocks of the program,
 * named by their ops' sub_block attributes) against the built-in compute ops; Python callbacks, file paths,
 * network channels and unknown ops are findings. A block reference outside the program is malformed.
 */
export const paddleAnalyser: FormatAnalyser = {
  format: 'paddle-program',
  sniff: sniffPaddleProgram,
  analyse: ({ source }) =>
    judgedFormat('paddle-program', R.paddleUnreadable, source, async () => {
      const program = await readWhole(source, CAP, 'PaddlePaddle program');
      const blocks = submessages(program, 1).map(blockOf);
      if (blocks.length === 0) throw malformed('the program has no blocks');
      // Which op owns each sub-block, for the findings' wording; every reference must name another block.
      const owner = new Map<number, string>();
      for (const [b, block] of blocks.entries()) {
        if (block.idx !== b) throw malformed(`block ${b} says it is block ${block.idx}`);
        if (b === 0 ? block.parent !== -1 : block.parent < 0 || block.parent >= blocks.length)
          throw malformed(`block ${b} has parent ${block.parent}, outside the program's ${blocks.length} blocks`);
        for (const op of block.ops)
          for (const sub of op.attrs.flatMap((a) => a.blocks)) {
            if (sub <= 0 || sub >= blocks.length || sub === b)
              throw malformed(`${op.type} in block ${b} names sub-block ${sub}, outside the program's ${blocks.length} blocks`);
            owner.set(sub, `${op.type} in block ${b}`);
          }
      }
      const findings: Finding[] = [];
      const seen = new Set<string>();
      let ops = 0;
      for (const [b, block] of blocks.entries())
        for (const op of block.ops) {
          ops++;
          const o = owner.get(b);
          const where = b === 0 ? 'block 0' : `block ${b}${o ? ` (body of ${o})` : ''}`;
          const f = judgeOp(op, where);
          // One finding per op type and block: a program repeats the same op thousands of times.
          if (f && !seen.has(`${b}\0${op.type}\0${f.evidence ?? ''}`)) {
            seen.add(`${b}\0${op.type}\0${f.evidence ?? ''}`);
            f.location = { path: source.name };
            findings.push(f);
          }
        }
      return {
        findings,
        metadata: { framework: 'paddlepaddle', properties: { ops: String(ops), blocks: String(blocks.length) } },
      };
    }),
};
