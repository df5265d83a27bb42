/** The workflow run a deployment protection callback URL names: `.../repos/{o}/{r}/actions/runs/{id}/deployment_protection_rule`. */
export function runOfCallback(url: string): { owner: string; repo: string; runId: number } | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule$/.exec(path);
  return m?.[1] && m[2] && m[3] ? { owner: m[1], repo: m[2], runId: Number(m[3]) } : undefined;
}

/** What to judge: an artifact digest the deployment names in its payload, else the commit. */
export function deploymentSubject(deployment: { sha?: unknown; payload?: unknown }): string | undefined {
  const payload = typeof deployment.payload === 'string' ? safeJson(deployment.payload) : deployment.payload;
  const digest = (payload as { digest?: unknown } | null)?.digest;
  if (typeof digest === 'string' && /^sha256:[0-9a-f]{64}$/.test(digest)) return digest;
  return typeof deployment.sha === 'string' && /^[0-9a-f]{40}$/.test(deployment.sha) ? `gitCommit:${deployment.sha}` : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
