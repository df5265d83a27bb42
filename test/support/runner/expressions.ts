import { createHash } from 'node:crypto';
import { globSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { isBasicExpression, isBoolean, isMapping, isNumber, isSequence, isString } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';

/** Where an expression is evaluated: the contexts it may read, and the job's status for the status functions. */
export interface Scope {
  contexts: Record<string, unknown>;
  /** true once a step (or, in a composite, an inner step) has failed without continue-on-error */
  failed: boolean;
  workspace: string;
}

function functionsFor(scope: Scope): Map<string, FunctionDefinition> {
  const fn = (name: string, minArgs: number, maxArgs: number, call: (...args: data.ExpressionData[]) => data.ExpressionData) =>
    [name, { name, minArgs, maxArgs, call }] as const;
  return new Map([
    fn('success', 0, 0, () => new data.BooleanData(!scope.failed)),
    fn('failure', 0, 0, () => new data.BooleanData(scope.failed)),
    fn('always', 0, 0, () => new data.BooleanData(true)),
    fn('cancelled', 0, 0, () => new data.BooleanData(false)),
    fn(
      'hashfiles',
      1,
      255,
      (...patterns) =>
        new data.StringData(
          hashFiles(
            scope.workspace,
            patterns.map((p) => p.coerceString()),
          ),
        ),
    ),
  ]);
}

// The runner hashes each matched file, then hashes the concatenated digests; no match is the empty string.
function hashFiles(workspace: string, patterns: string[]): string {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const files = [...new Set(include.flatMap((p) => globSync(p, { cwd: workspace, exclude })))]
    .filter((f) => statSync(join(workspace, f)).isFile())
    .sort();
  if (files.length === 0) return '';
  const outer = createHash('sha256');
  for (const f of files)
    outer.update(
      createHash('sha256')
        .update(readFileSync(join(workspace, f)))
        .digest(),
    );
  return outer.digest('hex');
}

/** Evaluate one expression (without `${{ }}`) in a scope, with GitHub's own lexer, parser and evaluator. */
export function evaluate(expression: string, scope: Scope): data.ExpressionData {
  const tokens = new Lexer(expression).lex().tokens;
  const functions = functionsFor(scope);
  const infos = [...functions.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs }));
  const tree = new Parser(tokens, Object.keys(scope.contexts), infos).parse();
  const contexts = JSON.parse(JSON.stringify(scope.contexts), data.reviver) as data.Dictionary;
  return new Evaluator(tree, contexts, functions).evaluate();
}

/** The truthiness GitHub uses for `if:` (false, 0, '', null are false). */
export function truthy(value: data.ExpressionData): boolean {
  switch (value.kind) {
    case data.Kind.Null:
      return false;
    case data.Kind.Boolean:
      return (value as data.BooleanData).value;
    case data.Kind.Number:
      return (value as data.NumberData).value !== 0 && !Number.isNaN((value as data.NumberData).value);
    case data.Kind.String:
      return (value as data.StringData).value !== '';
    default:
      return true;
  }
}

/** A scalar token as the string the runner hands to env, inputs and scripts. */
export function scalarText(token: TemplateToken | undefined, scope: Scope): string {
  if (token === undefined) return '';
  if (isBasicExpression(token)) return evaluate(token.expression, scope).coerceString();
  if (isString(token)) return token.value;
  if (isBoolean(token) || isNumber(token)) return String(token.value);
  if (isMapping(token) || isSequence(token)) throw new Error(`a ${token.typeName()} is not a value here (line ${token.line})`);
  return '';
}

/** A mapping token (env:, with:) as evaluated strings; keys are literal in workflow files. */
export function mappingText(token: TemplateToken | undefined, scope: Scope): Record<string, string> {
  const out: Record<string, string> = {};
  if (token === undefined || !isMapping(token)) return out;
  for (const { key, value } of token) out[scalarText(key, scope)] = scalarText(value, scope);
  return out;
}
