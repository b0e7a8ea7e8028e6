import type { ReactElement } from 'react';
import { CAUSE_INFO } from '../../attribute/catalog.js';
import type { Finding } from '../../attribute/types.js';
import { formatSource } from '../../model/source.js';
import { Row, Styled } from './Styled.js';
import { fitStart, truncate, truncateStart, wrap } from './text.js';
import { SEVERITY_LABEL, SEVERITY_TONE } from './theme.js';
import { formatAmount } from './units.js';
import type { TabView, ViewContext } from './view.js';
import { whatIfLine } from './what-if.js';
import { alternativeLine, evidenceMark, nextEvidenceLine } from '../format.js';

const INDENT = '    ';

/** Ranked findings, one row each; Enter opens a finding's evidence (with file:line), what-if and next steps. */
export function findingsView(ctx: ViewContext): TabView {
  const { report, width, state, ram } = ctx;
  const findings = report.findings;
  const selected = Math.min(state.cursor.findings, findings.length - 1);
  const header = [<Row><Styled bold>{`  ${'#'.padStart(2)} Sev  ${fitStart('Size', 9)}  Conf  Cause and finding`}</Styled></Row>];
  if (findings.length === 0) {
    return { kind: 'list', header, lineCount: 1, line: () => <Row><Styled tone="muted">No findings.</Styled></Row>, itemCount: 0, detail: [] };
  }
  const lines: ReactElement[] = [];
  let focus = { first: 0, last: 0 };
  findings.forEach((f, i) => {
    const first = lines.length;
    const open = state.expanded.has(i);
    const isSelected = i === selected;
    const text = `${String(i + 1).padStart(2)} ${SEVERITY_LABEL[f.severity]} ${fitStart(formatAmount(f.bytes, state.units, ram), 9)}  ${fitStart(`${Math.round(f.confidence * 100)} %`, 4)}  ${CAUSE_INFO[f.cause].label}: ${f.title}`;
    lines.push(
      <Row>
        {isSelected ? '›' : ' '}
        {open ? '▾' : '▸'}
        <Styled tone={SEVERITY_TONE[f.severity]} inverse={isSelected} bold={isSelected}>{truncate(text, width - 2)}</Styled>
      </Row>,
    );
    if (open) lines.push(...details(f, width - INDENT.length, (bytes) => formatAmount(bytes, state.units, ram)));
    if (isSelected) focus = { first, last: lines.length - 1 };
  });
  return { kind: 'list', header, lineCount: lines.length, line: (i) => lines[i]!, itemCount: findings.length, focus, detail: [] };
}

function details(f: Finding, width: number, amount: (bytes: number) => string): ReactElement[] {
  const rows: ReactElement[] = [];
  const add = (text: string, tone?: 'muted') => rows.push(<Row>{INDENT}<Styled tone={tone}>{text}</Styled></Row>);
  const heading = (text: string) => rows.push(<Row>{INDENT}<Styled bold>{text}</Styled></Row>);
  for (const text of wrap(f.title, width)) add(text);
  heading('Evidence');
  if (f.evidence.length === 0) add('(none)', 'muted');
  for (const e of f.evidence) {
    const mark = evidenceMark(e).padEnd(2);
    wrap(e.text, width - 3).forEach((text, i) => add(`${i === 0 ? mark : '  '} ${text}`));
    if (e.source) add(`   ↳ ${truncateStart(formatSource(e.source), width - 5)}`, 'muted');
  }
  if (f.alternatives?.length) {
    heading('Also possible');
    for (const a of f.alternatives) for (const text of wrap(alternativeLine(a), width)) add(text);
  }
  if (f.nextEvidence) {
    heading('Collect next');
    for (const text of wrap(nextEvidenceLine(f.nextEvidence), width)) add(text);
  }
  const whatIf = whatIfLine(f, amount);
  if (whatIf) {
    heading('What if');
    for (const text of wrap(whatIf, width)) add(text);
  }
  add(`${f.checklist.length} step${f.checklist.length === 1 ? '' : 's'} to confirm and fix: Checklist (5) · ${f.docs}`, 'muted');
  rows.push(<Row> </Row>);
  return rows;
}
