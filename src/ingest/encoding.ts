import { codePageDecoder, guessCodePage, type CodePage, type TextDecoding } from './code-pages.js';

/** Text encodings Windows exports come in (formats.md §2.4): Unicode, or a legacy code page chosen by content. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | CodePage;

export interface EncodingGuess {
  encoding: Encoding;
  /** Length of the byte-order mark to skip. */
  bomLength: number;
  /** A legacy code page that reads these bytes exactly the same (cp437 and cp850 for most text). */
  sameAs?: CodePage;
}

/** Every encoding here but UTF-16 reads bytes below 0x80 as ASCII. */
export function isAsciiCompatible(encoding: Encoding): boolean {
  return encoding !== 'utf-16le' && encoding !== 'utf-16be';
}

export function isLegacyCodePage(encoding: Encoding): encoding is CodePage {
  return encoding !== 'utf-8' && isAsciiCompatible(encoding);
}

/** A streaming decoder for an encoding (TextDecoder, or a table for the DOS code pages it lacks); BOMs are skipped by the caller. */
export function createDecoder(encoding: Encoding): TextDecoding {
  return isLegacyCodePage(encoding) ? codePageDecoder(encoding) : new TextDecoder(encoding, { ignoreBOM: true });
}

export type Sniffed = EncodingGuess | { binary: string };

const MAGIC: [string, number[]][] = [
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (extract it first)', [0x50, 0x4b, 0x03, 0x04]],
  ['a 7-Zip archive (extract it first)', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a gzip archive (extract it first)', [0x1f, 0x8b]],
  ['a Windows program or DLL', [0x4d, 0x5a]],
  ['a Windows event log (.evtx)', [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]],
  ['a binary performance log (.blg): convert it with relog -f csv', [0x10, 0x00, 0x00, 0x00, 0x10]],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decides a file's encoding from its first bytes: BOMs first, then the NUL pattern of UTF-16 text
 * without a BOM, then UTF-8 validity, and for legacy output the code page its content reads best in.
 */
export function sniffEncoding(head: Uint8Array): Sniffed {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  for (const [what, magic] of MAGIC) if (startsWith(head, magic)) return { binary: what };

  const sample = head.subarray(0, 4096);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  const pairs = Math.max(1, Math.floor(sample.length / 2));
  if (oddNuls > pairs * 0.3 && evenNuls < oddNuls * 0.1) return { encoding: 'utf-16le', bomLength: 0 };
  if (evenNuls > pairs * 0.3 && oddNuls < evenNuls * 0.1) return { encoding: 'utf-16be', bomLength: 0 };
  if (evenNuls + oddNuls > 0) return { binary: 'a binary file' };
  if (controlRatio(sample) > 0.1) return { binary: 'a binary file' };
  if (isValidUtf8Prefix(head)) return { encoding: 'utf-8', bomLength: 0 };
  const { codePage, sameAs } = guessCodePage(head);
  return { encoding: codePage, bomLength: 0, ...(sameAs && { sameAs }) };
}

function controlRatio(bytes: Uint8Array): number {
  let control = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  return bytes.length === 0 ? 0 : control / bytes.length;
}

/** UTF-8 check that forgives a multi-byte sequence cut off at the end of the sample. */
function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
