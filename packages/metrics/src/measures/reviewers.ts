/** AI code reviewers posting as users or apps; they never count as human reviews. */
const AI_REVIEWERS = new Set([
  'copilot',
  'copilot-pull-request-reviewer',
  'coderabbitai',
  'sourcery-ai',
  'greptile-apps',
  'graphite-app',
  'codiumai-pr-agent',
  'qodo-merge-pro',
  'ellipsis-dev',
  'korbit-ai',
  'cursor',
  'gemini-code-assist',
  'claude',
  'devin-ai-integration',
]);

/** A bot account (`type: Bot` or `[bot]` login) or a known AI reviewer, plus any the policy names. */
export function isAutomatedReviewer(login: string, userType: string | undefined, extra: readonly string[] = []): boolean {
  const name = login.toLowerCase().replace(/\[bot\]$/, '');
  return (
    userType === 'Bot' ||
    login.toLowerCase().endsWith('[bot]') ||
    AI_REVIEWERS.has(name) ||
    extra.map((e) => e.toLowerCase()).includes(name)
  );
}
