import { formatBytes } from '../model/bytes.js';
import { formatSource } from '../model/source.js';
import { bytesOrDash, describeValue, findingHeader, whatIfLine } from './format.js';
import { cleanMarkdown, cleanText } from './sanitize.js';
import type { Report } from './types.js';

const code = (text: string) => `\`${cleanText(text).replace(/`/g, "'")}\``;
/** A code span inside a table cell: GFM splits cells at every unescaped pipe, even inside code. */
const cellCode = (text: string) => code(text).replace(/\|/g, '\\|');

/** A troubleshooting checklist a ticket can take as it is. */
export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const out: string[] = [];
  out.push('# guestram: where the RAM went', '', `**${cleanMarkdown(s.headline)}**`, '');
  out.push('| Hypervisor | Visible | In use | Process private | Gap | Unexplained |', '|---|---|---|---|---|---|');
  out.push(`| ${s.hypervisor} | ${bytesOrDash(s.physicalBytes)} | ${bytesOrDash(s.inUseBytes)} | ${bytesOrDash(s.processPrivateBytes)} | ${bytesOrDash(s.gapBytes)} | ${formatBytes(s.unexplainedBytes)} |`, '');
  out.push('## Findings and checklist', '');
  if (report.findings.length === 0) out.push('No findings.', '');
  report.findings.forEach((f, i) => {
    out.push(`### ${i + 1}. ${cleanMarkdown(f.title)}`, '', `${findingHeader(f)} · [about this cause](${f.docs})`, '', 'Evidence:', '');
    for (const e of f.evidence) out.push(`- ${cleanMarkdown(e.text)}${e.source ? ` — ${code(formatSource(e.source))}` : ''}`);
    const whatIf = whatIfLine(f);
    if (whatIf) out.push('', `*${whatIf}.*`);
    out.push('', 'Checklist:', '');
    for (const step of f.checklist) {
      out.push(`- [ ] ${cleanMarkdown(step.text)}${step.where === 'host' ? ' *(on the host)*' : ''}`);
      if (step.command) out.push(`  ${code(step.command)}`);
    }
    out.push('');
  });
  out.push('## Where the memory is', '', '| Step | Bytes |', '|---|---:|');
  for (const step of report.reconciliation.waterfall) out.push(`| ${step.kind === 'subtract' || step.kind === 'cause' ? '− ' : ''}${cleanMarkdown(step.label)} | ${formatBytes(step.bytes)} |`);
  out.push('', '## Accounting checks', '', '| Check | Left | Right | Tolerance | Holds |', '|---|---:|---:|---:|---|');
  for (const id of report.reconciliation.identities) {
    out.push(`| ${cleanMarkdown(id.title)} | ${formatBytes(id.lhs)} | ${formatBytes(id.rhs)} | ${formatBytes(id.toleranceBytes)} | ${id.holds ? 'yes' : `**no** — ${cleanMarkdown(id.note ?? '')}`} |`);
  }
  if (report.conflicts.length > 0) {
    out.push('', '## Sources that disagree', '');
    for (const c of report.conflicts) out.push(`- ${cleanMarkdown(c.subject)}: used ${cleanMarkdown(describeValue(c.used.value))} from ${code(formatSource(c.used.source))}; ignored ${c.ignored.map((i) => `${cleanMarkdown(describeValue(i.value))} from ${code(formatSource(i.source))}`).join(', ')}`);
  }
  out.push('', '## Inputs', '', '| File | Format | Encoding | Status | Messages |', '|---|---|---|---|---|');
  for (const input of report.inputs) {
    const messages = input.messages.map((m) => `${m.code}${m.line !== undefined ? ` (line ${m.line})` : ''}: ${cleanMarkdown(m.text)}`).join('<br>');
    out.push(`| ${cellCode(input.path)} | ${input.format} | ${input.encoding ?? ''} | ${input.status} | ${messages} |`);
  }
  return `${out.join('\n')}\n`;
}
