/**
 * A small streaming XML tag scanner for RAMMap snapshots. It sees the text once, chunk by chunk, and
 * never holds more than one unfinished tag: element content is handed to the handler as ranges of the
 * current chunk (or only counted for line numbers), so an 800 MB hex payload costs no memory.
 */
import { asBuffer, ByteChars, StringChars, type Chars, type TagDecoder } from './rammap-chars.js';

export interface OpenTag {
  /** Local name: namespace prefixes (`ns:`, `{uri}`) removed. */
  name: string;
  attrs: Record<string, string>;
  /** 1-based line where the tag starts. */
  line: number;
  selfClosing: boolean;
}

export interface OpenElement {
  name: string;
  line: number;
}

export interface XmlHandler {
  /** Returns true to receive the element's own text through `text`. */
  open(tag: OpenTag): boolean;
  /** Content directly inside a capturing element: [from, to) of the current chunk (text, or bytes of an ASCII-compatible file), not copied. */
  text(chunk: string | Buffer, from: number, to: number): void;
  close(element: OpenElement): void;
}

export interface ScanEnd {
  /** Elements still open when the input ended, outermost first. */
  unclosed: OpenElement[];
  /** A tag that was started but not finished, with its line. */
  cutTag?: { name: string; line: number };
}

interface StackEntry extends OpenElement {
  capture: boolean;
}

/** Longest tag kept while waiting for its `>`; anything longer is not a tag RAMMap writes. */
const MAX_TAG_LENGTH = 1 << 20;

export class XmlScanner {
  private line = 1;
  private pendingCr = false;
  private partial: Chars | undefined;
  private partialLine = 0;
  private readonly stack: StackEntry[] = [];
  private nextLf = -1;
  private nextCr = -1;

  constructor(private readonly handler: XmlHandler) {}

  /** Decoded text (any encoding). */
  feed(chunk: string): void {
    this.scan(new StringChars(chunk));
  }

  /** Raw bytes of an ASCII-compatible file: tags are decoded with `decoder`, content is never decoded here. */
  feedBytes(chunk: Uint8Array, decoder: TagDecoder): void {
    this.scan(new ByteChars(asBuffer(chunk), decoder));
  }

  private scan(chunk: Chars): void {
    let text = chunk;
    let pos = 0;
    if (this.partial) {
      text = this.partial.concat(chunk);
      this.partial = undefined;
    }
    // New buffer: forget the cached line-break positions of the previous one.
    this.nextLf = -1;
    this.nextCr = -1;
    while (pos < text.length) {
      const lt = text.find(0x3c /* < */, pos);
      const textEnd = lt === -1 ? text.length : lt;
      if (textEnd > pos) {
        const top = this.stack[this.stack.length - 1];
        if (top?.capture) this.handler.text(text.raw, pos, textEnd);
        this.countBreaks(text, pos, textEnd);
      }
      if (lt === -1) return;
      const end = findTagEnd(text, lt);
      if (end === -1) {
        this.keepPartial(text, lt);
        return;
      }
      const tagLine = this.line;
      this.countBreaks(text, lt, end);
      this.handleTag(text, lt, end, tagLine);
      pos = end;
    }
  }

  end(): ScanEnd {
    const cutTag = this.partial ? { name: tagName(this.partial.text(0, Math.min(this.partial.length, 256))) || '?', line: this.partialLine } : undefined;
    this.partial = undefined;
    return { unclosed: this.stack.map(({ name, line }) => ({ name, line })), ...(cutTag && { cutTag }) };
  }

  private keepPartial(text: Chars, from: number): void {
    if (text.length - from > MAX_TAG_LENGTH) {
      // Not a real tag (a stray `<`): count it as text and move on.
      this.countBreaks(text, from, text.length);
      return;
    }
    this.partial = text.rest(from);
    this.partialLine = this.line;
  }

  private handleTag(text: Chars, from: number, to: number, line: number): void {
    const second = text.code(from + 1);
    if (second === 0x21 /* ! */) {
      if (text.startsWith('<![CDATA[', from)) {
        const top = this.stack[this.stack.length - 1];
        if (top?.capture) this.handler.text(text.raw, from + 9, to - 3);
      }
      return;
    }
    if (second === 0x3f /* ? */) return;
    const raw = text.text(from, to);
    if (second === 0x2f /* / */) {
      this.closeElement(tagName(raw));
      return;
    }
    const name = tagName(raw);
    if (name === '') return;
    const selfClosing = raw.endsWith('/>');
    const capture = this.handler.open({ name, attrs: parseAttributes(raw), line, selfClosing });
    if (selfClosing) this.handler.close({ name, line });
    else this.stack.push({ name, line, capture });
  }

  private closeElement(name: string): void {
    const index = this.stack.map((e) => e.name).lastIndexOf(name);
    if (index === -1) return;
    while (this.stack.length > index) {
      const element = this.stack.pop()!;
      this.handler.close({ name: element.name, line: element.line });
    }
  }

  /**
   * Counts CRLF, LF and lone CR as line ends, like Input.lines(). The next LF/CR positions are cached
   * per buffer so that many short ranges in a long line stay linear.
   */
  private countBreaks(text: Chars, from: number, to: number): void {
    if (this.pendingCr && from < to) {
      this.pendingCr = false;
      if (text.code(from) !== 10) this.line++;
    }
    if (this.nextLf < from) this.nextLf = indexOrEnd(text, 10, from);
    while (this.nextLf < to) {
      this.line++;
      this.nextLf = indexOrEnd(text, 10, this.nextLf + 1);
    }
    if (this.nextCr < from) this.nextCr = indexOrEnd(text, 13, from);
    while (this.nextCr < to) {
      const i = this.nextCr;
      if (i + 1 === text.length) this.pendingCr = true;
      else if (text.code(i + 1) !== 10) this.line++;
      this.nextCr = indexOrEnd(text, 13, i + 1);
    }
  }
}

function indexOrEnd(text: Chars, code: number, from: number): number {
  const index = text.find(code, from);
  return index === -1 ? text.length : index;
}

/** Index just past the tag starting at `from`, or -1 when the tag continues in the next chunk. */
function findTagEnd(text: Chars, from: number): number {
  if (text.startsWith('<!--', from)) {
    const end = text.findText('-->', from + 4);
    return end === -1 ? -1 : end + 3;
  }
  if (text.startsWith('<![CDATA[', from)) {
    const end = text.findText(']]>', from + 9);
    return end === -1 ? -1 : end + 3;
  }
  if (from + 9 > text.length && '<![CDATA['.startsWith(text.text(from, text.length))) return -1;
  let quote = 0;
  for (let i = from + 1; i < text.length; i++) {
    const c = text.code(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e /* > */) {
      return i + 1;
    }
  }
  return -1;
}

function tagName(raw: string): string {
  const match = /^<\/?\s*([^\s/>]+)/.exec(raw);
  if (!match) return '';
  const qualified = match[1]!;
  return qualified.slice(Math.max(qualified.lastIndexOf(':'), qualified.lastIndexOf('}')) + 1);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttributes(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const body = raw.replace(/^<\s*[^\s/>]+/, '');
  for (const match of body.matchAll(ATTRIBUTE)) {
    const qualified = match[1]!;
    const name = qualified.slice(qualified.lastIndexOf(':') + 1);
    attrs[name] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attrs;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return (Object.hasOwn(NAMED_ENTITIES, entity) ? NAMED_ENTITIES[entity] : undefined) ?? whole;
  });
}
