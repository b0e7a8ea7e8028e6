import type { ReactElement } from 'react';
import { barCells, memorySegments, type BarSegment } from './memory-bar.js';
import { Row, Styled } from './Styled.js';
import { fit, fitStart, pack, truncate, wrap } from './text.js';
import { SEVERITY_LABEL, SEVERITY_TONE } from './theme.js';
import { formatAmount, percentOf } from './units.js';
import { scrollView, type TabView, type ViewContext } from './view.js';
import { nextEvidenceLine, VERDICT_LABEL } from '../format.js';

const BLANK = <Row> </Row>;

/** Headline, the key numbers, visible RAM as one stacked bar with its legend, and the top three findings. */
export function overviewView(ctx: ViewContext): TabView {
  const { report, width, state, ram } = ctx;
  const s = report.summary;
  const amount = (bytes: number | null | undefined) => formatAmount(bytes, state.units, ram);
  const primary = report.findings.find((f) => f.cause === s.primaryCause);
  // Only a healthy verdict is green: a report that could not judge must not look like one that found nothing.
  const headlineTone = primary ? SEVERITY_TONE[primary.severity] : s.verdict === 'healthy' ? 'ok' : 'warn';
  const lines: ReactElement[] = [];
  for (const text of wrap(`${VERDICT_LABEL[s.verdict]}: ${s.headline}`, width)) lines.push(<Row><Styled tone={headlineTone} bold>{text}</Styled></Row>);
  if (s.verdict !== 'problem' && s.verdict !== 'healthy') for (const text of wrap(s.verdictReason, width)) lines.push(<Row><Styled tone="muted">{text}</Styled></Row>);
  if (s.nextEvidence) for (const text of wrap(`Next: ${nextEvidenceLine(s.nextEvidence)}`, width)) lines.push(<Row>{text}</Row>);
  lines.push(BLANK);
  const facts = [
    `Hypervisor ${s.hypervisor}`,
    `Visible ${amount(s.physicalBytes)}`,
    `In use ${amount(s.inUseBytes)}`,
    `Process private ${amount(s.processPrivateBytes)}`,
    `Gap ${amount(s.gapBytes)}`,
    `Unexplained ${amount(s.unexplainedBytes)}`,
  ];
  for (const text of pack(facts, width)) lines.push(<Row>{text}</Row>);
  lines.push(BLANK);
  const segments = memorySegments(report);
  if (segments.length > 0) {
    lines.push(<Row><Styled bold>Visible RAM by use</Styled></Row>, bar(segments, width), ...legend(segments, ctx));
  } else {
    lines.push(<Row><Styled tone="muted">No breakdown of the RAM: give a RAMMap snapshot or memory counters.</Styled></Row>);
  }
  lines.push(BLANK, <Row><Styled bold>Top findings</Styled></Row>);
  if (report.findings.length === 0) lines.push(<Row><Styled tone="muted">None.</Styled></Row>);
  for (const f of report.findings.slice(0, 3)) {
    lines.push(
      <Row>
        <Styled tone={SEVERITY_TONE[f.severity]}>{SEVERITY_LABEL[f.severity]}</Styled>
        {` ${fitStart(amount(f.bytes), 9)}  ${truncate(f.title, Math.max(0, width - 16))}`}
      </Row>,
    );
  }
  return scrollView(lines);
}

function bar(segments: BarSegment[], width: number): ReactElement {
  const cells = barCells(segments, width);
  return <Row>{segments.map((g, i) => (cells[i] ? <Styled key={i} tone={g.tone}>{g.glyph.repeat(cells[i])}</Styled> : null))}</Row>;
}

/** Two columns when each entry still has room for its label, else one. */
function legend(segments: BarSegment[], { width, state, ram }: ViewContext): ReactElement[] {
  const columns = width >= 56 ? 2 : 1;
  const columnWidth = Math.floor((width - (columns - 1) * 2) / columns);
  const withPercent = state.units !== 'percent' && columnWidth - 17 >= 14;
  const labelWidth = columnWidth - 11 - (withPercent ? 7 : 0);
  const entry = (g: BarSegment, i: number) => (
    <Styled key={i}>
      <Styled tone={g.tone}>{g.glyph}</Styled>
      {` ${fit(g.label, labelWidth)} ${fitStart(formatAmount(g.bytes, state.units, ram), 8)}${withPercent ? ` ${fitStart(percentOf(g.bytes, ram), 6)}` : ''}`}
    </Styled>
  );
  const rows: ReactElement[] = [];
  const perColumn = Math.ceil(segments.length / columns);
  for (let r = 0; r < perColumn; r++) {
    const left = segments[r]!;
    const right = columns === 2 ? segments[r + perColumn] : undefined;
    rows.push(<Row>{entry(left, 0)}{right ? '  ' : ''}{right ? entry(right, 1) : null}</Row>);
  }
  return rows;
}
