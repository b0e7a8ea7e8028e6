import type { ReportProcess } from '../types.js';
import { SORT_LABELS, type ProcessSort } from './process-table.js';
import { Row, Styled } from './Styled.js';
import { fit, fitStart, truncate } from './text.js';
import { formatAmount } from './units.js';
import type { TabView, ViewContext } from './view.js';

const COLUMNS: { sort: ProcessSort; title: string; short: string; width: number }[] = [
  { sort: 'pid', title: 'PID', short: 'PID', width: 7 },
  { sort: 'pm', title: 'PM', short: 'PM', width: 10 },
  { sort: 'ws', title: 'WS', short: 'WS', width: 10 },
  { sort: 'private', title: 'RAMMap priv', short: 'RAMMap', width: 13 },
];

/** The process table; only the rows on screen are ever built. */
export function processesView(ctx: ViewContext): TabView {
  const { report, width, state, ram, processes } = ctx;
  const numbers = COLUMNS.reduce((s, c) => s + c.width, 0);
  const narrow = width < 70;
  const nameWidth = Math.max(8, width - 2 - numbers + (narrow ? 4 : 0));
  const columnWidth = (w: number) => (narrow ? w - 1 : w);
  const arrow = (sort: ProcessSort) => (state.sort === sort ? (sort === 'name' || sort === 'pid' ? '↑' : '↓') : ' ');
  const filterText = state.editingFilter ? `Filter: ${state.filter}▌` : state.filter ? `Filter: ${state.filter}  (Esc clears)` : '/ filters';
  const count = state.filter ? `${processes.length} of ${report.processes.length}` : `${report.processes.length} processes`;
  const status = `${filterText}   sort: ${SORT_LABELS[state.sort]}   ${count}`;
  const header = [
    <Row><Styled tone={state.editingFilter ? 'accent' : undefined}>{truncate(status, width)}</Styled></Row>,
    <Row>
      <Styled bold>
        {`  ${fit(`Name${arrow('name')}`, nameWidth)}`}
        {COLUMNS.map((c) => fitStart(`${narrow ? c.short : c.title}${arrow(c.sort)}`, columnWidth(c.width))).join('')}
      </Styled>
    </Row>,
  ];
  if (processes.length === 0) {
    const why = report.processes.length === 0 ? 'No process list in the inputs (export Get-Process to see one).' : `No process matches "${state.filter}".`;
    return { kind: 'list', header, lineCount: 1, line: () => <Row><Styled tone="muted">{truncate(why, width)}</Styled></Row>, itemCount: 0, detail: [] };
  }
  const selected = Math.min(state.cursor.processes, processes.length - 1);
  const cell = (p: ReportProcess, c: (typeof COLUMNS)[number]) => {
    const value = c.sort === 'pid' ? (p.pid === undefined ? '—' : String(p.pid)) : formatAmount(c.sort === 'pm' ? p.pmBytes : c.sort === 'ws' ? p.wsBytes : p.rammapPrivateBytes, state.units, ram);
    return fitStart(value, columnWidth(c.width));
  };
  const line = (i: number) => {
    const p = processes[i]!;
    const text = `${fit(p.name, nameWidth)}${COLUMNS.map((c) => cell(p, c)).join('')}`;
    return (
      <Row>
        {i === selected ? '› ' : '  '}
        <Styled inverse={i === selected}>{text}</Styled>
      </Row>
    );
  };
  return { kind: 'list', header, lineCount: processes.length, line, itemCount: processes.length, focus: { first: selected, last: selected }, detail: [] };
}
