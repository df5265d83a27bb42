import type { Finding } from '@trustgate/core/base';
import protobuf from 'protobufjs';
import type { Analysis, AnalyserContext, FormatAnalyser } from '../../analyser.js';
import { analysisOf, failClosed } from '../shared/analysis.js';
import { parseJson, readWhole } from '../shared/bytes.js';
import { malformed } from '../shared/errors.js';
import { checkConfig } from './config.js';
import { sniffSavedMetadata } from './sniff.js';

/**
 * `keras_metadata.pb` of a TF-Keras SavedModel: one JSON config per Keras object (saved_metadata.proto:
 * SavedMetadata.nodes = 1; SavedObject.node_path = 3, identifier = 4, metadata = 5). Lambda layers keep their
 * bytecode here, next to a graph that looks harmless.
 */
const SavedMetadata = protobuf.Root.fromJSON({
  nested: {
    SavedObject: {
      fields: { nodePath: { type: 'string', id: 3 }, identifier: { type: 'string', id: 4 }, metadata: { type: 'string', id: 5 } },
    },
    SavedMetadata: { fields: { nodes: { rule: 'repeated', type: 'SavedObject', id: 1 } } },
  },
}).lookupType('SavedMetadata');

interface SavedObject {
  nodePath?: string;
  identifier?: string;
  metadata?: string;
}

const FORMAT = 'keras-saved-metadata';
const MAX_BYTES = 512 * 1024 * 1024;

async function analyse(ctx: AnalyserContext): Promise<Analysis> {
  const path = ctx.source.name;
  let nodes: SavedObject[];
  try {
    const decoded = SavedMetadata.toObject(SavedMetadata.decode(await readWhole(ctx.source, MAX_BYTES, 'keras_metadata.pb')), {
      arrays: true,
    });
    nodes = (decoded as { nodes: SavedObject[] }).nodes;
  } catch (cause) {
    throw malformed(`not a decodable Keras SavedMetadata: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
  const keras = nodes.filter((n) => n.identifier?.startsWith('_tf_keras_'));
  if (keras.length === 0) throw malformed('no Keras objects in the metadata');
  const findings: Finding[] = keras.flatMap((n) =>
    n.metadata ? checkConfig(parseJson(n.metadata, `the metadata of ${n.nodePath ?? 'a node'}`), path, ctx.policy, n.nodePath ?? '$') : [],
  );
  return analysisOf(FORMAT, findings, { framework: 'keras', properties: { objects: String(keras.length) } });
}

export const kerasSavedMetadataAnalyser: FormatAnalyser = {
  format: FORMAT,
  sniff: sniffSavedMetadata,
  analyse: (ctx) => failClosed(FORMAT, 'TG-KRS-005', ctx.source, () => analyse(ctx)),
};
