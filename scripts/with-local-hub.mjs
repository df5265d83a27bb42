// Runs a command with a local Hugging Face Hub serving the bundled examples (offline demo of scan before download):
//   node scripts/with-local-hub.mjs trustgate scan hf://examples/malicious
// The Hub's URL is in HF_ENDPOINT for the command; the exit code is the command's.
import { spawn } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from '../test/support/hf-hub.mjs';

const root = new URL('..', import.meta.url).pathname;
const filesOf = (dir) => Object.fromEntries(readdirSync(join(root, dir)).map((f) => [f, join(root, dir, f)]));
// A 1 GiB safetensors checkpoint (a sparse file: its header and a hole) shows what a scan before download reads.
const scratch = mkdtempSync(join(tmpdir(), 'trustgate-hub-'));
const large = join(scratch, 'model.safetensors');
const size = 1024 ** 3;
const header = Buffer.from(JSON.stringify({ weight: { dtype: 'U8', shape: [size], data_offsets: [0, size] } }));
const fd = openSync(large, 'w');
writeSync(fd, Buffer.concat([Buffer.from(new BigUint64Array([BigInt(header.length)]).buffer), header]));
ftruncateSync(fd, 8 + header.length + size);
closeSync(fd);
const hub = await startHub({
  'examples/large': { files: { ...filesOf('examples/model-formats/models/benign/llm'), 'model.safetensors': large } },
  'examples/benign': { files: filesOf('examples/models/benign') },
  'examples/malicious': { files: filesOf('examples/models/malicious') },
  'examples/llm': { files: filesOf('examples/model-formats/models/benign/llm') },
  'examples/gated': { files: filesOf('examples/models/benign'), gated: 'manual' },
});
const [command, ...args] = process.argv.slice(2);
const bin = command === 'trustgate' ? [process.execPath, join(root, 'packages/cli/bin/trustgate.js')] : [command];
const child = spawn(bin[0], [...bin.slice(1), ...args], { stdio: 'inherit', env: { ...process.env, HF_ENDPOINT: hub.url } });
const code = await new Promise((ok) => child.on('exit', (c) => ok(c ?? 2)));
await hub.close();
rmSync(scratch, { recursive: true, force: true });
process.exit(code);
