import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ByteSource } from '../source.js';
import { decodeLzmaAloneStream } from './lzma.js';
import { readSevenZipDirectly } from './sevenzip-reader.js';
import { ContainerError, type DecompressionBudget, IN_MEMORY_CAP, outputCap, SPENT, type ScanLimits } from './limits.js';

export interface SevenZipMember {
  /** The name as the archive lists it (before 7-Zip sanitises it on extraction). */
  name: string;
  size: number;
  encrypted: boolean;
  directory: boolean;
  /** Extracted bytes; absent for directories and encrypted members. */
  bytes?: Uint8Array;
}

interface EmFs {
  mkdir(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  readdir(path: string): string[];
  stat(path: string): { mode: number; size: number };
  isDir(mode: number): boolean;
  write: (stream: { path?: string }, ...rest: unknown[]) => number;
  ErrnoError: new (errno: number) => Error;
}

interface SevenZip {
  FS: EmFs;
  callMain(args: string[]): number | undefined;
}

const ENOSPC = 28;

// lib ES2023 has no WebAssembly types: the compiled module and its instances stay opaque here.
type WasmModule = object;
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: object): Promise<object>;
}
type Instantiate = (imports: object, done: (instance: object, module: WasmModule) => void) => object;
type Factory = (o: { print(s: string): void; printErr(s: string): void; instantiateWasm: Instantiate }) => Promise<SevenZip>;

// A bundled action (ncc) cannot run 7z-wasm from inside its bundle (Emscripten's UMD build needs __dirname, its ES
// build a real `import('module')`), so the build copies the UMD build and 7zz.wasm beside the bundle and it is
// imported from there at run time. The path is assembled so webpack does not treat it as an asset to resolve.
const BESIDE_BUNDLE = ['.', '7zz.umd.cjs'].join('/');

interface Loaded {
  factory: Factory;
  wasm: WasmModule;
}

async function load(): Promise<Loaded> {
  const beside = new URL(BESIDE_BUNDLE, import.meta.url);
  const bundled = existsSync(fileURLToPath(beside));
  const mod = (bundled ? await import(/* webpackIgnore: true */ beside.href) : await import('7z-wasm')) as { default: Factory };
  const dir = bundled ? dirname(fileURLToPath(beside)) : dirname(createRequire(import.meta.url).resolve('7z-wasm'));
  return { factory: mod.default, wasm: await Wasm.compile(await readFile(join(dir, '7zz.wasm'))) };
}

// 7zz.wasm (1.6 MB) is compiled once per process; compiling it per archive cost ~150 ms a file.
let loaded: Promise<Loaded> | undefined;

// A new instance (its own memory, file system and exit state) per archive: a hostile archive never shares one with
// the next. Only the compiled code, which holds no state, is reused.
async function sevenZip(lines: string[]): Promise<SevenZip> {
  loaded ??= load();
  const { factory, wasm } = await loaded;
  return new Promise((resolve, reject) => {
    factory({
      print: (s) => lines.push(s),
      printErr: (s) => lines.push(s),
      instantiateWasm: (imports, done) => {
        Wasm.instantiate(wasm, imports).then((instance) => done(instance, wasm), reject);
        return {};
      },
    }).then(resolve, reject);
  });
}

/**
 * Writes to /out are counted and refused past `cap` (ENOSPC), so a bomb stops inside 7-Zip instead of filling
 * memory: the size a 7z header declares is attacker-controlled, and an LZMA-alone stream usually declares none.
 */
function capOutput(fs: EmFs, cap: number): { written: () => number } {
  const write = fs.write;
  let written = 0;
  fs.write = function (stream, ...rest) {
    if (stream.path?.startsWith('/out/')) {
      written += (rest[2] as number) ?? 0;
      if (written > cap) throw new fs.ErrnoError(ENOSPC);
    }
    return write.call(this, stream, ...rest);
  };
  return { written: () => written };
}

/** A member as listed; `dataless` when it has no data stream (a directory or an empty file). */
type Listed = Omit<SevenZipMember, 'bytes'> & { dataless: boolean };

/** `7zz l -slt` output: one block of `Key = value` lines per member after the `----------` separator. */
function parseListing(lines: readonly string[]): Listed[] {
  const start = lines.indexOf('----------');
  if (start < 0) return [];
  const members: Listed[] = [];
  let cur: Record<string, string> | undefined;
  const flush = () => {
    if (cur?.Path !== undefined)
      members.push({
        name: cur.Path,
        size: Number(cur.Size ?? 0) || 0,
        encrypted: cur.Encrypted === '+',
        directory: (cur.Folder ?? '') === '+' || /^D/.test(cur.Attributes ?? ''),
        dataless: (cur.Size ?? '0') === '0' && (cur.CRC ?? '') === '',
      });
    cur = undefined;
  };
  for (const line of lines.slice(start + 1)) {
    const m = /^([A-Za-z ]+?) = (.*)$/.exec(line);
    if (!m) {
      if (line.trim() === '') flush();
      continue;
    }
    if (m[1] === 'Path') flush();
    cur ??= {};
    cur[m[1] as string] = m[2] as string;
  }
  flush();
  return members;
}

/** The extracted files by path, and the directories extraction made. */
function walk(fs: EmFs, dir: string, out = new Map<string, Uint8Array>(), dirs = new Set<string>(), prefix = '') {
  for (const name of fs.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    if (fs.isDir(fs.stat(path).mode)) {
      dirs.add(`${prefix}${name}`);
      walk(fs, path, out, dirs, `${prefix}${name}/`);
    } else out.set(`${prefix}${name}`, fs.readFile(path));
  }
  return { files: out, dirs };
}

interface Extracted {
  listing: Listed[];
  files: Map<string, Uint8Array>;
  dirs: Set<string>;
  written: number;
}

/** 7-Zip run over `bytes`: list (7z only), then extract to memory with writes capped at `cap`. */
async function extract(kind: '7z' | 'lzma', bytes: Uint8Array, cap: number, maxMembers: number): Promise<Extracted> {
  const lines: string[] = [];
  const sz = await sevenZip(lines);
  sz.FS.mkdir('/in');
  sz.FS.mkdir('/out');
  sz.FS.writeFile('/in/archive', bytes);
  const type = `-t${kind}`;
  let listing: Listed[] = [];
  if (kind === '7z') {
    const listed = sz.callMain(['l', '-slt', '-sccUTF-8', type, '/in/archive']) ?? 0;
    if (listed !== 0 || !lines.includes('----------'))
      throw new ContainerError(`7z archive could not be read: ${lastError(lines)}`, 'parse');
    listing = parseListing(lines);
    if (listing.length > maxMembers) throw new ContainerError(`${listing.length} members exceed the limit of ${maxMembers}`, 'limit');
    const declared = listing.reduce((n, m) => n + m.size, 0);
    if (declared > cap) throw new ContainerError(`7z archive declares ${declared} bytes, past the limit of ${cap}`, 'limit');
  }
  const out = capOutput(sz.FS, cap);
  lines.length = 0;
  // -p with an empty password: an encrypted member fails instead of prompting; it is reported, never trusted.
  const code = sz.callMain(['x', '-y', '-p', '-sccUTF-8', type, '-o/out', '/in/archive']) ?? 0;
  if (out.written() > cap) throw new ContainerError(`${kind} content decompresses past the limit of ${cap} bytes`, 'limit');
  if (code !== 0 && !listing.some((m) => m.encrypted))
    throw new ContainerError(`${kind} content is corrupt or truncated: ${lastError(lines)}`, 'parse');
  return { listing, ...walk(sz.FS, '/out'), written: out.written() };
}

/**
 * A raw LZMA-alone stream decoded to at most `cap` bytes: in TypeScript when it is a single well-formed stream
 * within the cap (lzma.ts), else by 7-Zip, whose error or output stands. Throws ContainerError.
 */
export async function decodeLzmaAlone(bytes: Uint8Array, cap: number): Promise<Uint8Array> {
  return decodeLzmaAloneStream(bytes, cap) ?? decodeLzmaAloneWith7Zip(bytes, cap);
}

/** The same stream decoded by 7-Zip. Throws ContainerError. */
export async function decodeLzmaAloneWith7Zip(bytes: Uint8Array, cap: number): Promise<Uint8Array> {
  const { files } = await extract('lzma', bytes, cap, 1);
  const out = [...files.values()][0];
  if (!out) throw new ContainerError('lzma stream produced no output', 'parse');
  return out;
}

/**
 * A 7z archive's members, extracted in memory within the file's decompression budget and the ratio limit: by the
 * TypeScript reader when the archive is one it reads exactly (sevenzip-reader.ts: a ~20 ms wasm instance saved per
 * archive), else by 7-Zip, listed then extracted. Throws ContainerError.
 */
export async function readSevenZip(source: ByteSource, limits: ScanLimits, budget: DecompressionBudget): Promise<SevenZipMember[]> {
  if (source.size > IN_MEMORY_CAP) throw new ContainerError(`7z file of ${source.size} bytes is too large to open in memory`, 'limit');
  const cap = outputCap(source.size, limits, budget);
  if (cap === 0) throw new ContainerError(SPENT, 'limit');
  const bytes = await source.read(0, source.size);
  const direct = readSevenZipDirectly(bytes, cap, limits.maxMembers);
  const { members, written } = direct
    ? { members: direct, written: direct.reduce((n, m) => n + m.size, 0) }
    : await readWith7Zip(bytes, cap, limits.maxMembers);
  budget.take(written);
  return members;
}

/** The archive listed, then extracted, by 7-Zip; `written` is what it extracted. Throws ContainerError. */
export async function readWith7Zip(
  bytes: Uint8Array,
  cap: number,
  maxMembers: number,
): Promise<{ members: SevenZipMember[]; written: number }> {
  const { listing, files, dirs, written } = await extract('7z', bytes, cap, maxMembers);
  const members = listing.map(({ dataless, ...m }): SevenZipMember => {
    // `-slt` prints no Folder line for 7z items and an archive may store no attributes: a member without data
    // that extraction made a directory is one.
    if (!m.directory && dataless && dirs.has(m.name)) return { ...m, directory: true };
    const content = m.directory || m.encrypted ? undefined : files.get(m.name);
    return content ? { ...m, bytes: content } : m;
  });
  return { members, written };
}

function lastError(lines: readonly string[]): string {
  const errs = lines.filter((l) => /error|unexpected|unsupported|can ?not/i.test(l));
  return (errs.at(-1) ?? lines.filter((l) => l.trim() !== '').at(-1) ?? 'no output').trim().slice(0, 200);
}
