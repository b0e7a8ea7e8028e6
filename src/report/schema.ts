import { EVIDENCE_REQUESTS } from '../attribute/next-evidence.js';
import { CAUSES } from '../attribute/types.js';
import { VERDICTS } from '../attribute/verdict.js';
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

const nextEvidence = {
  type: 'object',
  required: ['request', 'text', 'command', 'where'],
  properties: { request: { enum: EVIDENCE_REQUESTS }, text: { type: 'string', minLength: 1 }, command: { type: 'string', minLength: 1 }, where: { enum: ['guest', 'host'] } },
} as const;
const hypervisor = { enum: ['hyperv', 'kvm', 'vmware', 'virtualbox'] } as const;

/** JSON Schema of `guestram analyze --format json` (printed by `guestram schema report`). */
export const REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://guestram.dev/schema/report.json',
  title: 'guestram report',
  type: 'object',
  required: ['schemaVersion', 'tool', 'summary', 'inputs', 'reconciliation', 'findings', 'conflicts', 'machines', 'categories', 'processes'],
  properties: {
    schemaVersion: { const: SCHEMA_VERSION },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'guestram' }, version: { type: 'string' } } },
    summary: {
      type: 'object',
      required: ['verdict', 'verdictReason', 'primaryCause', 'headline', 'physicalBytes', 'inUseBytes', 'processPrivateBytes', 'gapBytes', 'unexplainedBytes'],
      properties: {
        verdict: { enum: VERDICTS },
        verdictReason: { type: 'string', minLength: 1 },
        nextEvidence,
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
        required: ['path', 'format', 'status', 'messages', 'facts'],
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
          facts: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'value'],
              properties: { name: { type: 'string', minLength: 1 }, value: { type: ['string', 'number', 'boolean'] }, unit: { type: 'string' }, line: { type: 'integer', minimum: 1 } },
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
        bucketSources: { type: 'object', additionalProperties: source },
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
        required: ['cause', 'bytes', 'confidence', 'likely', 'severity', 'title', 'evidence', 'checklist', 'docs'],
        properties: {
          cause: { enum: CAUSES },
          bytes,
          confidence: { type: 'number', minimum: 0, maximum: 1 },
          likely: { type: 'boolean' },
          severity: { enum: ['info', 'warn', 'critical'] },
          title: { type: 'string', minLength: 1 },
          evidence: {
            type: 'array',
            items: {
              type: 'object',
              required: ['text'],
              properties: { text: { type: 'string' }, source, direction: { enum: ['supports', 'contradicts'] }, weight: { enum: ['weak', 'moderate', 'strong', 'decisive'] }, direct: { type: 'boolean' } },
            },
          },
          alternatives: {
            type: 'array',
            items: { type: 'object', required: ['cause', 'confidence', 'why'], properties: { cause: { enum: CAUSES }, confidence: { type: 'number', minimum: 0, maximum: 1 }, why: { type: 'string' } } },
          },
          nextEvidence,
          checklist: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['text'],
              properties: { text: { type: 'string' }, command: { type: 'string' }, where: { enum: ['guest', 'host'] }, collects: { enum: EVIDENCE_REQUESTS }, fix: { const: true } },
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
    machines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'label', 'files'],
        properties: {
          key: { type: 'string' },
          label: { type: 'string' },
          hostName: { type: 'string' },
          hypervisor,
          files: { type: 'array', items: { type: 'string' } },
          verdict: { enum: VERDICTS },
          headline: { type: 'string' },
        },
      },
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
