import type { ReactElement } from 'react';
import { formatBytes } from '../../model/bytes.js';
import { formatSource } from '../../model/source.js';
import { describeValue } from '../format.js';
import type { Report, WaterfallStep } from '../types.js';
import { Row, Styled } from './Styled.js';
import { fit, fitStart, truncate, wrap } from './text.js';
import { SEVERITY_TONE, type Tone } from './theme.js';
import { formatAmount, percentOf } from './units.js';
import { scrollView, type TabView, type ViewContext } from './view.js';

const LONGEST_LABEL = 33;
const MIN_BAR = 12;

/** The waterfall from installed RAM down to the unexplained rest, then the accounting checks behind it. */
export function reconcileView(ctx: ViewContext): TabView {
  const { report, width, state, ram } = ctx;
  const r = report.reconciliation;
  const labelWidth = Math.max(8, Math.min(LONGEST_LABEL, width - 21 - MIN_BAR));
  const barWidth = Math.max(0, width - 21 - labelWidth);
  const scale = Math.max(1, ...r.waterfall.map((s) => s.bytes));
  const header = [<Row><Styled bold>{`  ${fit('Where the memory is', labelWidth)} ${fitStart('Size', 9)} ${fitStart('of RAM', 7)}`}</Styled></Row>];
  const lines: ReactElement[] = [];
  let level = 0;
  for (const step of r.waterfall) {
    const takesAway = step.kind === 'subtract' || step.kind === 'cause';
    const [from, to] = takesAway ? [level - step.bytes, level] : [0, step.bytes];
    if (step.kind === 'total') level = step.bytes;
    if (takesAway) level -= step.bytes;
    const size = state.units === 'percent' ? formatBytes(step.bytes) : formatAmount(step.bytes, state.units, ram);
    const tone = stepTone(step, report);
    lines.push(
      <Row>
        {`${takesAway ? '−' : ' '} `}
        <Styled tone={step.kind === 'total' ? undefined : tone} bold={step.kind === 'total'}>{fit(step.label, labelWidth)}</Styled>
        {` ${fitStart(size, 9)} ${fitStart(percentOf(step.bytes, ram), 7)} `}
        <Styled tone={tone}>{barSpan(from, to, scale, barWidth, step.kind)}</Styled>
      </Row>,
    );
  }
  lines.push(<Row> </Row>, <Row><Styled bold>{`Accounting checks (basis: ${r.basis})`}</Styled></Row>);
  if (r.identities.length === 0) lines.push(<Row><Styled tone="muted">None could be made from these inputs.</Styled></Row>);
  for (const id of r.identities) {
    lines.push(
      <Row>
        <Styled tone={id.holds ? 'ok' : 'critical'}>{id.holds ? ' ok ' : 'FAIL'}</Styled>
        {` ${truncate(`${id.title}: ${formatBytes(id.lhs)} vs ${formatBytes(id.rhs)}`, width - 5)}`}
      </Row>,
    );
    if (!id.holds && id.note) for (const text of wrap(id.note, width - 5)) lines.push(<Row>{`     ${text}`}</Row>);
  }
  if (report.conflicts.length > 0) {
    lines.push(<Row> </Row>, <Row><Styled bold>Sources that disagree</Styled></Row>);
    for (const c of report.conflicts) {
      const text = `${c.subject}: used ${describeValue(c.used.value)} from ${formatSource(c.used.source)}; ignored ${c.ignored.map((i) => `${describeValue(i.value)} from ${formatSource(i.source)}`).join(', ')}`;
      wrap(text, width - 2).forEach((part, i) => lines.push(<Row>{`${i === 0 ? '•' : ' '} ${part}`}</Row>));
    }
  }
  return scrollView(lines, header);
}

function stepTone(step: WaterfallStep, report: Report): Tone | undefined {
  if (step.kind === 'cause') {
    const finding = report.findings.find((f) => f.cause === step.cause);
    return finding ? SEVERITY_TONE[finding.severity] : undefined;
  }
  if (step.kind === 'rest') return step.bytes > 0 ? 'warn' : 'ok';
  return step.kind === 'subtract' ? 'muted' : 'accent';
}

/** A floating bar: totals start at zero, what is taken away hangs where it leaves the running total. */
function barSpan(from: number, to: number, scale: number, width: number, kind: WaterfallStep['kind']): string {
  if (width <= 0 || to <= from) return '';
  const start = Math.round((Math.max(0, from) / scale) * width);
  const end = Math.max(start + 1, Math.round((to / scale) * width));
  const glyph = kind === 'subtract' ? '░' : kind === 'cause' ? '▓' : '█';
  return ' '.repeat(start) + glyph.repeat(Math.min(width, end) - start);
}
