import type { ReactElement } from 'react';
import type { ReportProcess, Report } from '../types.js';
import type { ChecklistItem } from './checklist-items.js';
import type { UiState } from './state.js';

/** What every tab builder gets: the (sanitized) report, the UI state and the room it has. */
export interface ViewContext {
  report: Report;
  state: UiState;
  width: number;
  ram: number | null;
  /** The Processes table's rows, filtered and sorted. */
  processes: readonly ReportProcess[];
  checklist: readonly ChecklistItem[];
}

/**
 * A tab's body: fixed header rows, scrolling rows (built only when on screen, so 5,000 processes cost
 * 20 rows) and fixed detail rows below. `scroll` tabs move by line; `list` tabs move a selection.
 */
export interface TabView {
  kind: 'scroll' | 'list';
  header: ReactElement[];
  lineCount: number;
  line: (index: number) => ReactElement;
  /** list: how many items can be selected. */
  itemCount: number;
  /** list: the rows of the selected item, kept on screen. */
  focus?: { first: number; last: number };
  detail: ReactElement[];
}

export function scrollView(lines: ReactElement[], header: ReactElement[] = []): TabView {
  return { kind: 'scroll', header, lineCount: lines.length, line: (i) => lines[i]!, itemCount: 0, detail: [] };
}

/** The first row to show so that the focus stays visible, moving as little as possible from `previous`. */
export function scrollOffset(previous: number, focus: { first: number; last: number } | undefined, height: number, total: number): number {
  const maxOffset = Math.max(0, total - height);
  let offset = previous;
  if (focus) {
    if (focus.last - focus.first + 1 > height || focus.first < offset) offset = focus.first;
    else if (focus.last >= offset + height) offset = focus.last - height + 1;
  }
  return Math.max(0, Math.min(maxOffset, offset));
}
