import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { conclude } from '../../conclude.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { isRecord, readWhole } from '../shared/bytes.js';
import { sniffModelManifest } from './sniff.js';

const MANIFEST_CAP = 4 << 20;
// Small layers are hashed against their digest; the weights layer is checked by size (it is scanned as a file).
const HASH_CAP = 64 << 20;
const TEMPLATE_CAP = 1 << 20;
const DIGEST = /^sha256:([0-9a-f]{64})$/;

interface Layer {
  mediaType: string;
  digest: string;
  size: number;
}

/** The blob file a digest names: `blobs/sha256-<hex>` (Ollama) or `blobs/sha256/<hex>` (OCI layout) in an ancestor. */
function findBlob(dir: string, hex: string): string | undefined {
  for (let d = dir, i = 0; i < 8; d = path.dirname(d), i++) {
    for (const p of [path.join(d, 'blobs', `sha256-${hex}`), path.join(d, 'blobs', 'sha256', hex)]) if (existsSync(p)) return p;
    if (path.dirname(d) === d) break;
  }
  return undefined;
}

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function layersOf(manifest: unknown): Layer[] | undefined {
  if (!isRecord(manifest)) return undefined;
  // An image manifest lists a config and layers; an index (OCI layout index.json) lists manifests.
  const listed = Array.isArray(manifest.layers) ? manifest.layers : Array.isArray(manifest.manifests) ? manifest.manifests : undefined;
  if (!listed) return undefined;
  const all = [manifest.config, ...listed];
  const layers = all.filter(
    (l): l is Layer => isRecord(l) && typeof l.mediaType === 'string' && typeof l.digest === 'string' && typeof l.size === 'number',
  );
  return layers.length === all.filter((l) => l !== undefined).length ? layers : undefined;
}

/**
 * An Ollama/OCI model manifest: every layer's blob found next to it and checked against its digest (by size for
 * the weights), and template layers analysed as chat templates. The blobs are scanned as files in their own right.
 */
export const modelManifestAnalyser: FormatAnalyser = {
  format: 'model-manifest',
  sniff: sniffModelManifest,
  async analyse({ source }) {
    const at = { path: source.name };
    let manifest: unknown;
    try {
      manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readWhole(source, MANIFEST_CAP, 'manifest')));
    } catch {
      manifest = undefined;
    }
    const layers = layersOf(manifest);
    if (!layers)
      return conclude('model-manifest', [finding(R.ociManifest, 'the manifest is not JSON listing typed layers or manifests', at)]);
    const findings: Finding[] = [];
    for (const layer of layers) {
      const hex = DIGEST.exec(layer.digest)?.[1];
      const blob = hex && source.directory ? findBlob(source.directory, hex) : undefined;
      if (!blob) {
        findings.push(
          finding(R.ociManifest, `layer ${layer.mediaType} (${layer.digest}) has no blob next to the manifest; it was not checked`, at),
        );
        continue;
      }
      const size = statSync(blob).size;
      if (size !== layer.size || (size <= HASH_CAP && (await sha256(blob)) !== hex)) {
        findings.push(
          finding(
            R.ociDigest,
            `blob ${path.basename(blob)} does not match ${layer.digest} (${size} bytes, manifest says ${layer.size})`,
            at,
          ),
        );
        continue;
      }
      if (/\.template$/.test(layer.mediaType) && size <= TEMPLATE_CAP) findings.push(...(await templateFindings(blob, source.name)));
    }
    return conclude('model-manifest', findings, [], { framework: 'ollama', properties: { layers: String(layers.length) } });
  },
};

// Ollama templates are Go text/template (no attribute walks into the host language); a Jinja one is analysed as one.
async function templateFindings(blob: string, manifest: string): Promise<Finding[]> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(blob, 'utf8');
  if (!text.includes('{%')) return [];
  const { analyseTemplate } = await import('../templates/index.js');
  return analyseTemplate(text, `${manifest} -> ${path.basename(blob)}`, 'template');
}
