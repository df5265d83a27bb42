import { TRUSTGATE_VERSION } from '@trustgate/core/base';
import type { CommandSpec, OptionSpec } from './spec.js';

function optionLabel(name: string, o: OptionSpec): string {
  const long = o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? 'VALUE'}`;
  return o.short ? `-${o.short}, ${long}` : long;
}

/** `scan PATH... [options]`, or the spec's own synopsis. */
export function synopsis(spec: CommandSpec): string[] {
  if (spec.synopsis) return spec.synopsis.map((s) => `trustgate ${spec.name} ${s}`);
  const parts = [`trustgate ${spec.name}`];
  if (spec.subcommands?.length) parts.push('[SUBCOMMAND]');
  for (const [name, o] of Object.entries(spec.options)) if (o.required) parts.push(optionLabel(name, o));
  if (Object.values(spec.options).some((o) => !o.required)) parts.push('[options]');
  for (const p of spec.positionals ?? []) {
    const word = `${p.name}${p.variadic ? '...' : ''}`;
    parts.push(p.required ? word : `[${word}]`);
  }
  return [parts.join(' ')];
}

function describe(o: OptionSpec): string {
  const extra: string[] = [];
  if (o.choices) extra.push(`one of ${o.choices.join(', ')}`);
  if (o.default !== undefined && o.type === 'string') extra.push(`default ${o.default}`);
  if (o.multiple) extra.push('repeatable');
  return extra.length ? `${o.description} (${extra.join('; ')})` : o.description;
}

function table(rows: Array<[string, string]>): string[] {
  const width = Math.min(34, Math.max(...rows.map(([l]) => l.length)) + 2);
  return rows.map(([l, d]) => (l.length + 2 > width ? `  ${l}\n  ${' '.repeat(width)}${d}` : `  ${l.padEnd(width)}${d}`));
}

/** The whole `--help` text of a command, generated from its spec. */
export function helpText(spec: CommandSpec): string {
  const [first, ...more] = synopsis(spec);
  const lines = [`Usage: ${first}`, ...more.map((s) => `       ${s}`)];
  for (const sub of spec.subcommands ?? []) lines.push(...synopsis(sub).map((s) => `       ${s}`));
  lines.push('', spec.summary);
  if (spec.description) lines.push('', spec.description);
  const positionals = spec.positionals ?? [];
  if (positionals.length) lines.push('', 'Arguments:', ...table(positionals.map((p) => [p.name, p.description])));
  const options = Object.entries(spec.options);
  lines.push(
    '',
    'Options:',
    ...table([...options.map(([n, o]): [string, string] => [optionLabel(n, o), describe(o)]), ['-h, --help', 'show this help']]),
  );
  if (spec.subcommands?.length)
    lines.push('', 'Subcommands:', ...table(spec.subcommands.map((s) => [s.name.slice(spec.name.length + 1), s.summary])));
  if (spec.exitCodes) lines.push('', spec.exitCodes);
  return `${lines.join('\n')}\n`;
}

export function mainHelp(specs: readonly CommandSpec[]): string {
  // The summaries line up after the longest name (verify-release-asset is 20 characters).
  const width = Math.max(20, ...specs.map((s) => s.name.length + 2));
  return `trustgate ${TRUSTGATE_VERSION}: gates for software and ML pipelines

Usage: trustgate <command> [options]

Commands:
${specs.map((s) => `  ${s.name.padEnd(width)}${s.summary}`).join('\n')}

Exit codes: 0 nothing blocks, 1 something blocks, 2 usage, config or I/O error.
Run 'trustgate help <command>' (or 'trustgate <command> --help') for a command's options.
`;
}
