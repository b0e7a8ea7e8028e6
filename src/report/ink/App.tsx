import { Box, useApp, useInput } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { cleanText } from '../sanitize.js';
import type { Report } from '../types.js';
import { checklistView } from './ChecklistTab.js';
import { checklistItems, checklistMarkdown } from './checklist-items.js';
import { findingsView } from './FindingsTab.js';
import { Footer } from './Footer.js';
import { HelpOverlay } from './HelpOverlay.js';
import { inputsView } from './InputsTab.js';
import { keyToAction } from './keys.js';
import { overviewView } from './OverviewTab.js';
import { processRows } from './process-table.js';
import { processesView } from './ProcessesTab.js';
import { reconcileView } from './ReconcileTab.js';
import { sanitizeReport } from './sanitize-report.js';
import { initialState, reduce, type Action, type Bounds, type UiState } from './state.js';
import { ColorContext } from './Styled.js';
import { TabBar } from './TabBar.js';
import type { TabId } from './tabs.js';
import { ramBytes } from './units.js';
import { useTerminalSize } from './use-terminal-size.js';
import { scrollOffset, type TabView, type ViewContext } from './view.js';
import { Viewport } from './Viewport.js';

export interface AppProps {
  report: Report;
  color: boolean;
  /** Stores the Markdown checklist and says where; the UI itself never touches files. */
  exportChecklist?: (markdown: string) => Promise<string>;
}

const BUILDERS: Record<TabId, (ctx: ViewContext) => TabView> = {
  overview: overviewView,
  reconcile: reconcileView,
  findings: findingsView,
  processes: processesView,
  checklist: checklistView,
  inputs: inputsView,
};

/** The interactive report: renders the computed Report, never parses or recomputes it. */
export function App({ report: raw, color, exportChecklist }: AppProps) {
  const report = useMemo(() => sanitizeReport(raw), [raw]);
  const checklist = useMemo(() => checklistItems(report.findings), [report]);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [state, setState] = useState<UiState>(initialState);
  const processes = useMemo(() => processRows(report.processes, state.filter, state.sort), [report, state.filter, state.sort]);
  const offsets = useRef<Partial<Record<TabId, number>>>({});
  const bounds = useRef<Bounds>({ max: 0, page: 1 });

  // One row short of the screen: a frame as tall as the terminal makes Ink clear the screen on every redraw.
  const height = Math.max(6, rows - 1);
  const width = Math.max(20, columns);
  const bodyHeight = height - 2;
  const view = BUILDERS[state.tab]({ report, state, width, ram: ramBytes(report), processes, checklist });
  const rowsForLines = Math.max(1, bodyHeight - view.header.length - view.detail.length);
  const offset =
    view.kind === 'scroll'
      ? Math.min(state.cursor[state.tab], Math.max(0, view.lineCount - rowsForLines))
      : scrollOffset(offsets.current[state.tab] ?? 0, view.focus, rowsForLines, view.lineCount);
  offsets.current[state.tab] = offset;
  bounds.current = { max: view.kind === 'scroll' ? Math.max(0, view.lineCount - rowsForLines) : view.itemCount - 1, page: rowsForLines };

  // Keys are interpreted against the latest state, not the last drawn one: keys typed faster than a redraw
  // (or pasted) must each see what the one before did.
  const latest = useRef(state);
  const dispatch = (action: Action) => {
    latest.current = reduce(latest.current, action, bounds.current);
    setState(latest.current);
  };

  useInput((input, key) => {
    const action = keyToAction(input, key, latest.current);
    if (!action) return;
    if (action.type === 'quit') return exit();
    if (action.type === 'export') return exportMarkdown(latest.current);
    dispatch(action);
  });

  function exportMarkdown(current: UiState) {
    const notice = (text: string) => dispatch({ type: 'notice', text: cleanText(text) });
    if (current.tab !== 'checklist') return notice('e writes the checklist on the Checklist tab (5)');
    if (!exportChecklist) return notice('Writing the checklist is not available here.');
    exportChecklist(checklistMarkdown(report, current.done)).then(
      (where) => notice(`Checklist written to ${where}`),
      (error: unknown) => notice(`Could not write the checklist: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={width} height={height}>
        <TabBar active={state.tab} width={width} />
        <Box flexDirection="column" height={bodyHeight}>
          {state.help ? <HelpOverlay tab={state.tab} width={width} height={bodyHeight} /> : <Viewport view={view} offset={offset} height={rowsForLines} />}
        </Box>
        <Footer state={state} width={width} position={position(view, state, offset, rowsForLines)} />
      </Box>
    </ColorContext.Provider>
  );
}

/** "12/59" for a list, "21–40/60" for a long page, nothing when everything is on screen. */
function position(view: TabView, state: UiState, offset: number, rows: number): string {
  if (view.kind === 'list') return view.itemCount > 0 ? `${Math.min(state.cursor[state.tab], view.itemCount - 1) + 1}/${view.itemCount}` : '';
  return view.lineCount > rows ? `${offset + 1}–${Math.min(view.lineCount, offset + rows)}/${view.lineCount}` : '';
}
