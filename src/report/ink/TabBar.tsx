import { Row, Styled } from './Styled.js';
import { TABS, type TabId } from './tabs.js';
import { displayWidth } from './text.js';

type Style = 'full' | 'short' | 'number';

/** "[1 Overview]  2 Reconcile …": full titles when they fit, then short ones, then only the active title. */
export function TabBar({ active, width }: { active: TabId; width: number }) {
  const label = (style: Style, t: (typeof TABS)[number]) => {
    const n = TABS.indexOf(t) + 1;
    if (t.id === active) return `[${n} ${t.title}]`;
    return style === 'full' ? `${n} ${t.title}` : style === 'short' ? `${n} ${t.short}` : `${n}`;
  };
  const fits = (style: Style) => displayWidth(TABS.map((t) => label(style, t)).join('  ')) <= width;
  const style = (['full', 'short', 'number'] as const).find(fits) ?? 'number';
  return (
    <Row>
      {TABS.map((t, i) => (
        <Styled key={t.id}>
          {i > 0 ? '  ' : ''}
          {t.id === active ? <Styled tone="accent" bold inverse>{label(style, t)}</Styled> : label(style, t)}
        </Styled>
      ))}
    </Row>
  );
}
