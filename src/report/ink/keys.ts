import type { Key } from 'ink';
import type { Action, UiState } from './state.js';
import { TABS, type TabId } from './tabs.js';

/** One entry of the key registry: the footer and the `?` overlay are both drawn from it, so they never drift. */
export interface Binding {
  keys: string;
  /** The short form shown in the footer, when the key earns a place there. */
  footer?: string;
  does: string;
  /** The tabs the key acts on; every tab when absent. */
  tabs?: readonly TabId[];
}

export const BINDINGS: readonly Binding[] = [
  { keys: '←/→  Tab  1–6', footer: '←→ tabs', does: 'switch tab' },
  { keys: '↑/↓  j/k', footer: '↑↓ move', does: 'move / scroll' },
  { keys: 'PgUp/PgDn  Home/End', does: 'page up/down, first/last' },
  { keys: 'Enter', footer: '⏎ expand', does: 'expand / collapse a finding', tabs: ['findings'] },
  { keys: '/', footer: '/ filter', does: 'filter by name or PID', tabs: ['processes'] },
  { keys: 's', footer: 's sort', does: 'sort: PM, WS, RAMMap, name, PID', tabs: ['processes'] },
  { keys: 'Space', footer: '␣ done', does: 'mark the step done / not done', tabs: ['checklist'] },
  { keys: 'e', footer: 'e export', does: 'write the checklist as Markdown', tabs: ['checklist'] },
  { keys: 'u', footer: 'u units', does: 'units: auto, MB, GB, % of RAM' },
  { keys: 'Esc', does: 'back: close, collapse, clear filter' },
  { keys: '?', footer: '? help', does: 'this help' },
  { keys: 'q', footer: 'q quit', does: 'quit' },
];

export const appliesTo = (binding: Binding, tab: TabId): boolean => !binding.tabs || binding.tabs.includes(tab);

/** What the App does beyond the state machine. */
export type Effect = { type: 'quit' } | { type: 'export' };

/** Maps one key press to an action of the state machine or an effect; undefined when the key means nothing here. */
export function keyToAction(input: string, key: Key, state: UiState): Action | Effect | undefined {
  if (state.help) return key.escape || input === '?' || input === 'q' ? { type: 'help', open: false } : undefined;
  const move = movement(input, key, !state.editingFilter);
  if (state.editingFilter) {
    if (key.escape) return { type: 'escape' };
    if (key.return) return { type: 'acceptFilter' };
    if (key.backspace || key.delete) return { type: 'filterErase' };
    if (move) return move;
    return input && !key.ctrl && !key.meta && !key.tab ? { type: 'filterType', text: input } : undefined;
  }
  if (move) return move;
  if (key.escape) return { type: 'escape' };
  if (key.return) return { type: 'toggleExpand' };
  if (key.tab) return { type: 'tabStep', delta: key.shift ? -1 : 1 };
  if (key.leftArrow) return { type: 'tabStep', delta: -1 };
  if (key.rightArrow) return { type: 'tabStep', delta: 1 };
  const tab = TABS[Number(input) - 1];
  if (/^[1-9]$/.test(input) && tab) return { type: 'tab', tab: tab.id };
  switch (input) {
    case 'q': return { type: 'quit' };
    case '?': return { type: 'help', open: true };
    case '/': return { type: 'startFilter' };
    case 's': return { type: 'cycleSort' };
    case 'u': return { type: 'cycleUnits' };
    case ' ': return { type: 'toggleDone' };
    case 'e': return { type: 'export' };
    default: return undefined;
  }
}

/** Cursor keys; the letter forms (j/k, g/G) only when letters are not being typed into the filter. */
function movement(input: string, key: Key, letters: boolean): Action | undefined {
  if (key.upArrow || (letters && input === 'k')) return { type: 'move', delta: -1 };
  if (key.downArrow || (letters && input === 'j')) return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'page', direction: -1 };
  if (key.pageDown) return { type: 'page', direction: 1 };
  if (key.home || (letters && input === 'g')) return { type: 'edge', to: 'first' };
  if (key.end || (letters && input === 'G')) return { type: 'edge', to: 'last' };
  return undefined;
}
