import { describe, expect, test } from '@jest/globals';
import { checkStatement, type EnvironmentPolicy, parseDigest, parsePolicy, STATEMENT_TYPE } from '@trustgate/core';
import { decide, verificationSummary } from '@trustgate/gate';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

// in-toto Statement v1 and the SLSA verification summary v1 predicate, as their specs define the fields.
const digestSet = { type: 'object', minProperties: 1, additionalProperties: { type: 'string', pattern: '^[0-9a-f]+$' } };
const statementSchema = {
  type: 'object',
  required: ['_type', 'subject', 'predicateType', 'predicate'],
  properties: {
    _type: { const: STATEMENT_TYPE },
    subject: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['digest'], properties: { name: { type: 'string' }, digest: digestSet } },
    },
    predicateType: { const: 'https://slsa.dev/verification_summary/v1' },
    predicate: {
      type: 'object',
      required: ['verifier', 'timeVerified', 'resourceUri', 'policy', 'inputAttestations', 'verificationResult', 'verifiedLevels'],
      properties: {
        verifier: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uri' }, version: { type: 'object' } } },
        timeVerified: { type: 'string', format: 'date-time' },
        resourceUri: { type: 'string', format: 'uri' },
        policy: { type: 'object', required: ['uri', 'digest'], properties: { uri: { type: 'string', minLength: 1 }, digest: digestSet } },
        inputAttestations: {
          type: 'array',
          items: { type: 'object', required: ['uri', 'digest'], properties: { uri: { type: 'string' }, digest: digestSet } },
        },
        verificationResult: { enum: ['PASSED', 'FAILED'] },
        verifiedLevels: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(SLSA_[A-Z]+_LEVEL_[0-4]|FAILED|[A-Z0-9_]+)$' } },
        slsaVersion: { type: 'string' },
      },
    },
  },
};
const ajv = new Ajv({ allErrors: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validate = ajv.compile(statementSchema);

const SUBJECT = parseDigest(`sha256:${'ab'.repeat(32)}`);
const environments = parsePolicy(
  'version: 1\npromotion:\n  environments:\n    staging: {}\n    prod:\n      requires: { tests: true }\n',
  'p.yml',
).promotion.environments;
function env(name: string): EnvironmentPolicy {
  const policy = environments[name];
  if (!policy) throw new Error(`no ${name} in the test policy`);
  return policy;
}

describe('the decision as a SLSA verification summary', () => {
  test('a pass validates as in-toto v1 with every VSA field filled', () => {
    const decision = decide({
      environment: 'staging',
      policy: env('staging'),
      subject: SUBJECT,
      evidence: [],
      now: new Date('2026-11-21T10:00:00Z'),
    });
    const statement = verificationSummary(decision, {
      policy: { uri: 'https://github.com/acme/ml/blob/main/.github/trustgate.yml', sha256: 'cd'.repeat(32) },
    });
    expect(validate(statement)).toBe(true);
    expect(checkStatement(statement).ok).toBe(true);
    expect(statement.predicate).toMatchObject({
      verifier: { id: 'https://trustgate.dev/gate/v1' },
      timeVerified: '2026-11-21T10:00:00.000Z',
      resourceUri: `urn:trustgate:staging:sha256:${'ab'.repeat(32)}`,
      policy: { digest: { sha256: 'cd'.repeat(32) } },
      verificationResult: 'PASSED',
      verifiedLevels: ['SLSA_BUILD_LEVEL_0'],
      environment: 'staging',
    });
  });

  test('a fail says FAILED in both fields', () => {
    const decision = decide({ environment: 'prod', policy: env('prod'), subject: SUBJECT, evidence: [], now: new Date() });
    const statement = verificationSummary(decision, {
      policy: { uri: 'p.yml', sha256: 'cd'.repeat(32) },
      resourceUri: 'https://example.com/model',
    });
    expect(validate(statement)).toBe(true);
    expect(statement.predicate.verificationResult).toBe('FAILED');
    expect(statement.predicate.verifiedLevels).toEqual(['FAILED']);
  });
});
