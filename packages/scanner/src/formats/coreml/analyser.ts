import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { memberNameProblem } from '../../containers/member-name.js';
import { isRecord, readExactly, readWhole } from '../shared/bytes.js';
import { malformed } from '../shared/errors.js';
import { judgedFormat } from '../shared/judged.js';
import { submessages, text, wireFields } from '../shared/protowire.js';
import { sniffCoreml, sniffMilWeights, sniffMlpackageManifest } from './sniff.js';

const CAP = 2 ** 31 - 1;
// coremltools' Model.proto field numbers.
const PIPELINES = new Set([200, 201, 202]);
const NETWORKS = new Set([303, 403, 500]);
const CUSTOM_MODEL = 555;
const LINKED_MODEL = 556;
const SERIALIZED_MODEL = 3000;
const CUSTOM_LAYER = 500;
const MAX_DEPTH = 64;

/** The custom classes, linked files and opaque models a Model (and its pipeline sub-models) needs. */
function judgeModel(model: Uint8Array, where: string, out: Finding[], depth = 0): void {
  if (depth > MAX_DEPTH) throw malformed(`pipelines nested deeper than ${MAX_DEPTH}`);
  for (const f of wireFields(model)) {
    if (f.wire !== 2) continue;
    if (PIPELINES.has(f.field)) {
      // PipelineClassifier/Regressor wrap a Pipeline at field 1; a Pipeline lists Models at field 1.
      const pipeline = f.field === 202 ? f.bytes : (submessages(f.bytes, 1)[0] ?? new Uint8Array());
      for (const [i, m] of submessages(pipeline, 1).entries()) judgeModel(m, `${where}.pipeline[${i}]`, out, depth + 1);
    } else if (NETWORKS.has(f.field)) {
      for (const layer of submessages(f.bytes, 1)) {
        const custom = submessages(layer, CUSTOM_LAYER)[0];
        if (!custom) continue;
        const name = text(submessages(layer, 1)[0] ?? new Uint8Array());
        const cls = text(submessages(custom, 10)[0] ?? new Uint8Array());
        out.push(
          finding(
            R.coremlCustom,
            `${where}: layer ${JSON.stringify(name)} is a custom layer run by class ${JSON.stringify(cls)}`,
            undefined,
            cls,
          ),
        );
      }
    } else if (f.field === CUSTOM_MODEL) {
      const cls = text(submessages(f.bytes, 10)[0] ?? new Uint8Array());
      out.push(finding(R.coremlCustom, `${where} is a custom model run by class ${JSON.stringify(cls)}`, undefined, cls));
    } else if (f.field === SERIALIZED_MODEL) {
      out.push(finding(R.coremlCustom, `${where} is an opaque serialized model (a private CoreML model type)`));
    } else if (f.field === LINKED_MODEL) {
      const file = submessages(f.bytes, 1)[0] ?? new Uint8Array();
      for (const p of [1, 2]
        .flatMap((n) => submessages(file, n))
        .flatMap((s) => submessages(s, 1))
        .map(text)) {
        const problem = memberNameProblem(p);
        if (problem) out.push(finding(R.coremlPath, `${where} links model file ${JSON.stringify(p)}, which ${problem}`, undefined, p));
      }
    }
  }
}

export const coremlAnalyser: FormatAnalyser = {
  format: 'coreml',
  sniff: sniffCoreml,
  analyse: ({ source }) =>
    judgedFormat('coreml', R.coremlUnreadable, source, async () => {
      const bytes = await readWhole(source, CAP, 'CoreML model');
      const findings: Finding[] = [];
      judgeModel(bytes, 'model', findings);
      for (const f of findings) f.location = { path: source.name };
      const version = [...wireFields(bytes)].find((f) => f.field === 1 && f.wire === 0);
      return {
        findings,
        metadata: { framework: 'coreml', formatVersion: version && 'value' in version ? String(version.value) : undefined },
      };
    }),
};

/** An .mlpackage's Manifest.json: every item path inside the package's Data/ folder, the root model present. */
export const mlpackageManifestAnalyser: FormatAnalyser = {
  format: 'coreml-package',
  sniff: sniffMlpackageManifest,
  analyse: ({ source }) =>
    judgedFormat('coreml-package', R.coremlUnreadable, source, async () => {
      const manifest: unknown = JSON.parse(text(await readWhole(source, 4 << 20, 'Manifest.json')));
      if (!isRecord(manifest) || !isRecord(manifest.itemInfoEntries) || typeof manifest.rootModelIdentifier !== 'string')
        throw malformed('Manifest.json lacks itemInfoEntries or rootModelIdentifier');
      const findings: Finding[] = [];
      const at = { path: source.name };
      const root = manifest.itemInfoEntries[manifest.rootModelIdentifier];
      if (!isRecord(root)) throw malformed(`the root model ${manifest.rootModelIdentifier} is not an entry`);
      for (const [id, item] of Object.entries(manifest.itemInfoEntries)) {
        const p = isRecord(item) && typeof item.path === 'string' ? item.path : undefined;
        if (p === undefined) throw malformed(`entry ${id} has no path`);
        const problem = memberNameProblem(p);
        if (problem) findings.push(finding(R.coremlPath, `entry ${id} path ${JSON.stringify(p)} ${problem}`, at, p));
        else if (source.directory && !existsSync(path.join(source.directory, 'Data', p)))
          findings.push(finding(R.coremlUnreadable, `entry ${id} names Data/${p}, which is not in the package`, at, p));
      }
      return { findings, metadata: { framework: 'coreml' } };
    }),
};

/** weights/weight.bin of an ML Program: raw tensors, checked to be inside the file. */
export const milWeightsAnalyser: FormatAnalyser = {
  format: 'coreml-weights',
  sniff: sniffMilWeights,
  analyse: ({ source }) =>
    judgedFormat('coreml-weights', R.coremlUnreadable, source, async () => {
      const meta = await readExactly(source, 64, 32);
      const v = new DataView(meta.buffer, meta.byteOffset, meta.byteLength);
      const size = Number(v.getBigUint64(8, true));
      const offset = Number(v.getBigUint64(16, true));
      if (offset + size > source.size) throw malformed(`the first blob (${size} bytes at ${offset}) runs past the end`);
      return { findings: [], metadata: { framework: 'coreml' } };
    }),
};
