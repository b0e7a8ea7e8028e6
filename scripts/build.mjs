#!/usr/bin/env node
// Builds dist/cli/: the CLI bundled into one CommonJS file (guestram.cjs) with a V8 code cache made by running it
// once, the entry that loads them (main.js), and the interactive report as an ES module (tui.js) that loads Ink
// and React from node_modules only when it is shown. 200 separate modules took longer to load than a typical
// analysis takes; see docs/architecture.md "Start-up".
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';

/** Symbol.for() key of the function by which dist/cli/main.js imports tui.js for the CommonJS bundle. */
const TUI_IMPORT = 'guestram.importTui';
/** Source files replaced in the bundle (see replaceModule), and whether each was met. */
const replaced = new Map();
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['ink', 'react'],
  // cliui's string-width compiled Unicode emoji expressions at every start (~70 ms); help text needs less.
  alias: { 'string-width': './src/cli/text-width.ts' },
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/cli', { recursive: true });
const precompiledValidators = await standaloneValidators();
await build({ ...common, entryPoints: ['src/report/ink/render.tsx'], outfile: 'dist/cli/tui.js', format: 'esm' });
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/guestram.cjs',
  format: 'cjs',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [
    replaceModule('src/ingest/precompiled-validators.ts', precompiledValidators),
    // import() does not work in code run from a V8 code cache, so the ES module entry imports tui.js for it.
    replaceModule('src/cli/load-tui.ts', `export const loadInteractiveReport = async () => (await globalThis[Symbol.for('${TUI_IMPORT}')]()).runInteractiveReport;`),
  ],
});
for (const file of replaced.keys()) if (!replaced.get(file)) throw new Error(`${file} was not in the bundle to be replaced: update scripts/build.mjs`);
copyFileSync('scripts/cli-entry.mjs', 'dist/cli/main.js');
chmodSync('dist/cli/main.js', 0o755);

// One analysis compiles what a run needs; the cache keeps that code for every later start.
const run = spawnSync(process.execPath, ['dist/cli/main.js', 'analyze', 'fixtures/bundles/proxmox-basic-display', '--format', 'json'], {
  env: { ...process.env, GUESTRAM_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0) throw new Error(`the built CLI failed on fixtures/bundles/proxmox-basic-display (exit ${run.status})`);

/** An esbuild plugin that bundles `contents` in place of the source file `path` (relative to the package). */
function replaceModule(path, contents) {
  replaced.set(path, false);
  const filter = new RegExp(`${path.split('/').map((part) => part.replace(/[.]/g, '\\.')).join('[\\\\/]')}$`);
  return {
    name: `replace ${path}`,
    setup(on) {
      on.onLoad({ filter }, () => {
        replaced.set(path, true);
        return { contents, loader: 'js', resolveDir: process.cwd() };
      });
    },
  };
}

/** The ingest JSON Schemas compiled by ajv into an ES module that exports PRECOMPILED, by schema name. */
async function standaloneValidators() {
  const entry = 'dist/schemas.mjs';
  await build({ ...common, entryPoints: ['src/ingest/schemas.ts'], outfile: entry, format: 'esm' });
  const { INGEST_SCHEMAS, INGEST_AJV_OPTIONS } = await import(new URL(`../${entry}`, import.meta.url).href);
  rmSync(entry);
  const ajv = new Ajv({ ...INGEST_AJV_OPTIONS, code: { source: true, esm: true } });
  const names = Object.keys(INGEST_SCHEMAS);
  for (const name of names) ajv.addSchema(INGEST_SCHEMAS[name], name);
  const code = standaloneCode(ajv, Object.fromEntries(names.map((name) => [name, name])));
  return `${code}\nexport const PRECOMPILED = { ${names.join(', ')} };\n`;
}
