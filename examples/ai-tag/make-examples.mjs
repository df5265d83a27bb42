// Regenerates the example payloads from the pull_request.opened example of @octokit/webhooks-examples:
// node examples/ai-tag/make-examples.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples');
const opened = examples.find((e) => e.name === 'pull_request').examples.find((e) => e.action === 'opened');
const here = new URL('.', import.meta.url);

function event({ author, type = 'User', branch, body }) {
  const e = structuredClone(opened);
  e.pull_request.user.login = author;
  e.pull_request.user.type = type;
  e.pull_request.head.ref = branch;
  e.pull_request.body = body;
  return e;
}

function commit(n, { name, email, login, message }) {
  const sha = String(n).repeat(40).slice(0, 40);
  return {
    sha,
    commit: { author: { name, email, date: '2026-11-20T10:00:00Z' }, committer: { name, email, date: '2026-11-20T10:00:00Z' }, message },
    author: login ? { login, type: login.endsWith('[bot]') || login === 'Copilot' ? 'Bot' : 'User' } : null,
    committer: login ? { login, type: 'User' } : null,
    parents: [],
  };
}

const write = (name, value) => writeFileSync(new URL(name, here), `${JSON.stringify(value, null, 2)}\n`);

write(
  'agent-event.json',
  event({
    author: 'Copilot',
    type: 'Bot',
    branch: 'copilot/fix-parser-null-check',
    body: 'Fixes #41.\n\nThe parser now checks for null before reading the header.',
  }),
);
write('agent-commits.json', [
  commit(1, { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com', login: 'Copilot', message: 'Initial plan' }),
  commit(2, {
    name: 'Copilot',
    email: '198982749+Copilot@users.noreply.github.com',
    login: 'Copilot',
    message: 'Check for null before reading the header\n\nCo-authored-by: Codertocat <21031067+Codertocat@users.noreply.github.com>',
  }),
]);
write(
  'assisted-event.json',
  event({
    author: 'Codertocat',
    branch: 'retry-uploads',
    body: 'Retry uploads on 503.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)',
  }),
);
write('assisted-commits.json', [
  commit(3, {
    name: 'Codertocat',
    email: 'codertocat@example.com',
    login: 'Codertocat',
    message:
      'Retry uploads on 503\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
  }),
]);
write('human-event.json', event({ author: 'Codertocat', branch: 'docs-typo', body: 'I asked Claude, but wrote this one myself.' }));
write('human-commits.json', [
  commit(4, {
    name: 'Codertocat',
    email: 'codertocat@example.com',
    login: 'Codertocat',
    message: 'Fix typo\n\nCo-authored-by: Devin Smith <devin@example.com>',
  }),
]);
write('agent-files.json', [{ filename: 'src/parser.ts', status: 'modified', additions: 12, deletions: 2, changes: 14 }]);
