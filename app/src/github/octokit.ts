import { ProbotOctokit } from 'probot';
import { retryRequests } from './retry.js';

/**
 * The App's GitHub client: Probot's, with its throttling and retry plugins replaced by retryRequests (see there).
 * A function, because Probot sets its own options after plain defaults.
 */
export const AppOctokit = ProbotOctokit.plugin(retryRequests).defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object | undefined), enabled: false },
  retry: { ...(options.retry as object | undefined), enabled: false },
})) as typeof ProbotOctokit;
