import { describe, expect, it } from '@jest/globals';
import { runBundle } from '../support/action-runner.js';

describe('the suite action bundle run as the runner runs it', () => {
  it('fails with a usage error code when no gate is named', () => {
    const r = runBundle('suite', { gates: '' });
    expect(r.status).toBe(1);
    expect(r.outputs['error-code']).toBe('USAGE_ERROR');
    expect(r.stdout).toContain('::error::trustgate: input "gates" is empty');
  });

  it('names the unknown gate', () => {
    const r = runBundle('suite', { gates: 'model-scan-typo' });
    expect(r.status).toBe(1);
    expect(r.outputs['error-code']).toBe('USAGE_ERROR');
    expect(r.stdout).toContain('unknown gate "model-scan-typo"');
  });
});
