import { Probot, ProbotOctokit } from 'probot';
import type { AppSettings } from '../settings.js';
import { appLog } from './log.js';
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

/** What a Probot instance of the App is made from; the webhook secret only where webhooks are verified. */
export type ProbotSettings = Pick<AppSettings, 'appId' | 'privateKey' | 'baseUrl' | 'logLevel'> & { webhookSecret?: string };

/**
 * The App's Probot, initialised: Probot sets up its logger, GitHub client and webhooks verifier asynchronously, and
 * every user (the webhook server, the processing thread) needs them from its first use on.
 */
export async function startProbot(settings: ProbotSettings): Promise<Probot> {
  const probot = new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    log: appLog(settings.logLevel),
    Octokit: AppOctokit,
    ...(settings.webhookSecret ? { secret: settings.webhookSecret } : {}),
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
  });
  await probot.auth();
  return probot;
}

/** A client on a plain token (the CLI's backfill reads with a personal or installation token), with the App's retries. */
export function tokenOctokit(token: string, baseUrl?: string): InstanceType<typeof ProbotOctokit> {
  return new AppOctokit({ auth: { token }, ...(baseUrl ? { baseUrl } : {}) });
}
