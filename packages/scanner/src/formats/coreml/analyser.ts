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
import { MIL_OPS } from './mil-ops.js';
import { sniffCoreml, sniffMilWeights, sniffMlpackageManifest } from './sniff.js';

const CAP = 2 ** 31 - 1;
// coremltools' Model.proto, NeuralNetwork.proto and MIL.proto field numbers.
const PIPELINES = new Set([200, 201, 202]);
const NETWORKS = new Set([303, 403, 500]);
const ML_PROGRAM = 502;
const CUSTOM_MODEL = 555;
const LINKED_MODEL = 556;
const SERIALIZED_MODEL = 3000;
// NeuralNetworkLayer: custom = 500, branch = 605 (ifBranch 1, elseBranch 2), loop = 615 (conditionNetwork 3,
// bodyNetwork 4); each body is a NeuralNetwork whose layers are field 1.
const CUSTOM_LAYER = 500;
const BRANCH_LAYER = 605;
const LOOP_LAYER = 615;
const BODIES: Record<number, readonly [number, string][]> = {
  [BRANCH_LAYER]: [
    [1, 'if branch'],
    [2, 'else branch'],
  ],
  [LOOP_LAYER]: [
    [3, 'loop condition'],
    [4, 'loop body'],
  ],
};
// Pipelines, loop/branch bodies, MIL blocks and values all count: CoreML's own protobuf parser stops at 100.
const MAX_DEPTH = 64;
const BLOB_ROOT = '@model_path/';

const empty = new Uint8Array();
const first = (b: Uint8Array, n: number) => submessages(b, n)[0] ?? empty;

/** A walk of a model's nesting: where findings go, and the depth budget (a deeper model is not read: error). */
class Walk {
  readonly out: Finding[] = [];
  enter(depth: number): number {
    if (depth >= MAX_DEPTH) throw malformed(`models, loop/branch bodies or program blocks nested deeper than ${MAX_DEPTH} levels`);
    return depth + 1;
  }
}

/** The custom classes, linked files and opaque models a Model needs, through pipelines, networks and programs. */
function judgeModel(model: Uint8Array, where: string, walk: Walk, depth: number): void {
  const d = walk.enter(depth);
  for (const f of wireFields(model)) {
    if (f.wire !== 2) continue;
    if (PIPELINES.has(f.field)) {
      // PipelineClassifier/Regressor wrap a Pipeline at field 1; a Pipeline lists Models at field 1.
      const pipeline = f.field === 202 ? f.bytes : first(f.bytes, 1);
      for (const [i, m] of submessages(pipeline, 1).entries()) judgeModel(m, `${where}.pipeline[${i}]`, walk, d);
    } else if (NETWORKS.has(f.field)) judgeNetwork(f.bytes, where, walk, d);
    else if (f.field === ML_PROGRAM) judgeProgram(f.bytes, where, walk, d);
    else if (f.field === CUSTOM_MODEL) {
      const cls = text(first(f.bytes, 10));
      walk.out.push(finding(R.coremlCustom, `${where} is a custom model run by class ${JSON.stringify(cls)}`, undefined, cls));
    } else if (f.field === SERIALIZED_MODEL) {
      walk.out.push(finding(R.coremlCustom, `${where} is an opaque serialized model (a private CoreML model type)`));
    } else if (f.field === LINKED_MODEL) {
      const file = first(f.bytes, 1);
      for (const p of [1, 2]
        .flatMap((n) => submessages(file, n))
        .flatMap((s) => submessages(s, 1))
        .map(text)) {
        const problem = memberNameProblem(p);
        if (problem) walk.out.push(finding(R.coremlPath, `${where} links model file ${JSON.stringify(p)}, which ${problem}`, undefined, p));
      }
    }
  }
}

/** A NeuralNetwork's layers: custom layers, and the networks inside branch and loop layers. */
function judgeNetwork(network: Uint8Array, where: string, walk: Walk, depth: number): void {
  const d = walk.enter(depth);
  for (const layer of submessages(network, 1)) {
    const name = JSON.stringify(text(first(layer, 1)));
    for (const f of wireFields(layer)) {
      if (f.wire !== 2) continue;
      if (f.field === CUSTOM_LAYER) {
        const cls = text(first(f.bytes, 10));
        walk.out.push(
          finding(R.coremlCustom, `${where}: layer ${name} is a custom layer run by class ${JSON.stringify(cls)}`, undefined, cls),
        );
      }
      for (const [n, label] of BODIES[f.field] ?? [])
        for (const body of submessages(f.bytes, n)) judgeNetwork(body, `${where} > ${label} of layer ${name}`, walk, d);
    }
  }
}

/** An ML Program: every function's block specialisations, walked op by op into cond/while_loop blocks. */
function judgeProgram(program: Uint8Array, where: string, walk: Walk, depth: number): void {
  const d = walk.enter(depth);
  // map<string, Function> functions = 2; map<string, Block> block_specializations = 3 (map entries: key 1, value 2).
  for (const fn of submessages(program, 2)) {
    const name = text(first(fn, 1));
    for (const spec of submessages(first(fn, 2), 3)) judgeBlock(first(spec, 2), `${where}: function ${name}`, walk, d);
  }
}

function judgeBlock(block: Uint8Array, where: string, walk: Walk, depth: number): void {
  const d = walk.enter(depth);
  // Block.operations = 3; Operation type 1, inputs 2 (Argument.arguments 1, Binding.value 2), blocks 4, attributes 5.
  for (const op of submessages(block, 3)) {
    const type = text(first(op, 1));
    if (!MIL_OPS.has(type))
      walk.out.push(
        finding(
          R.coremlCustom,
          `${where}: op ${JSON.stringify(type)} is not in Core ML's ML Program opsets (a custom op)`,
          undefined,
          type,
        ),
      );
    for (const input of submessages(op, 2))
      for (const binding of submessages(first(input, 2), 1))
        for (const v of submessages(binding, 2)) judgeValue(v, `${where}: op ${type}`, walk, d);
    for (const attr of submessages(op, 5)) judgeValue(first(attr, 2), `${where}: op ${type}`, walk, d);
    for (const [i, inner] of submessages(op, 4).entries()) judgeBlock(inner, `${where} > ${type} block ${i}`, walk, d);
  }
}

/** A MIL value: weights in a blob file must stay inside the package; tuples, lists and dictionaries nest values. */
function judgeValue(value: Uint8Array, where: string, walk: Walk, depth: number): void {
  const d = walk.enter(depth);
  for (const f of wireFields(value)) {
    if (f.wire !== 2) continue;
    if (f.field === 5) {
      const file = text(first(f.bytes, 1));
      const problem = file.startsWith(BLOB_ROOT) ? memberNameProblem(file.slice(BLOB_ROOT.length)) : `is not under ${BLOB_ROOT}`;
      if (problem)
        walk.out.push(finding(R.coremlPath, `${where} reads weights from ${JSON.stringify(file)}, which ${problem}`, undefined, file));
    } else if (f.field === 3)
      for (const g of wireFields(f.bytes)) {
        if (g.wire !== 2) continue;
        // ImmediateValue: tuple 2 and list 3 hold values at 1; dictionary 4 holds pairs (key 1, value 2) at 1.
        if (g.field === 2 || g.field === 3) for (const v of submessages(g.bytes, 1)) judgeValue(v, where, walk, d);
        else if (g.field === 4)
          for (const pair of submessages(g.bytes, 1)) for (const v of [first(pair, 1), first(pair, 2)]) judgeValue(v, where, walk, d);
      }
  }
}

export const coremlAnalyser: FormatAnalyser = {
  format: 'coreml',
  sniff: sniffCoreml,
  analyse: ({ source }) =>
    judgedFormat('coreml', R.coremlUnreadable, source, async () => {
      const bytes = await readWhole(source, CAP, 'CoreML model');
      const walk = new Walk();
      judgeModel(bytes, 'model', walk, 0);
      const findings = walk.out;
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
