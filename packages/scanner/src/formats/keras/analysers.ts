import type { Finding } from '@trustgate/core/base';
import type { Analysis, AnalyserContext, FormatAnalyser } from '../../analyser.js';
import { analysisOf, failClosed } from '../shared/analysis.js';
import { decodeUtf8, isRecord, parseJson, readWhole } from '../shared/bytes.js';
import { checkConfig } from './config.js';
import { attributeText, readRootAttributes } from './hdf5.js';
import { sniffH5, sniffKerasConfig, sniffKerasMetadata } from './sniff.js';

const H5_FORMAT = 'keras-h5';
const CONFIG_FORMAT = 'keras-config';
const METADATA_FORMAT = 'keras-metadata';
const MAX_JSON_BYTES = 256 * 1024 * 1024;

async function analyseH5(ctx: AnalyserContext): Promise<Analysis> {
  const path = ctx.source.name;
  const attrs = await readRootAttributes(ctx.source);
  const findings: Finding[] = [];
  for (const key of ['model_config', 'training_config']) {
    const text = attributeText(attrs[key]);
    if (text !== undefined) findings.push(...checkConfig(parseJson(text, `the ${key} attribute`), path, ctx.policy));
    else if (attrs[key] !== undefined) findings.push(...checkConfig(attrs[key], path, ctx.policy));
  }
  const version = attributeText(attrs['keras_version']);
  const backend = attributeText(attrs['backend']);
  return analysisOf(H5_FORMAT, findings, {
    framework: 'keras',
    ...(version === undefined ? {} : { formatVersion: version }),
    properties: { config: attrs['model_config'] === undefined ? 'weights only' : 'present', ...(backend === undefined ? {} : { backend }) },
  });
}

export const kerasH5Analyser: FormatAnalyser = {
  format: H5_FORMAT,
  sniff: sniffH5,
  analyse: (ctx) => failClosed(H5_FORMAT, 'TG-KRS-005', ctx.source, () => analyseH5(ctx)),
};

async function readJson(ctx: AnalyserContext, what: string): Promise<unknown> {
  return parseJson(decodeUtf8(await readWhole(ctx.source, MAX_JSON_BYTES, what), what), what);
}

/** `config.json` of a `.keras` archive (or a standalone model JSON): a class_name/config tree. */
export const kerasConfigAnalyser: FormatAnalyser = {
  format: CONFIG_FORMAT,
  sniff: sniffKerasConfig,
  analyse: (ctx) =>
    failClosed(CONFIG_FORMAT, 'TG-KRS-005', ctx.source, async () =>
      analysisOf(CONFIG_FORMAT, checkConfig(await readJson(ctx, 'the Keras config'), ctx.source.name, ctx.policy), { framework: 'keras' }),
    ),
};

/** `metadata.json` of a `.keras` archive: nothing executable, but the Keras version goes to the ML-BOM. */
export const kerasMetadataAnalyser: FormatAnalyser = {
  format: METADATA_FORMAT,
  sniff: sniffKerasMetadata,
  analyse: (ctx) =>
    failClosed(METADATA_FORMAT, 'TG-KRS-005', ctx.source, async () => {
      const meta = await readJson(ctx, 'the Keras metadata');
      const version = isRecord(meta) && typeof meta['keras_version'] === 'string' ? meta['keras_version'] : undefined;
      return analysisOf(METADATA_FORMAT, [], { framework: 'keras', ...(version === undefined ? {} : { formatVersion: version }) });
    }),
};
