/**
 * The subset of Python literals a .npy header is (numpy reads it with ast.literal_eval): dicts, tuples, lists,
 * strings in every quoting form, ints, True/False/None. Attacker-controlled: bounded depth, errors as strings.
 */
export type PyValue = string | number | boolean | null | PyValue[] | { tuple: PyValue[] } | Map<string, PyValue>;

const MAX_DEPTH = 32;
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
  '\n': '',
};

export function parsePyLiteral(text: string): PyValue {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const fail = (why: string): never => {
    throw new Error(`${why} at character ${i}`);
  };
  const str = (): string => {
    const q = text[i] as string;
    const triple = text.startsWith(q.repeat(3), i);
    const end = triple ? q.repeat(3) : q;
    i += end.length;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      if (text.startsWith(end, i)) {
        i += end.length;
        return out;
      }
      const c = text[i++] as string;
      if (c !== '\\') {
        if (c === '\n' && !triple) fail('newline in string');
        out += c;
        continue;
      }
      const n = text[i++] ?? '';
      if (n in ESCAPES) out += ESCAPES[n];
      else if (n === 'x' || n === 'u' || n === 'U') {
        const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
        const hex = text.slice(i, i + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) fail('bad escape');
        out += String.fromCodePoint(Number.parseInt(hex, 16));
        i += len;
      } else out += `\\${n}`;
    }
  };
  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    ws();
    const c = text[i];
    if (c === "'" || c === '"') {
      let s = str();
      // Adjacent string literals concatenate, as in Python.
      for (ws(); text[i] === "'" || text[i] === '"'; ws()) s += str();
      return s;
    }
    if (c === '{' || c === '(' || c === '[') {
      const close = c === '{' ? '}' : c === '(' ? ')' : ']';
      i++;
      const items: PyValue[] = [];
      const map = new Map<string, PyValue>();
      let commas = 0;
      for (;;) {
        ws();
        if (text[i] === close) {
          i++;
          break;
        }
        const item = value(depth + 1);
        if (c === '{') {
          ws();
          if (text[i++] !== ':') fail('expected ":"');
          if (typeof item !== 'string') fail('dict key is not a string');
          map.set(item as string, value(depth + 1));
        } else items.push(item);
        ws();
        if (text[i] === ',') {
          i++;
          commas++;
        } else if (text[i] !== close) fail(`expected "," or "${close}"`);
      }
      if (c === '{') return map;
      return c === '(' ? (items.length === 1 && commas === 0 ? (items[0] as PyValue) : { tuple: items }) : items;
    }
    const word = /^[+-]?(0[xX][0-9a-fA-F_]+|\d[\d_]*)L?|^True|^False|^None/.exec(text.slice(i))?.[0];
    if (word === undefined) fail('not a literal');
    i += (word as string).length;
    if (word === 'True' || word === 'False') return word === 'True';
    if (word === 'None') return null;
    return Number((word as string).replace(/[_L]/g, ''));
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail('text after the literal');
  return v;
}
