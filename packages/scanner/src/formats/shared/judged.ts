import type { Finding } from '@trustgate/core/base';
import type { Analysis, ModelMetadata } from '../../analyser.js';
import { conclude } from '../../conclude.js';
import { finding, type ScannerRule } from '../../rules.js';
import type { ByteSource } from '../../source.js';
import { ModelFormatError } from './errors.js';

/**
 * A format judged by `run`; anything it throws (a malformed offset, a cut file, a reader's own exception) is the
 * format's `unreadable` rule: an `error` verdict, never a pass.
 */
export async function judgedFormat(
  format: string,
  unreadable: ScannerRule,
  source: ByteSource,
  run: () => Promise<{ findings: Finding[]; metadata?: ModelMetadata }>,
): Promise<Analysis> {
  try {
    const { findings, metadata } = await run();
    return conclude(format, findings, [], metadata);
  } catch (e) {
    const why = e instanceof ModelFormatError ? e.message : 'the reader could not follow its structure';
    return conclude(format, [
      finding(unreadable, `could not be read as ${format} (${why}); the file is not trusted`, { path: source.name }),
    ]);
  }
}
