import type { Finding } from '@trustgate/core/base';
import { memberNameProblem } from '../../containers/member-name.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { judgePython } from '../python/judge.js';
import { pythonText } from '../python/source.js';
import { isRecord } from '../shared/bytes.js';
import { ModelFormatError } from '../shared/errors.js';
import { MAR_MANIFEST } from '../zip-archive.js';

// TorchServe's built-in handlers (ts/torch_handler): named in the manifest, shipped with TorchServe itself.
const BUILTIN_HANDLERS = new Set(['image_classifier', 'image_segmenter', 'object_detector', 'text_classifier', 'base_handler']);
// Host modules a manifest could name as its handler that run processes or code when TorchServe calls into them.
const HOST_DANGEROUS = new Set([
  'os',
  'posix',
  'nt',
  'subprocess',
  'builtins',
  'pty',
  'runpy',
  'code',
  'pickle',
  'marshal',
  'importlib',
  'sys',
  'shutil',
  'ctypes',
  'socket',
]);
// Code Python imports without a source to read: compiled modules and native extensions.
const COMPILED = /\.(?:pyc|pyo|so|pyd|dylib|dll)$/i;
// Findings per Python member, so a generated file cannot flood the report.
const MAX_PER_FILE = 50;

/** A member of the archive as the judge sees it: its name and, for the members read whole, its bytes. */
export interface MarMembers {
  names: readonly string[];
  read: ReadonlyMap<string, Uint8Array>;
}

function parseManifest(raw: Uint8Array | undefined): unknown {
  try {
    return raw ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest's references: the handler (a member, a built-in, or a host module) and the files it names. */
function judgeReferences(archive: string, model: Record<string, unknown>, names: ReadonlySet<string>): Finding[] {
  const at = { path: archive };
  const out: Finding[] = [];
  const handler = String(model.handler);
  const file = handler.split(':')[0] as string;
  const problem = memberNameProblem(file);
  if (problem)
    return [
      finding(
        R.marManifestEscape,
        `the handler ${JSON.stringify(handler)} ${problem}: TorchServe would load code from outside the archive`,
        at,
        handler,
      ),
    ];
  const module = file.endsWith('.py') ? file.slice(0, -3) : file;
  const path = module.replace(/\./g, '/');
  const inArchive = names.has(`${path}.py`) || names.has(`${path}/__init__.py`) || names.has(file);
  if (!inArchive && file.endsWith('.py'))
    out.push(
      finding(
        R.marManifest,
        `the handler ${JSON.stringify(handler)} is not in the archive; what TorchServe would run is unknown`,
        at,
        handler,
      ),
    );
  else if (!inArchive && !BUILTIN_HANDLERS.has(module)) {
    const top = module.split('.')[0] as string;
    if (HOST_DANGEROUS.has(top))
      out.push(
        finding(
          R.marManifestEscape,
          `the handler ${JSON.stringify(handler)} names the host module ${top}, which runs processes or code when TorchServe calls it`,
          at,
          handler,
        ),
      );
    else
      out.push(
        finding(
          R.marHandler,
          `the handler ${JSON.stringify(handler)} is not in the archive: TorchServe imports it from the serving host's Python path`,
          at,
          handler,
        ),
      );
  }
  for (const key of ['serializedFile', 'modelFile', 'requirementsFile', 'configFile']) {
    const ref = model[key];
    if (ref === undefined || ref === null || ref === '') continue;
    if (typeof ref !== 'string') {
      out.push(finding(R.marManifest, `model.${key} is not a file name`, at));
      continue;
    }
    const bad = memberNameProblem(ref);
    if (bad) out.push(finding(R.marManifestEscape, `model.${key} ${JSON.stringify(ref)} ${bad}`, at, ref));
    else if (!names.has(ref))
      out.push(finding(R.marManifest, `model.${key} names ${JSON.stringify(ref)}, which is not in the archive`, at, ref));
  }
  return out;
}

/** One Python member: its dangerous imports and calls by line, or why it could not be read. */
function judgeCode(archive: string, name: string, bytes: Uint8Array | undefined): Finding[] {
  const at = { path: `${archive}!/${name}` };
  if (bytes === undefined) return [finding(R.marCodeUnreadable, `${name} is too large to read whole; its code was not judged`, at)];
  try {
    const source = pythonText(bytes);
    if ('hidden' in source)
      return [
        finding(
          R.marObfuscated,
          `${name} declares source encoding ${JSON.stringify(source.hidden)}, which turns escapes in comments and strings into code`,
          { ...at, line: 1 },
        ),
      ];
    const found = judgePython(source.text);
    const out = found
      .slice(0, MAX_PER_FILE)
      .map((f) =>
        finding(
          f.kind === 'obfuscated' ? R.marObfuscated : R.marExec,
          `${name} line ${f.line}: ${f.what}`,
          { ...at, line: f.line },
          f.what,
        ),
      );
    if (found.length > MAX_PER_FILE)
      out.push(finding(R.marExec, `${name}: ${found.length - MAX_PER_FILE} more dangerous constructs not listed`, at));
    return out;
  } catch (e) {
    const why = e instanceof ModelFormatError ? e.message : 'the tokenizer could not follow it';
    return [finding(R.marCodeUnreadable, `${name} could not be tokenized as Python (${why}); its code was not judged`, at)];
  }
}

/**
 * What a TorchServe archive runs on load: its manifest's handler and the files it names, every Python member
 * (TorchServe puts the archive on sys.path, so any of them can be imported) parsed and judged, compiled modules
 * and the requirements TorchServe may pip-install. The other members are analysed by the zip reader as usual.
 */
export function judgeMar(archive: string, members: MarMembers): Finding[] {
  const at = { path: archive };
  const manifest = parseManifest(members.read.get(MAR_MANIFEST));
  const model = isRecord(manifest) ? manifest.model : undefined;
  if (!isRecord(model) || typeof model.handler !== 'string')
    return [finding(R.marManifest, `${MAR_MANIFEST} is missing, not JSON or names no model.handler; what the archive runs is unknown`, at)];
  const names = new Set(members.names);
  const out = judgeReferences(archive, model, names);
  const code = members.names.filter((n) => n.endsWith('.py'));
  if (code.length > 0)
    out.push(
      finding(
        R.marHandler,
        `handler ${JSON.stringify(model.handler)} with ${code.length} Python member(s) (${code.slice(0, 5).join(', ')}) is imported by TorchServe when the model loads`,
        at,
      ),
    );
  for (const name of members.names.filter((n) => COMPILED.test(n)))
    out.push(
      finding(R.marCodeUnreadable, `${name} is compiled code Python can import; it cannot be read`, { path: `${archive}!/${name}` }),
    );
  for (const name of code) out.push(...judgeCode(archive, name, members.read.get(name)));
  const requirements = typeof model.requirementsFile === 'string' ? model.requirementsFile : undefined;
  if (requirements && names.has(requirements)) {
    const raw = members.read.get(requirements);
    const wanted = new TextDecoder('utf-8')
      .decode(raw ?? new Uint8Array())
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*/, '').trim())
      .filter((l) => l.length > 0);
    out.push(
      finding(
        R.marRequirements,
        raw === undefined
          ? `${requirements} asks TorchServe to pip-install its requirements (not read: not a .txt member or too large)`
          : `${requirements} asks TorchServe to pip-install ${wanted.length} requirement(s)${wanted.length ? ` (${wanted.slice(0, 5).join(', ')})` : ''}`,
        { path: `${archive}!/${requirements}` },
        wanted.join('\n'),
      ),
    );
  }
  return out;
}
