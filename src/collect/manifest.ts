/** One file a collection step writes, and the format guestram reads it as. */
export interface CollectOutput {
  file: string;
  format: string;
  /** 1-based line of the manifest entry. */
  line: number;
}

const MANIFEST_LINE = /^#\s*guestram-output:\s*(\S+)\s+(\S+)\s*$/;

/** The `# guestram-output: <file> <format>` lines of a collection script or host command sheet. */
export function readManifest(text: string): CollectOutput[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, index) => {
    const match = MANIFEST_LINE.exec(line.trim());
    return match ? [{ file: match[1]!, format: match[2]!, line: index + 1 }] : [];
  });
}

/** The text without its manifest lines, for printing to a person. */
export function withoutManifest(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => !MANIFEST_LINE.test(line.trim()))
    .join('\n');
}
