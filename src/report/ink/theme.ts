import type { Severity } from '../../attribute/types.js';
import type { InputStatus } from '../../ingest/ingest-file.js';

/** What a piece of text means; the colour follows from it, and only when colour is on. */
export type Tone = 'critical' | 'warn' | 'info' | 'ok' | 'process' | 'kernel' | 'cache' | 'free' | 'muted' | 'accent';

export const TONE_COLORS: Record<Tone, string> = {
  critical: 'red',
  warn: 'yellow',
  info: 'cyan',
  ok: 'green',
  process: 'green',
  kernel: 'blue',
  cache: 'blueBright',
  free: 'gray',
  muted: 'gray',
  accent: 'cyan',
};

export const SEVERITY_TONE: Record<Severity, Tone> = { critical: 'critical', warn: 'warn', info: 'info' };
export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'CRIT', warn: 'WARN', info: 'INFO' };
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, critical: 2 };

export const STATUS_TONE: Record<InputStatus, Tone> = { ok: 'ok', partial: 'warn', unrecognized: 'muted', error: 'critical' };

/** Colour is off when NO_COLOR is set to anything (no-color.org), for TERM=dumb, or when stdout is no terminal. */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
