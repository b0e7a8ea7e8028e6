import { formatBytes } from '../model/bytes.js';
import { formatSource } from '../model/source.js';
import { alternativeLine, bytesOrDash, describeValue, evidenceLine, evidenceMark, factValue, findingHeader, nextEvidenceLine, VERDICT_LABEL, whatIfLine } from './format.js';
import { cleanText } from './sanitize.js';
import type { Report } from './types.js';

/** Plain text for a terminal without the TUI, a log or a ticket. */
export function renderText(report: Report): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(`guestram ${report.tool.version} — where the RAM went`, '');
  out.push(`Verdict: ${VERDICT_LABEL[s.verdict]} — ${cleanText(s.verdictReason)}`, '', cleanText(s.headline), '');
  if (s.nextEvidence) out.push(`Next: ${nextEvidenceLine(s.nextEvidence)}`, '');
  out.push(
    `Hypervisor: ${s.hypervisor}   Visible: ${bytesOrDash(s.physicalBytes)}   In use: ${bytesOrDash(s.inUseBytes)}   ` +
      `Process private: ${bytesOrDash(s.processPrivateBytes)}   Gap: ${bytesOrDash(s.gapBytes)}   Unexplained: ${formatBytes(s.unexplainedBytes)}`,
    '',
  );
  out.push('Findings, most important first');
  if (report.findings.length === 0) out.push('  (none)');
  report.findings.forEach((f, i) => {
    out.push(`${String(i + 1).padStart(3)}. ${findingHeader(f)}`, `     ${cleanText(f.title)}`);
    for (const e of f.evidence) out.push(`       ${evidenceMark(e).padEnd(2)} ${evidenceLine(e)}`);
    for (const a of f.alternatives ?? []) out.push(`       also possible: ${alternativeLine(a)}`);
    if (f.nextEvidence) out.push(`       collect next: ${nextEvidenceLine(f.nextEvidence)}`);
    const whatIf = whatIfLine(f);
    if (whatIf) out.push(`       ${whatIf}`);
    for (const step of f.checklist) {
      out.push(`       [ ] ${cleanText(step.text)}${step.where === 'host' ? ' (on the host)' : ''}`);
      if (step.command) out.push(`             ${cleanText(step.command)}`);
    }
    out.push(`       see ${f.docs}`);
  });
  out.push('', 'Where the memory is');
  for (const step of report.reconciliation.waterfall) {
    const sign = step.kind === 'subtract' || step.kind === 'cause' ? '−' : ' ';
    out.push(`  ${sign} ${step.label.padEnd(36)} ${formatBytes(step.bytes).padStart(10)}`);
  }
  out.push('', 'Accounting checks');
  for (const id of report.reconciliation.identities) {
    out.push(`  ${id.holds ? 'ok  ' : 'FAIL'} ${id.title}: ${id.lhsLabel} ${formatBytes(id.lhs)} vs ${id.rhsLabel} ${formatBytes(id.rhs)} (tolerance ${formatBytes(id.toleranceBytes)})`);
    if (id.note) out.push(`       ${id.note}`);
  }
  if (report.conflicts.length > 0) {
    out.push('', 'Sources that disagree');
    for (const c of report.conflicts) {
      out.push(`  ${cleanText(c.subject)}: used ${describeValue(c.used.value)} from ${cleanText(formatSource(c.used.source))}; ignored ${c.ignored.map((i) => `${describeValue(i.value)} from ${cleanText(formatSource(i.source))}`).join(', ')}`);
    }
  }
  if (report.machines.length > 1) {
    out.push('', 'Machines the inputs describe');
    for (const m of report.machines) {
      out.push(`  ${cleanText(m.label)}${m.hypervisor ? ` (${m.hypervisor})` : ''}${m.verdict ? ` — ${VERDICT_LABEL[m.verdict]}: ${cleanText(m.headline ?? '')}` : ''}`);
      for (const file of m.files) out.push(`      ${cleanText(file)}`);
    }
  }
  out.push('', 'Inputs (and the values guestram read from each)');
  for (const input of report.inputs) {
    out.push(`  ${input.status.padEnd(12)} ${input.format.padEnd(20)} ${cleanText(input.path)}${input.encoding ? `  [${input.encoding}]` : ''}`);
    for (const m of input.messages) out.push(`               ${m.severity} ${m.code}${m.line !== undefined ? ` line ${m.line}` : ''}: ${cleanText(m.text)}`);
    for (const f of input.facts) out.push(`               = ${cleanText(f.name)}: ${factValue(f)}${f.line !== undefined ? `  (line ${f.line})` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
