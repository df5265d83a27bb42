// Model scanner on its own, in process: analysis of big checkpoints and a huge raw pickle, then the scan with its
// sha256; many tensors; many files. Each case runs in a child process (peak RSS and bytes read are that case's own).
// Inputs are generated once into bench/.data (gitignored); BENCH_QUICK=1 uses the smaller inputs of scanner.bench.
// The rows side by side with picklescan's method are in scanner.bench.mjs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rawPickle, torchSave } from './model-files.mjs';

const root = new URL('..', import.meta.url).pathname;
const data = join(root, 'bench/.data');
const fixtures = join(root, 'packages/scanner/test/fixtures');
const GiB = 1024 ** 3;
const QUICK = process.env.BENCH_QUICK === '1';
const CHECKPOINT_GIB = Number(process.env.BENCH_CHECKPOINT_GIB ?? (QUICK ? 0.25 : 2));
const PICKLE_GIB = Number(process.env.BENCH_PICKLE_GIB ?? (QUICK ? 0.125 : 1));

function mixedDir(dir, n) {
  if (existsSync(join(dir, `f${n - 1}`))) return;
  mkdirSync(dir, { recursive: true });
  const files = ['benign', 'malicious', 'review', 'bypass'].flatMap((d) => readdirSync(join(fixtures, d)).map((f) => join(fixtures, d, f)));
  for (let i = 0; i < n; i++) copyFileSync(files[i % files.length], join(dir, `f${i}`));
}

function child(mode, path) {
  const out = execFileSync(process.execPath, [join(root, 'bench/scanner-child.mjs'), mode, path], { maxBuffer: 1 << 20 });
  return JSON.parse(out.toString());
}

function row(name, r, target, ok) {
  return {
    case: name,
    'wall ms': r.ms.toFixed(0),
    'peak RSS MB': r.rssMB.toFixed(0),
    'bytes read': r.readBytes.toLocaleString('en-US'),
    verdicts: Object.entries(r.verdicts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', '),
    target,
    ok: ok ? 'yes' : 'NO',
  };
}

export default async function () {
  mkdirSync(data, { recursive: true });
  const rows = [];
  const big = join(data, `checkpoint-${CHECKPOINT_GIB}gib.pt`);
  if (torchSave(big, `sd = {f"layer{i}.weight": torch.empty(${Math.round((CHECKPOINT_GIB * GiB) / 4 / 8)}) for i in range(8)}`)) {
    const a = child('analyse', big);
    rows.push(row(`${CHECKPOINT_GIB} GiB torch zip checkpoint: analysis`, a, '< 200 ms, < 100 MB', a.ms < 200 && a.rssMB < 100));
    const s = child('scan', big);
    rows.push(row(`${CHECKPOINT_GIB} GiB torch zip checkpoint: scan incl. sha256`, s, '< 100 MB (hash reads all)', s.rssMB < 100));
  } else rows.push({ case: '2 GiB torch zip checkpoint', ok: 'skipped (no python3 torch)' });

  const pkl = join(data, `bytes-${PICKLE_GIB}gib.pkl`);
  rawPickle(pkl, Math.round(PICKLE_GIB * GiB));
  const pa = child('analyse', pkl);
  rows.push(row(`${PICKLE_GIB} GiB raw pickle of one bytes: analysis`, pa, '< 100 MB', pa.rssMB < 100));
  const ps = child('scan', pkl);
  rows.push(row(`${PICKLE_GIB} GiB raw pickle of one bytes: scan incl. sha256`, ps, '< 100 MB', ps.rssMB < 100));

  const many = join(data, 'tensors-20000.pt'); // the same file as scanner.bench's default
  if (torchSave(many, 'sd = {f"layer{i}.weight": torch.zeros(4) for i in range(20000)}')) {
    const t = child('scan', many);
    rows.push(row('torch zip with 20,000 small tensors: scan', t, '< 500 ms', t.ms < 500));
  } else rows.push({ case: 'torch zip with 20,000 small tensors', ok: 'skipped (no python3 torch)' });

  const dir = join(data, 'mixed-1000');
  mixedDir(dir, 1000);
  const d = child('scan', dir);
  rows.push(row('directory of 1,000 mixed files: scan (2 workers)', d, '—', true));
  return rows;
}
