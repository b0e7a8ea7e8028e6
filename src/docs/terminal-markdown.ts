/**
 * Renders the Markdown of guestram's docs as plain text for a terminal: headings underlined, emphasis and
 * backticks dropped, links written out, paragraphs and list items wrapped to the width. A code span is never
 * split across lines (it is usually a command to paste) unless it is wider than the terminal.
 */
export interface TerminalMarkdownOptions {
  width: number;
  /** How a link target is shown; the default shows it as written. */
  linkTarget?: (href: string) => string;
}

/** Stands for a space inside a code span until wrapping is done. */
const HARD_SPACE = '\u0000';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const TABLE_ROW = /^\s*\|/;
const QUOTE = /^\s*>\s?(.*)$/;

export function renderMarkdownForTerminal(markdown: string, options: TerminalMarkdownOptions): string {
  const width = Math.max(20, options.width);
  const inline = (text: string, room: number) => renderInline(text, room, options.linkTarget ?? ((href) => href));
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const fence = FENCE.exec(line)![1]!;
      i++;
      blank();
      while (i < lines.length && !lines[i]!.trim().startsWith(fence)) out.push(`    ${lines[i++]}`.trimEnd());
      i++;
      blank();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const text = restoreSpaces(inline(heading[2]!, width));
      blank();
      out.push(text);
      if (heading[1]!.length <= 2) out.push((heading[1]!.length === 1 ? '=' : '-').repeat(Math.min(text.length, width)));
      out.push('');
      i++;
      continue;
    }
    if (TABLE_ROW.test(line)) {
      const rows: string[] = [];
      while (i < lines.length && TABLE_ROW.test(lines[i]!)) rows.push(lines[i++]!);
      blank();
      out.push(...renderTable(rows, width, (cell) => restoreSpaces(inline(cell, width))));
      out.push('');
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const indent = Math.min(item[1]!.length, 8);
      const marker = /\d/.test(item[2]!) ? item[2]! : '-';
      const parts = [item[3]!];
      i++;
      while (i < lines.length && lines[i]!.trim() !== '' && !LIST_ITEM.test(lines[i]!) && !isBlockStart(lines[i]!) && /^\s/.test(lines[i]!)) parts.push(lines[i++]!.trim());
      const first = `${' '.repeat(2 + indent)}${marker} `;
      out.push(...wrap(inline(parts.join(' '), width - first.length), width, first, ' '.repeat(first.length)));
      if (i < lines.length && lines[i]!.trim() === '' && !LIST_ITEM.test(lines[i + 1] ?? '')) out.push('');
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      const parts: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) parts.push(QUOTE.exec(lines[i++]!)![1]!);
      out.push(...wrap(inline(parts.join(' '), width - 4), width, '  | ', '  | '));
      out.push('');
      continue;
    }
    const parts: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !isBlockStart(lines[i]!)) parts.push(lines[i++]!.trim());
    out.push(...wrap(inline(parts.join(' '), width), width, '', ''));
    out.push('');
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

function isBlockStart(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || TABLE_ROW.test(line) || LIST_ITEM.test(line) || QUOTE.test(line);
}

/** Inline markup → text; spaces inside code spans that fit in `room` become HARD_SPACE. */
function renderInline(text: string, room: number, linkTarget: (href: string) => string): string {
  const codes: string[] = [];
  let result = text.replace(/(`+)(.+?)\1/g, (_match, _ticks: string, code: string) => {
    const content = code.trim();
    codes.push(content.length <= room ? content.replace(/ /g, HARD_SPACE) : content);
    return `\u0001${codes.length - 1}\u0001`;
  });
  result = result
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, label: string, href: string) => {
      const target = linkTarget(href);
      return target === '' || target === label ? label : `${label} (${target})`;
    })
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[\s(])\*(?!\s)(.+?)(?<!\s)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/(^|[\s(])_(?!\s)(.+?)(?<!\s)_(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  return result.replace(/\u0001(\d+)\u0001/g, (_m, index: string) => codes[Number(index)] ?? '');
}

function restoreSpaces(text: string): string {
  return text.replaceAll(HARD_SPACE, ' ');
}

/** Greedy word wrap; a word wider than the line stays whole on its own line. */
export function wrap(text: string, width: number, firstPrefix: string, restPrefix: string): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = firstPrefix;
  let hasWord = false;
  for (const word of words) {
    const candidate = hasWord ? `${line} ${word}` : `${line}${word}`;
    if (hasWord && candidate.length > width) {
      lines.push(line);
      line = `${restPrefix}${word}`;
    } else {
      line = candidate;
    }
    hasWord = true;
  }
  if (hasWord) lines.push(line);
  return lines.map(restoreSpaces);
}

/** Aligned columns when they fit; otherwise one block per row with the other cells labelled by their header. */
function renderTable(rows: string[], width: number, inline: (cell: string) => string): string[] {
  const cells = rows
    .filter((row) => !/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(row))
    .map((row) => splitRow(row).map(inline));
  if (cells.length === 0) return [];
  const columns = Math.max(...cells.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const total = widths.reduce((s, w) => s + w, 0) + 2 * (columns - 1) + 2;
  if (total <= width) {
    const format = (row: string[]) => `  ${widths.map((w, c) => (row[c] ?? '').padEnd(w)).join('  ')}`.trimEnd();
    const [header, ...body] = cells;
    return [format(header!), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...body.map(format)];
  }
  const [header, ...body] = cells;
  return body.flatMap((row) => [
    ...wrap(row[0] ?? '', width, '  - ', '    '),
    ...row.slice(1).flatMap((cell, c) => (cell === '' ? [] : wrap(`${header![c + 1] ?? ''}: ${cell}`, width, '      ', '        '))),
  ]);
}

/** Cells of a `| a | b |` row; `\|` and pipes inside code spans stay in the cell. */
function splitRow(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  const text = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '`') {
      inCode = !inCode;
      current += ch;
    } else if (ch === '|' && !inCode) {
      cells.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current.trim());
  return cells;
}
