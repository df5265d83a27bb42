import { buildStatement, PREDICATE_TYPES, type Statement } from '@trustgate/core';
import type { Classification } from './classify.js';

/** An in-toto Statement about the PR head commit whose predicate is the stored classification. */
export function aiTagStatement(result: Classification): Statement<Classification> {
  const { repository, number, headSha } = result.pullRequest;
  return buildStatement(
    [{ name: `git+https://github.com/${repository}@refs/pull/${number}/head`, digest: { gitCommit: headSha } }],
    PREDICATE_TYPES.aiTag,
    result,
  );
}
