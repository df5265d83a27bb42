/**
 * Grammar-based pickles with known ground truth: benign programs built only from what the safe list allows,
 * and the same programs with a payload (a dangerous call, reached one of the ways the public bypasses reach
 * it) spliced in where the unpickler executes it. Mutations that keep the payload before the break keep the truth.
 */
import { gzipSync } from 'node:zlib';
import { call4, concat, type Op, op } from '../corpus/pickle-writer.js';
import { torchZip } from '../corpus/zip-writer.js';

/** mulberry32: small, fast, reproducible from one 32-bit seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const PAYLOADS: readonly [string, string][] = [
  ['os', 'system'],
  ['posix', 'system'],
  ['nt', 'system'],
  ['subprocess', 'check_output'],
  ['builtins', 'eval'],
  ['builtins', 'exec'],
  ['__builtin__', 'eval'],
  ['commands', 'getoutput'],
  ['torch.utils.collect_env', 'run'],
  ['_xxsubinterpreters', 'run_string'],
  ['runpy', '_run_code'],
  ['pty', 'spawn'],
  ['webbrowser', 'open'],
  ['pip', 'main'],
  ['operator', 'call'],
  ['pathlib', 'os.system'],
  ['torch.serialization', 'os.system'],
  ['numpy', 'generic.tofile'],
  ['pickle', 'loads'],
  ['builtins', 'getattr'],
];

function name(r: Rand, s: string): Op {
  // Every spelling the unpickler decodes to the same string.
  const style = Math.floor(r() * 4);
  if (style === 0) return op.unicode(s);
  if (style === 1)
    return op.string(`'${[...s].map((c) => (r() < 0.3 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('')}'`);
  if (style === 2) return `V${s}\n`;
  return op.string(`"${s}"`);
}

function int(r: Rand): Op {
  const n = Math.floor(r() * 1000);
  return pick(r, [
    op.binint1(n % 256),
    op.int(String(n)),
    op.int(`0x${n.toString(16)}`),
    op.long(`${n}L`),
    op.int(`${n}`.split('').join('_')),
  ]);
}

class Program {
  constructor(readonly r: Rand) {}

  value(depth: number): Op {
    const r = this.r;
    const k = depth > 3 ? Math.floor(r() * 4) : Math.floor(r() * 9);
    switch (k) {
      case 0:
        return int(r);
      case 1:
        return name(r, pick(r, ['weight', 'bias', 'layer.0', 'é', 'x']));
      case 2:
        return op.none;
      case 3:
        return op.bytes(Uint8Array.from({ length: Math.floor(r() * 20) }, () => Math.floor(r() * 256)));
      case 4:
        return concat(op.mark, ...this.values(depth), op.tuple);
      case 5:
        return concat(']', op.mark, ...this.values(depth), 'e');
      case 6: {
        const items = this.values(depth).flatMap((v) => [name(r, 'k'), v]);
        return concat(op.emptyDict, op.mark, ...items, 'u');
      }
      case 7:
        return concat(this.global('collections', 'OrderedDict'), op.emptyTuple, op.reduce);
      default:
        return concat(this.value(depth + 1), op.memoize);
    }
  }

  values(depth: number): Op[] {
    return Array.from({ length: Math.floor(this.r() * 3) }, () => this.value(depth + 1));
  }

  global(module: string, attr: string): Op {
    const r = this.r;
    return r() < 0.5 ? op.global(module, attr) : concat(name(r, module), name(r, attr), op.stackGlobal);
  }

  /** A dangerous call, reached one of the ways public bypasses reach it; it runs when the unpickler gets here. */
  payload(): Op {
    const r = this.r;
    const [module, attr] = pick(r, PAYLOADS);
    const arg = name(r, 'echo pwned');
    switch (Math.floor(r() * 5)) {
      case 0:
        return concat(op.mark, arg, op.inst(module, attr));
      case 1:
        return concat(op.mark, this.global(module, attr), arg, op.obj);
      case 2:
        return concat(this.global(module, attr), op.mark, arg, op.tuple, op.newobj);
      case 3:
        // Memoised, popped, fetched back (ModelAudit #518).
        return concat(this.global(module, attr), op.binput(200), op.pop, op.binget(200), op.mark, arg, op.tuple, op.reduce);
      default:
        return concat(this.global(module, attr), op.mark, arg, op.tuple, op.reduce);
    }
  }
}

export interface FuzzCase {
  bytes: Uint8Array;
  /** Whether a payload runs (before any point where the loader would stop). */
  malicious: boolean;
  /** A mutation whose effect on the loader is not known: only "no crash, consistent verdict" holds. */
  unknown: boolean;
  how: string;
}

export function generate(seed: number): FuzzCase {
  const r = rng(seed);
  const p = new Program(r);
  const malicious = r() < 0.5;
  const items = p.values(0);
  const head = concat(op.proto(pick(r, [0, 2, 4, 5])), op.mark, ...items);
  const body = malicious ? concat(head, p.payload(), op.tuple, op.stop) : concat(head, op.tuple, op.stop);
  const mutation = Math.floor(r() * 9);
  if (mutation === 0) return { bytes: concat(body, body), malicious, unknown: false, how: 'back to back' };
  if (mutation === 1 && malicious)
    return { bytes: body.subarray(0, body.length - 2), malicious, unknown: false, how: 'cut after the payload' };
  if (mutation === 2)
    return {
      bytes: concat(
        body,
        Uint8Array.from({ length: 8 }, () => Math.floor(r() * 256)),
      ),
      malicious,
      unknown: false,
      how: 'junk after',
    };
  if (mutation === 3) {
    const flipped = body.slice();
    const at = Math.floor(r() * flipped.length);
    flipped[at] = (flipped[at] as number) ^ (1 << Math.floor(r() * 8));
    return { bytes: flipped, malicious, unknown: true, how: 'bit flip' };
  }
  if (mutation === 4) return { bytes: torchZip(body), malicious, unknown: false, how: 'torch zip data.pkl' };
  if (mutation === 5)
    return {
      bytes: concat(op.proto(4), call4('torch.storage', '_load_from_bytes', op.bytes(torchZip(body))), op.stop),
      malicious,
      unknown: false,
      how: 'nested in _load_from_bytes',
    };
  if (mutation === 6) return { bytes: gzipSync(body), malicious, unknown: false, how: 'gzip' };
  if (mutation === 7 && body[0] === 0x80) {
    // Protocol 4 framing of everything after PROTO, with the frame ending one byte early (a straddle).
    const rest = body.subarray(2);
    return {
      bytes: concat(body.subarray(0, 2), op.frame(Math.max(0, rest.length - 1)), rest),
      malicious,
      unknown: false,
      how: 'framed, straddling',
    };
  }
  return { bytes: body, malicious, unknown: false, how: 'as generated' };
}
