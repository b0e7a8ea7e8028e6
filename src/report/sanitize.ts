/**
 * Text from input files (process names, paths, device names, pool tags) may carry terminal escape
 * sequences or control characters; they must never reach the reader's terminal or ticket.
 */
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(text: string): string {
  // A line break inside a name would let input text forge a line (or a table row) of the report.
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROL, '').replace(/[\t\n\u2028\u2029]/g, ' ');
}

/** cleanText plus escaping of Markdown syntax, for text that must stay literal in a ticket. */
export function cleanMarkdown(text: string): string {
  return cleanText(text).replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}
