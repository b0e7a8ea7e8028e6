#!/usr/bin/env node
// Bundles the CLI into dist/cli/ (one file per lazily loaded part). 200 separate modules took longer to
// resolve and load than a typical analysis takes; one bundle starts in about half the time.
// Ink and React stay in node_modules: they load only for the interactive report, and Ink does not bundle.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['ink', 'react'],
  alias: { 'string-width': './src/cli/text-width.ts' },
  // Some bundled dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __guestramRequire } from 'node:module'; const require = __guestramRequire(import.meta.url);" },
  logLevel: 'warning',
});
