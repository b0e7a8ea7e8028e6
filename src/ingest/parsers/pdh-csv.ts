import type { CounterFact } from '../../model/facts.js';
import { detach, detectDelimiter, headerLine, readCsvRecords, type CsvRecord } from '../csv.js';
import type { Parser, ParseSink } from '../parser.js';
import { LANGUAGE_NAMES, toEnglishCounter, type CounterLanguage } from '../../model/counter-names.js';

/**
 * PDH-CSV as typeperf, relog -f csv, perfmon CSV logs and Export-Counter -FileFormat csv write it:
 * `"(PDH-CSV 4.0) (<zone>)(<bias>)","\\HOST\Object(Instance)\Counter",...` then one row per sample time.
 * Only running statistics are kept per column, so a log of any length streams in constant memory.
 */
export const pdhCsv: Parser = {
  format: 'pdh-csv',
  title: 'Performance counter log (PDH-CSV: typeperf, relog, Export-Counter)',
  sniff(head) {
    return /^\s*"?\(PDH-CSV\b/i.test(headerLine(head)) ? 0.99 : 0;
  },
  async parse(input, sink) {
    const delimiter = detectDelimiter(headerLine(input.head));
    // PDH writes invariant numbers; a file re-saved with `;` (European Excel) uses the decimal comma.
    const decimal = delimiter === ';' ? ',' : '.';
    let columns: CounterColumn[] | undefined;
    let stats = new RunningStats(0);
    let biasMinutes: number | undefined;
    let headerLineNumber = 1;
    let notPdh = false;
    await readCsvRecords(input, sink, delimiter, (record) => {
      if (columns) return readSampleRow(record, columns, stats, decimal, sink);
      const first = record.text(0);
      if (!/^\s*\(PDH-CSV\b/i.test(first)) {
        sink.message('COLUMN_MISSING', 'error', 'The first line should start with "(PDH-CSV 4.0)" followed by counter paths; this is not a PDH-CSV log.', record.line);
        notPdh = true;
        return 'stop';
      }
      biasMinutes = parseBias(first);
      headerLineNumber = record.line;
      columns = record.cells().slice(1).map(detach).map((path) => ({ path, ...parseCounterPath(path), invalid: 0 }));
      reportLanguage(columns, record.line, sink);
      stats = new RunningStats(columns.length);
    });
    if (notPdh) return;
    if (!columns) {
      sink.message('NO_DATA', 'error', 'The counter log is empty: it has no header line with counter paths.');
      return;
    }
    emitCounters(columns, stats, input.file, headerLineNumber, biasMinutes, sink);
  },
};

interface CounterPath {
  host?: string;
  object: string;
  instance?: string;
  counter: string;
}

interface CounterColumn extends CounterPath {
  path: string;
  invalid: number;
  firstInvalidLine?: number;
}

/**
 * Running statistics of every counter, one typed array per statistic: a big log updates them millions of times.
 * A column's last sample time is not stored on every sample either: only once a row lacks that sample (skip).
 */
class RunningStats {
  readonly samples;
  readonly first;
  readonly last;
  readonly min;
  readonly max;
  readonly sum;
  /** Sample times as written; only these are ever turned into ISO times. */
  readonly firstTime: string[] = [];
  private readonly lastTime: string[] = [];
  /** The row (counted from 0) each column last had a sample in. */
  private readonly lastRow: Int32Array;
  private row = -1;
  private time = '';
  private previousTime = '';

  constructor(columns: number) {
    this.samples = new Float64Array(columns);
    this.first = new Float64Array(columns);
    this.last = new Float64Array(columns);
    this.min = new Float64Array(columns);
    this.max = new Float64Array(columns);
    this.sum = new Float64Array(columns);
    this.lastRow = new Int32Array(columns).fill(-1);
  }

  /** Starts the next row, sampled at `time`. */
  nextRow(time: string): void {
    this.previousTime = this.time;
    this.time = time;
    this.row++;
  }

  add(column: number, value: number): void {
    if (this.samples[column] === 0) {
      this.first[column] = this.min[column] = this.max[column] = this.sum[column] = value;
      this.firstTime[column] = this.time;
    } else {
      this.sum[column] = this.sum[column]! + value;
      if (value < this.min[column]!) this.min[column] = value;
      if (value > this.max[column]!) this.max[column] = value;
    }
    this.samples[column] = this.samples[column]! + 1;
    this.last[column] = value;
    this.lastRow[column] = this.row;
  }

  /** The column has no sample in this row: if its last one was in the row before, that row's time is kept now. */
  skip(column: number): void {
    if (this.lastRow[column] === this.row - 1) this.lastTime[column] = this.previousTime;
  }

  lastTimeOf(column: number): string {
    return this.lastRow[column] === this.row ? this.time : this.lastTime[column]!;
  }
}

function readSampleRow(record: CsvRecord, columns: CounterColumn[], stats: RunningStats, decimal: ',' | '.', sink: ParseSink): void {
  if (record.length - 1 > columns.length) {
    sink.message('CSV_MALFORMED', 'warning', `This row has ${record.length - 1} values but the header names ${columns.length} counters; the extra values were ignored.`, record.line);
  }
  stats.nextRow(record.text(0));
  for (let index = 0; index < columns.length; index++) {
    const value = record.number(index + 1, decimal);
    if (value !== undefined) {
      stats.add(index, value);
      continue;
    }
    stats.skip(index);
    if (record.isBlank(index + 1)) continue; // " " is PDH's missing sample
    const column = columns[index]!;
    column.invalid++;
    column.firstInvalidLine ??= record.line;
  }
}

function emitCounters(columns: CounterColumn[], stats: RunningStats, file: string, line: number, bias: number | undefined, sink: ParseSink): void {
  columns.forEach((column, index) => {
    if (column.invalid > 0) {
      sink.message(
        'VALUE_INVALID',
        'warning',
        `${column.invalid} sample(s) of "${column.path}" are not numbers and were skipped (first on line ${column.firstInvalidLine}).`,
        column.firstInvalidLine,
      );
    }
    const samples = stats.samples[index]!;
    if (samples === 0) {
      sink.message('NO_DATA', 'info', `The counter "${column.path}" has no samples in this log.`, line);
      return;
    }
    const firstTime = toIsoTime(stats.firstTime[index]!, bias);
    const lastTime = toIsoTime(stats.lastTimeOf(index), bias);
    const fact: CounterFact = {
      kind: 'counter',
      ...(column.host !== undefined && { host: column.host }),
      object: column.object,
      ...(column.instance !== undefined && { instance: column.instance }),
      counter: column.counter,
      samples,
      first: stats.first[index]!,
      last: stats.last[index]!,
      min: stats.min[index]!,
      max: stats.max[index]!,
      mean: stats.sum[index]! / samples,
      ...(firstTime !== '' && { firstTime }),
      ...(lastTime !== '' && { lastTime }),
      source: { file, line, field: column.path },
    };
    sink.fact(fact);
  });
}

const SHOWN_UNKNOWN = 5;

/**
 * Localized counter paths (typeperf/relog/perfmon on a non-English Windows) are read by their English names, so
 * the analysis finds `\Память\Доступно МБ` as `\Memory\Available MBytes`. When a log is not in English, one info
 * message names its language and one lists the counters whose names guestram does not know (kept as written).
 */
function reportLanguage(columns: CounterColumn[], line: number, sink: ParseSink): void {
  const languages = new Map<CounterLanguage, number>();
  const unknown: string[] = [];
  let example: string | undefined;
  for (const column of columns) {
    const english = toEnglishCounter(column.object, column.counter);
    if (english.known && english.language) languages.set(english.language, (languages.get(english.language) ?? 0) + 1);
    if (english.known && english.language !== 'en' && example === undefined) example = `\\${column.object}\\${column.counter} = \\${english.object}\\${english.counter}`;
    if (!english.known) unknown.push(column.path);
    column.object = english.object;
    column.counter = english.counter;
  }
  const localized = [...languages.entries()].filter(([language]) => language !== 'en').sort((a, b) => b[1] - a[1]);
  if (localized.length === 0) return;
  const names = localized.map(([language]) => LANGUAGE_NAMES[language]).join(' and ');
  const count = localized.reduce((sum, [, n]) => sum + n, 0);
  sink.message('COUNTER_LANGUAGE', 'info', `The counter names are in ${names}: ${count} were read as their English names (${example}).`, line);
  if (unknown.length === 0) return;
  const shown = unknown.slice(0, SHOWN_UNKNOWN).join(', ');
  const more = unknown.length > SHOWN_UNKNOWN ? ` and ${unknown.length - SHOWN_UNKNOWN} more` : '';
  sink.message('COUNTER_UNKNOWN', 'info', `${unknown.length} counter(s) have names guestram does not know in ${names} and were kept as written: ${shown}${more}.`, line);
}

/**
 * Splits `\\HOST\Object(Instance)\Counter`. Instance names may themselves hold parentheses and backslashes
 * (`Hyper-V Dynamic Memory VM(my (test) vm)`), so the instance runs to the LAST `)\`.
 */
export function parseCounterPath(path: string): CounterPath {
  let rest = path.trim();
  let host: string | undefined;
  if (rest.startsWith('\\\\')) {
    const end = rest.indexOf('\\', 2);
    host = end > 2 ? rest.slice(2, end) : undefined;
    rest = end > 0 ? rest.slice(end + 1) : rest.slice(2);
  } else if (rest.startsWith('\\')) {
    rest = rest.slice(1);
  }
  const firstSlash = rest.indexOf('\\');
  const openParen = rest.indexOf('(');
  const closeThenSlash = rest.lastIndexOf(')\\');
  if (openParen >= 0 && (firstSlash < 0 || openParen < firstSlash) && closeThenSlash > openParen) {
    return {
      ...(host !== undefined && { host }),
      object: rest.slice(0, openParen),
      instance: rest.slice(openParen + 1, closeThenSlash),
      counter: rest.slice(closeThenSlash + 2),
    };
  }
  if (firstSlash < 0) return { ...(host !== undefined && { host }), object: '', counter: rest };
  return { ...(host !== undefined && { host }), object: rest.slice(0, firstSlash), counter: rest.slice(firstSlash + 1) };
}

/** The trailing `(<bias>)` of the first header cell: minutes to add to local time to get UTC. */
function parseBias(firstCell: string): number | undefined {
  const match = /\((-?\d+)\)\s*$/.exec(firstCell);
  return match ? Number(match[1]) : undefined;
}

/** `MM/DD/YYYY HH:MM:SS.mmm` local time → ISO 8601 with the log's UTC offset; anything else is kept as written. */
function toIsoTime(raw: string, bias: number | undefined): string {
  const text = raw.trim();
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(text);
  if (!match || Number(match[1]) > 12 || Number(match[2]) > 31) return text;
  const [, month, day, year, hour, minute, second, millis] = match;
  const local = `${year}-${pad(month!)}-${pad(day!)}T${pad(hour!)}:${minute}:${second}.${(millis ?? '0').padEnd(3, '0')}`;
  return bias === undefined ? local : `${local}${offset(-bias)}`;
}

function offset(minutesEastOfUtc: number): string {
  const sign = minutesEastOfUtc < 0 ? '-' : '+';
  const abs = Math.abs(minutesEastOfUtc);
  return `${sign}${pad(String(Math.floor(abs / 60)))}:${pad(String(abs % 60))}`;
}

function pad(text: string): string {
  return text.padStart(2, '0');
}
