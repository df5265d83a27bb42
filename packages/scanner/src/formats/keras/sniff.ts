import { jsonHeadMentions } from '../shared/bytes.js';

const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const MARKER = new TextEncoder().encode('_tf_keras_');

function includes(head: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= head.length; i++) {
    for (let j = 0; j < needle.length; j++) if (head[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export const sniffH5 = (head: Uint8Array): boolean => HDF5_MAGIC.every((b, i) => head[i] === b);

export const sniffKerasConfig = (head: Uint8Array): boolean => jsonHeadMentions(head, ['class_name']) && jsonHeadMentions(head, ['config']);

export const sniffKerasMetadata = (head: Uint8Array): boolean =>
  jsonHeadMentions(head, ['keras_version']) && !jsonHeadMentions(head, ['class_name']);

/** keras_metadata.pb: a protobuf whose head names `_tf_keras_` objects. */
export const sniffSavedMetadata = (head: Uint8Array): boolean => head[0] === 0x0a && includes(head, MARKER);
