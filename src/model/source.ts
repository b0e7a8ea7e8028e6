/** Where a value came from: the input file and, where there is one, the 1-based line. */
export interface SourceRef {
  file: string;
  line?: number;
  /** Column, field or tag the value was read from. */
  field?: string;
}

/** A value together with where it came from. */
export interface Sourced<T> {
  value: T;
  source: SourceRef;
}

export function formatSource(ref: SourceRef): string {
  const where = ref.line === undefined ? ref.file : `${ref.file}:${ref.line}`;
  return ref.field ? `${where} (${ref.field})` : where;
}
