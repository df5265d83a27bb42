import type { Finding } from '@trustgate/core/base';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { isRecord } from '../shared/bytes.js';
import { dangerousPython } from '../python-code.js';
import { MAR_MANIFEST } from '../zip-archive.js';

// TorchServe's built-in handlers (ts/torch_handler): named in the manifest, shipped with TorchServe itself.
const BUILTIN_HANDLERS = new Set(['image_classifier', 'image_segmenter', 'object_detector', 'text_classifier', 'base_handler']);

/** What a TorchServe archive runs on load: its manifest's handler and every Python member (imported by TorchServe). */
export function judgeMar(archive: string, members: ReadonlyMap<string, Uint8Array>): Finding[] {
  const at = { path: archive };
  const raw = members.get(MAR_MANIFEST);
  let manifest: unknown;
  try {
    manifest = raw ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) : undefined;
  } catch {
    manifest = undefined;
  }
  const model = isRecord(manifest) ? manifest.model : undefined;
  if (!isRecord(model) || typeof model.handler !== 'string')
    return [finding(R.marManifest, `${MAR_MANIFEST} is missing, not JSON or names no model.handler; what the archive runs is unknown`, at)];
  const out: Finding[] = [];
  const code = [...members.keys()].filter((n) => n.endsWith('.py'));
  const handler = model.handler.split(':')[0] as string;
  if (code.length > 0 || !BUILTIN_HANDLERS.has(handler))
    out.push(
      finding(
        R.marHandler,
        `handler ${JSON.stringify(model.handler)} with ${code.length} Python member(s) (${code.slice(0, 5).join(', ')}) is imported by TorchServe when the model loads`,
        at,
      ),
    );
  for (const name of code) {
    const text = new TextDecoder('utf-8').decode(members.get(name));
    const bad = dangerousPython(text);
    if (bad) out.push(finding(R.marExec, `${name} line ${bad.line}: ${bad.what}`, { path: `${archive}!/${name}`, line: bad.line }));
  }
  return out;
}
