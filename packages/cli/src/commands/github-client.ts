import type { FetchGitHubClient } from '@trustgate/gate';
import type { CliIO } from '../io.js';

/**
 * The GitHub REST client of the verify commands: the token from GITHUB_TOKEN or GH_TOKEN (as gh reads them; public
 * repositories answer without one), the API root from GITHUB_API_URL (GitHub Enterprise Server).
 */
export function githubClient(io: CliIO): FetchGitHubClient {
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  return {
    fetch: (url, init) => fetch(url, init),
    ...(token ? { token } : {}),
    ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}),
  };
}
