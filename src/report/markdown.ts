import { formatBytes } from '../model/bytes.js';
import { formatSource } from '../model/source.js';
import { alternativeLine, bytesOrDash, describeValue, evidenceMark, factValue, findingHeader, VERDICT_LABEL, whatIfLine } from './format.js';

const MARK: Record<string, string> = { '+': '(for) ', '+!': '(for, seen directly) ', '−': '(against) ', '·': '' };
import { cleanMarkdown, cleanText } from './sanitize.js';
import type { Report } from './types.js';

const code = (text: string) => `\`${cleanText(text).replace(/`/g, "'")}\``;
/** A code span inside a table cell: GFM splits cells at every unescaped pipe, even inside code. */
const cellCode = (text: string) => code(text).replace(/\|/g, '\\|');

/** A troubleshooting checklist a ticket can take as it is. */
export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const out: string[] = [];
  out.push('# guestram: where the RAM went', '', `**${cleanMarkdown(s.headline)}**`, '', `Verdict: **${VERDICT_LABEL[s.verdict]}** — ${cleanMarkdown(s.verdictReason)}`, '');
  if (s.nextEvidence) out.push(`Next: ${cleanMarkdown(s.nextEvidence.text)} — run ${s.nextEvidence.where === 'host' ? 'on the host' : 'in the guest'}: ${code(s.nextEvidence.command)}`, '');
  out.push('| Hypervisor | Visible | In use | Process private | Gap | Unexplained |', '|---|---|---|---|---|---|');
  out.push(`| ${s.hypervisor} | ${bytesOrDash(s.physicalBytes)} | ${bytesOrDash(s.inUseBytes)} | ${bytesOrDash(s.processPrivateBytes)} | ${bytesOrDash(s.gapBytes)} | ${formatBytes(s.unexplainedBytes)} |`, '');
  out.push('## Findings and checklist', '');
  if (report.findings.length === 0) out.push('No findings.', '');
  report.findings.forEach((f, i) => {
    out.push(`### ${i + 1}. ${cleanMarkdown(f.title)}`, '', `${findingHeader(f)} · [about this cause](${f.docs})`, '', 'Evidence:', '');
    for (const e of f.evidence) out.push(`- ${MARK[evidenceMark(e)]}${cleanMarkdown(e.text)}${e.source ? ` — ${code(formatSource(e.source))}` : ''}`);
    if (f.alternatives?.length) {
      out.push('', 'Also possible:', '');
      for (const a of f.alternatives) out.push(`- ${cleanMarkdown(alternativeLine(a))}`);
    }
    if (f.nextEvidence) out.push('', `Collect next: ${cleanMarkdown(f.nextEvidence.text)} — run ${f.nextEvidence.where === 'host' ? 'on the host' : 'in the guest'}: ${code(f.nextEvidence.command)}`);
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
  if (report.machines.length > 1) {
    out.push('', '## Machines the inputs describe', '');
    for (const m of report.machines) {
      out.push(`- **${cleanMarkdown(m.label)}**${m.hypervisor ? ` (${m.hypervisor})` : ''}${m.verdict ? ` — ${VERDICT_LABEL[m.verdict]}: ${cleanMarkdown(m.headline ?? '')}` : ''}: ${m.files.map(code).join(', ')}`);
    }
  }
  out.push('', '## Inputs', '', '| File | Format | Encoding | Status | Messages | Values read |', '|---|---|---|---|---|---|');
  for (const input of report.inputs) {
    const messages = input.messages.map((m) => `${m.code}${m.line !== undefined ? ` (line ${m.line})` : ''}: ${cleanMarkdown(m.text)}`).join('<br>');
    const facts = input.facts.map((f) => `${cleanMarkdown(f.name)}: ${cleanMarkdown(factValue(f))}${f.line !== undefined ? ` (line ${f.line})` : ''}`).join('<br>');
    out.push(`| ${cellCode(input.path)} | ${input.format} | ${input.encoding ?? ''} | ${input.status} | ${messages} | ${facts} |`);
  }
  return `${out.join('\n')}\n`;
}
