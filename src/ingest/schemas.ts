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
