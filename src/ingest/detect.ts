import type { Parser } from './parser.js';

/** Below this score a file is not claimed by any parser. */
export const MIN_SNIFF_SCORE = 0.5;

export interface Detection {
  parser: Parser;
  score: number;
}

/** Asks every parser how sure it is about the decoded head; the most confident one wins. */
export function detectFormat(head: string, parsers: readonly Parser[]): Detection | undefined {
  let best: Detection | undefined;
  for (const parser of parsers) {
    let score = 0;
    try {
      score = parser.sniff(head);
    } catch {
      score = 0;
    }
    if (score >= MIN_SNIFF_SCORE && (!best || score > best.score)) best = { parser, score };
  }
  return best;
}
