import { Text } from 'ink';
import { createContext, useContext, type ReactNode } from 'react';
import { TONE_COLORS, type Tone } from './theme.js';

/** Whether styles may be emitted at all: off for NO_COLOR, where every meaning is carried by text. */
export const ColorContext = createContext(false);

interface StyledProps {
  tone?: Tone | undefined;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  children: ReactNode;
}

/** Inline text whose tone becomes a colour only when colour is on. */
export function Styled({ tone, bold, dim, inverse, children }: StyledProps) {
  const color = useContext(ColorContext);
  if (!color) return <Text>{children}</Text>;
  return (
    <Text {...(tone && { color: TONE_COLORS[tone] })} bold={bold ?? false} dimColor={dim ?? false} inverse={inverse ?? false}>
      {children}
    </Text>
  );
}

/** One terminal row: never wraps, cut with … if it would. */
export function Row({ children }: { children: ReactNode }) {
  return <Text wrap="truncate-end">{children}</Text>;
}
