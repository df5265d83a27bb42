import { describe, expect, test } from '@jest/globals';
import { approvalsForCommit, type SubmittedReview } from '@trustgate/app';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('approvalsForCommit', () => {
  test('counts approvals of the head commit only', () => {
    const reviews: SubmittedReview[] = [
      { user: 'bob', state: 'APPROVED', commitId: A },
      { user: 'carol', state: 'APPROVED', commitId: B },
    ];
    expect(approvalsForCommit(reviews, { headSha: B })).toEqual(['carol']);
  });

  test('an approval of an earlier commit carries over only when that commit is listed as a clean merge', () => {
    const reviews: SubmittedReview[] = [{ user: 'bob', state: 'APPROVED', commitId: A }];
    expect(approvalsForCommit(reviews, { headSha: B, carriedOver: new Set([A]) })).toEqual(['bob']);
  });

  test('the latest decisive review wins; comments do not undo an approval', () => {
    const reviews: SubmittedReview[] = [
      { user: 'bob', state: 'APPROVED', commitId: B },
      { user: 'bob', state: 'COMMENTED', commitId: B },
      { user: 'dave', state: 'APPROVED', commitId: B },
      { user: 'dave', state: 'CHANGES_REQUESTED', commitId: B },
      { user: 'erin', state: 'APPROVED', commitId: B },
      { user: 'erin', state: 'DISMISSED', commitId: B },
    ];
    expect(approvalsForCommit(reviews, { headSha: B })).toEqual(['bob']);
  });

  test('the author and the initiator never count, whatever their login case', () => {
    const reviews: SubmittedReview[] = [
      { user: 'Alice', state: 'APPROVED', commitId: B },
      { user: 'bot-author', state: 'APPROVED', commitId: B },
      { user: 'bob', state: 'APPROVED', commitId: B },
    ];
    expect(approvalsForCommit(reviews, { headSha: B, excluded: new Set(['alice', 'bot-author']) })).toEqual(['bob']);
  });
});
