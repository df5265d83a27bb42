import { z } from 'zod';
import { GATE_PREDICATE_TYPES } from '../predicates.js';
import { evidenceOfType, type Requirement, result } from './types.js';

const testResultSchema = z.object({
  result: z.enum(['passed', 'failed']),
  failed: z.number().int().min(0).default(0),
  suite: z.string().optional(),
});

/** `requires.tests`: at least one test result for this digest, and every one of them passed. */
export const testsRequirement: Requirement = (ctx) => {
  if (ctx.policy.requires.tests !== true) return [];
  const runs = evidenceOfType(ctx, GATE_PREDICATE_TYPES.testResult);
  if (runs.length === 0) return [result('tests', 'missing', 'no verified test-result Statement for this digest')];
  const failures: string[] = [];
  for (const run of runs) {
    const parsed = testResultSchema.safeParse(run.statement.predicate);
    if (!parsed.success) failures.push(`${run.origin}: not a test-result predicate`);
    else if (parsed.data.result !== 'passed' || parsed.data.failed > 0) {
      failures.push(`${parsed.data.suite ?? run.origin}: ${parsed.data.failed} failed (result ${parsed.data.result})`);
    }
  }
  if (failures.length > 0) return [result('tests', 'failed', failures.join('; '), runs)];
  return [result('tests', 'met', `${runs.length} test run(s) passed`, runs)];
};
