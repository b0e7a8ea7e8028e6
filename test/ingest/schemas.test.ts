import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INGEST_SCHEMAS } from '../../src/ingest/schemas.js';
import { loadAjv } from '../../src/ingest/validate.js';
import { REPORT_SCHEMA } from '../../src/report/schema.js';
import { SCENARIO_SCHEMA } from '../../src/simulate/scenario-schema.js';

// The CLI compiles these without checking them against the meta-schema (TRUSTED_SCHEMA_OPTIONS): this is the check.
const SCHEMAS = { ...INGEST_SCHEMAS, REPORT_SCHEMA, SCENARIO_SCHEMA };

for (const [name, schema] of Object.entries(SCHEMAS)) {
  test(`schema ${name} is valid JSON Schema and compiles in strict mode`, () => {
    const ajv = new (loadAjv())({ strict: true, strictRequired: false, allowUnionTypes: true, validateSchema: true });
    assert.equal(ajv.validateSchema(schema), true, ajv.errorsText(ajv.errors));
    assert.doesNotThrow(() => ajv.compile(schema));
  });
}
