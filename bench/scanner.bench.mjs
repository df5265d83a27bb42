// Model scanner side by side with picklescan's method, measured in the same run: each row runs the trustgate CLI
// and the peer (bench/picklescan-standin.py; picklescan itself has no Debian package and PyPI is out of reach) on
// the same input, each process timed spawn-to-exit with its peak RSS by bench/measure.py, and gives the ratio.
// Digest rows compare with `openssl dgst -sha256`. Inputs are generated once into bench/.data (gitignored).
// BENCH_QUICK=1 shrinks the inputs (BENCH_CHECKPOINT_GIB, BENCH_PICKLE_GIB, BENCH_TENSORS, BENCH_SMALL_FILES,
// BENCH_DIGEST_FILES, BENCH_DIGEST_FILE_MIB, BENCH_RUNS override one each).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { python, rawPickle, torchSave } from './model-files.mjs';

const root = new URL('..', import.meta.url).pathname;
const data = join(root, 'bench/.data');
const fixtures = join(root, 'packages/scanner/test/fixtures');
const cli = join(root, 'packages/cli/bin/trustgate.js');
const standin = join(root, 'bench/picklescan-standin.py');
const measurer = join(root, 'bench/measure.py');
const QUICK = process.env.BENCH_QUICK === '1';
const num = (name, full, quick) => Number(process.env[name] ?? (QUICK ? quick : full));
const SIZE = {
  checkpointGiB: num('BENCH_CHECKPOINT_GIB', 2, 0.25),
  pickleGiB: num('BENCH_PICKLE_GIB', 1, 0.125),
  tensors: num('BENCH_TENSORS', 20_000, 20_000),
  smallFiles: num('BENCH_SMALL_FILES', 10_000, 1_000),
  digestFiles: num('BENCH_DIGEST_FILES', 32, 8),
  digestFileMiB: num('BENCH_DIGEST_FILE_MIB', 64, 16),
  runs: num('BENCH_RUNS', 7, 3),
};
const GiB = 1024 ** 3;
const cores = availableParallelism();

/**
 * The scanner's fixtures (benign, malicious, review, bypass) copied round-robin, names and extensions kept. The
 * decompression bombs are left out: each costs its whole budget by design, which is not per-file overhead.
 */
function mixedDir(dir, n) {
  if (existsSync(`${dir}.complete`)) return;
  mkdirSync(dir, { recursive: true });
  const files = ['benign', 'malicious', 'review', 'bypass']
    .flatMap((d) => readdirSync(join(fixtures, d)).map((f) => join(fixtures, d, f)))
    .filter((f) => !basename(f).includes('bomb'));
  for (let i = 0; i < n; i++) copyFileSync(files[i % files.length], join(dir, `f${i}-${basename(files[i % files.length])}`));
  copyFileSync(files[0], `${dir}.complete`);
}

/** Files of random bytes (not sparse: the hash must read real pages), for the digest rows. */
function digestDir(dir, count, mib) {
  if (existsSync(join(dir, `d${count - 1}.bin`))) return;
  mkdirSync(dir, { recursive: true });
  const block = randomBytes(1 << 20);
  for (let i = 0; i < count; i++) {
    const fd = openSync(join(dir, `d${i}.bin`), 'w');
    for (let m = 0; m < mib; m++) writeSync(fd, block);
    closeSync(fd);
  }
}

function measure(cmd) {
  return JSON.parse(execFileSync(python, [measurer, ...cmd], { encoding: 'utf8' }));
}

/** Median wall time and peak RSS over `runs` alternating runs of both commands (load hits both alike). */
function compare(trustgate, peer, runs = SIZE.runs) {
  const tg = [];
  const pe = [];
  for (let i = 0; i < runs; i++) {
    tg.push(measure(trustgate));
    pe.push(measure(peer));
  }
  const median = (xs, k) => xs.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    tg: { ms: median(tg, 'ms'), rssMB: median(tg, 'rssKB') / 1024 },
    peer: { ms: median(pe, 'ms'), rssMB: median(pe, 'rssKB') / 1024 },
  };
}

const scan = (path, ...flags) => [process.execPath, cli, 'scan', path, ...flags];
const peerScan = (path) => [python, standin, path];
const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const rss = (r) => `${r.tg.rssMB.toFixed(0)} / ${r.peer.rssMB.toFixed(0)} MB`;

/** A time row: ratio is trustgate's time over the peer's (below 1.0x is faster). */
function timeRow(name, r, max, targetText) {
  const ratio = r.tg.ms / r.peer.ms;
  return {
    case: name,
    trustgate: ms(r.tg.ms),
    peer: ms(r.peer.ms),
    ratio: `${ratio.toFixed(2)}x time`,
    'peak RSS (tg / peer)': rss(r),
    target: targetText,
    ok: ratio <= max ? 'yes' : 'NO',
  };
}

/** A throughput row: ratio is trustgate's rate over the peer's (1.0x is as fast). */
function rateRow(name, r, amount, unit, min, targetText, rssOk = true) {
  const tg = amount / (r.tg.ms / 1000);
  const peer = amount / (r.peer.ms / 1000);
  const fmt = (v) => (unit === 'MiB/s' ? `${v.toFixed(0)} ${unit}` : `${v.toFixed(0)} ${unit}`);
  return {
    case: name,
    trustgate: `${fmt(tg)} (${ms(r.tg.ms)})`,
    peer: `${fmt(peer)} (${ms(r.peer.ms)})`,
    ratio: `${(tg / peer).toFixed(2)}x rate`,
    'peak RSS (tg / peer)': rss(r),
    target: targetText,
    ok: tg / peer >= min && rssOk ? 'yes' : 'NO',
  };
}

export default async function () {
  mkdirSync(data, { recursive: true });
  const rows = [];
  const peerNote = { case: 'peer: picklescan method (bench/picklescan-standin.py, stdlib only; picklescan not installable here)' };

  const one = join(fixtures, 'malicious/os_system_p4.pkl');
  rows.push(
    timeRow(
      'one-file scan start-up (70-byte pickle)',
      compare(scan(one), peerScan(one), Math.max(SIZE.runs, 5)),
      1,
      '<= 1.0x (peer ~65 ms)',
    ),
  );

  const many = join(data, `tensors-${SIZE.tensors}.pt`);
  if (torchSave(many, `sd = {f"layer{i}.weight": torch.zeros(4) for i in range(${SIZE.tensors})}`))
    rows.push(
      timeRow(
        `torch zip with ${SIZE.tensors.toLocaleString('en-US')} tensors`,
        compare(scan(many), peerScan(many)),
        1 / 3,
        '<= 0.33x (3x faster)',
      ),
    );
  else rows.push({ case: 'torch zip with many tensors', ok: 'skipped (no python3 torch)' });

  const big = join(data, `checkpoint-${SIZE.checkpointGiB}gib.pt`);
  const per = Math.round((SIZE.checkpointGiB * GiB) / 4 / 8);
  const haveBig = torchSave(big, `sd = {f"layer{i}.weight": torch.empty(${per}) for i in range(8)}`);
  if (haveBig) rows.push(timeRow(`${SIZE.checkpointGiB} GiB torch checkpoint, no digest`, compare(scan(big), peerScan(big)), 1, '<= 1.0x'));
  else rows.push({ case: 'torch checkpoint', ok: 'skipped (no python3 torch)' });

  const pkl = join(data, `bytes-${SIZE.pickleGiB}gib.pkl`);
  rawPickle(pkl, Math.round(SIZE.pickleGiB * GiB));
  rows.push(timeRow(`${SIZE.pickleGiB} GiB raw pickle of one bytes object, no digest`, compare(scan(pkl), peerScan(pkl)), 1, '<= 1.0x'));

  if (haveBig) {
    const size = statSync(big).size / 2 ** 20;
    const r = compare(scan(big, '--format', 'json'), ['openssl', 'dgst', '-sha256', big]);
    rows.push(
      rateRow(`sha256 of one file (${SIZE.checkpointGiB} GiB checkpoint, scan --format json) vs openssl`, r, size, 'MiB/s', 0.9, '>= 0.9x'),
    );
  }

  const digests = join(data, `digest-${SIZE.digestFiles}x${SIZE.digestFileMiB}mib`);
  digestDir(digests, SIZE.digestFiles, SIZE.digestFileMiB);
  const parallel = ['sh', '-c', `ls ${digests}/*.bin | xargs -P ${cores} -n 1 openssl dgst -sha256`];
  rows.push(
    rateRow(
      `sha256 of ${SIZE.digestFiles} files x ${SIZE.digestFileMiB} MiB on ${cores} cores vs openssl (xargs -P ${cores})`,
      compare(scan(digests, '--format', 'json'), parallel),
      SIZE.digestFiles * SIZE.digestFileMiB,
      'MiB/s',
      0.9,
      '>= 0.9x',
    ),
  );

  const dir = join(data, `mixed-nobomb-${SIZE.smallFiles}`);
  mixedDir(dir, SIZE.smallFiles);
  const tenth = join(data, `mixed-nobomb-${Math.round(SIZE.smallFiles / 10)}`);
  mixedDir(tenth, Math.round(SIZE.smallFiles / 10));
  const full = compare(scan(dir), peerScan(dir), Math.min(SIZE.runs, 3));
  const small = compare(scan(tenth), peerScan(tenth), 1);
  const flat = full.tg.rssMB <= small.tg.rssMB * 1.25 + 16;
  // The rate counts every file for both; the peer opens only the extensions picklescan knows, and says how many.
  const peerRead = /scanned files: (\d+)/.exec(spawnSync(python, [standin, dir], { encoding: 'utf8' }).stdout)?.[1] ?? '?';
  const row = rateRow(
    `${SIZE.smallFiles.toLocaleString('en-US')} small mixed files (fixtures, bombs left out; the peer reads ${peerRead} of them): files/s, ${cores} workers`,
    full,
    SIZE.smallFiles,
    'files/s',
    1,
    `>= 1.0x; RSS flat (at 1/10: ${small.tg.rssMB.toFixed(0)} MB)`,
    flat,
  );
  rows.push(row, peerNote);
  return rows;
}
