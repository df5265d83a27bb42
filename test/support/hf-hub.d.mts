/** Types of hf-hub.mjs (plain ESM so scripts/ can start the local Hub without a build). */
export interface HubRepoSpec {
  /** Repository path -> file on disk. Files over 1 KiB are served as LFS objects. */
  files: Record<string, string>;
  commit?: string;
  gated?: 'auto' | 'manual';
  private?: boolean;
  faults?: {
    ignoreRange?: boolean;
    etagChangesAfter?: number;
    servePointer?: boolean;
    status?: Record<string, number>;
  };
}
export interface HubRequest {
  method: string | undefined;
  /** The Hub's own origin, or the CDN's (LFS objects). */
  origin: string;
  path: string;
  range: string | undefined;
  authorization: string | undefined;
}
export interface LocalHub {
  url: string;
  /** Where LFS redirects point: another origin, as on the Hub. */
  cdn: string;
  token: string;
  requests: HubRequest[];
  repo(name: string): { commit: string; faults?: HubRepoSpec['faults'] } | undefined;
  close(): Promise<void>;
}
export function startHub(repos: Record<string, HubRepoSpec>, options?: { pageSize?: number; token?: string }): Promise<LocalHub>;
