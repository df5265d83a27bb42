import type { Finding } from '@trustgate/core/base';
import { parseDocument } from 'yaml';
import type { Analysis, AnalyserContext, FormatAnalyser } from '../../analyser.js';
import { analysisOf, failClosed, finding } from '../shared/analysis.js';
import { decodeUtf8, isRecord, parseJson, readWhole } from '../shared/bytes.js';
import { analyseTemplate } from './ast.js';
import { sniffChatTemplate, sniffTemplateYaml, sniffTokenizerConfig } from './sniff.js';

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
// Where tokenizer and processor configs keep templates (older transformers wrote default_chat_template).
const TEMPLATE_KEYS = ['chat_template', 'default_chat_template', 'chat_templates'];

/** A template that did not parse was not checked: a gap in the analysis (error), never a review item. */
function unparsed(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.rule === 'TG-TPL-001');
}

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
  const findings = TEMPLATE_KEYS.flatMap((k) => chatTemplateFindings(config[k], path, k));
  return analysisOf(TOKENIZER_FORMAT, findings, { properties }, [], unparsed(findings));
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
  const findings = analyseTemplate(text, ctx.source.name, 'chat template');
  return analysisOf(TEMPLATE_FORMAT, findings, undefined, [], unparsed(findings));
}

export const chatTemplateAnalyser: FormatAnalyser = {
  format: TEMPLATE_FORMAT,
  sniff: sniffChatTemplate,
  analyse: (ctx) => failClosed(TEMPLATE_FORMAT, 'TG-TPL-001', ctx.source, () => analyseTemplateFile(ctx)),
};

const YAML_FORMAT = 'chat-template-yaml';

/** Every string under a chat-template key, at any depth of a YAML document (serving and training configs). */
function yamlTemplates(value: unknown, path: string, key: string, out: Finding[], depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yamlTemplates(v, path, `${key}[${i}]`, out, depth + 1);
  } else if (isRecord(value))
    for (const [k, v] of Object.entries(value)) {
      const at = key ? `${key}.${k}` : k;
      if (TEMPLATE_KEYS.includes(k)) out.push(...chatTemplateFindings(v, path, at));
      else yamlTemplates(v, path, at, out, depth + 1);
    }
}

async function analyseTemplateYaml(ctx: AnalyserContext): Promise<Analysis> {
  const text = decodeUtf8(await readWhole(ctx.source, MAX_TEMPLATE_FILE_BYTES, 'YAML config'), 'the YAML config');
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) throw new Error(`YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
  const findings: Finding[] = [];
  yamlTemplates(doc.toJS({ maxAliasCount: 64 }), ctx.source.name, '', findings);
  return analysisOf(YAML_FORMAT, findings, undefined, [], unparsed(findings));
}

/** A YAML file with a chat template (axolotl, serving configs): the templates under its keys are checked. */
export const chatTemplateYamlAnalyser: FormatAnalyser = {
  format: YAML_FORMAT,
  sniff: sniffTemplateYaml,
  analyse: (ctx) => failClosed(YAML_FORMAT, 'TG-TPL-001', ctx.source, () => analyseTemplateYaml(ctx)),
};
