import type { ReactElement } from 'react';
import { formatBytes } from '../../model/bytes.js';
import { Row, Styled } from './Styled.js';
import { fit, truncate, truncateStart, wrap } from './text.js';
import { STATUS_TONE, type Tone } from './theme.js';
import { scrollView, type TabView, type ViewContext } from './view.js';
import { factValue } from '../format.js';

const MESSAGE_TONE: Record<string, Tone> = { error: 'critical', warning: 'warn', info: 'info' };

/** Each input file: status, detected format, encoding, size, and every message about it. */
export function inputsView({ report, width }: ViewContext): TabView {
  const counts = (['ok', 'partial', 'unrecognized', 'error'] as const).map((status) => `${report.inputs.filter((i) => i.status === status).length} ${status}`);
  const header = [<Row>{truncate(`${report.inputs.length} files: ${counts.join(' · ')}`, width)}</Row>];
  const lines: ReactElement[] = [];
  for (const input of report.inputs) {
    if (lines.length > 0) lines.push(<Row> </Row>);
    lines.push(
      <Row>
        <Styled tone={STATUS_TONE[input.status]} bold>{fit(input.status.toUpperCase(), 13)}</Styled>
        {truncateStart(input.path, width - 13)}
      </Row>,
    );
    const about = [input.format === 'unknown' ? 'format not recognised' : input.formatTitle, input.encoding, input.sizeBytes === undefined ? undefined : formatBytes(input.sizeBytes), input.format === 'unknown' ? undefined : input.format];
    lines.push(<Row><Styled tone="muted">{truncate(`  ${about.filter(Boolean).join(' · ')}`, width)}</Styled></Row>);
    for (const m of input.messages) {
      const text = `${m.code}${m.line !== undefined ? ` line ${m.line}` : ''}: ${m.text}`;
      wrap(text, width - 11).forEach((part, i) => {
        lines.push(
          <Row>
            {'  '}
            <Styled tone={MESSAGE_TONE[m.severity]}>{fit(i === 0 ? m.severity : '', 9)}</Styled>
            {part}
          </Row>,
        );
      });
    }
    for (const f of input.facts) {
      lines.push(<Row><Styled tone="muted">{truncate(`  = ${f.name}: ${factValue(f)}${f.line !== undefined ? ` (line ${f.line})` : ''}`, width)}</Styled></Row>);
    }
  }
  if (lines.length === 0) lines.push(<Row><Styled tone="muted">No input files.</Styled></Row>);
  return scrollView(lines, header);
}
