import { describe, expect, it } from '@jest/globals';
import { memberNameProblem } from '../../src/containers/member-name.js';

// Names of the shapes torch, numpy and zipfile write pass the one-pass check; every dangerous shape still gets its
// own reason, including ones built only from characters the fast path accepts.
describe('memberNameProblem', () => {
  it.each(['archive/data.pkl', 'archive/data/19999', 'archive/.data/serialization_id', 'w.npy', 'a/b-c_d.e/f', 'a/.hidden', 'x..y'])(
    '%s is fine',
    (name) => expect(memberNameProblem(name)).toBeUndefined(),
  );
  it.each([
    ['/etc/passwd', 'is an absolute path'],
    ['C:evil', 'is an absolute path'],
    ['a\\b', 'contains a backslash'],
    ['a\u0000b', 'contains control characters'],
    ['a\nb', 'contains control characters'],
    ['../up', 'contains a ".." component'],
    ['a/../../up', 'contains a ".." component'],
    ['a/..', 'contains a ".." component'],
  ])('%j %s', (name, reason) => expect(memberNameProblem(name)).toBe(reason));
});
