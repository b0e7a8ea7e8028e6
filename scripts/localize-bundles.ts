/**
 * Writes the localized twins of the fixture bundles: fixtures/bundles/localized/<case>.<locale>/, each file
 * rewritten by src/simulate/localize-bundle.ts as a Windows in that display language would have written it.
 * Files no language changes (RAMMap snapshots, hypervisor configs, CIM numbers) are not copied: a twin is its
 * folder plus the English bundle's files it does not have.
 * Run: npx tsx scripts/localize-bundles.ts. test/cli/localized-twins.test.ts checks that every twin gives the
 * findings of its English bundle.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localizeBundleFile } from '../src/simulate/localize-bundle.js';

const BUNDLES = join(import.meta.dirname, '..', 'fixtures', 'bundles');
const OUT = join(BUNDLES, 'localized');
const LOCALES = ['ru-RU', 'de-DE'] as const;
/** Nothing to translate in a folder of pictures, and the Russian seed case is already Russian. */
const SKIP = new Set(['unrecognized-only', 'ru-seed-basic-display']);

rmSync(OUT, { recursive: true, force: true });
for (const name of readdirSync(BUNDLES).filter((n) => existsSync(join(BUNDLES, `${n}.expected.json`)) && !SKIP.has(n))) {
  for (const locale of LOCALES) {
    const target = join(OUT, `${name}.${locale}`);
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(join(BUNDLES, name))) {
      const original = readFileSync(join(BUNDLES, name, file));
      const localized = localizeBundleFile(original, locale);
      if (!Buffer.from(localized).equals(original)) writeFileSync(join(target, file), localized);
    }
    console.log(`wrote ${target}`);
  }
}
