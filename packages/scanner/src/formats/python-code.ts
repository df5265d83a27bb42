// Calls in Python source that run programs, evaluate code, load pickles or open sockets: what a handler needs none of.
const EXEC_PATTERNS: readonly [RegExp, string][] = [
  [/\bos\s*\.\s*(system|popen|exec\w*|spawn\w*|fork|execv\w*)\s*\(/, 'os process call'],
  [/\bfrom\s+os\s+import\s+[^\n]*\b(system|popen|exec\w*|spawn\w*)\b/, 'os process call'],
  [/\bsubprocess\b/, 'subprocess'],
  [/\bpty\s*\.\s*spawn\b/, 'pty.spawn'],
  [/\bsocket\s*\.\s*(socket|create_connection)\b/, 'socket'],
  [/(^|[^.\w])(eval|exec)\s*\(/m, 'eval/exec'],
  [/\b__import__\s*\(/, '__import__'],
  [/\b(marshal|pickle|dill|cloudpickle)\s*\.\s*loads?\s*\(/, 'deserialises code'],
  [/\bctypes\b/, 'ctypes'],
  [/\burllib\.request\b|\brequests\s*\.\s*(get|post)\s*\(/, 'network download'],
];

/** The first dangerous construct in a Python source and its line, if any. */
export function dangerousPython(source: string): { what: string; line: number } | undefined {
  for (const [re, what] of EXEC_PATTERNS) {
    const m = re.exec(source);
    if (m) return { what, line: source.slice(0, m.index).split('\n').length };
  }
  return undefined;
}
