// What a workflow's GITHUB_TOKEN may do, by the permission scope GitHub checks for each REST operation. Used by the
// mock GitHub to answer as GitHub does when a job's token lacks a scope (a fork's pull request gets read-only scopes).

const BY_CATEGORY = {
  actions: ['actions'],
  checks: ['checks'],
  'code-scanning': ['security-events'],
  deployments: ['deployments'],
  issues: ['issues', 'pull-requests'],
  pulls: ['pull-requests'],
};
const BY_SUBCATEGORY = {
  attestations: ['attestations'],
  contents: ['contents'],
  statuses: ['statuses'],
  deployments: ['deployments'],
  'commit-statuses': ['statuses'],
};

/** The scopes any one of which grants the operation (an issue's labels: issues or pull-requests). */
export function scopesFor(operation, method = 'GET') {
  const x = operation['x-github'] ?? {};
  // A repository's attestations can be listed with contents: read as well.
  if (x.subcategory === 'attestations' && method === 'GET') return ['attestations', 'contents'];
  return BY_SUBCATEGORY[x.subcategory] ?? BY_CATEGORY[x.category] ?? ['contents'];
}

/**
 * GitHub's answer to a token without the scope, or undefined when the token may make the request. Reads need read
 * or write on a scope; anything but GET and HEAD needs write.
 */
export function refusal(operation, method, permissions) {
  const need = method === 'GET' || method === 'HEAD' ? ['read', 'write'] : ['write'];
  if (scopesFor(operation, method).some((s) => need.includes(permissions[s]))) return undefined;
  return {
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
      status: '403',
    },
  };
}
