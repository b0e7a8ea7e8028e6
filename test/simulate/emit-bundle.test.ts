import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { analyzeParsed } from '../../src/analyze.js';
import type { ParsedFile } from '../../src/ingest/ingest-file.js';
import { emitBundle, type BundleOptions } from '../../src/simulate/emit/bundle.js';
import { readBack, sampleState, VARIANTS } from '../helpers/sample-state.js';

const HOST_FILES = {
  kvm: ['qm-config.txt', 'info-balloon.txt'],
  hyperv: ['get-vmmemory.json', 'get-vm.json', 'host-counters.csv'],
  vmware: ['vm.vmx', 'balloon.txt'],
  virtualbox: ['showvminfo.txt', 'metrics.txt'],
} as const;

const FORMS: Required<BundleOptions>[] = [
  { processes: 'csv+measure', systeminfo: 'csv' },
  { processes: 'csv+sum', systeminfo: 'list' },
  { processes: 'table+measure', systeminfo: 'csv' },
];

test('every file of every hypervisor\'s bundle is recognised and reads with status ok, and the files agree', async () => {
  // Two bundles per hypervisor, one per PowerShell, in a different culture each; every form of each file is
  // checked in every culture by the per-format tests.
  for (const [h, hypervisor] of (['kvm', 'hyperv', 'vmware', 'virtualbox'] as const).entries()) {
    for (const i of [2 * h, 2 * h + 3]) {
      const variant = VARIANTS[i % VARIANTS.length]!;
      const state = sampleState({ hypervisor, ...variant });
      const files = emitBundle(state, FORMS[(h + i) % FORMS.length]);
      const label = `${hypervisor} ${variant.locale} ${variant.powershell}`;
      const names = files.map((f) => f.name);
      assert.equal(new Set(names).size, names.length, `${label}: duplicate names`);
      for (const host of HOST_FILES[hypervisor]) assert.ok(names.includes(host), `${label}: ${host} missing`);
      const parsed: ParsedFile[] = [];
      for (const file of files) {
        const result = await readBack(file.content, file.name);
        assert.equal(result.status, 'ok', `${label} ${file.name} (${result.format}): ${JSON.stringify(result.messages)}`);
        parsed.push(result);
      }
      const report = analyzeParsed(parsed);
      assert.deepEqual(report.conflicts, [], `${label}: files disagree`);
    }
  }
});

test('the seed picks the Get-Process and systeminfo forms; every form appears across seeds', () => {
  const seen = new Set<string>();
  for (let seed = 0; seed < 6; seed++) {
    const names = emitBundle({ ...sampleState(), seed }).map((f) => f.name);
    seen.add(names.filter((n) => /^(processes|pm-|systeminfo)/.test(n)).sort().join(' '));
  }
  const all = [...seen].join(' ');
  for (const name of ['processes.csv', 'processes.txt', 'pm-measure.txt', 'pm-sum.txt', 'systeminfo.csv', 'systeminfo.txt']) assert.ok(all.includes(name), name);
});

test('the same state gives a byte-identical bundle, whatever the clock says', () => {
  const emitAt = (now: number) => {
    mock.timers.enable({ apis: ['Date'], now });
    try {
      return emitBundle(sampleState({ hypervisor: 'hyperv', locale: 'fr-FR', powershell: '7' }));
    } finally {
      mock.timers.reset();
    }
  };
  const first = emitAt(0);
  const second = emitAt(1_900_000_000_000);
  assert.deepEqual(first.map((f) => f.name), second.map((f) => f.name));
  first.forEach((file, i) => assert.ok(file.content.equals(second[i]!.content), file.name));
});
