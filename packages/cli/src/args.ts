import { type Stats, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CoreError, parseDigest } from '@trustgate/core/base';
import type { CommandSpec, OptionSpec, Parsed, ValueKind } from './spec.js';

/** A usage problem of one command: exit 2, code USAGE_ERROR, and where to read the command's options. */
export function usageError(spec: CommandSpec, problem: string): CoreError {
  return new CoreError('USAGE_ERROR', `${problem}; see trustgate ${spec.name} --help`);
}

/** The closest name within edit distance 2, for "did you mean". */
export function closest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of names) {
    const d = editDistance(word, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] as number;
}

/** Walk `trust-tax backfill ...` down to the most specific spec; an unknown word where a subcommand goes is an error. */
export function resolveSubcommand(spec: CommandSpec, args: readonly string[]): { spec: CommandSpec; args: string[] } {
  const [first, ...rest] = args;
  if (!spec.subcommands || first === undefined || first.startsWith('-')) return { spec, args: [...args] };
  const sub = spec.subcommands.find((s) => s.name === `${spec.name} ${first}`);
  if (sub) return resolveSubcommand(sub, rest);
  if (spec.positionals?.length) return { spec, args: [...args] };
  const names = spec.subcommands.map((s) => s.name.slice(spec.name.length + 1));
  const hint = closest(first, names);
  throw usageError(spec, `unknown subcommand "${first}"${hint ? ` (did you mean "${hint}"?)` : ''}; subcommands: ${names.join(', ')}`);
}

/** Whether the arguments ask for help (before any `--`); help wins over every other problem. */
export function wantsHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

function flag(name: string, o: OptionSpec): string {
  return o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? 'VALUE'}`;
}

/** Strict parsing from the spec: unknown options, missing values, repeated single options and bad choices are usage errors. */
export function parseCommand<S extends CommandSpec>(spec: S, args: readonly string[]): Parsed<S> {
  const options: Record<string, OptionSpec> = spec.options;
  const byShort = new Map(Object.entries(options).flatMap(([n, o]) => (o.short ? [[o.short, n] as const] : [])));
  const values: Record<string, string | boolean | string[] | undefined> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const long = arg.startsWith('--');
    const raw = long ? arg.slice(2, eq > 0 ? eq : undefined) : arg.slice(1);
    const inline = long && eq > 0 ? arg.slice(eq + 1) : undefined;
    const name = long ? raw : byShort.get(raw);
    if (name === 'help' || (!long && raw === 'h')) {
      values.help = true;
      continue;
    }
    const option = name === undefined ? undefined : options[name];
    if (name === undefined || option === undefined) {
      const hint = long ? closest(raw, Object.keys(options)) : undefined;
      throw usageError(spec, `unknown option ${long ? '--' : '-'}${raw}${hint ? ` (did you mean --${hint}?)` : ''}`);
    }
    let value: string | boolean;
    if (option.type === 'boolean') {
      if (inline !== undefined) throw usageError(spec, `--${name} takes no value (got "${inline}")`);
      value = true;
    } else {
      const next = inline ?? args[i + 1];
      if (next === undefined || (inline === undefined && next.startsWith('-') && next !== '-'))
        throw usageError(spec, `${flag(name, option)} needs a value`);
      if (inline === undefined) i++;
      value = next;
    }
    if (option.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value as string];
    else if (values[name] !== undefined) throw usageError(spec, `--${name} is given twice; give it once`);
    else values[name] = value;
  }
  if (values.help) return { spec, values: { help: true } as Parsed<S>['values'], positionals };
  for (const [name, o] of Object.entries(options)) {
    const v = values[name];
    if (v === undefined) {
      if (o.required) throw usageError(spec, `${flag(name, o)} is required`);
      values[name] = o.default ?? (o.type === 'boolean' ? false : undefined);
      continue;
    }
    if (o.choices) {
      for (const one of Array.isArray(v) ? v : [v]) {
        if (typeof one === 'string' && !o.choices.includes(one))
          throw usageError(spec, `--${name} must be one of ${o.choices.join(', ')}, got "${one}"`);
      }
    }
  }
  checkPositionals(spec, positionals);
  values.help = false;
  return { spec, values: values as Parsed<S>['values'], positionals };
}

function checkPositionals(spec: CommandSpec, given: readonly string[]): void {
  const declared = spec.positionals ?? [];
  const required = declared.filter((p) => p.required).length;
  const variadic = declared.at(-1)?.variadic === true;
  if (given.length < required) {
    const missing = declared.slice(given.length).filter((p) => p.required);
    throw usageError(spec, `missing ${missing.map((p) => p.name).join(' ')}`);
  }
  given.forEach((value, i) => {
    const p = declared[Math.min(i, declared.length - 1)];
    if (p?.choices && !p.choices.includes(value))
      throw usageError(spec, `${p.name} must be one of ${p.choices.join(', ')}, got "${value}"`);
  });
  if (!variadic && given.length > declared.length) {
    const extra = given.slice(declared.length);
    throw usageError(
      spec,
      declared.length === 0
        ? `unexpected argument "${extra[0]}"`
        : `expected ${declared.map((p) => p.name).join(' ')}, got also "${extra.join('" "')}"`,
    );
  }
}

// `sha256:...` where a digest may go is a digest (checked here), never a file name.
const DIGEST_PREFIX = /^sha(256|384|512):/i;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

function fileType(s: Stats): string | undefined {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return undefined;
}

async function checkInput(spec: CommandSpec, label: string, value: string, kind: ValueKind, cwd: string): Promise<void> {
  let s: Stats;
  try {
    // Synchronous, as are the scan's own stats: a few calls, and each async one waits for a thread-pool thread,
    // which on a loaded machine costs more than a small scan.
    s = statSync(resolve(cwd, value));
  } catch {
    return; // missing or unreadable: the command reports it with its own code when it reads the file
  }
  const odd = fileType(s);
  if (odd)
    throw new CoreError(
      'NOT_REGULAR_FILE',
      `${label} ${value} is ${odd}, not a regular file; trustgate ${spec.name} reads only files${kind === 'file' ? '' : ' and directories'}`,
      { file: value },
    );
  if (kind === 'file' && s.isDirectory())
    throw new CoreError('NOT_REGULAR_FILE', `${label} ${value} is a directory; trustgate ${spec.name} expects a file there`, {
      file: value,
    });
  if (kind === 'directory' && !s.isDirectory())
    throw new CoreError('NOT_A_DIRECTORY', `${label} ${value} is a file; trustgate ${spec.name} expects a directory there`, {
      file: value,
    });
}

/**
 * Inputs named on the command line must be regular files (or directories where the spec says so): a FIFO or a device
 * would be read forever. Digests (`sha256:<hex>`) and URLs are not files.
 */
export async function checkInputs(parsed: Parsed, cwd: string): Promise<void> {
  const { spec, values, positionals } = parsed;
  const checks: Promise<void>[] = [];
  for (const [name, o] of Object.entries(spec.options)) {
    const kind = o.kind;
    if (kind !== 'file' && kind !== 'directory' && kind !== 'path') continue;
    const v = (values as Record<string, unknown>)[name];
    for (const one of Array.isArray(v) ? v : [v])
      if (typeof one === 'string' && !URL_LIKE.test(one)) checks.push(checkInput(spec, `--${name}`, one, kind, cwd));
  }
  const declared = spec.positionals ?? [];
  positionals.forEach((value, i) => {
    const p = declared[Math.min(i, declared.length - 1)];
    if (!p || (p.kind !== 'file' && p.kind !== 'directory' && p.kind !== 'path')) return;
    if (p.digest && DIGEST_PREFIX.test(value)) {
      parseDigest(value);
      return;
    }
    if (URL_LIKE.test(value)) return;
    checks.push(checkInput(spec, p.name, value, p.kind, cwd));
  });
  await Promise.all(checks);
  await checkOutputsAreNotInputs(parsed, cwd);
}

/** `scan model.pt --out model.pt` would replace the model with its report: an output naming an input file is refused. */
async function checkOutputsAreNotInputs({ spec, values, positionals }: Parsed, cwd: string): Promise<void> {
  const given = (name: string) => {
    const v = (values as Record<string, unknown>)[name];
    return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  };
  const declared = spec.positionals ?? [];
  const inputs = [
    ...Object.entries(spec.options).flatMap(([n, o]) => (o.kind === 'file' || o.kind === 'path' ? given(n) : [])),
    ...positionals.filter((_, i) => {
      const kind = declared[Math.min(i, declared.length - 1)]?.kind;
      return kind === 'file' || kind === 'path';
    }),
  ].filter((v) => !URL_LIKE.test(v) && !DIGEST_PREFIX.test(v));
  const identity = async (f: string) => {
    let s: Stats | undefined;
    try {
      s = statSync(resolve(cwd, f));
    } catch {
      s = undefined;
    }
    return s?.isFile() ? `${s.dev}:${s.ino}` : resolve(cwd, f);
  };
  const read = new Map(await Promise.all(inputs.map(async (f) => [await identity(f), f] as const)));
  for (const [name, o] of Object.entries(spec.options)) {
    if (o.kind !== 'output') continue;
    for (const out of given(name)) {
      const input = read.get(await identity(out));
      if (input !== undefined) throw usageError(spec, `--${name} ${out} is also an input (${input}); write the output elsewhere`);
    }
  }
}
