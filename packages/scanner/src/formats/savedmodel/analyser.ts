import type { Finding, ScanPolicy } from '@trustgate/core/base';
import type { Analysis, AnalyserContext, FormatAnalyser } from '../../analyser.js';
import { analysisOf, failClosed, finding } from '../shared/analysis.js';
import { readWhole } from '../shared/bytes.js';
import { malformed } from '../shared/errors.js';
import { CHECKPOINT_OPS, FILE_OPS, GRAPH_FROM_DATA_OPS, KNOWN_OPS, PYTHON_OPS } from './ops.js';
import { sniffGraphDef, sniffSavedModel } from './sniff.js';
import { decodeGraphDef, decodeSavedModel, type GraphDef, type NodeDef } from './proto.js';
import { graphScopes, type NodeScope } from './walk.js';

const SAVED_MODEL = 'tf-savedmodel';
const GRAPH_DEF = 'tf-graphdef';
const MAX_PROTO_BYTES = 2 * 1024 ** 3;

/** The node feeding `input` (`name`, `name:0`, `name:output:0`, `^name`) in the same scope. */
function producer(scope: Map<string, NodeDef>, input: string | undefined): NodeDef | undefined {
  if (input === undefined) return undefined;
  return scope.get(input.replace(/^\^/, '').split(':')[0]!);
}

function text(bytes: Uint8Array | undefined): string {
  return bytes === undefined ? '' : new TextDecoder().decode(bytes);
}

function nodeFinding(
  node: NodeDef,
  scope: NodeScope,
  byName: Map<string, NodeDef>,
  known: (op: string) => boolean,
  path: string,
): Finding | undefined {
  const op = node.op ?? '';
  const at = `node "${node.name ?? '?'}" (${op}) in ${scope.where}`;
  if (PYTHON_OPS.has(op)) return finding('TG-TF-002', 'critical', path, `${at} calls back into Python.`, op);
  if (FILE_OPS.has(op)) return finding('TG-TF-003', 'high', path, `${at} touches the file system.`, op);
  if (op === 'PrintV2') {
    const stream = text(node.attr?.['output_stream']?.s);
    return stream.startsWith('file://') ? finding('TG-TF-003', 'high', path, `${at} prints to ${stream}.`, stream) : undefined;
  }
  if (CHECKPOINT_OPS.has(op)) {
    const source = producer(byName, node.input?.[0]);
    if (source?.op === 'Const') {
      return finding('TG-TF-004', 'high', path, `${at} reads or writes a checkpoint at a path fixed in the graph (${source.name}).`, op);
    }
    return finding('TG-TF-004', 'low', path, `${at} is checkpoint I/O wired to a runtime path (the usual saver).`, op);
  }
  if (GRAPH_FROM_DATA_OPS.has(op)) return finding('TG-TF-006', 'medium', path, `${at} runs a graph deserialised from data.`, op);
  if (!known(op)) return finding('TG-TF-005', 'medium', path, `${at} is not a known TensorFlow op.`, op);
  return undefined;
}

export function graphFindings(graphs: GraphDef[], path: string, policy: ScanPolicy | undefined): { findings: Finding[]; nodes: number } {
  const findings = new Map<string, Finding>();
  const allowOps = new Set(policy?.tensorflow?.allowOps ?? []);
  let nodes = 0;
  for (const [i, graph] of graphs.entries()) {
    const { scopes, functions, embedded } = graphScopes(graph, graphs.length > 1 ? `meta graph ${i}` : 'the graph');
    const known = (op: string) => KNOWN_OPS.has(op) || functions.has(op) || allowOps.has(op);
    if (embedded > 0) {
      findings.set(
        'embedded',
        finding('TG-TF-006', 'medium', path, `${embedded} graph(s) are serialised inside node attributes; they were scanned too.`),
      );
    }
    for (const scope of scopes) {
      const byName = new Map(scope.nodes.map((n) => [n.name ?? '', n]));
      nodes += scope.nodes.length;
      for (const node of scope.nodes) {
        const f = nodeFinding(node, scope, byName, known, path);
        // One finding per rule, op and scope keeps a thousand-node saver from drowning the report.
        if (f !== undefined) findings.set(`${f.rule}|${f.severity}|${node.op}|${scope.where}`, f);
      }
    }
  }
  // Random bytes can decode as an empty message: a graph without a single node is not a model we checked.
  if (nodes === 0) throw malformed('the graph has no nodes');
  return { findings: [...findings.values()], nodes };
}

function decodeOrFail<T>(decode: (b: Uint8Array) => T, bytes: Uint8Array, what: string): T {
  try {
    return decode(bytes);
  } catch (cause) {
    throw malformed(`not a decodable ${what}: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
}

async function analyseSavedModel(ctx: AnalyserContext): Promise<Analysis> {
  const model = decodeOrFail(decodeSavedModel, await readWhole(ctx.source, MAX_PROTO_BYTES, 'the SavedModel'), 'SavedModel');
  const metas = model.metaGraphs ?? [];
  if (metas.length === 0) throw malformed('the SavedModel has no meta graphs');
  const graphs = metas.map((m) => m.graphDef ?? {});
  const { findings, nodes } = graphFindings(graphs, ctx.source.name, ctx.policy);
  const version = metas.find((m) => m.metaInfoDef?.tensorflowVersion)?.metaInfoDef?.tensorflowVersion;
  const tags = [...new Set(metas.flatMap((m) => m.metaInfoDef?.tags ?? []))].join(',');
  return analysisOf(SAVED_MODEL, findings, {
    framework: 'tensorflow',
    ...(version === undefined ? {} : { producer: `tensorflow ${version}` }),
    properties: { metaGraphs: String(metas.length), nodes: String(nodes), tags },
  });
}

async function analyseGraphDef(ctx: AnalyserContext): Promise<Analysis> {
  const graph = decodeOrFail(decodeGraphDef, await readWhole(ctx.source, MAX_PROTO_BYTES, 'the GraphDef'), 'GraphDef');
  const { findings, nodes } = graphFindings([graph], ctx.source.name, ctx.policy);
  const producerVersion = graph.versions?.producer;
  return analysisOf(GRAPH_DEF, findings, {
    framework: 'tensorflow',
    ...(producerVersion === undefined ? {} : { formatVersion: String(producerVersion) }),
    properties: { nodes: String(nodes) },
  });
}

export const savedModelAnalyser: FormatAnalyser = {
  format: SAVED_MODEL,
  sniff: sniffSavedModel,
  analyse: (ctx) => failClosed(SAVED_MODEL, 'TG-TF-001', ctx.source, () => analyseSavedModel(ctx)),
};

export const graphDefAnalyser: FormatAnalyser = {
  format: GRAPH_DEF,
  sniff: sniffGraphDef,
  analyse: (ctx) => failClosed(GRAPH_DEF, 'TG-TF-001', ctx.source, () => analyseGraphDef(ctx)),
};
