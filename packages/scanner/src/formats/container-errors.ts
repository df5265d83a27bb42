import type { Finding } from '@trustgate/core/base';
import { ContainerError } from '../containers/limits.js';
import { finding, RULES, type ScannerRule } from '../rules.js';

/** A container reader's failure as a finding: limits and unsupported content are `error`, like parse failures. */
export function containerFinding(e: unknown, path: string, parseRule: ScannerRule): Finding {
  if (e instanceof ContainerError) {
    const rule = e.kind === 'limit' ? RULES.limit : e.kind === 'unsupported' ? RULES.encrypted : parseRule;
    return finding(rule, e.message, e.offset === undefined ? { path } : { path, offset: e.offset });
  }
  throw e;
}
