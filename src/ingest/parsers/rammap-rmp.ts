import { createDecoder, isAsciiCompatible } from '../encoding.js';
import type { Parser } from '../parser.js';
import { RmpReader } from './rammap-rmp-reader.js';
import { XmlScanner } from './rammap-xml-scanner.js';

const RAMMAP_ROOT = /<[^\s<>!?/]+\s[^<>]*\bApplication\s*=\s*["']\s*RAMMap\s*["']/i;
const RMP_ELEMENT = /<(?:[\w.-]+:)?(?:PageUseCounts|ListCounts|PfnDatabase|PoolInfo|ProcessList|PhysRanges)\s*>/;

/**
 * RAMMap's File > Save snapshot (.rmp): XML whose elements hold hex text (formats.md §1.5).
 * Read in one streaming pass; the huge PfnDatabase is skipped without being kept (or, with --deep, its
 * records are counted as they go by). UTF-8 and ANSI files are scanned as bytes, UTF-16 ones as text.
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
  async parse(input, sink, options) {
    const reader = new RmpReader(input.file, sink, options?.deep ?? false);
    const scanner = new XmlScanner(reader);
    if (isAsciiCompatible(input.encoding)) {
      const tagDecoder = createDecoder(input.encoding);
      let bom = input.bomLength;
      for await (const chunk of input.scanBytes()) {
        const skip = Math.min(bom, chunk.length);
        bom -= skip;
        if (skip < chunk.length) scanner.feedBytes(chunk.subarray(skip), tagDecoder);
      }
    } else {
      for await (const chunk of input.chunks()) scanner.feed(chunk);
    }
    reader.finish(scanner.end());
  },
};
