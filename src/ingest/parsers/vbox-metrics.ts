import { KiB, unitFactor } from '../../model/bytes.js';
import { parseNumber } from '../numbers.js';
import type { Parser, ParseSink } from '../parser.js';

/**
 * `VBoxManage metrics query <vm> Guest/RAM/Usage/...` (`Object Metric Values`, each row a comma-separated
 * sample list such as `4193784 kB, 4193790 kB`) and `metrics collect` (`Time stamp Object Metric Value`,
 * one row per sample). Guest RAM values are in kB. Object names may contain spaces, so rows are split
 * around the metric name rather than on whitespace.
 */
// [ \t] rather than \s: a \s* that can cross line breaks makes this regex quadratic on a run of blank lines.
const HEADER = /^[ \t]*(?:Time[ \t]*stamp[ \t]+)?Object[ \t]+Metric[ \t]+Values?[ \t]*$/im;
const METRIC = /\b(Guest\/RAM\/Usage\/(Total|Free|Balloon|Shared|Cache))(?::(avg|min|max))?(?=\s|$)/i;
const TIMESTAMP = /^\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\s+/;
const VARIANT_PREFERENCE = ['', 'avg', 'max', 'min'];
const COUNTER_OBJECT = 'VirtualBox Guest RAM';

interface Sample {
  kb: number;
  line: number;
}

interface Series {
  vm: string;
  base: string;
  metric: string;
  variant: string;
  samples: Sample[];
}

interface Row {
  object: string;
  metric: string;
  base: string;
  variant?: string;
  values: string;
}

/** Splits a row around its metric name (one linear search: a regex around `.*?\s*` backtracks on long blank runs). */
function matchRow(line: string): Row | undefined {
  const match = METRIC.exec(line);
  if (!match) return undefined;
  return {
    object: line.slice(0, match.index).trim(),
    metric: match[1]!,
    base: match[2]!,
    ...(match[3] !== undefined && { variant: match[3] }),
    values: line.slice(match.index + match[0].length).trim(),
  };
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `4193784 kB` → kB; other units are converted; a bare number is taken as kB. */
function kilobytes(text: string): number | undefined {
  const match = /^(.*?)\s*([A-Za-z]+)?$/.exec(text.trim());
  if (!match) return undefined;
  const factor = match[2] === undefined ? KiB : unitFactor(match[2]);
  const amount = parseNumber(match[1]);
  if (factor === undefined || amount === undefined || amount < 0) return undefined;
  return (amount * factor) / KiB;
}

export const vboxMetrics: Parser = {
  format: 'vbox-metrics',
  title: 'VBoxManage metrics query',
  sniff(head) {
    const header = HEADER.test(head);
    const rows = head.split(/\r\n|\r|\n/).some((line) => matchRow(line) !== undefined);
    if (header && rows) return 0.95;
    if (rows) return 0.8;
    return header ? 0.7 : 0;
  },
  async parse(input, sink) {
    const series = new Map<string, Series>();
    for await (const { number, text } of input.lines()) {
      const row = matchRow(text);
      if (!row) continue;
      const vm = row.object.replace(TIMESTAMP, '').trim();
      const base = capitalized(row.base);
      const variant = (row.variant ?? '').toLowerCase();
      const metric = row.metric + (variant ? `:${variant}` : '');
      const key = `${vm}\u0000${base}\u0000${variant}`;
      let entry = series.get(key);
      if (!entry) {
        entry = { vm, base, metric, variant, samples: [] };
        series.set(key, entry);
      }
      readSamples(row.values, entry, number, sink);
    }
    emitAll([...series.values()], input.file, sink);
  },
};

function readSamples(values: string, entry: Series, line: number, sink: ParseSink): void {
  for (const raw of values.split(/,\s+|;\s*/)) {
    if (raw.trim() === '') continue;
    const kb = kilobytes(raw);
    if (kb === undefined) {
      sink.message('VALUE_INVALID', 'warning', `${entry.metric} should list sizes such as "4193784 kB", not "${raw.trim()}".`, line);
      continue;
    }
    entry.samples.push({ kb, line });
  }
}

function emitAll(all: Series[], file: string, sink: ParseSink): void {
  const chosen = new Map<string, Series>();
  for (const entry of all) {
    const key = `${entry.vm}\u0000${entry.base}`;
    const current = chosen.get(key);
    const rank = (s: Series) => (s.samples.length > 0 ? 0 : 10) + VARIANT_PREFERENCE.indexOf(s.variant);
    if (!current || rank(entry) < rank(current)) chosen.set(key, entry);
  }
  let emitted = 0;
  for (const entry of chosen.values()) {
    const { samples } = entry;
    const last = samples[samples.length - 1];
    if (!last) {
      sink.message('NO_DATA', 'warning', `${entry.metric} for "${entry.vm}" has no samples; run "VBoxManage metrics setup" first and check that the Guest Additions are running.`);
      continue;
    }
    const values = samples.map((s) => s.kb);
    sink.fact({
      kind: 'counter',
      object: COUNTER_OBJECT,
      ...(entry.vm !== '' && { instance: entry.vm }),
      counter: `${entry.base} kB`,
      samples: values.length,
      first: values[0]!,
      last: last.kb,
      min: values.reduce((a, b) => Math.min(a, b)),
      max: values.reduce((a, b) => Math.max(a, b)),
      mean: values.reduce((sum, v) => sum + v, 0) / values.length,
      source: { file, line: samples[0]!.line, field: entry.metric },
    });
    emitted++;
    if (entry.base === 'Balloon') {
      const source = { file, line: last.line, field: entry.metric };
      if (entry.vm !== '') sink.fact({ kind: 'hypervisor', hypervisor: 'virtualbox', field: 'vmName', value: entry.vm, source });
      sink.fact({ kind: 'hypervisor', hypervisor: 'virtualbox', field: 'balloonSizeBytes', value: Math.round(last.kb * KiB), source });
    }
  }
  if (emitted === 0 && all.length === 0) {
    sink.message('NO_DATA', 'error', 'No Guest/RAM/Usage rows were found; expected the output of "VBoxManage metrics query <vm> Guest/RAM/Usage".');
  }
}
