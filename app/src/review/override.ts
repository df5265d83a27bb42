const OVERRIDE_COMMENT = /^\/trustgate override\s+(\S.*)$/m;

/** The reason in the actor's latest `/trustgate override <reason>` comment; an override without a reason is refused. */
export function overrideReason(commentsInOrder: readonly string[]): string | undefined {
  for (let i = commentsInOrder.length - 1; i >= 0; i--) {
    const m = OVERRIDE_COMMENT.exec(commentsInOrder[i] ?? '');
    if (m?.[1]) return m[1].trim().slice(0, 500);
  }
  return undefined;
}
