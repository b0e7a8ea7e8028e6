import { readdirSync, readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { TRUSTED_SCHEMA_OPTIONS } from '../ingest/schemas.js';
import { loadAjv, parseJsonSafely } from '../ingest/validate.js';
import type { Scenario } from './scenario.js';
import { SCENARIO_SCHEMA } from './scenario-schema.js';
import { packageFileUrl } from '../package-file.js';

const SCENARIO_DIR = packageFileUrl('assets/scenarios/');
// Compiled on first use: every CLI start imports this module (for ScenarioError), few load a scenario.
let compiled: ValidateFunction | undefined;
const scenarioValidator = () => (compiled ??= new (loadAjv())({ allErrors: true, ...TRUSTED_SCHEMA_OPTIONS }).compile(SCENARIO_SCHEMA));

/** A scenario file or --set value that is not valid: the message names the path and what was expected. */
export class ScenarioError extends Error {}

export function builtInScenarioNames(): string[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

export function loadBuiltInScenario(name: string, overrides: string[] = []): Scenario {
  if (!builtInScenarioNames().includes(name)) {
    throw new ScenarioError(`There is no built-in scenario "${name}"; 'guestram scenarios' lists them.`);
  }
  return loadScenarioText(readFileSync(new URL(`${name}.json`, SCENARIO_DIR), 'utf8'), `${name}.json`, overrides);
}

export function loadScenarioFile(path: string, overrides: string[] = []): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(`The scenario file ${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return loadScenarioText(text, path, overrides);
}

export function loadScenarioText(text: string, file: string, overrides: string[] = []): Scenario {
  let data: unknown;
  try {
    data = parseJsonSafely(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ScenarioError(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
  for (const override of overrides) applyOverride(data, override);
  const validate = scenarioValidator();
  if (!validate(data)) throw new ScenarioError(`${file}: ${(validate.errors ?? []).map(describe).join('; ')}.`);
  return data as unknown as Scenario;
}

function describe(error: ErrorObject): string {
  const path = error.instancePath === '' ? 'the scenario' : error.instancePath.slice(1).replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') return `${path} has an unknown setting "${String(error.params.additionalProperty)}"`;
  if (error.keyword === 'enum') return `${path} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'required') return `${path} needs "${String(error.params.missingProperty)}"`;
  return `${path} ${error.message ?? 'is invalid'}`;
}

/** `--set balloon.sizeMiB=1024`: a dotted path and a JSON value (bare words are strings). */
function applyOverride(data: unknown, override: string): void {
  const match = /^([A-Za-z][\w.]*)=(.*)$/.exec(override);
  if (!match) throw new ScenarioError(`--set "${override}" must look like key=value, e.g. --set balloon.sizeMiB=1024.`);
  const keys = match[1]!.split('.');
  if (keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype')) throw new ScenarioError(`--set "${override}": that key is not allowed.`);
  let value: unknown;
  try {
    value = JSON.parse(match[2]!);
  } catch {
    value = match[2];
  }
  let target = data as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys.at(-1)!] = value;
}
