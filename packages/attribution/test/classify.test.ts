import { describe, expect, test } from '@jest/globals';
import {
  AttributionError,
  type ClassifyOptions,
  changedFilesFromApi,
  classifyPullRequest,
  parseClassification,
} from '@trustgate/attribution';
import { apiCommit, type CommitVariation, type PrVariation, prEvent } from './fixtures/github.js';

interface Case {
  name: string;
  pr?: PrVariation;
  commits?: CommitVariation[];
  options?: ClassifyOptions;
  cohort: 'agent' | 'assisted' | 'human' | 'unknown' | 'bot';
  agent: string | null;
  rules: string[];
  initiator?: { id: string; rule: string } | null;
}

const COPILOT = { authorName: 'Copilot', authorEmail: '198982749+Copilot@users.noreply.github.com', authorLogin: 'Copilot' };
const CLAUDE_BOT = {
  authorName: 'claude[bot]',
  authorEmail: '209825114+claude[bot]@users.noreply.github.com',
  authorLogin: 'claude[bot]',
};
const CLAUDE_CODE_FOOTER =
  '🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>';

const positives: Case[] = [
  {
    name: 'Copilot coding agent PR, human co-author on its commits',
    pr: { author: 'Copilot', authorType: 'Bot', branch: 'copilot/fix-42' },
    commits: [{ ...COPILOT, message: 'Fix null check in parser\n\nCo-authored-by: monalisa <1234+monalisa@users.noreply.github.com>' }],
    cohort: 'agent',
    agent: 'copilot',
    rules: ['TG-AI-001', 'TG-AI-002', 'TG-AI-003', 'TG-AI-004'],
    initiator: { id: 'monalisa', rule: 'co-author-trailer' },
  },
  {
    name: 'Copilot coding agent PR, initiator from the issues.assigned sender',
    pr: { author: 'Copilot', authorType: 'Bot', branch: 'copilot/fix-43' },
    commits: [{ ...COPILOT, message: 'Initial plan' }],
    options: { context: { assignedBy: 'hubot' } },
    cohort: 'agent',
    agent: 'copilot',
    rules: ['TG-AI-001', 'TG-AI-002', 'TG-AI-003', 'TG-AI-004'],
    initiator: { id: 'hubot', rule: 'issues-assigned-sender' },
  },
  {
    name: 'Copilot in VS Code adds its co-author trailer',
    commits: [{ message: 'Add retry\n\nCo-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>' }],
    cohort: 'assisted',
    agent: 'copilot',
    rules: ['TG-AI-005'],
    initiator: { id: 'Codertocat', rule: 'pr-author' },
  },
  {
    name: 'Claude Code commit footer and co-author trailer',
    pr: { body: `## Summary\n- fix\n\n${'🤖 Generated with [Claude Code](https://claude.com/claude-code)'}` },
    commits: [{ message: `Fix flaky test\n\n${CLAUDE_CODE_FOOTER}` }],
    cohort: 'assisted',
    agent: 'claude-code',
    rules: ['TG-AI-010', 'TG-AI-011', 'TG-AI-012', 'TG-AI-196'],
    initiator: { id: 'Codertocat', rule: 'pr-author' },
  },
  {
    name: 'Claude Code with a model name in the co-author',
    commits: [{ message: 'Refactor\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>' }],
    cohort: 'assisted',
    agent: 'claude-code',
    rules: ['TG-AI-010'],
  },
  {
    name: 'claude-code-action PR with the triggering user as co-author',
    pr: { author: 'claude[bot]', authorType: 'Bot', branch: 'claude/issue-12-20260101-1200' },
    commits: [{ ...CLAUDE_BOT, message: 'Fix #12\n\nCo-authored-by: Mona Lisa <5+mona@users.noreply.github.com>' }],
    cohort: 'agent',
    agent: 'claude-code',
    rules: ['TG-AI-013', 'TG-AI-014', 'TG-AI-015'],
    initiator: { id: 'mona', rule: 'co-author-trailer' },
  },
  {
    name: 'claude-code-action PR, initiator is the comment author who mentioned @claude',
    pr: { author: 'claude[bot]', authorType: 'Bot' },
    commits: [{ ...CLAUDE_BOT, message: 'Apply review feedback' }],
    options: { context: { mentionedBy: 'octocat' } },
    cohort: 'agent',
    agent: 'claude-code',
    rules: ['TG-AI-013', 'TG-AI-014'],
    initiator: { id: 'octocat', rule: 'mention-comment-author' },
  },
  {
    name: 'Cursor cloud agent commits on a cursor/ branch',
    pr: { branch: 'cursor/add-login-form-3f2a' },
    commits: [{ authorName: 'Cursor Agent', authorEmail: 'cursoragent@cursor.com', authorLogin: null, message: 'Add login form' }],
    cohort: 'agent',
    agent: 'cursor',
    rules: ['TG-AI-020', 'TG-AI-024'],
    initiator: { id: 'Codertocat', rule: 'pr-author' },
  },
  {
    name: 'Cursor editor trailers',
    commits: [
      { message: 'Tidy imports\n\nMade-with: Cursor' },
      { message: 'Fix build\n\nCo-authored-by: Cursor <cursoragent@cursor.com>' },
    ],
    cohort: 'assisted',
    agent: 'cursor',
    rules: ['TG-AI-021', 'TG-AI-022'],
  },
  {
    name: 'Aider author suffix, subject prefix and co-author',
    commits: [
      {
        authorName: 'Mona Lisa (aider)',
        message: 'aider: fix off-by-one in pager\n\nCo-authored-by: aider (anthropic/claude-sonnet-4) <noreply@aider.chat>',
      },
    ],
    cohort: 'assisted',
    agent: 'aider',
    rules: ['TG-AI-030', 'TG-AI-031', 'TG-AI-032'],
  },
  {
    name: 'Devin PR with Requested by: Name (email)',
    pr: {
      author: 'devin-ai-integration[bot]',
      authorType: 'Bot',
      body: 'Adds the benchmark stubs.\n\nLink to Devin run: https://app.devin.ai/sessions/d1991f5d4f0a47d994adb358b084d182\nRequested by: Nathan Example (nathan@example.com)\n',
    },
    commits: [
      {
        authorName: 'Devin AI',
        authorEmail: '158243242+devin-ai-integration[bot]@users.noreply.github.com',
        authorLogin: 'devin-ai-integration[bot]',
        message: 'Add benchmark stubs',
      },
    ],
    cohort: 'agent',
    agent: 'devin',
    rules: ['TG-AI-040', 'TG-AI-041', 'TG-AI-042'],
    initiator: { id: 'nathan@example.com', rule: 'requested-by' },
  },
  {
    name: 'Devin PR with bold Requested by: @login',
    pr: {
      author: 'devin-ai-integration[bot]',
      authorType: 'Bot',
      body: 'Mobile button.\n\n**Link to Devin run:** https://app.devin.ai/sessions/d94f1979e03448c3ac02e5d2a0ef8228  \n**Requested by:** @blu3mo\n',
    },
    cohort: 'agent',
    agent: 'devin',
    rules: ['TG-AI-040', 'TG-AI-042'],
    initiator: { id: 'blu3mo', rule: 'requested-by' },
  },
  {
    name: 'OpenAI Codex cloud PR opened as the human on a codex/ branch',
    pr: {
      branch: 'codex/add-python-version-note',
      body: '## Summary\n- note\n\n## Testing\n- pytest\n\n------\n[Codex Task](https://chatgpt.com/codex/tasks/task_e_694400e34efc8325807c70c531c15e20)',
    },
    commits: [{ message: 'Document Python version' }],
    cohort: 'agent',
    agent: 'codex',
    rules: ['TG-AI-050', 'TG-AI-051'],
    initiator: { id: 'Codertocat', rule: 'pr-author' },
  },
  {
    name: 'OpenHands commits under its default identity',
    commits: [{ authorName: 'openhands', authorEmail: 'openhands@all-hands.dev', authorLogin: null, message: 'Fix lint' }],
    cohort: 'agent',
    agent: 'openhands',
    rules: ['TG-AI-060'],
  },
  {
    name: 'OpenHands co-author under the human identity',
    commits: [{ message: 'Fix lint\n\nCo-authored-by: openhands <openhands@all-hands.dev>' }],
    cohort: 'assisted',
    agent: 'openhands',
    rules: ['TG-AI-061'],
  },
  {
    name: 'Jules PR',
    pr: { author: 'google-labs-jules[bot]', authorType: 'Bot' },
    commits: [
      {
        authorName: 'google-labs-jules[bot]',
        authorEmail: '161369871+google-labs-jules[bot]@users.noreply.github.com',
        authorLogin: 'google-labs-jules[bot]',
        message: 'feat(perf): batch ticker fetches',
      },
    ],
    cohort: 'agent',
    agent: 'jules',
    rules: ['TG-AI-070', 'TG-AI-071'],
    initiator: { id: 'unknown', rule: 'none' },
  },
  {
    name: 'Gemini CLI co-author',
    commits: [{ message: 'Add attachments\n\nCo-authored-by: Gemini CLI <gemini-cli@google.com>' }],
    cohort: 'assisted',
    agent: 'gemini',
    rules: ['TG-AI-080'],
  },
  {
    name: 'Gemini Code Assist suggestion applied',
    commits: [
      {
        message: 'Apply suggestion\n\nCo-authored-by: gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>',
      },
    ],
    cohort: 'assisted',
    agent: 'gemini',
    rules: ['TG-AI-081'],
  },
  {
    name: 'Amazon Q Developer PR',
    pr: { author: 'amazon-q-developer[bot]', authorType: 'Bot' },
    commits: [
      {
        authorName: 'amazon-q-developer[bot]',
        authorEmail: '208079219+amazon-q-developer[bot]@users.noreply.github.com',
        authorLogin: 'amazon-q-developer[bot]',
        message: 'Fix syntax errors',
      },
    ],
    cohort: 'agent',
    agent: 'amazon-q',
    rules: ['TG-AI-090', 'TG-AI-091'],
  },
  {
    name: 'Qwen Code co-author',
    commits: [{ message: 'fix(release): harden disk reclaim\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>' }],
    cohort: 'assisted',
    agent: 'qwen-code',
    rules: ['TG-AI-100'],
  },
  {
    name: 'Linux kernel Assisted-by: AGENT:MODEL with tools',
    commits: [
      {
        message:
          'mm: fix race in folio split\n\nAssisted-by: Claude:claude-3-opus coccinelle sparse\nSigned-off-by: Jane Hacker <jane@kernel.example>',
      },
    ],
    cohort: 'assisted',
    agent: 'claude-code',
    rules: ['TG-AI-110'],
  },
  {
    name: 'OpenStack Assisted-By',
    commits: [{ message: 'Add spec\n\nAssisted-By: deepseek-r1\nChange-Id: I0123456789abcdef0123456789abcdef01234567' }],
    cohort: 'assisted',
    agent: 'deepseek-r1',
    rules: ['TG-AI-111'],
  },
  {
    name: 'OpenStack Generated-By (mostly machine-authored)',
    commits: [{ message: 'Add unit tests\n\nGenerated-By: claude-code claude-sonnet-4\nSigned-off-by: Jane Smith <jane@example.com>' }],
    cohort: 'agent',
    agent: 'claude-code',
    rules: ['TG-AI-112'],
    initiator: { id: 'Codertocat', rule: 'pr-author' },
  },
  {
    name: 'ASF Generated-by token',
    commits: [{ message: 'Fix null pointer in JdbcExecutor\n\nGenerated-by: Copilot' }],
    cohort: 'agent',
    agent: 'copilot',
    rules: ['TG-AI-112'],
  },
  {
    name: 'Dependabot PR',
    pr: { author: 'dependabot[bot]', authorType: 'Bot', branch: 'dependabot/npm_and_yarn/lodash-4.17.21' },
    commits: [{ authorName: 'dependabot[bot]', authorEmail: '49699333+dependabot[bot]@users.noreply.github.com', message: 'Bump lodash' }],
    cohort: 'bot',
    agent: 'dependabot',
    rules: ['TG-BOT-001'],
    initiator: null,
  },
  {
    name: 'Renovate PR',
    pr: { author: 'renovate[bot]', authorType: 'Bot', branch: 'renovate/zod-4.x' },
    cohort: 'bot',
    agent: 'renovate',
    rules: ['TG-BOT-002'],
  },
  {
    name: 'a repository rule from policy attribution.rules',
    pr: { author: 'acme-agent[bot]', authorType: 'Bot' },
    options: {
      rules: [
        {
          id: 'ACME-001',
          tool: 'Acme agent',
          agent: 'acme',
          tier: 'agent',
          on: 'pr-author',
          pattern: 'acme-agent\\[bot\\]',
          source: 'internal',
        },
      ],
    },
    cohort: 'agent',
    agent: 'acme',
    rules: ['ACME-001'],
  },
];

// Negative twins: the same surfaces with human content that must not be tagged.
const negatives: Case[] = [
  {
    name: 'a human mentioning Claude and Copilot in prose',
    pr: { body: 'I asked Claude whether this is right, and Copilot agreed. Generated with care by hand.' },
    commits: [{ message: 'Fix parser\n\nClaude said this is fine; Devin reviewed it.' }],
    cohort: 'unknown',
    agent: null,
    rules: [],
    initiator: null,
  },
  {
    name: 'a Co-authored-by of a human named Devin',
    commits: [{ message: 'Pair on the cache\n\nCo-authored-by: Devin Smith <devin@example.com>' }],
    cohort: 'unknown',
    agent: null,
    rules: [],
  },
  {
    name: 'a co-author line in the middle of the message is not a trailer',
    commits: [
      { message: 'Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>\n\nThe line above is quoted from a bug report, not a trailer.' },
    ],
    cohort: 'unknown',
    agent: null,
    rules: [],
  },
  {
    name: 'a human whose display name is Claude or Copilot',
    commits: [
      { authorName: 'Claude Dupont', authorEmail: 'claude.dupont@example.fr', message: 'Translate docs' },
      { authorName: 'Copilot', authorEmail: 'pilot@example.com', authorLogin: 'copilot-fan', message: 'Fix typo' },
    ],
    cohort: 'unknown',
    agent: null,
    rules: [],
  },
  {
    name: 'branches that only mention agent names',
    pr: { branch: 'feature/codex-support' },
    commits: [{ message: 'Support the codex format' }],
    cohort: 'unknown',
    agent: null,
    rules: [],
  },
  {
    name: 'a Devin-looking body without the session link',
    pr: { body: 'Requested by: the product team' },
    cohort: 'unknown',
    agent: null,
    rules: [],
  },
  {
    name: 'no marker under requireDisclosure is human',
    commits: [{ message: 'Write it by hand\n\nSigned-off-by: Mona Lisa <mona@example.com>' }],
    options: { requireDisclosure: true },
    cohort: 'human',
    agent: null,
    rules: [],
    initiator: null,
  },
];

describe('classifyPullRequest', () => {
  test.each([...positives, ...negatives].map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = classifyPullRequest(prEvent(c.pr), (c.commits ?? []).map(apiCommit), c.options);
    expect(result.cohort).toBe(c.cohort);
    expect(result.agent).toBe(c.agent);
    // Mentions are reported but never decide; `rules` lists the deciding markers only.
    const deciding = result.markers.filter((m) => m.tier !== 'mention');
    expect([...new Set(deciding.map((m) => m.rule))].sort()).toEqual([...c.rules].sort());
    if (c.initiator !== undefined) {
      expect(result.initiator === null ? null : { id: result.initiator.id, rule: result.initiator.rule }).toEqual(c.initiator);
    }
  });

  test('each commit marker names its commit sha and field', () => {
    const commit = apiCommit({ message: 'Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>' });
    const result = classifyPullRequest(prEvent(), [commit]);
    expect(result.markers).toEqual([
      {
        rule: 'TG-AI-010',
        tool: 'Claude Code',
        agent: 'claude-code',
        tier: 'assisted',
        field: 'trailer',
        value: 'Co-Authored-By: Claude <noreply@anthropic.com>',
        commit: commit.sha,
      },
    ]);
  });

  test('the result is plain JSON with a version, and reads back unchanged', () => {
    const result = classifyPullRequest(prEvent({ branch: 'codex/x' }), [apiCommit({ message: 'x' })]);
    const stored = JSON.parse(JSON.stringify(result));
    expect(stored).toEqual(result);
    expect(parseClassification(stored)).toEqual(result);
    expect(result.version).toBe(1);
    expect(result.pullRequest).toEqual({
      repository: 'Codertocat/Hello-World',
      number: 2,
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      author: 'Codertocat',
    });
  });

  test('a stored classification of another version is refused', () => {
    const stored = { ...classifyPullRequest(prEvent()), version: 2 };
    expect(() => parseClassification(stored)).toThrow(expect.objectContaining({ code: 'CLASSIFICATION_INVALID' }));
  });

  test('malformed inputs fail with stable codes', () => {
    expect(() => classifyPullRequest({ action: 'opened', issue: {} })).toThrow(expect.objectContaining({ code: 'EVENT_INVALID' }));
    expect(() => classifyPullRequest(prEvent(), { sha: 'x' })).toThrow(expect.objectContaining({ code: 'COMMITS_INVALID' }));
    expect(() => classifyPullRequest(prEvent(), [{ sha: 'nope', commit: { message: 'x' } }])).toThrow(AttributionError);
    expect(() => changedFilesFromApi([{ filename: 'a', additions: -1, status: 'added' }])).toThrow(
      expect.objectContaining({ code: 'FILES_INVALID' }),
    );
    const badRule = { id: 'X-1', tool: 'x', agent: 'x', tier: 'agent' as const, on: 'branch' as const, pattern: '(', source: 's' };
    expect(() => classifyPullRequest(prEvent(), [], { rules: [badRule] })).toThrow(expect.objectContaining({ code: 'RULE_INVALID' }));
    const dup = { ...badRule, id: 'TG-AI-001', pattern: 'x' };
    expect(() => classifyPullRequest(prEvent(), [], { rules: [dup] })).toThrow(expect.objectContaining({ code: 'RULE_INVALID' }));
  });

  test('line share is carried when given', () => {
    const lineShare = { source: 'git-ai' as const, files: [{ path: 'a.ts', aiLines: 3 }], aiLines: 3 };
    expect(classifyPullRequest(prEvent(), [], { lineShare }).aiLineShare).toEqual(lineShare);
  });
});
