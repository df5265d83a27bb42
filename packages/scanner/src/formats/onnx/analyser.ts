import type { Finding } from '@trustgate/core/base';
import type { Analysis, AnalyserContext, FormatAnalyser } from '../../analyser.js';
import { analysisOf, failClosed, finding } from '../shared/analysis.js';
import { readWhole } from '../shared/bytes.js';
import { malformed } from '../shared/errors.js';
import { unsafeLocation } from './external-data.js';
import { decodeModel, type Model, type Node, type Tensor } from './proto.js';
import { sniffOnnx } from './sniff.js';
import { walkModel } from './walk.js';

const FORMAT = 'onnx';
/** Protobuf caps a message at 2 GiB; bigger models keep their weights in external data. */
const MAX_MODEL_BYTES = 2 * 1024 ** 3;

/** Domains implemented by ONNX itself and by ONNX Runtime's built-in contrib kernels. */
export const DEFAULT_ONNX_DOMAINS: readonly string[] = [
  '',
  'ai.onnx',
  'ai.onnx.ml',
  'ai.onnx.training',
  'ai.onnx.preview.training',
  'com.microsoft',
  'com.microsoft.nchwc',
  'com.microsoft.experimental',
  'com.ms.internal.nhwc',
];

function externalDataFindings(tensors: Tensor[], directory: string | undefined, path: string): Finding[] {
  const out: Finding[] = [];
  for (const tensor of tensors) {
    for (const entry of tensor.externalData ?? []) {
      if (entry.key !== 'location') continue;
      const why = unsafeLocation(entry.value ?? '', directory);
      if (why === undefined) continue;
      out.push(
        finding(
          'TG-ONNX-002',
          'critical',
          path,
          `tensor "${tensor.name ?? ''}" external data location ${JSON.stringify(entry.value)} ${why}; loading it reads an arbitrary file.`,
          entry.value,
        ),
      );
    }
  }
  return out;
}

function domainFindings(model: Model, nodes: Node[], allowed: ReadonlySet<string>, path: string): Finding[] {
  const local = new Set((model.functions ?? []).map((f) => f.domain ?? ''));
  const seen = new Map<string, string>();
  for (const node of nodes) {
    const domain = node.domain ?? '';
    if (!allowed.has(domain) && !local.has(domain) && !seen.has(domain)) seen.set(domain, node.opType ?? '');
  }
  return [...seen].map(([domain, op]) =>
    finding('TG-ONNX-003', 'medium', path, `operator ${domain}::${op} comes from a custom domain not on the allowlist.`, domain),
  );
}

async function analyse(ctx: AnalyserContext): Promise<Analysis> {
  const path = ctx.source.name;
  const bytes = await readWhole(ctx.source, MAX_MODEL_BYTES, 'the ONNX model');
  let model: Model;
  try {
    model = decodeModel(bytes);
  } catch (cause) {
    throw malformed(`not a decodable ModelProto: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
  if (model.graph === undefined) throw malformed('the ModelProto has no graph');
  const allowed = new Set([...DEFAULT_ONNX_DOMAINS, ...(ctx.policy?.onnx?.allowDomains ?? [])]);
  const opset = model.opsetImport?.find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx')?.version;
  const { nodes, tensors } = walkModel(model);
  const producer = [model.producerName, model.producerVersion].filter((s) => s !== undefined && s !== '').join(' ');
  return analysisOf(
    FORMAT,
    [...externalDataFindings(tensors, ctx.source.directory, path), ...domainFindings(model, nodes, allowed, path)],
    {
      framework: 'onnx',
      ...(model.irVersion === undefined ? {} : { formatVersion: model.irVersion }),
      ...(opset === undefined ? {} : { opset }),
      ...(producer === '' ? {} : { producer }),
      properties: {
        nodes: String(nodes.length),
        opsets: (model.opsetImport ?? []).map((o) => `${o.domain || 'ai.onnx'}:${o.version ?? '?'}`).join(','),
      },
    },
  );
}

export const onnxAnalyser: FormatAnalyser = {
  format: FORMAT,
  sniff: sniffOnnx,
  analyse: (ctx) => failClosed(FORMAT, 'TG-ONNX-001', ctx.source, () => analyse(ctx)),
};
