/** One `Key: value` trailer of a commit message, as `git interpret-trailers --parse` reports it. */
export interface Trailer {
  key: string;
  value: string;
}

// Git counts a line as a trailer when the token is letters, digits and dashes followed by ':' (optionally after spaces).
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
// Trailers git itself writes; a block with one of them needs only 25% trailer lines to count (git's rule).
const GIT_GENERATED = [/^Signed-off-by:/i, /^\(cherry picked from commit /];

/**
 * The trailers of a commit message, read the way git reads them: only the last paragraph counts, and only when
 * it is all trailers (continuation lines allowed), or at least 25% trailers with one git-generated trailer.
 * A "Co-authored-by:" in the middle of the prose is not a trailer.
 */
export function parseTrailers(message: string): Trailer[] {
  const lines = message.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines.pop();
  let start = lines.length;
  while (start > 0 && (lines[start - 1] ?? '').trim() !== '') start--;
  // The first paragraph is the subject: a one-paragraph message has no trailers.
  if (start === 0) return [];
  const block = lines.slice(start);
  const trailers: Trailer[] = [];
  let trailerLines = 0;
  let otherLines = 0;
  let gitGenerated = false;
  for (const line of block) {
    const last = trailers.at(-1);
    if (/^[ \t]/.test(line) && last !== undefined) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const m = TRAILER_LINE.exec(line);
    if (m) {
      trailers.push({ key: m[1] ?? '', value: (m[2] ?? '').trim() });
      trailerLines++;
      if (GIT_GENERATED.some((re) => re.test(line))) gitGenerated = true;
    } else if (/^\(cherry picked from commit /.test(line)) {
      trailerLines++;
      gitGenerated = true;
    } else {
      otherLines++;
    }
  }
  if (trailerLines === 0) return [];
  if (otherLines === 0) return trailers;
  if (gitGenerated && trailerLines * 3 >= otherLines) return trailers;
  return [];
}

/** `Name <email>` as used by Co-authored-by. */
export function parseIdentity(value: string): { name: string; email?: string } {
  const m = /^(.*?)\s*<([^<>\s]+)>\s*$/.exec(value);
  if (!m) return { name: value.trim() };
  return { name: (m[1] ?? '').trim(), email: m[2] ?? '' };
}

/** The GitHub login behind a `<id+login@users.noreply.github.com>` address, when the email is one. */
export function loginFromNoreply(email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  const m = /^(?:\d+\+)?([A-Za-z0-9-]+(?:\[bot\])?)@users\.noreply\.github\.com$/i.exec(email);
  return m?.[1];
}
