/**
 * A syntax check for the guest script where no PowerShell is available: strings and comments are separated
 * from code, brackets must balance, and syntax that Windows PowerShell 5.1 does not know is refused.
 */

export interface PsString {
  text: string;
  line: number;
}

export interface PsSource {
  /** The code with comments and string contents blanked (line breaks kept, so positions keep their line). */
  code: string;
  strings: PsString[];
  problems: string[];
}

export function splitPowerShell(source: string): PsSource {
  const text = source.replace(/\r\n?/g, '\n');
  const strings: PsString[] = [];
  const problems: string[] = [];
  let code = '';
  let line = 1;
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const take = (end: number) => {
    const piece = text.slice(i, end);
    line += (piece.match(/\n/g) ?? []).length;
    i = end;
    return piece;
  };
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    const startLine = line;
    if (ch === '<' && next === '#') {
      const end = text.indexOf('#>', i + 2);
      if (end < 0) problems.push(`line ${startLine}: block comment <# never closed`);
      code += blank(take(end < 0 ? text.length : end + 2));
    } else if (ch === '#') {
      const end = text.indexOf('\n', i);
      code += blank(take(end < 0 ? text.length : end));
    } else if (ch === '@' && (next === "'" || next === '"') && /^[ \t]*\n/.test(text.slice(i + 2))) {
      const close = `\n${next}@`;
      const end = text.indexOf(close, i + 2);
      if (end < 0) problems.push(`line ${startLine}: here-string @${next} never closed`);
      const piece = take(end < 0 ? text.length : end + close.length);
      strings.push({ text: piece.slice(2, -2), line: startLine });
      code += blank(piece);
    } else if (ch === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      if (j >= text.length) problems.push(`line ${startLine}: single-quoted string never closed`);
      const piece = take(Math.min(j + 1, text.length));
      strings.push({ text: piece.slice(1, -1).replace(/''/g, "'"), line: startLine });
      code += `'${blank(piece.slice(1, -1))}'`;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === '`') j += 2;
        else if (text[j] === '"' && text[j + 1] === '"') j += 2;
        else if (text[j] === '"') break;
        else j++;
      }
      if (j >= text.length) problems.push(`line ${startLine}: double-quoted string never closed`);
      const piece = take(Math.min(j + 1, text.length));
      strings.push({ text: piece.slice(1, -1), line: startLine });
      code += `"${blank(piece.slice(1, -1))}"`;
    } else if (ch === '`') {
      code += take(Math.min(i + 2, text.length));
    } else {
      code += take(i + 1);
    }
  }
  return { code, strings, problems };
}

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function bracketProblems(code: string): string[] {
  const stack: { ch: string; line: number }[] = [];
  const problems: string[] = [];
  let line = 1;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '\n') line++;
    else if (ch === '`') i++;
    else if (ch === '(' || ch === '[' || ch === '{') stack.push({ ch, line });
    else if (ch in PAIRS) {
      const open = stack.pop();
      if (!open || open.ch !== PAIRS[ch]) problems.push(`line ${line}: "${ch}" does not close ${open ? `"${open.ch}" of line ${open.line}` : 'anything'}`);
    }
  }
  for (const open of stack) problems.push(`line ${open.line}: "${open.ch}" is never closed`);
  return problems;
}

/** Syntax and parameters that exist only in PowerShell 6/7. */
const PS7_ONLY: [RegExp, string][] = [
  [/\?\?/, 'null-coalescing ??'],
  [/\?\./, 'null-conditional ?.'],
  [/\?\[/, 'null-conditional ?['],
  [/&&|\|\|/, 'pipeline chain && / ||'],
  [/(^|[\s(])\?(\s|$)/m, 'ternary ? : (or the ? alias)'],
  [/-Parallel\b/i, 'ForEach-Object -Parallel'],
  [/-AsHashtable\b/i, 'ConvertFrom-Json -AsHashtable'],
  [/-EnumsAsStrings\b/i, 'ConvertTo-Json -EnumsAsStrings'],
  [/-AdditionalChildPath\b/i, 'Join-Path -AdditionalChildPath'],
  [/-SkipHeaderValidation\b/i, 'Invoke-WebRequest -SkipHeaderValidation'],
  [/\bGet-Error\b|\bTest-Json\b|\$PSStyle\b/i, 'a PowerShell 7 cmdlet or variable'],
  [/^\s*clean\s*\{/im, 'a clean block'],
];

export function ps7Problems(source: PsSource): string[] {
  const problems: string[] = [];
  const codeLines = source.code.split('\n');
  codeLines.forEach((text, index) => {
    for (const [pattern, what] of PS7_ONLY) if (pattern.test(text)) problems.push(`line ${index + 1}: ${what}`);
  });
  for (const s of source.strings) if (/utf8NoBOM|utf8BOM/i.test(s.text)) problems.push(`line ${s.line}: encoding name ${s.text} (PowerShell 6+)`);
  if (/-Encoding\s+utf8(NoBOM|BOM)\b/i.test(source.code)) problems.push('an -Encoding name of PowerShell 6+');
  return problems;
}

/** `Verb-Noun` command names used in the code, with the lines they are on. */
export function commandsUsed(code: string): Map<string, number> {
  const used = new Map<string, number>();
  code.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/(?<![\w$.-])([A-Z][A-Za-z]+-[A-Z][A-Za-z0-9]+)\b/g)) if (!used.has(match[1]!)) used.set(match[1]!, index + 1);
  });
  return used;
}

export function functionsDefined(code: string): string[] {
  return [...code.matchAll(/^\s*function\s+([A-Za-z][\w-]*)/gim)].map((m) => m[1]!);
}
