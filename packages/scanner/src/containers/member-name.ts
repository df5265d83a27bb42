/** Why an archive member name is dangerous to extract (zip-slip and friends), or undefined when it is fine. */
export function memberNameProblem(name: string): string | undefined {
  if (plainName(name)) return undefined;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\')) return 'contains a backslash';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for.
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contains control characters';
  if (name.split('/').includes('..')) return 'contains a ".." component';
  return undefined;
}

/**
 * Letters, digits, `_`, `-` and `/`, and `.` anywhere but at the start of a component: none of the problems
 * below (a directory of 20,000 tensor names is checked with one pass each, no regexes or arrays).
 */
function plainName(name: string): boolean {
  if (name.length === 0 || name.charCodeAt(0) === 0x2f) return false;
  let componentStart = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2f) {
      componentStart = true;
      continue;
    }
    const word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
    if (!word && !(c === 0x2e && !componentStart)) return false;
    componentStart = false;
  }
  return true;
}
