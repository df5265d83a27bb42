import { uniqueBy } from '../formats/shared/analysis.js';

/** A place in code or config where a model is pulled in. */
export interface ModelReference {
  /** `org/name` (or a legacy bare name such as `gpt2`) for Hugging Face, the host for other URLs. */
  id: string;
  kind: 'huggingface' | 'url';
  host: string;
  /** What pulls it: `from_pretrained`, `hf_hub_download`, `snapshot_download`, `pipeline`, `url`, `hf://`. */
  via: string;
  /** The revision the code asks for (`revision="..."`, `/resolve/<rev>/`, `hf://org/name@rev`), when it names one. */
  revision?: string;
  line: number;
  column: number;
}

const HF_HOSTS = new Set(['huggingface.co', 'hf.co', 'www.huggingface.co']);
/** First path segments of huggingface.co pages that are not model repositories. */
const HF_NON_MODEL = new Set([
  'docs',
  'blog',
  'datasets',
  'spaces',
  'papers',
  'login',
  'join',
  'settings',
  'pricing',
  'tasks',
  'learn',
  'models',
  'collections',
  'organizations',
  'new',
  'search',
  'posts',
  'chat',
  'enterprise',
  'terms-of-service',
  'privacy',
]);

// A quoted string, also as it appears JSON-escaped inside notebook cells (\"org/name\").
const STRING = String.raw`\\?["']([^"'\s\\]+)\\?["']`;
const CALLS: { via: string; pattern: RegExp; argument?: RegExp }[] = [
  {
    via: 'from_pretrained',
    pattern: new RegExp(String.raw`\bfrom_pretrained\s*\(\s*(?:pretrained_model_name_or_path\s*=\s*)?${STRING}`, 'g'),
  },
  {
    via: 'hf_hub_download',
    pattern: /\bhf_hub_download\s*\(([^)]*)\)/g,
    argument: new RegExp(String.raw`(?:^\s*|repo_id\s*=\s*)${STRING}`),
  },
  {
    via: 'snapshot_download',
    pattern: /\bsnapshot_download\s*\(([^)]*)\)/g,
    argument: new RegExp(String.raw`(?:^\s*|repo_id\s*=\s*)${STRING}`),
  },
  { via: 'pipeline', pattern: /\bpipeline\s*\(([^)]*)\)/g, argument: new RegExp(String.raw`\bmodel\s*=\s*${STRING}`) },
];
const URL_PATTERN = /\bhttps?:\/\/([A-Za-z0-9.-]+)(?::\d+)?(\/[^\s"'<>)\]`]*)?/g;
const HF_URI = /\bhf:\/\/([^\s"'<>)\]`]+)/g;

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: index - last };
}

/** The model a Hugging Face path names (`org/name/resolve/main/x` -> `org/name` at `main`), or undefined for other pages. */
function hfRepo(pathname: string): { repo: string; revision?: string } | undefined {
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments[0] === 'api' && segments[1] === 'models') segments.splice(0, 2);
  if (segments.length < 2 || HF_NON_MODEL.has(segments[0]!)) return undefined;
  // hf://org/name@rev/path (HfFileSystem), or a page under /tree|resolve|blob/<rev>/.
  const [name, at] = segments[1]!.split('@');
  const revision = at ?? (['tree', 'resolve', 'blob'].includes(segments[2] ?? '') ? segments[3] : undefined);
  return { repo: `${segments[0]}/${name}`, ...(revision ? { revision: decodeURIComponent(revision) } : {}) };
}

const REVISION = new RegExp(String.raw`\brevision\s*=\s*${STRING}`);

/** The argument text of a call whose first string argument ends at `from`: up to its closing parenthesis. */
function restOfCall(text: string, from: number): string {
  let depth = 1;
  const end = Math.min(text.length, from + 2000);
  for (let i = from; i < end; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from, end);
}

/** A string handed to a loader: a URL, a local path (skipped), or a Hugging Face id. */
type Target = Pick<ModelReference, 'id' | 'kind' | 'host' | 'revision'>;

function fromArgument(value: string): Target | undefined {
  const url = /^https?:\/\/([^/:]+)(?::\d+)?(\/.*)?$/.exec(value);
  if (url !== null) {
    const host = url[1]!.toLowerCase();
    if (!HF_HOSTS.has(host)) return { id: host, kind: 'url', host };
    const repo = hfRepo(url[2] ?? '');
    return repo === undefined
      ? undefined
      : { id: repo.repo, kind: 'huggingface', host: 'huggingface.co', ...(repo.revision ? { revision: repo.revision } : {}) };
  }
  if (/^(\.|\/|~|[A-Za-z]:\\)/.test(value) || value.includes('\\') || value.split('/').length > 2) return undefined;
  return { id: value, kind: 'huggingface', host: 'huggingface.co' };
}

/** Every model reference in one file's text, with its line and column. */
export function findReferences(text: string): ModelReference[] {
  const refs: ModelReference[] = [];
  const push = (index: number, via: string, target: Target | undefined) => {
    if (target !== undefined) refs.push({ ...target, via, ...position(text, index) });
  };
  const hf = (repo: { repo: string; revision?: string }): Target => ({
    id: repo.repo,
    kind: 'huggingface',
    host: 'huggingface.co',
    ...(repo.revision ? { revision: repo.revision } : {}),
  });
  for (const { via, pattern, argument } of CALLS) {
    for (const m of text.matchAll(pattern)) {
      const value = argument === undefined ? m[1] : argument.exec(m[1] ?? '')?.[1];
      if (value === undefined) continue;
      const target = fromArgument(value);
      const args = argument === undefined ? restOfCall(text, m.index + m[0].length) : (m[1] ?? '');
      const revision = REVISION.exec(args)?.[1];
      push(m.index, via, target && revision && target.kind === 'huggingface' ? { ...target, revision } : target);
    }
  }
  for (const m of text.matchAll(URL_PATTERN)) {
    const host = m[1]!.toLowerCase();
    if (!HF_HOSTS.has(host)) continue;
    const repo = hfRepo(m[2] ?? '');
    if (repo !== undefined) push(m.index, 'url', hf(repo));
  }
  for (const m of text.matchAll(HF_URI)) {
    const repo = hfRepo(`/${m[1]}`);
    if (repo !== undefined) push(m.index, 'hf://', hf(repo));
  }
  // A loader call with a huggingface.co URL matches twice (call and URL): keep one per line and model.
  return uniqueBy(refs, (r) => `${r.line}\u0000${r.id}`);
}
