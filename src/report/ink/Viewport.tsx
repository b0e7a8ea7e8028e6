import { Box } from 'ink';
import type { TabView } from './view.js';

/** Draws a tab: its fixed header, the `height` scrolling rows from `offset`, and its fixed detail rows. */
export function Viewport({ view, offset, height }: { view: TabView; offset: number; height: number }) {
  const shown = Math.max(0, Math.min(height, view.lineCount - offset));
  return (
    <Box flexDirection="column" flexGrow={1}>
      {view.header.map((row, i) => <Box key={`h${i}`} height={1} flexShrink={0}>{row}</Box>)}
      <Box flexDirection="column" height={height} flexShrink={0}>
        {Array.from({ length: shown }, (_, i) => <Box key={offset + i} height={1} flexShrink={0}>{view.line(offset + i)}</Box>)}
      </Box>
      {view.detail.map((row, i) => <Box key={`d${i}`} height={1} flexShrink={0}>{row}</Box>)}
    </Box>
  );
}
