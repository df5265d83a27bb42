import { describe, expect, test } from '@jest/globals';
import { appLog } from '../src/github/log.js';

describe('appLog', () => {
  test('one JSON object per line, each key once: the innermost child name wins', () => {
    const lines: string[] = [];
    const log = appLog('info', (line) => lines.push(line));
    log.child({ name: 'probot' }).child({ name: 'octokit' }).warn({ err: 'boom' }, 'retrying');
    log.debug('below the level');
    expect(lines).toHaveLength(1);
    const line = lines[0] as string;
    expect(line.endsWith('\n')).toBe(true);
    expect(line.match(/"name":/g)).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ level: 40, name: 'octokit', err: 'boom', msg: 'retrying' });
  });
});
