import type { RuleContext } from '../context.js';
import type { RuleFinding } from '../types.js';
import { aweRule } from './awe.js';
import { balloonRule } from './balloon.js';
import { dynamicMemoryRule } from './dynamic-memory.js';
import { hardwareReservedRule } from './hardware-reserved.js';
import { largePagesRule } from './large-pages.js';
import { memoryCompressionRule } from './memory-compression.js';
import { missingDriverRule } from './missing-driver.js';
import { nonpagedPoolRule } from './nonpaged-pool.js';
import { pagedPoolRule } from './paged-pool.js';
import { pageTablesRule } from './page-tables.js';
import { standbyCacheRule } from './standby-cache.js';
import { unexplainedRule } from './unexplained.js';

export type Rule = (ctx: RuleContext) => RuleFinding | undefined;

/**
 * Order matters: a rule claims bytes from what earlier rules left. Measured causes (a balloon the host
 * reports, Dynamic Memory) go before inferred ones (a missing driver), and `unexplained` takes the rest.
 */
export const RULES: readonly Rule[] = [
  balloonRule,
  dynamicMemoryRule,
  missingDriverRule,
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
