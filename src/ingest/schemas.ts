import { cimDocumentSchema, cimObjectSchema } from './parsers/cim-json.schema.js';
import { hypervVmDocumentSchema, hypervVmEntrySchema } from './parsers/hyperv-vm-json.schema.js';

/** The JSON Schemas parsers validate input against, by name: the build compiles these ahead of time. */
export const INGEST_SCHEMAS = {
  cimDocument: cimDocumentSchema,
  cimObject: cimObjectSchema,
  hypervVmDocument: hypervVmDocumentSchema,
  hypervVmEntry: hypervVmEntrySchema,
};

export type IngestSchemaName = keyof typeof INGEST_SCHEMAS;

/**
 * guestram's schemas are constants checked against the JSON Schema meta-schema by the tests, so they are not
 * checked again at every run: that compiles the meta-schema, 60 ms of every analysis that reads JSON.
 */
export const TRUSTED_SCHEMA_OPTIONS = { validateSchema: false, strict: false } as const;

/** The options of every ingest validator, compiled at run time or ahead of time. */
export const INGEST_AJV_OPTIONS = { allErrors: false, ...TRUSTED_SCHEMA_OPTIONS } as const;
