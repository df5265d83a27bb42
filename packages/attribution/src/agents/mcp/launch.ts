import type { McpServer } from './server.js';

/** What a server runs, read from its command line or URL: a registry package, an image, a command, or a host. */
export interface Launch {
  kind: 'npm' | 'pypi' | 'oci' | 'command' | 'remote';
  /** The launcher as written (npx, uvx, docker...). */
  launcher?: string;
  package?: string;
  /** The version the spec asks for, as written (`1.2.3`, `^1`, `latest`), when it names one. */
  version?: string;
  image?: string;
  digest?: string;
  command?: string;
  host?: string;
  /** Exactly one artifact can run: an exact package version, an image digest, a local command. */
  pinned: boolean;
}

const base = (cmd: string) =>
  cmd
    .replace(/\\/g, '/')
    .split('/')
    .at(-1)
    ?.replace(/\.(cmd|exe|bat)$/i, '') ?? cmd;
const EXACT = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

/** `@scope/name@1.2.3` -> name and version; git and URL specs keep their whole text as the package. */
export function npmSpec(spec: string): { name: string; version?: string } {
  const at = spec.startsWith('@') ? spec.indexOf('@', 1) : spec.indexOf('@');
  if (/^(git\+|github:|https?:|file:|\.{0,2}\/)/.test(spec) || at <= 0) return { name: spec };
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

/** `pkg==1.2.3`, `pkg@1.2.3`, `pkg[extra]>=1` -> name and the version constraint as written. */
export function pypiSpec(spec: string): { name: string; version?: string } {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(==|@|>=|<=|~=|!=|>|<)?\s*(.*)$/.exec(spec.trim());
  if (!m?.[1]) return { name: spec };
  if (!m[3]) return { name: m[1] };
  return { name: m[1], version: m[3] === '==' || m[3] === '@' ? (m[4] ?? '') : `${m[3]}${m[4] ?? ''}` };
}

// npx/pnpm/bun/yarn options that take a value (the package is the first positional argument after them).
const NPM_VALUE_FLAGS = new Set(['-p', '--package', '-c', '--call', '--registry', '--cache', '--userconfig', '-w', '--workspace']);
const UV_VALUE_FLAGS = new Set(['--from', '--with', '-w', '--python', '-p', '--index', '--index-url', '--extra-index-url', '--spec']);
const DOCKER_VALUE_FLAGS = new Set([
  '-e',
  '--env',
  '--env-file',
  '-v',
  '--volume',
  '--mount',
  '--name',
  '-p',
  '--publish',
  '--network',
  '--net',
  '-w',
  '--workdir',
  '-u',
  '--user',
  '--entrypoint',
  '-l',
  '--label',
  '--platform',
  '--pull',
  '--add-host',
  '--cap-add',
  '--cap-drop',
  '--memory',
  '-m',
  '--cpus',
]);

function firstPositional(args: readonly string[], valueFlags: ReadonlySet<string>): { value?: string; flags: Map<string, string> } {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return { value: args[i + 1], flags };
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(0, eq), a.slice(eq + 1));
      else if (valueFlags.has(a)) flags.set(a, args[++i] ?? '');
      else flags.set(a, '');
      continue;
    }
    return { value: a, flags };
  }
  return { flags };
}

function npm(launcher: string, args: readonly string[]): Launch {
  const { value, flags } = firstPositional(args, NPM_VALUE_FLAGS);
  const spec = flags.get('-p') ?? flags.get('--package') ?? value ?? '';
  const { name, version } = npmSpec(spec);
  const out: Launch = { kind: 'npm', launcher, package: name, pinned: version !== undefined && EXACT.test(version) };
  if (version !== undefined) out.version = version;
  if (/^git\+|^github:/.test(name)) out.pinned = /#[0-9a-f]{40}$/.test(name);
  return out;
}

function pypi(launcher: string, args: readonly string[]): Launch {
  const { value, flags } = firstPositional(args, UV_VALUE_FLAGS);
  const spec = flags.get('--from') ?? flags.get('--spec') ?? value ?? '';
  const { name, version } = pypiSpec(spec);
  const out: Launch = { kind: 'pypi', launcher, package: name, pinned: version !== undefined && EXACT.test(version) };
  if (version !== undefined) out.version = version;
  return out;
}

function oci(launcher: string, args: readonly string[]): Launch {
  const run = args.findIndex((a) => a === 'run');
  const { value } = firstPositional(run < 0 ? [] : args.slice(run + 1), DOCKER_VALUE_FLAGS);
  return ociRef(value ?? '', launcher);
}

/** `ghcr.io/o/i:tag@sha256:...` -> repository and digest; pinned only by digest (tags move). */
export function ociRef(ref: string, launcher?: string): Launch {
  const [repoTag, digest] = ref.split('@');
  const image = (repoTag ?? '').replace(/:[^/:]+$/, '');
  const out: Launch = { kind: 'oci', image, pinned: digest !== undefined && /^sha256:[0-9a-f]{64}$/.test(digest) };
  if (launcher) out.launcher = launcher;
  if (digest) out.digest = digest;
  return out;
}

/** Read what a server launches from its declaration alone. */
export function launchOf(s: McpServer): Launch {
  if (s.transport === 'devcontainer-feature') return ociRef(s.featureRef ?? '', 'devcontainer');
  if (s.url !== undefined) {
    let host = '';
    try {
      host = new URL(s.url).hostname.toLowerCase();
    } catch {
      host = '';
    }
    return { kind: 'remote', host, pinned: true };
  }
  const cmd = base(s.command ?? '');
  const args = s.args;
  if (cmd === 'npx' || cmd === 'bunx') return npm(cmd, args);
  if ((cmd === 'npm' || cmd === 'pnpm' || cmd === 'yarn' || cmd === 'bun') && ['exec', 'dlx', 'x'].includes(args[0] ?? ''))
    return npm(`${cmd} ${args[0]}`, args.slice(1));
  if (cmd === 'uvx') return pypi(cmd, args);
  if ((cmd === 'uv' && args[0] === 'tool' && args[1] === 'run') || (cmd === 'pipx' && args[0] === 'run'))
    return pypi(`${cmd} ${args.slice(0, cmd === 'uv' ? 2 : 1).join(' ')}`, args.slice(cmd === 'uv' ? 2 : 1));
  if (cmd === 'docker' || cmd === 'podman') return oci(cmd, args);
  return { kind: 'command', command: s.command ?? '', pinned: true };
}
