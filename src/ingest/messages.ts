/** Stable codes for everything guestram can say about an input file (documented in docs/input-messages.md). */
export type MessageCode =
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'BINARY_FILE'
  | 'ENCODING_UNKNOWN'
  | 'FORMAT_UNRECOGNIZED'
  | 'CSV_MALFORMED'
  | 'CSV_TRUNCATED'
  | 'COLUMN_MISSING'
  | 'VALUE_INVALID'
  | 'SCHEMA_MISMATCH'
  | 'PAYLOAD_TRUNCATED'
  | 'NO_DATA'
  | 'CONFLICTING_SOURCES'
  | 'DEEP_CHECK'
  | 'COUNTER_LANGUAGE'
  | 'COUNTER_UNKNOWN'
  | 'ENCODING_GUESSED';

export type MessageSeverity = 'error' | 'warning' | 'info';

export interface InputMessage {
  code: MessageCode;
  severity: MessageSeverity;
  file: string;
  line?: number;
  /** One plain sentence a sysadmin understands. */
  text: string;
}
