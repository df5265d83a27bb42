/** Reads a protobuf varint at `at`; returns [value, next offset] or undefined past the head. */
function varint(head: Uint8Array, at: number): [number, number] | undefined {
  let value = 0;
  for (let i = 0; i < 5 && at + i < head.length; i++) {
    const b = head[at + i]!;
    value += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return [value, at + i + 1];
  }
  return undefined;
}

/**
 * SavedModel: an optional schema version (field 1, which TensorFlow's loader does not require), then a
 * MetaGraphDef (field 2) whose first field is meta_info_def or graph_def.
 */
export function sniffSavedModel(head: Uint8Array): boolean {
  let at = 0;
  if (head[0] === 0x08) {
    const version = varint(head, 1);
    if (version === undefined || version[0] > 16) return false;
    at = version[1];
  }
  if (head[at] !== 0x12) return false;
  const len = varint(head, at + 1);
  return len !== undefined && len[0] > 0 && (head[len[1]] === 0x0a || head[len[1]] === 0x12);
}

/** GraphDef: a first NodeDef whose name and op are both printable identifiers. */
export function sniffGraphDef(head: Uint8Array): boolean {
  if (head[0] !== 0x0a) return false;
  const node = varint(head, 1);
  if (node === undefined || head[node[1]] !== 0x0a) return false;
  const name = varint(head, node[1] + 1);
  if (name === undefined || name[0] === 0) return false;
  const opTag = name[1] + name[0];
  if (head[opTag] !== 0x12) return false;
  const op = varint(head, opTag + 1);
  if (op === undefined || op[0] === 0 || op[1] + op[0] > head.length) return false;
  return /^[A-Za-z_][\w>]*$/.test(new TextDecoder().decode(head.subarray(op[1], op[1] + op[0])));
}
