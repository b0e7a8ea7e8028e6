import { CAUSES } from '../attribute/types.js';
import { RAMMAP_USES } from '../model/rammap.js';
import { SCHEMA_VERSION } from './types.js';

const bytes = { type: 'integer', minimum: 0 } as const;
const nullableBytes = { type: ['integer', 'null'], minimum: 0 } as const;
const source = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string' }, line: { type: 'integer', minimum: 1 }, field: { type: 'string' } },
} as const;
const sourcedValue = {
  type: 'object',
  required: ['value', 'source'],
  properties: { value: { type: ['string', 'number', 'boolean'] }, source },
} as const;

/** JSON Schema of `guestram analyze --format json` (printed by `guestram schema report`). */
export const REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://guestram.dev/schema/report.json',
  title: 'guestram report',
  type: 'object',
  required: ['schemaVersion', 'tool', 'summary', 'inputs', 'reconciliation', 'findings', 'conflicts', 'categories', 'processes'],
  properties: {
    schemaVersion: { const: SCHEMA_VERSION },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'guestram' }, version: { type: 'string' } } },
    summary: {
      type: 'object',
      required: ['primaryCause', 'headline', 'physicalBytes', 'inUseBytes', 'processPrivateBytes', 'gapBytes', 'unexplainedBytes'],
      properties: {
        primaryCause: { enum: [...CAUSES, 'none'] },
        headline: { type: 'string', minLength: 1 },
        hypervisor: { enum: ['hyperv', 'kvm', 'vmware', 'virtualbox', 'unknown'] },
        physicalBytes: nullableBytes,
        installedBytes: nullableBytes,
        inUseBytes: nullableBytes,
        processPrivateBytes: nullableBytes,
        gapBytes: nullableBytes,
        unexplainedBytes: bytes,
      },
    },
    inputs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'format', 'status', 'messages'],
        properties: {
          path: { type: 'string' },
          format: { type: 'string' },
          formatTitle: { type: 'string' },
          encoding: { type: 'string' },
          sizeBytes: bytes,
          status: { enum: ['ok', 'partial', 'unrecognized', 'error'] },
          messages: {
            type: 'array',
            items: {
              type: 'object',
              required: ['code', 'severity', 'file', 'text'],
              properties: {
                code: { type: 'string', pattern: '^[A-Z_]+$' },
                severity: { enum: ['error', 'warning', 'info'] },
                file: { type: 'string' },
                line: { type: 'integer', minimum: 1 },
                text: { type: 'string', minLength: 1 },
              },
            },
          },
        },
      },
    },
    reconciliation: {
      type: 'object',
      required: ['basis', 'identities', 'gapBuckets', 'claimedBytes', 'ordinaryBytes', 'unexplainedBytes', 'waterfall'],
      properties: {
        basis: { enum: ['rammap', 'counters', 'processes-only'] },
        installedBytes: bytes,
        visibleBytes: bytes,
        hardwareReservedBytes: bytes,
        inUseBytes: bytes,
        availableBytes: bytes,
        standbyBytes: bytes,
        freeBytes: bytes,
        modifiedBytes: bytes,
        processPrivateBytes: bytes,
        processPmSumBytes: bytes,
        processWsSumBytes: bytes,
        gapBytes: { type: 'integer' },
        gapBuckets: { type: 'object', additionalProperties: bytes },
        claimedBytes: bytes,
        ordinaryBytes: bytes,
        unexplainedBytes: bytes,
        identities: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'title', 'lhsLabel', 'lhs', 'rhsLabel', 'rhs', 'toleranceBytes', 'holds'],
            properties: {
              id: { type: 'string' },
              title: { type: 'string' },
              lhsLabel: { type: 'string' },
              lhs: { type: 'integer' },
              rhsLabel: { type: 'string' },
              rhs: { type: 'integer' },
              toleranceBytes: bytes,
              holds: { type: 'boolean' },
              note: { type: 'string' },
            },
          },
        },
        waterfall: {
          type: 'array',
          items: {
            type: 'object',
            required: ['label', 'bytes', 'kind'],
            properties: { label: { type: 'string' }, bytes, kind: { enum: ['total', 'subtract', 'cause', 'rest'] }, cause: { enum: CAUSES } },
          },
        },
      },
    },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['cause', 'bytes', 'confidence', 'severity', 'title', 'evidence', 'checklist', 'docs'],
        properties: {
          cause: { enum: CAUSES },
          bytes,
          confidence: { type: 'number', minimum: 0, maximum: 1 },
          severity: { enum: ['info', 'warn', 'critical'] },
          title: { type: 'string', minLength: 1 },
          evidence: {
            type: 'array',
            items: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, source } },
          },
          checklist: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['text'],
              properties: { text: { type: 'string' }, command: { type: 'string' }, where: { enum: ['guest', 'host'] } },
            },
          },
          claims: { type: 'object', additionalProperties: bytes },
          docs: { type: 'string' },
          whatIf: {
            type: 'object',
            required: ['change', 'availableBeforeBytes', 'availableAfterBytes'],
            properties: { change: { type: 'string' }, availableBeforeBytes: bytes, availableAfterBytes: bytes },
          },
        },
      },
    },
    conflicts: {
      type: 'array',
      items: { type: 'object', required: ['subject', 'used', 'ignored'], properties: { subject: { type: 'string' }, used: sourcedValue, ignored: { type: 'array', items: sourcedValue } } },
    },
    categories: {
      type: 'array',
      items: {
        type: 'object',
        required: ['use', 'label', 'totalBytes', 'inUseBytes'],
        properties: { use: { enum: RAMMAP_USES.map(([u]) => u) }, label: { type: 'string' }, totalBytes: bytes, inUseBytes: bytes },
      },
    },
    processes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, pid: { type: 'integer', minimum: 0 }, pmBytes: bytes, wsBytes: bytes, rammapPrivateBytes: bytes },
      },
    },
  },
} as const;
