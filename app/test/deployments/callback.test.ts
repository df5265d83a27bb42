import { describe, expect, test } from '@jest/globals';
import { deploymentSubject, runOfCallback } from '../../src/deployments/callback.js';

describe('deployment protection callback', () => {
  test('names the workflow run of the callback URL', () => {
    expect(runOfCallback('https://api.github.com/repos/o/r/actions/runs/42/deployment_protection_rule')).toEqual({
      owner: 'o',
      repo: 'r',
      runId: 42,
    });
    expect(runOfCallback('not a url')).toBeUndefined();
    expect(runOfCallback('https://api.github.com/repos/o/r/issues/1')).toBeUndefined();
  });

  test('the subject is the payload digest, else the commit; anything malformed is none', () => {
    const digest = `sha256:${'0'.repeat(64)}`;
    expect(deploymentSubject({ sha: 'a'.repeat(40), payload: JSON.stringify({ digest }) })).toBe(digest);
    expect(deploymentSubject({ sha: 'a'.repeat(40), payload: { digest: 'sha256:zz' } })).toBe(`gitCommit:${'a'.repeat(40)}`);
    expect(deploymentSubject({ sha: 'nope' })).toBeUndefined();
  });
});
