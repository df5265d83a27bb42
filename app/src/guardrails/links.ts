export interface OffListLink {
  url: string;
  host: string;
  where: string;
}

const URL_RE = /\bhttps?:\/\/[^\s<>()"'`\]]+/gi;

/** Links in agent-written text whose host is not allowlisted (a host allows its subdomains). */
export function offListLinks(texts: readonly { where: string; text: string }[], allowedHosts: readonly string[]): OffListLink[] {
  const allowed = allowedHosts.map((h) => h.toLowerCase());
  const found: OffListLink[] = [];
  for (const { where, text } of texts) {
    for (const match of text.matchAll(URL_RE)) {
      let host: string;
      try {
        host = new URL(match[0]).hostname.toLowerCase();
      } catch {
        // Not a parseable URL: report it rather than let it pass unseen.
        found.push({ url: match[0], host: '(unparseable)', where });
        continue;
      }
      if (!allowed.some((a) => host === a || host.endsWith(`.${a}`))) found.push({ url: match[0], host, where });
    }
  }
  return found;
}
