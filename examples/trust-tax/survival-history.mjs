// A git history whose lines die by a known law, for the demo and the tests: `node survival-history.mjs DIR` builds
// it in DIR with git fast-import. Blocks of lines are added by AI commits (a Copilot author: agent; a Claude
// Co-authored-by trailer: assisted) and by unmarked ones; each block lives an exponential time with hazard
// `hazard × file multiplier × (hazardRatio for AI)`, then an unmarked commit deletes it. AI commits favour the
// high-churn files, a confounder that only file strata remove.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const DAY = 86_400;
export const START = Date.parse('2025-01-01T00:00:00Z') / 1000;

export const DEFAULT_LAW = {
  seed: 20,
  commits: 360,
  addDays: 300,
  endDays: 420,
  hazard: 1 / 150,
  hazardRatio: 2,
  files: [3, 3, 1, 1],
  aiShare: 0.5,
};

/** mulberry32, as the report's bootstrap uses: the same seed gives the same history everywhere. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The history as a git fast-import stream, and how many blocks it adds. */
export function survivalHistoryStream(law = DEFAULT_LAW) {
  const random = seeded(law.seed);
  const events = [];
  let blocks = 0;
  const half = Math.ceil(law.files.length / 2);
  for (let c = 0; c < law.commits; c++) {
    const at = START + Math.floor(random() * law.addDays * DAY);
    const ai = random() < law.aiShare;
    const added = [];
    for (let b = 0, n = random() < 0.5 ? 1 : 2; b < n; b++) {
      const favoured = random() < (ai ? 0.8 : 0.2);
      const file = favoured ? Math.floor(random() * half) : half + Math.floor(random() * (law.files.length - half));
      const id = `c${c}b${b}`;
      const size = 4 + Math.floor(random() * 9);
      const block = { id, file, lines: Array.from({ length: size }, (_, k) => `const ${id}_${k} = ${Math.floor(random() * 1e9)};`) };
      added.push(block);
      blocks++;
      const rate = law.hazard * law.files[file] * (ai ? law.hazardRatio : 1);
      const life = Math.max(1, Math.round((-Math.log(1 - random()) / rate) * DAY));
      if (at + life < START + law.endDays * DAY) events.push({ at: at + life, kind: 'delete', block });
    }
    events.push({ at, kind: 'add', blocks: added, ai, agent: ai && random() < 0.5 });
  }
  events.sort((a, b) => a.at - b.at || (a.kind === 'add' ? -1 : 1));
  const files = law.files.map(() => []);
  const chunks = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  events.forEach((e, i) => {
    const touched = new Set();
    let author = 'Maintainer <maintainer@example.com>';
    let message;
    if (e.kind === 'add') {
      for (const b of e.blocks) {
        files[b.file].splice(Math.floor(random() * (files[b.file].length + 1)), 0, b);
        touched.add(b.file);
      }
      if (e.agent) author = 'Copilot <198982749+Copilot@users.noreply.github.com>';
      else if (!e.ai) author = `Dev ${i % 7} <dev${i % 7}@example.com>`;
      message = `Add ${e.blocks.map((b) => b.id).join(' and ')}${e.ai && !e.agent ? '\n\nCo-authored-by: Claude <noreply@anthropic.com>' : ''}`;
    } else {
      const list = files[e.block.file];
      list.splice(list.indexOf(e.block), 1);
      touched.add(e.block.file);
      message = `Remove ${e.block.id}`;
    }
    const stamp = `${e.at} +0000`;
    chunks.push(`commit refs/heads/main\nmark :${i + 1}\nauthor ${author} ${stamp}\ncommitter ${author} ${stamp}\n${data(message)}`);
    if (i > 0) chunks.push(`from :${i}\n`);
    for (const f of touched) chunks.push(`M 100644 inline src/file${f}.ts\n${data(files[f].flatMap((b) => b.lines).join('\n'))}`);
    chunks.push('\n');
  });
  return { stream: chunks.join(''), blocks };
}

/** Build the history in `dir` (created, must not hold a repository yet). */
export function buildSurvivalHistory(dir, law = DEFAULT_LAW) {
  const { stream, blocks } = survivalHistoryStream(law);
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: stream });
  return { blocks, end: new Date((START + law.endDays * DAY) * 1000).toISOString() };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node survival-history.mjs DIR');
    process.exit(2);
  }
  console.log(
    `history with a known law (AI/baseline hazard ratio ${DEFAULT_LAW.hazardRatio}) built in ${dir}, ends ${buildSurvivalHistory(dir).end}`,
  );
}
