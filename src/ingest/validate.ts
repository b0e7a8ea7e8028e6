import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, ErrorObject, ValidateFunction } from 'ajv';
import type { ParseSink } from './parser.js';
import { PRECOMPILED } from './precompiled-validators.js';
import { INGEST_AJV_OPTIONS, INGEST_SCHEMAS, type IngestSchemaName } from './schemas.js';

let ajvClass: typeof AjvInstance | undefined;

/**
 * Loads ajv before a parser's first validateJson, unless the build compiled the schemas already. It is the
 * costliest dependency to load, and most runs read no JSON.
 */
export async function preloadAjv(): Promise<void> {
  if (Object.keys(PRECOMPILED).length === 0) ajvClass ??= (await import('ajv')).default.Ajv;
}

/** ajv for synchronous callers (scenario files): the preloaded one, else required from node_modules. */
export function loadAjv(): typeof AjvInstance {
  return (ajvClass ??= (createRequire(import.meta.url)('ajv') as typeof import('ajv')).Ajv);
}

/** One shared ajv instance; each schema is compiled once, on first use. */
let ajv: AjvInstance | undefined;
const compiled = new Map<IngestSchemaName, ValidateFunction>();

function validatorFor(name: IngestSchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = PRECOMPILED[name] ?? (ajv ??= new (loadAjv())(INGEST_AJV_OPTIONS)).compile(INGEST_SCHEMAS[name]);
    compiled.set(name, validate);
  }
  return validate;
}

/** Validates parsed JSON against a schema; on failure reports SCHEMA_MISMATCH with the JSON path and returns false. */
export function validateJson(schema: IngestSchemaName, data: unknown, sink: ParseSink, what: string, line?: number): boolean {
  const validate = validatorFor(schema);
  if (validate(data)) return true;
  const error = validate.errors?.[0];
  sink.message('SCHEMA_MISMATCH', 'error', `This ${what} does not have the expected shape: ${describeError(error)}.`, line);
  return false;
}

function describeError(error: ErrorObject | undefined): string {
  if (!error) return 'unknown problem';
  const where = error.instancePath === '' ? 'the top level' : `"${error.instancePath}"`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/**
 * Parses JSON text without letting `__proto__` or `constructor` keys reach any object's prototype:
 * such keys are dropped.
 */
export function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (key, value) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value));
}

/** V8 quotes the input around the error ("Unexpected token 'N', ...\"a\": NaN\"... is not valid JSON"); keep only what went wrong. */
export function plainJsonError(message: string): string {
  const token = /^Unexpected token '([^]*?)', /.exec(message);
  if (token) {
    const ch = token[1]!;
    return `unexpected character ${/^[\x21-\x7e]$/.test(ch) ? `'${ch}'` : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`}`;
  }
  return message.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/\s*at position \d+/, '').replace(/ in JSON$/, '');
}
