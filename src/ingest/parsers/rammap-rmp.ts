import type { Parser } from '../parser.js';
import { RmpReader } from './rammap-rmp-reader.js';
import { XmlScanner } from './rammap-xml-scanner.js';

const RAMMAP_ROOT = /<[^\s<>!?/]+\s[^<>]*\bApplication\s*=\s*["']\s*RAMMap\s*["']/i;
const RMP_ELEMENT = /<(?:[\w.-]+:)?(?:PageUseCounts|ListCounts|PfnDatabase|PoolInfo|ProcessList|PhysRanges)\s*>/;

/**
 * RAMMap's File > Save snapshot (.rmp): XML whose elements hold hex text (formats.md §1.5).
 * Read in one streaming pass; the huge PfnDatabase is skipped without being kept.
 */
export const rammapRmp: Parser = {
  format: 'rammap-rmp',
  title: 'RAMMap snapshot (.rmp)',
  sniff(head) {
    const start = head.trimStart();
    if (!start.startsWith('<')) return 0;
    if (RAMMAP_ROOT.test(head)) return 0.99;
    return RMP_ELEMENT.test(head) ? 0.9 : 0;
  },
  async parse(input, sink) {
    const reader = new RmpReader(input.file, sink);
    const scanner = new XmlScanner(reader);
    for await (const chunk of input.chunks()) scanner.feed(chunk);
    reader.finish(scanner.end());
  },
};
