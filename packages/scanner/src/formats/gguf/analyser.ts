import type { Finding } from '@trustgate/core/base';
import type { Analysis, AnalyserContext, FormatAnalyser } from '../../analyser.js';
import { analysisOf, failClosed } from '../shared/analysis.js';
import { analyseTemplate } from '../templates/ast.js';
import { type GgufHeader, readHeader } from './header.js';
import { SequentialReader } from './reader.js';
import { sniffGguf } from './sniff.js';
import { checkTensors } from './tensors.js';

const FORMAT = 'gguf';

function templateFindings(header: GgufHeader, path: string): Finding[] {
  const out: Finding[] = [];
  for (const [key, v] of header.kv) {
    if (key !== 'tokenizer.chat_template' && !key.startsWith('tokenizer.chat_template.')) continue;
    if (typeof v === 'string') out.push(...analyseTemplate(v, path, key));
  }
  return out;
}

function properties(header: GgufHeader): Record<string, string> {
  const props: Record<string, string> = { tensors: String(header.tensorCount) };
  for (const key of ['general.architecture', 'general.name', 'general.file_type', 'tokenizer.ggml.model']) {
    const v = header.kv.get(key);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') props[key] = String(v);
  }
  const tokens = header.kv.get('tokenizer.ggml.tokens');
  if (typeof tokens === 'object') props['vocabulary'] = String(tokens.count);
  return props;
}

async function analyse(ctx: AnalyserContext): Promise<Analysis> {
  const path = ctx.source.name;
  const reader = new SequentialReader(ctx.source);
  const header = await readHeader(reader);
  const tensorFindings = await checkTensors(
    reader,
    header.version,
    header.tensorCount,
    header.kv.get('general.alignment'),
    ctx.source.size,
    path,
  );
  return analysisOf(FORMAT, [...templateFindings(header, path), ...tensorFindings], {
    framework: 'gguf',
    formatVersion: String(header.version),
    properties: properties(header),
  });
}

export const ggufAnalyser: FormatAnalyser = {
  format: FORMAT,
  sniff: sniffGguf,
  analyse: (ctx) => failClosed(FORMAT, { malformed: 'TG-GGUF-001', limit: 'TG-GGUF-002' }, ctx.source, () => analyse(ctx)),
};
