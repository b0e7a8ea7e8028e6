import { cleanText } from '../sanitize.js';
import { nextSort, type ProcessSort } from './process-table.js';
import { TABS, type TabId, tabIndex } from './tabs.js';
import { nextUnit, type UnitMode } from './units.js';

export interface UiState {
  tab: TabId;
  help: boolean;
  units: UnitMode;
  /** Per tab: the selected item (Findings, Processes, Checklist) or the first line shown (the others). */
  cursor: Record<TabId, number>;
  /** Findings (by rank) whose evidence is open. */
  expanded: ReadonlySet<number>;
  sort: ProcessSort;
  filter: string;
  editingFilter: boolean;
  /** Checklist steps (by their number across the checklist) marked done. */
  done: ReadonlySet<number>;
  /** A one-line message shown in the footer until the next key. */
  notice?: string;
}

export type Action =
  | { type: 'tab'; tab: TabId }
  | { type: 'tabStep'; delta: 1 | -1 }
  | { type: 'move'; delta: number }
  | { type: 'page'; direction: 1 | -1 }
  | { type: 'edge'; to: 'first' | 'last' }
  | { type: 'toggleExpand' }
  | { type: 'toggleDone' }
  | { type: 'startFilter' }
  | { type: 'filterType'; text: string }
  | { type: 'filterErase' }
  | { type: 'acceptFilter' }
  | { type: 'cycleSort' }
  | { type: 'cycleUnits' }
  | { type: 'help'; open: boolean }
  | { type: 'escape' }
  | { type: 'notice'; text: string };

/** What the current tab allows: the largest cursor value (−1 when there is nothing) and a page in rows. */
export interface Bounds {
  max: number;
  page: number;
}

export function initialState(): UiState {
  return {
    tab: 'overview',
    help: false,
    units: 'auto',
    cursor: Object.fromEntries(TABS.map((t) => [t.id, 0])) as Record<TabId, number>,
    expanded: new Set(),
    sort: 'pm',
    filter: '',
    editingFilter: false,
    done: new Set(),
  };
}

const ONLY_ON: Partial<Record<Action['type'], TabId>> = { toggleExpand: 'findings', toggleDone: 'checklist', startFilter: 'processes', cycleSort: 'processes' };
const ONLY_ON_TEXT: Partial<Record<Action['type'], string>> = {
  toggleExpand: 'Enter expands a finding on the Findings tab (3)',
  toggleDone: 'Space marks a step done on the Checklist tab (5)',
  startFilter: '/ filters the Processes table (4)',
  cycleSort: 's sorts the Processes table (4)',
};

/** The UI's state machine. Pure: keys come in as actions, the tab's bounds come from what is drawn. */
export function reduce(state: UiState, action: Action, bounds: Bounds): UiState {
  const s: UiState = { ...state };
  delete s.notice;
  const only = ONLY_ON[action.type];
  if (only && state.tab !== only) return { ...s, notice: ONLY_ON_TEXT[action.type]! };
  const cursor = state.cursor[state.tab];
  const moveTo = (value: number): UiState => ({ ...s, cursor: { ...state.cursor, [state.tab]: Math.max(0, Math.min(bounds.max, value)) } });
  switch (action.type) {
    case 'tab': return { ...s, tab: action.tab };
    case 'tabStep': return { ...s, tab: TABS[(tabIndex(state.tab) + action.delta + TABS.length) % TABS.length]!.id };
    case 'move': return moveTo(cursor + action.delta);
    case 'page': return moveTo(cursor + action.direction * Math.max(1, bounds.page - 1));
    case 'edge': return moveTo(action.to === 'first' ? 0 : bounds.max);
    case 'toggleExpand': return bounds.max < 0 ? s : { ...s, expanded: toggle(state.expanded, cursor) };
    case 'toggleDone': return bounds.max < 0 ? s : { ...s, done: toggle(state.done, cursor) };
    case 'startFilter': return { ...s, editingFilter: true };
    case 'filterType': return withFilter(s, state.filter + cleanText(action.text));
    case 'filterErase': return withFilter(s, Array.from(state.filter).slice(0, -1).join(''));
    case 'acceptFilter': return { ...s, editingFilter: false };
    case 'cycleSort': return { ...s, sort: nextSort(state.sort), cursor: { ...state.cursor, processes: 0 } };
    case 'cycleUnits': return { ...s, units: nextUnit(state.units) };
    case 'help': return { ...s, help: action.open };
    case 'notice': return { ...s, notice: action.text };
    case 'escape': return back(s);
  }
}

function withFilter(s: UiState, filter: string): UiState {
  return { ...s, filter, cursor: { ...s.cursor, processes: 0 } };
}

/** Esc closes or undoes the innermost thing open; with nothing open it returns to the Overview. */
function back(s: UiState): UiState {
  if (s.help) return { ...s, help: false };
  if (s.editingFilter || (s.tab === 'processes' && s.filter)) return { ...withFilter(s, ''), editingFilter: false };
  if (s.tab === 'findings' && s.expanded.size > 0) return { ...s, expanded: new Set() };
  return { ...s, tab: 'overview' };
}

function toggle<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}
