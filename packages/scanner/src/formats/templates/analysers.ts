import type { Finding } from '@trustgate/core';
import type { Analysis, AnalyserContext, FormatAnalyser } from '../../analyser.js';
import { analysisOf, failClosed, finding } from '../shared/analysis.js';
import { decodeUtf8, isRecord, parseJson, readWhole } from '../shared/bytes.js';
import { analyseTemplate } from './ast.js';
import { sniffChatTemplate, sniffTokenizerConfig } from './sniff.js';

/** tokenizer_config.json files carry vocabularies of a few MiB; well past that is not a tokenizer config. */
const MAX_CONFIG_BYTES = 64 * 1024 * 1024;
const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;

/** `chat_template` is a string, or a list of `{name, template}` (named templates such as tool_use). */
export function chatTemplateFindings(value: unknown, path: string, key = 'chat_template'): Finding[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return analyseTemplate(value, path, key);
  if (Array.isArray(value)) {
    return value.flatMap((entry, i) => {
      const name = isRecord(entry) && typeof entry['name'] === 'string' ? entry['name'] : String(i);
      if (!isRecord(entry) || typeof entry['template'] !== 'string') {
        return [finding('TG-TPL-007', 'high', path, `${key}[${i}] is not a {name, template} object; the config is malformed.`)];
      }
      return analyseTemplate(entry['template'], path, `${key}.${name}`);
    });
  }
  return [finding('TG-TPL-007', 'high', path, `${key} is neither a string nor a list of templates; the config is malformed.`)];
}

const TOKENIZER_FORMAT = 'tokenizer-config';

async function analyseTokenizerConfig(ctx: AnalyserContext): Promise<Analysis> {
  const path = ctx.source.name;
  const config = parseJson(
    decodeUtf8(await readWhole(ctx.source, MAX_CONFIG_BYTES, 'tokenizer config'), 'the tokenizer config'),
    'the tokenizer config',
  );
  if (!isRecord(config))
    return analysisOf(TOKENIZER_FORMAT, [finding('TG-TPL-007', 'high', path, `the tokenizer config is not a JSON object.`)]);
  const properties: Record<string, string> = {};
  if (typeof config['tokenizer_class'] === 'string') properties['tokenizer_class'] = config['tokenizer_class'];
  return analysisOf(TOKENIZER_FORMAT, chatTemplateFindings(config['chat_template'], path), { properties });
}

/** tokenizer_config.json, and processor chat_template.json, which uses the same key. */
export const tokenizerConfigAnalyser: FormatAnalyser = {
  format: TOKENIZER_FORMAT,
  sniff: sniffTokenizerConfig,
  analyse: (ctx) => failClosed(TOKENIZER_FORMAT, 'TG-TPL-007', ctx.source, () => analyseTokenizerConfig(ctx)),
};

const TEMPLATE_FORMAT = 'chat-template';
async function analyseTemplateFile(ctx: AnalyserContext): Promise<Analysis> {
  const text = decodeUtf8(await readWhole(ctx.source, MAX_TEMPLATE_FILE_BYTES, 'chat template'), 'the chat template');
  return analysisOf(TEMPLATE_FORMAT, analyseTemplate(text, ctx.source.name, 'chat template'));
}

export const chatTemplateAnalyser: FormatAnalyser = {
  format: TEMPLATE_FORMAT,
  sniff: sniffChatTemplate,
  analyse: (ctx) => failClosed(TEMPLATE_FORMAT, 'TG-TPL-001', ctx.source, () => analyseTemplateFile(ctx)),
};
