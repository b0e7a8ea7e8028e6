import { KiB, MiB } from './bytes.js';
import type { CounterFact } from './facts.js';
import type { GuestSnapshot } from './snapshot.js';

/** Byte factor of a counter from its name: "... Bytes", "... KBytes", "..., MBytes", "... in MB" (PDH names state their unit). */
export function counterByteFactor(counter: string): number | undefined {
  const name = counter.toLowerCase();
  if (/kbytes$|\bin kb$|\bkb$/.test(name)) return KiB;
  if (/mbytes$|\bin mb$|\bmb$|\(mb\)$/.test(name)) return MiB;
  if (/bytes$/.test(name)) return 1;
  return undefined;
}

/** Finds a counter by object and counter name (case-insensitive; object may be a RegExp for localized/instance variants). */
export function findCounter(snapshot: GuestSnapshot, object: string | RegExp, counter: string | RegExp): CounterFact | undefined {
  const matches = (value: string, pattern: string | RegExp) =>
    typeof pattern === 'string' ? value.toLowerCase() === pattern.toLowerCase() : pattern.test(value);
  return snapshot.counters.find((c) => matches(c.object, object) && matches(c.counter, counter));
}

/** The counter's last sample in bytes, when its unit is a size. */
export function counterLastBytes(counter: CounterFact | undefined, factor = counter && counterByteFactor(counter.counter)): number | undefined {
  if (!counter || factor === undefined) return undefined;
  return Math.round(counter.last * factor);
}
