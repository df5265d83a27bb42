import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const schemaDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')),
  'res/schema',
);

/** The published CycloneDX 1.6 JSON schema as shipped by @cyclonedx/cyclonedx-library (no network). */
export function cycloneDxValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  // ajv-formats has no IRI formats; the BOMs under test carry no IRIs, so accepting them loses nothing.
  for (const f of ['iri-reference', 'idn-email']) ajv.addFormat(f, true);
  const load = (f: string) => JSON.parse(readFileSync(path.join(schemaDir, f), 'utf8')) as Record<string, unknown>;
  ajv.addSchema({ ...load('spdx.SNAPSHOT.schema.json'), $id: 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json' });
  ajv.addSchema({ ...load('jsf-0.82.SNAPSHOT.schema.json'), $id: 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json' });
  return ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
}
