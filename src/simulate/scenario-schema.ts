import { CAUSES } from '../attribute/types.js';

const mib = { type: 'number', minimum: 0, maximum: 16 * 1024 * 1024 } as const;
const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: false, required, properties });

/** JSON Schema of a scenario file (`guestram schema scenario`). Sizes are MiB. */
export const SCENARIO_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://guestram.dev/schema/scenario.json',
  title: 'guestram scenario',
  ...object(
    {
      $schema: { type: 'string' },
      name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
      description: { type: 'string', minLength: 1 },
      expect: object({ primaryCause: { enum: [...CAUSES, 'none'] } }, ['primaryCause']),
      hypervisor: { enum: ['hyperv', 'kvm', 'vmware', 'virtualbox'] },
      memoryMiB: { type: 'number', minimum: 256, maximum: 16 * 1024 * 1024 },
      windows: object({ edition: { enum: ['server2016', 'server2019', 'server2022', 'win10', 'win11'] }, bits: { enum: [32, 64] } }),
      locale: { enum: ['en-US', 'de-DE', 'fr-FR', 'ru-RU', 'es-ES'] },
      powershell: { enum: ['5.1', '7'] },
      display: { enum: ['basic', 'virtio-gpu', 'qxl', 'hyperv-video', 'vmware-svga', 'vbox-svga'] },
      basicDisplayLockedMiB: mib,
      balloon: object({ device: { type: 'boolean' }, enabled: { type: 'boolean' }, targetMiB: mib, sizeMiB: mib }),
      dynamicMemory: object(
        {
          enabled: { type: 'boolean' },
          startupMiB: mib,
          minimumMiB: mib,
          maximumMiB: mib,
          bufferPercent: { type: 'number', minimum: 5, maximum: 2000 },
          priority: { type: 'number', minimum: 0, maximum: 100 },
          assignedMiB: mib,
          visibleMiB: mib,
          demandMiB: { type: 'array', items: mib, minItems: 1, maxItems: 100000 },
        },
        ['enabled'],
      ),
      host: object(
        {
          totalMiB: mib,
          reserveMiB: mib,
          otherVms: {
            type: 'array',
            maxItems: 64,
            items: object(
              { name: { type: 'string' }, startupMiB: mib, minimumMiB: mib, maximumMiB: mib, bufferPercent: { type: 'number', minimum: 5, maximum: 2000 }, priority: { type: 'number', minimum: 0, maximum: 100 }, demandMiB: { type: 'array', items: mib, minItems: 1 } },
              ['name', 'startupMiB', 'minimumMiB', 'maximumMiB', 'demandMiB'],
            ),
          },
        },
        ['totalMiB'],
      ),
      processes: object({ profile: { enum: ['server', 'desktop', 'sql', 'build'] }, privateMiB: mib, count: { type: 'integer', minimum: 5, maximum: 100000 }, compressionMiB: mib }),
      awe: object({ MiB: mib }, ['MiB']),
      largePagesMiB: mib,
      fileCacheMiB: mib,
      hardwareReservedMiB: mib,
      kernel: object({ pagedPoolMiB: mib, nonpagedPoolMiB: mib, pageTableMiB: mib, unusedActiveMiB: mib }),
      poolLeak: object({ tag: { type: 'string', pattern: '^[\\x20-\\x7e]{1,4}$' }, pool: { enum: ['paged', 'nonpaged'] }, MiB: mib }, ['tag', 'pool', 'MiB']),
      unknownDriverLockedMiB: mib,
      devicesWithoutDriver: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 50 },
      samples: { type: 'integer', minimum: 1, maximum: 1000000 },
      intervalSeconds: { type: 'number', minimum: 1, maximum: 86400 },
    },
    ['name', 'description', 'expect', 'hypervisor', 'memoryMiB'],
  ),
} as const;
