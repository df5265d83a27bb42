// `npm run bench`: runs every bench/*.bench.mjs (each exports `default async () => rows`) and prints one table.
// Targets live here, not in timed tests. BENCH_ONLY=name filters by file name.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('.', import.meta.url).pathname;
const only = process.env.BENCH_ONLY;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))
  .sort();
const rows = [];
for (const f of files) {
  const mod = await import(join(dir, f));
  process.stderr.write(`bench: ${f}\n`);
  for (const row of await mod.default()) rows.push({ bench: f.replace('.bench.mjs', ''), ...row });
}
// Columns: bench, case, then whatever the benches report (time, RSS, bytes read, target, ok).
const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
const line = (vals) => `| ${vals.map((v, i) => String(v ?? '').padEnd(width[i])).join(' | ')} |`;
console.log(line(cols));
console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(cols.map((c) => r[c])));
