// One bench case in its own process, so peak RSS and bytes read belong to that case alone.
// Usage: node bench/scanner-child.mjs scan|analyse PATH -> prints {"ms","rssMB","readBytes","verdicts"}
import { readFileSync } from 'node:fs';
import { defaultPolicy } from '../packages/core/dist/index.js';
import { analyseSource, openFileSource, scanPaths } from '../packages/scanner/dist/index.js';
import { peakRssKiB } from './peak-rss.mjs';

const rchar = () => Number(/rchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
const [mode, path] = process.argv.slice(2);
const policy = defaultPolicy().scan;
const before = rchar();
const t = process.hrtime.bigint();
let verdicts;
if (mode === 'analyse') {
  const source = await openFileSource(path, path);
  verdicts = [(await analyseSource(source, policy)).verdict];
  await source.close();
} else {
  verdicts = (await scanPaths([path], { policy })).map((f) => f.verdict);
}
const ms = Number(process.hrtime.bigint() - t) / 1e6;
const counts = {};
for (const v of verdicts) counts[v] = (counts[v] ?? 0) + 1;
process.stdout.write(JSON.stringify({ ms, rssMB: peakRssKiB() / 1024, readBytes: rchar() - before, verdicts: counts }));
