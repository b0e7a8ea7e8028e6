import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtInScenarioNames, loadBuiltInScenario } from '../../src/simulate/load-scenario.js';
import { roundTrip } from '../helpers/round-trip.js';

const SEEDS = Number(process.env.ROUND_TRIP_SEEDS ?? 50);

/**
 * For every built-in scenario and many seeds: the analyzer, reading only the files, finds what the model
 * put there. Prints the accuracy table (expected cause × cause ranked first).
 */
test(`round trip: every built-in scenario × ${SEEDS} seeds`, async () => {
  const table = new Map<string, Map<string, number>>();
  const failures: string[] = [];
  for (const name of builtInScenarioNames()) {
    const scenario = loadBuiltInScenario(name);
    const expected = scenario.expect.primaryCause;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { simulation, report } = await roundTrip(scenario, seed);
      const got = report.summary.primaryCause;
      const row = table.get(expected) ?? new Map<string, number>();
      row.set(got, (row.get(got) ?? 0) + 1);
      table.set(expected, row);
      const where = `${name} seed ${seed}`;
      const bad = report.inputs.filter((i) => i.status !== 'ok');
      if (bad.length > 0) failures.push(`${where}: ${bad.map((i) => `${i.path} ${i.status} ${i.messages.map((m) => m.text).join(' ')}`).join('; ')}`);
      const broken = report.reconciliation.identities.filter((i) => !i.holds);
      if (broken.length > 0) failures.push(`${where}: identities ${broken.map((i) => `${i.id} ${i.lhs} vs ${i.rhs}`).join(', ')}`);
      if (got !== expected) {
        failures.push(`${where}: primary ${got}, expected ${expected} (${report.summary.headline})`);
        continue;
      }
      for (const [cause, truth] of Object.entries(simulation.truth.bytesByCause)) {
        const finding = report.findings.find((f) => f.cause === cause);
        if (!finding || truth! < 64 * 1024 * 1024) continue;
        if (Math.abs(finding.bytes - truth!) > truth! * 0.05) failures.push(`${where}: ${cause} ${finding.bytes} bytes, truth ${truth}`);
      }
      const primary = report.findings.find((f) => f.cause === expected);
      if (expected !== 'none' && !primary) failures.push(`${where}: no ${expected} finding`);
    }
  }
  const causes = [...new Set([...table.values()].flatMap((row) => [...row.keys()]))].sort();
  const lines = [['expected \\ got', ...causes].join(' | '), ...[...table.entries()].sort().map(([expected, row]) => [expected, ...causes.map((c) => String(row.get(c) ?? 0))].join(' | '))];
  console.log(`accuracy (rows: expected primary cause; columns: cause ranked first)\n${lines.join('\n')}`);
  assert.deepEqual(failures.slice(0, 20), []);
});
