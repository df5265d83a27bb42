import type { Finding } from '@trustgate/core/base';
import { finding, RULES } from '../rules.js';
import type { ByteSource } from '../source.js';
import { PickleError } from './error.js';
import type { GlobalsPolicy } from './globals-policy.js';
import { PickleInput } from './input.js';
import { type BuildHook, DEFAULT_MACHINE_LIMITS, FindingSink, type MachineLimits, type NestedCall, PickleMachine } from './machine.js';
import type { Value } from './values.js';

export interface PickleScanOptions {
  policy: GlobalsPolicy;
  limits?: Partial<MachineLimits>;
  /** Where the first pickle starts (after an .npy header, say). */
  start?: number;
  /** Stop after this many pickles and leave the rest unread (legacy torch: the storages follow as raw bytes). */
  count?: number;
  onBuild?: BuildHook;
  onPersistentId?: (pid: Value) => void;
}

export interface PickleScan {
  findings: Finding[];
  /** Calls that hand bytes from the pickle to a loader, analysed as the files they are (formats/nested-payloads.ts). */
  nested: readonly NestedCall[];
  /** Imported globals and how often, for metadata and tests. */
  globals: ReadonlyMap<string, number>;
  /** What each complete pickle unpickled to. */
  values: Value[];
  /** Offset just after the last complete pickle. */
  end: number;
  /** The stream broke or a limit was hit (the file is then `error` at best). */
  failed: boolean;
  opcodes: number;
}

/**
 * Every pickle in a stream, back to back, as `pickle.load` called repeatedly would read them. The first pickle
 * must be complete; bytes after a complete pickle that are not a pickle are reported, never ignored.
 */
export async function scanPickles(source: ByteSource, options: PickleScanOptions): Promise<PickleScan> {
  const sink = new FindingSink();
  const input = new PickleInput(source, options.start ?? 0);
  const limits = { ...DEFAULT_MACHINE_LIMITS, ...options.limits };
  const values: Value[] = [];
  let end = input.pos;
  let failed = false;
  const findings: Finding[] = [];
  while (input.pos < source.size && (options.count === undefined || values.length < options.count)) {
    const machine = new PickleMachine(input, {
      policy: options.policy,
      limits,
      path: source.name,
      onBuild: options.onBuild,
      onPersistentId: options.onPersistentId,
      findings: sink,
    });
    try {
      values.push(await machine.run());
      end = input.pos;
    } catch (e) {
      if (!(e instanceof PickleError)) throw e;
      if (values.length === 0 || e.rule !== RULES.parseError || options.count !== undefined) {
        failed = true;
        findings.push(finding(e.rule, `pickle stream not fully analysed: ${e.message}`, { path: source.name, offset: e.offset }));
      } else {
        findings.push(
          finding(RULES.trailingData, `${source.size - end} bytes after pickle ${values.length} are not a pickle (${e.message})`, {
            path: source.name,
            offset: end,
          }),
        );
      }
      break;
    }
  }
  if (!failed && options.count !== undefined && values.length < options.count) {
    failed = true;
    findings.push(
      finding(RULES.parseError, `expected ${options.count} pickles, found ${values.length}`, { path: source.name, offset: end }),
    );
  }
  return {
    findings: [...sink.findings, ...findings],
    nested: sink.nested,
    globals: sink.globals,
    values,
    end,
    failed,
    opcodes: sink.opcodes,
  };
}

const DOTTED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** A stream announcing a pickle protocol (0x80 0x00-0x05), which a broken body does not make something else. */
export function hasProtoHeader(head: Uint8Array): boolean {
  return head[0] === 0x80 && (head[1] ?? 0xff) <= 5;
}

/**
 * Whether bytes are (the start of) a pickle: the simulated unpickler accepts the first opcodes. A stream that
 * breaks early still counts once it imported a global or ran a few opcodes: a truncated pickle runs its payload
 * before the loader fails (nullifAI), so it must be analysed, not waved through as text.
 */
// One policy object for every sniff, so its judgements are shared (judgeGlobal caches by the policy's lists).
const SNIFF_POLICY = { allow: [], deny: [] } as const;

export async function looksLikePickle(source: ByteSource, start = 0): Promise<boolean> {
  if (source.size - start < 2) return false;
  const input = new PickleInput(source, start);
  const machine = new PickleMachine(input, {
    policy: SNIFF_POLICY,
    limits: { maxOpcodes: 256, maxItems: 100_000 },
    path: source.name,
  });
  try {
    await machine.run();
    return true;
  } catch (e) {
    if (!(e instanceof PickleError)) throw e;
    const named = [...machine.sink.globals.keys()].some((g) => DOTTED_NAME.test(g));
    return e.rule === RULES.limit || named || machine.sink.opcodes > 2;
  }
}
