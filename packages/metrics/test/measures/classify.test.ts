import { describe, expect, it } from '@jest/globals';
import { closedIssueNumbers } from '@trustgate/metrics';

describe('closedIssueNumbers', () => {
  const repo = 'octo-org/service';

  it.each([
    ['Fixes #12', [12]],
    ['closes: #3\nResolved #4', [3, 4]],
    ['fix octo-org/service#7 and FIXED https://github.com/octo-org/service/issues/9', [7, 9]],
    ['Fixes #5, fixes #5 again', [5]],
    ['Resolves https://ghe.example.com/Octo-Org/Service/issues/21', [21]],
  ])('reads %j as closing %j', (body, numbers) => {
    expect(closedIssueNumbers(body, repo)).toEqual(numbers);
  });

  it.each([['Fixes other-org/lib#12'], ['See #12; prefixes #13; bugfix #14; hotfix: #15'], ['Fixes #12a'], ['Fixes'], ['']])(
    'finds no closed issue of this repository in %j',
    (body) => {
      expect(closedIssueNumbers(body, repo)).toEqual([]);
    },
  );

  it('reads no body as none', () => {
    expect(closedIssueNumbers(null, repo)).toEqual([]);
  });
});
