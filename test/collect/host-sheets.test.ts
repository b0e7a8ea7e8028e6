import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { hostSheet, HOSTS } from '../../src/collect/sources.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { detectedFormat, parseSample, recognisedFixtures, SAMPLES } from './helpers.js';

/** File names the commands write: `> name`, `-o name`, `Out-File ... name`, `cp ... /tmp/name`. */
function writtenNames(text: string): string[] {
  const names = [
    ...text.matchAll(/>\s*([\w.-]+\.\w+)/g),
    ...text.matchAll(/\s-o\s+([\w.-]+\.\w+)/g),
    ...text.matchAll(/Out-File\b[^\n|]*?\s([\w.-]+\.\w+)\s*$/gm),
    ...text.matchAll(/\s\/tmp\/([\w.-]+\.\w+)/g),
  ].map((m) => m[1]!);
  return [...new Set(names)];
}

for (const host of HOSTS) {
  test(`host sheet ${host}: outputs in known formats, each written by a command and recognised`, async () => {
    const sheet = await hostSheet(host);
    assert.ok(sheet.outputs.length > 0, 'no guestram-output lines');
    assert.doesNotMatch(sheet.text, /guestram-output/);
    const formats = new Set(PARSERS.map((p) => p.format));
    assert.deepEqual(sheet.outputs.filter((o) => !formats.has(o.format as never)).map((o) => o.format), []);
    const listed = new Set(sheet.outputs.map((o) => o.file));
    assert.deepEqual(writtenNames(sheet.text).filter((name) => !listed.has(name)), [], 'written but not listed');
    assert.deepEqual([...listed].filter((name) => !writtenNames(sheet.text).includes(name)), [], 'listed but no command writes it');
    for (const output of sheet.outputs) {
      assert.ok(recognisedFixtures(output.format).length > 0, `no recognised fixture for ${output.format}`);
      const path = join(SAMPLES, host, output.file);
      assert.ok(existsSync(path), `no sample test/collect/samples/${host}/${output.file}`);
      const bytes = readFileSync(path);
      assert.equal(detectedFormat(bytes), output.format, `${output.file} is not detected as ${output.format}`);
      const parsed = await parseSample(output.format, bytes, output.file);
      assert.ok(parsed.facts.length > 0, `${output.file}: no facts`);
      assert.deepEqual(parsed.messages.filter((m) => m.severity !== 'info'), [], `${output.file}: ${JSON.stringify(parsed.messages)}`);
    }
  });
}

test('the host sheets cover every host-side format guestram reads', async () => {
  const hostFormats = ['hyperv-vm-json', 'proxmox-qm-config', 'qemu-info-balloon', 'virsh-dommemstat', 'vbox-showvminfo', 'vbox-metrics', 'vmware-vmx', 'vmware-toolbox-balloon'];
  const covered = new Set((await Promise.all(HOSTS.map(hostSheet))).flatMap((s) => s.outputs.map((o) => o.format)));
  assert.deepEqual(hostFormats.filter((f) => !covered.has(f)), []);
});
