import type { RuleContext } from '../context.js';
import type { RuleFinding } from '../types.js';
import { aweRule } from './awe.js';
import { hardwareReservedRule } from './hardware-reserved.js';
import { largePagesRule } from './large-pages.js';
import { lockedMemoryRule } from './locked-memory/index.js';
import { memoryCompressionRule } from './memory-compression.js';
import { nonpagedPoolRule } from './nonpaged-pool.js';
import { pagedPoolRule } from './paged-pool.js';
import { pageTablesRule } from './page-tables.js';
import { standbyCacheRule } from './standby-cache.js';
import { unexplainedRule } from './unexplained.js';

export type Rule = (ctx: RuleContext) => RuleFinding | RuleFinding[] | undefined;

/**
 * Order matters: a rule claims bytes from what earlier rules left. Locked memory first (measured causes — a balloon
 * the host reports, Dynamic Memory — before inferred ones), then the rows that measure their own cause, and
 * `unexplained` takes the rest.
 */
export const RULES: readonly Rule[] = [
  lockedMemoryRule,
  aweRule,
  largePagesRule,
  nonpagedPoolRule,
  pagedPoolRule,
  pageTablesRule,
  hardwareReservedRule,
  standbyCacheRule,
  memoryCompressionRule,
  unexplainedRule,
];
