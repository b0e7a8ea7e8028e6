import { Box } from 'ink';
import { appliesTo, BINDINGS } from './keys.js';
import { Row, Styled } from './Styled.js';
import { TABS, tabTitle, type TabId } from './tabs.js';
import { fit } from './text.js';

/** The `?` overlay: every key from the registry; keys that act on another tab say which. */
export function HelpOverlay({ tab, width, height }: { tab: TabId; width: number; height: number }) {
  const keyWidth = Math.min(20, Math.floor(width / 3));
  return (
    <Box flexDirection="column" height={height}>
      <Row><Styled bold>{`Keys (on ${tabTitle(tab)}; Esc, ? or q closes)`}</Styled></Row>
      <Row> </Row>
      {BINDINGS.slice(0, Math.max(0, height - 2)).map((b) => {
        const here = appliesTo(b, tab);
        return (
          <Row key={b.keys}>
            <Styled tone={here ? 'accent' : 'muted'} bold={here}>{fit(b.keys, keyWidth)}</Styled>
            <Styled dim={!here}>{` ${b.does}${here ? '' : ` (${b.tabs!.map((id) => TABS.find((t) => t.id === id)!.short).join(', ')})`}`}</Styled>
          </Row>
        );
      })}
    </Box>
  );
}
