import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// Both packages are CommonJS with a `default` property; under NodeNext the default import is module.exports.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

const require = createRequire(import.meta.url);

/**
 * A validator for the official OASIS SARIF 2.1.0 schema (rtm.5), as shipped in an npm package: no network at test
 * time. The schema's language pattern is not valid with the `u` flag, so patterns compile without it.
 */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
