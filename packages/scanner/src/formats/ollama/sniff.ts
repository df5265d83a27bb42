import { jsonHeadMentions } from '../shared/bytes.js';

/**
 * An OCI/Docker image manifest or index (Ollama's `manifests/<registry>/<ns>/<model>/<tag>`, an OCI layout's
 * index.json): schemaVersion and an OCI, Docker or Ollama media type.
 */
export function sniffModelManifest(head: Uint8Array): boolean {
  return jsonHeadMentions(head, ['schemaVersion']) && /vnd\.(ollama|oci|docker)\./.test(new TextDecoder('utf-8').decode(head));
}
