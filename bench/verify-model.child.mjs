// Child of verify.bench.mjs: one verifyModel run in a fresh process, so its peak RSS is measured alone.
import { readFileSync } from 'node:fs';
import { parsePublicKey, verifyModel } from '../packages/verify/dist/index.js';

const [dir, sigFile, keyFile] = process.argv.slice(2);
const t = process.hrtime.bigint();
const r = await verifyModel(dir, readFileSync(sigFile, 'utf8'), { policy: { key: parsePublicKey(readFileSync(keyFile)) } });
const ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(JSON.stringify({ ms, files: r.files, bytes: r.bytes, maxRssKiB: process.resourceUsage().maxRSS }));
