import { describe, expect, test } from '@jest/globals';
import { type ClassifyOptions, classifyPullRequest, type Initiator, provenanceFromGitAi } from '@trustgate/attribution';
import { apiCommit, type CommitVariation, type PrVariation, prEvent } from './fixtures/github.js';

// Every initiator source on payloads in the shape GitHub sends (pull_request.opened of @octokit/webhooks-examples),
// each with a twin that must not resolve (or must not name the wrong person).
interface Case {
  name: string;
  pr?: PrVariation;
  commits?: CommitVariation[];
  options?: ClassifyOptions;
  expect: Partial<Initiator> | null;
}

const COPILOT_PR: PrVariation = { author: 'Copilot', authorType: 'Bot', branch: 'copilot/fix-7', authorId: 198982749 };
const COPILOT_COMMIT = {
  authorName: 'Copilot',
  authorEmail: '198982749+Copilot@users.noreply.github.com',
  authorLogin: 'Copilot',
  authorId: 198982749,
};
const CLAUDE_BOT = {
  authorName: 'claude[bot]',
  authorEmail: '209825114+claude[bot]@users.noreply.github.com',
  authorLogin: 'claude[bot]',
  authorId: 209825114,
};
const DEVIN_PR = (body: string): PrVariation => ({ author: 'devin-ai-integration[bot]', authorType: 'Bot', body });
const DEVIN_LINK = 'Link to Devin run: https://app.devin.ai/sessions/d1991f5d4f0a47d994adb358b084d182';

const cases: Case[] = [
  {
    name: 'co-author noreply address: login and numeric id',
    pr: COPILOT_PR,
    commits: [{ ...COPILOT_COMMIT, message: 'Fix\n\nCo-authored-by: monalisa <583231+monalisa@users.noreply.github.com>' }],
    expect: { resolved: true, login: 'monalisa', accountId: 583231, rule: 'co-author-trailer' },
  },
  {
    name: 'co-author e-mail linked by a commit the same person pushed to the PR (the PR author)',
    pr: { author: 'jane-doe', authorId: 4242, branch: 'claude/issue-12-20260101-1200' },
    commits: [
      { ...CLAUDE_BOT, message: 'Fix\n\nCo-authored-by: Jane Doe <jane@corp.example>' },
      { authorName: 'Jane Doe', authorEmail: 'jane@corp.example', authorLogin: 'jane-doe', authorId: 4242, message: 'Tidy' },
    ],
    expect: { resolved: true, login: 'jane-doe', accountId: 4242, email: 'jane@corp.example', rule: 'co-author-trailer' },
  },
  {
    name: 'twin: a co-author e-mail nothing links stays unresolved (unknown initiator), not the PR author',
    pr: { author: 'jane-doe', authorId: 4242, branch: 'claude/issue-12-20260101-1200' },
    commits: [{ ...CLAUDE_BOT, message: 'Fix\n\nCo-authored-by: Jane Doe <jane@corp.example>' }],
    expect: { resolved: false, id: 'jane@corp.example', rule: 'co-author-trailer' },
  },
  {
    name: 'twin: a co-author named Claude with a person address is a person, not the agent trailer',
    pr: COPILOT_PR,
    commits: [{ ...COPILOT_COMMIT, message: 'Fix\n\nCo-authored-by: Claude Dupont <12+claude-dupont@users.noreply.github.com>' }],
    expect: { resolved: true, login: 'claude-dupont', accountId: 12, rule: 'co-author-trailer' },
  },
  {
    name: 'Requested by: Full Name (@login)',
    pr: DEVIN_PR(`Adds stubs.\n\n${DEVIN_LINK}\nRequested by: Nathan Example (@nathan-ex)\n`),
    expect: { resolved: true, login: 'nathan-ex', name: 'Nathan Example', rule: 'requested-by' },
  },
  {
    name: 'Requested by: @login, bold',
    pr: DEVIN_PR(`Mobile button.\n\n**${DEVIN_LINK}**\n**Requested by:** @blu3mo\n`),
    expect: { resolved: true, login: 'blu3mo', rule: 'requested-by' },
  },
  {
    name: 'twin: Requested by: Name (email) with no account link is unresolved',
    pr: DEVIN_PR(`Stubs.\n\n${DEVIN_LINK}\nRequested by: Nathan Example (nathan@example.com)\n`),
    expect: { resolved: false, id: 'nathan@example.com', rule: 'requested-by' },
  },
  {
    name: 'twin: Requested by: a bot is not an initiator',
    pr: DEVIN_PR(`Stubs.\n\n${DEVIN_LINK}\nRequested by: @renovate[bot]\n`),
    expect: { resolved: false, id: 'unknown', rule: 'none' },
  },
  {
    name: 'issues.assigned sender of the Copilot agent (given by the App), with its id from the assignees',
    pr: { ...COPILOT_PR, assignees: [{ login: 'hubot', id: 31 }] },
    commits: [{ ...COPILOT_COMMIT, message: 'Initial plan' }],
    options: { context: { assignedBy: 'hubot' } },
    expect: { resolved: true, login: 'hubot', accountId: 31, rule: 'issues-assigned-sender' },
  },
  {
    name: "the Copilot agent's PR assignee (the human it hands the PR back to)",
    pr: {
      ...COPILOT_PR,
      assignees: [
        { login: 'Copilot', id: 198982749, type: 'Bot' },
        { login: 'octo-dev', id: 77 },
      ],
    },
    commits: [{ ...COPILOT_COMMIT, message: 'Initial plan' }],
    expect: { resolved: true, login: 'octo-dev', accountId: 77, rule: 'pr-assignee' },
  },
  {
    name: 'twin: a Copilot PR assigned only to Copilot has an unknown initiator, never none',
    pr: { ...COPILOT_PR, assignees: [{ login: 'Copilot', id: 198982749, type: 'Bot' }] },
    commits: [{ ...COPILOT_COMMIT, message: 'Initial plan' }],
    expect: { resolved: false, id: 'unknown', rule: 'none' },
  },
  {
    name: 'author of the comment that mentioned the agent (given by the App)',
    pr: { author: 'claude[bot]', authorType: 'Bot' },
    options: { context: { mentionedBy: 'octocat' } },
    expect: { resolved: true, login: 'octocat', rule: 'mention-comment-author' },
  },
  {
    name: "git-ai's human_author (agent metadata) resolved through a noreply address",
    pr: { author: 'google-labs-jules[bot]', authorType: 'Bot' },
    options: {
      provenance: provenanceFromGitAi(
        {
          schemaVersion: 'authorship/3.0.0',
          baseCommitSha: 'a'.repeat(40),
          files: [],
          prompts: { abcd1234abcd1234: { tool: 'jules', humanAuthor: 'Ada <99+ada@users.noreply.github.com>' } },
        },
        'b'.repeat(40),
      ),
    },
    expect: { resolved: true, login: 'ada', accountId: 99, rule: 'git-ai-human-author' },
  },
  {
    name: 'the PR author of an agent PR opened as the human (Codex cloud), with the payload id',
    pr: { author: 'codex-user', authorId: 5150, branch: 'codex/add-note', body: 'See https://chatgpt.com/codex/tasks/task_e_123abc' },
    expect: { resolved: true, login: 'codex-user', accountId: 5150, rule: 'pr-author' },
  },
  {
    name: 'the PR author of an assisted change',
    pr: { author: 'mona', authorId: 1 },
    commits: [{ message: 'Add\n\nCo-authored-by: Copilot <copilot@github.com>' }],
    expect: { resolved: true, login: 'mona', rule: 'pr-author' },
  },
  {
    name: 'twin: a human PR that mentions Devin in prose has no initiator (no agent involved)',
    pr: { author: 'mona', body: 'Ports the Devin integration docs; nothing here was written by an agent.' },
    expect: null,
  },
];

describe('initiator = a GitHub account', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = classifyPullRequest(prEvent(c.pr), (c.commits ?? []).map(apiCommit), c.options);
    if (c.expect === null) expect(result.initiator).toBeNull();
    else expect(result.initiator).toMatchObject(c.expect);
    // An unresolved initiator never carries a login an approval rule could wrongly exclude or trust.
    if (result.initiator && !result.initiator.resolved) expect(result.initiator.login).toBeUndefined();
  });
});
