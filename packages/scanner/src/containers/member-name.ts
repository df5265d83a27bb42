/** Why an archive member name is dangerous to extract (zip-slip and friends), or undefined when it is fine. */
export function memberNameProblem(name: string): string | undefined {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\')) return 'contains a backslash';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for.
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contains control characters';
  if (name.split('/').includes('..')) return 'contains a ".." component';
  return undefined;
}
