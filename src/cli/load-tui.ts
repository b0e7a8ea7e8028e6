import type { runInteractiveReport } from '../report/ink/render.js';

/**
 * The interactive report, imported only when it is shown: Ink and React take longer to load than a whole text
 * analysis. The built CLI replaces this module with one that imports dist/cli/tui.js (scripts/build.mjs).
 */
export async function loadInteractiveReport(): Promise<typeof runInteractiveReport> {
  return (await import('../report/ink/render.js')).runInteractiveReport;
}
