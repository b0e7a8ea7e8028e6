/**
 * Terminal columns a string takes: what yargs' help layout needs (bundled in place of string-width, whose
 * Unicode emoji expressions took ~70 ms to compile at every start, longer than most analyses).
 * ANSI escapes take none, combining marks none, East Asian wide and fullwidth characters two.
 */
const ANSI = /[\u001B\u009B][[\]()#;?]*(?:\d{1,4}(?:[;:]\d{0,4})*)?[\dA-PR-TZcf-nq-uy=><~]/g;
let zeroWidth: RegExp | undefined;

export default function textWidth(text: string): number {
  if (typeof text !== 'string' || text === '') return 0;
  const plain = text.includes('\u001B') || text.includes('\u009B') ? text.replace(ANSI, '') : text;
  if (/^[\u0020-\u007E]*$/.test(plain)) return plain.length;
  zeroWidth ??= /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
  let width = 0;
  for (const char of plain) {
    const code = char.codePointAt(0)!;
    if (zeroWidth.test(char)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** East Asian Wide and Fullwidth blocks (Unicode 15 EastAsianWidth.txt, the large ranges). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
