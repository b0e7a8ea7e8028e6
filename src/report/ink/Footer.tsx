import { appliesTo, BINDINGS } from './keys.js';
import type { UiState } from './state.js';
import { Row, Styled } from './Styled.js';
import { displayWidth, truncate } from './text.js';
import { UNIT_LABELS } from './units.js';

const ALWAYS = ['? help', 'q quit'];

/** The notice if there is one; else the keys that act on this tab (most specific first), the units and the position. */
export function Footer({ state, width, position }: { state: UiState; width: number; position: string }) {
  if (state.notice) return <Row><Styled tone="accent" bold>{truncate(state.notice, width)}</Styled></Row>;
  if (state.editingFilter) return <Row><Styled tone="accent">{truncate('type to filter   Enter keeps it   Esc clears it   ↑↓ move', width)}</Styled></Row>;
  const right = `${position}${position ? '  ' : ''}units: ${UNIT_LABELS[state.units]}`;
  const room = width - displayWidth(right) - 2;
  const candidates = BINDINGS.filter((b) => b.footer && appliesTo(b, state.tab) && !ALWAYS.includes(b.footer))
    .sort((a, b) => Number(Boolean(b.tabs)) - Number(Boolean(a.tabs)))
    .map((b) => b.footer!);
  const taken: string[] = [];
  for (const hint of candidates) if (displayWidth([...taken, hint, ...ALWAYS].join('  ')) <= room) taken.push(hint);
  const left = [...taken, ...ALWAYS].join('  ');
  const gap = Math.max(2, width - displayWidth(left) - displayWidth(right));
  return (
    <Row>
      <Styled tone="muted">{left}</Styled>
      {' '.repeat(gap)}
      {right}
    </Row>
  );
}
