import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CoreError } from '@trustgate/core';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict argument parsing: an unknown flag is a usage error (exit 2), never ignored. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new CoreError('USAGE_ERROR', `trustgate ${command}: ${(cause as Error).message}; see trustgate ${command} --help`, { cause });
  }
}

export function requireOption(command: string, value: string | undefined, flag: string): string {
  if (value === undefined || value === '')
    throw new CoreError('USAGE_ERROR', `trustgate ${command}: ${flag} is required; see trustgate ${command} --help`);
  return value;
}
