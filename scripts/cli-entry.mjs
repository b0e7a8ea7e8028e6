#!/usr/bin/env node
// guestram's command (copied to dist/cli/main.js by scripts/build.mjs). It runs the bundled CLI through V8's code
// cache, made at build time by one analysis: Node 20 has no compile cache of its own, and compiling the bundle
// cost more than most analyses. A cache from another Node version is rejected by V8 and the code compiles as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = new URL('./guestram.cjs', import.meta.url);
const cacheFile = new URL('./guestram.cjs.cache', import.meta.url);
const filename = fileURLToPath(bundle);
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), {
  filename,
  cachedData,
});
if (process.env.GUESTRAM_WRITE_CODE_CACHE === '1') {
  process.on('exit', () => {
    try {
      writeFileSync(cacheFile, script.createCachedData());
    } catch (error) {
      process.stderr.write(`guestram: the code cache could not be written (${error.code ?? error}); start-up stays slower.\n`);
    }
  });
}
// The bundle cannot import() (see scripts/build.mjs): the interactive report is imported from here.
globalThis[Symbol.for('guestram.importTui')] = () => import('./tui.js');
if (process.env.GUESTRAM_DEBUG_CODE_CACHE === '1') {
  process.stderr.write(`code cache: ${cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, filename, dirname(filename));
