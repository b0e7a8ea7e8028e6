import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ingestOpened } from '../../src/ingest/ingest-file.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { openInputFile } from '../../src/ingest/read.js';
import { MiB } from '../../src/model/bytes.js';
import { buildSnapshot } from '../../src/model/build-snapshot.js';
import type { CounterFact, SystemField } from '../../src/model/facts.js';
import { identifyDevice } from '../../src/model/hardware-ids.js';
import { FIXTURES } from '../helpers/parse.js';

/**
 * Every file under fixtures/real/<format>/ is a real export published in a public repository (see
 * fixtures/real/SOURCES.md). Each is detected as the format of its folder, by content alone, and the values a
 * person read from it (<file>.values.json) are what guestram reads. Keys this test does not know are left to
 * the tests of whoever added them.
 */
const REAL = join(FIXTURES, 'real');

interface Values {
  format: string;
  language?: string;
  encoding?: string;
  hypervisor?: string | null;
  systeminfo?: Record<string, number | string | boolean>;
  processes?: { count: number; first: { Name: string; PM: number; WS: number; NPM: number; Id: number } };
  counters?: { count: number; check: { path: string; samples: number; last: number }[] };
  devices?: { count: number; check: { name: string; instanceId: string; role: string }[]; basicDisplayAdapter: boolean };
}

/** A person reads systeminfo's labels in MB; guestram keeps bytes. */
const SYSTEMINFO: Record<string, [SystemField, number]> = {
  'Total Physical Memory (MB)': ['visibleBytes', MiB],
  'Available Physical Memory (MB)': ['availableBytes', MiB],
  'Virtual Memory: Max Size (MB)': ['commitLimitBytes', MiB],
  'Virtual Memory: In Use (MB)': ['committedBytes', MiB],
  'System Manufacturer': ['manufacturer', 1],
  'Hyper-V Requirements says a hypervisor runs': ['hypervisorPresent', 1],
};

const formats = existsSync(REAL) ? readdirSync(REAL, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
const files = formats.flatMap((format) =>
  readdirSync(join(REAL, format))
    .filter((name) => !name.endsWith('.values.json') && !/^(README|SOURCES)\.md$/i.test(name))
    .sort()
    .map((name) => ({ format, name, path: join(REAL, format, name) })),
);

test('fixtures/real holds real exports of several formats and languages, each listed in SOURCES.md', () => {
  const sources = readFileSync(join(REAL, 'SOURCES.md'), 'utf8');
  for (const { format, name } of files) assert.ok(sources.includes(`${format}/${name}`), `${format}/${name} is not in SOURCES.md`);
  const guest = files.filter((f) => GUEST_FORMATS.includes(f.format));
  assert.ok(guest.length >= 18, `${guest.length} guest-side files`);
  assert.ok(new Set(guest.map((f) => f.format)).size >= 5);
  const languages = new Set(guest.map((f) => valuesOf(f.path)?.language?.split(' ')[0]).filter(Boolean));
  assert.ok(languages.size >= 7, [...languages].join(', '));
});

const GUEST_FORMATS = ['systeminfo-list', 'systeminfo-csv', 'cim-json', 'getprocess-csv', 'getprocess-table', 'getprocess-measure', 'pdh-csv', 'pnpdevice-csv', 'driverquery-csv'];

function valuesOf(path: string): Values | undefined {
  return existsSync(`${path}.values.json`) ? (JSON.parse(readFileSync(`${path}.values.json`, 'utf8')) as Values) : undefined;
}

for (const { format, name, path } of files) {
  describe(`real ${format}/${name}`, () => {
    test('is detected as its format by content, read without errors, and has the values a person read beside it', async () => {
      const opened = await openInputFile(path);
      const parsed = await ingestOpened(opened, PARSERS);
      assert.equal(parsed.format, format);
      assert.notEqual(parsed.status, 'error', JSON.stringify(parsed.messages));
      assert.ok(!parsed.messages.some((m) => m.severity === 'error'), JSON.stringify(parsed.messages));
      const values = valuesOf(path);
      assert.ok(values, `${name}.values.json is missing`);
      assert.equal(values.format, format);
      if (values.encoding && opened.ok) assert.equal(opened.input.encoding, values.encoding);
      const snapshot = buildSnapshot([{ file: path, facts: parsed.facts }]);
      if (values.hypervisor !== undefined) assert.equal(snapshot.hypervisor?.value ?? null, values.hypervisor);
      for (const [label, expected] of Object.entries(values.systeminfo ?? {})) {
        const [field, factor] = SYSTEMINFO[label] ?? assert.fail(`unknown systeminfo key ${label}`);
        assert.equal(snapshot.system[field]?.value, typeof expected === 'number' ? expected * factor : expected, label);
      }
      if (values.processes) {
        assert.equal(snapshot.processes.length, values.processes.count);
        const first = snapshot.processes[0]!;
        const { Name, PM, WS, NPM, Id } = values.processes.first;
        assert.deepEqual([first.name, first.pmBytes, first.wsBytes, first.npmBytes, first.pid], [Name, PM, WS, NPM, Id]);
      }
      if (values.counters) {
        assert.equal(snapshot.counters.length, values.counters.count);
        for (const { path: counterPath, samples, last } of values.counters.check) {
          const counter = snapshot.counters.find((c: CounterFact) => c.source.field === counterPath);
          assert.deepEqual([counter?.samples, counter?.last], [samples, last], counterPath);
        }
      }
      if (values.devices) {
        assert.equal(snapshot.devices.length, values.devices.count);
        for (const { name: deviceName, instanceId, role } of values.devices.check) {
          const device = snapshot.devices.find((d) => d.instanceId === instanceId);
          assert.equal(device?.name, deviceName);
          assert.equal(identifyDevice(device!)?.role, role, instanceId);
        }
        assert.equal(snapshot.devices.some((d) => identifyDevice(d)?.role === 'basic-display'), values.devices.basicDisplayAdapter);
      }
    });
  });
}
