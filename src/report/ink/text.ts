/** Terminal text helpers. Widths count code points: the report's text is overwhelmingly single-width. */
const chars = (text: string): string[] => Array.from(text);

export const displayWidth = (text: string): number => chars(text).length;

/** Cuts text to `width` columns, ending in … when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const all = chars(text);
  return all.length <= width ? text : `${all.slice(0, width - 1).join('')}…`;
}

/** Like truncate but keeps the end (for paths: the file name matters most). */
export function truncateStart(text: string, width: number): string {
  if (width <= 0) return '';
  const all = chars(text);
  return all.length <= width ? text : `…${all.slice(all.length - width + 1).join('')}`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Exactly `width` columns: truncated or padded. */
export const fit = (text: string, width: number): string => padEnd(truncate(text, width), width);
export const fitStart = (text: string, width: number): string => padStart(truncate(text, width), width);

/** Word-wraps to `width` columns; words longer than a line are split. Always at least one line. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (displayWidth(rest) > w) {
      if (current) {
        lines.push(current);
        current = '';
      }
      const all = chars(rest);
      lines.push(all.slice(0, w).join(''));
      rest = all.slice(w).join('');
    }
    if (!rest) continue;
    if (!current) current = rest;
    else if (displayWidth(current) + 1 + displayWidth(rest) <= w) current += ` ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  lines.push(current);
  return lines;
}

/** Packs short items into as few lines of `width` as they fit, separated by `gap` spaces. */
export function pack(items: string[], width: number, gap = 3): string[] {
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    if (!current) current = item;
    else if (displayWidth(current) + gap + displayWidth(item) <= width) current += ' '.repeat(gap) + item;
    else {
      lines.push(current);
      current = item;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => truncate(line, width));
}
