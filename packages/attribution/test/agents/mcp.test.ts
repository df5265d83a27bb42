// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the ${...} strings are the MCP configs' own reference syntax, not templates
import { describe, expect, test } from '@jest/globals';
import { AttributionError, inlineSecrets, judgeAgentFiles, launchOf, type McpServer, readMcpConfig } from '@trustgate/attribution';
import { agentsPolicySchema } from '@trustgate/core';

const stdio = (command: string, args: string[], extra: Partial<McpServer> = {}): McpServer => ({
  name: 's',
  file: '.mcp.json',
  line: 1,
  transport: 'stdio',
  command,
  args,
  env: {},
  headers: {},
  auth: false,
  autoApprove: false,
  ...extra,
});

describe('what a server launches, read from its command line (never run)', () => {
  test.each([
    ['npx -y pkg@1.2.3', 'npx', ['-y', 'pkg@1.2.3'], { kind: 'npm', package: 'pkg', version: '1.2.3', pinned: true }],
    ['npx -y @scope/pkg (unpinned)', 'npx', ['-y', '@scope/pkg'], { kind: 'npm', package: '@scope/pkg', pinned: false }],
    ['npx --yes @scope/pkg@latest (a tag moves)', 'npx', ['--yes', '@scope/pkg@latest'], { version: 'latest', pinned: false }],
    ['npx -y pkg@^1 (a range)', 'npx', ['-y', 'pkg@^1'], { version: '^1', pinned: false }],
    ['npx -p pkg@2.0.0 bin', 'npx', ['-p', 'pkg@2.0.0', 'bin'], { package: 'pkg', version: '2.0.0', pinned: true }],
    ['npx github:owner/repo (git, no commit)', 'npx', ['-y', 'github:owner/repo'], { package: 'github:owner/repo', pinned: false }],
    ['pnpm dlx pkg@1.0.0', 'pnpm', ['dlx', 'pkg@1.0.0'], { kind: 'npm', launcher: 'pnpm dlx', pinned: true }],
    ['bunx pkg', 'bunx', ['pkg'], { kind: 'npm', pinned: false }],
    ['uvx pkg==1.2.3', 'uvx', ['pkg==1.2.3'], { kind: 'pypi', package: 'pkg', version: '1.2.3', pinned: true }],
    ['uvx pkg (unpinned)', 'uvx', ['pkg'], { kind: 'pypi', package: 'pkg', pinned: false }],
    ['uvx pkg>=1 (a range)', 'uvx', ['pkg>=1'], { version: '>=1', pinned: false }],
    ['uvx --from pkg==2.0.0 cmd', 'uvx', ['--from', 'pkg==2.0.0', 'cmd'], { package: 'pkg', pinned: true }],
    ['pipx run pkg', 'pipx', ['run', 'pkg'], { kind: 'pypi', pinned: false }],
    [
      'docker image by tag',
      'docker',
      ['run', '-i', '--rm', '-e', 'X', 'ghcr.io/o/i:1'],
      { kind: 'oci', image: 'ghcr.io/o/i', pinned: false },
    ],
    ['docker image by digest', 'docker', ['run', '-i', `ghcr.io/o/i@sha256:${'a'.repeat(64)}`], { kind: 'oci', pinned: true }],
    ['a local command', '/opt/mcp/bin/server', ['--stdio'], { kind: 'command', command: '/opt/mcp/bin/server', pinned: true }],
  ])('%s', (_n, command, args, want) => {
    expect(launchOf(stdio(command, args as string[]))).toMatchObject(want);
  });
});

describe('inlined secrets', () => {
  test.each([
    ['a GitHub token in env', { env: { GITHUB_TOKEN: `ghp_${'a'.repeat(36)}` } }, ['env GITHUB_TOKEN']],
    ['a literal value under a secret-looking name', { env: { API_KEY: 'f00dfeedc0ffee1234' } }, ['env API_KEY']],
    ['a bearer header', { headers: { Authorization: `Bearer ${'x1y2'.repeat(8)}` } }, ['header Authorization']],
    ['a flag value', { args: ['--api-key=abcd1234efgh5678'] }, ['argument --api-key']],
    ['twin: a VS Code input reference', { env: { GITHUB_TOKEN: '${input:github_token}' } }, []],
    ['twin: an env reference', { headers: { Authorization: 'Bearer ${env:TOKEN}' } }, []],
    ['twin: a placeholder', { env: { API_KEY: '<your-api-key>' } }, []],
    ['twin: a non-secret setting', { env: { LOG_LEVEL: 'debug-verbose-mode' } }, []],
  ])('%s', (_n, extra, where) => {
    expect(
      inlineSecrets(stdio('npx', ['-y', 'p@1.0.0', ...((extra as { args?: string[] }).args ?? [])], extra as Partial<McpServer>)).map(
        (s) => s.where,
      ),
    ).toEqual(where);
  });
});

describe('configs that cannot be read fail closed with the file and line', () => {
  test('broken JSON names its line', () => {
    expect(() => readMcpConfig('claude-mcp', '.mcp.json', '{\n  "mcpServers": {\n    "x": { "command": "npx", }\n  \n')).toThrow(
      expect.objectContaining({ code: 'AGENT_CONFIG_INVALID', message: expect.stringMatching(/^\.mcp\.json:\d+: not valid JSON/) }),
    );
  });
  test('broken TOML names its line', () => {
    expect(() => readMcpConfig('codex-config', '.codex/config.toml', '[mcp_servers.x]\ncommand = \n')).toThrow(AttributionError);
  });
  test('a server that is not an object', () => {
    expect(() => readMcpConfig('vscode-mcp', '.vscode/mcp.json', '{"servers": {"x": "npx"}}')).toThrow(/server x is not an object/);
  });
});

const file = (path: string, text: string, extra = {}) => ({ path, bytes: new TextEncoder().encode(text), ...extra });
const ONE = JSON.stringify({ mcpServers: { gh: { command: 'npx', args: ['-y', '@acme/mcp@1.0.0'] } } });

describe('the allowlist: deny wins, unlisted is blocked by default, versions are exact', () => {
  test('deny wins over allow', () => {
    const policy = agentsPolicySchema.parse({
      mcp: { allow: [{ package: '@acme/mcp' }], deny: [{ package: '@acme/mcp', version: '1.0.0' }] },
    });
    const [f] = judgeAgentFiles([file('.mcp.json', ONE)], policy).files;
    expect(f?.servers?.[0]?.decidedBy).toBe('deny[0]');
    expect(f?.verdict).toBe('unsafe');
  });
  test('allowed by package and exact version', () => {
    const policy = agentsPolicySchema.parse({ mcp: { allow: [{ package: '@acme/mcp', version: '1.0.0' }] } });
    expect(judgeAgentFiles([file('.mcp.json', ONE)], policy).files[0]?.verdict).toBe('safe');
  });
  test('another version of an allowed package is not allowed', () => {
    const policy = agentsPolicySchema.parse({ mcp: { allow: [{ package: '@acme/mcp', version: '0.9.0' }] } });
    expect(judgeAgentFiles([file('.mcp.json', ONE)], policy).files[0]?.findings.map((x) => x.rule)).toEqual(['TG-MCP-009']);
  });
  test('unlisted: review instead of block when the policy says so', () => {
    const policy = agentsPolicySchema.parse({ mcp: { unlisted: 'review' } });
    expect(judgeAgentFiles([file('.mcp.json', ONE)], policy).files[0]?.verdict).toBe('review');
  });
  test('a remote server matched by host wildcard, with auth', () => {
    const text = JSON.stringify({
      servers: { x: { type: 'http', url: 'https://mcp.tools.example.com/v1', headers: { Authorization: 'Bearer ${input:t}' } } },
    });
    const policy = agentsPolicySchema.parse({ mcp: { allow: [{ host: '*.example.com' }] } });
    expect(judgeAgentFiles([file('.vscode/mcp.json', text)], policy).files[0]?.verdict).toBe('safe');
  });
  test('an entry must name what it allows', () => {
    expect(agentsPolicySchema.safeParse({ mcp: { allow: [{ version: '1.0.0' }] } }).success).toBe(false);
  });
});

describe('changes need review; the approved set is pinned by hash', () => {
  const text = '# rules\n';
  const sha = 'e8a9e0aaf8a47ba4fd0fb5b4ec3a9e3ecb8d1b9e2bdc33ab5f6d92bd4f0a9c6a';
  test('a changed instruction file needs the architecture review', () => {
    const policy = agentsPolicySchema.parse({ review: { teams: ['acme/ai-platform'] } });
    const report = judgeAgentFiles([file('AGENTS.md', text, { changed: true }), file('README.md', text, { changed: true })], policy);
    expect(report.review).toEqual({ required: true, files: ['AGENTS.md'], rule: { teams: ['acme/ai-platform'], users: [], count: 1 } });
    expect(report.files.map((f) => [f.path, f.verdict])).toEqual([['AGENTS.md', 'review']]);
  });
  test('a removed skill is a change too', () => {
    const report = judgeAgentFiles([{ path: '.claude/skills/x/SKILL.md', changed: true, removed: true }], agentsPolicySchema.parse({}));
    expect(report.review.files).toEqual(['.claude/skills/x/SKILL.md']);
  });
  test('drift from the pinned hash fails; the pinned bytes pass', () => {
    const actual = judgeAgentFiles([file('AGENTS.md', text)], agentsPolicySchema.parse({})).files[0]?.sha256 ?? '';
    const pinned = agentsPolicySchema.parse({ pinned: [{ path: 'AGENTS.md', sha256: actual }] });
    expect(judgeAgentFiles([file('AGENTS.md', text)], pinned).files[0]?.verdict).toBe('safe');
    expect(judgeAgentFiles([file('AGENTS.md', `${text} `)], pinned).files[0]?.findings.map((x) => x.rule)).toEqual(['TG-AGT-002']);
    const other = agentsPolicySchema.parse({ pinned: [{ path: 'AGENTS.md', sha256: sha }] });
    expect(judgeAgentFiles([file('CLAUDE.md', text)], other).files[0]?.findings[0]?.message).toMatch(/not in the approved set/);
  });
});
