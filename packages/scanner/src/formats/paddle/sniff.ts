// framework.proto ProgramDesc: blocks = 1, and the first BlockDesc opens with idx = 0, parent_idx = -1.
const BLOCK0 = [0x08, 0x00, 0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];

/** A PaddlePaddle ProgramDesc (.pdmodel): field 1 (a block) whose body starts as block 0 with no parent. */
export function sniffPaddleProgram(head: Uint8Array): boolean {
  if (head[0] !== 0x0a) return false;
  let at = 1;
  while ((head[at] ?? 0) & 0x80) at++;
  at++;
  return BLOCK0.every((b, i) => head[at + i] === b);
}
