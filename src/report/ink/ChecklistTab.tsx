import type { ReactElement } from 'react';
import { CAUSE_INFO } from '../../attribute/catalog.js';
import { Row, Styled } from './Styled.js';
import { truncate, wrap } from './text.js';
import { SEVERITY_LABEL, SEVERITY_TONE } from './theme.js';
import type { TabView, ViewContext } from './view.js';

const DETAIL_ROWS = 4;

/** Every step of every finding, grouped by finding; the selected step and its command are shown in full below. */
export function checklistView(ctx: ViewContext): TabView {
  const { width, state, checklist } = ctx;
  const doneCount = checklist.filter((item) => state.done.has(item.index)).length;
  const header = [<Row>{truncate(`${doneCount} of ${checklist.length} steps done   Space marks a step   e writes Markdown`, width)}</Row>];
  if (checklist.length === 0) {
    return { kind: 'list', header, lineCount: 1, line: () => <Row><Styled tone="muted">No steps: there are no findings.</Styled></Row>, itemCount: 0, detail: [] };
  }
  const selected = Math.min(state.cursor.checklist, checklist.length - 1);
  const lines: ReactElement[] = [];
  let focus = { first: 0, last: 0 };
  let group = -1;
  for (const item of checklist) {
    if (item.findingIndex !== group) {
      group = item.findingIndex;
      const f = item.finding;
      if (lines.length > 0) lines.push(<Row> </Row>);
      lines.push(
        <Row>
          <Styled tone={SEVERITY_TONE[f.severity]} bold>{truncate(`${group + 1}. ${SEVERITY_LABEL[f.severity]} ${CAUSE_INFO[f.cause].label}`, width)}</Styled>
        </Row>,
      );
    }
    const isSelected = item.index === selected;
    const done = state.done.has(item.index);
    if (isSelected) focus = { first: lines.length, last: lines.length };
    const text = `${done ? '[x]' : '[ ]'} ${item.step.text}${item.step.where === 'host' ? ' (on the host)' : ''}`;
    lines.push(
      <Row>
        {isSelected ? '› ' : '  '}
        <Styled tone={done ? 'ok' : undefined} inverse={isSelected}>{truncate(text, width - 2)}</Styled>
      </Row>,
    );
  }
  const step = checklist[selected]!.step;
  const about = capped(wrap(`${step.text}${step.where === 'host' ? ' (on the host)' : ''}`, width), 2, width);
  const command = step.command ? wrap(`${step.where === 'host' ? 'host$' : 'PS>'} ${step.command}`, width) : ['(nothing to run: read and decide)'];
  const rows = [...about.map((text) => ({ text, tone: undefined })), ...capped(command, DETAIL_ROWS - about.length, width).map((text) => ({ text, tone: 'accent' as const }))];
  const detail = [
    <Row><Styled tone="muted">{'─'.repeat(width)}</Styled></Row>,
    ...Array.from({ length: DETAIL_ROWS }, (_, i) => <Row><Styled tone={rows[i]?.tone}>{rows[i]?.text ?? ' '}</Styled></Row>),
  ];
  return { kind: 'list', header, lineCount: lines.length, line: (i) => lines[i]!, itemCount: checklist.length, focus, detail };
}

/** At most `count` rows; what does not fit is folded into the last one and cut with …. */
function capped(rows: string[], count: number, width: number): string[] {
  return rows.length <= count ? rows : [...rows.slice(0, count - 1), truncate(rows.slice(count - 1).join(' '), width)];
}
