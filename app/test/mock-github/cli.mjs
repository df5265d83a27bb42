// Run the mock GitHub as its own process: `node cli.mjs SCENARIO.json` prints its URL on stdout.
// The scenario: { files: {key: text}, teams: {"org/slug": [logins]}, pulls: [addPull options] }.
// MOCK_LOG=1 lists every request's operationId on stderr at exit.
import { readFileSync } from 'node:fs';
import { addPull, createState, startMockGitHub } from './server.mjs';

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const state = createState();
for (const [key, text] of Object.entries(scenario.files ?? {})) state.files.set(key, text);
for (const [team, logins] of Object.entries(scenario.teams ?? {})) state.teams.set(team, new Set(logins));
for (const pr of scenario.pulls ?? []) addPull(state, pr);
const github = await startMockGitHub({ state, webhookSecret: 'unused', appUrl: () => '', keepAlive: true });
process.stdout.write(`${github.url}\n`);
process.on('SIGTERM', () => {
  process.stderr.write(`mock GitHub: ${github.requests.length} requests, ${github.invalid.length} invalid\n`);
  if (process.env.MOCK_LOG) process.stderr.write(`${github.requests.map((r) => r.operationId).join('\n')}\n`);
  github.close().then(() => process.exit(github.invalid.length ? 1 : 0));
});
